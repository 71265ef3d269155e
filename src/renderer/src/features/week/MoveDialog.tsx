// Moves a scheduled copy to another day, keeping its time of day: the keyboard path to drag-and-drop.
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateSummary } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { formatInstant, instantToWallTime } from '../../../../shared/schedule';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { movedInstant } from './week-days';

interface MoveDialogProps {
  summary: UpdateSummary & { at: string };
  channel: Channel;
  onMove: (at: string) => Promise<unknown>;
  onClose: () => void;
}

/** Picks a new day for a copy. */
export function MoveDialog({ summary, channel, onMove, onClose }: MoveDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fromDate = instantToWallTime(summary.at, EDITOR_ZONE).slice(0, 10);
  const [date, setDate] = useState(fromDate);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const dateId = useId();
  const target = /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? movedInstant(summary.at, fromDate, date, channel.timeZone)
    : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    setBusy(true);
    try {
      await onMove(target);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('week.moveTitle', { title: summary.title || t('row.untitled') })}
      onClose={onClose}
      testId="move-dialog"
      className="dialog-small"
    >
      <form className="form" onSubmit={submit}>
        <p className="hint">
          {t('week.moveNow', {
            when: formatInstant(summary.at, channel.timeZone, locale, 'short'),
          })}
        </p>
        <div className="field">
          <label htmlFor={dateId}>{t('week.moveDate')}</label>
          <input
            id={dateId}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-autofocus
            data-testid="move-date"
          />
          <p className="hint">{t('week.moveKeepsTime')}</p>
        </div>
        {target ? (
          <p data-testid="move-result">
            {t('week.moveResult', {
              when: formatInstant(target, channel.timeZone, locale, 'short'),
            })}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="field-error">
            {describeError(error, t)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={!target || busy}
            data-testid="move-confirm"
          >
            {t('week.moveConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
