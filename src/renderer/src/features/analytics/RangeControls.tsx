// The analytics screen's filters: a preset range or two dates, and which channels to count.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';
import { MAX_REPORT_DAYS } from '../../../../shared/analytics';
import { channelColour } from '../../lib/channel-colour';
import type { RangeChoice } from './analytics-range';
import { customProblem, RANGE_PRESETS } from './analytics-range';

interface RangeControlsProps {
  choice: RangeChoice;
  onChoice: (choice: RangeChoice) => void;
  /** Custom dates start from the range shown when the editor switches to them. */
  shownRange: { from: string; to: string } | null;
  channels: Channel[];
  chosen: string[];
  onChosen: (ids: string[]) => void;
  zone: string;
}

export function RangeControls({
  choice,
  onChoice,
  shownRange,
  channels,
  chosen,
  onChosen,
  zone,
}: RangeControlsProps) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  const problemId = useId();
  const problem = choice.kind === 'custom' ? customProblem(choice.from, choice.to) : null;
  const toggle = (id: string) =>
    onChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);

  return (
    <div className="analytics-controls" data-testid="analytics-range">
      <fieldset className="analytics-presets">
        <legend>{t('analytics.range.label')}</legend>
        {RANGE_PRESETS.map((days) => (
          <button
            key={days}
            type="button"
            className="button button-small"
            aria-pressed={choice.kind === 'preset' && choice.days === days}
            onClick={() => onChoice({ kind: 'preset', days })}
            data-testid={`analytics-preset-${days}`}
          >
            {t('analytics.range.lastDays', { count: days })}
          </button>
        ))}
        <button
          type="button"
          className="button button-small"
          aria-pressed={choice.kind === 'custom'}
          onClick={() =>
            choice.kind !== 'custom' &&
            onChoice({ kind: 'custom', from: shownRange?.from ?? '', to: shownRange?.to ?? '' })
          }
          data-testid="analytics-preset-custom"
        >
          {t('analytics.range.custom')}
        </button>
        {choice.kind === 'custom' ? (
          <span className="analytics-dates">
            <label htmlFor={fromId}>{t('analytics.range.from')}</label>
            <input
              id={fromId}
              type="date"
              value={choice.from}
              onChange={(e) => onChoice({ ...choice, from: e.target.value })}
              aria-invalid={problem !== null}
              aria-describedby={problem ? problemId : undefined}
              data-testid="analytics-from"
            />
            <label htmlFor={toId}>{t('analytics.range.to')}</label>
            <input
              id={toId}
              type="date"
              value={choice.to}
              onChange={(e) => onChoice({ ...choice, to: e.target.value })}
              aria-invalid={problem !== null}
              aria-describedby={problem ? problemId : undefined}
              data-testid="analytics-to"
            />
          </span>
        ) : null}
        <span className="hint">{t('analytics.range.zone', { zone })}</span>
        {problem ? (
          <p
            id={problemId}
            role="alert"
            className="field-error"
            data-testid="analytics-range-error"
          >
            {problem === 'order'
              ? t('analytics.range.order')
              : problem === 'tooLong'
                ? t('analytics.range.tooLong', { days: MAX_REPORT_DAYS })
                : t('analytics.range.missing')}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="analytics-channels">
        <legend>{t('analytics.channels.label')}</legend>
        <button
          type="button"
          className="button button-small"
          aria-pressed={chosen.length === 0}
          onClick={() => onChosen([])}
          data-testid="analytics-all-channels"
        >
          {t('analytics.channels.all')}
        </button>
        {channels.map((channel) => (
          <label key={channel.id} className="chip">
            <input
              type="checkbox"
              checked={chosen.includes(channel.id)}
              onChange={() => toggle(channel.id)}
            />{' '}
            <span
              className="channel-dot"
              style={{ background: channelColour(channel.id) }}
              aria-hidden="true"
            />{' '}
            {channel.name}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
