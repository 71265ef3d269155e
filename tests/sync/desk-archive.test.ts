// The permanent archive from a desk, end to end: a copy published to a webhook receiver and then
// corrected is found by the desk's archive search (with its author, stamped by the hub) and shows
// both versions as the hub sent them; offline, the search still works and the versions say why not.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Update } from '../../src/shared/domain';
import { WEBHOOK_SECRET } from '../publish/publish-support';
import type { WebhookReceiver } from '../publish/webhook-receiver';
import { startWebhookReceiver } from '../publish/webhook-receiver';
import type { SyncHub, TestDesk } from '../support/sync-harness';
import { deskFor, eventually, startSyncHub } from '../support/sync-harness';

describe('the archive seen from a desk', () => {
  let hub: SyncHub;
  let receiver: WebhookReceiver;
  let desk: TestDesk;

  beforeAll(async () => {
    hub = await startSyncHub('pglite');
    receiver = await startWebhookReceiver(WEBHOOK_SECRET);
  }, 60_000);
  afterAll(async () => {
    await hub.close();
    await receiver.close();
  });
  afterEach(async () => {
    await desk.dispose();
  });

  async function copyOf(storyId: string): Promise<Update> {
    return (await desk.call('getStory', { storyId })).copies[0]!;
  }

  it('finds a published, corrected copy and reads both versions through the hub', async () => {
    desk = await deskFor(hub, 'owner');
    const channel = await desk.call('createChannel', {
      name: 'Città webhook',
      platform: 'webhook',
      timeZone: 'Europe/Rome',
      language: 'it',
    });
    // The channel reaches the hub with the next sync; its settings can be saved once it has.
    await eventually(() =>
      desk.call('saveConnector', {
        channelId: channel.id,
        config: { url: receiver.url },
        secret: WEBHOOK_SECRET,
      }),
    );
    const story = await desk.call('createStory', {
      channelIds: [channel.id],
      text: 'Il ponte della Città apre a mezzogiorno',
    });
    const copyId = story.copies[0]!.id;
    await eventually(async () => expect((await copyOf(story.storyId)).syncState).toBe('synced'));
    // Not published yet: not in the archive.
    expect(await desk.call('searchArchive', { text: 'ponte' })).toEqual({ total: 0, hits: [] });

    await desk.call('scheduleCopy', {
      updateId: copyId,
      schedule: { kind: 'at', at: new Date(Date.now() + 1000).toISOString() },
    });
    await eventually(
      async () => expect((await copyOf(story.storyId)).delivery?.state).toBe('published'),
      15_000,
    );

    await desk.call('editShared', {
      storyId: story.storyId,
      text: 'Il ponte della Città apre alle 13:00',
    });
    await eventually(
      async () => expect((await copyOf(story.storyId)).delivery?.corrections).toBe(1),
      15_000,
    );

    // Found by a folded prefix, filtered by channel and by the member the hub named as author.
    const owner = { id: hub.team.members.owner.userId, name: 'Olga Owner' };
    const found = await desk.call('searchArchive', {
      text: 'citta pont',
      channelIds: [channel.id],
      authorId: owner.id,
    });
    expect(found.total).toBe(1);
    expect(found.hits[0]).toMatchObject({
      updateId: copyId,
      storyId: story.storyId,
      platform: 'webhook',
      author: owner,
      expired: false,
      corrections: 1,
      text: 'Il ponte della Città apre alle 13:00',
    });
    expect(await desk.call('searchArchive', { text: 'ponte', authorId: 'someone-else' })).toEqual({
      total: 0,
      hits: [],
    });

    const { versions } = await desk.call('getPublishedVersions', { updateId: copyId });
    expect(versions.map((v) => [v.kind, v.text, v.by?.id])).toEqual([
      ['post', 'Il ponte della Città apre a mezzogiorno', owner.id],
      ['edit', 'Il ponte della Città apre alle 13:00', owner.id],
    ]);
    expect(Date.parse(versions[0]!.sentAt)).toBeLessThan(Date.parse(versions[1]!.sentAt));

    // Offline: the archive still searches; the versions say where they are.
    await desk.call('disconnectHub', {});
    expect((await desk.call('searchArchive', { text: 'mezzogiorno ponte' })).total).toBe(0);
    expect((await desk.call('searchArchive', { text: '13:00' })).total).toBe(1);
    await expect(desk.call('getPublishedVersions', { updateId: copyId })).rejects.toThrow(
      'The hub keeps the published versions; connect to see them.',
    );
  }, 60_000);
});
