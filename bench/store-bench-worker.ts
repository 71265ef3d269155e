// One phase of the store benchmark, run in its own process so that its peak RSS is its own:
//   build <dir> <updates>            fill a store through commits (large checkpoint), then close
//   store <dir> <updates> <edits>    open with preload, then durable edits, then close
//   naive <file> <updates> <edits>   one lowdb JSONFilePreset file holding every update, db.write() per edit
// Prints `RESULT <json>` as its last line.
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { JSONFilePreset } from 'lowdb/node';
import { openStore } from '../src/core/store/durable-store';
import type { Update } from '../src/shared/domain';
import { percentile, round } from './bench-stats';
import { seededRandom } from '../tests/support/seeded-random';
import { channelId, makeChannels, makeUpdate, newsText } from './update-fixtures';

export const CHANNEL_COUNT = 20;
const BUILD_BATCH = 100;
const DATA_SEED = 20250101;
const DISK_BASELINE_WRITES = 1000;
/**
 * Edits made before measuring: the first commits after loading 100 MB of records run cold code and
 * pay for the garbage collection of the load. Their worst latency is reported as `warmup_max_ms`.
 */
const WARMUP_EDITS = 200;

const maxRssMb = () => round(process.resourceUsage().maxRSS / 1024, 1);

function report(result: Record<string, unknown>): void {
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

async function build(dir: string, updates: number): Promise<void> {
  const started = performance.now();
  const random = seededRandom(DATA_SEED);
  const store = await openStore({
    dir,
    checkpointEvery: Number.MAX_SAFE_INTEGER,
    checkpointAfterMs: 2 ** 31 - 1,
  });
  const channels = makeChannels(CHANNEL_COUNT);
  await store.commit({
    mutationId: 'bench-channels',
    name: 'createChannels',
    args: {},
    effects: channels.map((c) => ({ shard: 'channels', id: c.id, record: c })),
  });
  let bytes = 0;
  for (let first = 0; first < updates; first += BUILD_BATCH) {
    const batch: Update[] = [];
    for (let n = first; n < Math.min(updates, first + BUILD_BATCH); n++)
      batch.push(makeUpdate(random, n, CHANNEL_COUNT));
    bytes += batch.reduce((sum, u) => sum + Buffer.byteLength(JSON.stringify(u)), 0);
    await store.commit({
      mutationId: `bench-import-${first}`,
      name: 'importUpdates',
      args: { count: batch.length },
      effects: batch.map((u) => ({ shard: `updates.${u.channelId}`, id: u.id, record: u })),
    });
  }
  await store.close();
  const snapshots = await readdir(path.join(dir, 'snapshots'));
  let snapshotBytes = 0;
  for (const name of snapshots)
    snapshotBytes += (await stat(path.join(dir, 'snapshots', name))).size;
  report({
    build_ms: round(performance.now() - started, 0),
    avg_record_bytes: Math.round(bytes / updates),
    snapshot_mb: round(snapshotBytes / 2 ** 20, 1),
  });
}

async function measureStore(dir: string, updates: number, edits: number): Promise<void> {
  const firstChannel = `updates.${channelId(1)}`;
  const openStarted = performance.now();
  const store = await openStore({ dir, preload: [firstChannel, 'channels'] });
  const openMs = performance.now() - openStarted;
  const rssAfterOpenMb = round(process.memoryUsage().rss / 2 ** 20, 1);
  if (store.all(firstChannel).length !== updates / CHANNEL_COUNT)
    throw new Error('first channel not loaded');
  await store.ensureAll();
  const disk = diskBaseline(path.join(dir, 'disk-baseline.tmp'));
  const segmentsBefore = await countSegments(dir);
  const random = seededRandom(DATA_SEED + 1);
  const all: number[] = [];
  for (let i = 0; i < WARMUP_EDITS + edits; i++) {
    const n = Math.floor(random() * updates);
    const shard = `updates.${channelId((n % CHANNEL_COUNT) + 1)}`;
    const id = `update-${String(n).padStart(7, '0')}`;
    const old = store.get<Update>(shard, id)!;
    const record: Update = { ...old, text: newsText(random), updatedAt: new Date().toISOString() };
    const started = performance.now();
    await store.commit({
      mutationId: `bench-edit-${i}`,
      name: 'editCopy',
      args: { updateId: id },
      effects: [{ shard, id, record }],
    });
    all.push(performance.now() - started);
    // Let timers and background checkpoints run between edits, as IPC-driven commits would.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const checkpointsDuringEdits = (await countSegments(dir)) - segmentsBefore;
  const warmup = all.slice(0, WARMUP_EDITS);
  const latencies = all.slice(WARMUP_EDITS);
  await store.close();
  report({
    disk_p50_ms: round(percentile(disk, 50)),
    disk_p99_ms: round(percentile(disk, 99)),
    open_ms: round(openMs, 1),
    rss_after_open_mb: rssAfterOpenMb,
    edits,
    edit_p50_ms: round(percentile(latencies, 50)),
    edit_p99_ms: round(percentile(latencies, 99)),
    edit_max_ms: round(Math.max(...latencies)),
    edits_over_1ms: latencies.filter((ms) => ms > 1).length,
    warmup_edits: WARMUP_EDITS,
    warmup_max_ms: round(Math.max(...warmup)),
    checkpoints_during_edits: checkpointsDuringEdits,
    rss_mb: maxRssMb(),
  });
}

async function countSegments(dir: string): Promise<number> {
  return (await readdir(path.join(dir, 'journal'))).filter((name) => name.endsWith('.log')).length;
}

/** What the disk alone costs: a 450-byte append plus fdatasync, timed like a commit. */
function diskBaseline(file: string): number[] {
  const line = Buffer.alloc(450, 0x61);
  const fd = openSync(file, 'a');
  const latencies: number[] = [];
  try {
    for (let i = 0; i < DISK_BASELINE_WRITES; i++) {
      const started = performance.now();
      writeSync(fd, line);
      fdatasyncSync(fd);
      latencies.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
    rmSync(file);
  }
  return latencies;
}

async function measureNaive(file: string, updates: number, edits: number): Promise<void> {
  if (process.env.NODE_ENV === 'test')
    throw new Error('NODE_ENV=test turns JSONFilePreset into an in-memory store');
  const random = seededRandom(DATA_SEED);
  const db = await JSONFilePreset<{ updates: Update[] }>(file, { updates: [] });
  for (let n = 0; n < updates; n++) db.data.updates.push(makeUpdate(random, n, CHANNEL_COUNT));
  await db.write();
  const fileMb = round((await stat(file)).size / 2 ** 20, 1);
  const latencies: number[] = [];
  for (let i = 0; i < edits; i++) {
    const n = Math.floor(random() * updates);
    const old = db.data.updates[n]!;
    db.data.updates[n] = { ...old, text: newsText(random), updatedAt: new Date().toISOString() };
    const started = performance.now();
    await db.write();
    latencies.push(performance.now() - started);
  }
  report({
    naive_edits: edits,
    naive_edit_p50_ms: round(percentile(latencies, 50)),
    naive_file_mb: fileMb,
  });
}

const [role, target, updatesText, editsText] = process.argv.slice(2);
const updates = Number(updatesText);
const edits = Number(editsText);
const phases: Record<string, () => Promise<void>> = {
  build: () => build(target!, updates),
  store: () => measureStore(target!, updates, edits),
  naive: () => measureNaive(target!, updates, edits),
};
const phase = phases[role ?? ''];
if (!phase || !target || !Number.isFinite(updates)) {
  process.stderr.write('usage: store-bench-worker build|store|naive <path> <updates> [edits]\n');
  process.exit(2);
}
await phase();
