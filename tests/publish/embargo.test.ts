// A story under embargo on two webhook channels and a feed: before its release every way out —
// scheduling it now, a publication forced due, the feed, the webhooks — gives nothing away; at the
// release, the hub sends every copy in the same round, within a second of each other.
import { parseJsonFeed } from 'feedsmith';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { create, edit, updateDoc } from '../hub/sync-fixtures';
import { DB_KINDS } from '../hub/test-db';
import type { PublishWorld } from './publish-support';
import {
  WEBHOOK_SECRET,
  addPlatformChannel,
  hubDoc,
  publishWorld,
  pushCreate,
} from './publish-support';
import type { WebhookReceiver } from './webhook-receiver';
import { startWebhookReceiver } from './webhook-receiver';

// Short enough that the hub's test clock stays inside the webhook receivers' replay window.
const RELEASE_IN_MS = 240_000;

describe.each(DB_KINDS)('embargo (%s)', (kind) => {
  let w: PublishWorld;
  let second: WebhookReceiver;
  let secondId: string;
  let feedId: string;

  beforeEach(async () => {
    w = await publishWorld(kind);
    second = await startWebhookReceiver(WEBHOOK_SECRET);
    secondId = await addPlatformChannel(w.t, w.owner.token, 'webhook', 'Second webhook');
    const saved = await w.t.api('PUT', `/v1/channels/${secondId}/connector`, {
      token: w.owner.token,
      body: { config: { url: second.url }, secret: WEBHOOK_SECRET },
    });
    expect(saved.status, saved.raw.body).toBe(200);
    second.events.splice(0);
    feedId = await addPlatformChannel(w.t, w.owner.token, 'feed', 'Embargo feed');
  });
  afterEach(async () => {
    await second.close();
    await w.close();
  });

  const feedText = async () => {
    const res = await w.t.api('GET', `/v1/feeds/${feedId}/feed.json`);
    expect(res.status).toBe(200);
    return res.raw.body;
  };

  it('lets nothing out before the release, then releases every channel at once', async () => {
    const release = new Date(w.t.clock.ms + RELEASE_IN_MS).toISOString();
    const text = 'EMBARGOED: the city budget doubles the cycling lanes.';
    const storyId = 'embargo-story-1';
    const copies = [w.channelId, secondId, feedId].map((channelId) =>
      updateDoc(channelId, { storyId, text, embargoUntil: release }),
    );
    for (const copy of copies) await pushCreate(w.desk, copy);

    // "Publish now" is refused, for the owner too, and leaves the copy a draft.
    const now = {
      ...copies[0]!,
      status: 'scheduled' as const,
      schedule: { kind: 'at' as const, at: w.t.clock.now().toISOString(), mode: 'exact' as const },
    };
    const refused = await w.desk.apply([edit(copies[0]!, now)]);
    expect(refused.outcome).toBe('refused');
    expect(refused.reason).toMatch(/under embargo until/);
    expect((await hubDoc(w.desk, copies[0]!.id)).status).toBe('draft');

    // Scheduled at the release: nothing goes out before it.
    const atRelease = copies.map((c) => ({
      ...c,
      status: 'scheduled' as const,
      schedule: { kind: 'at' as const, at: release, mode: 'exact' as const },
    }));
    const scheduled = await w.desk.apply(atRelease.map((c, i) => edit(copies[i]!, c)));
    expect(scheduled.outcome, scheduled.reason ?? '').toBe('applied');

    w.t.clock.advance(RELEASE_IN_MS - 1000);
    await w.t.hub.scheduler.runOnce();
    expect(w.receiver.events).toHaveLength(0);
    expect(second.events).toHaveLength(0);
    expect(await feedText()).not.toContain('cycling lanes');

    w.t.clock.advance(1000);
    await w.t.hub.scheduler.runOnce();

    expect(w.receiver.events.map((e) => e.event.type)).toEqual(['update.published']);
    expect(second.events.map((e) => e.event.type)).toEqual(['update.published']);
    const arrivals = [w.receiver.events[0]!.at, second.events[0]!.at];
    expect(Math.abs(arrivals[0]! - arrivals[1]!)).toBeLessThan(1000);
    const feed = parseJsonFeed(await feedText());
    expect(feed.items?.map((i) => i.id)).toEqual([copies[2]!.id]);
    const delivered = await Promise.all(copies.map((c) => hubDoc(w.desk, c.id)));
    expect(delivered.map((d) => d.delivery?.state)).toEqual([
      'published',
      'published',
      'published',
    ]);
    expect(new Set(delivered.map((d) => d.delivery?.publishedAt))).toEqual(new Set([release]));
  });

  it('never sends a post forced due before the release, and says why', async () => {
    const release = new Date(w.t.clock.ms + RELEASE_IN_MS).toISOString();
    const doc = updateDoc(w.channelId, {
      text: 'EMBARGOED: figures.',
      embargoUntil: release,
      status: 'scheduled',
      schedule: { kind: 'at', at: release, mode: 'exact' },
    });
    await pushCreate(w.desk, doc);
    // A row made due early by hand (or by a bug) meets the scheduler's own check.
    await w.t.hub.ctx.db.query('UPDATE publications SET due_at = $1, next_attempt_at = $1', [
      w.t.clock.now(),
    ]);
    await w.t.hub.scheduler.runOnce();
    expect(w.receiver.events).toHaveLength(0);
    const held = await hubDoc(w.desk, doc.id);
    expect(held.delivery).toMatchObject({ state: 'failed' });
    expect(held.delivery?.reason).toMatch(/under embargo until/);
  });

  it('refuses to create a copy already scheduled before its embargo', async () => {
    const doc = updateDoc(w.channelId, {
      embargoUntil: new Date(w.t.clock.ms + RELEASE_IN_MS).toISOString(),
      status: 'scheduled',
      schedule: { kind: 'at', at: new Date(w.t.clock.ms + 60_000).toISOString(), mode: 'exact' },
    });
    const result = await w.desk.apply([create(doc)]);
    expect(result.outcome).toBe('refused');
    expect(await w.desk.current(doc.id)).toBeUndefined();
  });
});
