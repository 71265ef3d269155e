// Conversions between UTC instants and wall clocks in a zone, and calendar steps in that zone.
import {
  DAY_MS,
  formatInstantMs,
  formatWallMs,
  isoWeekday,
  localDayNumber,
  parseInstantMs,
  parseWallMs,
} from './instant-text';
import { lookupZone, ZoneTimeline } from './zone-timeline';

/** Normalises any ISO instant (with offset) to toISOString() form; throws RangeError on nonsense. */
export function normalizeInstant(iso: string): string {
  return formatInstantMs(parseInstantMs(iso));
}

/**
 * Wall-clock 'YYYY-MM-DDTHH:mm' in `zone` → UTC instant. In a spring-forward gap the time moves
 * forward by the gap (02:30 → 03:30); in a fall-back overlap the earlier instant is chosen.
 * Returns null for malformed input (a wall time that is not 'YYYY-MM-DDTHH:mm' or an unknown zone).
 */
export function wallTimeToInstant(wall: string, zone: string): string | null {
  const localMs = parseWallMs(wall);
  if (localMs === null || !lookupZone(zone)) return null;
  return formatInstantMs(ZoneTimeline.covering(zone, localMs, localMs).toInstantMs(localMs));
}

/** UTC instant → wall-clock 'YYYY-MM-DDTHH:mm' in `zone`; throws RangeError for a bad instant or zone. */
export function instantToWallTime(iso: string, zone: string): string {
  const ms = parseInstantMs(iso);
  return formatWallMs(ZoneTimeline.covering(zone, ms, ms).toLocalMs(ms));
}

/** Monday 00:00 of the week containing `iso`, in `zone`, as a UTC instant (01:00 if midnight is skipped that day). */
export function startOfWeek(iso: string, zone: string): string {
  const ms = parseInstantMs(iso);
  const timeline = ZoneTimeline.covering(zone, ms - 8 * DAY_MS, ms);
  const day = localDayNumber(timeline.toLocalMs(ms));
  const monday = day - (isoWeekday(day) - 1);
  return formatInstantMs(timeline.toInstantMs(monday * DAY_MS));
}

/**
 * Adds calendar days in `zone`, keeping the wall-clock time (so a day across a change lasts 23 or
 * 25 hours). Where the time falls in an overlap the instant's own offset is kept if it can be.
 */
export function addDays(iso: string, days: number, zone: string): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number: ${days}`);
  const ms = parseInstantMs(iso);
  const shiftMs = days * DAY_MS;
  const timeline = ZoneTimeline.covering(
    zone,
    Math.min(ms, ms + shiftMs),
    Math.max(ms, ms + shiftMs),
  );
  const offsetMin = timeline.offsetAt(ms);
  return formatInstantMs(timeline.toInstantMs(timeline.toLocalMs(ms) + shiftMs, offsetMin));
}

/** Offset label of a zone at an instant: "UTC+2", "UTC+5:30", "UTC-3", "UTC+0". */
export function offsetLabel(iso: string, zone: string): string {
  const ms = parseInstantMs(iso);
  const offsetMin = Math.round(ZoneTimeline.covering(zone, ms, ms).offsetAt(ms));
  const sign = offsetMin < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offsetMin) / 60);
  const minutes = Math.abs(offsetMin) % 60;
  return `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}
