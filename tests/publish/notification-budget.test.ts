// The notification budget and the holds, at send time, on a real hub publishing to a Telegram Bot
// API peer: quiet hours and loud caps turn posts silent (disable_notification), a copy asked to be
// silent is, a webhook receiver is told, and a held copy (embargo, approval) never leaves the hub.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelWorkflow } from '../../src/shared/schemas';
import type { UpdateDoc } from '../../src/shared/sync/protocol';
import { DB_KINDS } from '../hub/test-db';
import type { TestHub } from '../hub/test-hub';
import { createTestHub, setUpHub } from '../hub/test-hub';
import { TestDesk } from '../hub/sync-fixtures';
import type { PeerMessage, TelegramPeer } from '../support/telegram-peer';
import { PEER_CHANNEL, PEER_TOKEN, startTelegramPeer } from '../support/telegram-peer';
import { hubDoc, publishWorld, pushCreate, scheduledDoc } from './publish-support';

const MINUTE_MS = 60_000;
/** The next `hour:minute` on Rome's wall clock after the test clock's start (sessions stay valid). */
const nextRome = (from: number, hour: number, minute = 0): number => {
  const local = DateTime.fromMillis(from, { zone: 'Europe/Rome' }).plus({ days: 1 });
  return local.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
};
const QUIET: ChannelWorkflow = {
  approvalRequired: false,
  quietHours: { from: '22:00', to: '07:00' },
  loudPerHour: 2,
  loudPerDay: null,
  tags: [],
};

describe.each(DB_KINDS)('notification budget and holds at send time (%s)', (kind) => {
  let t: TestHub;
  let peer: TelegramPeer;
  let desk: TestDesk;
  let token: string;
  let channelId: string;
  let noon: number;
  let night: number;

  beforeEach(async () => {
    let clock: (() => Date) | null = null;
    peer = await startTelegramPeer({ now: () => clock?.() ?? new Date() });
    t = await createTestHub(kind, { publishing: { run: false, telegramApiRoot: peer.apiRoot } });
    clock = t.clock.now;
    token = (await setUpHub(t)).token;
    noon = nextRome(t.clock.ms, 12);
    night = nextRome(t.clock.ms, 23, 30);
    t.clock.ms = noon;
    channelId = await telegramChannel(QUIET);
    desk = new TestDesk(t, token);
    await desk.register();
  });
  afterEach(async () => {
    await t.close();
    await peer.close();
  });

  async function telegramChannel(workflow: ChannelWorkflow): Promise<string> {
    const res = await t.api('POST', '/v1/channels', {
      token,
      body: {
        name: 'Roma Mobilità',
        platform: 'telegram',
        timeZone: 'Europe/Rome',
        language: 'it',
        workflow,
      },
    });
    expect(res.status, res.raw.body).toBe(201);
    const id = (res.json as { id: string }).id;
    const saved = await t.api('PUT', `/v1/channels/${id}/connector`, {
      token,
      body: { config: { chatId: PEER_CHANNEL }, secret: PEER_TOKEN },
    });
    expect(saved.status, saved.raw.body).toBe(200);
    return id;
  }

  /** Schedules a copy for now, runs the scheduler once, and returns what the channel received. */
  async function publishNow(overrides: Partial<UpdateDoc> = {}): Promise<PeerMessage[]> {
    const before = peer.chat(PEER_CHANNEL).messages.size;
    const doc = scheduledDoc(t, channelId, 0, overrides);
    await pushCreate(desk, doc);
    expect(await t.hub.scheduler.runOnce()).toBe(1);
    expect((await hubDoc(desk, doc.id)).delivery?.state).toBe('published');
    return [...peer.chat(PEER_CHANNEL).messages.values()].slice(before);
  }
  const notified = (messages: PeerMessage[]) => messages.map((m) => !m.silent);
  const sentDisableNotification = () =>
    peer.callsOf('sendMessage').map((c) => c.params['disable_notification']);

  it('quiet hours turn a post silent', async () => {
    t.clock.ms = night;
    expect(notified(await publishNow({ text: 'Night bus N1 diverted.' }))).toEqual([false]);
    expect(sentDisableNotification()).toEqual([true]);
  });

  it('a post outside quiet hours rings', async () => {
    expect(notified(await publishNow({ text: 'Metro C opens at noon.' }))).toEqual([true]);
    expect(sentDisableNotification()).toEqual([false]);
  });

  it('the post beyond the hourly cap goes out silently, and rings again an hour later', async () => {
    expect(notified(await publishNow({ text: 'First.' }))).toEqual([true]);
    t.clock.advance(10 * MINUTE_MS);
    expect(notified(await publishNow({ text: 'Second.' }))).toEqual([true]);
    t.clock.advance(10 * MINUTE_MS);
    expect(notified(await publishNow({ text: 'Third: over the cap of 2.' }))).toEqual([false]);
    // A silent post did not use the budget; an hour after the first, one loud post is in the window.
    t.clock.advance(41 * MINUTE_MS);
    expect(notified(await publishNow({ text: 'Fourth.' }))).toEqual([true]);
    expect(sentDisableNotification()).toEqual([false, false, true, false]);
    const { rows } = await t.hub.ctx.db.query<{ silent: boolean }>(
      `SELECT silent FROM publications WHERE channel_id = $1 ORDER BY sent_at`,
      [channelId],
    );
    expect(rows.map((r) => r.silent)).toEqual([false, false, true, false]);
  });

  it('a copy marked silent goes out silently in the middle of the day', async () => {
    expect(notified(await publishNow({ text: 'Minor follow-up.', silent: true }))).toEqual([false]);
    expect(sentDisableNotification()).toEqual([true]);
  });

  it('a copy under embargo is never sent, and says why', async () => {
    const doc = scheduledDoc(t, channelId, 0, { text: 'Embargoed budget figures.' });
    await pushCreate(desk, doc);
    // The push rules refuse such a schedule now; a copy that reached the hub before them did not
    // meet them. The scheduler must hold it all the same.
    await t.hub.ctx.db.query(
      `UPDATE hub_updates SET doc = jsonb_set(doc, '{embargoUntil}', to_jsonb($2::text)) WHERE id = $1`,
      [doc.id, new Date(noon + 60 * MINUTE_MS).toISOString()],
    );
    expect(await t.hub.scheduler.runOnce()).toBe(1);
    expect(peer.calls.filter((c) => c.method.startsWith('send'))).toEqual([]);
    const delivery = (await hubDoc(desk, doc.id)).delivery;
    expect(delivery?.state).toBe('failed');
    const until = DateTime.fromMillis(noon, { zone: 'Europe/Rome' }).toFormat('yyyy-MM-dd');
    expect(delivery?.reason).toContain(`under embargo until ${until} 13:00 (Europe/Rome)`);
    const { rows } = await t.hub.ctx.db.query<{ state: string }>(
      `SELECT state FROM publications WHERE update_id = $1`,
      [doc.id],
    );
    expect(rows.map((r) => r.state)).toEqual(['failed']);
    // Nothing is left to try again behind the editor's back.
    t.clock.advance(120 * MINUTE_MS);
    expect(await t.hub.scheduler.runOnce()).toBe(0);
    expect(peer.calls.filter((c) => c.method.startsWith('send'))).toEqual([]);
  });

  it('a copy lacking the approval the channel now requires is never sent', async () => {
    const doc = scheduledDoc(t, channelId, 5 * MINUTE_MS, { text: 'Unreviewed copy.' });
    await pushCreate(desk, doc);
    const patched = await t.api('PATCH', `/v1/channels/${channelId}`, {
      token,
      body: { workflow: { ...QUIET, approvalRequired: true } },
    });
    expect(patched.status, patched.raw.body).toBe(200);
    t.clock.advance(5 * MINUTE_MS);
    expect(await t.hub.scheduler.runOnce()).toBe(1);
    expect(peer.calls.filter((c) => c.method.startsWith('send'))).toEqual([]);
    const delivery = (await hubDoc(desk, doc.id)).delivery;
    expect(delivery).toMatchObject({ state: 'failed' });
    expect(delivery?.reason).toContain('needs an editor’s approval');
  });
});

describe.each(DB_KINDS)('silent flag on webhooks (%s)', (kind) => {
  it('tells the receiver a post went out silently during quiet hours', async () => {
    const w = await publishWorld(kind);
    try {
      // The receiver refuses stale signatures, so the clock stays: the quiet hours move around it.
      const rome = DateTime.fromMillis(w.t.clock.ms, { zone: 'Europe/Rome' });
      const quietHours = {
        from: rome.minus({ hours: 1 }).toFormat('HH:mm'),
        to: rome.plus({ hours: 1 }).toFormat('HH:mm'),
      };
      const patched = await w.t.api('PATCH', `/v1/channels/${w.channelId}`, {
        token: w.owner.token,
        body: { workflow: { ...QUIET, quietHours } },
      });
      expect(patched.status, patched.raw.body).toBe(200);
      await pushCreate(w.desk, scheduledDoc(w.t, w.channelId, 0));
      expect(await w.t.hub.scheduler.runOnce()).toBe(1);
      const event = w.receiver.events[0]!.event as { type: string; update: { silent: boolean } };
      expect(event.type).toBe('update.published');
      expect(event.update.silent).toBe(true);
    } finally {
      await w.close();
    }
  });
});
