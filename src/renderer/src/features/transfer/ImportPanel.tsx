// Import: pick or drop a file, see every row (new, already imported, or its errors in the
// editor's language), then import the new rows in one step — only once no row has an error.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';
import type {
  ImportPreview,
  ImportPreviewRow,
} from '../../../../shared/transfer/transfer-protocol';
import { desk } from '../../api/desk-client';
import { importErrorText, importStateLabel, scheduleKindLabel, toBase64 } from './transfer-words';

/** Rows listed at once: errors always, then the first of the others (a file may hold 10,000). */
const SHOWN_ROWS = 300;

interface PickedFile {
  fileName: string;
  dataBase64: string;
}

function PreviewTable({ preview, channels }: { preview: ImportPreview; channels: Channel[] }) {
  const { t, i18n } = useTranslation();
  const errors = preview.rows.filter((r) => r.state === 'error');
  const others = preview.rows.filter((r) => r.state !== 'error');
  const shown = [...errors, ...others.slice(0, Math.max(0, SHOWN_ROWS - errors.length))].sort(
    (a, b) => a.row - b.row,
  );
  const when = (row: ImportPreviewRow) => {
    if (!row.schedule) return '';
    if (row.schedule.kind === 'at') {
      // In the channel's own zone, as the file gave it (the preview must read like the file).
      const zone = channels.find((c) => c.id === row.channelId)?.timeZone;
      return new Date(row.schedule.at).toLocaleString(i18n.language, {
        // Named fields: Intl refuses dateStyle/timeStyle together with timeZoneName.
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        ...(zone ? { timeZone: zone } : {}),
        timeZoneName: 'short',
      });
    }
    return scheduleKindLabel(row.schedule.kind, t);
  };
  return (
    <div className="transfer-scroll">
      <table className="transfer-table" data-testid="import-preview">
        <thead>
          <tr>
            <th scope="col">{t('transfer.import.col.row')}</th>
            <th scope="col">{t('transfer.import.col.channel')}</th>
            <th scope="col">{t('transfer.import.col.time')}</th>
            <th scope="col">{t('transfer.import.col.text')}</th>
            <th scope="col">{t('transfer.import.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr
              key={row.row}
              data-testid={`import-row-${row.row}`}
              className={`transfer-${row.state}`}
            >
              <td>{row.row}</td>
              <td>{row.channelName ?? ''}</td>
              <td>{when(row)}</td>
              <td>{row.excerpt}</td>
              <td>
                {row.state === 'error' ? (
                  <ul className="transfer-errors" data-testid="import-error">
                    {row.errors.map((error, index) => (
                      <li key={index}>{importErrorText(error, t)}</li>
                    ))}
                  </ul>
                ) : (
                  importStateLabel(row.state, t)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < preview.rows.length && (
        <p className="muted small">
          {t('transfer.import.shownOf', { shown: shown.length, total: preview.rows.length })}
        </p>
      )}
    </div>
  );
}

export function ImportPanel({ channels }: { channels: Channel[] }) {
  const { t, i18n } = useTranslation();
  const ids = { file: useId(), mode: useId(), title: useId() };
  const [file, setFile] = useState<PickedFile | null>(null);
  const [mode, setMode] = useState<'times' | 'slots'>('times');
  const [dragging, setDragging] = useState(false);
  const [written, setWritten] = useState<{ written: number; total: number } | null>(null);
  const preview = useMutation({ mutationFn: (picked: PickedFile) => desk.previewImport(picked) });
  const apply = useMutation({
    mutationFn: (picked: PickedFile) => desk.applyImport({ ...picked, mode }),
  });
  useEffect(
    () =>
      desk.on('importProgress', (p) =>
        setWritten(p.done ? null : { written: p.written, total: p.total }),
      ),
    [],
  );

  const read = async (picked: File) => {
    const next = {
      fileName: picked.name,
      dataBase64: toBase64(new Uint8Array(await picked.arrayBuffer())),
    };
    setFile(next);
    apply.reset();
    preview.mutate(next);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void read(dropped);
  };

  // A refused apply answers with a fresh preview: show that one.
  const shown = apply.data && !apply.data.ok ? apply.data.preview : preview.data;
  const badRows = shown ? shown.rows.filter((r) => r.state === 'error').map((r) => r.row) : [];
  const fileErrors = shown?.fileErrors ?? [];
  const blocked = !shown || badRows.length > 0 || fileErrors.length > 0 || shown.counts.new === 0;
  const number = (n: number) => n.toLocaleString(i18n.language);

  return (
    <section className="transfer-panel" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('transfer.import.title')}</h2>
      <p className="muted small">{t('transfer.import.intro')}</p>
      <div
        className={`transfer-drop${dragging ? ' transfer-drop-active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={ids.file}>{t('transfer.import.pick')}</label>
        <input
          id={ids.file}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          data-testid="import-file"
          onChange={(event) => {
            const picked = event.target.files?.[0];
            if (picked) void read(picked);
          }}
        />
        <span className="muted small">{t('transfer.import.drop')}</span>
      </div>
      {preview.isPending && <p className="muted">{t('transfer.import.reading')}</p>}
      {preview.isError && (
        <p role="alert" className="error">
          {preview.error instanceof Error ? preview.error.message : String(preview.error)}
        </p>
      )}
      {shown && (
        <>
          <p data-testid="import-counts">
            {t('transfer.import.counts', {
              total: number(shown.counts.total),
              new: number(shown.counts.new),
              imported: number(shown.counts.imported),
              errors: number(shown.counts.errors),
            })}
          </p>
          {fileErrors.length > 0 && (
            <ul role="alert" className="error transfer-errors" data-testid="import-error">
              {fileErrors.map((error, index) => (
                <li key={index}>{importErrorText(error, t)}</li>
              ))}
            </ul>
          )}
          {badRows.length > 0 && (
            <p role="alert" className="error" data-testid="import-blocked">
              {t('transfer.import.fixRows', {
                count: badRows.length,
                rows: badRows.slice(0, 20).join(', '),
              })}
            </p>
          )}
          {shown.rows.length > 0 && <PreviewTable preview={shown} channels={channels} />}
          <div className="field">
            <label htmlFor={ids.mode}>{t('transfer.import.mode')}</label>
            <select
              id={ids.mode}
              value={mode}
              onChange={(e) => setMode(e.target.value as 'times' | 'slots')}
            >
              <option value="times">{t('transfer.import.modeTimes')}</option>
              <option value="slots">{t('transfer.import.modeSlots')}</option>
            </select>
          </div>
          <button
            type="button"
            className="button button-primary"
            disabled={blocked || apply.isPending}
            onClick={() => file && apply.mutate(file)}
            data-testid="import-apply"
          >
            {t('transfer.import.apply', { count: shown.counts.new })}
          </button>
        </>
      )}
      {written && (
        <p>
          <label>
            {t('transfer.import.writing', {
              written: number(written.written),
              total: number(written.total),
            })}{' '}
            <progress max={Math.max(written.total, 1)} value={written.written} />
          </label>
        </p>
      )}
      {apply.isError && (
        <p role="alert" className="error">
          {apply.error instanceof Error ? apply.error.message : String(apply.error)}
        </p>
      )}
      {apply.data?.ok && (
        <p role="status" data-testid="import-done">
          {t('transfer.import.done', {
            created: number(apply.data.created),
            skipped: number(apply.data.skipped),
          })}
        </p>
      )}
    </section>
  );
}
