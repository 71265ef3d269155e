// A zone's UTC offsets as a list of constant-offset segments, so that bulk conversions are arithmetic.
// Asking Intl (through luxon) for one offset costs ~4 µs; a year of 20 daily slots would need tens of
// thousands of such calls, so offsets are sampled once per block of time and cached per zone.
import { IANAZone } from 'luxon';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './instant-text';

/** Width of one cached block of a zone's timeline. */
const BLOCK_MS = 32 * DAY_MS;
/** Spacing of offset samples within a block. Two transitions that cancel out within this span would be missed; tzdb has none in modern times. */
const SAMPLE_STEP_MS = DAY_MS;
/** luxon reads offsets at whole seconds, so transitions are located to the second. */
const SECOND_MS = 1000;
/** Farther from UTC than any offset a zone has used (local mean times reach almost ±16 h), so every instant showing a given wall time lies within this distance of it. */
const MAX_OFFSET_MS = 17 * HOUR_MS;
/** Blocks kept before the cache is dropped (~350 years of one zone). */
const MAX_CACHED_BLOCKS = 4096;

/** A span of time over which a zone keeps one offset, in minutes east of UTC. */
interface Segment {
  startMs: number;
  endMs: number;
  offsetMin: number;
}

const zones = new Map<string, IANAZone>();
const blocks = new Map<string, Map<number, Segment[]>>();
let cachedBlockCount = 0;

/** The luxon zone for an IANA name, or null when the runtime does not know it. */
export function lookupZone(name: string): IANAZone | null {
  const known = zones.get(name);
  if (known) return known;
  // Only known zones are remembered, so arbitrary strings typed by a user cannot grow the cache.
  if (typeof name !== 'string' || !IANAZone.isValidZone(name)) return null;
  const zone = IANAZone.create(name);
  zones.set(name, zone);
  return zone;
}

/** The luxon zone for an IANA name; throws RangeError when the runtime does not know it. */
export function requireZone(name: string): IANAZone {
  const zone = lookupZone(name);
  if (!zone) throw new RangeError(`not a known IANA time zone: ${String(name)}`);
  return zone;
}

/** Offset in minutes at an instant; Intl has no answer far outside the years instants may use. */
function offsetOf(zone: IANAZone, ms: number): number {
  const offsetMin = zone.offset(ms);
  if (!Number.isFinite(offsetMin)) throw new RangeError(`no offset for ${zone.name} at ${ms}`);
  return offsetMin;
}

/** Samples one block and bisects every change of offset down to the second. */
function buildBlock(zone: IANAZone, index: number): Segment[] {
  const blockStart = index * BLOCK_MS;
  const blockEnd = blockStart + BLOCK_MS;
  const segments: Segment[] = [];
  let segStart = blockStart;
  let segOffset = offsetOf(zone, blockStart);
  for (let sample = blockStart + SAMPLE_STEP_MS; sample <= blockEnd; sample += SAMPLE_STEP_MS) {
    const sampleOffset = offsetOf(zone, sample);
    while (segOffset !== sampleOffset) {
      let lo = segStart;
      let hi = sample;
      while (hi - lo > SECOND_MS) {
        const mid = lo + Math.floor((hi - lo) / (2 * SECOND_MS)) * SECOND_MS;
        if (offsetOf(zone, mid) === segOffset) lo = mid;
        else hi = mid;
      }
      // A change exactly at blockEnd belongs to the next block, which starts with the new offset.
      if (hi >= blockEnd) break;
      segments.push({ startMs: segStart, endMs: hi, offsetMin: segOffset });
      segStart = hi;
      segOffset = offsetOf(zone, hi);
    }
  }
  segments.push({ startMs: segStart, endMs: blockEnd, offsetMin: segOffset });
  return segments;
}

function blockSegments(name: string, zone: IANAZone, index: number): Segment[] {
  let perZone = blocks.get(name);
  if (!perZone) {
    perZone = new Map();
    blocks.set(name, perZone);
  }
  let segments = perZone.get(index);
  if (!segments) {
    if (cachedBlockCount >= MAX_CACHED_BLOCKS) {
      blocks.clear();
      cachedBlockCount = 0;
      perZone = new Map();
      blocks.set(name, perZone);
    }
    segments = buildBlock(zone, index);
    perZone.set(index, segments);
    cachedBlockCount += 1;
  }
  return segments;
}

/** The offsets of one zone over a stretch of time, with conversions between instants and wall times. */
export class ZoneTimeline {
  private cursor = 0;

  private constructor(private readonly segments: Segment[]) {}

  /** A timeline of `zone` able to convert instants and wall times between `fromMs` and `toMs`; throws RangeError for an unknown zone. */
  static covering(zoneName: string, fromMs: number, toMs: number): ZoneTimeline {
    const zone = requireZone(zoneName);
    const first = Math.floor((fromMs - MAX_OFFSET_MS) / BLOCK_MS);
    const last = Math.floor((toMs + MAX_OFFSET_MS) / BLOCK_MS);
    const merged: Segment[] = [];
    for (let index = first; index <= last; index += 1) {
      for (const segment of blockSegments(zoneName, zone, index)) {
        const previous = merged[merged.length - 1];
        if (previous && previous.offsetMin === segment.offsetMin) previous.endMs = segment.endMs;
        else merged.push({ ...segment });
      }
    }
    // The outermost segments stand for everything beyond the covered stretch.
    merged[0]!.startMs = -Infinity;
    merged[merged.length - 1]!.endMs = Infinity;
    return new ZoneTimeline(merged);
  }

  /** Index of the segment holding `ms`; calls in increasing order are cheap because the search starts at the last answer. */
  private indexAt(ms: number): number {
    let index = Math.min(this.cursor, this.segments.length - 1);
    while (index > 0 && this.segments[index]!.startMs > ms) index -= 1;
    while (index < this.segments.length - 1 && this.segments[index]!.endMs <= ms) index += 1;
    this.cursor = index;
    return index;
  }

  /** Offset in minutes east of UTC at an instant. */
  offsetAt(ms: number): number {
    return this.segments[this.indexAt(ms)]!.offsetMin;
  }

  /** The instant's wall clock as local milliseconds. */
  toLocalMs(ms: number): number {
    return ms + Math.round(this.offsetAt(ms) * MINUTE_MS);
  }

  /**
   * The instant showing wall time `localMs`. In an overlap the earlier instant wins unless one of
   * them has `preferOffsetMin`; in a gap the wall time moves forward by the gap's length.
   */
  toInstantMs(localMs: number, preferOffsetMin?: number): number {
    const first = this.indexAt(localMs - MAX_OFFSET_MS);
    let chosen: number | null = null;
    let index = first;
    for (; index < this.segments.length; index += 1) {
      const segment = this.segments[index]!;
      if (segment.startMs > localMs + MAX_OFFSET_MS) break;
      const candidate = localMs - Math.round(segment.offsetMin * MINUTE_MS);
      if (candidate < segment.startMs || candidate >= segment.endMs) continue;
      if (chosen === null || segment.offsetMin === preferOffsetMin) chosen = candidate;
      if (segment.offsetMin === preferOffsetMin) break;
    }
    if (chosen !== null) return chosen;
    // No instant shows this wall time: it lies in a gap, where the clock jumped forward.
    for (index = first; index + 1 < this.segments.length; index += 1) {
      const before = this.segments[index]!;
      const after = this.segments[index + 1]!;
      if (after.startMs > localMs + MAX_OFFSET_MS) break;
      const gapStart = after.startMs + Math.round(before.offsetMin * MINUTE_MS);
      const gapEnd = after.startMs + Math.round(after.offsetMin * MINUTE_MS);
      if (localMs >= gapStart && localMs < gapEnd)
        return localMs - Math.round(before.offsetMin * MINUTE_MS);
    }
    throw new Error(`wall time ${localMs} has no instant and lies in no gap`);
  }
}
