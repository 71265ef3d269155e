import { describe, expect, it } from 'vitest';
import { dayIndexOf, daysBetween, movedInstant, weekOf } from './week-days';

describe('weekOf', () => {
  it('runs Monday to Sunday in the given zone, across a clock change', () => {
    // Sunday 29 March 2026: Europe/Rome moves to summer time.
    const { days, end } = weekOf('2026-03-26T12:00:00Z', 'Europe/Rome');
    expect(days.map((d) => d.date)).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(days[0]!.start).toBe('2026-03-22T23:00:00.000Z');
    expect(end).toBe('2026-03-29T22:00:00.000Z');
  });

  it('places instants in the day of the zone, not the UTC day', () => {
    const { days } = weekOf('2026-03-26T12:00:00Z', 'Europe/Rome');
    expect(dayIndexOf(days, '2026-03-23T23:30:00Z', 'Europe/Rome')).toBe(1);
    expect(dayIndexOf(days, '2026-03-22T22:59:00Z', 'Europe/Rome')).toBe(-1);
  });
});

describe('movedInstant', () => {
  it('keeps the wall-clock time in the channel zone when moving across a clock change', () => {
    // 09:00 in Rome on Friday 27 March (UTC+1) moved two days to Sunday 29 March (UTC+2).
    expect(
      movedInstant('2026-03-27T08:00:00.000Z', '2026-03-27', '2026-03-29', 'Europe/Rome'),
    ).toBe('2026-03-29T07:00:00.000Z');
    expect(daysBetween('2026-03-29', '2026-03-27')).toBe(-2);
  });
});
