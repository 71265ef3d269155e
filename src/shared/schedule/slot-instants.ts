// Weekly posting slots turned into the UTC instants at which they occur.
import type { Slot } from '../domain';
import {
  DAY_MS,
  formatInstantMs,
  isoWeekday,
  localDayNumber,
  MINUTE_MS,
  parseInstantMs,
} from './instant-text';
import { requireZone, ZoneTimeline } from './zone-timeline';

const SLOT_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** How far nextFreeSlot searches by default. */
const DEFAULT_HORIZON_DAYS = 366;
/** nextFreeSlot expands slots a fortnight at a time, so a near free slot is found without expanding the whole horizon. */
const SEARCH_CHUNK_MS = 14 * DAY_MS;
/** A gap can push a slot forward by up to a day (Pacific/Apia skipped 30 Dec 2011), and a fall-back can show a wall time later than the range's end, so a margin of local days is expanded on both sides. */
const DAYS_BEFORE_RANGE = 2;
const DAYS_AFTER_RANGE = 1;

/** Sorted, de-duplicated slots; throws RangeError for a weekday outside 1..7 or a time that is not 'HH:mm'. */
export function normalizeSlots(slots: Slot[]): Slot[] {
  const byKey = new Map<string, Slot>();
  for (const slot of slots) {
    if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) {
      throw new RangeError(`slot weekday must be 1..7: ${String(slot.weekday)}`);
    }
    if (typeof slot.time !== 'string' || !SLOT_TIME_PATTERN.test(slot.time)) {
      throw new RangeError(`slot time must be HH:mm: ${String(slot.time)}`);
    }
    byKey.set(`${slot.weekday} ${slot.time}`, { weekday: slot.weekday, time: slot.time });
  }
  return [...byKey.values()].sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));
}

/** Minutes after midnight of each slot, indexed by ISO weekday. */
function minutesByWeekday(slots: Slot[]): number[][] {
  const table: number[][] = Array.from({ length: 8 }, () => []);
  for (const slot of slots) {
    const [hours, minutes] = slot.time.split(':').map(Number);
    table[slot.weekday]!.push(hours! * 60 + minutes!);
  }
  return table;
}

/** Slot instants in [fromMs, toMs) as sorted, unique epoch milliseconds; `slots` must be normalised. */
function slotInstantsMs(slots: Slot[], zone: string, fromMs: number, toMs: number): number[] {
  if (slots.length === 0 || toMs <= fromMs) return [];
  const marginMs = (DAYS_BEFORE_RANGE + 1) * DAY_MS;
  const timeline = ZoneTimeline.covering(zone, fromMs - marginMs, toMs + marginMs);
  const table = minutesByWeekday(slots);
  const firstDay = localDayNumber(timeline.toLocalMs(fromMs)) - DAYS_BEFORE_RANGE;
  const lastDay = localDayNumber(timeline.toLocalMs(toMs)) + DAYS_AFTER_RANGE;
  const found: number[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    for (const minute of table[isoWeekday(day)]!) {
      const instant = timeline.toInstantMs(day * DAY_MS + minute * MINUTE_MS);
      if (instant >= fromMs && instant < toMs) found.push(instant);
    }
  }
  // Gap-shifted slots can land after later slots of the same day, or on another slot's instant.
  found.sort((a, b) => a - b);
  return found.filter((instant, index) => index === 0 || instant !== found[index - 1]);
}

/**
 * Every slot instant in [fromIso, toIso), sorted, no duplicates. A slot whose wall time is skipped
 * by a gap occurs once, moved forward by the gap; one whose wall time repeats occurs once, at the
 * earlier instant; two slots that land on the same instant give one.
 */
export function slotInstants(
  slots: Slot[],
  zone: string,
  fromIso: string,
  toIso: string,
): string[] {
  const fromMs = parseInstantMs(fromIso);
  const toMs = parseInstantMs(toIso);
  requireZone(zone);
  return slotInstantsMs(normalizeSlots(slots), zone, fromMs, toMs).map(formatInstantMs);
}

/**
 * The first slot instant strictly after `afterIso` that is not in `taken` (normalised instants),
 * searching the next `horizonDays` × 24 h (default 366); null if none or no slots.
 */
export function nextFreeSlot(
  slots: Slot[],
  zone: string,
  afterIso: string,
  taken: ReadonlySet<string>,
  horizonDays: number = DEFAULT_HORIZON_DAYS,
): string | null {
  if (!Number.isFinite(horizonDays) || horizonDays < 0) {
    throw new RangeError(`horizonDays must be a non-negative number: ${horizonDays}`);
  }
  const afterMs = parseInstantMs(afterIso);
  const normalized = normalizeSlots(slots);
  requireZone(zone);
  if (normalized.length === 0) return null;
  const endMs = afterMs + 1 + horizonDays * DAY_MS;
  for (let chunkStart = afterMs + 1; chunkStart < endMs; chunkStart += SEARCH_CHUNK_MS) {
    const chunkEnd = Math.min(chunkStart + SEARCH_CHUNK_MS, endMs);
    for (const instant of slotInstantsMs(normalized, zone, chunkStart, chunkEnd)) {
      const iso = formatInstantMs(instant);
      if (!taken.has(iso)) return iso;
    }
  }
  return null;
}
