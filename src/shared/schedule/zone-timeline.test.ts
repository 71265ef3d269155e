// The cached offset timeline checked against luxon's direct, uncached conversion.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { instantToWallTime, wallTimeToInstant } from './zone-calendar';

const ZONES = [
  'Europe/Rome',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Tehran',
  'Africa/Casablanca',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Europe/Moscow',
];
const FIRST_MS = Date.UTC(1975, 0, 1);
const LAST_MS = Date.UTC(2037, 0, 1);
const MINUTE_MS = 60_000;
const OVERLAP_SEARCH_MIN = 180;

const caseArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  minute: fc.integer({ min: FIRST_MS / MINUTE_MS, max: LAST_MS / MINUTE_MS }),
});

describe('zone timeline', () => {
  it('reads the same wall time as luxon for any instant', () => {
    fc.assert(
      fc.property(caseArb, ({ zone, minute }) => {
        const iso = new Date(minute * MINUTE_MS).toISOString();
        const direct = DateTime.fromMillis(minute * MINUTE_MS, { zone });
        expect(instantToWallTime(iso, zone)).toBe(direct.toFormat("yyyy-MM-dd'T'HH:mm"));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns a wall time back into the earliest instant that shows it', () => {
    fc.assert(
      fc.property(caseArb, ({ zone, minute }) => {
        const wall = instantToWallTime(new Date(minute * MINUTE_MS).toISOString(), zone);
        const back = wallTimeToInstant(wall, zone);
        expect(back).not.toBeNull();
        const backMs = Date.parse(back!);
        expect(backMs).toBeLessThanOrEqual(minute * MINUTE_MS);
        expect(instantToWallTime(back!, zone)).toBe(wall);
        // In an overlap the same wall time is shown again later; `back` must be its first showing.
        const searchFrom = DateTime.fromMillis(backMs - OVERLAP_SEARCH_MIN * MINUTE_MS, { zone });
        if (searchFrom.offset === DateTime.fromMillis(backMs, { zone }).offset) return;
        for (let stepMin = 15; stepMin <= OVERLAP_SEARCH_MIN; stepMin += 15) {
          const earlier = DateTime.fromMillis(backMs - stepMin * MINUTE_MS, { zone });
          expect(earlier.toFormat("yyyy-MM-dd'T'HH:mm")).not.toBe(wall);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
