// Kills a real writer process (SIGKILL) at random moments, hundreds of times, and checks after each
// kill that every write it acknowledged is in the store, that ackedSeq (which the writer advances, as
// the sync engine will) never goes back, and that every entry above it is still in the outbox.
// Seeded: rerun a failure with CRASH_SEED=<seed>.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src/core/store/durable-store';
import type { JournalEntry } from '../../src/core/store/store-types';
import { seededRandom } from '../support/seeded-random';

const KILLS = Number(process.env.CRASH_KILLS ?? 200);
/** Share of kills aimed at start-up (opening and recovering the store) rather than at the commit loop. */
const STARTUP_KILL_SHARE = 0.2;
/** Start-up kills land within this long after spawn (the writer is ready after roughly 100–150 ms). */
const STARTUP_WINDOW_MS = 150;
/** Other kills land within this long after the writer said it is ready. */
const RUNNING_WINDOW_MS = 150;
const WRITER_ENTRY = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

interface Ack {
  seq: number;
  shard: string;
  id: string;
  value: number;
}

/** The writer's `acknowledge(acked)` resolved: the hub's acknowledgement is durable. */
interface HubAck {
  acked: number;
}

let workDir: string;
let writerBundle: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'store-crash-'));
  writerBundle = path.join(workDir, 'crash-writer.mjs');
  // Bundled once, so each spawn is a plain `node file.mjs` (no TypeScript loader start-up).
  await build({
    entryPoints: [WRITER_ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: writerBundle,
    logLevel: 'silent',
  });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/**
 * Runs the writer and kills it with SIGKILL `killAfterMs` after spawn, or after it is ready when
 * `afterReady`; returns the writes and the hub acknowledgements it printed, and whether it got ready.
 */
async function runWriterUntilKilled(
  dir: string,
  seed: number,
  killAfterMs: number,
  afterReady: boolean,
) {
  const child = spawn(process.execPath, [writerBundle, dir, String(seed)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let timer: NodeJS.Timeout | undefined;
  const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (afterReady && out.startsWith('ready\n')) arm();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  if (!afterReady) arm();
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (c, s) => resolve([c, s])),
  );
  clearTimeout(timer);
  if (signal !== 'SIGKILL') throw new Error(`writer exited by itself (code ${code}): ${err}`);
  // Only complete lines: each was written in one synchronous write to the pipe after commit resolved.
  const lines = out.split('\n').slice(0, -1);
  const ready = lines[0] === 'ready';
  const printed = lines.slice(ready ? 1 : 0).map((line) => JSON.parse(line) as Ack | HubAck);
  const acks = printed.filter((p): p is Ack => 'seq' in p);
  const hubAcked = Math.max(0, ...printed.map((p) => ('acked' in p ? p.acked : 0)));
  return { ready, acks, hubAcked };
}

/** Checks that `entry` holds the write `ack` (the record it set, with that value). */
function holdsWrite(entry: JournalEntry | undefined, ack: Ack): boolean {
  return (
    entry?.seq === ack.seq &&
    entry.effects.some(
      (e) =>
        e.shard === ack.shard &&
        e.id === ack.id &&
        (e.record as { value?: number } | null)?.value === ack.value,
    )
  );
}

it(`keeps every acknowledged write across ${KILLS} SIGKILLs of a writer`, async () => {
  const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
  console.log(`store-crash: seed=${seed} (rerun with CRASH_SEED=${seed})`);
  const random = seededRandom(seed);
  const dir = path.join(workDir, 'store');
  const highest = new Map<string, Ack>();
  let totalAcks = 0;
  let killedAfterReady = 0;
  let tornTails = 0;
  let lastSeq = 0;
  /** The highest seq the writer's acknowledge() confirmed, and the highest ackedSeq seen on opening. */
  let hubAcked = 0;
  let ackedSeen = 0;
  /** Writes above ackedSeq: they must still be in the outbox. */
  let unacked: Ack[] = [];
  const started = Date.now();

  for (let kill = 0; kill < KILLS; kill++) {
    const atStartup = random() < STARTUP_KILL_SHARE;
    const run = await runWriterUntilKilled(
      dir,
      Math.floor(random() * 2 ** 31),
      random() * (atStartup ? STARTUP_WINDOW_MS : RUNNING_WINDOW_MS),
      !atStartup,
    );
    const { ready, acks } = run;
    hubAcked = Math.max(hubAcked, run.hubAcked);
    unacked.push(...acks);
    if (ready) killedAfterReady++;
    totalAcks += acks.length;
    for (const ack of acks) {
      const key = `${ack.shard}/${ack.id}`;
      if ((highest.get(key)?.value ?? 0) < ack.value) highest.set(key, ack);
      lastSeq = Math.max(lastSeq, ack.seq);
    }

    const store = await openStore({ dir });
    try {
      await store.ensureAll();
      const context = `kill #${kill} (seed ${seed})`;
      const unexpected = store.problems.filter((p) => p.kind !== 'torn-journal-tail');
      expect(unexpected, context).toEqual([]);
      expect(store.problems.length, context).toBeLessThanOrEqual(1);
      tornTails += store.problems.length;
      for (const [key, ack] of highest) {
        const found = store.get<{ value: number }>(ack.shard, ack.id);
        expect(
          found?.value ?? 0,
          `${context}: ${key} acknowledged ${ack.value} at seq ${ack.seq}`,
        ).toBeGreaterThanOrEqual(ack.value);
      }
      expect(store.lastSeq(), context).toBeGreaterThanOrEqual(lastSeq);
      // An acknowledgement once confirmed is never lost, and ackedSeq never goes back.
      const acked = store.ackedSeq();
      expect(acked, `${context}: ackedSeq`).toBeGreaterThanOrEqual(Math.max(hubAcked, ackedSeen));
      ackedSeen = acked;
      // The outbox is every seq above ackedSeq, and each write still pending is in its entry.
      const outbox = await store.outbox({ limit: Number.MAX_SAFE_INTEGER });
      expect(outbox.length, `${context}: outbox size`).toBe(store.pendingCount());
      expect(
        outbox.every((entry, i) => entry.seq === acked + 1 + i),
        `${context}: outbox seqs`,
      ).toBe(true);
      unacked = unacked.filter((ack) => ack.seq > acked);
      for (const ack of unacked) {
        expect(holdsWrite(outbox[ack.seq - acked - 1], ack), `${context}: seq ${ack.seq}`).toBe(
          true,
        );
      }
    } finally {
      await store.close();
    }
  }

  const segments = (await readdir(path.join(dir, 'journal'))).filter((n) => n.endsWith('.log'));
  const quarantined = (await readdir(path.join(dir, 'quarantine'))).length;
  console.log(
    `store-crash: ${KILLS} kills (${killedAfterReady} after the writer was ready), ${totalAcks} acknowledged writes, ` +
      `${highest.size} records, acked up to ${ackedSeen} of ${lastSeq}, ${segments.length} journal segments left ` +
      `(from ${segments[0]}), ${tornTails} torn tails, ${quarantined} files in quarantine, ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  expect(killedAfterReady).toBeGreaterThan(KILLS / 2);
  expect(totalAcks).toBeGreaterThan(KILLS * 10);
  // Acknowledged and checkpointed history was deleted: the journal no longer starts at seq 1.
  expect(hubAcked).toBeGreaterThan(lastSeq / 2);
  expect(segments[0]).not.toBe('000000000001.log');
  expect(Number(segments[0]!.slice(0, -4)) - 1).toBeLessThanOrEqual(ackedSeen);
}, 180_000);
