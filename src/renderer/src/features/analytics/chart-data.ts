// The report shaped for the charts and their text alternatives: one row per day or hour, with its
// label in the interface language, and the figures a screen reader summary starts with.
import type { AnalyticsReport } from '../../../../shared/analytics';
import { formatHourOfDay } from '../../../../shared/analytics';
import type { Locale } from '../../../../shared/domain';
import { intlTag } from '../../i18n/use-locale';

/** One day of the posts and rate charts. */
export interface DayRow {
  date: string;
  /** Short label for the axis: "5 Mar" / "5 mar" / "5 mars". */
  label: string;
  /** Long label for tables and tooltips: "Thu 5 March 2026". */
  longLabel: string;
  loud: number;
  silent: number;
  posts: number;
  /** Null on days without a post with known views (the line breaks there). */
  rate: number | null;
}

/** One hour of the busiest-hours chart. */
export interface HourRow {
  hour: number;
  label: string;
  posts: number;
  responses: number;
}

const shortDates = new Map<string, Intl.DateTimeFormat>();
const longDates = new Map<string, Intl.DateTimeFormat>();

function dateFormat(
  cache: Map<string, Intl.DateTimeFormat>,
  locale: Locale,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let known = cache.get(locale);
  if (!known) {
    // The dates are calendar days already: read them in UTC so no zone shifts them.
    known = new Intl.DateTimeFormat(intlTag(locale), { ...options, timeZone: 'UTC' });
    cache.set(locale, known);
  }
  return known;
}

/** A calendar day 'YYYY-MM-DD' as the locale writes it, short or long. */
export function dateLabel(date: string, locale: Locale, long = false): string {
  const format = long
    ? dateFormat(longDates, locale, {
        weekday: 'short',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      })
    : dateFormat(shortDates, locale, { day: 'numeric', month: 'short' });
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** The days of the report as chart rows, in order. */
export function dayRows(report: AnalyticsReport, locale: Locale): DayRow[] {
  return report.days.map((day) => ({
    date: day.date,
    label: dateLabel(day.date, locale),
    longLabel: dateLabel(day.date, locale, true),
    loud: day.loud,
    silent: day.silent,
    posts: day.posts,
    rate: day.responseRate,
  }));
}

/** The 24 hours of the report as chart rows, midnight first. */
export function hourRows(report: AnalyticsReport, locale: Locale): HourRow[] {
  return report.hours.map((hour) => ({
    hour: hour.hour,
    label: formatHourOfDay(hour.hour, intlTag(locale)),
    posts: hour.posts,
    responses: hour.responses,
  }));
}

/** The row with the most posts (the first of equals), or null when no row has any. */
export function peakRow<T extends { posts: number }>(rows: readonly T[]): T | null {
  let best: T | null = null;
  for (const row of rows) if (row.posts > 0 && (!best || row.posts > best.posts)) best = row;
  return best;
}

/** The days with a rate: lowest and highest, for the rate chart's summary (null without any). */
export function rateExtremes(rows: readonly DayRow[]): { low: DayRow; high: DayRow } | null {
  const rated = rows.filter((row) => row.rate !== null);
  if (rated.length === 0) return null;
  let low = rated[0]!;
  let high = rated[0]!;
  for (const row of rated) {
    if (row.rate! < low.rate!) low = row;
    if (row.rate! > high.rate!) high = row;
  }
  return { low, high };
}
