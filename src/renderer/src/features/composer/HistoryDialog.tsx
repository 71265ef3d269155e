// Who changed a copy on the hub, when, which fields, how the hub took it, and whose values it replaced.
// The history lives on the hub: offline, the dialog says so in the engine's words.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntryView } from '../../../../shared/contract';
import { formatInstant } from '../../../../shared/schedule';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { syncQueries } from '../sync/sync-queries';
import { entrySummary, fieldLabel, outcomeLabel, valueText } from './history-words';

interface HistoryDialogProps {
  /** The story's copies, named by channel; the history of one is shown at a time. */
  copies: { id: string; label: string }[];
  initialId: string;
  onClose: () => void;
}

function HistoryItem({ entry }: { entry: HistoryEntryView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = entrySummary(entry, t);
  return (
    <li className="history-entry" data-testid="history-entry">
      <p className="history-head">
        <strong>{entry.by.name}</strong>
        <span className="muted">{formatInstant(entry.at, EDITOR_ZONE, locale, 'short')}</span>
        <span className={`badge history-outcome-${entry.outcome}`}>
          {outcomeLabel(entry.outcome, t)}
        </span>
      </p>
      {summary ? <p>{summary}</p> : null}
      {entry.overwritten.map((o, i) => (
        <div key={`${o.field}-${i}`} className="history-overwritten">
          <p className="hint">
            {t('history.overwrote', { field: fieldLabel(o.field, t), name: o.by.name })}
          </p>
          <div className="conflict-text">{valueText(o.value, EDITOR_ZONE, locale, t)}</div>
        </div>
      ))}
    </li>
  );
}

/** A dialog listing one copy's history, newest first. */
export function HistoryDialog({ copies, initialId, onClose }: HistoryDialogProps) {
  const { t } = useTranslation();
  const [id, setId] = useState(initialId);
  const pickId = useId();
  const history = useQuery(syncQueries.history('update', id));

  let body;
  if (history.isPending) body = <p className="muted">{t('history.loading')}</p>;
  else if (history.isError)
    body = (
      <p role="alert" className="field-error" data-testid="history-error">
        {describeError(history.error, t)}
      </p>
    );
  else if (history.data.length === 0) body = <p className="muted">{t('history.none')}</p>;
  else
    body = (
      <ol className="history-list" data-testid="history-list">
        {history.data.map((e) => (
          <HistoryItem key={e.version} entry={e} />
        ))}
      </ol>
    );

  return (
    <Dialog title={t('history.title')} onClose={onClose} testId="history-dialog">
      {copies.length > 1 ? (
        <div className="field settings-field">
          <label htmlFor={pickId}>{t('history.copy')}</label>
          <select id={pickId} value={id} onChange={(e) => setId(e.target.value)} data-autofocus>
            {copies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div aria-live="polite" aria-busy={history.isPending || undefined}>
        {body}
      </div>
    </Dialog>
  );
}
