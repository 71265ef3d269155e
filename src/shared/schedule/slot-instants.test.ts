import { describe, expect, it } from 'vitest';
import type { Slot } from '../domain';
import { nextFreeSlot, normalizeSlots, slotInstants } from './slot-instants';

const daily = (time: string): Slot[] => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, time }));

describe('normalizeSlots', () => {
  it('sorts by weekday then time and drops duplicates', () => {
    const slots = [
      { weekday: 3, time: '09:00' },
      { weekday: 1, time: '18:30' },
      { weekday: 1, time: '07:05' },
      { weekday: 3, time: '09:00' },
    ];
    expect(normalizeSlots(slots)).toEqual([
      { weekday: 1, time: '07:05' },
      { weekday: 1, time: '18:30' },
      { weekday: 3, time: '09:00' },
    ]);
  });

  it.each([
    { weekday: 0, time: '09:00' },
    { weekday: 8, time: '09:00' },
    { weekday: 1.5, time: '09:00' },
    { weekday: 1, time: '9:00' },
    { weekday: 1, time: '24:00' },
    { weekday: 1, time: '09:60' },
  ])('rejects %j', (slot) => {
    expect(() => normalizeSlots([slot])).toThrow(RangeError);
  });
});

describe('slotInstants', () => {
  it('keeps a Sunday 02:30 slot once a week in Rome, moved to 03:30 on the spring-forward day', () => {
    const found = slotInstants(
      [{ weekday: 7, time: '02:30' }],
      'Europe/Rome',
      '2026-03-20T00:00:00.000Z',
      '2026-04-10T00:00:00.000Z',
    );
    expect(found).toEqual([
      '2026-03-22T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-04-05T00:30:00.000Z',
    ]);
  });

  it('gives one instant when a moved slot meets another slot', () => {
    const slots = [
      { weekday: 7, time: '03:30' },
      { weekday: 7, time: '02:30' },
      { weekday: 7, time: '03:15' },
    ];
    const found = slotInstants(
      slots,
      'Europe/Rome',
      '2026-03-29T00:00:00.000Z',
      '2026-03-30T00:00:00.000Z',
    );
    expect(found).toEqual(['2026-03-29T01:15:00.000Z', '2026-03-29T01:30:00.000Z']);
  });

  it('never doubles a daily 02:30 slot on the fall-back day', () => {
    const found = slotInstants(
      daily('02:30'),
      'Europe/Rome',
      '2026-10-24T00:00:00.000Z',
      '2026-10-27T00:00:00.000Z',
    );
    expect(found).toEqual([
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('keeps a 09:00 slot at 09:00 local across both changes, so its UTC time moves', () => {
    const spring = slotInstants(
      daily('09:00'),
      'Europe/Rome',
      '2026-03-28T00:00:00.000Z',
      '2026-03-30T00:00:00.000Z',
    );
    expect(spring).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z']);
    const autumn = slotInstants(
      daily('09:00'),
      'America/New_York',
      '2026-10-31T00:00:00.000Z',
      '2026-11-03T00:00:00.000Z',
    );
    expect(autumn).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('treats the range as half-open', () => {
    const slots = daily('09:00');
    expect(
      slotInstants(slots, 'Asia/Kolkata', '2026-03-29T03:30:00.000Z', '2026-03-30T03:30:00.000Z'),
    ).toEqual(['2026-03-29T03:30:00.000Z']);
    expect(
      slotInstants(slots, 'Asia/Kolkata', '2026-03-30T03:30:00.000Z', '2026-03-29T03:30:00.000Z'),
    ).toEqual([]);
  });

  it('accepts ranges given with offsets', () => {
    expect(
      slotInstants(
        daily('09:00'),
        'Asia/Kolkata',
        '2026-03-29T09:00+05:30',
        '2026-03-29T09:01+05:30',
      ),
    ).toEqual(['2026-03-29T03:30:00.000Z']);
  });

  it('moves a Lord Howe 02:15 slot forward by 30 minutes on 4 Oct 2026', () => {
    const found = slotInstants(
      [{ weekday: 7, time: '02:15' }],
      'Australia/Lord_Howe',
      '2026-09-26T00:00:00.000Z',
      '2026-10-12T00:00:00.000Z',
    );
    expect(found).toEqual([
      '2026-09-26T15:45:00.000Z',
      '2026-10-03T15:45:00.000Z',
      '2026-10-10T15:15:00.000Z',
    ]);
  });

  it('folds the Friday slot of the Apia skip onto Saturday', () => {
    const slots = [4, 5, 6].map((weekday) => ({ weekday, time: '12:00' }));
    const found = slotInstants(
      slots,
      'Pacific/Apia',
      '2011-12-28T00:00:00.000Z',
      '2012-01-02T00:00:00.000Z',
    );
    expect(found).toEqual(['2011-12-29T22:00:00.000Z', '2011-12-30T22:00:00.000Z']);
  });

  it('keeps a Friday slot that the Apia skip pushed past the start of the range', () => {
    // The range opens at 02:00 on Saturday 31 Dec local time; Friday 12:00 became Saturday 12:00.
    const found = slotInstants(
      [{ weekday: 5, time: '12:00' }],
      'Pacific/Apia',
      '2011-12-30T12:00:00.000Z',
      '2012-01-02T00:00:00.000Z',
    );
    expect(found).toEqual(['2011-12-30T22:00:00.000Z']);
  });

  it('has nothing to give without slots and refuses an unknown zone', () => {
    expect(slotInstants([], 'Europe/Rome', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toEqual(
      [],
    );
    expect(() =>
      slotInstants(daily('09:00'), 'Nowhere/Land', '2026-01-01T00:00Z', '2026-01-02T00:00Z'),
    ).toThrow(RangeError);
  });
});

describe('nextFreeSlot', () => {
  const slots = [
    { weekday: 1, time: '09:00' },
    { weekday: 3, time: '09:00' },
  ];
  const zone = 'Europe/Rome';
  // Wednesday 25 Mar 2026, 10:00 in Rome.
  const after = '2026-03-25T09:00:00.000Z';

  it('takes the next slot strictly after the given instant', () => {
    expect(nextFreeSlot(slots, zone, after, new Set())).toBe('2026-03-30T07:00:00.000Z');
    expect(nextFreeSlot(slots, zone, '2026-03-30T07:00:00.000Z', new Set())).toBe(
      '2026-04-01T07:00:00.000Z',
    );
    expect(nextFreeSlot(slots, zone, '2026-03-30T06:59:59.999Z', new Set())).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  it('skips taken slots', () => {
    const taken = new Set(['2026-03-30T07:00:00.000Z', '2026-04-01T07:00:00.000Z']);
    expect(nextFreeSlot(slots, zone, after, taken)).toBe('2026-04-06T07:00:00.000Z');
  });

  it('gives up at the horizon and without slots', () => {
    const taken = new Set(['2026-03-30T07:00:00.000Z', '2026-04-01T07:00:00.000Z']);
    expect(nextFreeSlot(slots, zone, after, taken, 10)).toBeNull();
    expect(nextFreeSlot(slots, zone, after, taken, 12)).toBe('2026-04-06T07:00:00.000Z');
    expect(nextFreeSlot([], zone, after, new Set())).toBeNull();
  });

  it('finds a slot a year away past a full queue', () => {
    const queue = new Set(slotInstants(slots, zone, after, '2027-03-01T00:00:00.000Z'));
    expect(queue.size).toBeGreaterThan(90);
    expect(nextFreeSlot(slots, zone, after, queue)).toBe('2027-03-01T08:00:00.000Z');
  });
});
