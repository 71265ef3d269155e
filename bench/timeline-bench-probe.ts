// Runs inside the page (bundled by esbuild and added as an init script): timestamps taken where
// the frames happen, so the figures do not include the round trips of the automation protocol.
// The Node tsconfig has no DOM types, so the few the probe touches are declared here.

interface ProbeElement {
  textContent: string | null;
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  closest(selector: string): ProbeElement | null;
  querySelector(selector: string): ProbeElement | null;
  getElementsByClassName(name: string): { length: number };
}

interface ProbeWindow {
  document: {
    body: ProbeElement;
    querySelector(selector: string): ProbeElement | null;
    addEventListener(
      type: 'click',
      cb: (e: { target: ProbeElement | null }) => void,
      capture: boolean,
    ): void;
    removeEventListener(
      type: 'click',
      cb: (e: { target: ProbeElement | null }) => void,
      capture: boolean,
    ): void;
  };
  MutationObserver: new (cb: () => void) => {
    observe(node: ProbeElement, opts: { childList: boolean; subtree: boolean }): void;
    disconnect(): void;
  };
  requestAnimationFrame(cb: (time: number) => void): number;
  performance: { now(): number; memory?: { usedJSHeapSize: number } };
  __timelineProbe?: TimelineProbe;
}

export interface ScrollState {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

export interface FrameRecord {
  /** Time between consecutive animation frames, ms. */
  intervals: number[];
  /** Most update rows in the DOM at any frame. */
  maxRows: number;
}

export interface TimelineProbe {
  /** Starts timing at the next click on `selector`; ends when the list shows rows under `title`. */
  armClick(selector: string, title: string): void;
  /** Milliseconds from that click until the first rows were painted, and the rows then in the DOM. */
  clickResult(): Promise<{ readyMs: number; domRows: number }>;
  scrollState(): ScrollState | null;
  startFrames(): void;
  stopFrames(): FrameRecord;
  usedHeapBytes(): number | null;
}

const LIST = '[data-testid="timeline-list"]';
const TITLE = '#timeline-title';

const win = globalThis as unknown as ProbeWindow;

const rowsInList = (): number =>
  win.document.querySelector(LIST)?.getElementsByClassName('update-row').length ?? 0;

/** Resolves after the frame that follows now has been painted (rAF, then a task after it). */
const afterNextPaint = (): Promise<number> =>
  new Promise((resolve) =>
    win.requestAnimationFrame(() => setTimeout(() => resolve(win.performance.now()), 0)),
  );

let clickResult: Promise<{ readyMs: number; domRows: number }> | null = null;
let frames: { last: number; intervals: number[]; maxRows: number; running: boolean } | null = null;

const probe: TimelineProbe = {
  armClick(selector, title) {
    clickResult = new Promise((resolve) => {
      const onClick = (e: { target: ProbeElement | null }) => {
        if (!e.target?.closest(selector)) return;
        win.document.removeEventListener('click', onClick, true);
        const clickedAt = win.performance.now();
        const shown = () =>
          win.document.querySelector(TITLE)?.textContent === title && rowsInList() > 0;
        const finish = () =>
          void afterNextPaint().then((paintedAt) =>
            resolve({ readyMs: paintedAt - clickedAt, domRows: rowsInList() }),
          );
        const observer = new win.MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          finish();
        });
        observer.observe(win.document.body, { childList: true, subtree: true });
      };
      win.document.addEventListener('click', onClick, true);
    });
  },
  clickResult() {
    if (!clickResult) throw new Error('armClick was not called');
    return clickResult;
  },
  scrollState() {
    const list = win.document.querySelector(LIST);
    if (!list) return null;
    return {
      scrollTop: list.scrollTop,
      scrollHeight: list.scrollHeight,
      clientHeight: list.clientHeight,
    };
  },
  startFrames() {
    const state = { last: -1, intervals: [] as number[], maxRows: 0, running: true };
    frames = state;
    const tick = (time: number) => {
      if (!state.running) return;
      if (state.last >= 0) state.intervals.push(time - state.last);
      state.last = time;
      state.maxRows = Math.max(state.maxRows, rowsInList());
      win.requestAnimationFrame(tick);
    };
    win.requestAnimationFrame(tick);
  },
  stopFrames() {
    if (!frames) throw new Error('startFrames was not called');
    frames.running = false;
    return { intervals: frames.intervals, maxRows: frames.maxRows };
  },
  usedHeapBytes() {
    return win.performance.memory?.usedJSHeapSize ?? null;
  },
};

win.__timelineProbe = probe;
