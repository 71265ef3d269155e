import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, simulateCrash } from './durable-store';
import { makeTempDir, mutation } from './store-test-support';
import type { DurableStore } from './store-types';

let dir: string;
let cleanup: () => Promise<void>;
const open: DurableStore[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
  await cleanup();
});

async function openHere(
  options: { preload?: string[]; checkpointEvery?: number } = {},
): Promise<DurableStore> {
  const store = await openStore({ dir, checkpointAfterMs: 60_000, ...options });
  open.push(store);
  return store;
}

async function readMetaJson(): Promise<{ checkpointSeq: number; shards: string[] }> {
  return JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8'));
}

describe('commit, get, all', () => {
  it('assigns consecutive seqs and reads back what was committed', async () => {
    const store = await openHere();
    const first = await store.commit(mutation(['channels', 'c1', { name: 'Breaking' }]));
    const second = await store.commit(
      mutation(['updates.c1', 'u1', { text: 'hello' }], ['updates.c1', 'u2', { text: 'world' }]),
    );
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(second.effects).toHaveLength(2);
    expect(store.get('channels', 'c1')).toEqual({ name: 'Breaking' });
    expect(store.all('updates.c1')).toEqual([{ text: 'hello' }, { text: 'world' }]);
    expect(store.get('updates.c1', 'missing')).toBeUndefined();
    expect(store.all('never-written')).toEqual([]);
    expect(store.shardKeys().sort()).toEqual(['channels', 'updates.c1']);
    expect(store.pendingCount()).toBe(2);
  });

  it('keeps what the journal holds, not the caller’s object', async () => {
    const store = await openHere();
    const record = { text: 'draft', when: new Date('2025-01-01T00:00:00Z'), gone: undefined };
    await store.commit(mutation(['s', 'r', record]));
    record.text = 'changed after commit';
    expect(store.get('s', 'r')).toEqual({ text: 'draft', when: '2025-01-01T00:00:00.000Z' });
  });

  it('refuses effects without a record or on a shard that is not loaded', async () => {
    const store = await openHere();
    await expect(store.commit(mutation(['s', 'r', undefined]))).rejects.toThrow(
      /use null to remove/,
    );
    await store.commit(mutation(['s', 'r', 1], ['t', 'r', 2]));
    await store.close();
    const reopened = await openHere({ preload: ['s'] });
    await expect(reopened.commit(mutation(['t', 'r', 3]))).rejects.toThrow(/"t" is not loaded/);
    expect(reopened.pendingCount()).toBe(1);
  });
});

describe('reopening', () => {
  it('finds everything after close, from snapshots alone', async () => {
    const store = await openHere();
    for (let i = 0; i < 10; i++)
      await store.commit(mutation([`updates.c${i % 2}`, `u${i}`, { i }]));
    await store.close();
    expect((await readMetaJson()).checkpointSeq).toBe(10);
    // The closed store's segments are all at or below the checkpoint: removing them loses nothing.
    for (const name of await readdir(path.join(dir, 'journal'))) {
      if (name !== '000000000011.log') await rm(path.join(dir, 'journal', name));
    }
    const reopened = await openHere();
    await reopened.ensureAll();
    expect(reopened.all('updates.c0')).toEqual([0, 2, 4, 6, 8].map((i) => ({ i })));
    expect(reopened.all('updates.c1')).toHaveLength(5);
    expect(reopened.problems).toEqual([]);
    expect((await reopened.commit(mutation(['x', 'y', 1]))).seq).toBe(11);
  });

  it('replays the journal after a crash (no close, no checkpoint)', async () => {
    const store = await openHere();
    await store.commit(mutation(['a', '1', 'one'], ['b', '1', 'uno']));
    await store.commit(mutation(['a', '2', 'two']));
    simulateCrash(store);
    await expect(readFile(path.join(dir, 'meta.json'))).rejects.toThrow(/ENOENT/);
    const reopened = await openHere();
    expect(reopened.all('a')).toEqual(['one', 'two']);
    expect(reopened.get('b', '1')).toBe('uno');
    expect(reopened.problems).toEqual([]);
    expect((await reopened.commit(mutation(['a', '3', 'three']))).seq).toBe(3);
  });

  it('removes records, and the removal survives close and crash', async () => {
    const store = await openHere();
    await store.commit(mutation(['s', 'keep', 1], ['s', 'drop', 2]));
    await store.close();
    const second = await openHere({ preload: ['s'] });
    await second.commit(mutation(['s', 'drop', null]));
    expect(second.all('s')).toEqual([1]);
    simulateCrash(second);
    const third = await openHere({ preload: ['s'] });
    expect(third.get('s', 'drop')).toBeUndefined();
    await third.close();
    const fourth = await openHere({ preload: ['s'] });
    expect(fourth.all('s')).toEqual([1]);
  });
});

describe('checkpoints', () => {
  it('checkpoints in the background after checkpointEvery entries and rotates the journal', async () => {
    const store = await openHere({ checkpointEvery: 5 });
    for (let round = 1; round <= 2; round++) {
      for (let i = 0; i < 5; i++) await store.commit(mutation(['s', `r${round}-${i}`, i]));
      // No explicit checkpoint(): the store must start one on its own.
      await vi.waitFor(async () => expect((await readMetaJson()).checkpointSeq).toBe(round * 5), {
        timeout: 5_000,
        interval: 10,
      });
    }
    await store.commit(mutation(['t', 'x', 'after']));
    const segments = (await readdir(path.join(dir, 'journal')))
      .filter((n) => n.endsWith('.log'))
      .sort();
    expect(segments).toEqual(['000000000001.log', '000000000006.log', '000000000011.log']);
    // Retired segments hold their entries only; the active one was allocated ahead (zero padding).
    const sizes = await Promise.all(
      segments.map(async (n) => (await stat(path.join(dir, 'journal', n))).size),
    );
    const lines = await Promise.all(
      segments.map(async (n) =>
        (await readFile(path.join(dir, 'journal', n), 'utf8')).replace(/\0+$/, ''),
      ),
    );
    expect(sizes.slice(0, 2)).toEqual(lines.slice(0, 2).map((text) => Buffer.byteLength(text)));
    expect(lines.map((text) => text.split('\n').length - 1)).toEqual([5, 5, 1]);
    expect(sizes[2]).toBeGreaterThanOrEqual(256 * 1024);
    expect((await readMetaJson()).shards).toEqual(['s']);
    expect(store.pendingCount()).toBe(11);
  });

  it('puts the timed checkpoint off while deferred, and runs it after the release', async () => {
    const store = await openStore({ dir, checkpointAfterMs: 30 });
    open.push(store);
    await store.commit(mutation(['s', 'first', 1]));
    await vi.waitFor(async () => expect((await readMetaJson()).checkpointSeq).toBe(1));
    const release = store.deferCheckpoints();
    await store.commit(mutation(['s', 'during', 2]));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await readMetaJson()).checkpointSeq).toBe(1);
    // A second deferral outlives the first: still nothing.
    const releaseOther = store.deferCheckpoints();
    release();
    release(); // twice is once
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await readMetaJson()).checkpointSeq).toBe(1);
    releaseOther();
    await vi.waitFor(async () => expect((await readMetaJson()).checkpointSeq).toBe(2));
    // What was committed meanwhile was safe in the journal all along.
    simulateCrash(store);
    const reopened = await openHere({ preload: ['s'] });
    expect(reopened.get('s', 'during')).toBe(2);
  });

  it('still checkpoints by count while deferred', async () => {
    const store = await openHere({ checkpointEvery: 3 });
    store.deferCheckpoints();
    for (let i = 0; i < 3; i++) await store.commit(mutation(['s', `r${i}`, i]));
    await vi.waitFor(async () => expect((await readMetaJson()).checkpointSeq).toBe(3));
  });

  it('reads only the tail on open: older segments are not touched', async () => {
    const store = await openHere();
    for (let i = 0; i < 5; i++) await store.commit(mutation(['s', `r${i}`, i]));
    await store.checkpoint();
    await store.commit(mutation(['s', 'late', 'after checkpoint']));
    simulateCrash(store);
    // Garbage in a segment wholly below the checkpoint would be reported if it were read.
    await writeFile(path.join(dir, 'journal', '000000000001.log'), 'not a journal\n');
    const reopened = await openHere({ preload: ['s'] });
    expect(reopened.problems).toEqual([]);
    expect(reopened.get('s', 'late')).toBe('after checkpoint');
    expect(reopened.all('s')).toHaveLength(6);
  });

  it('replays entries the snapshots already hold without changing the result', async () => {
    const store = await openHere();
    await store.commit(mutation(['s', 'a', 1], ['s', 'b', 1]));
    await store.commit(mutation(['s', 'a', 2], ['s', 'b', null]));
    await store.checkpoint();
    await store.commit(mutation(['s', 'c', 3]));
    simulateCrash(store);
    // Pretend the checkpoint never finished: meta says nothing is checkpointed, so every entry is
    // replayed over a snapshot that already contains seqs 1 and 2.
    const metaFile = path.join(dir, 'meta.json');
    const meta = JSON.parse(await readFile(metaFile, 'utf8'));
    await writeFile(metaFile, JSON.stringify({ ...meta, checkpointSeq: 0 }));
    const reopened = await openHere({ preload: ['s'] });
    expect(Object.fromEntries(['a', 'b', 'c'].map((id) => [id, reopened.get('s', id)]))).toEqual({
      a: 2,
      b: undefined,
      c: 3,
    });
    expect(reopened.problems).toEqual([]);
    expect(reopened.pendingCount()).toBe(3);
  });
});

describe('lazy shards', () => {
  it('loads preload and journal-tail shards on open, the rest on demand', async () => {
    const store = await openHere();
    await store.commit(
      mutation(['channels', 'c1', 'ch'], ['updates.c1', 'u1', 'x'], ['updates.c2', 'u2', 'y']),
    );
    await store.close();
    const reopened = await openHere({ preload: ['channels'] });
    expect(reopened.get('channels', 'c1')).toBe('ch');
    expect(reopened.shardKeys().sort()).toEqual(['channels', 'updates.c1', 'updates.c2']);
    expect(() => reopened.get('updates.c1', 'u1')).toThrow(/not loaded/);
    await reopened.ensureShard('updates.c1');
    expect(reopened.get('updates.c1', 'u1')).toBe('x');
    expect(() => reopened.all('updates.c2')).toThrow(/not loaded/);
    await reopened.ensureAll();
    expect(reopened.all('updates.c2')).toEqual(['y']);
  });

  it('treats a shard never written as empty and creates it on first commit', async () => {
    const store = await openHere();
    await store.ensureShard('updates.new');
    expect(store.all('updates.new')).toEqual([]);
    await store.commit(mutation(['updates.new', 'u', 1]));
    expect(store.shardKeys()).toContain('updates.new');
  });

  it('loads a shard touched after the checkpoint even when it is not preloaded', async () => {
    const store = await openHere();
    await store.commit(mutation(['s', 'a', 1], ['t', 'a', 1]));
    await store.checkpoint();
    await store.commit(mutation(['t', 'b', 2]));
    simulateCrash(store);
    const reopened = await openHere();
    expect(reopened.all('t')).toEqual([1, 2]);
    expect(() => reopened.all('s')).toThrow(/not loaded/);
  });
});
