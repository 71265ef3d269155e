import { describe, expect, it } from 'vitest';
import type { UpdateSummary } from '../../../../shared/contract';
import { buildTimelineRows, queueIdsOf, rowIndexOf } from './timeline-rows';

const summary = (
  id: string,
  at: string | null,
  updatedAt = '2025-01-01T00:00:00.000Z',
): UpdateSummary => ({
  id,
  storyId: `story-${id}`,
  channelId: 'channel-1',
  status: at ? 'scheduled' : 'draft',
  at,
  mode: at ? 'exact' : null,
  title: id,
  excerpt: id,
  attachmentCount: 0,
  hasPoll: false,
  customized: false,
  syncState: 'local',
  updatedAt,
  deletedAt: null,
});

describe('buildTimelineRows', () => {
  it('groups scheduled copies by day in the channel zone, not in UTC', () => {
    // 22:30Z is 23:30 in Rome on the 10th; 23:30Z is already 00:30 on the 11th there.
    const rows = buildTimelineRows(
      [summary('b', '2025-03-10T23:30:00.000Z'), summary('a', '2025-03-10T22:30:00.000Z')],
      'Europe/Rome',
    );
    expect(
      rows.map((r) =>
        r.kind === 'update' ? r.summary.id : `${r.kind}:${'day' in r ? r.day : ''}`,
      ),
    ).toEqual(['day:2025-03-10', 'a', 'day:2025-03-11', 'b']);
    const utc = buildTimelineRows(
      [summary('b', '2025-03-10T23:30:00.000Z'), summary('a', '2025-03-10T22:30:00.000Z')],
      'UTC',
    );
    expect(utc.filter((r) => r.kind === 'day')).toHaveLength(1);
  });

  it('puts drafts last, newest first, under one heading with their count', () => {
    const rows = buildTimelineRows(
      [
        summary('old', null, '2025-01-01T00:00:00.000Z'),
        summary('s', '2025-06-01T08:00:00.000Z'),
        summary('new', null, '2025-02-01T00:00:00.000Z'),
      ],
      'UTC',
    );
    expect(rows.map((r) => r.kind)).toEqual(['day', 'update', 'drafts', 'update', 'update']);
    expect(rows[2]).toMatchObject({ kind: 'drafts', count: 2 });
    expect(rowIndexOf(rows, 'new')).toBe(3);
    expect(rowIndexOf(rows, 'old')).toBe(4);
    expect(rowIndexOf(rows, 'missing')).toBe(-1);
  });

  it('handles 10,000 copies quickly', () => {
    const base = Date.parse('2025-01-01T00:00:00Z');
    const items = Array.from({ length: 10_000 }, (_, i) =>
      summary(`u${i}`, new Date(base + i * 3_600_000).toISOString()),
    );
    const started = performance.now();
    const rows = buildTimelineRows(items, 'Europe/Rome');
    const elapsedMs = performance.now() - started;
    expect(rows.filter((r) => r.kind === 'update')).toHaveLength(10_000);
    // 10,000 hours span 417 or 418 local days.
    expect(rows.filter((r) => r.kind === 'day').length).toBeGreaterThanOrEqual(417);
    expect(elapsedMs).toBeLessThan(1000);
  });
});

describe('queueIdsOf', () => {
  it('lists the queued copies still ahead, in time order, leaving out exact, past, drafts and those going out', () => {
    const queued = (id: string, at: string): UpdateSummary => ({
      ...summary(id, at),
      mode: 'queue',
    });
    const rows = buildTimelineRows(
      [
        queued('late', '2025-03-12T09:00:00.000Z'),
        queued('early', '2025-03-11T09:00:00.000Z'),
        queued('past', '2025-03-10T08:00:00.000Z'),
        summary('exact', '2025-03-11T10:00:00.000Z'),
        summary('draft', null),
        {
          ...queued('sending', '2025-03-10T09:01:00.000Z'),
          delivery: { state: 'publishing' } as UpdateSummary['delivery'],
        },
      ],
      'Europe/Rome',
    );
    expect(queueIdsOf(rows, new Date('2025-03-10T09:00:00.000Z'))).toEqual(['early', 'late']);
  });
});
