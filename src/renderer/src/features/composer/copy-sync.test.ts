import { describe, expect, it } from 'vitest';
import type { TextConflict, Update } from '../../../../shared/domain';
import { conflictTargets, unsyncedSchedules } from './copy-sync';

const copy = (id: string, u: Partial<Update> = {}): Update => ({
  id,
  storyId: 's1',
  channelId: `c-${id}`,
  customized: false,
  schedule: { kind: 'none' },
  status: 'draft',
  syncState: 'synced',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  text: '',
  attachments: [],
  poll: null,
  ...u,
});
const conflict = (field: TextConflict['field']): TextConflict => ({
  field,
  base: 'Road closed',
  kept: { text: 'Road closed until 6', by: { id: 'u1', name: 'Anna' } },
  incoming: { text: 'Road closed until noon', by: { id: 'u2', name: 'Bruno' } },
  at: '2026-01-01T09:00:00.000Z',
});
const at = (iso: string) => ({ kind: 'at' as const, at: iso, mode: 'exact' as const });

describe('conflictTargets', () => {
  it('shows the shared text’s conflict once, however many copies follow it', () => {
    const copies = [
      copy('a', { conflict: conflict('text') }),
      copy('b', { conflict: conflict('text') }),
      copy('c'),
    ];
    expect(conflictTargets(copies).map((x) => [x.copy.id, x.shared])).toEqual([['a', true]]);
  });

  it('shows each customised copy’s own conflict next to the shared one', () => {
    const copies = [
      copy('a', { customized: true, conflict: conflict('text') }),
      copy('b', { customized: true, conflict: conflict('shared.text') }),
      copy('c', { customized: true, conflict: conflict('text') }),
      copy('d', { conflict: conflict('text') }),
    ];
    expect(conflictTargets(copies).map((x) => [x.copy.id, x.shared])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
  });

  it('ignores copies without a conflict and copies in the trash', () => {
    const copies = [
      copy('a', { conflict: null }),
      copy('b'),
      copy('c', { conflict: conflict('text'), deletedAt: '2026-01-02T00:00:00.000Z' }),
    ];
    expect(conflictTargets(copies)).toEqual([]);
  });
});

describe('unsyncedSchedules', () => {
  it('lists scheduled copies the hub does not have in their latest form', () => {
    const copies = [
      copy('local', { schedule: at('2026-06-12T08:00:00.000Z'), syncState: 'local' }),
      copy('pending', { schedule: at('2026-06-12T08:00:00.000Z'), syncState: 'pending' }),
      copy('failed', { schedule: at('2026-06-12T08:00:00.000Z'), syncState: 'failed' }),
      copy('synced', { schedule: at('2026-06-12T08:00:00.000Z'), syncState: 'synced' }),
      copy('changed', { schedule: at('2026-06-12T08:00:00.000Z'), syncState: 'changed' }),
      copy('draft', { syncState: 'pending' }),
      copy('trashed', {
        schedule: at('2026-06-12T08:00:00.000Z'),
        syncState: 'pending',
        deletedAt: '2026-06-11T08:00:00.000Z',
      }),
    ];
    expect(unsyncedSchedules(copies).map((c) => c.id)).toEqual(['local', 'pending', 'failed']);
  });
});
