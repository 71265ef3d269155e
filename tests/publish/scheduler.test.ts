// The hub's publishing worker against a real webhook receiver: on time, once, corrections and
// withdrawals, failures with reasons and retries, late schedules, and a worker that stopped
// mid-send reconciled by another without a duplicate.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/hub/publish/connector';
import { PublishScheduler } from '../../src/hub/publish/scheduler';
import { createConnectors } from '../../src/hub/publish/connectors';
import { DB_KINDS } from '../hub/test-db';
import type { PublishWorld } from './publish-support';
import { hubDoc, publishWorld, pushCreate, pushEdit, scheduledDoc } from './publish-support';

describe.each(DB_KINDS)('publishing scheduler (%s)', (kind) => {
  let w: PublishWorld;
  beforeEach(async () => {
    w = await publishWorld(kind);
  });
  afterEach(async () => {
    await w.close();
  });

  const runOnce = () => w.t.hub.scheduler.runOnce();
  const publications = async (updateId: string) => {
    const res = await w.t.api('GET', `/v1/updates/${updateId}/publications`, {
      token: w.owner.token,
    });
    expect(res.status, res.raw.body).toBe(200);
    return res.json as {
      publications: { action: string; state: string; reason: string | null; attempts: number }[];
    };
  };

  it('publishes a copy at its time, once, and the desk sees it published with a link', async () => {
    w.receiver.setMode({ kind: 'accept', id: 'post-1', url: 'https://news.example/p/1' });
    const doc = scheduledDoc(w.t, w.channelId, 60_000, { text: 'The **bridge** opens at noon.' });
    await pushCreate(w.desk, doc);

    expect(await runOnce()).toBe(0);
    expect(w.receiver.events).toHaveLength(0);

    w.t.clock.advance(60_000);
    expect(await runOnce()).toBe(1);
    expect(w.receiver.events).toHaveLength(1);
    const event = w.receiver.events[0]!.event as { type: string; update: { text: string } };
    expect(event.type).toBe('update.published');
    expect(event.update.text).toBe('The **bridge** opens at noon.');

    const pulled = await hubDoc(w.desk, doc.id);
    expect(pulled.delivery).toMatchObject({
      state: 'published',
      url: 'https://news.example/p/1',
      attempts: 1,
      reason: null,
      publishedAt: new Date(w.t.clock.ms).toISOString(),
    });
    // Nothing left to do: another round sends nothing.
    expect(await runOnce()).toBe(0);
    expect(w.receiver.requests).toBe(2); // the settings check's ping, then the post
  });

  it('sends a correction once after publication, then a withdrawal', async () => {
    const doc = scheduledDoc(w.t, w.channelId, 0);
    await pushCreate(w.desk, doc);
    await runOnce();
    const published = await hubDoc(w.desk, doc.id);

    const corrected = { ...published, text: 'Corrected: the bridge opens at 13:00.' };
    await pushEdit(w.desk, published, corrected);
    expect(await runOnce()).toBe(1);
    const edited = w.receiver.events.at(-1)!.event as { type: string; update: { text: string } };
    expect(edited.type).toBe('update.edited');
    expect(edited.update.text).toBe('Corrected: the bridge opens at 13:00.');
    expect((await hubDoc(w.desk, doc.id)).delivery).toMatchObject({
      state: 'published',
      corrections: 1,
    });

    // A change that the platform does not show (the schedule) is no correction.
    expect(await runOnce()).toBe(0);

    const withdrawn = await w.t.api('POST', `/v1/updates/${doc.id}/withdraw`, {
      token: w.owner.token,
      body: {},
    });
    expect(withdrawn.status, withdrawn.raw.body).toBe(200);
    expect(await runOnce()).toBe(1);
    expect((w.receiver.events.at(-1)!.event as { type: string }).type).toBe('update.withdrawn');
    expect((await hubDoc(w.desk, doc.id)).delivery?.state).toBe('withdrawn');
    const again = await w.t.api('POST', `/v1/updates/${doc.id}/withdraw`, {
      token: w.owner.token,
      body: {},
    });
    expect(again.status).toBe(409);
    expect(w.receiver.duplicates).toHaveLength(0);
  });

  it('moves a waiting post when the schedule moves, and cancels it when unscheduled', async () => {
    const doc = scheduledDoc(w.t, w.channelId, 60_000);
    await pushCreate(w.desk, doc);
    const later = {
      ...doc,
      schedule: {
        kind: 'at' as const,
        at: new Date(w.t.clock.ms + 120_000).toISOString(),
        mode: 'exact' as const,
      },
    };
    await pushEdit(w.desk, doc, later);
    w.t.clock.advance(60_000);
    expect(await runOnce()).toBe(0);
    const draft = { ...later, status: 'draft' as const, schedule: { kind: 'none' as const } };
    await pushEdit(w.desk, later, draft);
    w.t.clock.advance(60_000);
    expect(await runOnce()).toBe(0);
    expect(w.receiver.events).toHaveLength(0);
    expect((await publications(doc.id)).publications.map((p) => p.state)).toEqual(['cancelled']);
  });

  it('fails with the receiver’s reason, and a retry sends it', async () => {
    w.receiver.setMode({ kind: 'status', status: 410, body: 'endpoint retired' });
    const doc = scheduledDoc(w.t, w.channelId, 0);
    await pushCreate(w.desk, doc);
    await runOnce();
    const failed = await hubDoc(w.desk, doc.id);
    expect(failed.delivery?.state).toBe('failed');
    expect(failed.delivery?.reason).toMatch(/gone/i);

    w.receiver.setMode({ kind: 'accept' });
    const retried = await w.t.api('POST', `/v1/updates/${doc.id}/retry`, {
      token: w.owner.token,
      body: {},
    });
    expect(retried.status, retried.raw.body).toBe(200);
    expect(await runOnce()).toBe(1);
    expect((await hubDoc(w.desk, doc.id)).delivery?.state).toBe('published');
    expect(w.receiver.events).toHaveLength(1);
  });

  it('retries a server error with backoff and gives up after the last attempt, with the reason', async () => {
    // Backoff from 1 s (1, 2, 4, 8, 16 s ± 20 %), so the hub's clock stays within the receiver's
    // replay window, which runs on real time.
    const worker = new PublishScheduler(w.t.hub.ctx, {
      connectors: createConnectors(),
      retryBaseMs: 1_000,
    });
    w.receiver.setMode({ kind: 'status', status: 503, body: 'maintenance' });
    const doc = scheduledDoc(w.t, w.channelId, 0);
    await pushCreate(w.desk, doc);
    expect(await worker.runOnce()).toBe(1);
    let pulled = await hubDoc(w.desk, doc.id);
    expect(pulled.delivery).toMatchObject({ state: 'publishing', attempts: 1 });
    expect(pulled.delivery?.reason).toMatch(/503/);
    w.t.clock.advance(700);
    expect(await worker.runOnce()).toBe(0);
    for (let attempt = 2; attempt <= 6; attempt++) {
      w.t.clock.advance(20_000);
      expect(await worker.runOnce()).toBe(1);
    }
    pulled = await hubDoc(w.desk, doc.id);
    expect(pulled.delivery?.state).toBe('failed');
    expect(pulled.delivery?.reason).toMatch(/503 maintenance.*gave up after 6 attempts/);
    w.t.clock.advance(60_000);
    expect(await worker.runOnce()).toBe(0);
    expect(w.receiver.refusals).toHaveLength(0);
  });

  it('does not send a schedule that reached the hub long after its time', async () => {
    const doc = scheduledDoc(w.t, w.channelId, -2 * 60 * 60_000);
    await pushCreate(w.desk, doc);
    expect(await runOnce()).toBe(0);
    expect(w.receiver.events).toHaveLength(0);
    const pulled = await hubDoc(w.desk, doc.id);
    expect(pulled.delivery?.state).toBe('failed');
    expect(pulled.delivery?.reason).toMatch(/120 minutes after its time/);
  });

  it('fails a copy on a channel whose settings were never entered, saying so', async () => {
    const res = await w.t.api('POST', '/v1/channels', {
      token: w.owner.token,
      body: { name: 'Bare', platform: 'telegram', timeZone: 'Europe/Rome', language: 'it' },
    });
    const bare = (res.json as { id: string }).id;
    const doc = scheduledDoc(w.t, bare, 0);
    await pushCreate(w.desk, doc);
    await runOnce();
    expect((await hubDoc(w.desk, doc.id)).delivery?.reason).toMatch(/not set up for publishing/);
  });

  it('reconciles a send whose worker stopped before recording it: no duplicate, published', async () => {
    // Worker A sends, then never records (as if its process was killed right after the send).
    const real = createConnectors().webhook;
    let sent = 0;
    const stuck: Connector = {
      ...real,
      post: async (target, content, ctx) => {
        await real.post(target, content, ctx);
        sent++;
        return new Promise(() => undefined);
      },
    };
    const crashed = new PublishScheduler(w.t.hub.ctx, {
      connectors: { ...createConnectors(), webhook: stuck },
      leaseMs: 30_000,
    });
    const doc = scheduledDoc(w.t, w.channelId, 0);
    await pushCreate(w.desk, doc);
    void crashed.runOnce();
    await expect.poll(() => sent, { timeout: 5000 }).toBe(1);
    expect(w.receiver.events).toHaveLength(1);
    expect((await hubDoc(w.desk, doc.id)).delivery?.state).toBe('publishing');

    // Before the lease runs out nobody touches it; after, the hub's own worker reconciles it.
    expect(await runOnce()).toBe(0);
    w.t.clock.advance(31_000);
    await runOnce(); // the lease lapsed: back in the queue, same delivery key
    await runOnce();
    expect(w.receiver.events).toHaveLength(1);
    expect(w.receiver.duplicates).toEqual([
      w.receiver.events[0]!.headers['x-channeldesk-delivery'],
    ]);
    expect((await hubDoc(w.desk, doc.id)).delivery?.state).toBe('published');
  });

  it('two workers on one database share 300 due publications, each delivered exactly once', async () => {
    const docs = Array.from({ length: 300 }, () => scheduledDoc(w.t, w.channelId, 1_000));
    for (let i = 0; i < docs.length; i += 100) {
      await w.desk.push(
        docs
          .slice(i, i + 100)
          .map((d) =>
            w.desk.mutation([{ kind: 'update', id: d.id, before: null, after: d }], 'createUpdate'),
          ),
      );
    }
    w.t.clock.advance(1_000);
    const second = new PublishScheduler(w.t.hub.ctx, { connectors: createConnectors(), batch: 50 });
    const first = new PublishScheduler(w.t.hub.ctx, { connectors: createConnectors(), batch: 50 });
    const drain = async (s: PublishScheduler) => {
      let handled = 0;
      for (let n = await s.runOnce(); n > 0; n = await s.runOnce()) handled += n;
      return handled;
    };
    const [a, b] = await Promise.all([drain(first), drain(second)]);
    expect(a + b).toBe(300);
    expect(w.receiver.events).toHaveLength(300);
    expect(w.receiver.duplicates).toHaveLength(0);
    const ids = new Set(w.receiver.events.map((e) => (e.event as { updateId: string }).updateId));
    expect(ids.size).toBe(300);
  });
});
