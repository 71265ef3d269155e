// Where a channel's queued copies go when something takes their slots: a breaking post published
// now, or a copy shared next. The queue keeps its order, nobody moves earlier, no instant is held
// twice, and a copy that must move takes the first slot it may take, never skipping a free one.
import type { Slot } from '../domain';
import { formatInstantMs, MINUTE_MS, parseInstantMs } from './instant-text';
import { nextFreeSlot } from './slot-instants';

/** Queued copies due this soon after a breaking post step aside, so the two do not go out together. */
export const BREAKING_CLEARANCE_MS = 60 * MINUTE_MS;

/** A copy in a channel's queue: where it stands now (a UTC instant). */
export interface QueuedCopy {
  id: string;
  at: string;
}

/** A queued copy that had to move, from its old instant to its new one. */
export interface QueueMove {
  id: string;
  from: string;
  to: string;
}

/** A channel's queue as the maths needs it. */
export interface QueueState {
  slots: Slot[];
  zone: string;
  /** The queued copies, which may move (they are taken in time order). */
  queue: readonly QueuedCopy[];
  /** Instants held by copies that never move here: exact times, past posts, the breaking post. */
  fixed: readonly string[];
}

/** The shift worked; or a copy found no free slot in the year after where it had to go from. */
export type QueueShift = { ok: true; moves: QueueMove[] } | { ok: false; stuckId: string };

const normal = (iso: string): string => formatInstantMs(parseInstantMs(iso));
const byTime = (a: QueuedCopy, b: QueuedCopy): number =>
  parseInstantMs(a.at) - parseInstantMs(b.at) || a.id.localeCompare(b.id);

/** Instants [startMs, endMs) no queued copy may take. */
interface Window {
  startMs: number;
  endMs: number;
}

/** The first slot instant after `afterMs` that is neither held by a fixed copy nor in the window. */
function firstFreeAfter(
  state: QueueState,
  taken: ReadonlySet<string>,
  afterMs: number,
  window: Window | null,
): string | null {
  let cursor = afterMs;
  for (;;) {
    const next = nextFreeSlot(state.slots, state.zone, formatInstantMs(cursor), taken);
    if (next === null) return null;
    const ms = parseInstantMs(next);
    if (!window || ms < window.startMs || ms >= window.endMs) return next;
    cursor = window.endMs - 1;
  }
}

/**
 * Walks the queue in order. A copy stays where it is unless it sits in the window, on a fixed
 * instant, or at or before the copy ahead of it (which may just have been pushed there); then it
 * takes the first slot after both its own instant and the copy ahead that is free. Copies due
 * before `fromMs` are past and never move.
 */
function settle(
  state: QueueState,
  order: readonly QueuedCopy[],
  fromMs: number,
  window: Window | null,
  aheadMs: number,
): QueueShift {
  const taken = new Set(state.fixed.map(normal));
  const moves: QueueMove[] = [];
  let prevMs = aheadMs;
  for (const copy of order) {
    const at = normal(copy.at);
    const atMs = parseInstantMs(at);
    if (atMs < fromMs) continue;
    const inWindow = window !== null && atMs >= window.startMs && atMs < window.endMs;
    if (!inWindow && !taken.has(at) && atMs > prevMs) {
      prevMs = atMs;
      continue;
    }
    const to = firstFreeAfter(state, taken, Math.max(atMs, prevMs), window);
    if (to === null) return { ok: false, stuckId: copy.id };
    moves.push({ id: copy.id, from: at, to });
    prevMs = parseInstantMs(to);
  }
  return { ok: true, moves };
}

/**
 * A breaking post goes out at `nowIso`: the queued copies due within `clearanceMs` after it move
 * to the following free slots, pushing the queue along where they land on it. The breaking post's
 * own instant should be among `fixed`.
 */
export function clearForBreaking(
  state: QueueState,
  nowIso: string,
  clearanceMs: number = BREAKING_CLEARANCE_MS,
): QueueShift {
  if (!Number.isFinite(clearanceMs) || clearanceMs < 0) {
    throw new RangeError(`clearanceMs must be a non-negative number: ${clearanceMs}`);
  }
  const nowMs = parseInstantMs(nowIso);
  const order = [...state.queue].sort(byTime);
  return settle(state, order, nowMs, { startMs: nowMs, endMs: nowMs + clearanceMs }, -Infinity);
}

/** Where a shared-next copy goes, and the queued copies that moved along for it. */
export type ShareNextShift =
  { ok: true; at: string; moves: QueueMove[] } | { ok: false; stuckId: string };

/**
 * "Share next": copy `id` takes the first slot after `nowIso` that no fixed copy holds, ahead of
 * the whole queue; queued copies it lands on move along. `id` may be in the queue (it leaves its
 * place) or not (a draft); it must not be among `fixed`.
 */
export function shareNext(state: QueueState, id: string, nowIso: string): ShareNextShift {
  const nowMs = parseInstantMs(nowIso);
  const taken = new Set(state.fixed.map(normal));
  const at = firstFreeAfter(state, taken, nowMs, null);
  if (at === null) return { ok: false, stuckId: id };
  const rest = state.queue.filter((c) => c.id !== id).sort(byTime);
  const shift = settle(state, rest, nowMs, null, parseInstantMs(at));
  return shift.ok ? { ok: true, at, moves: shift.moves } : shift;
}

/**
 * Copy `id` takes position `toIndex` (0-based) of the queue; the queue's instants stay where they
 * are and the copies take them in the new order. Throws RangeError for an unknown id or an index
 * outside the queue.
 */
export function reorderQueue(
  queue: readonly QueuedCopy[],
  id: string,
  toIndex: number,
): QueueMove[] {
  const order = [...queue].sort(byTime);
  const from = order.findIndex((c) => c.id === id);
  if (from < 0) throw new RangeError(`not in the queue: ${id}`);
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= order.length) {
    throw new RangeError(`toIndex must be 0..${order.length - 1}: ${toIndex}`);
  }
  const instants = order.map((c) => normal(c.at));
  const [moving] = order.splice(from, 1);
  order.splice(toIndex, 0, moving!);
  const moves: QueueMove[] = [];
  order.forEach((copy, i) => {
    const at = normal(copy.at);
    if (at !== instants[i]) moves.push({ id: copy.id, from: at, to: instants[i]! });
  });
  return moves;
}

/**
 * The queued copy that already holds `atIso`, if any: scheduling an exact time there would book
 * the instant twice. The desk refuses such a time and names this copy (see scheduleCopy), rather
 * than moving a queued copy behind the editor's back.
 */
export function queuedCopyAt(queue: readonly QueuedCopy[], atIso: string): QueuedCopy | null {
  const atMs = parseInstantMs(atIso);
  return queue.find((c) => parseInstantMs(c.at) === atMs) ?? null;
}

/** What decides whether a copy is in its channel's queue (a timeline summary or a stored copy). */
export interface QueueFacts {
  at: string | null;
  mode: 'exact' | 'queue' | null;
  deliveryState: string | null;
  deletedAt: string | null;
}

/**
 * Whether a copy is in its channel's movable queue at `now`: queued in a slot still ahead, and not
 * already being published. Everything else scheduled holds its instant.
 */
export function isMovableQueued(copy: QueueFacts, now: Date): boolean {
  return (
    copy.deletedAt === null &&
    copy.mode === 'queue' &&
    copy.at !== null &&
    Date.parse(copy.at) > now.getTime() &&
    copy.deliveryState !== 'publishing' &&
    copy.deliveryState !== 'published'
  );
}
