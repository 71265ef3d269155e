// The `publish` benchmark: 10,000 publications due within one minute across 200 webhook channels,
// delivered by hub processes (one on PGlite; two sharing one PostgreSQL) to a signed-webhook
// receiver on loopback — lateness, duplicates, misses — and a Telegram burst to a Bot API peer
// that shows the per-channel pacing (≤ 20 posts a minute) holds without a single 429.
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UpdateDoc } from '../src/shared/sync/protocol';
import { updateDoc } from '../src/core/sync/sync-docs';
import { PEER_TOKEN, startTelegramPeer } from '../tests/support/telegram-peer';
import type { TelegramPeer } from '../tests/support/telegram-peer';
import { startWebhookReceiver } from '../tests/publish/webhook-receiver';
import type { WebhookReceiver } from '../tests/publish/webhook-receiver';
import { formatTable, percentile, round } from './bench-stats';
import type { HubProcess } from './sync-bench-procs';
import { bundle, createDatabase, startHubProcess, startPostgres } from './sync-bench-procs';
import type { HubClient } from '../tests/support/hub-http';
import { hubRequest, pushCreations } from '../tests/support/hub-http';

const DATA_DIR = fileURLToPath(new URL('./.data/publish/', import.meta.url));
const PUBLICATIONS = Number(process.env.PUBLISH_BENCH_PUBLICATIONS ?? 10_000);
const CHANNELS = Number(process.env.PUBLISH_BENCH_CHANNELS ?? 200);
const WINDOW_MS = 60_000;
/** Telegram burst: posts due at one instant on the busy channel, and on each of two others. */
const BURST_BUSY = 30;
const BURST_OTHERS = 5;
const TELEGRAM_PER_MINUTE = 20;
const SECRET = 'publish-bench-signing-secret';
const PASSWORD = 'correct horse battery';
/** The target for the webhook run. */
export const TARGETS = { p99_lateness_ms: 1000, duplicates: 0, misses: 0 };

type Result = Record<string, number | string>;

const call = hubRequest;

type Room = HubClient;

async function setUpRoom(hub: HubProcess): Promise<Room> {
  const { token } = await call<{ token: string }>(hub.url, 'POST', '/v1/setup', {
    token: hub.setupToken,
    workspaceName: 'Bench News',
    displayName: 'Olga Owner',
    email: 'owner@example.org',
    password: PASSWORD,
  });
  const clientId = `bench_${randomUUID().replaceAll('-', '')}`;
  await call(hub.url, 'POST', '/v1/sync/clients', { clientId, startSeq: 1 }, token);
  return { url: hub.url, token, clientId, seq: 0 };
}

async function addChannel(
  room: Room,
  platform: 'webhook' | 'telegram',
  name: string,
  config: Record<string, string>,
  secret: string,
): Promise<string> {
  const { id } = await call<{ id: string }>(
    room.url,
    'POST',
    '/v1/channels',
    { name, platform, timeZone: 'Europe/Rome', language: 'it' },
    room.token,
  );
  await call(room.url, 'PUT', `/v1/channels/${id}/connector`, { config, secret }, room.token);
  return id;
}

function scheduled(channelId: string, at: number, n: number): UpdateDoc {
  const now = new Date().toISOString();
  return updateDoc({
    id: randomUUID().replaceAll('-', '').slice(0, 22),
    storyId: randomUUID().replaceAll('-', '').slice(0, 22),
    channelId,
    customized: false,
    schedule: { kind: 'at', at: new Date(at).toISOString(), mode: 'exact' },
    status: 'scheduled',
    syncState: 'local',
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    text: `Bulletin ${n}: **traffic** update for the ring road.`,
    attachments: [],
    poll: null,
    shared: null,
  });
}

const push = pushCreations;

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** 10,000 webhook publications due within one minute on `hubs` (the first one is set up). */
async function webhookRun(hubs: HubProcess[], receiver: WebhookReceiver): Promise<Result> {
  const room = await setUpRoom(hubs[0]!);
  const channels: string[] = [];
  for (let c = 0; c < CHANNELS; c++) {
    channels.push(await addChannel(room, 'webhook', `Feed ${c}`, { url: receiver.url }, SECRET));
  }
  receiver.events.splice(0);
  receiver.duplicates.splice(0);
  const start = Date.now() + 20_000;
  const due = new Map<string, number>();
  const docs = Array.from({ length: PUBLICATIONS }, (_, n) => {
    const at = start + Math.floor((n * WINDOW_MS) / PUBLICATIONS);
    const doc = scheduled(channels[n % CHANNELS]!, at, n);
    due.set(doc.id, at);
    return doc;
  });
  const pushStarted = performance.now();
  await push(room, docs);
  const pushS = (performance.now() - pushStarted) / 1000;
  if (Date.now() > start) throw new Error('scheduling took longer than the lead time');
  await until(
    () => receiver.events.length >= PUBLICATIONS,
    WINDOW_MS + 60_000 + (start - Date.now()),
  );
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // anything sent twice arrives too
  const seen = new Set<string>();
  let repeats = 0;
  const lateness: number[] = [];
  let early = 0;
  for (const e of receiver.events) {
    const id = (e.event as { updateId?: string }).updateId ?? '';
    if (seen.has(id)) repeats++;
    seen.add(id);
    const at = due.get(id);
    if (at === undefined) continue;
    if (e.at < at) early++;
    lateness.push(Math.max(0, e.at - at));
  }
  lateness.sort((a, b) => a - b);
  return {
    hubs: hubs.length,
    publications: PUBLICATIONS,
    channels: CHANNELS,
    schedule_push_s: round(pushS, 2),
    delivered: seen.size,
    misses: PUBLICATIONS - [...due.keys()].filter((id) => seen.has(id)).length,
    duplicates: repeats + receiver.duplicates.length,
    early,
    lateness_p50_ms: round(percentile(lateness, 50), 0),
    lateness_p95_ms: round(percentile(lateness, 95), 0),
    lateness_p99_ms: round(percentile(lateness, 99), 0),
    lateness_max_ms: round(lateness.at(-1) ?? 0, 0),
  };
}

/** Posts due at one instant on three Telegram channels; pacing must keep each ≤ 20 a minute. */
async function telegramBurst(hub: HubProcess, peer: TelegramPeer): Promise<Result> {
  const room = await setUpRoom(hub);
  const names = ['@bench_busy', '@bench_two', '@bench_three'];
  const ids: string[] = [];
  for (const name of names) {
    ids.push(await addChannel(room, 'telegram', name, { chatId: name }, PEER_TOKEN));
  }
  const at = Date.now() + 5_000;
  const docs = ids.flatMap((id, c) =>
    Array.from({ length: c === 0 ? BURST_BUSY : BURST_OTHERS }, (_, n) => scheduled(id, at, n)),
  );
  await push(room, docs);
  const sends = () => peer.callsOf('sendMessage').filter((c) => c.status === 200);
  const done = await until(() => sends().length >= docs.length, 4 * 60_000);
  const calls = sends();
  const byChat = new Map<string, number[]>();
  for (const c of calls) {
    const chat = String(c.params.chat_id);
    const list = byChat.get(chat) ?? [];
    list.push(c.at.getTime());
    byChat.set(chat, list);
  }
  // The most posts any channel received in any 60-second window.
  let maxPerMinute = 0;
  for (const times of byChat.values()) {
    times.sort((a, b) => a - b);
    let first = 0;
    for (let i = 0; i < times.length; i++) {
      while (times[i]! - times[first]! >= 60_000) first++;
      maxPerMinute = Math.max(maxPerMinute, i - first + 1);
    }
  }
  const busy = byChat.get('@bench_busy') ?? [];
  const others = names.slice(1).flatMap((n) => byChat.get(n) ?? []);
  return {
    posts: docs.length,
    delivered: calls.length,
    all_delivered: done ? 'yes' : 'no',
    max_posts_per_channel_minute: maxPerMinute,
    telegram_429s: peer.calls.filter((c) => c.status === 429).length,
    busy_first_minute: busy.filter((t) => t < at + 60_000).length,
    busy_last_post_s: round(((busy.at(-1) ?? at) - at) / 1000, 1),
    others_last_post_s: round((Math.max(...others, at) - at) / 1000, 1),
  };
}

export async function runPublishBenchmark(): Promise<void> {
  await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(DATA_DIR, { recursive: true });
  const hubScript = path.join(DATA_DIR, 'hub.mjs');
  await bundle('./sync-bench-hub.ts', hubScript);
  const receiver = await startWebhookReceiver(SECRET);
  const peer = await startTelegramPeer({
    chats: ['busy', 'two', 'three'].map((n, i) => ({
      id: -1_001_000_000_100 - i,
      username: `bench_${n}`,
      title: `Bench ${n}`,
      type: 'channel' as const,
    })),
  });
  const env = { TELEGRAM_API_ROOT: peer.apiRoot };
  const results: Record<string, Result | string> = {};
  const load = os.loadavg()[0]!.toFixed(2);
  try {
    console.error('publish bench (pglite): 10,000 webhook publications, one hub…');
    let hub = await startHubProcess(hubScript, 'pglite', path.join(DATA_DIR, 'pglite'), env);
    try {
      results.pglite = await webhookRun([hub], receiver);
    } finally {
      await hub.stop();
    }

    const cluster = startPostgres(true);
    if ('reason' in cluster) {
      results.postgres = cluster.reason;
    } else {
      try {
        console.error('publish bench (postgres): 10,000 webhook publications, two hubs…');
        const url = await createDatabase(cluster.url, 'publish_bench');
        const first = await startHubProcess(hubScript, 'postgres', url, env);
        const second = await startHubProcess(hubScript, 'postgres', url, env);
        try {
          results.postgres = await webhookRun([first, second], receiver);
        } finally {
          await Promise.all([first.stop(), second.stop()]);
        }
      } finally {
        cluster.stop();
      }
    }

    console.error('publish bench (telegram): a burst on three channels, paced…');
    hub = await startHubProcess(hubScript, 'pglite', path.join(DATA_DIR, 'telegram'), env);
    try {
      results.telegram = await telegramBurst(hub, peer);
    } finally {
      await hub.stop();
    }
  } finally {
    await receiver.close();
    await peer.close();
  }

  const rows: [string, string, string, string][] = [];
  for (const kind of ['pglite', 'postgres'] as const) {
    const r = results[kind];
    if (typeof r !== 'object') {
      rows.push([`${kind}`, 'not run', '', String(r)]);
      continue;
    }
    rows.push([
      `${kind} lateness p50 / p95 / p99`,
      `${r.lateness_p50_ms} / ${r.lateness_p95_ms} / ${r.lateness_p99_ms} ms`,
      `≤ ${TARGETS.p99_lateness_ms} ms ${Number(r.lateness_p99_ms) <= TARGETS.p99_lateness_ms ? 'yes' : 'NO'}`,
      `max ${r.lateness_max_ms} ms; ${r.hubs} hub process(es), ${r.channels} channels`,
    ]);
    rows.push([
      `${kind} delivered / misses / duplicates`,
      `${r.delivered} / ${r.misses} / ${r.duplicates}`,
      r.misses === 0 && r.duplicates === 0 ? 'yes' : 'NO',
      `scheduled in ${r.schedule_push_s} s; ${r.early} early`,
    ]);
  }
  const t = results.telegram as Result;
  rows.push([
    'telegram most posts / channel / min',
    String(t.max_posts_per_channel_minute),
    `≤ ${TELEGRAM_PER_MINUTE} ${Number(t.max_posts_per_channel_minute) <= TELEGRAM_PER_MINUTE ? 'yes' : 'NO'}`,
    `${t.delivered}/${t.posts} delivered, ${t.telegram_429s} answers 429; busy channel: ${t.busy_first_minute} in its first minute, last at +${t.busy_last_post_s} s; others done at +${t.others_last_post_s} s`,
  ]);
  console.log(formatTable(['figure', 'value', 'target', 'notes'], rows));
  console.log(
    `\nmachine: ${os.cpus().length} cores, Node ${process.version}; load average ${load} before`,
  );
  console.log(JSON.stringify({ benchmark: 'publish', ...results, targets: TARGETS }));
}
