// Reaction counts and poll results coming back from Telegram: the hub reads its bot's updates from
// a Bot API peer, finds the copies they belong to and keeps the counts on them; one process reads a
// bot at a time; an offset once confirmed is never read again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TelegramUpdates } from '../../src/hub/publish/telegram/telegram-updates';
import { DB_KINDS } from '../hub/test-db';
import type { TestHub } from '../hub/test-hub';
import { createTestHub, setUpHub } from '../hub/test-hub';
import { TestDesk } from '../hub/sync-fixtures';
import type { TelegramPeer } from '../support/telegram-peer';
import { PEER_CHANNEL, PEER_TOKEN, startTelegramPeer } from '../support/telegram-peer';
import { addPlatformChannel, hubDoc, pushCreate, scheduledDoc } from './publish-support';

describe.each(DB_KINDS)('engagement from Telegram (%s)', (kind) => {
  let t: TestHub;
  let peer: TelegramPeer;
  let desk: TestDesk;
  let channelId: string;

  beforeEach(async () => {
    peer = await startTelegramPeer();
    t = await createTestHub(kind, {
      publishing: { run: false, telegramApiRoot: peer.apiRoot },
    });
    const owner = await setUpHub(t);
    channelId = await addPlatformChannel(t, owner.token, 'telegram');
    const saved = await t.api('PUT', `/v1/channels/${channelId}/connector`, {
      token: owner.token,
      body: { config: { chatId: PEER_CHANNEL }, secret: PEER_TOKEN },
    });
    expect(saved.status, saved.raw.body).toBe(200);
    desk = new TestDesk(t, owner.token);
    await desk.register();
  });
  afterEach(async () => {
    await t.close();
    await peer.close();
  });

  async function publishedWithPoll() {
    const doc = scheduledDoc(t, channelId, 0, {
      text: 'Which line should run all night?',
      poll: {
        question: 'Night line',
        options: ['Metro A', 'Metro B', 'Tram 8'],
        multipleAnswers: false,
        quizCorrectOption: null,
      },
    });
    await pushCreate(desk, doc);
    await t.hub.scheduler.runOnce();
    expect((await hubDoc(desk, doc.id)).delivery?.state).toBe('published');
    const { rows } = await t.hub.ctx.db.query<{ ref: { messageIds: string[]; pollId: string } }>(
      `SELECT ref FROM publications WHERE update_id = $1`,
      [doc.id],
    );
    return { doc, ref: rows[0]!.ref };
  }

  it('keeps reaction counts and poll results on the copy they belong to', async () => {
    const { doc, ref } = await publishedWithPoll();
    expect(ref.messageIds).toHaveLength(2);
    expect(ref.pollId).toMatch(/^poll-/);
    peer.reactionCounts(PEER_CHANNEL, Number(ref.messageIds[0]), { '👍': 12, '🔥': 3 });
    peer.pollResults(ref.pollId, [
      { text: 'Metro A', votes: 40 },
      { text: 'Metro B', votes: 25 },
      { text: 'Tram 8', votes: 9 },
    ]);
    // Someone else's post in the same channel: not ours, not kept anywhere.
    peer.reactionCounts(PEER_CHANNEL, 999, { '😡': 50 });

    expect(await t.hub.telegramUpdates.pollOnce()).toBe(3);
    expect((await hubDoc(desk, doc.id)).engagement).toMatchObject({
      reactions: { '👍': 12, '🔥': 3 },
      pollVotes: [40, 25, 9],
      views: null,
      source: 'telegram',
    });
    // Confirmed: the same updates are not read twice.
    expect(await t.hub.telegramUpdates.pollOnce()).toBe(0);

    peer.reactionCounts(PEER_CHANNEL, Number(ref.messageIds[0]), { '👍': 13 });
    expect(await t.hub.telegramUpdates.pollOnce()).toBe(1);
    const engagement = (await hubDoc(desk, doc.id)).engagement;
    expect(engagement?.reactions).toEqual({ '👍': 13 });
    expect(engagement?.pollVotes).toEqual([40, 25, 9]);
  });

  it('lets one hub process read a bot at a time, and another take over when its lease lapses', async () => {
    const { doc, ref } = await publishedWithPoll();
    expect(await t.hub.telegramUpdates.pollOnce()).toBe(0); // takes the lease
    const other = new TelegramUpdates(t.hub.ctx, {
      owner: 'another-hub-process',
      apiRoot: peer.apiRoot,
      leaseMs: 60_000,
    });
    peer.reactionCounts(PEER_CHANNEL, Number(ref.messageIds[0]), { '👍': 5 });
    expect(await other.pollOnce()).toBe(0);
    expect(peer.callsOf('getUpdates')).toHaveLength(1);
    t.clock.advance(61_000);
    expect(await other.pollOnce()).toBe(1);
    expect((await hubDoc(desk, doc.id)).engagement?.reactions).toEqual({ '👍': 5 });
  });
});
