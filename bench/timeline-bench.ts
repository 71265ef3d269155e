// The `timeline` benchmark: one channel with 10,000 updates, seeded through the engine, opened in
// the real renderer (browser mode, Debian's Chromium) and wheeled from top to bottom and back.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { startWebHost } from '../src/host/web-host';
import { formatTable, percentile, round } from './bench-stats';
import type { RunFigures } from './timeline-bench-page';
import {
  LONG_FRAME_MS,
  VIEWPORT,
  WHEEL_INTERVAL_MS,
  WHEEL_STEPS,
  measureTimelineOnce,
} from './timeline-bench-page';
import type { SeedResult } from './timeline-bench-seed';
import { seedTimelineData } from './timeline-bench-seed';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DATA_DIR = fileURLToPath(new URL('./.data/', import.meta.url));
const PROBE_SOURCE = fileURLToPath(new URL('./timeline-bench-probe.ts', import.meta.url));
/** The renderer build to serve; TIMELINE_BENCH_STATIC_DIR compares another build (A/B). */
const RENDERER_DIR = process.env.TIMELINE_BENCH_STATIC_DIR
  ? path.resolve(process.env.TIMELINE_BENCH_STATIC_DIR)
  : path.join(ROOT, 'out/renderer');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Unbucketed performance.memory, so the heap figure is exact.
  '--enable-precise-memory-info',
];
const UPDATES = Number(process.env.TIMELINE_BENCH_UPDATES ?? 10_000);
/** 15% scheduled (1,500 of 10,000), the rest drafts. */
const SCHEDULED = Math.round(UPDATES * 0.15);
const SMALL_UPDATES = 40;
const REPETITIONS = 3;

/** Builds out/renderer when there is none (or when asked to: TIMELINE_BENCH_REBUILD=1). */
function ensureRenderer(): string {
  const index = path.join(RENDERER_DIR, 'index.html');
  const other = process.env.TIMELINE_BENCH_STATIC_DIR !== undefined;
  if (other && !existsSync(index)) throw new Error(`no renderer build in ${RENDERER_DIR}`);
  if (other || (existsSync(index) && process.env.TIMELINE_BENCH_REBUILD !== '1')) {
    const where = other ? RENDERER_DIR : 'out/renderer';
    return `${where}, built ${statSync(index).mtime.toISOString()}`;
  }
  const started = performance.now();
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`electron-vite build failed (exit ${built.status})`);
  return `out/renderer, built now in ${round((performance.now() - started) / 1000, 1)} s`;
}

/** The in-page probe as one script, without the helpers tsx would add to a serialised function. */
async function bundleProbe(): Promise<string> {
  const out = await build({
    entryPoints: [PROBE_SOURCE],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

const median = (runs: RunFigures[], key: keyof RunFigures): number =>
  percentile(
    runs.map((r) => r[key]),
    50,
  );

function printReport(seed: SeedResult, runs: RunFigures[], renderer: string): void {
  const seedS = round(seed.seedMs / 1000, 1);
  console.log(
    `\ntimeline benchmark — "${seed.bigChannelName}": ${UPDATES} updates (${SCHEDULED} scheduled), ` +
      `${REPETITIONS} runs, viewport ${VIEWPORT.width}×${VIEWPORT.height}`,
  );
  console.log(
    `seeded through the engine: ${seed.commits} commits in ${seedS} s ` +
      `(${round(seed.seedMs / seed.commits, 2)} ms each, close included); renderer: ${renderer}`,
  );
  const figures: [keyof RunFigures, string, string][] = [
    ['app_ready_ms', 'ms', 'goto → first row of the first (small) channel, from Node'],
    ['timeline_ready_ms', 'ms', 'click on the big channel → its first rows painted'],
    ['dom_rows', '', 'update rows in the DOM once shown'],
    ['dom_rows_max', '', 'most update rows in the DOM at any frame while scrolling'],
    ['frames', '', 'animation frames recorded while scrolling'],
    ['frame_p50_ms', 'ms', 'frame interval, median'],
    ['frame_p95_ms', 'ms', 'frame interval, 95th percentile'],
    ['frame_p99_ms', 'ms', 'frame interval, 99th percentile'],
    ['frame_max_ms', 'ms', 'longest frame interval'],
    ['long_frames', '', `frames longer than ${LONG_FRAME_MS} ms`],
    ['heap_mb', 'MB', 'used JS heap after the scroll and a forced GC'],
    [
      'wheel_px',
      'px',
      `wheel step (${WHEEL_STEPS} steps each way, one per ${WHEEL_INTERVAL_MS} ms)`,
    ],
    ['scroll_ms', 'ms', 'down and back up, including the smooth-scroll tail'],
    ['reached_ends', '', '1 = the list reached its bottom and its top again'],
    [
      'cpu_per_step_ms',
      'ms',
      'main-thread CPU per wheel step (traced pass down; load-independent)',
    ],
  ];
  const rows = figures.map(([key, unit, note]) => [
    key,
    ...runs.map((r) => `${r[key]}`),
    `${median(runs, key)}${unit ? ` ${unit}` : ''}`,
    note,
  ]);
  const header = ['figure', ...runs.map((_, i) => `run ${i + 1}`), 'median', 'notes'];
  console.log(formatTable(header, rows));
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => round(l, 2))
      .join(' ')}`,
  );
}

/** Runs the timeline benchmark and prints a table, then one JSON line. */
export async function runTimelineBenchmark(): Promise<void> {
  const renderer = ensureRenderer();
  const probeScript = await bundleProbe();
  const dataDir = path.join(DATA_DIR, `timeline-${process.pid}`);
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const runs: RunFigures[] = [];
  let seed: SeedResult;
  try {
    seed = await seedTimelineData(dataDir, {
      updates: UPDATES,
      scheduled: SCHEDULED,
      smallUpdates: SMALL_UPDATES,
    });
    const host = await startWebHost({ dataDir, port: 0, staticDir: RENDERER_DIR });
    try {
      const browser = await chromium.launch({
        ...(existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {}),
        args: CHROMIUM_ARGS,
      });
      try {
        const target = { channelId: seed.bigChannelId, channelName: seed.bigChannelName };
        for (let i = 0; i < REPETITIONS; i++) {
          runs.push(await measureTimelineOnce(browser, host.url, probeScript, target));
        }
      } finally {
        await browser.close();
      }
    } finally {
      await host.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  printReport(seed, runs, renderer);
  const summary = {
    bench: 'timeline',
    updates: UPDATES,
    timeline_ready_ms: median(runs, 'timeline_ready_ms'),
    dom_rows: median(runs, 'dom_rows'),
    frame_p50_ms: median(runs, 'frame_p50_ms'),
    frame_p95_ms: median(runs, 'frame_p95_ms'),
    frame_p99_ms: median(runs, 'frame_p99_ms'),
    frame_max_ms: median(runs, 'frame_max_ms'),
    long_frames: median(runs, 'long_frames'),
    heap_mb: median(runs, 'heap_mb'),
    cpu_per_step_ms: median(runs, 'cpu_per_step_ms'),
  };
  console.log(JSON.stringify(summary));
}
