// The sync panel: everything the indicator summarises — hub, mode, user, what waits, when the desk
// last synced, the last error, the clock's offset and the changes the hub refused.
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract';
import { formatInstant } from '../../../../shared/schedule';
import { Dialog } from '../../components/Dialog';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { HubFacts } from './HubFacts';
import { RefusalList } from './RefusalList';
import { SyncToneIcon } from './SyncIcons';
import { clockOffsetText, indicatorView } from './sync-status-view';
import { useSyncNow } from './sync-queries';
import { UploadProgress } from './UploadProgress';

interface SyncPanelProps {
  status: SyncStatus;
  onClose: () => void;
}

/** A dialog with the full sync status and its actions. */
export function SyncPanel({ status, onClose }: SyncPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const syncNow = useSyncNow();
  const view = indicatorView(status, locale, EDITOR_ZONE, t);
  const clock = clockOffsetText(status.clockOffsetMs, locale, t);
  const number = new Intl.NumberFormat(intlTag(locale));
  const busy = status.state === 'syncing' || status.state === 'starting';
  const canSync = status.mode !== 'none' && status.state !== 'signed-out';

  return (
    <Dialog title={t('syncPanel.title')} onClose={onClose} testId="sync-panel">
      <div className="sync-panel">
        <div className={`sync-panel-state sync-tone-${view.tone}`} data-testid="sync-panel-state">
          <SyncToneIcon tone={view.tone} />
          <strong>{view.text}</strong>
          <span className="spacer" />
          {canSync ? (
            <button
              type="button"
              className="button button-small"
              disabled={busy || syncNow.isPending}
              onClick={() => syncNow.mutate()}
              data-autofocus
              data-testid="sync-panel-now"
            >
              {view.canRetry ? t('syncIndicator.retry') : t('syncPanel.syncNow')}
            </button>
          ) : null}
        </div>
        {status.upload ? <UploadProgress upload={status.upload} /> : null}
        {status.error ? (
          <p className="field-error" data-testid="sync-panel-error">
            {status.error}
          </p>
        ) : null}
        {clock ? (
          <p className="warning-text" data-testid="sync-clock-offset">
            {clock}
          </p>
        ) : null}
        <HubFacts status={status} />
        <dl className="settings-facts">
          <dt>{t('syncPanel.pending')}</dt>
          <dd data-testid="sync-panel-pending">
            {t('syncPanel.pendingValue', {
              count: status.pending,
              n: number.format(status.pending),
            })}
          </dd>
          <dt>{t('syncPanel.lastSync')}</dt>
          <dd data-testid="sync-panel-last">
            {status.lastSyncAt
              ? formatInstant(status.lastSyncAt, EDITOR_ZONE, locale, 'short')
              : t('syncPanel.never')}
          </dd>
          {status.nextRetryAt && (status.state === 'offline' || status.state === 'error') ? (
            <>
              <dt>{t('syncPanel.nextRetry')}</dt>
              <dd>{formatInstant(status.nextRetryAt, EDITOR_ZONE, locale, 'short')}</dd>
            </>
          ) : null}
        </dl>
        <RefusalList refusals={status.refusals} />
      </div>
    </Dialog>
  );
}
