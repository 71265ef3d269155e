// Review from the desks: a story submitted on one desk waits in another's review queue, the
// reviewer comments and mentions a colleague, and the colleague finds it in their inbox.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../src/shared/contract';
import type { SyncHub, TestDesk } from '../support/sync-harness';
import { deskFor, eventually, openDesk, startSyncHub } from '../support/sync-harness';

describe('review comments seen from desks', () => {
  let hub: SyncHub;
  const desks: TestDesk[] = [];

  beforeAll(async () => {
    hub = await startSyncHub('pglite');
  }, 60_000);
  afterAll(() => hub.close());
  afterEach(async () => {
    await Promise.all(desks.splice(0).map((d) => d.dispose()));
  });

  it('queues submitted stories, carries comments and fills the mentioned member’s inbox', async () => {
    const owner = await deskFor(hub, 'owner');
    const editor = await deskFor(hub, 'editor');
    desks.push(owner, editor);
    const channel = await owner.call('createChannel', {
      name: 'Roma Breaking',
      platform: 'telegram',
      timeZone: 'Europe/Rome',
      language: 'it',
    });
    const story = await owner.call('createStory', {
      channelIds: [channel.id],
      text: '**Metro C** opens on Sunday\nDetails follow.',
    });
    await owner.call('submitStory', { storyId: story.storyId, note: 'Please check the date' });

    const queue = await eventually(async () => {
      const items = await editor.call('listInReview', {});
      expect(items.map((i) => i.storyId)).toEqual([story.storyId]);
      return items;
    });
    expect(queue[0]).toMatchObject({
      title: 'Metro C opens on Sunday',
      state: 'in_review',
      note: 'Please check the date',
      channelIds: [channel.id],
    });

    const members = await editor.call('listMembers', {});
    const ownerId = hub.team.members.owner.userId;
    expect(members).toContainEqual({ id: ownerId, name: 'Olga Owner' });
    const added = await editor.call('addComment', {
      storyId: story.storyId,
      body: '  @Olga Owner the date is Saturday, not Sunday.  ',
      mentions: [ownerId],
    });
    expect(added.body).toBe('@Olga Owner the date is Saturday, not Sunday.');
    expect(await owner.call('listComments', { storyId: story.storyId })).toEqual([added]);

    const inbox = await owner.call('getInbox', {});
    expect(inbox.items).toEqual([
      { ...added, storyTitle: 'Metro C opens on Sunday', unread: true },
    ]);
    expect(inbox.unread).toBe(1);
    expect(await owner.call('markInboxRead', {})).toEqual({ unread: 0 });
    expect((await editor.call('getInbox', {})).items).toEqual([]);

    // The editor asks for changes: the story leaves the queue for the "sent back" list.
    await editor.call('reviewStory', {
      storyId: story.storyId,
      decision: 'request_changes',
      note: 'Fix the date',
    });
    await eventually(async () =>
      expect(await owner.call('listInReview', {})).toMatchObject([
        { storyId: story.storyId, state: 'changes_requested', note: 'Fix the date' },
      ]),
    );
  });

  it('says the discussion and the inbox need the hub when the desk has none', async () => {
    const alone = await openDesk();
    desks.push(alone);
    const channel = await alone.call('createChannel', {
      name: 'Offline',
      platform: 'telegram',
      timeZone: 'Europe/Rome',
      language: 'it',
    });
    const story = await alone.call('createStory', { channelIds: [channel.id], text: 'Draft' });
    for (const attempt of [
      alone.call('listComments', { storyId: story.storyId }),
      alone.call('addComment', { storyId: story.storyId, body: 'Hello', mentions: [] }),
    ]) {
      await expect(attempt).rejects.toMatchObject({
        code: 'hub_unreachable',
        message: 'The discussion lives on the hub, and this desk is not connected to one.',
      });
    }
    const refused = await alone.call('getInbox', {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeskError);
    expect(refused).toMatchObject({
      code: 'hub_unreachable',
      message: 'The inbox lives on the hub, and this desk is not connected to one.',
    });
    // The review queue is the desk's own: it answers offline.
    await alone.call('submitStory', { storyId: story.storyId });
    expect((await alone.call('listInReview', {})).map((i) => i.storyId)).toEqual([story.storyId]);
    expect(() =>
      alone.call('addComment', { storyId: story.storyId, body: '   ', mentions: [] }),
    ).toThrow(/a comment cannot be empty/);
  });
});
