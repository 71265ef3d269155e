// Recovery once acknowledged history is deleted: a damaged snapshot can then be rebuilt only from the
// segments left, so the store says which records must come again from the hub and raises a flag the
// sync engine acts on (a full pull), kept in meta.json until `resyncDone`.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { openStore } from './durable-store';
import { makeTempDir, mutation, segmentFiles } from './store-test-support';
import type { DurableStore } from './store-types';

let dir: string;
let cleanup: () => Promise<void>;
const open: DurableStore[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('store-resync-'));
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
  await cleanup();
});

async function openHere(preload: string[] = []): Promise<DurableStore> {
  const store = await openStore({ dir, preload, checkpointAfterMs: 60_000 });
  open.push(store);
  return store;
}

const metaJson = async () => JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8'));
const snapshot = (key: string) => path.join(dir, 'snapshots', `${key}.json`);

/**
 * Shard "s" gets a, b (seq 1–2), acknowledged and checkpointed, so segment 1 is deleted; then b is
 * changed and c added (seq 3–4), still in the journal. Closed cleanly.
 */
async function storeWithDeletedHistory(): Promise<void> {
  const store = await openHere();
  await store.commit(mutation(['s', 'a', 'a1'], ['t', 'x', 'kept']));
  await store.commit(mutation(['s', 'b', 'b1']));
  await store.checkpoint();
  await store.acknowledge(2);
  await store.commit(mutation(['s', 'b', 'b2']));
  await store.commit(mutation(['s', 'c', 'c1']));
  await store.close();
  open.splice(open.indexOf(store), 1);
  expect(await segmentFiles(dir)).toEqual(['000000000003.log', '000000000005.log']);
}

it('rebuilds a damaged snapshot from the segments left and asks for a full resync until resyncDone', async () => {
  await storeWithDeletedHistory();
  const garbage = Buffer.from('{"format":"channel-desk/shard","records":[[');
  await writeFile(snapshot('s'), garbage);

  const store = await openHere();
  expect(store.needsFullResync()).toBe(false);
  await store.ensureShard('s');
  // Record a was last changed in the deleted segment: it is gone here, and must come from the hub.
  expect(store.all('s')).toEqual(['b2', 'c1']);
  expect(store.needsFullResync()).toBe(true);
  expect(store.problems).toHaveLength(1);
  const [problem] = store.problems;
  expect(problem).toMatchObject({ kind: 'corrupt-snapshot', file: snapshot('s') });
  expect(problem!.detail).toMatch(/rebuilt from the journal: 2 record\(s\) from 2 mutation/);
  expect(problem!.detail).toMatch(/journal on disk starts at seq 3/);
  expect(problem!.detail).toMatch(/must be pulled again from the hub/);
  expect(await readFile(problem!.setAsideAt!)).toEqual(garbage);
  expect(await readdir(path.join(dir, 'quarantine'))).toHaveLength(1);
  // Written to meta.json right away, not only at the next checkpoint.
  await vi.waitFor(async () => expect((await metaJson()).needsFullResync).toBe(true));
  // Other shards are untouched.
  await store.ensureShard('t');
  expect(store.get('t', 'x')).toBe('kept');
  await store.close();

  const reopened = await openHere(['s']);
  expect(reopened.problems).toEqual([]);
  expect(reopened.needsFullResync()).toBe(true);
  expect(reopened.all('s')).toEqual(['b2', 'c1']);
  await reopened.resyncDone();
  expect(reopened.needsFullResync()).toBe(false);
  expect((await metaJson()).needsFullResync).toBe(false);
  await reopened.close();
  expect((await openHere()).needsFullResync()).toBe(false);
});

it('records the flag on open when the damaged shard is one the journal tail touches', async () => {
  await storeWithDeletedHistory();
  // Two more edits; meta.json then claims one checkpoint fewer, so shard "s" is in the journal tail
  // and is loaded (and rebuilt) while opening, before the journal is open for appending.
  const store = await openHere();
  await store.ensureShard('s');
  await store.commit(mutation(['s', 'd', 'd1']));
  await store.checkpoint();
  await store.commit(mutation(['s', 'e', 'e1']));
  await store.close();
  await rm(snapshot('s'));
  const meta = await metaJson();
  await writeFile(
    path.join(dir, 'meta.json'),
    JSON.stringify({ ...meta, checkpointSeq: meta.checkpointSeq - 1 }),
  );

  const reopened = await openHere();
  expect(reopened.problems.map((p) => p.kind)).toEqual(['corrupt-snapshot']);
  expect(reopened.problems[0]!.detail).toMatch(/is missing.*must be pulled again from the hub/);
  expect(reopened.needsFullResync()).toBe(true);
  // The repair checkpoint on open wrote the flag (and the rebuilt shard).
  expect((await metaJson()).needsFullResync).toBe(true);
  expect(reopened.all('s')).toEqual(['b2', 'c1', 'd1', 'e1']);
});

it('rebuilds whole, with no resync, while nothing acknowledged has been deleted', async () => {
  const store = await openHere();
  await store.commit(mutation(['s', 'a', 1]));
  await store.checkpoint();
  await store.commit(mutation(['s', 'b', 2]));
  await store.close();
  // Checkpointed but never acknowledged: every segment stays.
  expect(await segmentFiles(dir)).toEqual([
    '000000000001.log',
    '000000000002.log',
    '000000000003.log',
  ]);
  await writeFile(snapshot('s'), 'garbage');
  const reopened = await openHere();
  await reopened.ensureShard('s');
  expect(reopened.needsFullResync()).toBe(false);
  expect(reopened.all('s')).toEqual([1, 2]);
  expect(reopened.problems[0]!.detail).not.toMatch(/hub/);
});

it('asks for a full resync when meta.json is lost and the journal no longer starts at seq 1', async () => {
  await storeWithDeletedHistory();
  const garbage = Buffer.from('{"format":"channel-desk/store",');
  await writeFile(path.join(dir, 'meta.json'), garbage);

  const store = await openHere();
  expect(store.problems).toHaveLength(1);
  expect(store.problems[0]).toMatchObject({ kind: 'corrupt-snapshot' });
  expect(store.problems[0]!.detail).toMatch(/meta\.json is damaged.*pulled again from the hub/);
  expect(await readFile(store.problems[0]!.setAsideAt!)).toEqual(garbage);
  expect(store.needsFullResync()).toBe(true);
  // Deleted segments were acknowledged: the outbox is what the journal still holds.
  expect([store.ackedSeq(), store.lastSeq(), store.pendingCount()]).toEqual([2, 4, 2]);
  expect((await store.outbox({ limit: 10 })).map((e) => e.seq)).toEqual([3, 4]);
  await store.ensureAll();
  expect(store.all('s')).toEqual(['a1', 'b2', 'c1']);
  expect((await metaJson()).needsFullResync).toBe(true);
});
