// Autosave without waiting: at most one request in flight, later changes merged into one queued patch.

export type SaveState = 'idle' | 'saving' | 'error';

export interface SaveQueue<P extends object> {
  /** Queues a patch (merged over anything not yet sent) and starts sending if idle. */
  push(patch: P): void;
  /** Sends again whatever failed last time. */
  retry(): void;
  /** Drops anything not yet sent (the in-flight request still completes). */
  discard(): void;
  /** Resolves once nothing is queued or in flight (or the last send failed). */
  settled(): Promise<void>;
  readonly state: SaveState;
}

/** Creates a queue that sends patches one at a time through `send`, reporting its state changes. */
export function createSaveQueue<P extends object>(
  send: (patch: P) => Promise<unknown>,
  onState: (state: SaveState, error?: unknown) => void,
): SaveQueue<P> {
  let pending: P | null = null;
  let inFlight = false;
  let state: SaveState = 'idle';
  let waiters: (() => void)[] = [];

  const setState = (next: SaveState, error?: unknown) => {
    state = next;
    onState(next, error);
    if (next !== 'saving') {
      const done = waiters;
      waiters = [];
      for (const w of done) w();
    }
  };

  const pump = async () => {
    if (inFlight) return;
    inFlight = true;
    setState('saving');
    while (pending) {
      const patch = pending;
      pending = null;
      try {
        await send(patch);
      } catch (error) {
        // Keep the failed patch under anything typed since, so nothing typed is dropped.
        pending = { ...patch, ...(pending ?? {}) } as P;
        inFlight = false;
        setState('error', error);
        return;
      }
    }
    inFlight = false;
    setState('idle');
  };

  return {
    push(patch) {
      pending = { ...(pending ?? {}), ...patch } as P;
      void pump();
    },
    retry() {
      if (pending) void pump();
    },
    discard() {
      pending = null;
      if (!inFlight && state === 'error') setState('idle');
    },
    settled() {
      if (state !== 'saving') return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    get state() {
      return state;
    },
  };
}
