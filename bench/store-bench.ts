// The `store` benchmark: the journaled, sharded store against a single lowdb file, at 1k, 10k and
// 100k updates over 20 channels. Each phase runs in its own process (see store-bench-worker.ts).
import { workerResult } from './worker-result';
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { formatTable, round } from './bench-stats';

const DATA_DIR = fileURLToPath(new URL('./.data/', import.meta.url));
const WORKER_SOURCE = fileURLToPath(new URL('./store-bench-worker.ts', import.meta.url));
/** The worker runs bundled under plain node, as the engine ships (no TypeScript loader in its memory). */
const WORKER_BUNDLE = path.join(DATA_DIR, 'store-bench-worker.mjs');
const SIZES = (process.env.STORE_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
/** Durable edits per size: more than checkpointEvery (2000), so one background checkpoint runs meanwhile. */
const STORE_EDITS = 3000;
/** Naive lowdb edits per size: enough for a stable median without minutes of whole-file rewrites. */
const naiveEdits = (updates: number) => (updates <= 1000 ? 200 : updates <= 10_000 ? 60 : 30);

type Result = Record<string, number>;

function runWorker(args: string[]): Promise<Result> {
  // NODE_ENV=test would make lowdb's preset silently in-memory: never pass it on.
  const env = { ...process.env };
  if (env.NODE_ENV === 'test') delete env.NODE_ENV;
  const child = spawn(process.execPath, [WORKER_BUNDLE, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return workerResult(
    child,
    (code, out) => `bench worker ${args[0]} failed (exit ${code}): ${out}`,
  );
}

async function measureSize(updates: number): Promise<Result> {
  const storeDir = path.join(DATA_DIR, `store-${updates}`);
  const naiveFile = path.join(DATA_DIR, `naive-${updates}.json`);
  await rm(storeDir, { recursive: true, force: true });
  try {
    const built = await runWorker(['build', storeDir, String(updates)]);
    const store = await runWorker(['store', storeDir, String(updates), String(STORE_EDITS)]);
    const naive = await runWorker([
      'naive',
      naiveFile,
      String(updates),
      String(naiveEdits(updates)),
    ]);
    return {
      updates,
      ...built,
      ...store,
      ...naive,
      ratio: round(naive.naive_edit_p50_ms! / store.edit_p50_ms!, 0),
    };
  } finally {
    await rm(storeDir, { recursive: true, force: true });
    await rm(naiveFile, { force: true });
  }
}

function printTable(result: Result): void {
  const rows: [string, string | number, string][] = [
    ['record size (avg JSON)', `${result.avg_record_bytes} B`, 'one Update record'],
    ['snapshots on disk', `${result.snapshot_mb} MB`, '21 shard files'],
    [
      'disk: 450 B append + fdatasync',
      `${result.disk_p50_ms} / ${result.disk_p99_ms} ms`,
      'p50 / p99, raw, same folder, just before the edits',
    ],
    [
      'durable edit p50',
      `${result.edit_p50_ms} ms`,
      `${result.edits} commits, each fsync'd, after ${result.warmup_edits} warm-up commits`,
    ],
    [
      'durable edit p99',
      `${result.edit_p99_ms} ms`,
      `${result.edits_over_1ms} over 1 ms, max ${result.edit_max_ms} ms (warm-up max ${result.warmup_max_ms} ms); ` +
        `${result.checkpoints_during_edits} checkpoint(s) ran meanwhile`,
    ],
    [
      'naive lowdb edit p50',
      `${result.naive_edit_p50_ms} ms`,
      `${result.naive_edits} db.write() of a ${result.naive_file_mb} MB file`,
    ],
    ['ratio (naive / durable p50)', `${result.ratio}×`, ''],
    [
      'open (channel 1 + channels)',
      `${result.open_ms} ms`,
      'fresh openStore with preload, new process',
    ],
    [
      'peak RSS',
      `${result.rss_mb} MB`,
      `open + all shards + edits (after open: ${result.rss_after_open_mb} MB)`,
    ],
  ];
  console.log(`\nstore benchmark — ${result.updates} updates over 20 channels`);
  console.log(formatTable(['figure', 'value', 'notes'], rows));
}

/** Runs the store benchmark and prints a table per size, then one JSON line. */
export async function runStoreBenchmark(): Promise<void> {
  await mkdir(DATA_DIR, { recursive: true });
  await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: WORKER_BUNDLE,
    logLevel: 'warning',
  });
  const results: Result[] = [];
  try {
    for (const updates of SIZES) {
      const result = await measureSize(updates);
      printTable(result);
      results.push(result);
    }
  } finally {
    await rm(WORKER_BUNDLE, { force: true });
  }
  const top = results.find((r) => r.updates === 100_000) ?? results.at(-1)!;
  const summary = {
    bench: 'store',
    results,
    updates: top.updates,
    edit_p50_ms: top.edit_p50_ms,
    edit_p99_ms: top.edit_p99_ms,
    naive_edit_p50_ms: top.naive_edit_p50_ms,
    ratio: top.ratio,
    open_ms: top.open_ms,
    rss_mb: top.rss_mb,
  };
  console.log(JSON.stringify(summary));
}
