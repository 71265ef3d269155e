// A desk and the hub's publishing, end to end through the engine: a WhatsApp copy falls due on the
// hub, the desk is told, the editor confirms it, counts engagement, corrects and withdraws it — the
// copy stays synced throughout (the hub's own writes are nobody's edit).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryNotice } from '../../src/shared/contract';
import { DeskError } from '../../src/shared/contract';
import type { Update } from '../../src/shared/domain';
import type { SyncHub, TestDesk } from '../support/sync-harness';
import { deskFor, eventually, startSyncHub } from '../support/sync-harness';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('publishing seen from a desk', () => {
  let hub: SyncHub;
  let desk: TestDesk;
  const notices: DeliveryNotice[] = [];

  beforeAll(async () => {
    hub = await startSyncHub('pglite');
  }, 60_000);
  afterAll(() => hub.close());
  afterEach(async () => {
    await desk.dispose();
    notices.splice(0);
  });

  async function copyOf(storyId: string): Promise<Update> {
    return (await desk.call('getStory', { storyId })).copies[0]!;
  }

  it('falls due, is confirmed, counted, corrected and withdrawn, synced all along', async () => {
    // The owner: adding channels is for owners and admins.
    desk = await deskFor(hub, 'owner');
    desk.engine.on('delivery', (n) => notices.push(n));
    const channel = await desk.call('createChannel', {
      name: 'Roma WhatsApp',
      platform: 'whatsapp',
      timeZone: 'Europe/Rome',
      language: 'it',
    });
    const story = await desk.call('createStory', {
      channelIds: [channel.id],
      text: '*Metro C* opens on Sunday',
    });
    const copyId = story.copies[0]!.id;
    await eventually(async () => expect((await copyOf(story.storyId)).syncState).toBe('synced'));

    // Not yet on the hub's mind: retrying or confirming a copy nothing happened to is refused.
    await expect(desk.call('confirmPublication', { updateId: copyId })).rejects.toThrow(
      /nothing waiting to be confirmed/,
    );

    await desk.call('scheduleCopy', {
      updateId: copyId,
      schedule: { kind: 'at', at: new Date(Date.now() + 1500).toISOString() },
    });
    const due = await eventually(async () => {
      const copy = await copyOf(story.storyId);
      expect(copy.delivery).toMatchObject({ state: 'due', task: 'post' });
      return copy;
    }, 15_000);
    expect(due.syncState).toBe('synced');
    expect(notices.map((n) => n.delivery.state)).toContain('due');
    expect(notices.find((n) => n.delivery.state === 'due')).toMatchObject({
      updateId: copyId,
      title: 'Metro C opens on Sunday',
    });

    await desk.call('confirmPublication', {
      updateId: copyId,
      url: 'https://whatsapp.com/channel/roma/42',
    });
    const published = await eventually(async () => {
      const copy = await copyOf(story.storyId);
      expect(copy.delivery?.state).toBe('published');
      return copy;
    });
    const d = published.delivery!;
    expect(d.url).toBe('https://whatsapp.com/channel/roma/42');
    expect(Date.parse(d.retainedUntil!) - Date.parse(d.publishedAt!)).toBe(30 * DAY_MS);
    expect(Date.parse(d.editableUntil!) - Date.parse(d.publishedAt!)).toBe(30 * DAY_MS);
    expect(published.syncState).toBe('synced');

    await desk.call('recordEngagement', { updateId: copyId, views: 1400, reactions: { '👍': 52 } });
    await eventually(async () =>
      expect((await copyOf(story.storyId)).engagement).toMatchObject({
        views: 1400,
        reactions: { '👍': 52 },
        source: 'editor',
      }),
    );

    // A correction after publication: on WhatsApp a task for a person.
    await desk.call('editShared', {
      storyId: story.storyId,
      text: '*Metro C* opens on Sunday at 6:00',
    });
    await eventually(async () =>
      expect((await copyOf(story.storyId)).delivery).toMatchObject({
        state: 'published',
        task: 'edit',
      }),
    );
    await desk.call('confirmPublication', { updateId: copyId });
    await eventually(async () =>
      expect((await copyOf(story.storyId)).delivery).toMatchObject({ corrections: 1, task: null }),
    );

    const report = await desk.call('withdrawStory', { storyId: story.storyId });
    expect(report).toEqual({ withdrawing: [copyId], refused: [] });
    await eventually(async () =>
      expect((await copyOf(story.storyId)).delivery?.task).toBe('delete'),
    );
    await desk.call('confirmPublication', { updateId: copyId });
    const withdrawn = await eventually(async () => {
      const copy = await copyOf(story.storyId);
      expect(copy.delivery?.state).toBe('withdrawn');
      return copy;
    });
    expect(withdrawn.syncState).toBe('synced');
    await expect(desk.call('withdrawStory', { storyId: story.storyId })).rejects.toBeInstanceOf(
      DeskError,
    );
  }, 60_000);

  it('publishes now: due at once on the hub’s clock', async () => {
    desk = await deskFor(hub, 'owner');
    const channel = await desk.call('createChannel', {
      name: 'Breaking',
      platform: 'whatsapp',
      timeZone: 'Europe/Rome',
      language: 'it',
    });
    const story = await desk.call('createStory', { channelIds: [channel.id], text: 'Flood alert' });
    const before = Date.now();
    const copy = await desk.call('scheduleCopy', {
      updateId: story.copies[0]!.id,
      schedule: { kind: 'now' },
    });
    expect(copy.status).toBe('scheduled');
    expect(copy.schedule.kind === 'at' && Date.parse(copy.schedule.at)).toBeGreaterThanOrEqual(
      before - 1000,
    );
    await eventually(
      async () => expect((await copyOf(story.storyId)).delivery?.state).toBe('due'),
      10_000,
    );
  });

  it('says plainly that publishing needs the hub when the desk works without one', async () => {
    desk = await deskFor(hub, 'editor');
    await desk.call('disconnectHub', {});
    const channel = await desk.call('createChannel', {
      name: 'Offline',
      platform: 'whatsapp',
      timeZone: 'Europe/Rome',
      language: 'it',
    });
    await expect(desk.call('getConnector', { channelId: channel.id })).rejects.toMatchObject({
      code: 'hub_unreachable',
      message: expect.stringMatching(/not connected/),
    });
  });
});
