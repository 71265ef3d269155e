// Property tests of the queue shifts, over zones with and without daylight saving and around their
// changes. Slot instants come from slotInstants, itself checked against luxon in its own tests.
// fast-check prints the seed and the shrunk counterexample of any failure.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Slot } from '../domain';
import type { QueuedCopy, QueueMove, QueueState } from './queue-shift';
import { BREAKING_CLEARANCE_MS, clearForBreaking, reorderQueue, shareNext } from './queue-shift';
import { slotInstants } from './slot-instants';

const ZONES = [
  'Europe/Rome',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Europe/London',
  'America/Santiago',
  'Pacific/Chatham',
  'UTC',
];
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const RUNS = 200;
/** How far ahead of "now" the generated queue reaches. */
const QUEUE_DAYS = 21;

const iso = (ms: number): string => new Date(ms).toISOString();
const ms = (at: string): number => Date.parse(at);

/** Every instant in 2024–2027 at which `zone` changes its offset, found to the minute. */
function transitionsOf(zone: string): number[] {
  const offsetAt = (t: number) => DateTime.fromMillis(t, { zone }).offset;
  const found: number[] = [];
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += DAY_MS) {
    if (offsetAt(t) === offsetAt(t + DAY_MS)) continue;
    let lo = t;
    let hi = t + DAY_MS;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(mid) === offsetAt(t)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}
const TRANSITIONS = new Map(ZONES.map((z) => [z, transitionsOf(z)]));

// Quarter hours make slots close enough together for a window of an hour to cover several.
const timeArb = fc.oneof(
  fc.constantFrom('00:00', '01:30', '02:00', '02:30', '03:00', '09:00', '12:45'),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
// Changes mostly happen at night and on Sundays: those are over-represented.
const scatteredSlotsArb = fc.array(
  fc.record({ weekday: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant(7)), time: timeArb }),
  { minLength: 1, maxLength: 10 },
);
/** A run of slots every 15 or 30 minutes, every day: several fall in and just after the window. */
const denseSlotsArb = fc
  .record({
    startQuarter: fc.integer({ min: 0, max: 95 }),
    stepQuarters: fc.constantFrom(1, 2),
    count: fc.integer({ min: 2, max: 8 }),
  })
  .map(({ startQuarter, stepQuarters, count }) =>
    Array.from({ length: count }, (_, i) => (startQuarter + i * stepQuarters) % 96).flatMap((q) =>
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        time: `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`,
      })),
    ),
  );
const slotsArb = fc.oneof(scatteredSlotsArb, denseSlotsArb);

/** "Now": a day or two before a change of the zone's offset (so the queue spans it), or any time. */
const nowArb = (zone: string) => {
  const changes = TRANSITIONS.get(zone)!;
  const anyTime = fc
    .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 1) })
    .map((t) => Math.floor(t / MINUTE_MS) * MINUTE_MS);
  if (changes.length === 0) return anyTime;
  const nearChange = fc
    .tuple(
      fc.constantFrom(...changes),
      fc.integer({ min: -3 * 24 * 60, max: 3 * 60 }).map((m) => m * MINUTE_MS),
    )
    .map(([t, d]) => t + d);
  return fc.oneof({ arbitrary: nearChange, weight: 3 }, { arbitrary: anyTime, weight: 1 });
};

interface Case {
  zone: string;
  slots: Slot[];
  nowMs: number;
  /**
   * Slot instants around now, each empty (0), queued (1), held by a fixed copy (2), or booked
   * twice by both (3: an exact time set before this check existed, which a shift must undo).
   */
  roles: number[];
  /** Exact times off the slots, minutes after now. */
  offSlot: number[];
  /** Now moved to this many quarter hours before a slot (null: left where it is). */
  align: { slot: number; quarters: number } | null;
}
const caseArb: fc.Arbitrary<Case> = fc
  .record({ zone: fc.constantFrom(...ZONES), slots: slotsArb })
  .chain(({ zone, slots }) =>
    fc.record({
      zone: fc.constant(zone),
      slots: fc.constant(slots),
      nowMs: nowArb(zone),
      roles: fc.array(
        fc.oneof(
          { arbitrary: fc.integer({ min: 0, max: 2 }), weight: 10 },
          { arbitrary: fc.constant(1), weight: 5 },
          { arbitrary: fc.constant(3), weight: 1 },
        ),
        {
          maxLength: 150,
        },
      ),
      offSlot: fc.array(fc.integer({ min: 0, max: QUEUE_DAYS * 24 * 60 }), { maxLength: 4 }),
      align: fc.option(fc.record({ slot: fc.nat(), quarters: fc.integer({ min: 0, max: 8 }) })),
    }),
  );

/**
 * Builds the channel: queued copies q0, q1… in time order (a few in the past), and fixed instants.
 * Where asked, "now" moves to a little before a slot, so the window's end falls among the slots.
 */
function build(c: Case): { state: QueueState; nowMs: number } {
  const near = slotInstants(c.slots, c.zone, iso(c.nowMs), iso(c.nowMs + 8 * DAY_MS));
  const nowMs =
    c.align && near.length > 0
      ? ms(near[c.align.slot % near.length]!) - c.align.quarters * 15 * MINUTE_MS
      : c.nowMs;
  return { ...buildAt(c, nowMs), nowMs };
}

function buildAt(c: Case, nowMs: number): { state: QueueState } {
  const candidates = slotInstants(
    c.slots,
    c.zone,
    iso(nowMs - DAY_MS),
    iso(nowMs + QUEUE_DAYS * DAY_MS),
  );
  const queue: QueuedCopy[] = [];
  const fixed = new Set<string>();
  candidates.forEach((at, i) => {
    // A past double booking is history: shifts leave the past alone.
    const role = c.roles[i] === 3 && ms(at) < nowMs ? 1 : (c.roles[i] ?? 0);
    if (role === 1 || role === 3) queue.push({ id: `q${queue.length}`, at });
    if (role === 2 || role === 3) fixed.add(at);
  });
  const held = new Set(queue.filter((q) => !fixed.has(q.at)).map((q) => q.at));
  for (const minutes of c.offSlot) {
    const at = iso(nowMs + minutes * MINUTE_MS);
    if (!held.has(at)) fixed.add(at);
  }
  return { state: { slots: c.slots, zone: c.zone, queue, fixed: [...fixed] } };
}

/** Where every queued copy ends up, in queue order. */
function finalPlaces(queue: readonly QueuedCopy[], moves: readonly QueueMove[]): QueuedCopy[] {
  const to = new Map(moves.map((m) => [m.id, m.to]));
  return queue.map((q) => ({ id: q.id, at: to.get(q.id) ?? q.at }));
}

const isSlotInstant = (state: QueueState, at: string): boolean =>
  slotInstants(state.slots, state.zone, at, iso(ms(at) + 1)).includes(at);

/** The slot instants strictly between two instants. */
const slotsBetween = (state: QueueState, afterMs: number, beforeMs: number): string[] =>
  beforeMs - afterMs > 1
    ? slotInstants(state.slots, state.zone, iso(afterMs + 1), iso(beforeMs))
    : [];

/**
 * The invariants every shift keeps, for the queued copies due from `fromMs` on. `blocked` says
 * whether an instant may not be taken (a fixed copy, the window); `aheadMs` is where the copy
 * in front of the queue stands (-Infinity when none).
 */
function checkShift(
  state: QueueState,
  moves: readonly QueueMove[],
  fromMs: number,
  blocked: (at: string) => boolean,
  aheadMs: number,
  extraHeld: readonly string[],
): void {
  const before = new Map(state.queue.map((q) => [q.id, q.at]));
  const after = finalPlaces(state.queue, moves);
  const moved = new Map(moves.map((m) => [m.id, m]));
  // Only real queued copies move, each once, and each move says where it came from.
  expect(moved.size).toBe(moves.length);
  for (const m of moves) expect(m.from).toBe(before.get(m.id));

  // None doubled: every queued copy, fixed copy and extra post holds its own instant.
  const all = [...after.map((q) => q.at), ...state.fixed, ...extraHeld].map(ms);
  expect(new Set(all).size).toBe(all.length);

  let prevMs = aheadMs;
  for (const copy of after) {
    const was = ms(before.get(copy.id)!);
    const move = moved.get(copy.id);
    if (was < fromMs) {
      // Copies already past never move.
      expect(move).toBeUndefined();
      continue;
    }
    const mustMove = blocked(iso(was)) || was <= prevMs;
    // Only copies that had to move move; those that had to, did.
    expect(move !== undefined, `${copy.id} at ${iso(was)}`).toBe(mustMove);
    if (move) {
      // Never earlier; onto a real slot instant that is not blocked.
      expect(ms(move.to)).toBeGreaterThan(was);
      expect(isSlotInstant(state, move.to), `${move.to} is a slot`).toBe(true);
      expect(blocked(move.to)).toBe(false);
      // No slot lost: every slot it passed over after the copy ahead was blocked.
      for (const passed of slotsBetween(state, Math.max(was, prevMs), ms(move.to))) {
        expect(blocked(passed), `${copy.id} skipped the free slot ${passed}`).toBe(true);
      }
    }
    // The queue keeps its order.
    expect(ms(copy.at)).toBeGreaterThan(prevMs);
    prevMs = ms(copy.at);
  }
}

describe('clearForBreaking properties', () => {
  it('clears the window after the breaking post, keeping order, slots and single bookings', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { state, nowMs } = build(c);
        const now = iso(nowMs);
        const withPost: QueueState = { ...state, fixed: [...new Set([...state.fixed, now])] };
        const fixed = new Set(withPost.fixed.map((f) => ms(f)));
        const endMs = nowMs + BREAKING_CLEARANCE_MS;
        const blocked = (at: string) => fixed.has(ms(at)) || (ms(at) >= nowMs && ms(at) < endMs);
        const shift = clearForBreaking(withPost, now);
        expect(shift.ok).toBe(true);
        if (!shift.ok) return;
        checkShift(withPost, shift.moves, nowMs, blocked, -Infinity, []);
        // Afterwards nothing queued is due within the window.
        for (const q of finalPlaces(state.queue, shift.moves)) {
          expect(ms(q.at) >= nowMs && ms(q.at) < endMs).toBe(false);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('moves nothing when no queued copy is in the window or on a fixed instant', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { state, nowMs } = build(c);
        const endMs = nowMs + BREAKING_CLEARANCE_MS;
        const fixed = new Set(state.fixed);
        const queue = state.queue.filter(
          (q) => !(ms(q.at) >= nowMs && ms(q.at) < endMs) && !fixed.has(q.at),
        );
        const shift = clearForBreaking({ ...state, queue }, iso(nowMs));
        expect(shift).toEqual({ ok: true, moves: [] });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('shareNext properties', () => {
  it('puts the copy in the first slot no fixed copy holds and pushes the queue along', () => {
    const shareArb = fc.tuple(caseArb, fc.nat(), fc.boolean());
    fc.assert(
      fc.property(shareArb, ([c, pick, fromDraft]) => {
        const { state, nowMs } = build(c);
        const future = state.queue.filter((q) => ms(q.at) > nowMs);
        const id = fromDraft || future.length === 0 ? 'draft' : future[pick % future.length]!.id;
        const shift = shareNext(state, id, iso(nowMs));
        expect(shift.ok).toBe(true);
        if (!shift.ok) return;
        const fixed = new Set(state.fixed.map(ms));
        // The first slot after now that no fixed copy holds (searched far enough ahead).
        const expected = slotInstants(
          state.slots,
          state.zone,
          iso(nowMs + 1),
          iso(nowMs + 400 * DAY_MS),
        ).find((at) => !fixed.has(ms(at)));
        expect(shift.at).toBe(expected);
        const rest: QueueState = { ...state, queue: state.queue.filter((q) => q.id !== id) };
        expect(shift.moves.some((m) => m.id === id)).toBe(false);
        checkShift(rest, shift.moves, nowMs, (at) => fixed.has(ms(at)), ms(shift.at), [shift.at]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('reorderQueue properties', () => {
  it('keeps the queue’s instants and hands them out in the new order', () => {
    const reorderArb = fc.tuple(caseArb, fc.nat(), fc.nat());
    fc.assert(
      fc.property(reorderArb, ([c, pick, target]) => {
        const { state } = build(c);
        fc.pre(state.queue.length > 0);
        const id = state.queue[pick % state.queue.length]!.id;
        const toIndex = target % state.queue.length;
        const moves = reorderQueue(state.queue, id, toIndex);
        const after = finalPlaces(state.queue, moves).sort((a, b) => ms(a.at) - ms(b.at));
        expect(after.map((q) => q.at)).toEqual(state.queue.map((q) => q.at));
        const order = state.queue.map((q) => q.id).filter((x) => x !== id);
        order.splice(toIndex, 0, id);
        expect(after.map((q) => q.id)).toEqual(order);
        for (const m of moves) expect(m.from).not.toBe(m.to);
      }),
      { numRuns: RUNS },
    );
  });
});
