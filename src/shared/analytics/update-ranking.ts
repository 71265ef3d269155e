// Best and worst updates of a range by response rate.
import type { Update } from '../domain';
import { dayIndexOf, rangeDays, type DayRange } from './date-range';
import { postResponseRate, postedAtMs } from './post-metrics';
import type { SeriesFilter } from './channel-series';

/** A post and its response rate, as ranked. */
export interface RankedUpdate {
  updateId: string;
  storyId: string;
  channelId: string;
  publishedAt: string;
  responseRate: number;
}

/** The top and bottom of a range's posts by response rate. */
export interface UpdateRanking {
  /** Highest response rate first. */
  best: RankedUpdate[];
  /** Lowest response rate first. */
  worst: RankedUpdate[];
  /** Posts left out because their views are unknown (no response rate). */
  unrated: number;
}

// Equal rates are ordered by publication time, then id, so the result never depends on input order.
function tieBreak(a: RankedUpdate, b: RankedUpdate): number {
  return a.publishedAt.localeCompare(b.publishedAt) || a.updateId.localeCompare(b.updateId);
}

/**
 * The `count` best and `count` worst posts published within `range` by response rate (see
 * responseRate). Posts without known views cannot be ranked and are only counted in `unrated`.
 * With fewer than 2 × count rated posts the two lists overlap. Throws RangeError for a bad range
 * or a count that is not a whole number ≥ 0.
 */
export function rankUpdates(
  copies: readonly Update[],
  range: DayRange,
  count: number,
  filter: SeriesFilter = {},
): UpdateRanking {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number of updates: ${count}`);
  }
  const days = rangeDays(range);
  const wanted = filter.channelIds ? new Set(filter.channelIds) : null;
  const rated: RankedUpdate[] = [];
  let unrated = 0;
  for (const copy of copies) {
    if (wanted && !wanted.has(copy.channelId)) continue;
    const at = postedAtMs(copy);
    if (at === null || dayIndexOf(days, at) < 0) continue;
    const rate = postResponseRate(copy.engagement);
    if (rate === null) {
      unrated += 1;
      continue;
    }
    rated.push({
      updateId: copy.id,
      storyId: copy.storyId,
      channelId: copy.channelId,
      publishedAt: new Date(at).toISOString(),
      responseRate: rate,
    });
  }
  const best = [...rated].sort((a, b) => b.responseRate - a.responseRate || tieBreak(a, b));
  const worst = [...rated].sort((a, b) => a.responseRate - b.responseRate || tieBreak(a, b));
  return { best: best.slice(0, count), worst: worst.slice(0, count), unrated };
}
