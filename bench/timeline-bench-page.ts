// One repetition of the `timeline` benchmark in a fresh browser context: open the big channel by a
// click, count the rows in the DOM, wheel the list to the bottom and back while the probe records
// every frame, read the page's JS heap, then wheel down once more under a trace for the CPU cost.
import type { Browser, Page } from '@playwright/test';
import { percentile, round } from './bench-stats';
import type { FrameRecord, ScrollState, TimelineProbe } from './timeline-bench-probe';
import { TASK_TRACE_CATEGORIES, mainThreadCpuMs } from './timeline-bench-trace';

export const VIEWPORT = { width: 1440, height: 900 };
/** Wheel steps each way and the pause between them: ~1.5 s down, ~1.5 s up. */
export const WHEEL_STEPS = 60;
export const WHEEL_INTERVAL_MS = 25;
/** A frame longer than this is a visible stall (three missed frames at 60 Hz). */
export const LONG_FRAME_MS = 50;
/** How long to wait for the smooth-scroll animation to reach the end after the last wheel step. */
const SETTLE_TIMEOUT_MS = 3_000;
const SETTLE_POLL_MS = 50;
const LIST = '[data-testid="timeline-list"]';
const ROW = '[data-testid="update-row"]';

export interface TimelineTarget {
  channelId: string;
  channelName: string;
}

/** The figures of one repetition. */
export interface RunFigures {
  app_ready_ms: number;
  timeline_ready_ms: number;
  dom_rows: number;
  dom_rows_max: number;
  frames: number;
  frame_p50_ms: number;
  frame_p95_ms: number;
  frame_p99_ms: number;
  frame_max_ms: number;
  long_frames: number;
  heap_mb: number;
  wheel_px: number;
  scroll_ms: number;
  /** 1 when the wheel reached both the bottom and the top again, else 0. */
  reached_ends: number;
  /** Main-thread CPU time per wheel step of a second, traced pass from the top to the bottom. */
  cpu_per_step_ms: number;
}

/** How a serialised page callback reaches the probe (it cannot close over anything in Node). */
type ProbeHost = { __timelineProbe: TimelineProbe };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForScroll(page: Page, done: (s: ScrollState) => boolean): Promise<boolean> {
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const state = await page.evaluate(() =>
      (globalThis as unknown as ProbeHost).__timelineProbe.scrollState(),
    );
    if (state && done(state)) return true;
    await sleep(SETTLE_POLL_MS);
  }
  return false;
}

/** Wheels `steps` times by `delta` px, one step every WHEEL_INTERVAL_MS of wall time. */
async function wheel(page: Page, delta: number): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < WHEEL_STEPS; i++) {
    const wait = start + i * WHEEL_INTERVAL_MS - performance.now();
    if (wait > 0) await sleep(wait);
    await page.mouse.wheel(0, delta);
  }
}

async function usedHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    // Garbage left by the scroll is not what the timeline keeps: collect it first.
    await cdp.send('HeapProfiler.collectGarbage');
    let bytes = await page.evaluate(() =>
      (globalThis as unknown as ProbeHost).__timelineProbe.usedHeapBytes(),
    );
    if (bytes === null) {
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      bytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    }
    return round(bytes / (1024 * 1024), 1);
  } finally {
    await cdp.detach();
  }
}

/**
 * Wheels from the top to the bottom once more under a trace and returns the page's main-thread
 * CPU time per wheel step: what a frame costs, whatever else the machine is doing.
 */
async function tracedCpuPerStepMs(browser: Browser, page: Page, delta: number): Promise<number> {
  await browser.startTracing(page, { categories: TASK_TRACE_CATEGORIES });
  let trace: Buffer;
  try {
    await wheel(page, delta);
    await waitForScroll(page, (s) => s.scrollTop + s.clientHeight >= s.scrollHeight - 1);
  } finally {
    trace = await browser.stopTracing();
  }
  return round(mainThreadCpuMs(trace) / WHEEL_STEPS, 1);
}

function frameFigures(record: FrameRecord) {
  const { intervals } = record;
  return {
    frames: intervals.length,
    frame_p50_ms: round(percentile(intervals, 50), 1),
    frame_p95_ms: round(percentile(intervals, 95), 1),
    frame_p99_ms: round(percentile(intervals, 99), 1),
    frame_max_ms: round(Math.max(...intervals), 1),
    long_frames: intervals.filter((ms) => ms > LONG_FRAME_MS).length,
  };
}

/** Runs one repetition against the desk at `url` (token included). */
export async function measureTimelineOnce(
  browser: Browser,
  url: string,
  probeScript: string,
  target: TimelineTarget,
): Promise<RunFigures> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-GB',
    timezoneId: 'Europe/Rome',
  });
  try {
    await context.addInitScript({ content: probeScript });
    const page = await context.newPage();
    const loadStart = performance.now();
    await page.goto(url);
    await page.locator(`${LIST} ${ROW}`).first().waitFor();
    const appReadyMs = performance.now() - loadStart;

    const link = `[data-testid="channel-link"][data-channel-id="${target.channelId}"]`;
    await page.evaluate(
      ([selector, title]) =>
        (globalThis as unknown as ProbeHost).__timelineProbe.armClick(selector, title),
      [link, target.channelName] as const,
    );
    await page.click(link);
    const ready = await page.evaluate(() =>
      (globalThis as unknown as ProbeHost).__timelineProbe.clickResult(),
    );

    const box = await page.locator(LIST).boundingBox();
    const start = await page.evaluate(() =>
      (globalThis as unknown as ProbeHost).__timelineProbe.scrollState(),
    );
    if (!box || !start) throw new Error('the timeline list is not on the page');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const distance = start.scrollHeight - start.clientHeight;
    const delta = Math.ceil(distance / WHEEL_STEPS);

    await page.evaluate(() => (globalThis as unknown as ProbeHost).__timelineProbe.startFrames());
    const scrollStart = performance.now();
    await wheel(page, delta);
    const bottom = await waitForScroll(
      page,
      (s) => s.scrollTop + s.clientHeight >= s.scrollHeight - 1,
    );
    await wheel(page, -delta);
    const top = await waitForScroll(page, (s) => s.scrollTop <= 0);
    const scrollMs = performance.now() - scrollStart;
    const record = await page.evaluate(() =>
      (globalThis as unknown as ProbeHost).__timelineProbe.stopFrames(),
    );

    const heapMb = await usedHeapMb(page);
    const cpuPerStepMs = await tracedCpuPerStepMs(browser, page, delta);
    return {
      app_ready_ms: round(appReadyMs, 0),
      timeline_ready_ms: round(ready.readyMs, 0),
      dom_rows: ready.domRows,
      dom_rows_max: record.maxRows,
      ...frameFigures(record),
      heap_mb: heapMb,
      wheel_px: delta,
      scroll_ms: round(scrollMs, 0),
      reached_ends: bottom && top ? 1 : 0,
      cpu_per_step_ms: cpuPerStepMs,
    };
  } finally {
    await context.close();
  }
}
