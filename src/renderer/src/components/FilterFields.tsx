// The fields the list screens filter by (search, archive, audit trail): one channel or any, and
// a day. Each is a labelled field of the filter bar.
import { useId } from 'react';
import type { Channel } from '../../../shared/domain';

interface ChannelFilterProps {
  label: string;
  /** The first choice, which filters nothing ("All channels"). */
  anyLabel: string;
  channels: readonly Channel[];
  /** A channel id, or '' for any. */
  value: string;
  onChange: (channelId: string) => void;
  testId: string;
}

/** A channel picker whose empty choice means every channel. */
export function ChannelFilter({
  label,
  anyLabel,
  channels,
  value,
  onChange,
  testId,
}: ChannelFilterProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{anyLabel}</option>
        {channels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

interface DayFilterProps {
  label: string;
  /** yyyy-mm-dd, or '' for none. */
  value: string;
  onChange: (day: string) => void;
  testId: string;
  invalid?: boolean;
  /** The id of the words that explain a problem with the range. */
  describedBy?: string | undefined;
}

/** A day (date input) that bounds a range. */
export function DayFilter({
  label,
  value,
  onChange,
  testId,
  invalid,
  describedBy,
}: DayFilterProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      />
    </div>
  );
}
