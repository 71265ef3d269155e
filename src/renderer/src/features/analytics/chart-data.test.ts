import { describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../../../../shared/analytics';
import { dateLabel, dayRows, hourRows, peakRow, rateExtremes } from './chart-data';

function report(): AnalyticsReport {
  const day = (date: string, loud: number, silent: number, rate: number | null) => ({
    date,
    hours: 24,
    posts: loud + silent,
    loud,
    silent,
    responses: 0,
    responseRate: rate,
  });
  return {
    range: { from: '2026-03-05', to: '2026-03-07', zone: 'Europe/Rome' },
    channelIds: ['ch-a'],
    days: [
      day('2026-03-05', 1, 2, 0.1),
      day('2026-03-06', 0, 0, null),
      day('2026-03-07', 4, 0, 0.02),
    ],
    hours: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      posts: hour === 21 ? 5 : hour === 9 ? 2 : 0,
      responses: 0,
    })),
    best: [],
    worst: [],
    unrated: 0,
    totals: {
      posts: 7,
      loud: 5,
      silent: 2,
      responses: 0,
      views: 0,
      postsWithViews: 0,
      forwards: 0,
      responseRate: null,
    },
  };
}

describe('chart rows', () => {
  it('labels days in each interface language, whatever zone the desk runs in', () => {
    expect(dateLabel('2026-03-05', 'en')).toBe('5 Mar');
    expect(dateLabel('2026-03-05', 'it')).toBe('5 mar');
    expect(dateLabel('2026-03-05', 'fr')).toBe('5 mars');
    expect(dateLabel('2026-03-05', 'en', true)).toBe('Thu, 5 March 2026');
    expect(dateLabel('2026-03-05', 'it', true)).toBe('gio 5 marzo 2026');
  });

  it('keeps every day in order with loud, silent and the rate (null breaks the line)', () => {
    const rows = dayRows(report(), 'en');
    expect(rows.map((r) => [r.date, r.loud, r.silent, r.posts, r.rate])).toEqual([
      ['2026-03-05', 1, 2, 3, 0.1],
      ['2026-03-06', 0, 0, 0, null],
      ['2026-03-07', 4, 0, 4, 0.02],
    ]);
    expect(peakRow(rows)?.date).toBe('2026-03-07');
    const extremes = rateExtremes(rows)!;
    expect([extremes.low.date, extremes.high.date]).toEqual(['2026-03-07', '2026-03-05']);
    expect(rateExtremes(rows.filter((r) => r.rate === null))).toBeNull();
  });

  it('names the hours the locale way and finds the busiest', () => {
    const en = hourRows(report(), 'en');
    expect(en).toHaveLength(24);
    expect(peakRow(en)?.hour).toBe(21);
    expect(en[21]!.label).toBe('21');
    expect(hourRows(report(), 'fr')[21]!.label).toBe('21 h');
    expect(peakRow(en.map((r) => ({ ...r, posts: 0 })))).toBeNull();
  });
});
