// A corner region for errors (role="alert", kept until dismissed) and short confirmations (role="status").
// An open modal dialog makes the rest of the page inert, so the region is rendered inside the
// top-most open dialog when there is one.
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/describe-error';

/** Confirmations disappear on their own; errors wait for the editor. */
const INFO_VISIBLE_MS = 6000;
const MAX_ERRORS_SHOWN = 4;

interface Notice {
  id: number;
  text: string;
}

interface NoticesApi {
  error: (err: unknown) => void;
  info: (text: string) => void;
  /** Dialogs register an element to host the notices while they are open; returns the unregister. */
  registerHost: (el: HTMLElement) => () => void;
}

const NoticesContext = createContext<NoticesApi | null>(null);

let nextId = 1;

/** Provides `useNotices()` and renders the notice regions. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Notice[]>([]);
  const [infos, setInfos] = useState<Notice[]>([]);
  const [hosts, setHosts] = useState<HTMLElement[]>([]);

  const error = useCallback(
    (err: unknown) => {
      const text = describeError(err, t);
      // Errors are reported once here and also left in the console for whoever debugs.
      console.error(err);
      setErrors((list) => [...list, { id: nextId++, text }].slice(-MAX_ERRORS_SHOWN));
    },
    [t],
  );
  const info = useCallback((text: string) => {
    const id = nextId++;
    setInfos((list) => [...list, { id, text }]);
    setTimeout(() => setInfos((list) => list.filter((n) => n.id !== id)), INFO_VISIBLE_MS);
  }, []);
  const registerHost = useCallback((el: HTMLElement) => {
    setHosts((list) => [...list, el]);
    return () => setHosts((list) => list.filter((h) => h !== el));
  }, []);
  const api = useMemo(() => ({ error, info, registerHost }), [error, info, registerHost]);

  const regions = (
    <div className="notices">
      <div role="alert" className="notices-errors" data-testid="error-notices">
        {errors.map((n) => (
          <div key={n.id} className="notice notice-error">
            <span>{n.text}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t('common.dismiss')}
              onClick={() => setErrors((list) => list.filter((x) => x.id !== n.id))}
            >
              ×
            </button>
          </div>
        ))}
      </div>
      <div role="status" className="notices-infos" data-testid="info-notices">
        {infos.map((n) => (
          <div key={n.id} className="notice notice-info">
            {n.text}
          </div>
        ))}
      </div>
    </div>
  );
  const host = hosts.at(-1);
  return (
    <NoticesContext.Provider value={api}>
      {children}
      {host ? createPortal(regions, host) : regions}
    </NoticesContext.Provider>
  );
}

/** Reports errors and confirmations to the editor. */
export function useNotices(): NoticesApi {
  const api = useContext(NoticesContext);
  if (!api) throw new Error('useNotices outside NoticesProvider');
  return api;
}
