// Reading the outbox back from the journal segments on disk, a chunk at a time: memory holds one
// chunk plus the entries asked for, and each chunk is decoded between two asynchronous reads, so
// commits keep going while a week of offline work is read. Every line is checked (CRC, seq order);
// a line that fails is skipped and reported, never delivered.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { BadLine, SegmentInfo } from './journal';
import { decodeLine, listSegments } from './journal';
import { rangesText } from './journal-recovery';
import type { JournalEntry } from './store-types';

/** Bytes read per step; decoding one step's lines takes a few milliseconds at most. */
const READ_CHUNK_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

/** What to read. */
export interface OutboxReadOptions {
  journalDir: string;
  /** Entries with seq ≤ fromSeq are not delivered. */
  fromSeq: number;
  /** The last seq committed when the read began: later entries may still be in flight. */
  toSeq: number;
  limit: number;
  /** A segment held damaged lines or lacked seqs inside the range read. */
  onDamage(segment: SegmentInfo, damage: SegmentDamage): void;
}

/** Damage met inside the range read: lines skipped, and seq ranges no trusted line held. */
export interface SegmentDamage {
  bad: BadLine[];
  missing: [number, number][];
}

/** Entries with fromSeq < seq ≤ toSeq, in seq order, at most `limit`. */
export async function readOutbox(options: OutboxReadOptions): Promise<JournalEntry[]> {
  const { fromSeq, toSeq, limit } = options;
  const entries: JournalEntry[] = [];
  if (limit <= 0 || fromSeq >= toSeq) return entries;
  const segments = await listSegments(options.journalDir);
  // The first segment to read is the last one that can hold fromSeq + 1.
  const start = Math.max(
    0,
    segments.findLastIndex((s) => s.firstSeq <= fromSeq + 1),
  );
  let expected = fromSeq + 1;
  for (let i = start; i < segments.length && entries.length < limit; i++) {
    const segment = segments[i]!;
    if (segment.firstSeq > toSeq) break;
    const next = segments[i + 1];
    const range = {
      fromSeq,
      // Seqs from the next segment on belong to it: a line here claiming one is out of order.
      maxSeq: next ? next.firstSeq - 1 : Number.MAX_SAFE_INTEGER,
      toSeq: Math.min(toSeq, next ? next.firstSeq - 1 : toSeq),
      limit: limit - entries.length,
      expected: Math.max(expected, segment.firstSeq),
    };
    const damage = await readSegmentRange(segment, range, entries);
    // Only the first segment can start late: later ones start where the one before ends.
    if (segment.firstSeq > expected) damage.missing.unshift([expected, segment.firstSeq - 1]);
    if (damage.bad.length > 0 || damage.missing.length > 0) options.onDamage(segment, damage);
    expected = range.toSeq + 1;
  }
  return entries;
}

interface SegmentRange {
  fromSeq: number;
  maxSeq: number;
  toSeq: number;
  limit: number;
  /** The first seq this segment should deliver (for reporting gaps). */
  expected: number;
}

/** Reads one segment's lines in order, appending the entries of the range to `out`. */
async function readSegmentRange(
  segment: SegmentInfo,
  range: SegmentRange,
  out: JournalEntry[],
): Promise<SegmentDamage> {
  const damage: SegmentDamage = { bad: [], missing: [] };
  const lines = new LineScanner(segment.firstSeq - 1, range, out, damage);
  const handle = await open(segment.path, 'r');
  try {
    await lines.scan(handle);
  } finally {
    await handle.close();
  }
  // Ran out of data before the range's end (not stopped by the limit): those seqs are missing.
  if (!lines.done && lines.previous < range.toSeq) {
    if (lines.tail) damage.bad.push(lines.tail);
    damage.missing.push([Math.max(lines.previous, range.expected - 1) + 1, range.toSeq]);
  }
  return damage;
}

/**
 * Splits a segment into lines across chunks and delivers the trusted ones in the range. A damaged
 * line is reported even when it may lie below fromSeq: its own seq cannot be trusted.
 */
class LineScanner {
  /** True once the range's end or the limit is reached. */
  done = false;
  /** An unfinished line at the end of the file (a commit in flight, or damage). */
  tail: BadLine | null = null;
  private delivered = 0;

  constructor(
    /** The seq of the last trusted line so far. */
    public previous: number,
    private readonly range: SegmentRange,
    private readonly out: JournalEntry[],
    private readonly damage: SegmentDamage,
  ) {}

  async scan(handle: FileHandle): Promise<void> {
    const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    let carry: Buffer = Buffer.alloc(0);
    /** File offset of carry[0]. */
    let base = 0;
    let zerosFrom: number | null = null;
    while (!this.done) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, base + carry.length);
      if (bytesRead === 0) break;
      const data =
        carry.length > 0
          ? Buffer.concat([carry, chunk.subarray(0, bytesRead)])
          : chunk.subarray(0, bytesRead);
      let offset = 0;
      while (offset < data.length && !this.done) {
        if (data[offset] === 0) {
          // Zero bytes are space allocated ahead; data after them means a damaged stretch.
          zerosFrom ??= base + offset;
          offset = nextNonZero(data, offset);
          continue;
        }
        if (zerosFrom !== null) {
          const end = base + offset;
          this.damage.bad.push({ offset: zerosFrom, end, reason: 'zero bytes inside the data' });
          zerosFrom = null;
        }
        const newline = data.indexOf(NEWLINE, offset);
        if (newline === -1) break;
        this.line(data, offset, newline, base);
        offset = newline + 1;
      }
      // The chunk buffer is reused: keep a copy of the unfinished line.
      carry = Buffer.from(data.subarray(offset));
      base += offset;
    }
    if (!this.done && carry.length > 0 && zerosFrom === null) {
      this.tail = {
        offset: base,
        end: base + carry.length,
        reason: 'incomplete line (no newline)',
      };
    }
  }

  private line(data: Buffer, start: number, newline: number, base: number): void {
    const decoded = decodeLine(data, start, newline);
    const where = { offset: base + start, end: base + newline + 1 };
    if (typeof decoded === 'string') {
      this.damage.bad.push({ ...where, reason: decoded });
      return;
    }
    const { seq } = decoded;
    if (seq <= this.previous || seq > this.range.maxSeq) {
      this.damage.bad.push({ ...where, reason: `seq ${seq} out of order` });
      return;
    }
    // Committed after the read began: possibly still being written, so not looked at.
    if (seq > this.range.toSeq) {
      this.done = true;
      return;
    }
    if (seq > this.range.fromSeq) {
      const gapFrom = Math.max(this.previous + 1, this.range.expected);
      if (seq > gapFrom) this.damage.missing.push([gapFrom, seq - 1]);
      this.out.push(decoded);
      this.delivered++;
    }
    this.previous = seq;
    if (seq >= this.range.toSeq || this.delivered >= this.range.limit) this.done = true;
  }
}

function nextNonZero(data: Buffer, from: number): number {
  let i = from;
  while (i < data.length && data[i] === 0) i++;
  return i;
}

/** The problem text for damage met while reading the outbox. */
export function describeOutboxDamage(damage: SegmentDamage, checkpointSeq: number): string {
  const parts = ['While reading the outbox:'];
  if (damage.bad.length > 0) {
    const where = damage.bad.map((line) => `byte ${line.offset} (${line.reason})`).join(', ');
    parts.push(`${damage.bad.length} damaged journal line(s) at ${where} were skipped.`);
  }
  if (damage.missing.length === 0) {
    parts.push('No mutation waiting for the hub is missing.');
  } else {
    parts.push(
      `Mutations seq ${rangesText(damage.missing)} are missing from the outbox, so the hub will not ` +
        `receive them. The snapshots hold the changes of those at or below seq ${checkpointSeq}; ` +
        'the rest are lost.',
    );
  }
  return parts.join(' ');
}
