// The screen's date range: presets counted back from today in the editor's zone, or two dates the
// editor picks, checked before the engine is asked (the engine checks again, with its own words).
import { MAX_REPORT_DAYS } from '../../../../shared/analytics';

/** The presets, in days back from today (today included). */
export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** What the range picker holds: a preset, or custom dates as typed. */
export type RangeChoice =
  { kind: 'preset'; days: RangePreset } | { kind: 'custom'; from: string; to: string };

/** Calendar days, both included, 'YYYY-MM-DD'. */
export interface CalendarRange {
  from: string;
  to: string;
}

/** Why custom dates cannot be used yet. */
export type RangeProblem = 'missing' | 'order' | 'tooLong';

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Today's calendar date in a zone, 'YYYY-MM-DD'. */
export function todayIn(zone: string, now: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A calendar date `days` later (negative: earlier); calendar arithmetic, no zone involved. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The last `days` days up to today in `zone`. */
export function presetRange(days: RangePreset, zone: string, now: Date): CalendarRange {
  const to = todayIn(zone, now);
  return { from: addDays(to, -(days - 1)), to };
}

/** What is wrong with custom dates, or null when they make a range the engine accepts. */
export function customProblem(from: string, to: string): RangeProblem | null {
  if (!DATE_PATTERN.test(from) || !DATE_PATTERN.test(to)) return 'missing';
  if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return 'missing';
  const days = daysBetween(from, to);
  if (days < 1) return 'order';
  if (days > MAX_REPORT_DAYS) return 'tooLong';
  return null;
}

/** The range a choice stands for, or null while custom dates have a problem. */
export function resolveRange(choice: RangeChoice, zone: string, now: Date): CalendarRange | null {
  if (choice.kind === 'preset') return presetRange(choice.days, zone, now);
  return customProblem(choice.from, choice.to) ? null : { from: choice.from, to: choice.to };
}
