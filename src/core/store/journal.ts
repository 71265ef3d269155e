// The journal: append-only segment files `journal/<first seq>.log`, one line per mutation,
// `<crc32 of the JSON, 8 hex> <JSON>\n`. A line counts only when it is complete and its CRC matches.
import { closeSync, fdatasyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { crc32Hex } from './crc32';
import { fsyncDirSync } from './fs-durable';
import type { Effect, JournalEntry } from './store-types';

const SEQ_DIGITS = 12;
const SEGMENT_PATTERN = /^(\d{12,})\.log$/;
const CRC_CHARS = 8;
const NEWLINE = 0x0a;
const SPACE = 0x20;

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

/** The entry exactly as it is journaled (fixed field order, effects reduced to their three fields). */
export function normaliseEntry(entry: JournalEntry): JournalEntry {
  return {
    seq: entry.seq,
    mutationId: entry.mutationId,
    name: entry.name,
    args: entry.args,
    at: entry.at,
    effects: entry.effects.map((e: Effect) => ({ shard: e.shard, id: e.id, record: e.record })),
  };
}

/** One journal line for `entry`, and the JSON it carries (parse it back to get what replay will see). */
export function encodeEntry(entry: JournalEntry): { line: Buffer; json: string } {
  const json = JSON.stringify(normaliseEntry(entry));
  const body = Buffer.from(json, 'utf8');
  const line = Buffer.allocUnsafe(CRC_CHARS + 1 + body.length + 1);
  line.write(crc32Hex(body), 0, 'latin1');
  line[CRC_CHARS] = SPACE;
  body.copy(line, CRC_CHARS + 1);
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

/** What a segment holds, line by line. */
export interface SegmentScan {
  good: GoodLine[];
  bad: BadLine[];
}

/** Splits a segment's bytes into good and bad lines. */
export function scanSegment(bytes: Buffer): SegmentScan {
  const good: GoodLine[] = [];
  const bad: BadLine[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(NEWLINE, offset);
    if (newline === -1) {
      bad.push({ offset, end: bytes.length, reason: 'incomplete line (no newline)' });
      break;
    }
    const end = newline + 1;
    const decoded = decodeLine(bytes, offset, newline);
    if (typeof decoded === 'string') bad.push({ offset, end, reason: decoded });
    else good.push({ entry: decoded, offset, end });
    offset = end;
  }
  return { good, bad };
}

/** The entry on bytes[start, stop), or the reason it cannot be trusted. */
function decodeLine(bytes: Buffer, start: number, stop: number): JournalEntry | string {
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

/** The journal file is in an unknown state (a flush failed): the store must be reopened. */
export class JournalFlushError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`Could not flush the journal ${file} to disk (${String(cause)}); reopen the store.`, {
      cause,
    });
    this.name = 'JournalFlushError';
  }
}

/**
 * The segment being appended to. Appends are synchronous on an open fd and end with fdatasync,
 * so when `append` returns the line is on disk.
 */
export class SegmentWriter {
  private fd: number;
  private bytes: number;
  private lastSeqInFile: number | null;

  private constructor(
    readonly info: SegmentInfo,
    fd: number,
    bytes: number,
    lastSeq: number | null,
  ) {
    this.fd = fd;
    this.bytes = bytes;
    this.lastSeqInFile = lastSeq;
  }

  /** Opens an existing segment (already verified, `bytes` long) to append to it. */
  static reopen(info: SegmentInfo, bytes: number, lastSeq: number | null): SegmentWriter {
    return new SegmentWriter(info, openSync(info.path, 'a'), bytes, lastSeq);
  }

  /** Creates a new, empty segment starting at `firstSeq` and makes its name durable. */
  static create(journalDir: string, firstSeq: number): SegmentWriter {
    const name = segmentName(firstSeq);
    const info = { firstSeq, name, path: path.join(journalDir, name) };
    const fd = openSync(info.path, 'wx');
    fsyncDirSync(journalDir);
    return new SegmentWriter(info, fd, 0, null);
  }

  /** True when no entry has been written to this segment. */
  get empty(): boolean {
    return this.lastSeqInFile === null;
  }

  /** Size in bytes. */
  get size(): number {
    return this.bytes;
  }

  /**
   * Appends one line and flushes it to disk. If the write fails the file is cut back to its
   * previous length so no partial line stays; if that or the flush fails, the error says so.
   */
  append(line: Buffer, seq: number): void {
    let written = 0;
    try {
      while (written < line.length)
        written += writeSync(this.fd, line, written, line.length - written);
    } catch (error) {
      try {
        ftruncateSync(this.fd, this.bytes);
      } catch (cause) {
        throw new JournalFlushError(this.info.path, cause);
      }
      throw error;
    }
    try {
      fdatasyncSync(this.fd);
    } catch (cause) {
      // After a failed flush the kernel may have dropped the dirty pages: nothing written since the
      // last good flush can be trusted, so the store must stop and reopen (which re-reads the file).
      throw new JournalFlushError(this.info.path, cause);
    }
    this.bytes += line.length;
    this.lastSeqInFile = seq;
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.fd);
  }
}
