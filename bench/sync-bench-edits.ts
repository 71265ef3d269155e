// The editing phases of the `sync` benchmark: a desk's offline work pushed when it comes back
// (10,000 queued mutations), and one desk's edits reaching a second online desk (edit-to-visible).
import type { Story } from '../src/shared/domain';
import { seededRandom } from '../tests/support/seeded-random';
import { percentile, round } from './bench-stats';
import type { BenchDesk } from './sync-bench-desk';
import {
  EDITOR_EMAIL,
  OWNER_EMAIL,
  addEditor,
  connectDesk,
  hubRecords,
  monotonicUs,
  noteWindow,
  openBenchDesk,
  setUpHub,
  statusWhere,
} from './sync-bench-desk';
import { newsText } from './update-fixtures';

type Result = Record<string, number | string>;

const CHANNEL = { platform: 'telegram', timeZone: 'Europe/Rome', language: 'it' } as const;
const DATA_SEED = 20261121;
/** Stories the offline desk writes before it edits them ("a few hundred"). */
const OFFLINE_STORIES = 300;
/** Of the edits, this share edits one copy; the rest edit the story's shared text. */
const EDIT_COPY_SHARE = 0.3;
const PUSH_TIMEOUT_MS = 180_000;
/** Edits before the measured ones (cold code, first sockets); their worst is reported apart. */
const WARMUP_EDITS = 10;
const VISIBLE_TIMEOUT_MS = 10_000;
/** Pause after each edit is visible, so the next one starts with both desks idle. */
const THINK_MS = 50;

const text = (random: () => number, headline: string) => `${headline}\n${newsText(random, 120)}`;
const seconds = (ms: number) => round(ms / 1000, 2);

/** The offline work: one channel, OFFLINE_STORIES stories, then edits up to `mutations` in all. */
async function workOffline(desk: BenchDesk, mutations: number, random: () => number) {
  const channel = await desk.call('createChannel', { name: 'Roma Mobilità', ...CHANNEL });
  const stories: Story[] = [];
  const storyCount = Math.min(OFFLINE_STORIES, mutations - 1);
  for (let i = 0; i < storyCount; i++) {
    stories.push(
      await desk.call('createStory', {
        channelIds: [channel.id],
        text: text(random, `Traffico ${i + 1}`),
      }),
    );
  }
  let copyEdits = 0;
  for (let n = 1 + storyCount; n < mutations; n++) {
    const story = stories[Math.floor(random() * stories.length)]!;
    const edited = text(random, `Traffico — edit ${n}`);
    if (random() < EDIT_COPY_SHARE) {
      await desk.call('editCopy', { updateId: story.copies[0]!.id, text: edited });
      copyEdits++;
    } else {
      await desk.call('editShared', { storyId: story.storyId, text: edited });
    }
  }
  return { stories, copyEdits, sharedEdits: mutations - 1 - storyCount - copyEdits };
}

/** The hub's record of each copy must carry the desk's last text: the push really landed. */
async function checkHubHasDeskState(
  desk: BenchDesk,
  stories: Story[],
  url: string,
  token: string,
): Promise<void> {
  const onHub = await hubRecords(url, token);
  for (const { storyId } of stories) {
    const copy = (await desk.call('getStory', { storyId })).copies[0]!;
    const doc = onHub.get(copy.id)?.doc as { text: string; customized: boolean } | null;
    if (!doc || doc.text !== copy.text || doc.customized !== copy.customized) {
      throw new Error(`the hub's copy ${copy.id} differs from the desk's after the push`);
    }
  }
}

/**
 * A desk signs in (empty), goes offline, makes `mutations` mutations, comes back online: the
 * figure is the time from going online until `syncNow` reports nothing pending (every batch of
 * 500 pushed, then the pull of the results).
 */
export async function measurePush(
  root: string,
  url: string,
  setupToken: string,
  mutations: number,
): Promise<Result> {
  const token = await setUpHub(url, setupToken);
  const desk = await openBenchDesk(root);
  try {
    await connectDesk(desk, url, OWNER_EMAIL);
    desk.online = false;
    const workStarted = performance.now();
    const work = await workOffline(desk, mutations, seededRandom(DATA_SEED));
    const workMs = performance.now() - workStarted;
    const queued = (await desk.status()).pending;
    if (queued !== mutations) throw new Error(`expected ${mutations} queued, found ${queued}`);

    let pushedMs = Number.NaN;
    const startedUs = monotonicUs();
    const started = performance.now();
    const stop = desk.engine.on('syncStatus', (s) => {
      if (s.pending === 0 && Number.isNaN(pushedMs)) pushedMs = performance.now() - started;
    });
    desk.online = true;
    let status = await desk.call('syncNow', {});
    while (status.pending > 0 && performance.now() - started < PUSH_TIMEOUT_MS) {
      // The first round may have been an offline retry already under way.
      status = await desk.call('syncNow', {});
    }
    const totalMs = performance.now() - started;
    noteWindow('push', startedUs, monotonicUs());
    stop();
    if (status.pending > 0 || status.state !== 'idle' || status.refusals.length > 0) {
      throw new Error(`the push did not complete: ${JSON.stringify({ ...status, refusals: [] })}`);
    }
    await checkHubHasDeskState(desk, work.stories, url, token);
    return {
      mutations,
      stories: work.stories.length,
      copy_edits: work.copyEdits,
      shared_edits: work.sharedEdits,
      offline_work_s: seconds(workMs),
      push_s: seconds(pushedMs),
      push_total_s: seconds(totalMs),
      mutations_per_s: Math.round(mutations / (totalMs / 1000)),
    };
  } finally {
    await desk.dispose();
  }
}

/** Resolves with the time B's engine emitted the `changed` after which its copy shows `expected`. */
function visibleOn(desk: BenchDesk, storyId: string, copyId: string, expected: string) {
  return new Promise<number>((resolve, reject) => {
    let done = false;
    const finish = (error: Error | null, at = 0) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stop();
      if (error) reject(error);
      else resolve(at);
    };
    const timer = setTimeout(
      () => finish(new Error(`the edit was not visible after ${VISIBLE_TIMEOUT_MS} ms`)),
      VISIBLE_TIMEOUT_MS,
    );
    const stop = desk.engine.on('changed', ({ storyIds }) => {
      if (!storyIds.includes(storyId)) return;
      const at = performance.now();
      desk.call('getStory', { storyId }).then((story) => {
        if (story.copies.find((c) => c.id === copyId)?.text === expected) finish(null, at);
      }, finish);
    });
  });
}

/** Waits until `desk` has the story (getStory answers not_found until then). */
async function untilFound(desk: BenchDesk, storyId: string): Promise<void> {
  const started = performance.now();
  for (;;) {
    try {
      await desk.call('getStory', { storyId });
      return;
    } catch (error) {
      if (performance.now() - started > VISIBLE_TIMEOUT_MS) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

const idle = (desk: BenchDesk) =>
  statusWhere(desk, (s) => s.state === 'idle' && s.pending === 0, VISIBLE_TIMEOUT_MS);

/**
 * Desks A (owner) and B (editor) online over HTTP with WebSocket pokes; A edits one copy's text
 * `edits` times, one edit at a time: from A's editCopy call to B showing the new text.
 */
export async function measureVisible(
  root: string,
  url: string,
  setupToken: string,
  edits: number,
): Promise<Result> {
  await addEditor(url, await setUpHub(url, setupToken));
  const a = await openBenchDesk(root);
  const b = await openBenchDesk(root);
  try {
    await connectDesk(a, url, OWNER_EMAIL);
    await connectDesk(b, url, EDITOR_EMAIL);
    const random = seededRandom(DATA_SEED + 1);
    const channel = await a.call('createChannel', { name: 'Roma Mobilità', ...CHANNEL });
    const story = await a.call('createStory', {
      channelIds: [channel.id],
      text: text(random, 'Metro A'),
    });
    const copyId = story.copies[0]!.id;
    await untilFound(b, story.storyId);
    const latencies: number[] = [];
    const startedUs = monotonicUs();
    for (let i = 0; i < WARMUP_EDITS + edits; i++) {
      const next = text(random, `Metro A — edit ${i + 1}`);
      const visible = visibleOn(b, story.storyId, copyId, next);
      const started = performance.now();
      await a.call('editCopy', { updateId: copyId, text: next });
      latencies.push((await visible) - started);
      await new Promise((r) => setTimeout(r, THINK_MS));
      await Promise.all([idle(a), idle(b)]);
    }
    noteWindow('visible', startedUs, monotonicUs());
    const measured = latencies.slice(WARMUP_EDITS);
    return {
      edits,
      warmup_edits: WARMUP_EDITS,
      warmup_max_ms: round(Math.max(...latencies.slice(0, WARMUP_EDITS)), 1),
      visible_p50_ms: round(percentile(measured, 50), 1),
      visible_p95_ms: round(percentile(measured, 95), 1),
      visible_p99_ms: round(percentile(measured, 99), 1),
      visible_max_ms: round(Math.max(...measured), 1),
      visible_min_ms: round(Math.min(...measured), 1),
    };
  } finally {
    await a.dispose();
    await b.dispose();
  }
}
