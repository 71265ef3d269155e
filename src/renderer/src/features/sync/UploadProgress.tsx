// Attachments on their way to the hub, as a labelled progress bar.
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract';
import { formatBytes } from '../../i18n/labels';
import { useLocale } from '../../i18n/use-locale';
import { uploadPercent } from './sync-status-view';

/** A progress bar with "1.2 MB of 3 MB" for screen readers and as a tooltip. */
export function UploadProgress({ upload }: { upload: NonNullable<SyncStatus['upload']> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const percent = uploadPercent(upload);
  const text = t('syncIndicator.uploadText', {
    done: formatBytes(upload.done, locale),
    total: formatBytes(upload.total, locale),
  });
  return (
    <div
      className="upload-progress"
      role="progressbar"
      aria-label={t('syncIndicator.upload')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={text}
      title={text}
      data-testid="upload-progress"
    >
      <span className="upload-progress-bar" style={{ width: `${percent}%` }} />
    </div>
  );
}
