// Weekly posting slots: pick a time and weekdays, add; the list stays sorted and each slot can go.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../../../../shared/domain';
import { normalizeSlots } from '../../../../shared/schedule';
import { weekdayNames } from '../../i18n/labels';
import { intlTag, useLocale } from '../../i18n/use-locale';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const WORKDAYS = [1, 2, 3, 4, 5];

interface SlotsEditorProps {
  slots: Slot[];
  onChange: (slots: Slot[]) => void;
  error?: string;
}

/** Edits a channel's weekly slots. */
export function SlotsEditor({ slots, onChange, error }: SlotsEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const longNames = weekdayNames(intlTag(locale), 'long');
  const shortNames = weekdayNames(intlTag(locale), 'short');
  const [time, setTime] = useState('09:00');
  const [days, setDays] = useState<number[]>(WORKDAYS);
  const [localError, setLocalError] = useState<string | null>(null);
  const timeId = useId();
  const errorId = useId();
  const sorted = normalizeSlots(slots);

  const add = () => {
    const hhmm = time.slice(0, 5);
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm)) {
      setLocalError(t('issues.slotTime'));
      return;
    }
    if (days.length === 0) {
      setLocalError(t('channel.slotsChooseDay'));
      return;
    }
    setLocalError(null);
    onChange(normalizeSlots([...slots, ...days.map((weekday) => ({ weekday, time: hhmm }))]));
  };

  const shownError = localError ?? error;
  return (
    <fieldset className="slots-editor" aria-describedby={shownError ? errorId : undefined}>
      <legend>{t('channel.slots')}</legend>
      <p className="hint">{t('channel.slotsHint')}</p>
      <div className="slots-add">
        <label htmlFor={timeId}>{t('channel.slotTime')}</label>
        <input
          id={timeId}
          type="time"
          value={time}
          onChange={(e) => setTime(e.target.value)}
          data-testid="slot-time"
        />
        <div role="group" aria-label={t('channel.slotDays')} className="weekday-picks">
          {WEEKDAYS.map((d) => (
            <label key={d} className="weekday-pick" title={longNames[d - 1]}>
              <input
                type="checkbox"
                checked={days.includes(d)}
                aria-label={longNames[d - 1]}
                onChange={(e) =>
                  setDays(
                    e.target.checked
                      ? [...days, d].sort((a, b) => a - b)
                      : days.filter((x) => x !== d),
                  )
                }
              />
              <span aria-hidden="true">{shortNames[d - 1]}</span>
            </label>
          ))}
        </div>
        <button type="button" className="button" onClick={add} data-testid="slot-add">
          {t('channel.slotAdd')}
        </button>
      </div>
      {shownError ? (
        <p id={errorId} className="field-error" role="alert">
          {shownError}
        </p>
      ) : null}
      {sorted.length === 0 ? (
        <p className="muted small">{t('channel.noSlots')}</p>
      ) : (
        <ul className="slot-list" aria-label={t('channel.slotList')} data-testid="slot-list">
          {sorted.map((s) => {
            const label = `${longNames[s.weekday - 1]} ${s.time}`;
            return (
              <li key={`${s.weekday}-${s.time}`}>
                <span>{label}</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('channel.slotRemove', { slot: label })}
                  onClick={() =>
                    onChange(sorted.filter((x) => !(x.weekday === s.weekday && x.time === s.time)))
                  }
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
