// The journal: append-only segment files `journal/<first seq>.log`, one line per mutation,
// `<crc32 of the JSON, 8 hex> <JSON>\n`. A line counts only when it is complete and its CRC matches.
// A segment may end in zero bytes: space allocated ahead (see segment-writer.ts), not data.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { crc32Hex } from './crc32';
import type { Effect, JournalEntry } from './store-types';

const SEQ_DIGITS = 12;
const SEGMENT_PATTERN = /^(\d{12,})\.log$/;
const CRC_CHARS = 8;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const ZERO_BLOCK = Buffer.alloc(64 * 1024);

/** A journal segment on disk; `firstSeq` comes from its name. */
export interface SegmentInfo {
  firstSeq: number;
  name: string;
  path: string;
}

/** The file name of the segment whose first entry is `firstSeq`. */
export function segmentName(firstSeq: number): string {
  return `${String(firstSeq).padStart(SEQ_DIGITS, '0')}.log`;
}

/** Segments in `journalDir`, oldest first; other files are ignored. */
export async function listSegments(journalDir: string): Promise<SegmentInfo[]> {
  const names = await readdir(journalDir);
  const segments: SegmentInfo[] = [];
  for (const name of names) {
    const match = SEGMENT_PATTERN.exec(name);
    if (match)
      segments.push({ firstSeq: Number(match[1]), name, path: path.join(journalDir, name) });
  }
  return segments.sort((a, b) => a.firstSeq - b.firstSeq);
}

/**
 * Segments that may be deleted: every entry in them (up to the next segment's first seq) is at or
 * below `settledSeq`. Oldest first and contiguous, so a crash part-way leaves the journal a suffix.
 * The last segment (and the one being appended to) is never among them.
 */
export function settledSegments(
  segments: SegmentInfo[],
  settledSeq: number,
  activeName: string | null,
): SegmentInfo[] {
  const settled: SegmentInfo[] = [];
  for (let i = 0; i + 1 < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.name === activeName || segments[i + 1]!.firstSeq - 1 > settledSeq) break;
    settled.push(segment);
  }
  return settled;
}

/** The entry exactly as it is journaled (fixed field order, effects reduced to their three fields). */
export function normaliseEntry(entry: JournalEntry): JournalEntry {
  return {
    seq: entry.seq,
    mutationId: entry.mutationId,
    name: entry.name,
    args: entry.args,
    at: entry.at,
    effects: entry.effects.map((e: Effect) =>
      e.before === undefined
        ? { shard: e.shard, id: e.id, record: e.record }
        : { shard: e.shard, id: e.id, record: e.record, before: e.before },
    ),
  };
}

/** One journal line for `entry`, and the JSON it carries (parse it back to get what replay will see). */
export function encodeEntry(entry: JournalEntry): { line: Buffer; json: string } {
  const json = JSON.stringify(normaliseEntry(entry));
  // The JSON is encoded straight into the line (no separate buffer to copy from).
  const bodyStart = CRC_CHARS + 1;
  const line = Buffer.allocUnsafe(bodyStart + Buffer.byteLength(json, 'utf8') + 1);
  line.write(json, bodyStart, 'utf8');
  line.write(crc32Hex(line, bodyStart, line.length - 1), 0, 'latin1');
  line[CRC_CHARS] = SPACE;
  line[line.length - 1] = NEWLINE;
  return { line, json };
}

/** A line that decoded to an entry, with its byte range in the segment. */
export interface GoodLine {
  entry: JournalEntry;
  offset: number;
  end: number;
}

/** A line that did not: bad CRC, bad JSON, bad shape, or no newline (torn). */
export interface BadLine {
  offset: number;
  end: number;
  reason: string;
}

/** What a segment holds, line by line, and where its data ends (zero padding follows). */
export interface SegmentScan {
  good: GoodLine[];
  bad: BadLine[];
  dataEnd: number;
}

/** Splits a segment's bytes into good and bad lines. */
export function scanSegment(bytes: Buffer): SegmentScan {
  const good: GoodLine[] = [];
  const bad: BadLine[] = [];
  // A line never contains a zero byte (JSON escapes it), so trailing zeros are padding.
  const dataEnd = endOfData(bytes);
  let offset = 0;
  while (offset < dataEnd) {
    const newline = bytes.indexOf(NEWLINE, offset);
    if (newline === -1 || newline >= dataEnd) {
      bad.push({ offset, end: dataEnd, reason: 'incomplete line (no newline)' });
      break;
    }
    const end = newline + 1;
    const decoded = decodeLine(bytes, offset, newline);
    if (typeof decoded === 'string') bad.push({ offset, end, reason: decoded });
    else good.push({ entry: decoded, offset, end });
    offset = end;
  }
  return { good, bad, dataEnd };
}

/** The length of `bytes` without its trailing zero bytes. */
export function endOfData(bytes: Buffer): number {
  let end = bytes.length;
  // Whole blocks first (a memcmp each): the padding can be megabytes.
  while (
    end >= ZERO_BLOCK.length &&
    bytes.subarray(end - ZERO_BLOCK.length, end).equals(ZERO_BLOCK)
  ) {
    end -= ZERO_BLOCK.length;
  }
  while (end > 0 && bytes[end - 1] === 0) end--;
  return end;
}

/** The entry on bytes[start, stop) (the newline excluded), or the reason it cannot be trusted. */
export function decodeLine(bytes: Buffer, start: number, stop: number): JournalEntry | string {
  const bodyStart = start + CRC_CHARS + 1;
  if (stop < bodyStart || bytes[start + CRC_CHARS] !== SPACE) return 'not a journal line';
  if (bytes.toString('latin1', start, start + CRC_CHARS) !== crc32Hex(bytes, bodyStart, stop)) {
    return 'checksum mismatch';
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8', bodyStart, stop));
  } catch {
    return 'invalid JSON';
  }
  return isJournalEntry(value) ? value : 'not a journal entry';
}

function isJournalEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<JournalEntry>;
  return (
    Number.isSafeInteger(e.seq) &&
    (e.seq as number) > 0 &&
    typeof e.mutationId === 'string' &&
    typeof e.name === 'string' &&
    typeof e.at === 'string' &&
    Array.isArray(e.effects) &&
    e.effects.every(
      (f: Partial<Effect>) =>
        typeof f === 'object' &&
        f !== null &&
        typeof f.shard === 'string' &&
        typeof f.id === 'string' &&
        'record' in f,
    )
  );
}
