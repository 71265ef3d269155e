// The notification budget: examples a newsroom would recognise, then properties checked against an
// oracle built from luxon's own zone conversions, across zones with odd offsets and clock changes.
// fast-check prints the seed and the shrunk counterexample of any failure.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { BudgetSettings } from './notification-budget';
import { decideLoudness, inQuietWindow, planLoudness } from './notification-budget';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const NIGHT = { from: '22:00', to: '07:00' };
const open: BudgetSettings = { quietHours: null, loudPerHour: null, loudPerDay: null };
const ms = (iso: string) => Date.parse(iso);

describe('decideLoudness', () => {
  const at = (iso: string, settings: BudgetSettings, loud: string[] = [], requested = false) =>
    decideLoudness({
      atMs: ms(iso),
      zone: 'Europe/Rome',
      settings,
      requestedSilent: requested,
      loudMs: loud.map(ms),
    });

  it('keeps quiet hours that run past midnight, in the channel’s wall clock', () => {
    const night = { ...open, quietHours: NIGHT };
    // Rome is UTC+1 in January: 22:00 local is 21:00Z.
    expect(at('2030-01-15T20:59:00Z', night).reasons).toEqual([]);
    expect(at('2030-01-15T21:00:00Z', night).reasons).toEqual(['quiet-hours']);
    expect(at('2030-01-16T02:30:00Z', night).silent).toBe(true);
    expect(at('2030-01-16T05:59:00Z', night).silent).toBe(true);
    expect(at('2030-01-16T06:00:00Z', night).silent).toBe(false);
    // In July Rome is UTC+2: the same wall clock is an hour earlier in UTC.
    expect(at('2030-07-15T20:00:00Z', night).silent).toBe(true);
    expect(at('2030-07-15T05:00:00Z', night).silent).toBe(false);
  });

  it('treats from = to as no quiet hours at all', () => {
    expect(inQuietWindow(0, { from: '08:00', to: '08:00' })).toBe(false);
    expect(inQuietWindow(8 * 60, { from: '08:00', to: '08:00' })).toBe(false);
  });

  it('counts the hourly cap over a rolling 60 minutes ending at the post', () => {
    const capped = { ...open, loudPerHour: 2 };
    const two = ['2030-01-15T10:55:00Z', '2030-01-15T11:05:00Z'];
    const third = at('2030-01-15T11:10:00Z', capped, two);
    expect(third).toMatchObject({ silent: true, reasons: ['hour-cap'], loudInHour: 2 });
    // An hour after the first, only one is still in the window.
    expect(at('2030-01-15T11:55:00Z', capped, two)).toMatchObject({ silent: false, loudInHour: 1 });
    // Posts after this one do not count.
    expect(at('2030-01-15T10:00:00Z', capped, two).silent).toBe(false);
  });

  it('counts the daily cap over the calendar day in the channel’s zone, 25 hours on fall-back day', () => {
    const daily = { ...open, loudPerDay: 1 };
    // 2030-10-27 in Rome runs from 2030-10-26T22:00Z to 2030-10-27T23:00Z.
    expect(at('2030-10-27T22:30:00Z', daily, ['2030-10-26T22:10:00Z'])).toMatchObject({
      silent: true,
      reasons: ['day-cap'],
      loudInDay: 1,
    });
    // 21:50Z on the 26th is still the 26th in Rome: a new day began at midnight local.
    expect(at('2030-10-27T22:30:00Z', daily, ['2030-10-26T21:50:00Z']).silent).toBe(false);
  });

  it('gives every reason that applies, the copy’s own request first', () => {
    const all = { quietHours: NIGHT, loudPerHour: 0, loudPerDay: 0 };
    expect(at('2030-01-15T23:00:00Z', all, [], true).reasons).toEqual([
      'requested',
      'quiet-hours',
      'hour-cap',
      'day-cap',
    ]);
    expect(at('2030-01-15T12:00:00Z', open, [], true)).toMatchObject({
      silent: true,
      reasons: ['requested'],
    });
  });

  it('refuses an unknown zone rather than guessing', () => {
    expect(() =>
      decideLoudness({
        atMs: 0,
        zone: 'Mars/Olympus',
        settings: open,
        requestedSilent: false,
        loudMs: [],
      }),
    ).toThrow(RangeError);
  });
});

describe('planLoudness', () => {
  it('lets the first posts of an hour ring and silences the rest, in time order', () => {
    const plan = planLoudness(
      [
        { id: 'c', atMs: ms('2030-01-15T10:40:00Z'), requestedSilent: false },
        { id: 'a', atMs: ms('2030-01-15T10:00:00Z'), requestedSilent: false },
        { id: 'b', atMs: ms('2030-01-15T10:20:00Z'), requestedSilent: true },
        { id: 'd', atMs: ms('2030-01-15T10:50:00Z'), requestedSilent: false },
      ],
      'Europe/Rome',
      { ...open, loudPerHour: 2 },
    );
    expect(plan.get('a')!.silent).toBe(false);
    expect(plan.get('b')!.reasons).toEqual(['requested']);
    // A silent follow-up does not use up the budget.
    expect(plan.get('c')!.silent).toBe(false);
    expect(plan.get('d')).toMatchObject({ silent: true, reasons: ['hour-cap'], loudInHour: 2 });
  });
});

// ---- properties

const ZONES = [
  'Europe/Rome',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'America/Santiago',
  'America/Havana',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
];
const RUNS = 300;
// Clock changes in 2030 in the zones above (UTC): near them days are 23 or 25 hours long.
const CHANGES = [
  '2030-03-10T07:00:00Z',
  '2030-03-31T01:00:00Z',
  '2030-04-06T15:00:00Z',
  '2030-04-07T03:00:00Z',
  '2030-09-07T04:00:00Z',
  '2030-10-05T15:30:00Z',
  '2030-10-27T01:00:00Z',
  '2030-11-03T05:00:00Z',
].map(ms);
const instantArb = fc.oneof(
  fc.integer({ min: ms('2029-06-01T00:00:00Z'), max: ms('2031-06-01T00:00:00Z') }),
  fc
    .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -36 * 60, max: 36 * 60 }))
    .map(([change, minutes]) => change + minutes * MINUTE_MS),
);
const clockArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 59))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const settingsArb: fc.Arbitrary<BudgetSettings> = fc.record({
  quietHours: fc.option(fc.record({ from: clockArb, to: clockArb }), { nil: null }),
  loudPerHour: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  loudPerDay: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
});

const local = (atMs: number, zone: string) => DateTime.fromMillis(atMs, { zone });
const oracleQuiet = (atMs: number, zone: string, quiet: { from: string; to: string }) => {
  const t = local(atMs, zone);
  const minute = t.hour * 60 + t.minute;
  const [fh, fm] = quiet.from.split(':').map(Number);
  const [th, tm] = quiet.to.split(':').map(Number);
  const from = fh! * 60 + fm!;
  const to = th! * 60 + tm!;
  if (from < to) return minute >= from && minute < to;
  if (from > to) return minute >= from || minute < to;
  return false;
};

describe('notification budget properties', () => {
  it('quiet hours follow the wall clock of the channel’s zone, on any day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instantArb,
        fc.record({ from: clockArb, to: clockArb }),
        (zone, atMs, quietHours) => {
          const d = decideLoudness({
            atMs,
            zone,
            settings: { ...open, quietHours },
            requestedSilent: false,
            loudMs: [],
          });
          expect(d.reasons.includes('quiet-hours')).toBe(oracleQuiet(atMs, zone, quietHours));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('counts the rolling hour and the zone’s calendar day like luxon does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instantArb,
        fc.array(fc.integer({ min: -30 * HOUR_MS, max: 2 * HOUR_MS }), { maxLength: 12 }),
        (zone, atMs, offsets) => {
          const loudMs = offsets.map((o) => atMs + o);
          const d = decideLoudness({ atMs, zone, settings: open, requestedSilent: false, loudMs });
          const before = loudMs.filter((t) => t <= atMs);
          const day = local(atMs, zone).toISODate();
          expect(d.loudInHour).toBe(before.filter((t) => t > atMs - HOUR_MS).length);
          expect(d.loudInDay).toBe(before.filter((t) => local(t, zone).toISODate() === day).length);
          expect(d.silent).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a plan never rings more than the caps allow, nor in quiet hours, nor when asked not to', () => {
    const postsArb = fc.array(
      fc.record({
        offsetMin: fc.integer({ min: 0, max: 48 * 60 }),
        requestedSilent: fc.boolean(),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instantArb,
        settingsArb,
        postsArb,
        (zone, startMs, settings, raw) => {
          const posts = raw.map((p, i) => ({
            id: `p${String(i).padStart(2, '0')}`,
            atMs: startMs + p.offsetMin * MINUTE_MS,
            requestedSilent: p.requestedSilent,
          }));
          const plan = planLoudness(posts, zone, settings);
          const loud = posts.filter((p) => !plan.get(p.id)!.silent);
          for (const p of posts.filter((p) => p.requestedSilent)) {
            expect(plan.get(p.id)!.silent).toBe(true);
          }
          for (const p of loud) {
            if (settings.quietHours)
              expect(oracleQuiet(p.atMs, zone, settings.quietHours)).toBe(false);
            const inHour = loud.filter((o) => o.atMs <= p.atMs && o.atMs > p.atMs - HOUR_MS);
            if (settings.loudPerHour !== null) {
              expect(inHour.length).toBeLessThanOrEqual(settings.loudPerHour);
            }
            const day = local(p.atMs, zone).toISODate();
            const inDay = loud.filter((o) => local(o.atMs, zone).toISODate() === day);
            if (settings.loudPerDay !== null) {
              expect(inDay.length).toBeLessThanOrEqual(settings.loudPerDay);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('more loud posts around it never turn a silent post loud', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instantArb,
        settingsArb,
        fc.array(fc.integer({ min: -26 * HOUR_MS, max: 0 }), { maxLength: 10 }),
        fc.integer({ min: -26 * HOUR_MS, max: 0 }),
        (zone, atMs, settings, offsets, extra) => {
          const base = offsets.map((o) => atMs + o);
          const ask = (loudMs: number[]) =>
            decideLoudness({ atMs, zone, settings, requestedSilent: false, loudMs });
          if (ask(base).silent) expect(ask([...base, atMs + extra]).silent).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
