// Calendar-day ranges in a time zone: every day between two dates, with its true start and end.
import { DateTime } from 'luxon';
import { lookupZone } from '../schedule/zone-timeline';

/** A range of calendar days, both ends included, read in an IANA time zone. */
export interface DayRange {
  /** First day, 'YYYY-MM-DD'. */
  from: string;
  /** Last day, 'YYYY-MM-DD' (included). */
  to: string;
  /** IANA zone the days are read in, e.g. "Europe/Rome". */
  zone: string;
}

/** One calendar day of a range, as the instants it spans (a day across a clock change is 23 or 25 h). */
export interface RangeDay {
  date: string;
  startMs: number;
  /** Start of the next day (excluded). */
  endMs: number;
}

/** Ranges longer than this are refused: ten years of days is already more than a chart can show. */
export const MAX_RANGE_DAYS = 3660;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function startOfDate(date: string, zone: string, label: string): DateTime {
  const day = DATE_PATTERN.test(date) ? DateTime.fromISO(date, { zone }) : null;
  if (!day || !day.isValid)
    throw new RangeError(`${label} is not a calendar date (YYYY-MM-DD): ${date}`);
  return day.startOf('day');
}

/**
 * Every calendar day of the range in order, each with the instants it starts and ends at in the
 * zone. Throws RangeError for an unknown zone, a malformed date, `from` after `to`, or a range
 * longer than MAX_RANGE_DAYS.
 */
export function rangeDays(range: DayRange): RangeDay[] {
  if (!lookupZone(range.zone)) throw new RangeError(`unknown time zone: ${range.zone}`);
  const first = startOfDate(range.from, range.zone, 'from');
  const last = startOfDate(range.to, range.zone, 'to');
  if (last < first)
    throw new RangeError(`the range ends (${range.to}) before it starts (${range.from})`);
  const count = Math.round(last.diff(first, 'days').days) + 1;
  if (count > MAX_RANGE_DAYS) {
    throw new RangeError(`the range spans ${count} days; at most ${MAX_RANGE_DAYS} are allowed`);
  }
  const days: RangeDay[] = [];
  let day = first;
  for (let i = 0; i < count; i += 1) {
    const next = day.plus({ days: 1 }).startOf('day');
    days.push({ date: day.toISODate() ?? '', startMs: day.toMillis(), endMs: next.toMillis() });
    day = next;
  }
  return days;
}

/** Index of the day holding `ms` (binary search over the days' starts), or -1 outside the range. */
export function dayIndexOf(days: readonly RangeDay[], ms: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const day = days[mid]!;
    if (ms < day.startMs) high = mid - 1;
    else if (ms >= day.endMs) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** Hour of the wall clock (0–23) at an instant in a zone. */
export function wallHourOf(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).hour;
}
