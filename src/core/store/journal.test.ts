import { expect, it } from 'vitest';
import { crc32, crc32Hex } from './crc32';
import { encodeEntry, endOfData, scanSegment, segmentName } from './journal';
import type { JournalEntry } from './store-types';

function entry(seq: number, text = 'héllo\nworld'): JournalEntry {
  return {
    seq,
    mutationId: `m${seq}`,
    name: 'editUpdate',
    args: { text },
    at: '2025-03-30T01:00:00.000Z',
    effects: [{ shard: 'updates.c1', id: 'u1', record: { text } }],
  };
}

it('computes the standard CRC-32 check value', () => {
  expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  expect(crc32Hex(Buffer.from(''))).toBe('00000000');
});

it('names segments by their first seq, zero-padded to sort', () => {
  expect(segmentName(1)).toBe('000000000001.log');
  expect(segmentName(123456789012)).toBe('123456789012.log');
});

it('encodes one line per entry and reads it back', () => {
  const bytes = Buffer.concat([encodeEntry(entry(1)).line, encodeEntry(entry(2)).line]);
  expect(bytes.toString('utf8').split('\n')).toHaveLength(3);
  const scan = scanSegment(bytes);
  expect(scan.bad).toEqual([]);
  expect(scan.good.map((line) => line.entry)).toEqual([entry(1), entry(2)]);
  expect(scan.good[1]!.end).toBe(bytes.length);
});

it('rejects a line whose bytes changed, and an incomplete last line', () => {
  const first = encodeEntry(entry(1)).line;
  const second = encodeEntry(entry(2)).line;
  const flipped = Buffer.from(first);
  flipped[20] = flipped[20]! ^ 0x01;
  const bytes = Buffer.concat([flipped, second, second.subarray(0, 30)]);
  const scan = scanSegment(bytes);
  expect(scan.good.map((line) => line.entry.seq)).toEqual([2]);
  expect(scan.bad).toEqual([
    { offset: 0, end: first.length, reason: 'checksum mismatch' },
    {
      offset: first.length + second.length,
      end: bytes.length,
      reason: 'incomplete line (no newline)',
    },
  ]);
});

it('rejects a line with a valid checksum that is not an entry', () => {
  const json = Buffer.from('{"seq":"one"}');
  const line = Buffer.concat([Buffer.from(`${crc32Hex(json)} `), json, Buffer.from('\n')]);
  expect(scanSegment(line).bad[0]!.reason).toBe('not a journal entry');
});

it('treats trailing zero bytes as space allocated ahead, and a line cut by them as incomplete', () => {
  const line = encodeEntry(entry(1)).line;
  const padded = Buffer.concat([line, Buffer.alloc(200_000)]);
  expect(endOfData(padded)).toBe(line.length);
  expect(scanSegment(padded)).toMatchObject({ bad: [], dataEnd: line.length });
  const torn = Buffer.concat([line, line.subarray(0, 17), Buffer.alloc(70_000)]);
  expect(scanSegment(torn).bad).toEqual([
    { offset: line.length, end: line.length + 17, reason: 'incomplete line (no newline)' },
  ]);
  expect(endOfData(Buffer.alloc(5))).toBe(0);
});
