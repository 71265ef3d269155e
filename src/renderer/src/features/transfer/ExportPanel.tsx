// The export form: what, which channels, dates, statuses and topic; then a progress bar and,
// at the end, a download link (browser mode) or where the file was saved (desktop app).
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';
import type { ExportStatus } from '../../../../shared/transfer/transfer-protocol';
import { EXPORT_STATUSES } from '../../../../shared/transfer/transfer-protocol';
import { TOKEN_STORAGE_KEY, desk } from '../../api/desk-client';
import { useExportProgress } from './export-progress';
import { exportStatusLabel } from './transfer-words';

/** The start of a local date (yyyy-mm-dd from a date input) as an instant; null when empty. */
const dayStart = (day: string, plusDays = 0): string | null => {
  if (day === '') return null;
  const at = new Date(`${day}T00:00:00`);
  at.setDate(at.getDate() + plusDays);
  return at.toISOString();
};

/** Browser mode downloads from the host; the desktop app has saved the file in Downloads. */
function downloadUrl(fileName: string): string | null {
  if (window.desk) return null;
  const token = window.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  return `/exports/${encodeURIComponent(fileName)}?token=${encodeURIComponent(token)}`;
}

export function ExportPanel({ channels }: { channels: Channel[] }) {
  const { t, i18n } = useTranslation();
  const ids = {
    format: useId(),
    what: useId(),
    channels: useId(),
    from: useId(),
    to: useId(),
    tag: useId(),
  };
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [what, setWhat] = useState<'calendar' | 'archive' | 'all'>('all');
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [statuses, setStatuses] = useState<ExportStatus[]>([]);
  const [tag, setTag] = useState('');
  const start = useMutation({
    mutationFn: () =>
      desk.startExport({
        format,
        what,
        channelIds,
        from: dayStart(from),
        // The "to" day is included: the range ends at the start of the next day.
        to: dayStart(to, 1),
        statuses,
        tag: tag.trim() === '' ? null : tag.trim(),
      }),
  });
  const progress = useExportProgress(start.data?.jobId ?? null);
  const number = (n: number) => n.toLocaleString(i18n.language);
  const toggleStatus = (status: ExportStatus, on: boolean) =>
    setStatuses((list) => (on ? [...list, status] : list.filter((s) => s !== status)));
  const running = start.isPending || (progress !== null && !progress.done);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate();
  };

  return (
    <form className="transfer-panel" onSubmit={submit} aria-labelledby={`${ids.format}-title`}>
      <h2 id={`${ids.format}-title`}>{t('transfer.export.title')}</h2>
      <div className="transfer-fields">
        <div className="field">
          <label htmlFor={ids.format}>{t('transfer.export.format')}</label>
          <select
            id={ids.format}
            value={format}
            onChange={(e) => setFormat(e.target.value as 'csv' | 'json')}
          >
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.what}>{t('transfer.export.what')}</label>
          <select
            id={ids.what}
            value={what}
            onChange={(e) => setWhat(e.target.value as typeof what)}
          >
            <option value="all">{t('transfer.export.whatAll')}</option>
            <option value="calendar">{t('transfer.export.whatCalendar')}</option>
            <option value="archive">{t('transfer.export.whatArchive')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.channels}>{t('transfer.export.channels')}</label>
          <select
            id={ids.channels}
            multiple
            value={channelIds}
            onChange={(e) => setChannelIds([...e.target.selectedOptions].map((o) => o.value))}
            aria-describedby={`${ids.channels}-hint`}
          >
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <span id={`${ids.channels}-hint`} className="muted small">
            {t('transfer.export.channelsHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('transfer.export.from')}</label>
          <input id={ids.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('transfer.export.to')}</label>
          <input id={ids.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.tag}>{t('transfer.export.topic')}</label>
          <input
            id={ids.tag}
            type="text"
            value={tag}
            maxLength={40}
            onChange={(e) => setTag(e.target.value)}
          />
        </div>
        <fieldset className="field transfer-statuses">
          <legend>{t('transfer.export.statuses')}</legend>
          {EXPORT_STATUSES.map((status) => (
            <label key={status}>
              <input
                type="checkbox"
                checked={statuses.includes(status)}
                onChange={(e) => toggleStatus(status, e.target.checked)}
              />{' '}
              {exportStatusLabel(status, t)}
            </label>
          ))}
        </fieldset>
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={running}
        data-testid="export-start"
      >
        {running ? t('transfer.export.running') : t('transfer.export.start')}
      </button>
      {start.isError && (
        <p role="alert" className="error">
          {start.error instanceof Error ? start.error.message : String(start.error)}
        </p>
      )}
      {progress && (
        <div className="transfer-progress" aria-live="polite">
          <label htmlFor={`${ids.format}-progress`}>
            {t('transfer.export.progress', {
              written: number(progress.written),
              total: number(progress.total),
            })}
          </label>
          <progress
            id={`${ids.format}-progress`}
            max={Math.max(progress.total, 1)}
            value={progress.done && progress.total === 0 ? 1 : progress.written}
            data-testid="export-progress"
          />
          {progress.error && (
            <p role="alert" className="error">
              {t('transfer.export.failed', { reason: progress.error })}
            </p>
          )}
          {progress.done && !progress.error && (
            <p data-testid="export-done">
              {downloadUrl(progress.fileName) ? (
                <a href={downloadUrl(progress.fileName)!} download={progress.fileName}>
                  {t('transfer.export.download', { file: progress.fileName })}
                </a>
              ) : (
                t('transfer.export.savedAt', { path: progress.path })
              )}
            </p>
          )}
        </div>
      )}
    </form>
  );
}
