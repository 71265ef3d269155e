// Helpers shared by the store's tests: a fresh temp folder per test, short mutation builders, and
// journal fixtures written straight to disk.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { encodeEntry, segmentName } from './journal';
import { writeMeta } from './snapshot-file';
import type { Effect, JournalEntry } from './store-types';

let mutationCounter = 0;

/** A new empty folder under the OS temp dir, and a function that removes it. */
export async function makeTempDir(
  prefix = 'store-test-',
): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A mutation that sets (or, with null, removes) one record per effect. */
export function mutation(...effects: [shard: string, id: string, record: unknown][]): {
  mutationId: string;
  name: string;
  args: unknown;
  effects: Effect[];
} {
  const mutationId = `m-${++mutationCounter}`;
  return {
    mutationId,
    name: 'test',
    args: { n: mutationCounter },
    effects: effects.map(([shard, id, record]) => ({ shard, id, record })),
  };
}

/** The journal segment files in a store folder, oldest first. */
export async function segmentFiles(dir: string): Promise<string[]> {
  return (await readdir(path.join(dir, 'journal'))).filter((n) => n.endsWith('.log')).sort();
}

/** The entry a fixture journal holds at `seq` (small, with one effect). */
export function fixtureEntry(seq: number): JournalEntry {
  return {
    seq,
    mutationId: `fixture-${seq}`,
    name: 'editUpdate',
    args: { n: seq },
    at: '2025-03-30T01:00:00.000Z',
    effects: [{ shard: 'updates.c1', id: `u${seq % 500}`, record: { v: seq } }],
  };
}

/**
 * Writes a store folder as a long offline stretch leaves it: `entries` journaled in segments of
 * `perSegment` (as checkpoints rotate them), all checkpointed, none acknowledged. Much faster than
 * committing them one fsync at a time.
 */
export async function writeOfflineJournal(
  dir: string,
  entries: number,
  perSegment: number,
): Promise<void> {
  await mkdir(path.join(dir, 'journal'), { recursive: true });
  await mkdir(path.join(dir, 'snapshots'), { recursive: true });
  for (let first = 1; first <= entries; first += perSegment) {
    const lines: Buffer[] = [];
    for (let seq = first; seq < Math.min(entries + 1, first + perSegment); seq++)
      lines.push(encodeEntry(fixtureEntry(seq)).line);
    await writeFile(path.join(dir, 'journal', segmentName(first)), Buffer.concat(lines));
  }
  await writeMeta(path.join(dir, 'meta.json'), {
    checkpointSeq: entries,
    ackedSeq: 0,
    shards: [],
  });
}
