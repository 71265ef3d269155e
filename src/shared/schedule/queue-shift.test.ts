// Worked examples of the queue shifts around Rome's spring-forward night, New York's fall-back and
// a zone without daylight saving.
import { describe, expect, it } from 'vitest';
import {
  BREAKING_CLEARANCE_MS,
  clearForBreaking,
  isMovableQueued,
  queuedCopyAt,
  reorderQueue,
  shareNext,
} from './queue-shift';

// Saturday 09:00, Sunday 02:30 and Sunday 09:00 in Rome.
const ROME = {
  zone: 'Europe/Rome',
  slots: [
    { weekday: 6, time: '09:00' },
    { weekday: 7, time: '02:30' },
    { weekday: 7, time: '09:00' },
  ],
};

describe('clearForBreaking', () => {
  it('moves the copy in the hour after the post to the next free slot, across the spring-forward night', () => {
    // Sunday 29 March 2026: 02:30 does not exist in Rome, the slot falls at 03:30 CEST (01:30Z).
    const now = '2026-03-29T01:00:00.000Z';
    const shift = clearForBreaking(
      {
        ...ROME,
        queue: [
          { id: 'a', at: '2026-03-29T01:30:00.000Z' },
          { id: 'b', at: '2026-03-29T07:00:00.000Z' },
          { id: 'c', at: '2026-04-05T07:00:00.000Z' },
        ],
        // Saturday 4 April 09:00 CEST is an exact-time post; the breaking post holds "now".
        fixed: ['2026-04-04T07:00:00.000Z', now],
      },
      now,
    );
    // a takes b's Sunday 09:00; b skips Saturday's fixed post to Sunday 5 April 02:30 CEST
    // (00:30Z); c stays at its own later slot.
    expect(shift).toEqual({
      ok: true,
      moves: [
        { id: 'a', from: '2026-03-29T01:30:00.000Z', to: '2026-03-29T07:00:00.000Z' },
        { id: 'b', from: '2026-03-29T07:00:00.000Z', to: '2026-04-05T00:30:00.000Z' },
      ],
    });
  });

  it('treats a slot exactly at the end of the window as free, and leaves past copies alone', () => {
    const zone = 'Asia/Kolkata';
    const slots = [
      { weekday: 3, time: '10:00' },
      { weekday: 3, time: '11:00' },
    ];
    // Wednesday 4 March 2026, 09:30 IST (04:00Z).
    const now = '2026-03-04T04:00:00.000Z';
    const shift = clearForBreaking(
      {
        zone,
        slots,
        queue: [
          { id: 'past', at: '2026-03-04T03:30:00.000Z' },
          { id: 'ten', at: '2026-03-04T04:30:00.000Z' },
        ],
        fixed: [now],
      },
      now,
      BREAKING_CLEARANCE_MS,
    );
    expect(shift).toEqual({
      ok: true,
      moves: [{ id: 'ten', from: '2026-03-04T04:30:00.000Z', to: '2026-03-04T05:30:00.000Z' }],
    });
  });

  it('reports the copy that finds no free slot', () => {
    const now = '2026-03-04T04:00:00.000Z';
    expect(
      clearForBreaking(
        { zone: 'UTC', slots: [], queue: [{ id: 'x', at: '2026-03-04T04:10:00.000Z' }], fixed: [] },
        now,
      ),
    ).toEqual({ ok: false, stuckId: 'x' });
    expect(() =>
      clearForBreaking({ zone: 'UTC', slots: [], queue: [], fixed: [] }, now, -1),
    ).toThrow(RangeError);
  });
});

describe('shareNext', () => {
  it('takes the first slot no exact post holds and pushes the queue along, on New York’s fall-back day', () => {
    // Sunday 1 November 2026: 01:30 happens twice in New York; the slot is the first (EDT, 05:30Z).
    const state = {
      zone: 'America/New_York',
      slots: [
        { weekday: 7, time: '01:30' },
        { weekday: 7, time: '08:00' },
        { weekday: 1, time: '08:00' },
      ],
      queue: [
        { id: 'a', at: '2026-11-01T05:30:00.000Z' },
        { id: 'b', at: '2026-11-02T13:00:00.000Z' },
      ],
      // Sunday 08:00 EST (13:00Z) is an exact-time post.
      fixed: ['2026-11-01T13:00:00.000Z'],
    };
    expect(shareNext(state, 'draft', '2026-11-01T04:00:00.000Z')).toEqual({
      ok: true,
      at: '2026-11-01T05:30:00.000Z',
      moves: [
        { id: 'a', from: '2026-11-01T05:30:00.000Z', to: '2026-11-02T13:00:00.000Z' },
        { id: 'b', from: '2026-11-02T13:00:00.000Z', to: '2026-11-08T06:30:00.000Z' },
      ],
    });
    // The last in the queue shared next: the one ahead moves into the slot it left.
    expect(shareNext(state, 'b', '2026-11-01T04:00:00.000Z')).toEqual({
      ok: true,
      at: '2026-11-01T05:30:00.000Z',
      moves: [{ id: 'a', from: '2026-11-01T05:30:00.000Z', to: '2026-11-02T13:00:00.000Z' }],
    });
  });
});

describe('reorderQueue', () => {
  const queue = [
    { id: 'a', at: '2026-03-28T08:00:00.000Z' },
    { id: 'b', at: '2026-03-29T00:30:00.000Z' },
    { id: 'c', at: '2026-03-29T07:00:00.000Z' },
  ];
  it('hands the same instants out in the new order', () => {
    expect(reorderQueue(queue, 'c', 0)).toEqual([
      { id: 'c', from: '2026-03-29T07:00:00.000Z', to: '2026-03-28T08:00:00.000Z' },
      { id: 'a', from: '2026-03-28T08:00:00.000Z', to: '2026-03-29T00:30:00.000Z' },
      { id: 'b', from: '2026-03-29T00:30:00.000Z', to: '2026-03-29T07:00:00.000Z' },
    ]);
    expect(reorderQueue(queue, 'b', 1)).toEqual([]);
  });
  it('refuses an unknown copy or a position outside the queue', () => {
    expect(() => reorderQueue(queue, 'z', 0)).toThrow(RangeError);
    expect(() => reorderQueue(queue, 'a', 3)).toThrow(RangeError);
    expect(() => reorderQueue(queue, 'a', -1)).toThrow(RangeError);
  });
});

describe('queuedCopyAt and isMovableQueued', () => {
  it('finds the queued copy on an instant whatever its offset notation', () => {
    const queue = [{ id: 'a', at: '2026-03-28T08:00:00.000Z' }];
    expect(queuedCopyAt(queue, '2026-03-28T09:00:00+01:00')).toEqual(queue[0]);
    expect(queuedCopyAt(queue, '2026-03-28T08:01:00Z')).toBeNull();
  });
  it('keeps past, exact, trashed and published copies out of the queue', () => {
    const now = new Date('2026-03-28T08:00:00.000Z');
    const queued = {
      at: '2026-03-28T09:00:00.000Z',
      mode: 'queue' as const,
      deliveryState: null,
      deletedAt: null,
    };
    expect(isMovableQueued(queued, now)).toBe(true);
    expect(isMovableQueued({ ...queued, at: '2026-03-28T07:00:00.000Z' }, now)).toBe(false);
    expect(isMovableQueued({ ...queued, mode: 'exact' }, now)).toBe(false);
    expect(isMovableQueued({ ...queued, deletedAt: '2026-03-27T00:00:00.000Z' }, now)).toBe(false);
    expect(isMovableQueued({ ...queued, deliveryState: 'publishing' }, now)).toBe(false);
  });
});
