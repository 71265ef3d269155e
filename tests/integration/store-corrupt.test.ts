// Damages a store's files the ways disks and crashes do, and checks that the store opens, says what
// it set aside and where, and still holds every committed record.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreProblem } from '../../src/shared/domain';
import { openStore, simulateCrash } from '../../src/core/store/durable-store';
import { makeTempDir } from '../../src/core/store/store-test-support';
import type { DurableStore, Effect } from '../../src/core/store/store-types';

const CHANNELS = ['c1', 'c2', 'c3', 'c4'];
const UPDATES_PER_CHANNEL = 12;

type Model = Map<string, Map<string, unknown>>;

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir('store-corrupt-'));
});
afterEach(() => cleanup());

/** A committed mutation and the seq it got, so a test can leave one out of the expected model. */
interface Committed {
  seq: number;
  effects: Effect[];
}

/**
 * Builds a store with data in several shards, checkpoints, commits more (tail only in the journal),
 * then stops as a crash would. Returns every committed mutation in order.
 */
async function buildStore(): Promise<Committed[]> {
  const store = await openStore({ dir, checkpointAfterMs: 60_000 });
  const committed: Committed[] = [];
  const commit = async (effects: Effect[]) => {
    const entry = await store.commit({
      mutationId: `m${committed.length + 1}`,
      name: 'edit',
      args: {},
      effects,
    });
    committed.push({ seq: entry.seq, effects });
  };
  for (const channel of CHANNELS) {
    await commit([
      { shard: 'channels', id: channel, record: { id: channel, name: `Channel ${channel}` } },
    ]);
    for (let i = 0; i < UPDATES_PER_CHANNEL; i++) {
      await commit([
        {
          shard: `updates.${channel}`,
          id: `u${i}`,
          record: { text: `${channel} update ${i}`, v: 1 },
        },
      ]);
    }
  }
  await store.checkpoint();
  // After the checkpoint: edits in c1 and c3 only (c2 and c4 live in their snapshots alone).
  for (let i = 0; i < 6; i++) {
    const channel = i % 2 === 0 ? 'c1' : 'c3';
    await commit([
      {
        shard: `updates.${channel}`,
        id: `u${i}`,
        record: { text: `${channel} update ${i}`, v: 2 },
      },
    ]);
  }
  await commit([
    { shard: 'updates.c1', id: 'u11', record: null },
    { shard: 'channels', id: 'c1', record: { id: 'c1', name: 'Breaking (renamed)' } },
  ]);
  simulateCrash(store);
  return committed;
}

function modelOf(committed: Committed[], skipSeq?: number): Model {
  const model: Model = new Map();
  for (const { seq, effects } of committed) {
    if (seq === skipSeq) continue;
    for (const { shard, id, record } of effects) {
      const records = model.get(shard) ?? new Map<string, unknown>();
      model.set(shard, records);
      if (record === null) records.delete(id);
      else records.set(id, record);
    }
  }
  return model;
}

async function expectContent(store: DurableStore, model: Model): Promise<void> {
  await store.ensureAll();
  expect(store.shardKeys().sort()).toEqual([...model.keys()].sort());
  for (const [shard, records] of model) {
    expect(store.all(shard), shard).toHaveLength(records.size);
    for (const [id, record] of records)
      expect(store.get(shard, id), `${shard}/${id}`).toEqual(record);
  }
}

/** Checks the one problem: kind, file, and that the damaged bytes sit in quarantine. */
async function expectSetAside(
  problems: readonly StoreProblem[],
  kind: StoreProblem['kind'],
  file: string,
  bytes: Buffer,
) {
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  expect(problem).toMatchObject({ kind, file });
  expect(path.dirname(problem!.setAsideAt!)).toBe(path.join(dir, 'quarantine'));
  expect(path.basename(problem!.setAsideAt!)).toMatch(
    new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-${path.basename(file)}$`),
  );
  // Buffer.equals: a deep toEqual over a megabyte of padding would take seconds.
  expect((await readFile(problem!.setAsideAt!)).equals(bytes)).toBe(true);
}

/** Opens, checks content, closes, and opens again: the second open must find nothing wrong. */
async function reopenClean(model: Model): Promise<void> {
  const again = await openStore({ dir });
  await expectContent(again, model);
  expect(again.problems).toEqual([]);
  await again.close();
}

describe('a damaged store opens, sets the damage aside, and keeps every committed record', () => {
  it('(a) a snapshot cut in half, for a shard the journal tail does not touch', async () => {
    const committed = await buildStore();
    const file = path.join(dir, 'snapshots', 'updates.c2.json');
    const whole = await readFile(file);
    const half = whole.subarray(0, whole.length >> 1);
    await writeFile(file, half);
    const store = await openStore({ dir });
    await expectContent(store, modelOf(committed));
    await expectSetAside(store.problems, 'corrupt-snapshot', file, half);
    expect(store.problems[0]!.detail).toMatch(/shard "updates.c2" is damaged \(not valid JSON: /);
    expect(store.problems[0]!.detail).toMatch(/rebuilt from the journal: 12 record\(s\)/);
    await store.close();
    await reopenClean(modelOf(committed));
  });

  it('(b) a snapshot replaced by garbage bytes, for a shard the tail touches', async () => {
    const committed = await buildStore();
    const file = path.join(dir, 'snapshots', 'updates.c3.json');
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    await writeFile(file, garbage);
    const store = await openStore({ dir });
    // Touched by the tail, so it is loaded (and repaired) before openStore resolves.
    expect(store.problems.map((p) => p.kind)).toEqual(['corrupt-snapshot']);
    await expectContent(store, modelOf(committed));
    await expectSetAside(store.problems, 'corrupt-snapshot', file, garbage);
    await store.close();
    await reopenClean(modelOf(committed));
  });

  it('(c) a garbage meta.json', async () => {
    const committed = await buildStore();
    const file = path.join(dir, 'meta.json');
    const garbage = Buffer.from(
      '{"format":"channel-desk/store","checkpointSeq":\u0000\u0000garbage',
    );
    await writeFile(file, garbage);
    const store = await openStore({ dir });
    await expectContent(store, modelOf(committed));
    await expectSetAside(store.problems, 'corrupt-snapshot', file, garbage);
    expect(store.problems[0]!.detail).toMatch(/meta\.json is damaged/);
    expect(JSON.parse(await readFile(file, 'utf8')).checkpointSeq).toBe(committed.at(-1)!.seq);
    await store.close();
    await reopenClean(modelOf(committed));
  });

  it('(d) a damaged line in the middle of the journal: that mutation is reported lost, later ones are verified and kept', async () => {
    // Policy: every line has its own CRC and every entry holds whole records, so entries after a bad
    // line are kept when their own CRC matches and their seq continues the order. The bad line's
    // mutation is named as missing; it is lost only because it lies above the last checkpoint.
    const committed = await buildStore();
    const segments = (await readdir(path.join(dir, 'journal'))).sort();
    const file = path.join(dir, 'journal', segments.at(-1)!);
    const original = await readFile(file);
    const lines = original.toString('utf8').split('\n');
    const victim = JSON.parse(lines[2]!.slice(9)) as { seq: number };
    lines[2] = lines[2]!.replace('"v":2', '"v":9');
    const damaged = Buffer.from(lines.join('\n'));
    await writeFile(file, damaged);

    const store = await openStore({ dir });
    await expectSetAside(store.problems, 'corrupt-journal', file, damaged);
    const { detail } = store.problems[0]!;
    expect(detail).toContain('1 damaged journal line(s) at byte');
    expect(detail).toContain('checksum mismatch');
    expect(detail).toContain(`Missing mutations: seq ${victim.seq}.`);
    expect(detail).toContain(
      `Seq ${victim.seq} lie above the last checkpoint (seq ${committed.length - 7}): their effects are lost.`,
    );
    // Everything but the damaged mutation: the record it changed is back to its previous value.
    const expected = modelOf(committed, victim.seq);
    await expectContent(store, expected);
    expect(store.get('channels', 'c1')).toEqual({ id: 'c1', name: 'Breaking (renamed)' });
    // The repaired segment has one line fewer (and no space allocated ahead); the seqs go on.
    const dataBytes = Buffer.byteLength(original.toString('utf8').replace(/\0+$/, ''));
    expect((await stat(file)).size).toBe(dataBytes - Buffer.byteLength(lines[2]!) - 1);
    const next = await store.commit({ mutationId: 'after', name: 'edit', args: {}, effects: [] });
    expect(next.seq).toBe(committed.at(-1)!.seq + 1);
    await store.close();
    await reopenClean(expected);
  });
});
