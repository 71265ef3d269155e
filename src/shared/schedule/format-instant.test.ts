import { describe, expect, it } from 'vitest';
import { formatInstant } from './format-instant';

// Expected strings come from the ICU data shipped with Node 20 (ICU 78); zone names are the locale's own.
describe('formatInstant', () => {
  const springMorning = '2026-03-29T01:30:00.000Z';

  it('writes the brief’s example in each language', () => {
    expect(formatInstant(springMorning, 'Europe/Rome', 'en')).toBe('Sun 29 Mar 2026, 03:30 CEST');
    expect(formatInstant(springMorning, 'Europe/Rome', 'it')).toBe('dom 29 mar 2026, 03:30 CEST');
    expect(formatInstant(springMorning, 'Europe/Rome', 'fr')).toBe(
      'dim. 29 mars 2026, 03:30 UTC+2',
    );
  });

  it('offers long and time-only styles', () => {
    expect(formatInstant(springMorning, 'Europe/Rome', 'en', 'long')).toBe(
      'Sunday 29 March 2026, 03:30 Central European Summer Time',
    );
    expect(formatInstant(springMorning, 'Europe/Rome', 'it', 'long')).toBe(
      'domenica 29 marzo 2026, 03:30 Ora legale dell’Europa centrale',
    );
    expect(formatInstant(springMorning, 'Europe/Rome', 'fr', 'time')).toBe('03:30');
  });

  it('tells the two 02:30s of the fall-back day apart', () => {
    expect(formatInstant('2026-10-25T00:30:00.000Z', 'Europe/Rome', 'en')).toBe(
      'Sun 25 Oct 2026, 02:30 CEST',
    );
    expect(formatInstant('2026-10-25T01:30:00.000Z', 'Europe/Rome', 'en')).toBe(
      'Sun 25 Oct 2026, 02:30 CET',
    );
  });

  it('shows the zone’s own date and an offset where the locale has no name', () => {
    expect(formatInstant(springMorning, 'America/New_York', 'en')).toBe(
      'Sat 28 Mar 2026, 21:30 GMT-4',
    );
    expect(formatInstant(springMorning, 'Pacific/Chatham', 'en')).toBe(
      'Sun 29 Mar 2026, 15:15 GMT+13:45',
    );
  });

  it('reads unknown languages as English and accepts offsets in the instant', () => {
    expect(formatInstant('2026-03-29T03:30+02:00', 'Europe/Rome', 'de')).toBe(
      'Sun 29 Mar 2026, 03:30 CEST',
    );
  });

  it('refuses a bad instant or zone', () => {
    expect(() => formatInstant('soon', 'Europe/Rome', 'en')).toThrow(RangeError);
    expect(() => formatInstant(springMorning, 'Europe/Nowhere', 'en')).toThrow(RangeError);
  });
});
