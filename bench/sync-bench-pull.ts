// The initial pull of the `sync` benchmark: a hub seeded with 100,000 updates (through the import
// route, untimed), then a fresh desk that connects and pulls all of them.
import type { ChannelDoc, UpdateDoc } from '../src/shared/sync/protocol';
import { MAX_PUSH_MUTATIONS } from '../src/shared/sync/protocol';
import { seededRandom } from '../tests/support/seeded-random';
import { updateDoc } from '../src/core/sync/sync-docs';
import { round } from './bench-stats';
import {
  OWNER_EMAIL,
  PASSWORD,
  importRecords,
  monotonicUs,
  noteWindow,
  openBenchDesk,
  setUpHub,
  statusWhere,
} from './sync-bench-desk';
import { makeChannels, makeUpdate, newsText } from './update-fixtures';

type Result = Record<string, number | string>;

export const PULL_CHANNELS = 20;
const DATA_SEED = 20250101;
const PULL_TIMEOUT_MS = 300_000;

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

/** Update `n` of the data set as the hub stores it (update-fixtures.ts, without desk-only fields). */
function fixtureDoc(random: () => number, n: number): UpdateDoc {
  const u = makeUpdate(random, n, PULL_CHANNELS);
  // A customised copy keeps the story's shared text besides its own.
  const shared = u.customized ? { text: newsText(random), attachments: [], poll: null } : null;
  return updateDoc({ ...u, shared });
}

/** Sets the hub up and imports PULL_CHANNELS channels and `updates` updates, 500 a request. */
export async function seedHub(url: string, setupToken: string, updates: number): Promise<Result> {
  const started = performance.now();
  const token = await setUpHub(url, setupToken);
  const channels: ChannelDoc[] = makeChannels(PULL_CHANNELS);
  await importRecords(
    url,
    token,
    channels.map((doc) => ({ kind: 'channel', doc })),
  );
  const random = seededRandom(DATA_SEED);
  let bytes = 0;
  let created = 0;
  for (let first = 0; first < updates; first += MAX_PUSH_MUTATIONS) {
    const batch: { kind: 'update'; doc: UpdateDoc }[] = [];
    for (let n = first; n < Math.min(updates, first + MAX_PUSH_MUTATIONS); n++) {
      batch.push({ kind: 'update', doc: fixtureDoc(random, n) });
    }
    bytes += batch.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r.doc)), 0);
    created += await importRecords(url, token, batch);
  }
  if (created !== updates) throw new Error(`seeded ${created} of ${updates} updates`);
  return {
    seeded_updates: created,
    seed_s: round((performance.now() - started) / 1000, 1),
    avg_doc_bytes: Math.round(bytes / updates),
  };
}

/**
 * A fresh desk signs in to the seeded hub: the figure runs from the connectHub call until its
 * first sync is idle, with every update in its store. RSS is this process's (the desk alone).
 */
export async function measurePull(root: string, url: string, updates: number): Promise<Result> {
  const desk = await openBenchDesk(root);
  try {
    const rssBeforeMb = mb(process.memoryUsage().rss);
    const startedUs = monotonicUs();
    const started = performance.now();
    await desk.call('connectHub', { url, email: OWNER_EMAIL, password: PASSWORD });
    const signedInMs = performance.now() - started;
    const status = await statusWhere(
      desk,
      (s) => s.state !== 'syncing' && s.state !== 'starting',
      PULL_TIMEOUT_MS,
    );
    const pullMs = performance.now() - started;
    noteWindow('pull', startedUs, monotonicUs());
    if (status.state !== 'idle') throw new Error(`the first sync failed: ${status.error}`);
    const desk_status = await desk.call('getStatus', {});
    if (desk_status.updateCount !== updates) {
      throw new Error(`the desk holds ${desk_status.updateCount} updates, not ${updates}`);
    }
    const rssMb = mb(process.memoryUsage().rss);
    const heapUsedMb = mb(process.memoryUsage().heapUsed);
    // What the desk holds, without the garbage the pull left (desk processes run with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    return {
      updates: desk_status.updateCount,
      channels: desk_status.channelCount,
      sign_in_ms: Math.round(signedInMs),
      pull_s: round(pullMs / 1000, 2),
      updates_per_s: Math.round(updates / (pullMs / 1000)),
      rss_before_mb: rssBeforeMb,
      rss_after_mb: rssMb,
      peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 1),
      heap_used_mb: heapUsedMb,
      heap_live_mb: mb(process.memoryUsage().heapUsed),
    };
  } finally {
    await desk.dispose();
  }
}
