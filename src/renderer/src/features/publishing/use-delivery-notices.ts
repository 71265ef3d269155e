// Listens to the engine's `delivery` event (a copy was published, failed, fell due on WhatsApp, was
// withdrawn): keeps the latest notices for the shell to show, refreshes that copy's publications, and
// raises a desktop notification while the desk's window is not in front (when allowed).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryNotice } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { desk } from '../../api/desk-client';
import { noticeView } from './notice-words';
import { publishingKeys } from './publishing-queries';

/** Notices kept on screen at once; older ones give way. */
export const MAX_DELIVERY_NOTICES = 5;

export interface ShownNotice {
  id: number;
  notice: DeliveryNotice;
}

let nextId = 1;

/**
 * True when the page may raise desktop notifications now. The desktop app raises its own from the
 * main process (src/main/notifications.ts), so there the page leaves them to it.
 */
const canNotify = () =>
  !window.deskShell && typeof Notification !== 'undefined' && Notification.permission === 'granted';

/** The notices and what to do with them; `onOpen` opens a story in the composer. */
export function useDeliveryNotices(
  channels: readonly Channel[],
  onOpen: (storyId: string) => void,
) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [shown, setShown] = useState<ShownNotice[]>([]);
  // The event handler reads the latest names and callbacks without subscribing again.
  const latest = useRef({ channels, onOpen, t });
  useEffect(() => {
    latest.current = { channels, onOpen, t };
  });

  useEffect(
    () =>
      desk.on('delivery', (notice) => {
        void client.invalidateQueries({ queryKey: publishingKeys.publications(notice.updateId) });
        // A newer change of the same copy replaces its notice.
        setShown((list) =>
          [
            { id: nextId++, notice },
            ...list.filter((n) => n.notice.updateId !== notice.updateId),
          ].slice(0, MAX_DELIVERY_NOTICES),
        );
        if (!canNotify() || (!document.hidden && document.hasFocus())) return;
        const { channels: chs, t: tr } = latest.current;
        const name = chs.find((c) => c.id === notice.channelId)?.name ?? '';
        try {
          const os = new Notification(tr('app.name'), {
            body: noticeView(notice, name, tr).text,
            tag: notice.updateId,
          });
          os.onclick = () => {
            window.focus();
            latest.current.onOpen(notice.storyId);
            os.close();
          };
        } catch (err) {
          // Some browsers allow notifications only from a service worker: the in-app notice stays.
          console.warn('desktop notification refused', err);
        }
      }),
    [client],
  );

  const dismiss = useCallback(
    (id: number) => setShown((list) => list.filter((n) => n.id !== id)),
    [],
  );
  return { shown, dismiss };
}
