import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, simulateCrash } from './durable-store';
import {
  fixtureEntry,
  makeTempDir,
  mutation,
  segmentFiles,
  writeOfflineJournal,
} from './store-test-support';
import type { DurableStore, JournalEntry } from './store-types';

let dir: string;
let cleanup: () => Promise<void>;
const open: DurableStore[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('store-outbox-'));
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
  await cleanup();
});

async function openHere(): Promise<DurableStore> {
  // No background checkpoint: each test says when one happens.
  const store = await openStore({ dir, checkpointAfterMs: 60_000 });
  open.push(store);
  return store;
}

/** Commits `count` mutations, one record each in shard "s", and returns the journaled entries. */
async function commitMany(store: DurableStore, count: number): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  for (let i = 0; i < count; i++)
    entries.push(await store.commit(mutation(['s', `r${i % 3}`, { i }])));
  return entries;
}

const seqs = (entries: JournalEntry[]) => entries.map((e) => e.seq);
const range = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe('outbox', () => {
  it('holds every entry after a clean close and reopen, read from the journal', async () => {
    const store = await openHere();
    const committed = await commitMany(store, 4);
    await store.checkpoint();
    committed.push(...(await commitMany(store, 3)));
    await store.close();
    const reopened = await openHere();
    expect(await reopened.outbox({ limit: 100 })).toEqual(committed);
    expect(reopened.pendingCount()).toBe(7);
    expect(reopened.lastSeq()).toBe(7);
    expect(reopened.ackedSeq()).toBe(0);
  });

  it('holds every entry after a crash (no close, no checkpoint)', async () => {
    const store = await openHere();
    const committed = await commitMany(store, 3);
    await store.checkpoint();
    committed.push(...(await commitMany(store, 2)));
    simulateCrash(store);
    const reopened = await openHere();
    expect(await reopened.outbox({ limit: 100 })).toEqual(committed);
    // And the store goes on: a new commit joins the outbox after them.
    const next = await reopened.commit(mutation(['s', 'late', 1]));
    expect(await reopened.outbox({ limit: 100 })).toEqual([...committed, next]);
  });

  it('pages with limit and afterSeq across segments, and starts above ackedSeq', async () => {
    const store = await openHere();
    await commitMany(store, 3);
    await store.checkpoint();
    await commitMany(store, 4);
    await store.checkpoint();
    await commitMany(store, 3);
    expect(await segmentFiles(dir)).toEqual([
      '000000000001.log',
      '000000000004.log',
      '000000000008.log',
    ]);
    const pages: number[][] = [];
    for (let after = 0; ;) {
      const page = await store.outbox({ afterSeq: after, limit: 3 });
      if (page.length === 0) break;
      pages.push(seqs(page));
      after = page.at(-1)!.seq;
    }
    expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10]]);
    expect(seqs(await store.outbox({ afterSeq: 5, limit: 2 }))).toEqual([6, 7]);
    expect(await store.outbox({ afterSeq: 10, limit: 5 })).toEqual([]);
    expect(await store.outbox({ limit: 0 })).toEqual([]);
    await store.acknowledge(5);
    expect(seqs(await store.outbox({ limit: 2 }))).toEqual([6, 7]);
    expect(seqs(await store.outbox({ afterSeq: 2, limit: 2 }))).toEqual([6, 7]);
    expect(seqs(await store.outbox({ afterSeq: 8, limit: 10 }))).toEqual([9, 10]);
    await expect(store.outbox({ limit: -1 })).rejects.toThrow(/limit must be a whole number/);
    await expect(store.outbox({ afterSeq: 1.5, limit: 1 })).rejects.toThrow(/afterSeq/);
  });

  it('skips a damaged line, reports it once, and delivers the lines after it', async () => {
    const store = await openHere();
    await commitMany(store, 5);
    await store.checkpoint();
    await store.close();
    // Below the checkpoint, so opening does not read (or repair) this segment: only the outbox does.
    const file = path.join(dir, 'journal', '000000000001.log');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[2] = lines[2]!.replace('"i":2', '"i":9');
    await writeFile(file, lines.join('\n'));
    const reopened = await openHere();
    expect(reopened.problems).toEqual([]);
    expect(seqs(await reopened.outbox({ limit: 10 }))).toEqual([1, 2, 4, 5]);
    expect(reopened.problems).toHaveLength(1);
    expect(reopened.problems[0]).toMatchObject({ kind: 'corrupt-journal', file });
    expect(reopened.problems[0]!.detail).toMatch(/1 damaged journal line\(s\).*checksum mismatch/);
    expect(reopened.problems[0]!.detail).toMatch(/seq 3 are missing from the outbox/);
    await reopened.outbox({ limit: 10 });
    expect(reopened.problems).toHaveLength(1);
  });

  it('reads 100k small entries in well under a second, chunk by chunk', async () => {
    const COUNT = 100_000;
    await writeOfflineJournal(dir, COUNT, 2000);
    const store = await openHere();
    expect(store.pendingCount()).toBe(COUNT);
    const started = performance.now();
    const entries = await store.outbox({ limit: COUNT });
    const elapsedMs = performance.now() - started;
    console.log(`outbox: ${COUNT} entries read in ${elapsedMs.toFixed(0)} ms`);
    expect(entries).toHaveLength(COUNT);
    expect(entries.every((entry, i) => entry.seq === i + 1)).toBe(true);
    expect(entries[76_543]).toEqual(fixtureEntry(76_544));
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('lets commits go on while it reads; they are included whole or not at all', async () => {
    const COUNT = 60_000;
    await writeOfflineJournal(dir, COUNT, 20_000);
    const store = await openHere();
    let reading = true;
    const read = store.outbox({ limit: 1_000_000 }).finally(() => (reading = false));
    const during: JournalEntry[] = [];
    let slowestCommitMs = 0;
    while (reading) {
      const started = performance.now();
      during.push(await store.commit(mutation(['s', 'x', during.length])));
      slowestCommitMs = Math.max(slowestCommitMs, performance.now() - started);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const entries = await read;
    console.log(
      `outbox: ${during.length} commits during a ${COUNT}-entry read, slowest ${slowestCommitMs.toFixed(1)} ms`,
    );
    expect(during.length).toBeGreaterThan(1);
    // Every entry committed before the call, in order; after them only whole entries that were committed.
    expect(seqs(entries.slice(0, COUNT))).toEqual(range(1, COUNT));
    expect(entries.slice(COUNT)).toEqual(during.slice(0, entries.length - COUNT));
    expect(await store.outbox({ afterSeq: COUNT, limit: 1_000_000 })).toEqual(during);
  });
});

describe('acknowledge', () => {
  it('advances ackedSeq durably, through close and crash; pendingCount and outbox follow', async () => {
    const store = await openHere();
    const committed = await commitMany(store, 6);
    await store.acknowledge(2);
    expect([store.ackedSeq(), store.pendingCount()]).toEqual([2, 4]);
    expect(JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8')).ackedSeq).toBe(2);
    simulateCrash(store);
    const second = await openHere();
    expect([second.ackedSeq(), second.lastSeq(), second.pendingCount()]).toEqual([2, 6, 4]);
    expect(await second.outbox({ limit: 10 })).toEqual(committed.slice(2));
    await second.acknowledge(5);
    await second.close();
    const third = await openHere();
    expect([third.ackedSeq(), third.pendingCount()]).toEqual([5, 1]);
    expect(await third.outbox({ limit: 10 })).toEqual(committed.slice(5));
    await third.acknowledge(6);
    expect(third.pendingCount()).toBe(0);
    expect(await third.outbox({ limit: 10 })).toEqual([]);
  });

  it('refuses a seq never committed or below ackedSeq; the same seq again is a no-op', async () => {
    const store = await openHere();
    await commitMany(store, 3);
    await expect(store.acknowledge(4)).rejects.toThrow(/seq 4 was never committed.*is 3/);
    await store.acknowledge(2);
    await expect(store.acknowledge(1)).rejects.toThrow(/below the seq already acknowledged \(2\)/);
    await expect(store.acknowledge(2.5)).rejects.toThrow(/whole number/);
    await store.acknowledge(2);
    expect(store.ackedSeq()).toBe(2);
    // Queued one behind the other: the second is checked when its turn comes.
    const results = await Promise.allSettled([store.acknowledge(3), store.acknowledge(2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(store.ackedSeq()).toBe(3);
  });

  it('removes a segment only once it is both acknowledged and checkpointed', async () => {
    const store = await openHere();
    await commitMany(store, 5);
    // Acknowledged but not checkpointed (and still being written): kept.
    await store.acknowledge(5);
    expect(await segmentFiles(dir)).toEqual(['000000000001.log']);
    // The checkpoint starts segment 6; segment 1 is now both: removed.
    await store.checkpoint();
    expect(await segmentFiles(dir)).toEqual(['000000000006.log']);
    await commitMany(store, 3);
    await store.checkpoint();
    // Checkpointed but not acknowledged: kept.
    expect(await segmentFiles(dir)).toEqual(['000000000006.log', '000000000009.log']);
    // Partly acknowledged (seq 8 is not): kept.
    await store.acknowledge(7);
    expect(await segmentFiles(dir)).toEqual(['000000000006.log', '000000000009.log']);
    await store.acknowledge(8);
    expect(await segmentFiles(dir)).toEqual(['000000000009.log']);
    expect(store.pendingCount()).toBe(0);
    await store.close();
    const reopened = await openHere();
    expect([reopened.lastSeq(), reopened.ackedSeq()]).toEqual([8, 8]);
    expect((await reopened.commit(mutation(['t', 'n', 1]))).seq).toBe(9);
    expect(seqs(await reopened.outbox({ limit: 10 }))).toEqual([9]);
  });

  it('keeps a segment a failed checkpoint rotated away until a checkpoint holds it', async () => {
    const store = await openHere();
    await commitMany(store, 3);
    // A directory where the shard's snapshot goes: the checkpoint fails after rotating the journal.
    const blocker = path.join(dir, 'snapshots', 's.json');
    await mkdir(path.join(blocker, 'in-the-way'), { recursive: true });
    await expect(store.checkpoint()).rejects.toThrow();
    await store.acknowledge(3);
    expect(await segmentFiles(dir)).toEqual(['000000000001.log', '000000000004.log']);
    await rm(blocker, { recursive: true });
    await store.checkpoint();
    expect(await segmentFiles(dir)).toEqual(['000000000004.log']);
    const meta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8'));
    expect([meta.checkpointSeq, meta.ackedSeq]).toEqual([3, 3]);
  });

  it('never removes a segment under a read in progress, and removes it afterwards', async () => {
    await writeOfflineJournal(dir, 40_000, 10_000);
    const store = await openHere();
    const read = store.outbox({ limit: 40_000 });
    // Everything is checkpointed already; acknowledged while the read is on its way.
    await store.acknowledge(40_000);
    expect(seqs(await read)).toEqual(range(1, 40_000));
    // The last reader leaving let the removal run; the segment being written stays.
    await store.close();
    expect(await segmentFiles(dir)).toEqual(['000000030001.log']);
  });

  it('shares the meta.json queue with checkpoints: both seqs end up on disk', async () => {
    const store = await openHere();
    await commitMany(store, 4);
    await Promise.all([store.checkpoint(), store.acknowledge(3), store.checkpoint()]);
    const meta = JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8'));
    expect([meta.checkpointSeq, meta.ackedSeq]).toEqual([4, 3]);
  });
});
