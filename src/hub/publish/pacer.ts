// Pacing of platform calls, per key (a bot, a channel): at most `perWindow` sends in any sliding
// window of `windowMs`, an optional minimum spacing between two reservations, and blocks until a
// time (a 429's retry_after). A reservation takes every key it names or none of them, so a post
// that counts against a bot and a chat is never half-booked. Pure and in memory, the clock passed
// in: each hub process paces its own sends; what several processes still overdo, the platform's
// 429 catches and `block` honours.

/** One limit a reservation must respect. */
export interface PaceRule {
  key: string;
  /** Sends allowed in any window of `windowMs`. */
  perWindow: number;
  windowMs: number;
  /** Least time between two reservations on this key; 0 when absent. */
  minSpacingMs?: number;
}

export type Reservation = { ok: true } | { ok: false; notBefore: Date };

interface KeyState {
  /** Times of the sends booked on this key, oldest first (a send booked `n` times appears `n` times). */
  stamps: number[];
  /** Last reservation, for the minimum spacing. */
  last: number | null;
  blockedUntil: number;
  /** Longest window a rule has used on this key: stamps older than that are forgotten. */
  keepMs: number;
}

export class Pacer {
  private readonly keys = new Map<string, KeyState>();

  /**
   * Books `count` sends now on every rule's key, or none when one of them must wait: then
   * `notBefore` is the earliest time all of them allow it. A `count` above a rule's
   * `perWindow` needs that rule's whole window free (it could never fit otherwise).
   */
  reserve(rules: readonly PaceRule[], now: Date, count = 1): Reservation {
    const t = now.getTime();
    let earliest = t;
    for (const rule of rules) earliest = Math.max(earliest, this.earliestFor(rule, t, count));
    if (earliest > t) return { ok: false, notBefore: new Date(earliest) };
    for (const rule of rules) this.book(rule, t, count);
    return { ok: true };
  }

  /** Nothing is booked on `key` before `until` (the platform asked us to wait). */
  block(key: string, until: Date): void {
    const state = this.stateOf(key);
    state.blockedUntil = Math.max(state.blockedUntil, until.getTime());
  }

  private earliestFor(rule: PaceRule, t: number, count: number): number {
    const state = this.keys.get(rule.key);
    if (state === undefined) return t;
    let earliest = Math.max(t, state.blockedUntil);
    if (state.last !== null) earliest = Math.max(earliest, state.last + (rule.minSpacingMs ?? 0));
    const need = Math.min(count, rule.perWindow);
    const inWindow = state.stamps.filter((s) => s > t - rule.windowMs);
    // With k sends in the window, room for `need` more opens when the (k - perWindow + need)
    // oldest have left it: the one at that index leaves at its time + windowMs.
    const over = inWindow.length + need - rule.perWindow;
    if (over > 0) earliest = Math.max(earliest, (inWindow[over - 1] as number) + rule.windowMs);
    return earliest;
  }

  private book(rule: PaceRule, t: number, count: number): void {
    const state = this.stateOf(rule.key);
    state.keepMs = Math.max(state.keepMs, rule.windowMs);
    const horizon = t - state.keepMs;
    state.stamps = state.stamps.filter((s) => s > horizon);
    for (let i = 0; i < Math.min(count, rule.perWindow); i++) state.stamps.push(t);
    state.stamps.sort((a, b) => a - b);
    state.last = state.last === null ? t : Math.max(state.last, t);
  }

  private stateOf(key: string): KeyState {
    let state = this.keys.get(key);
    if (state === undefined) {
      state = { stamps: [], last: null, blockedUntil: 0, keepMs: 0 };
      this.keys.set(key, state);
    }
    return state;
  }
}
