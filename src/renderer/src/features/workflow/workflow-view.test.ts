import { describe, expect, it } from 'vitest';
import type { MemberView } from '../../../../shared/contract';
import type { Channel, Review, Update } from '../../../../shared/domain';
import {
  heldCopies,
  knownTags,
  mayApprove,
  routedChannels,
  storyEmbargo,
  storyReview,
} from './workflow-view';

const channel = (
  id: string,
  workflow: Partial<NonNullable<Channel['workflow']>> = {},
): Channel => ({
  id,
  name: `Channel ${id}`,
  platform: 'telegram',
  timeZone: 'Europe/Rome',
  language: 'it',
  description: '',
  slots: [],
  archived: false,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  workflow: {
    approvalRequired: false,
    quietHours: null,
    loudPerHour: null,
    loudPerDay: null,
    tags: [],
    ...workflow,
  },
});

const review = (state: Review['state'], at: string): Review => ({
  state,
  by: { id: 'u1', name: 'Ada' },
  at,
  note: null,
});

const copy = (id: string, channelId: string, extra: Partial<Update> = {}): Update => ({
  id,
  storyId: 's1',
  channelId,
  customized: false,
  schedule: { kind: 'none' },
  status: 'draft',
  syncState: 'synced',
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  deletedAt: null,
  text: 'Road closed',
  attachments: [],
  poll: null,
  ...extra,
});

const me = (
  role: MemberView['role'],
  channelRoles: MemberView['channelRoles'] = {},
): MemberView => ({
  user: { id: 'u1', name: 'Ada' },
  workspace: 'Gazette',
  role,
  channelRoles,
});

describe('workflow view', () => {
  it('lets editors approve, and contributors only where a channel role makes them editors', () => {
    expect(mayApprove(me('editor'), ['a', 'b'])).toBe(true);
    expect(mayApprove(me('contributor'), ['a'])).toBe(false);
    expect(mayApprove(me('contributor', { a: 'editor' }), ['a'])).toBe(true);
    expect(mayApprove(me('contributor', { a: 'editor' }), ['a', 'b'])).toBe(false);
    expect(mayApprove(null, ['a'])).toBe(false);
  });

  it('takes the latest review step of the unpublished copies as the story’s', () => {
    const copies = [
      copy('1', 'a', { review: review('in_review', '2030-01-01T10:00:00.000Z') }),
      copy('2', 'b', { review: review('approved', '2030-01-01T11:00:00.000Z') }),
      copy('3', 'c', {
        review: review('changes_requested', '2030-01-01T12:00:00.000Z'),
        deletedAt: '2030-01-01T12:30:00.000Z',
      }),
    ];
    expect(storyReview(copies)?.state).toBe('approved');
    expect(storyReview([copy('4', 'a')])).toBeNull();
  });

  it('lists copies waiting for approval and those approved after their slot', () => {
    const byId = new Map([
      ['a', channel('a', { approvalRequired: true })],
      ['b', channel('b')],
    ]);
    const scheduled = {
      status: 'scheduled' as const,
      schedule: { kind: 'at' as const, at: '2030-01-01T10:00:00.000Z', mode: 'exact' as const },
    };
    const waiting = copy('1', 'a', scheduled);
    const late = copy('2', 'a', {
      ...scheduled,
      review: review('approved', '2030-01-01T10:05:00.000Z'),
    });
    const inTime = copy('3', 'a', {
      ...scheduled,
      review: review('approved', '2030-01-01T09:00:00.000Z'),
    });
    const free = copy('4', 'b', scheduled);
    const held = heldCopies([waiting, late, inTime, free], byId);
    expect(held.map((h) => [h.copy.id, h.hold.kind])).toEqual([
      ['1', 'needs-approval'],
      ['2', 'missed-slot'],
    ]);
  });

  it('routes topics to their channels whatever the case, and knows every topic once', () => {
    const channels = [
      channel('a', { tags: ['Mobility', 'Centro'] }),
      channel('b', { tags: ['schools'] }),
      { ...channel('c', { tags: ['mobility'] }), archived: true },
    ];
    expect(routedChannels(['mobility'], channels).map((c) => c.id)).toEqual(['a']);
    expect(routedChannels(['SCHOOLS', 'centro'], channels).map((c) => c.id)).toEqual(['a', 'b']);
    expect(knownTags(channels)).toEqual(['Centro', 'Mobility', 'schools']);
  });

  it('shows one embargo only when every live copy shares it', () => {
    const until = '2030-01-02T08:00:00.000Z';
    expect(
      storyEmbargo([
        copy('1', 'a', { embargoUntil: until }),
        copy('2', 'b', { embargoUntil: until }),
      ]),
    ).toBe(until);
    expect(storyEmbargo([copy('1', 'a', { embargoUntil: until }), copy('2', 'b')])).toBeNull();
  });
});
