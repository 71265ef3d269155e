// One clock for every countdown and overdue badge on screen: a single timer, read through a
// selector so a badge re-renders only when what it shows changes.
import { useSyncExternalStore } from 'react';

/** Countdowns are told to the minute at most; a quarter-minute tick keeps them on time. */
export const CLOCK_TICK_MS = 15_000;

let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

/** The time rounded down to the tick: the same value for every read within one tick. */
const tickNow = () => Math.floor(Date.now() / CLOCK_TICK_MS) * CLOCK_TICK_MS;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const l of listeners) l();
  }, CLOCK_TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/**
 * A value read from the clock, e.g. `useClock((now) => isOverdue(d, now))`. `read` must return a
 * primitive (or the same object for the same time): the component re-renders when it changes.
 */
export function useClock<T>(read: (nowMs: number) => T): T {
  return useSyncExternalStore(subscribe, () => read(tickNow()));
}

const identity = (ms: number) => ms;

/** The clock's time, rounded down to the tick. */
export function useNow(): number {
  return useClock(identity);
}
