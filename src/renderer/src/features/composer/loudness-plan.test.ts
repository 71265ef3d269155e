// The composer's forecast of a copy's sound, from the channel's timeline.
import { describe, expect, it } from 'vitest';
import type { UpdateSummary } from '../../../../shared/contract';
import type { ChannelWorkflow, Delivery } from '../../../../shared/domain';
import { copyLoudness } from './loudness-plan';

const workflow: ChannelWorkflow = {
  approvalRequired: false,
  quietHours: { from: '22:00', to: '07:00' },
  loudPerHour: 2,
  loudPerDay: null,
  tags: [],
};
const channel = { timeZone: 'Europe/Rome', workflow };

const summary = (id: string, at: string, over: Partial<UpdateSummary> = {}): UpdateSummary => ({
  id,
  storyId: `story-${id}`,
  channelId: 'channel-1',
  status: 'scheduled',
  at,
  mode: 'exact',
  title: id,
  excerpt: id,
  attachmentCount: 0,
  hasPoll: false,
  customized: false,
  syncState: 'synced',
  changedBy: null,
  hasConflict: false,
  delivery: null,
  updatedAt: at,
  deletedAt: null,
  ...over,
});
const delivery = (state: Delivery['state'], publishedAt: string | null): Delivery => ({
  state,
  at: publishedAt ?? '2030-01-15T09:00:00.000Z',
  publishedAt,
  url: null,
  reason: null,
  attempts: 1,
  editableUntil: null,
  deletableUntil: null,
  retainedUntil: null,
  corrections: 0,
  task: null,
});

describe('copyLoudness', () => {
  it('says nothing for an unscheduled copy', () => {
    expect(copyLoudness({ id: 'me', at: null, silent: false }, [], channel)).toBeNull();
  });

  it('turns silent in the channel’s quiet hours (22:00 in Rome is 21:00Z in January)', () => {
    const me = { id: 'me', at: '2030-01-15T21:30:00.000Z', silent: false };
    expect(copyLoudness(me, [], channel)).toMatchObject({ silent: true, reasons: ['quiet-hours'] });
    expect(copyLoudness({ ...me, at: '2030-01-15T20:30:00.000Z' }, [], channel)?.silent).toBe(
      false,
    );
  });

  it('counts the loud copies scheduled or sent before it in the hour', () => {
    const me = { id: 'me', at: '2030-01-15T10:40:00.000Z', silent: false };
    const timeline = [
      summary('sent', '2030-01-15T09:00:00.000Z', {
        status: 'draft',
        delivery: delivery('published', '2030-01-15T10:00:00.000Z'),
      }),
      summary('next', '2030-01-15T10:20:00.000Z'),
      // Its own row in the list, with the time it had before the editor moved it: not counted.
      summary('me', '2030-01-15T10:30:00.000Z'),
      // After it: it does not make this copy silent.
      summary('later', '2030-01-15T10:50:00.000Z'),
    ];
    expect(copyLoudness(me, timeline, channel)).toMatchObject({
      silent: true,
      reasons: ['hour-cap'],
      loudInHour: 2,
    });
    // A silent follow-up, a failed post and a trashed copy do not use the budget.
    const lighter = [
      timeline[0]!,
      summary('next', '2030-01-15T10:20:00.000Z', { silent: true }),
      summary('failed', '2030-01-15T10:25:00.000Z', { delivery: delivery('failed', null) }),
      summary('trashed', '2030-01-15T10:30:00.000Z', { deletedAt: '2030-01-15T09:00:00.000Z' }),
      timeline[2]!,
    ];
    expect(copyLoudness(me, lighter, channel)).toMatchObject({ silent: false, loudInHour: 1 });
  });

  it('reports the copy’s own request', () => {
    const me = { id: 'me', at: '2030-01-15T12:00:00.000Z', silent: true };
    expect(copyLoudness(me, [], channel)?.reasons).toEqual(['requested']);
  });
});
