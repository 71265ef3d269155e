// CPU time of the page's main thread from a Chromium trace: unlike frame intervals, it barely moves
// when other processes compete for the machine's cores, so it compares builds on a shared machine.

/** The trace category whose `RunTask` events cover every task of a thread. */
export const TASK_TRACE_CATEGORIES = ['disabled-by-default-devtools.timeline'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  args?: { name?: string };
}

/** Sums the thread time of the top-level tasks of every renderer main thread in `trace`, in ms. */
export function mainThreadCpuMs(trace: Buffer | string): number {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'RunTask' &&
        e.tdur !== undefined &&
        mainThreads.has(`${e.pid}:${e.tid}`),
    )
    .sort((a, b) => a.ts - b.ts);
  // A task run from inside another (a nested run loop) is already in its parent's time.
  const busyUntil = new Map<string, number>();
  let totalUs = 0;
  for (const task of tasks) {
    const thread = `${task.pid}:${task.tid}`;
    if (task.ts < (busyUntil.get(thread) ?? 0)) continue;
    busyUntil.set(thread, task.ts + (task.dur ?? 0));
    totalUs += task.tdur!;
  }
  return totalUs / 1000;
}
