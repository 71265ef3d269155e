// Posting and response series over a range of days, for one channel or across several.
import type { Update } from '../domain';
import { dayIndexOf, rangeDays, wallHourOf, type DayRange } from './date-range';
import {
  addRateParts,
  emptyRateParts,
  postedAtMs,
  responseRate,
  responsesOf,
  type RateParts,
} from './post-metrics';

/** One calendar day of a series. */
export interface SeriesDay {
  /** 'YYYY-MM-DD' in the series' zone. */
  date: string;
  /** How long the day lasts in hours: 24, or 23/25 on a clock-change day. */
  hours: number;
  posts: number;
  /** Posts sent with a notification, and without one (see Update.silent). */
  loud: number;
  silent: number;
  /** Responses (see responsesOf) of every post of the day, views known or not. */
  responses: number;
  /** The day's response rate (see responseRate): only posts with known views count. */
  responseRate: number | null;
}

/** One hour of the wall clock (0–23 in the series' zone), totalled over every day of the range. */
export interface SeriesHour {
  hour: number;
  posts: number;
  responses: number;
}

/** Posts per day, loud vs silent, response rate per day, and busiest hours over a range. */
export interface ChannelSeries {
  range: DayRange;
  /** Every day of the range, in order, days without posts included (zero-filled). */
  days: SeriesDay[];
  /** Hours 0 to 23, in order; a repeated hour on a fall-back day counts both times. */
  hours: SeriesHour[];
  totals: {
    posts: number;
    loud: number;
    silent: number;
    responses: number;
    responseRate: number | null;
  };
}

/** Which posts a series counts: all channels, or only some. */
export interface SeriesFilter {
  /** Count only posts on these channels; absent means every channel (the cross-channel view). */
  channelIds?: readonly string[];
}

/**
 * Builds the series of posts (see isPost) published within `range` (calendar days in its zone,
 * both ends included). Throws RangeError for a bad range (see rangeDays); changes nothing.
 */
export function channelSeries(
  copies: readonly Update[],
  range: DayRange,
  filter: SeriesFilter = {},
): ChannelSeries {
  const rangeList = rangeDays(range);
  const wanted = filter.channelIds ? new Set(filter.channelIds) : null;
  const days: SeriesDay[] = rangeList.map((day) => ({
    date: day.date,
    hours: Math.round((day.endMs - day.startMs) / 3_600_000),
    posts: 0,
    loud: 0,
    silent: 0,
    responses: 0,
    responseRate: null,
  }));
  const dayParts: RateParts[] = rangeList.map(() => emptyRateParts());
  const hours: SeriesHour[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    posts: 0,
    responses: 0,
  }));
  const totalParts = emptyRateParts();
  const totals = {
    posts: 0,
    loud: 0,
    silent: 0,
    responses: 0,
    responseRate: null as number | null,
  };

  for (const copy of copies) {
    if (wanted && !wanted.has(copy.channelId)) continue;
    const at = postedAtMs(copy);
    if (at === null) continue;
    const index = dayIndexOf(rangeList, at);
    if (index < 0) continue;
    const day = days[index]!;
    const responses = responsesOf(copy.engagement);
    const slot = copy.silent ? 'silent' : 'loud';
    for (const tally of [day, totals]) {
      tally.posts += 1;
      tally[slot] += 1;
      tally.responses += responses;
    }
    addRateParts(dayParts[index]!, copy.engagement);
    addRateParts(totalParts, copy.engagement);
    const hour = hours[wallHourOf(at, range.zone)]!;
    hour.posts += 1;
    hour.responses += responses;
  }
  days.forEach((day, i) => {
    day.responseRate = responseRate(dayParts[i]!);
  });
  totals.responseRate = responseRate(totalParts);
  return { range: { ...range }, days, hours, totals };
}

/** The hours with the most posts, busiest first (ties: the earlier hour first); empty hours left out. */
export function busiestHours(series: ChannelSeries, count: number): SeriesHour[] {
  return series.hours
    .filter((hour) => hour.posts > 0)
    .sort((a, b) => b.posts - a.posts || b.responses - a.responses || a.hour - b.hour)
    .slice(0, Math.max(0, count));
}
