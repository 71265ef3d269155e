// Errors (role="alert", kept until dismissed) and short confirmations (role="status").
// Confirmations sit in a status area that takes its own room (under the sidebar, or at the foot of
// an open dialog), so they never cover what the editor is reading. An open modal dialog makes the
// rest of the page inert, so while one is open every notice is rendered inside the top-most one.
import type { ReactNode } from 'react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { CheckIcon } from '../components/icons';
import { describeError } from '../i18n/describe-error';

/** Confirmations disappear on their own; errors wait for the editor. */
const INFO_VISIBLE_MS = 6000;
const MAX_ERRORS_SHOWN = 4;

interface Notice {
  id: number;
  text: string;
}

type HostKind = 'dialog' | 'shell';

interface NoticesApi {
  error: (err: unknown) => void;
  info: (text: string) => void;
  /**
   * Lends an element to show the notices in; returns the unregister. Dialogs lend one while open
   * (the latest wins); the shell lends its status area for confirmations.
   */
  registerHost: (el: HTMLElement, kind?: HostKind) => () => void;
  /** The top-most open dialog's notice host (other notice regions render there too), or null. */
  dialogHost: HTMLElement | null;
}

const NoticesContext = createContext<NoticesApi | null>(null);

let nextId = 1;

/** Provides `useNotices()` and renders the notice regions. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Notice[]>([]);
  // Only the latest confirmation is shown: an older one is stale once another action finished.
  const [shown, setShown] = useState<Notice | null>(null);
  const [dialogHosts, setDialogHosts] = useState<HTMLElement[]>([]);
  const [shellHost, setShellHost] = useState<HTMLElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const error = useCallback(
    (err: unknown) => {
      const text = describeError(err, t);
      // Errors are reported once here and also left in the console for whoever debugs.
      console.error(err);
      // The same failure repeated (every keystroke while the engine is unreachable) is shown once.
      setErrors((list) =>
        list.some((n) => n.text === text)
          ? list
          : [...list, { id: nextId++, text }].slice(-MAX_ERRORS_SHOWN),
      );
    },
    [t],
  );
  const info = useCallback((text: string) => {
    setShown({ id: nextId++, text });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setShown(null), INFO_VISIBLE_MS);
  }, []);
  const registerHost = useCallback((el: HTMLElement, kind: HostKind = 'dialog') => {
    if (kind === 'shell') {
      setShellHost(el);
      return () => setShellHost((h) => (h === el ? null : h));
    }
    setDialogHosts((list) => [...list, el]);
    return () => setDialogHosts((list) => list.filter((h) => h !== el));
  }, []);
  const dialogHost = dialogHosts.at(-1) ?? null;
  const api = useMemo(
    () => ({ error, info, registerHost, dialogHost }),
    [error, info, registerHost, dialogHost],
  );

  const dismissInfo = () => {
    clearTimeout(timer.current);
    setShown(null);
  };
  const errorRegion = (
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
  );
  const infoRegion = (
    <div role="status" aria-live="polite" className="notices-infos" data-testid="info-notices">
      {shown ? (
        <div
          key={shown.id}
          className="notice notice-info"
          onKeyDown={(e) => {
            // Esc on the notice's own button dismisses it without closing the dialog around it.
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            e.preventDefault();
            dismissInfo();
          }}
        >
          <CheckIcon />
          <span>{shown.text}</span>
          <button
            type="button"
            className="icon-button notice-close"
            aria-label={t('common.dismiss')}
            onClick={dismissInfo}
          >
            ×
          </button>
        </div>
      ) : null}
    </div>
  );

  let regions: ReactNode;
  if (dialogHost) {
    regions = createPortal(
      <div className="notices-dialog">
        {errorRegion}
        {infoRegion}
      </div>,
      dialogHost,
    );
  } else {
    regions = (
      <>
        <div className="notices-corner">
          {errorRegion}
          {shellHost ? null : infoRegion}
        </div>
        {shellHost ? createPortal(infoRegion, shellHost) : null}
      </>
    );
  }
  return (
    <NoticesContext.Provider value={api}>
      {children}
      {regions}
    </NoticesContext.Provider>
  );
}

/** The shell's status area: confirmations appear here, in room of their own. */
export function NoticeStatusArea() {
  const { registerHost } = useNotices();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => (ref.current ? registerHost(ref.current, 'shell') : undefined), [registerHost]);
  return <div ref={ref} className="status-area" data-testid="status-area" />;
}

/** Reports errors and confirmations to the editor. */
export function useNotices(): NoticesApi {
  const api = useContext(NoticesContext);
  if (!api) throw new Error('useNotices outside NoticesProvider');
  return api;
}
