// The shell's delivery notices ("Published on …", "Time to post on WhatsApp …"), kept until dismissed
// or opened; clicking one opens its story. While a modal dialog is open they show at its foot (the
// page behind is inert). The desktop-notification offer sits here too: asked only from a click.
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';
import { CheckIcon } from '../../components/icons';
import { useNotices } from '../../shell/Notices';
import { noticeView } from './notice-words';
import { FailedIcon, TaskIcon } from './PublishingIcons';
import { useDeliveryNotices } from './use-delivery-notices';

/** Where "not now" on the desktop-notification offer is remembered. */
const OFFER_DISMISSED_KEY = 'channel-desk.notification-offer-dismissed';

// The desktop app notifies from its main process, without asking: no offer there.
const notificationsSupported = () => typeof Notification !== 'undefined' && !window.deskShell;

interface DeliveryNotificationsProps {
  channels: readonly Channel[];
  onOpenStory: (storyId: string) => void;
}

/** The offer to turn desktop notifications on; its answer is the browser's (or the OS's). */
function NotificationOffer({ onAnswered }: { onAnswered: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <div className="notification-offer" data-testid="notification-offer">
      <span>{t('deliveryNotice.offer')}</span>
      <button
        type="button"
        className="button button-small"
        disabled={asking}
        onClick={() => {
          setAsking(true);
          void Notification.requestPermission().finally(onAnswered);
        }}
        data-testid="notifications-enable"
      >
        {t('deliveryNotice.turnOn')}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('deliveryNotice.notNow')}
        title={t('deliveryNotice.notNow')}
        onClick={() => {
          localStorage.setItem(OFFER_DISMISSED_KEY, '1');
          onAnswered();
        }}
      >
        ×
      </button>
    </div>
  );
}

/** Mounted once in the shell. */
export function DeliveryNotifications({ channels, onOpenStory }: DeliveryNotificationsProps) {
  const { t } = useTranslation();
  const { dialogHost } = useNotices();
  const { shown, dismiss } = useDeliveryNotices(channels, onOpenStory);
  const [, setAnswered] = useState(0);
  // The offer waits for the shell: a dialog's foot is no place for it.
  const offer =
    !dialogHost &&
    notificationsSupported() &&
    Notification.permission === 'default' &&
    localStorage.getItem(OFFER_DISMISSED_KEY) === null &&
    (shown.length > 0 || channels.some((c) => c.platform === 'whatsapp' && !c.archived));

  const region = (
    <div
      className={`delivery-notices${dialogHost ? ' delivery-notices-dialog' : ''}`}
      role="status"
      aria-live="polite"
      data-testid="delivery-notices"
    >
      {shown.map(({ id, notice }) => {
        const channel = channels.find((c) => c.id === notice.channelId);
        const view = noticeView(notice, channel?.name ?? '', t);
        return (
          <div
            key={id}
            className={`notice delivery-notice delivery-notice-${view.tone}`}
            data-testid="delivery-notice"
            data-state={notice.delivery.state}
            data-task={notice.delivery.task ?? undefined}
            data-update-id={notice.updateId}
          >
            {view.tone === 'error' ? (
              <FailedIcon />
            ) : view.tone === 'task' ? (
              <TaskIcon />
            ) : (
              <CheckIcon />
            )}
            <button
              type="button"
              className="link-button delivery-notice-open"
              onClick={() => {
                dismiss(id);
                onOpenStory(notice.storyId);
              }}
            >
              {view.text}
            </button>
            <button
              type="button"
              className="icon-button notice-close"
              aria-label={t('common.dismiss')}
              onClick={() => dismiss(id)}
            >
              ×
            </button>
          </div>
        );
      })}
      {offer ? <NotificationOffer onAnswered={() => setAnswered((n) => n + 1)} /> : null}
    </div>
  );
  return dialogHost ? createPortal(region, dialogHost) : region;
}
