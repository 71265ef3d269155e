// The always-visible sync indicator under the sidebar: an icon and a short line for the state, Retry
// when offline or in error, upload progress; a click opens the sync panel.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SyncToneIcon } from '../features/sync/SyncIcons';
import { SyncPanel } from '../features/sync/SyncPanel';
import { indicatorView } from '../features/sync/sync-status-view';
import { useSyncNow, useSyncStatus } from '../features/sync/sync-queries';
import { UploadProgress } from '../features/sync/UploadProgress';
import { useLocale } from '../i18n/use-locale';
import { EDITOR_ZONE } from '../lib/time-zones';

/** Nothing until the desk knows how it works (onboarding covers that). */
export function SyncIndicator() {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  const [open, setOpen] = useState(false);
  if (!status || status.mode === 'none') return null;
  const view = indicatorView(status, locale, EDITOR_ZONE, t);

  return (
    <div
      className={`sync-indicator sync-tone-${view.tone}`}
      data-testid="sync-indicator"
      data-state={status.state}
    >
      <div className="sync-indicator-row">
        <button
          type="button"
          className="sync-indicator-main"
          onClick={() => setOpen(true)}
          aria-haspopup="dialog"
          aria-label={t('syncIndicator.open', { state: view.text })}
          data-testid="sync-indicator-open"
        >
          <SyncToneIcon tone={view.tone} />
          <span className="sync-indicator-text" data-testid="sync-indicator-text">
            {view.text}
          </span>
          {status.refusals.length > 0 ? (
            <span className="badge badge-sync-failed">
              {t('syncIndicator.refused', { count: status.refusals.length })}
            </span>
          ) : null}
        </button>
        {view.canRetry ? (
          <button
            type="button"
            className="button button-small"
            disabled={syncNow.isPending}
            onClick={() => syncNow.mutate()}
            data-testid="sync-retry"
          >
            {t('syncIndicator.retry')}
          </button>
        ) : null}
      </div>
      {status.upload ? <UploadProgress upload={status.upload} /> : null}
      {open ? <SyncPanel status={status} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
