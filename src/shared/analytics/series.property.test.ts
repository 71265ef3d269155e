// Property test: the series on generated engagement data checked against a deliberately naive
// calculation written here: it walks the range hour by hour and reads each hour's wall clock through
// Intl, where the code groups posts by luxon day boundaries. fast-check prints the seed of a failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Update } from '../domain';
import {
  CHANNELS,
  copiesArb,
  HOUR_MS,
  naivePosted,
  naiveResponses,
  RANGES,
  RUNS,
  SEED,
  wallOf,
  type TestRange,
} from './analytics-test-data';
import { channelSeries } from './channel-series';

function naiveSeries(copies: Update[], range: TestRange, channelIds?: string[]) {
  const days: {
    date: string;
    hours: number;
    posts: number;
    loud: number;
    silent: number;
    responses: number;
    rated: number;
    views: number;
  }[] = [];
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, posts: 0, responses: 0 }));
  // Walk every UTC hour from well before the range to well after it.
  const first = Date.parse(`${range.from}T00:00:00Z`) - 30 * HOUR_MS;
  const last = Date.parse(`${range.to}T00:00:00Z`) + 54 * HOUR_MS;
  for (let t = first; t < last; t += HOUR_MS) {
    const wall = wallOf(t, range.zone);
    if (wall.date < range.from || wall.date > range.to) continue;
    let day = days.find((d) => d.date === wall.date);
    if (!day) {
      day = {
        date: wall.date,
        hours: 0,
        posts: 0,
        loud: 0,
        silent: 0,
        responses: 0,
        rated: 0,
        views: 0,
      };
      days.push(day);
    }
    day.hours += 1;
    for (const c of copies) {
      const at = naivePosted(c);
      if (at === null || at < t || at >= t + HOUR_MS) continue;
      if (channelIds && !channelIds.includes(c.channelId)) continue;
      const r = naiveResponses(c.engagement);
      day.posts += 1;
      if (c.silent) day.silent += 1;
      else day.loud += 1;
      day.responses += r;
      if (c.engagement?.views != null) {
        day.rated += r;
        day.views += c.engagement.views;
      }
      hours[wall.hour]!.posts += 1;
      hours[wall.hour]!.responses += r;
    }
  }
  return {
    days: days.map((d) => ({
      date: d.date,
      hours: d.hours,
      posts: d.posts,
      loud: d.loud,
      silent: d.silent,
      responses: d.responses,
      responseRate: d.views > 0 ? d.rated / d.views : null,
    })),
    hours,
  };
}

describe('channelSeries against a naive calculation', () => {
  it('series: posts per day, loud/silent, response rate per day, busiest hours', () => {
    const arb = fc
      .constantFrom(...RANGES)
      .chain((range) =>
        fc.tuple(
          fc.constant(range),
          copiesArb(range),
          fc.option(fc.subarray(CHANNELS, { minLength: 1 })),
        ),
      );
    fc.assert(
      fc.property(arb, ([range, copies, channelIds]) => {
        const filter = channelIds ? { channelIds } : {};
        const series = channelSeries(copies, range, filter);
        const naive = naiveSeries(copies, range, channelIds ?? undefined);
        // Sums of whole numbers are exact, so the rates must match to the last bit.
        expect(series.days).toEqual(naive.days);
        expect(series.hours).toEqual(naive.hours);
        expect(series.totals.posts).toBe(naive.days.reduce((n, d) => n + d.posts, 0));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
