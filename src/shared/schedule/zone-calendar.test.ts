import { describe, expect, it } from 'vitest';
import {
  addDays,
  instantToWallTime,
  normalizeInstant,
  offsetLabel,
  startOfWeek,
  wallTimeToInstant,
} from './zone-calendar';

const HOUR_MS = 3_600_000;
const hoursBetween = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / HOUR_MS;

describe('normalizeInstant', () => {
  it('rewrites offsets and short forms to the toISOString form', () => {
    expect(normalizeInstant('2026-03-29T03:30+02:00')).toBe('2026-03-29T01:30:00.000Z');
    expect(normalizeInstant('2026-03-29T01:30:00Z')).toBe('2026-03-29T01:30:00.000Z');
    expect(normalizeInstant('2026-03-28T20:00:00.5-05:30')).toBe('2026-03-29T01:30:00.500Z');
    expect(normalizeInstant('2026-03-29T07:00:00.123456+0530')).toBe('2026-03-29T01:30:00.123Z');
    expect(normalizeInstant('2026-03-29T01:30:00.000Z')).toBe('2026-03-29T01:30:00.000Z');
  });

  it.each([
    'yesterday',
    '',
    '2026-03-29T01:30',
    '2026-02-30T00:00Z',
    '2026-03-29T24:00Z',
    '2026-03-29T01:30:60Z',
    '2026-03-29T01:30+25:00',
    'March 29, 2026 01:30 UTC',
    '0000-01-01T00:00+01:00',
  ])('throws RangeError on %j', (input) => {
    expect(() => normalizeInstant(input)).toThrow(RangeError);
  });
});

describe('Europe/Rome, spring forward on 29 Mar 2026 (02:00 → 03:00)', () => {
  const zone = 'Europe/Rome';

  it('moves wall times in the gap forward by one hour', () => {
    expect(wallTimeToInstant('2026-03-29T01:59', zone)).toBe('2026-03-29T00:59:00.000Z');
    expect(wallTimeToInstant('2026-03-29T02:00', zone)).toBe('2026-03-29T01:00:00.000Z');
    expect(wallTimeToInstant('2026-03-29T02:30', zone)).toBe('2026-03-29T01:30:00.000Z');
    expect(wallTimeToInstant('2026-03-29T03:00', zone)).toBe('2026-03-29T01:00:00.000Z');
    expect(instantToWallTime('2026-03-29T01:30:00.000Z', zone)).toBe('2026-03-29T03:30');
  });

  it('reads offsets on both sides of the change', () => {
    expect(offsetLabel('2026-03-29T00:59:59.999Z', zone)).toBe('UTC+1');
    expect(offsetLabel('2026-03-29T01:00:00.000Z', zone)).toBe('UTC+2');
  });

  it('keeps a 23-hour day and a 167-hour week', () => {
    const monday = startOfWeek('2026-03-29T12:00:00.000Z', zone);
    expect(monday).toBe('2026-03-22T23:00:00.000Z');
    expect(instantToWallTime(monday, zone)).toBe('2026-03-23T00:00');
    const nextMonday = addDays(monday, 7, zone);
    expect(nextMonday).toBe('2026-03-29T22:00:00.000Z');
    expect(hoursBetween(monday, nextMonday)).toBe(167);
    expect(
      hoursBetween('2026-03-28T08:00:00.000Z', addDays('2026-03-28T08:00:00.000Z', 1, zone)),
    ).toBe(23);
    expect(addDays(nextMonday, -7, zone)).toBe(monday);
  });

  it('finds the start of the week at its edges', () => {
    expect(startOfWeek('2026-03-22T23:00:00.000Z', zone)).toBe('2026-03-22T23:00:00.000Z');
    expect(startOfWeek('2026-03-22T22:59:59.999Z', zone)).toBe('2026-03-15T23:00:00.000Z');
  });
});

describe('Europe/Rome, fall back on 25 Oct 2026 (03:00 → 02:00)', () => {
  const zone = 'Europe/Rome';

  it('chooses the earlier of two instants showing the same wall time', () => {
    expect(wallTimeToInstant('2026-10-25T02:30', zone)).toBe('2026-10-25T00:30:00.000Z');
    expect(wallTimeToInstant('2026-10-25T03:00', zone)).toBe('2026-10-25T02:00:00.000Z');
    expect(instantToWallTime('2026-10-25T00:30:00.000Z', zone)).toBe('2026-10-25T02:30');
    expect(instantToWallTime('2026-10-25T01:30:00.000Z', zone)).toBe('2026-10-25T02:30');
  });

  it('steps days of 25 hours and keeps an instant’s own side of the overlap', () => {
    expect(
      hoursBetween('2026-10-24T07:00:00.000Z', addDays('2026-10-24T07:00:00.000Z', 1, zone)),
    ).toBe(25);
    expect(addDays('2026-10-24T00:30:00.000Z', 1, zone)).toBe('2026-10-25T00:30:00.000Z');
    expect(addDays('2026-10-26T01:30:00.000Z', -1, zone)).toBe('2026-10-25T01:30:00.000Z');
    expect(addDays('2026-10-25T01:30:00.000Z', 0, zone)).toBe('2026-10-25T01:30:00.000Z');
  });
});

describe('America/New_York (8 Mar and 1 Nov 2026)', () => {
  const zone = 'America/New_York';

  it('handles its gap and overlap', () => {
    expect(wallTimeToInstant('2026-03-08T02:30', zone)).toBe('2026-03-08T07:30:00.000Z');
    expect(wallTimeToInstant('2026-11-01T01:30', zone)).toBe('2026-11-01T05:30:00.000Z');
    expect(instantToWallTime('2026-11-01T06:30:00.000Z', zone)).toBe('2026-11-01T01:30');
    expect(offsetLabel('2026-07-01T00:00:00.000Z', zone)).toBe('UTC-4');
    expect(offsetLabel('2026-12-01T00:00:00.000Z', zone)).toBe('UTC-5');
  });
});

describe('Australia/Lord_Howe (30-minute daylight saving)', () => {
  const zone = 'Australia/Lord_Howe';

  it('moves a gap time forward by 30 minutes on 4 Oct 2026', () => {
    expect(wallTimeToInstant('2026-10-04T02:15', zone)).toBe('2026-10-03T15:45:00.000Z');
    expect(instantToWallTime('2026-10-03T15:45:00.000Z', zone)).toBe('2026-10-04T02:45');
    expect(offsetLabel('2026-10-03T15:29:00.000Z', zone)).toBe('UTC+10:30');
    expect(offsetLabel('2026-10-03T15:30:00.000Z', zone)).toBe('UTC+11');
  });

  it('chooses the earlier instant in the 30-minute overlap on 5 Apr 2026', () => {
    expect(wallTimeToInstant('2026-04-05T01:45', zone)).toBe('2026-04-04T14:45:00.000Z');
    expect(instantToWallTime('2026-04-04T15:15:00.000Z', zone)).toBe('2026-04-05T01:45');
  });
});

describe('Asia/Kolkata (no daylight saving, +05:30)', () => {
  it('converts with a constant half-hour offset', () => {
    expect(wallTimeToInstant('2026-03-29T09:00', 'Asia/Kolkata')).toBe('2026-03-29T03:30:00.000Z');
    expect(instantToWallTime('2026-10-25T00:00:00.000Z', 'Asia/Kolkata')).toBe('2026-10-25T05:30');
    expect(offsetLabel('2026-01-01T00:00:00.000Z', 'Asia/Kolkata')).toBe('UTC+5:30');
    const monday = startOfWeek('2026-03-29T12:00:00.000Z', 'Asia/Kolkata');
    expect(monday).toBe('2026-03-22T18:30:00.000Z');
    expect(hoursBetween(monday, addDays(monday, 7, 'Asia/Kolkata'))).toBe(168);
  });
});

describe('Pacific/Chatham (+12:45 / +13:45, changes at 02:45)', () => {
  const zone = 'Pacific/Chatham';

  it('handles its gap on 27 Sep 2026 and its overlap on 5 Apr 2026', () => {
    expect(wallTimeToInstant('2026-09-27T03:00', zone)).toBe('2026-09-26T14:15:00.000Z');
    expect(instantToWallTime('2026-09-26T14:15:00.000Z', zone)).toBe('2026-09-27T04:00');
    expect(wallTimeToInstant('2026-04-05T03:15', zone)).toBe('2026-04-04T13:30:00.000Z');
    expect(instantToWallTime('2026-04-04T14:30:00.000Z', zone)).toBe('2026-04-05T03:15');
    expect(offsetLabel('2026-06-01T00:00:00.000Z', zone)).toBe('UTC+12:45');
  });
});

describe('Pacific/Apia skipping 30 Dec 2011 entirely', () => {
  const zone = 'Pacific/Apia';

  it('moves every wall time of the missing day forward by 24 hours', () => {
    expect(instantToWallTime('2011-12-30T09:59:00.000Z', zone)).toBe('2011-12-29T23:59');
    expect(instantToWallTime('2011-12-30T10:00:00.000Z', zone)).toBe('2011-12-31T00:00');
    expect(wallTimeToInstant('2011-12-30T00:00', zone)).toBe('2011-12-30T10:00:00.000Z');
    expect(wallTimeToInstant('2011-12-30T12:00', zone)).toBe('2011-12-30T22:00:00.000Z');
    expect(wallTimeToInstant('2011-12-31T12:00', zone)).toBe('2011-12-30T22:00:00.000Z');
    expect(offsetLabel('2011-12-30T09:00:00.000Z', zone)).toBe('UTC-10');
    expect(offsetLabel('2011-12-30T11:00:00.000Z', zone)).toBe('UTC+14');
  });

  it('steps calendar days through the missing one', () => {
    expect(addDays('2011-12-29T22:00:00.000Z', 1, zone)).toBe('2011-12-30T22:00:00.000Z');
    // Thursday + 2 is Saturday 31 Dec 12:00, the same instant as the moved Friday.
    expect(addDays('2011-12-29T22:00:00.000Z', 2, zone)).toBe('2011-12-30T22:00:00.000Z');
    expect(addDays('2011-12-29T22:00:00.000Z', 3, zone)).toBe('2011-12-31T22:00:00.000Z');
  });
});

describe('America/Santiago (midnight skipped on 6 Sep 2026)', () => {
  it('starts that day at 01:00', () => {
    const zone = 'America/Santiago';
    expect(wallTimeToInstant('2026-09-06T00:00', zone)).toBe('2026-09-06T04:00:00.000Z');
    expect(addDays('2026-09-05T04:00:00.000Z', 1, zone)).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('malformed input', () => {
  it('gives null from wallTimeToInstant', () => {
    expect(wallTimeToInstant('2026-03-29 09:00', 'Europe/Rome')).toBeNull();
    expect(wallTimeToInstant('2026-02-29T09:00', 'Europe/Rome')).toBeNull();
    expect(wallTimeToInstant('2026-03-29T9:00', 'Europe/Rome')).toBeNull();
    expect(wallTimeToInstant('2026-03-29T09:00', 'Europe/Atlantis')).toBeNull();
  });

  it('throws RangeError elsewhere', () => {
    expect(() => instantToWallTime('2026-03-29T09:00', 'Europe/Rome')).toThrow(RangeError);
    expect(() => instantToWallTime('2026-03-29T09:00Z', 'Europe/Atlantis')).toThrow(RangeError);
    expect(() => addDays('2026-03-29T09:00Z', 1.5, 'Europe/Rome')).toThrow(RangeError);
    expect(() => startOfWeek('2026-03-29T09:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});
