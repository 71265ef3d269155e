import { describe, expect, it } from 'vitest';
import {
  addDays,
  customProblem,
  daysBetween,
  presetRange,
  resolveRange,
  todayIn,
} from './analytics-range';

// 23:30 UTC on 31 March 2026: already 1 April in Rome, still 31 March in New York.
const NOW = new Date('2026-03-31T23:30:00.000Z');

describe('analytics range', () => {
  it('counts presets back from today in the zone, today included', () => {
    expect(todayIn('Europe/Rome', NOW)).toBe('2026-04-01');
    expect(todayIn('America/New_York', NOW)).toBe('2026-03-31');
    expect(presetRange(7, 'Europe/Rome', NOW)).toEqual({ from: '2026-03-26', to: '2026-04-01' });
    expect(presetRange(30, 'America/New_York', NOW)).toEqual({
      from: '2026-03-02',
      to: '2026-03-31',
    });
    const ninety = presetRange(90, 'UTC', NOW);
    expect(daysBetween(ninety.from, ninety.to)).toBe(90);
  });

  it('does calendar arithmetic across month, year and clock-change boundaries', () => {
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-03-29', '2026-03-29')).toBe(1);
  });

  it('finds what is wrong with custom dates', () => {
    expect(customProblem('', '2026-03-01')).toBe('missing');
    expect(customProblem('2026-03-02', '2026-03-01')).toBe('order');
    expect(customProblem('2024-01-01', '2026-01-02')).toBe('tooLong');
    expect(customProblem('2026-01-01', '2028-01-01')).toBeNull();
    expect(customProblem('2026-03-01', '2026-03-01')).toBeNull();
    expect(resolveRange({ kind: 'custom', from: '2026-03-02', to: '2026-03-01' }, 'UTC', NOW)).toBe(
      null,
    );
    expect(
      resolveRange({ kind: 'custom', from: '2026-03-01', to: '2026-03-09' }, 'UTC', NOW),
    ).toEqual({ from: '2026-03-01', to: '2026-03-09' });
  });
});
