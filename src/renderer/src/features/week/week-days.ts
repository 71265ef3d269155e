// The seven days of a calendar week in the editor's zone, and which day an instant falls on.
import { addDays, instantToWallTime, startOfWeek } from '../../../../shared/schedule';

export interface WeekDay {
  /** Local midnight (UTC instant) starting the day. */
  start: string;
  /** "YYYY-MM-DD" in the zone. */
  date: string;
}

/** Monday to Sunday of the week containing `iso`, plus the instant ending the week. */
export function weekOf(iso: string, zone: string): { days: WeekDay[]; end: string } {
  const monday = startOfWeek(iso, zone);
  const days = Array.from({ length: 7 }, (_, i) => {
    const start = i === 0 ? monday : addDays(monday, i, zone);
    return { start, date: instantToWallTime(start, zone).slice(0, 10) };
  });
  return { days, end: addDays(monday, 7, zone) };
}

/** Index (0–6) of the day column holding `iso`, or -1 when outside the week. */
export function dayIndexOf(days: readonly WeekDay[], iso: string, zone: string): number {
  const date = instantToWallTime(iso, zone).slice(0, 10);
  return days.findIndex((d) => d.date === date);
}

/** Whole calendar days from date `a` to date `b` ("YYYY-MM-DD"). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The instant an item lands on when moved from one calendar day to another: the same wall-clock
 * time in its channel's zone, that many days later or earlier.
 */
export function movedInstant(
  at: string,
  fromDate: string,
  toDate: string,
  channelZone: string,
): string {
  return addDays(at, daysBetween(fromDate, toDate), channelZone);
}
