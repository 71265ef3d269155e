// Analytics on hand-made copies: clock-change days, empty ranges, unknown views, unlike polls,
// refused input, and numbers in each locale.
import { describe, expect, it } from 'vitest';
import { channel, engagement, post, ROME } from './analytics-test-data';
import { busiestHours, channelSeries } from './channel-series';
import { formatCompactCount, formatCount, formatHourOfDay, formatRate } from './number-format';
import { isPost, postResponseRate } from './post-metrics';
import { summarizeStory } from './story-summary';
import { rankUpdates } from './update-ranking';

describe('what counts as a post', () => {
  it('counts published copies and copies withdrawn after publication only', () => {
    const published = post('a', '2026-05-01T10:00:00Z');
    const withdrawn = post('b', '2026-05-01T10:00:00Z');
    withdrawn.delivery!.state = 'withdrawn';
    const neverOut = post('c', null);
    neverOut.delivery!.state = 'withdrawn';
    const failed = post('d', null);
    failed.delivery!.state = 'failed';
    const draft = post('e', null, { delivery: null });
    expect([published, withdrawn, neverOut, failed, draft].map(isPost)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('rates (reactions + poll votes) over views, and has no rate without views', () => {
    const e = engagement({
      views: 200,
      forwards: 7,
      reactions: { '👍': 10, '🔥': 5 },
      pollVotes: [3, 2],
    });
    expect(postResponseRate(e)).toBe(20 / 200);
    expect(postResponseRate(engagement({ views: null, reactions: { '👍': 10 } }))).toBeNull();
    expect(postResponseRate(engagement({ views: 0, reactions: { '👍': 10 } }))).toBeNull();
    expect(postResponseRate(null)).toBeNull();
  });
});

describe('channelSeries on clock-change days in Europe/Rome', () => {
  it('has a 23-hour day in spring, with no 02:00 hour', () => {
    const copies = [
      post('a', '2026-03-29T00:59:00Z', { silent: true }), // 01:59 CET
      post('b', '2026-03-29T01:00:00Z'), // 03:00 CEST: 02:00 never happens
      post('c', '2026-03-28T23:00:00Z'), // 00:00 on the 29th, not the 28th
    ];
    const series = channelSeries(copies, { from: '2026-03-28', to: '2026-03-30', zone: ROME });
    expect(series.days.map((d) => [d.date, d.hours, d.posts, d.loud, d.silent])).toEqual([
      ['2026-03-28', 24, 0, 0, 0],
      ['2026-03-29', 23, 3, 2, 1],
      ['2026-03-30', 24, 0, 0, 0],
    ]);
    expect(series.hours.filter((h) => h.posts > 0).map((h) => h.hour)).toEqual([0, 1, 3]);
  });

  it('has a 25-hour day in autumn, and counts the repeated 02:00 hour twice', () => {
    const copies = [
      post('a', '2026-10-25T00:30:00Z', {
        engagement: engagement({ views: 100, reactions: { '👍': 4 } }),
      }), // 02:30 CEST
      post('b', '2026-10-25T01:30:00Z', { engagement: engagement({ views: 100, pollVotes: [6] }) }), // 02:30 CET
      post('c', '2026-10-25T22:59:00Z'), // 23:59 CET, still the 25th
      post('d', '2026-10-25T23:00:00Z'), // the 26th
    ];
    const series = channelSeries(copies, { from: '2026-10-25', to: '2026-10-25', zone: ROME });
    expect(series.days).toEqual([
      {
        date: '2026-10-25',
        hours: 25,
        posts: 3,
        loud: 3,
        silent: 0,
        responses: 10,
        responseRate: 0.05,
      },
    ]);
    expect(busiestHours(series, 2)).toEqual([
      { hour: 2, posts: 2, responses: 10 },
      { hour: 23, posts: 1, responses: 0 },
    ]);
  });
});

describe('channelSeries ranges', () => {
  it('zero-fills every day of a range without posts', () => {
    const series = channelSeries([], { from: '2026-02-27', to: '2026-03-02', zone: ROME });
    expect(series.days.map((d) => d.date)).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(
      series.days.every((d) => d.posts === 0 && d.responses === 0 && d.responseRate === null),
    ).toBe(true);
    expect(series.hours).toHaveLength(24);
    expect(series.totals).toEqual({
      posts: 0,
      loud: 0,
      silent: 0,
      responses: 0,
      responseRate: null,
    });
    expect(busiestHours(series, 3)).toEqual([]);
  });

  it('keeps days whose posts have no views out of the rate, but counts their responses', () => {
    const copies = [
      post('a', '2026-05-01T08:00:00Z', { engagement: engagement({ reactions: { '👍': 9 } }) }),
      post('b', '2026-05-02T08:00:00Z', {
        engagement: engagement({ views: 50, reactions: { '👍': 5 } }),
      }),
    ];
    const series = channelSeries(copies, { from: '2026-05-01', to: '2026-05-02', zone: ROME });
    expect(series.days.map((d) => [d.responses, d.responseRate])).toEqual([
      [9, null],
      [5, 0.1],
    ]);
    expect(series.totals.responseRate).toBe(0.1);
  });

  it('refuses a bad range with a plain error', () => {
    expect(() => channelSeries([], { from: '2026-05-02', to: '2026-05-01', zone: ROME })).toThrow(
      /before it starts/,
    );
    expect(() =>
      channelSeries([], { from: '2026-05-01', to: '2026-05-01', zone: 'Mars/Base' }),
    ).toThrow(/unknown time zone/);
    expect(() => channelSeries([], { from: '2026-02-30', to: '2026-03-01', zone: ROME })).toThrow(
      /calendar date/,
    );
    expect(() => channelSeries([], { from: '2000-01-01', to: '2026-01-01', zone: ROME })).toThrow(
      /at most/,
    );
    expect(() => rankUpdates([], { from: '2026-05-01', to: '2026-05-01', zone: ROME }, -1)).toThrow(
      /whole number/,
    );
  });
});

describe('rankUpdates', () => {
  it('ranks rated posts, breaks ties by publication time, and counts unrated ones', () => {
    const e = (views: number, likes: number) => engagement({ views, reactions: { '👍': likes } });
    const copies = [
      post('late-tie', '2026-05-01T12:00:00Z', { engagement: e(100, 10) }),
      post('early-tie', '2026-05-01T09:00:00Z', { engagement: e(10, 1) }),
      post('top', '2026-05-01T10:00:00Z', { engagement: e(10, 5) }),
      post('low', '2026-05-01T11:00:00Z', { engagement: e(100, 1) }),
      post('no-views', '2026-05-01T11:00:00Z', { engagement: e(0, 1) }),
    ];
    const ranking = rankUpdates(copies, { from: '2026-05-01', to: '2026-05-01', zone: ROME }, 2);
    expect(ranking.best.map((r) => r.updateId)).toEqual(['top', 'early-tie']);
    expect(ranking.worst.map((r) => r.updateId)).toEqual(['low', 'early-tie']);
    expect(ranking.unrated).toBe(1);
  });
});

describe('summarizeStory', () => {
  const channels = [channel('ch-a', 'Alpha'), channel('ch-b', 'Beta'), channel('ch-c', 'Gamma')];
  const poll = (options: string[]) => ({
    question: 'Who?',
    options,
    multipleAnswers: false,
    quizCorrectOption: null,
  });

  it('gathers polls with the same options option by option', () => {
    const copies = [
      post('b', '2026-05-01T10:00:00Z', {
        channelId: 'ch-b',
        poll: poll(['x', 'y']),
        engagement: engagement({ views: 40, pollVotes: [1, 2], reactions: { '👍': 1 } }),
      }),
      post('a', '2026-05-01T10:00:00Z', {
        poll: poll(['x', 'y']),
        engagement: engagement({
          views: null,
          forwards: 3,
          pollVotes: [4],
          reactions: { '👍': 2, '❤️': 1 },
        }),
      }),
    ];
    const summary = summarizeStory('s1', copies, channels);
    expect(summary.perChannel.map((r) => [r.channelName, r.poll?.votes, r.responseRate])).toEqual([
      ['Alpha', [4, 0], null],
      ['Beta', [1, 2], 4 / 40],
    ]);
    expect(summary.gathered).toMatchObject({
      posts: 2,
      views: 40,
      postsWithViews: 1,
      forwards: 3,
      reactions: { '👍': 3, '❤️': 1 },
      poll: { question: 'Who?', options: ['x', 'y'], votes: [5, 2] },
      pollsDiffer: false,
      responses: 11,
      responseRate: 4 / 40,
    });
  });

  it('keeps polls with different options per channel only', () => {
    const copies = [
      post('a', '2026-05-01T10:00:00Z', {
        poll: poll(['x', 'y']),
        engagement: engagement({ pollVotes: [1, 1] }),
      }),
      post('c', '2026-05-01T10:00:00Z', {
        channelId: 'ch-c',
        poll: poll(['y', 'x']),
        engagement: engagement({ pollVotes: [2, 0] }),
      }),
      post('other', '2026-05-01T10:00:00Z', { storyId: 's2', channelId: 'ch-b' }),
    ];
    const summary = summarizeStory('s1', copies, channels);
    expect(summary.perChannel.map((r) => r.poll?.options)).toEqual([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(summary.gathered.poll).toBeNull();
    expect(summary.gathered.pollsDiffer).toBe(true);
    expect(summary.gathered.views).toBeNull();
    expect(summary.gathered.responseRate).toBeNull();
  });
});

describe('number formatting per locale', () => {
  it('formats counts, compact counts, rates and hours in en, it and fr', () => {
    expect(['en', 'it', 'fr'].map((l) => formatCount(12345, l))).toEqual([
      '12,345',
      '12.345',
      '12\u202f345',
    ]);
    expect(['en', 'it', 'fr'].map((l) => formatRate(0.125, l))).toEqual([
      '12.5%',
      '12,5%',
      '12,5\u00a0%',
    ]);
    expect(formatRate(0.125, 'en', 0)).toBe('13%');
    expect(formatCompactCount(1_234_567, 'en')).toBe('1.2M');
    expect(['en', 'it', 'fr'].map((l) => formatHourOfDay(21, l))).toEqual(['9 PM', '21', '21 h']);
    expect(() => formatHourOfDay(24, 'en')).toThrow(/0 to 23/);
    expect(() => formatRate(0.1, 'en', 1.5)).toThrow(/whole number/);
  });
});
