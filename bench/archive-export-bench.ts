// Export benchmark: a desk store seeded with 100,000 copies (a third of them published, with
// engagement, topics and some silent), then the engine's startExport to CSV and to JSON, timed
// from the command to the last progress event. Memory: the process's RSS sampled every 20 ms
// during each export, against the RSS just before it. Target: ≤ 5 s each, memory bounded (the
// file is written in chunks, never held whole).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeskEngine } from '../src/core/desk-engine';
import type { DeskEngine } from '../src/core/desk-engine';
import { CHANNELS_SHARD, updatesShard } from '../src/core/engine-context';
import { openStore } from '../src/core/store/durable-store';
import type { UpdateRecord } from '../src/core/update-records';
import type { DeskSettings } from '../src/shared/contract';
import { parseCommandArg } from '../src/shared/contract';
import type { ExportProgress, ExportStarted } from '../src/shared/transfer/transfer-protocol';
import { seededRandom } from '../tests/support/seeded-random';
import { formatTable, round } from './bench-stats';
import { makeChannels, makeUpdate } from './update-fixtures';

const ROWS = 100_000;
const CHANNELS = 10;
const SEED_BATCH = 2_000;
const SAMPLE_MS = 20;
const TARGET_MS = 5_000;
const MB = 1024 * 1024;

export interface ArchiveExportResult {
  rows: number;
  csvMs: number;
  jsonMs: number;
  /** The largest RSS growth seen during either export, over the RSS before it. */
  peakRssDeltaMB: number;
  /** Size of the CSV file. */
  bytes: number;
}

/** A copy with what an archive holds: delivery, engagement, topics. */
function archivedCopy(random: () => number, n: number): UpdateRecord {
  const update = makeUpdate(random, n, CHANNELS);
  const published = n % 3 === 0;
  const at = update.schedule.kind === 'at' ? update.schedule.at : update.createdAt;
  return {
    ...update,
    shared: null,
    tags: n % 4 === 0 ? [] : ['mobilità', `zona-${n % 7}`],
    silent: n % 5 === 0,
    ...(published
      ? {
          delivery: {
            state: 'published' as const,
            at,
            publishedAt: at,
            url: `https://t.me/bench/${n}`,
            reason: null,
            attempts: 1,
            editableUntil: null,
            deletableUntil: null,
            retainedUntil: null,
            corrections: n % 11 === 0 ? 1 : 0,
            task: null,
          },
          engagement: {
            views: Math.floor(random() * 50_000),
            forwards: Math.floor(random() * 500),
            reactions: { '👍': Math.floor(random() * 300), '🔥': Math.floor(random() * 80) },
            pollVotes: null,
            source: 'telegram' as const,
            at,
          },
        }
      : {}),
  };
}

/** Writes the channels and copies straight into a store, in big commits (seeding is not measured). */
async function seed(dataDir: string): Promise<void> {
  const store = await openStore({ dir: join(dataDir, 'store') });
  const channels = makeChannels(CHANNELS);
  await store.commit({
    mutationId: crypto.randomUUID(),
    name: '@seed',
    args: {},
    effects: channels.map((channel) => ({
      shard: CHANNELS_SHARD,
      id: channel.id,
      record: channel,
    })),
  });
  const random = seededRandom(6);
  for (let from = 0; from < ROWS; from += SEED_BATCH) {
    const effects = [];
    for (let n = from; n < Math.min(ROWS, from + SEED_BATCH); n++) {
      const copy = archivedCopy(random, n);
      effects.push({ shard: updatesShard(copy.channelId), id: copy.id, record: copy });
    }
    await store.commit({ mutationId: crypto.randomUUID(), name: '@seed', args: {}, effects });
  }
  await store.close();
}

/** One export through the engine, timed to its last event, with RSS sampled meanwhile. */
async function timeExport(
  engine: DeskEngine,
  format: 'csv' | 'json',
): Promise<{ ms: number; peakDeltaMB: number; bytes: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, SAMPLE_MS);
  const started = performance.now();
  const done = new Promise<ExportProgress>((resolve) => {
    const off = engine.on('exportProgress', (progress) => {
      if (progress.done) {
        off();
        resolve(progress);
      }
    });
  });
  const startExport = engine.handlers.startExport as (arg: unknown) => Promise<ExportStarted>;
  const job = await startExport(parseCommandArg('startExport', { format, what: 'all' }));
  const end = await done;
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (end.error) throw new Error(end.error);
  if (end.written !== ROWS) throw new Error(`exported ${end.written} of ${ROWS} rows`);
  return { ms, peakDeltaMB: (peak - before) / MB, bytes: (await stat(job.path)).size };
}

export async function runArchiveExportBench(): Promise<ArchiveExportResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'archive-export-bench-'));
  try {
    await seed(dataDir);
    let settings: DeskSettings = { locale: 'en' };
    const engine = await createDeskEngine({
      dataDir,
      settings: { get: () => settings, set: (patch) => (settings = { ...settings, ...patch }) },
      now: () => new Date('2026-01-01T00:00:00Z'),
      resumeSync: false,
    });
    try {
      // Every shard loaded first: the export is measured, not the store's opening.
      await (engine.handlers.getStatus as (arg: unknown) => Promise<unknown>)({});
      const csv = await timeExport(engine, 'csv');
      const json = await timeExport(engine, 'json');
      const result: ArchiveExportResult = {
        rows: ROWS,
        csvMs: round(csv.ms),
        jsonMs: round(json.ms),
        peakRssDeltaMB: round(Math.max(csv.peakDeltaMB, json.peakDeltaMB)),
        bytes: csv.bytes,
      };
      console.log(
        formatTable(
          ['export of 100,000 copies', 'ms', 'peak RSS Δ MB', 'file MB', 'target'],
          [
            [
              'CSV',
              result.csvMs,
              round(csv.peakDeltaMB),
              round(csv.bytes / MB),
              `≤ ${TARGET_MS} ms`,
            ],
            [
              'JSON',
              result.jsonMs,
              round(json.peakDeltaMB),
              round(json.bytes / MB),
              `≤ ${TARGET_MS} ms`,
            ],
          ],
        ),
      );
      return result;
    } finally {
      await engine.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
