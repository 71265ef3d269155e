// Everything the analytics screen shows for a range, in one answer: the series per day, the
// busiest hours, the best and worst posts with their text, and the totals.
import type { Channel, Update } from '../domain';
import { titleOf } from '../formatting';
import type { SeriesDay, SeriesHour } from './channel-series';
import { channelSeries } from './channel-series';
import { rangeDays, type DayRange } from './date-range';
import { addRateParts, emptyRateParts, isPost, postedAtMs, viewsOf } from './post-metrics';
import { rankUpdates } from './update-ranking';

/** How many best and worst posts a report lists. */
export const REPORT_RANKED_COUNT = 5;
/** Longest range a report covers: two years of days (a leap year included). */
export const MAX_REPORT_DAYS = 731;
/** Characters of a post's text kept as its excerpt. */
const EXCERPT_CHARS = 140;

/** A best or worst post, with what a list needs to name it and open its story. */
export interface ReportPost {
  updateId: string;
  storyId: string;
  channelId: string;
  /** The channel's name (null when the desk does not know the channel). */
  channelName: string | null;
  publishedAt: string;
  /** The post's first line, shortened. */
  excerpt: string;
  responseRate: number;
  views: number;
}

/** Totals over the range's posts. */
export interface ReportTotals {
  posts: number;
  loud: number;
  silent: number;
  /** Reactions + poll votes over every post. */
  responses: number;
  /** Views summed over posts whose platform gives them. */
  views: number;
  postsWithViews: number;
  forwards: number;
  responseRate: number | null;
}

/** The analytics of some channels (or all) over a range of calendar days in a zone. */
export interface AnalyticsReport {
  range: DayRange;
  /** The channels counted, in name order (every known channel when none was chosen). */
  channelIds: string[];
  days: SeriesDay[];
  /** Hours of the wall clock 0–23 in the range's zone. */
  hours: SeriesHour[];
  best: ReportPost[];
  worst: ReportPost[];
  /** Posts without known views: they cannot be ranked (nor count in the rate). */
  unrated: number;
  totals: ReportTotals;
}

/**
 * Builds the report of `channelIds` (null or empty: every channel given) over `range`, from the
 * copies the desk holds. Throws RangeError for a bad range (see rangeDays) or one longer than
 * MAX_REPORT_DAYS; changes nothing.
 */
export function buildAnalyticsReport(
  copies: readonly Update[],
  channels: readonly Channel[],
  range: DayRange,
  channelIds: readonly string[] | null,
): AnalyticsReport {
  const days = rangeDays(range);
  if (days.length > MAX_REPORT_DAYS) {
    throw new RangeError(
      `the range spans ${days.length} days; at most ${MAX_REPORT_DAYS} (two years) are allowed`,
    );
  }
  const chosen = channelIds && channelIds.length > 0 ? channelIds : channels.map((c) => c.id);
  const filter = { channelIds: chosen };
  const series = channelSeries(copies, range, filter);
  const ranking = rankUpdates(copies, range, REPORT_RANKED_COUNT, filter);
  const byId = new Map(copies.map((copy) => [copy.id, copy]));
  const channelById = new Map(channels.map((c) => [c.id, c]));
  const toPost = (ranked: (typeof ranking.best)[number]): ReportPost => {
    const copy = byId.get(ranked.updateId)!;
    return {
      updateId: ranked.updateId,
      storyId: ranked.storyId,
      channelId: ranked.channelId,
      channelName: channelById.get(ranked.channelId)?.name ?? null,
      publishedAt: ranked.publishedAt,
      excerpt: titleOf(copy.text, EXCERPT_CHARS),
      responseRate: ranked.responseRate,
      views: viewsOf(copy.engagement) ?? 0,
    };
  };

  // Views and forwards are not in the series: add them over the same posts.
  const wanted = new Set(chosen);
  const first = days[0]!.startMs;
  const end = days[days.length - 1]!.endMs;
  const parts = emptyRateParts();
  let postsWithViews = 0;
  let forwards = 0;
  for (const copy of copies) {
    if (!wanted.has(copy.channelId) || !isPost(copy)) continue;
    const at = postedAtMs(copy)!;
    if (at < first || at >= end) continue;
    if (viewsOf(copy.engagement) !== null) postsWithViews += 1;
    addRateParts(parts, copy.engagement);
    forwards += copy.engagement?.forwards ?? 0;
  }

  const nameOf = (id: string) => channelById.get(id)?.name ?? id;
  return {
    range: series.range,
    channelIds: [...chosen].sort((a, b) => nameOf(a).localeCompare(nameOf(b))),
    days: series.days,
    hours: series.hours,
    best: ranking.best.map(toPost),
    worst: ranking.worst.map(toPost),
    unrated: ranking.unrated,
    totals: { ...series.totals, views: parts.views, postsWithViews, forwards },
  };
}
