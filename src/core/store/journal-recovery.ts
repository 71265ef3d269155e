// Reading the journal back: verifies every line, cuts a torn last line (a crash mid-append, never
// acknowledged), and repairs segments with damaged lines. Policy for a damaged line that is not the
// last one: each line carries its own checksum and every entry holds whole records (set / remove),
// so lines after it are trusted one by one — when their checksum matches and their seq continues the
// order. The damaged line's seq is reported missing: lost if it is above the checkpoint, harmless if
// the snapshots already hold it. The original segment is kept in quarantine; nothing is deleted.
import { open, readFile } from 'node:fs/promises';
import type { StoreProblem } from '../../shared/domain';
import { keepAside, writeAside, writeFileAtomic } from './fs-durable';
import type { BadLine, GoodLine, SegmentInfo } from './journal';
import { scanSegment } from './journal';
import type { JournalEntry } from './store-types';

/** How to read a run of segments. */
export interface JournalReadOptions {
  /** Segments to read, oldest first. */
  segments: SegmentInfo[];
  /** Entries with seq ≤ fromSeq are verified but not delivered. */
  fromSeq: number;
  /** The snapshots hold every effect up to this seq (used to say whether a missing seq is lost). */
  checkpointSeq: number;
  /** On opening: the last segment may end in a torn line, which is set aside and cut off. */
  mayCutTornTail: boolean;
  /** A segment open for appending: never rewritten. */
  activeName: string | null;
  quarantineDir: string;
  onEntry(entry: JournalEntry): void;
  onProblem(problem: StoreProblem): void;
}

/** The last segment as it is after the read (and any repair). */
export interface LastSegmentState {
  info: SegmentInfo;
  /** Where its entries end (zero padding may follow, up to `fileBytes`). */
  dataEnd: number;
  fileBytes: number;
  lastSeq: number | null;
}

/** Reads segments in order, delivering trusted entries; returns the last segment's state. */
export async function readJournal(options: JournalReadOptions): Promise<LastSegmentState | null> {
  const { segments } = options;
  let last: LastSegmentState | null = null;
  for (let i = 0; i < segments.length; i++) {
    last = await readSegment(segments[i]!, segments[i + 1] ?? null, options);
  }
  return last;
}

async function readSegment(
  segment: SegmentInfo,
  next: SegmentInfo | null,
  options: JournalReadOptions,
): Promise<LastSegmentState> {
  let bytes = await readFile(segment.path);
  // The open segment may be growing while we read it: a line without its newline is a commit in
  // flight, not damage (torn tails were cut when the store opened).
  if (segment.name === options.activeName) bytes = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
  const { trusted, bad, dataEnd } = trustedLines(bytes, segment, next);
  const lastGoodEnd = trusted.at(-1)?.end ?? 0;
  const lastSeq = trusted.at(-1)?.entry.seq ?? null;
  let end = dataEnd;
  let fileBytes = bytes.length;
  const at = new Date().toISOString();
  const isTorn =
    next === null && options.mayCutTornTail && bad.length === 1 && bad[0]!.offset >= lastGoodEnd;
  if (isTorn) {
    const torn = bytes.subarray(lastGoodEnd, dataEnd);
    const setAsideAt = await writeAside(options.quarantineDir, `${segment.name}.torn`, torn);
    await truncateFile(segment.path, lastGoodEnd);
    end = fileBytes = lastGoodEnd;
    options.onProblem({
      kind: 'torn-journal-tail',
      file: segment.path,
      setAsideAt,
      detail:
        `The last ${torn.length} bytes of the journal were an incomplete write (${bad[0]!.reason}), ` +
        `left by a crash before that mutation was acknowledged. They were cut off and kept in quarantine.`,
      at,
    });
  } else {
    const missing = missingSeqs(
      trusted,
      segment.firstSeq,
      next ? next.firstSeq - 1 : (lastSeq ?? 0),
    );
    // A gap the snapshots already cover (e.g. a line repaired on an earlier open) is not news.
    if (bad.length > 0 || missing.some(([, last]) => last > options.checkpointSeq)) {
      let setAsideAt: string | null = null;
      if (bad.length > 0 && segment.name !== options.activeName) {
        setAsideAt = await keepAside(segment.path, options.quarantineDir);
        const kept = Buffer.concat(trusted.map((line) => bytes.subarray(line.offset, line.end)));
        await writeFileAtomic(segment.path, kept);
        end = fileBytes = kept.length;
      }
      options.onProblem({
        kind: 'corrupt-journal',
        file: segment.path,
        setAsideAt,
        detail: describeDamage(bad, missing, options.checkpointSeq, setAsideAt !== null),
        at,
      });
    }
  }
  for (const line of trusted) {
    if (line.entry.seq > options.fromSeq) options.onEntry(line.entry);
  }
  return { info: segment, dataEnd: end, fileBytes, lastSeq };
}

/** Good lines whose seq continues the order inside the segment's range; the rest join the bad ones. */
function trustedLines(bytes: Buffer, segment: SegmentInfo, next: SegmentInfo | null) {
  const scan = scanSegment(bytes);
  const highest = next ? next.firstSeq - 1 : Number.MAX_SAFE_INTEGER;
  const trusted: GoodLine[] = [];
  const bad: BadLine[] = [...scan.bad];
  let previous = segment.firstSeq - 1;
  for (const line of scan.good) {
    const { seq } = line.entry;
    if (seq <= previous || seq > highest) {
      bad.push({ offset: line.offset, end: line.end, reason: `seq ${seq} out of order` });
    } else {
      trusted.push(line);
      previous = seq;
    }
  }
  bad.sort((a, b) => a.offset - b.offset);
  return { trusted, bad, dataEnd: scan.dataEnd };
}

/** Seq ranges in [from, to] that no trusted line holds. */
function missingSeqs(trusted: GoodLine[], from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  let expected = from;
  for (const { entry } of trusted) {
    if (entry.seq > expected) ranges.push([expected, entry.seq - 1]);
    expected = entry.seq + 1;
  }
  if (to >= expected) ranges.push([expected, to]);
  return ranges;
}

function describeDamage(
  bad: BadLine[],
  missing: [number, number][],
  checkpointSeq: number,
  rewritten: boolean,
): string {
  const parts: string[] = [];
  if (bad.length > 0) {
    const where = bad.map((line) => `byte ${line.offset} (${line.reason})`).join(', ');
    parts.push(`${bad.length} damaged journal line(s) at ${where}.`);
    parts.push(
      rewritten
        ? 'The segment was rewritten without them; the original is kept in quarantine.'
        : 'They were skipped.',
    );
  }
  if (missing.length === 0) {
    parts.push('No mutation is missing from the sequence.');
  } else {
    const lost = missing
      .filter(([, last]) => last > checkpointSeq)
      .map(([first, last]): [number, number] => [Math.max(first, checkpointSeq + 1), last]);
    parts.push(`Missing mutations: seq ${rangesText(missing)}.`);
    parts.push(
      lost.length === 0
        ? `The snapshots already hold every mutation up to seq ${checkpointSeq}, so nothing is lost.`
        : `Seq ${rangesText(lost)} lie above the last checkpoint (seq ${checkpointSeq}): their effects are lost. ` +
            'Every later mutation passed its own checksum and was replayed.',
    );
  }
  return parts.join(' ');
}

/** Seq ranges as text: "4, 7–9". */
export function rangesText(ranges: [number, number][]): string {
  return ranges
    .map(([first, last]) => (first === last ? `${first}` : `${first}–${last}`))
    .join(', ');
}

async function truncateFile(file: string, length: number): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
