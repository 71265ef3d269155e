// Property tests: slot instants checked against an oracle built from luxon's own conversions.
// fast-check prints the seed and the shrunk counterexample of any failure.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Slot } from '../domain';
import { nextFreeSlot, slotInstants } from './slot-instants';

const ZONES = [
  'Europe/Rome',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'America/Havana',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Australia/Adelaide',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Africa/Casablanca',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'UTC',
];
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const RUNS = 250;
/** Overlaps in these zones and years last at most this long, in 15-minute steps. */
const MAX_OVERLAP_MIN = 180;

// Times near the usual changes are over-represented; any minute of the day is possible.
const timeArb = fc.oneof(
  fc.constantFrom(
    '00:00',
    '00:30',
    '01:00',
    '01:30',
    '01:45',
    '02:00',
    '02:15',
    '02:30',
    '02:45',
    '03:00',
    '03:30',
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
// Most changes happen on Sundays, so Sunday is over-represented too.
const weekdayArb = fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant(7));
const slotsArb = fc.array(fc.record({ weekday: weekdayArb, time: timeArb }), {
  minLength: 1,
  maxLength: 8,
});
// Months with changes somewhere in the list are favoured; 2011 brings Apia's skipped day.
const startArb = fc
  .record({
    year: fc.integer({ min: 2008, max: 2030 }),
    month: fc.oneof(fc.integer({ min: 0, max: 11 }), fc.constantFrom(2, 3, 8, 9, 10, 11)),
    day: fc.integer({ min: 1, max: 28 }),
    minute: fc.integer({ min: 0, max: 1439 }),
  })
  .map(({ year, month, day, minute }) => Date.UTC(year, month, day) + minute * MINUTE_MS);
const caseArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  slots: slotsArb,
  fromMs: startArb,
  days: fc.integer({ min: 1, max: 60 }),
});

const wallOf = (ms: number, zone: string): DateTime => DateTime.fromMillis(ms, { zone });
// Plain fields rather than toFormat: this runs hundreds of thousands of times.
const wallKey = (dt: DateTime): string =>
  `${dt.year}-${dt.month}-${dt.day}T${dt.hour}:${dt.minute}`;

/**
 * Some instants showing a wall time (given as a UTC DateTime of its fields), checked by luxon's
 * forward conversion; none in a gap. luxon's own fromObject starts from today's offset and can
 * report a gap that is not there when a zone has since moved far (Apia, 26 Sep 2010), so the offsets in force a day either
 * side are tried as well.
 */
function instantsShowing(zone: string, wall: DateTime): number[] {
  const wanted = wallKey(wall);
  const shows = (ms: number): boolean => wallKey(wallOf(ms, zone)) === wanted;
  const { year, month, day, hour, minute } = wall;
  const direct = DateTime.fromObject({ year, month, day, hour, minute }, { zone }).toMillis();
  if (shows(direct)) return [direct];
  const local = wall.toMillis();
  const probes = [local - DAY_MS, local + DAY_MS].map(
    (probe) => local - wallOf(probe, zone).offset * MINUTE_MS,
  );
  return probes.filter(shows);
}

/**
 * The instant a slot should occupy on a local date: the earliest instant showing it (searched
 * back 15 minutes at a time, whatever the probes found), or luxon's forward-moved one in a gap.
 */
function oracleInstant(zone: string, date: DateTime, time: string): number {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const wall = DateTime.utc(date.year, date.month, date.day, hour, minute);
  const showing = instantsShowing(zone, wall);
  if (showing.length === 0) {
    return DateTime.fromObject(
      { year: wall.year, month: wall.month, day: wall.day, hour, minute },
      { zone },
    ).toMillis();
  }
  const ms = Math.min(...showing);
  const earliest = ms - MAX_OVERLAP_MIN * MINUTE_MS;
  if (wallOf(earliest, zone).offset === wallOf(ms, zone).offset) return ms;
  for (let back = MAX_OVERLAP_MIN; back > 0; back -= 15) {
    if (wallKey(wallOf(ms - back * MINUTE_MS, zone)) === wallKey(wall))
      return ms - back * MINUTE_MS;
  }
  return ms;
}

/** Every (local date, slot) whose oracle instant falls in [fromMs, toMs), keyed "date time" → instant. */
function expectedOccurrences(
  zone: string,
  slots: Slot[],
  fromMs: number,
  toMs: number,
): Map<string, number> {
  const occurrences = new Map<string, number>();
  const first = wallOf(fromMs, zone).startOf('day').minus({ days: 2 });
  const last = wallOf(toMs, zone).plus({ days: 1 });
  // Walk dates as plain UTC dates so a skipped local day is not skipped here.
  for (
    let date = DateTime.utc(first.year, first.month, first.day);
    date <= DateTime.utc(last.year, last.month, last.day);
    date = date.plus({ days: 1 })
  ) {
    for (const slot of slots) {
      if (slot.weekday !== date.weekday) continue;
      const instant = oracleInstant(zone, date, slot.time);
      if (instant >= fromMs && instant < toMs)
        occurrences.set(`${date.toISODate()} ${slot.time}`, instant);
    }
  }
  return occurrences;
}

/** Whether an earlier instant, up to an overlap's length before, shows the same wall time. */
function repeatsEarlierWall(ms: number, zone: string): boolean {
  const earliest = ms - MAX_OVERLAP_MIN * MINUTE_MS;
  if (wallOf(earliest, zone).offset === wallOf(ms, zone).offset) return false;
  const key = wallKey(wallOf(ms, zone));
  for (let back = 15; back <= MAX_OVERLAP_MIN; back += 15) {
    if (wallKey(wallOf(ms - back * MINUTE_MS, zone)) === key) return true;
  }
  return false;
}

/** The (date, slot) keys an instant stands for: its own wall time, or one a gap pushed forward onto it. */
function keysOf(ms: number, zone: string, slots: Slot[]): string[] {
  const slotKeys = new Set(slots.map((slot) => `${slot.weekday} ${slot.time}`));
  const keys: string[] = [];
  const wall = wallOf(ms, zone);
  // In an overlap only the earlier of the two instants showing a slot's wall time stands for it.
  if (slotKeys.has(`${wall.weekday} ${wall.toFormat('HH:mm')}`) && !repeatsEarlierWall(ms, zone)) {
    keys.push(`${wall.toISODate()} ${wall.toFormat('HH:mm')}`);
  }
  const gapMin = wall.offset - wallOf(ms - DAY_MS, zone).offset;
  if (gapMin > 0) {
    const naive = DateTime.utc(wall.year, wall.month, wall.day, wall.hour, wall.minute).minus({
      minutes: gapMin,
    });
    const existed = instantsShowing(zone, naive).length > 0;
    if (!existed && slotKeys.has(`${naive.weekday} ${naive.toFormat('HH:mm')}`)) {
      keys.push(`${naive.toISODate()} ${naive.toFormat('HH:mm')}`);
    }
  }
  return keys;
}

describe('slotInstants properties', () => {
  it('matches the oracle: sorted, unique, one instant per slot and matching local day', () => {
    fc.assert(
      fc.property(caseArb, ({ zone, slots, fromMs, days }) => {
        const toMs = fromMs + days * DAY_MS;
        const found = slotInstants(
          slots,
          zone,
          new Date(fromMs).toISOString(),
          new Date(toMs).toISOString(),
        );
        const foundMs = found.map((iso) => Date.parse(iso));
        for (let i = 1; i < foundMs.length; i += 1)
          expect(foundMs[i]!).toBeGreaterThan(foundMs[i - 1]!);
        const expected = [...new Set(expectedOccurrences(zone, slots, fromMs, toMs).values())].sort(
          (a, b) => a - b,
        );
        expect(foundMs).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('shows each slot’s own wall time (first time round), or a later one by exactly the gap it fell in', () => {
    fc.assert(
      fc.property(caseArb, ({ zone, slots, fromMs, days }) => {
        const toMs = fromMs + days * DAY_MS;
        const found = slotInstants(
          slots,
          zone,
          new Date(fromMs).toISOString(),
          new Date(toMs).toISOString(),
        );
        const owners = new Map<string, number>();
        for (const iso of found) {
          const keys = keysOf(Date.parse(iso), zone, slots);
          expect(keys.length, `${iso} stands for no slot`).toBeGreaterThan(0);
          for (const key of keys) owners.set(key, (owners.get(key) ?? 0) + 1);
        }
        // Every occurrence that belongs in the range is there exactly once.
        for (const key of expectedOccurrences(zone, slots, fromMs, toMs).keys()) {
          expect(owners.get(key), key).toBe(1);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('nextFreeSlot properties', () => {
  it('returns the first instant after `after` that is not taken, and never a taken one', () => {
    const queueArb = fc.record({
      zone: fc.constantFrom(...ZONES),
      slots: slotsArb,
      afterMs: startArb,
      horizonDays: fc.integer({ min: 1, max: 40 }),
      takenMask: fc.array(
        fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
        { maxLength: 400 },
      ),
    });
    fc.assert(
      fc.property(queueArb, ({ zone, slots, afterMs, horizonDays, takenMask }) => {
        const after = new Date(afterMs).toISOString();
        const horizonEnd = new Date(afterMs + horizonDays * DAY_MS + 1).toISOString();
        const candidates = slotInstants(
          slots,
          zone,
          new Date(afterMs + 1).toISOString(),
          horizonEnd,
        );
        // The instant `after` itself is often taken in real queues; it must never come back.
        const taken = new Set([after, ...candidates.filter((_, i) => takenMask[i] ?? false)]);
        const expected = candidates.find((iso) => !taken.has(iso)) ?? null;
        const result = nextFreeSlot(slots, zone, after, taken, horizonDays);
        expect(result).toBe(expected);
        if (result !== null) {
          expect(taken.has(result)).toBe(false);
          expect(Date.parse(result)).toBeGreaterThan(afterMs);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
