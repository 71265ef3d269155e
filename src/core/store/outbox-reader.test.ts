import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { encodeEntry, segmentName } from './journal';
import type { SegmentDamage } from './outbox-reader';
import { readOutbox } from './outbox-reader';
import { fixtureEntry, makeTempDir } from './store-test-support';
import type { JournalEntry } from './store-types';

let journalDir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const temp = await makeTempDir('outbox-reader-');
  cleanup = temp.cleanup;
  journalDir = path.join(temp.dir, 'journal');
  await mkdir(journalDir);
});
afterEach(() => cleanup());

const line = (entry: JournalEntry) => encodeEntry(entry).line;
const lines = (first: number, last: number) =>
  Buffer.concat(Array.from({ length: last - first + 1 }, (_, i) => line(fixtureEntry(first + i))));

async function segment(firstSeq: number, bytes: Buffer): Promise<void> {
  await writeFile(path.join(journalDir, segmentName(firstSeq)), bytes);
}

async function read(fromSeq: number, toSeq: number, limit = 1000) {
  const damage: { name: string; damage: SegmentDamage }[] = [];
  const entries = await readOutbox({
    journalDir,
    fromSeq,
    toSeq,
    limit,
    onDamage: (s, d) => damage.push({ name: s.name, damage: d }),
  });
  return { seqs: entries.map((e) => e.seq), entries, damage };
}

it('reads past space allocated ahead that a crash left at the end of a segment', async () => {
  await segment(1, Buffer.concat([lines(1, 3), Buffer.alloc(300 * 1024)]));
  await segment(4, lines(4, 6));
  expect(await read(0, 6)).toMatchObject({ seqs: [1, 2, 3, 4, 5, 6], damage: [] });
  expect((await read(2, 5, 2)).seqs).toEqual([3, 4]);
});

it('delivers lines longer than a read chunk whole', async () => {
  const big = { ...fixtureEntry(2), args: { text: 'é'.repeat(400_000) } };
  await segment(1, Buffer.concat([line(fixtureEntry(1)), line(big), line(fixtureEntry(3))]));
  const { entries, damage } = await read(0, 3);
  expect(entries).toEqual([fixtureEntry(1), big, fixtureEntry(3)]);
  expect(damage).toEqual([]);
});

it('reports a zeroed stretch and an out-of-order line, and keeps the trusted lines after them', async () => {
  await segment(
    1,
    Buffer.concat([
      lines(1, 1),
      Buffer.alloc(line(fixtureEntry(2)).length),
      lines(3, 3),
      lines(3, 3),
      lines(4, 6),
    ]),
  );
  const { seqs, damage } = await read(0, 6);
  expect(seqs).toEqual([1, 3, 4, 5, 6]);
  expect(damage).toHaveLength(1);
  expect(damage[0]!.damage.bad.map((b) => b.reason)).toEqual([
    'zero bytes inside the data',
    'seq 3 out of order',
  ]);
  expect(damage[0]!.damage.missing).toEqual([[2, 2]]);
});

it('reports the seqs a segment cut short lacks, and a first segment that starts too late', async () => {
  const cut = lines(3, 5);
  await segment(3, cut.subarray(0, cut.length - 10));
  await segment(6, lines(6, 7));
  const { seqs, damage } = await read(1, 7);
  expect(seqs).toEqual([3, 4, 6, 7]);
  expect(damage).toHaveLength(1);
  expect(damage[0]!.name).toBe(segmentName(3));
  expect(damage[0]!.damage.bad.map((b) => b.reason)).toEqual(['incomplete line (no newline)']);
  expect(damage[0]!.damage.missing).toEqual([
    [2, 2],
    [5, 5],
  ]);
});

it('ignores a line being written beyond the last seq committed when the read began', async () => {
  const inFlight = line(fixtureEntry(4)).subarray(0, 30);
  await segment(1, Buffer.concat([lines(1, 3), inFlight, Buffer.alloc(1024)]));
  expect(await read(0, 3)).toMatchObject({ seqs: [1, 2, 3], damage: [] });
});
