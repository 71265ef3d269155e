// Appending to the journal. Each append is a positional write plus fdatasync on an open fd, done
// synchronously: when `append` returns, the line is on disk.
//
// Segments are allocated ahead: a new segment takes over a zero-filled "spare" file prepared in the
// background. Writing inside already-allocated space does not change the file's size, so fdatasync
// flushes only the data — no file-system journal commit — which keeps the commit latency low and
// steady even while other files are being synced. A retired segment gives back the unused space.
import {
  closeSync,
  fdatasyncSync,
  fsync,
  ftruncate,
  ftruncateSync,
  openSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { fsyncDirSync, writeGently } from './fs-durable';
import type { SegmentInfo } from './journal';
import { segmentName } from './journal';

const SPARE_NAME = '.spare-segment.tmp';
/** Space allocated ahead for a segment: twice what the previous one used, within these bounds. */
const MIN_PREALLOC_BYTES = 256 * 1024;
const MAX_PREALLOC_BYTES = 8 * 1024 * 1024;
/** When nothing is known yet: room for a checkpoint's worth (2000) of ~500-byte entries. */
export const DEFAULT_PREALLOC_BYTES = 1024 * 1024;

const ftruncateAsync = promisify(ftruncate);
const fsyncAsync = promisify(fsync);

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

/** How much to allocate for the next segment, given what the last one held. */
export function preallocBytesAfter(usedBytes: number): number {
  return Math.min(MAX_PREALLOC_BYTES, Math.max(MIN_PREALLOC_BYTES, 2 * usedBytes));
}

/** A zero-filled file in the journal folder, prepared in the background for the next segment. */
export class SpareSegment {
  private readonly file: string;
  private ready: { file: string; bytes: number } | null = null;
  private pending: Promise<void> | null = null;

  constructor(journalDir: string) {
    this.file = path.join(journalDir, SPARE_NAME);
  }

  /** Starts preparing a spare of `bytes` unless one is ready or on its way. */
  prepare(bytes: number): void {
    if (this.ready || this.pending) return;
    this.pending = writeZeros(this.file, bytes)
      .then(
        () => void (this.ready = { file: this.file, bytes }),
        // Without a spare the next segment simply grows as it is written.
        () => undefined,
      )
      .finally(() => (this.pending = null));
  }

  /** Hands over the prepared spare, or null when none is ready. */
  take(): { file: string; bytes: number } | null {
    const spare = this.ready;
    this.ready = null;
    return spare;
  }

  /** Resolves when no preparation is in progress (so `take` finds the spare if it could be made). */
  async settled(): Promise<void> {
    await this.pending;
  }

  /** Waits for any preparation, then removes the spare file (a leftover from a crash, or on close). */
  async discard(): Promise<void> {
    await this.pending;
    this.ready = null;
    await rm(this.file, { force: true });
  }
}

async function writeZeros(file: string, bytes: number): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await writeGently(handle, Buffer.alloc(bytes));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The segment being appended to. */
export class SegmentWriter {
  private constructor(
    readonly info: SegmentInfo,
    private readonly fd: number,
    /** Where the next line goes: the end of the data. */
    private position: number,
    /** The file's size: data plus zero padding allocated ahead. */
    private allocated: number,
    private lastSeqInFile: number | null,
  ) {}

  /** Opens an existing, verified segment to go on appending at `dataEnd`. */
  static reopen(
    info: SegmentInfo,
    dataEnd: number,
    fileBytes: number,
    lastSeq: number | null,
  ): SegmentWriter {
    return new SegmentWriter(info, openSync(info.path, 'r+'), dataEnd, fileBytes, lastSeq);
  }

  /** Creates the segment starting at `firstSeq` (from a spare when there is one) and makes its name durable. */
  static create(
    journalDir: string,
    firstSeq: number,
    spare: { file: string; bytes: number } | null,
  ): SegmentWriter {
    const name = segmentName(firstSeq);
    const info = { firstSeq, name, path: path.join(journalDir, name) };
    let fd: number;
    if (spare) {
      renameSync(spare.file, info.path);
      fd = openSync(info.path, 'r+');
    } else {
      fd = openSync(info.path, 'wx');
    }
    fsyncDirSync(journalDir);
    return new SegmentWriter(info, fd, 0, spare?.bytes ?? 0, null);
  }

  /** True when no entry has been written to this segment. */
  get empty(): boolean {
    return this.lastSeqInFile === null;
  }

  /** Bytes of entries written. */
  get dataBytes(): number {
    return this.position;
  }

  /**
   * Writes one line at the end of the data and flushes it. If the write fails, the partial line is
   * cut off so no garbage stays; if that or the flush fails, a `JournalFlushError` says so.
   */
  append(line: Buffer, seq: number): void {
    let written = 0;
    try {
      while (written < line.length) {
        written += writeSync(
          this.fd,
          line,
          written,
          line.length - written,
          this.position + written,
        );
      }
    } catch (error) {
      try {
        // Also drops the space allocated ahead; the segment then grows as it is written.
        if (written > 0) ftruncateSync(this.fd, this.position);
        this.allocated = Math.min(this.allocated, this.position);
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
    this.position += line.length;
    this.allocated = Math.max(this.allocated, this.position);
    this.lastSeqInFile = seq;
  }

  /** For a segment that will not grow again: gives back the unused space, then closes. */
  async retire(): Promise<void> {
    try {
      if (this.allocated > this.position) {
        await ftruncateAsync(this.fd, this.position);
        await fsyncAsync(this.fd);
      }
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes the file (its padding, if any, stays for the next open to use). */
  close(): void {
    closeSync(this.fd);
  }
}
