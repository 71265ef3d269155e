// Engagement coming back for a published copy: counts an editor types in, and statistics a
// webhook receiver posts back signed with the channel's secret — stored on the copy, pulled by
// desks; everything else refused with a reason and nothing changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/hub/publish/webhook';
import { DB_KINDS } from '../hub/test-db';
import { addMember } from '../hub/test-hub';
import type { PublishWorld } from './publish-support';
import { WEBHOOK_SECRET, hubDoc, publishWorld, pushCreate, scheduledDoc } from './publish-support';

describe.each(DB_KINDS)('engagement (%s)', (kind) => {
  let w: PublishWorld;
  beforeEach(async () => {
    w = await publishWorld(kind);
  });
  afterEach(() => w.close());

  /** A copy with a three-option poll, published through the webhook. */
  async function published() {
    const doc = scheduledDoc(w.t, w.channelId, 0, {
      poll: {
        question: 'Which line?',
        options: ['A', 'B', 'C'],
        multipleAnswers: false,
        quizCorrectOption: null,
      },
    });
    await pushCreate(w.desk, doc);
    await w.t.hub.scheduler.runOnce();
    expect((await hubDoc(w.desk, doc.id)).delivery?.state).toBe('published');
    return doc;
  }

  const byEditor = (updateId: string, body: unknown, token = w.owner.token) =>
    w.t.api('PUT', `/v1/updates/${updateId}/engagement`, { token, body });

  function signed(body: string, secret = WEBHOOK_SECRET, at = w.t.clock.ms) {
    const timestamp = Math.floor(at / 1000);
    return {
      payload: body,
      headers: {
        'content-type': 'application/json',
        'x-channeldesk-timestamp': String(timestamp),
        'x-channeldesk-signature': signWebhook(secret, timestamp, body),
      },
    };
  }

  it('keeps counts an editor typed in, merged over earlier ones, and desks pull them', async () => {
    const doc = await published();
    let res = await byEditor(doc.id, { views: 1200, reactions: { '👍': 31, '❤️': 4 } });
    expect(res.status, res.raw.body).toBe(200);
    res = await byEditor(doc.id, { pollVotes: [10, 5, 1] });
    expect(res.status, res.raw.body).toBe(200);
    expect((await hubDoc(w.desk, doc.id)).engagement).toEqual({
      views: 1200,
      forwards: null,
      reactions: { '👍': 31, '❤️': 4 },
      pollVotes: [10, 5, 1],
      source: 'editor',
      at: new Date(w.t.clock.ms).toISOString(),
    });
    const history = await w.t.api('GET', `/v1/sync/history/update/${doc.id}`, {
      token: w.owner.token,
    });
    const entries = (history.json as { entries: { mutation: string; by: { name: string } }[] })
      .entries;
    expect(entries[0]).toMatchObject({
      mutation: 'hub:engagement-editor',
      by: { name: 'Olga Owner' },
    });
  });

  it('refuses counts that do not fit, from someone who may not, or for a copy not published', async () => {
    const doc = await published();
    expect((await byEditor(doc.id, { pollVotes: [1, 2] })).status).toBe(400);
    expect((await byEditor(doc.id, { views: -3 })).status).toBe(400);
    expect((await byEditor(doc.id, { likes: 3 })).status).toBe(400);
    const contributor = await addMember(w.t, w.owner.token, 'contributor', 'c@example.org');
    expect((await byEditor(doc.id, { views: 3 }, contributor.token)).status).toBe(403);
    const draft = scheduledDoc(w.t, w.channelId, 3_600_000);
    await pushCreate(w.desk, draft);
    const res = await byEditor(draft.id, { views: 3 });
    expect(res.status).toBe(409);
    expect(res.raw.body).toContain('Only a published copy');
    expect((await hubDoc(w.desk, doc.id)).engagement ?? null).toBeNull();
  });

  it('takes statistics a webhook receiver signs with the channel secret, and nothing unsigned', async () => {
    const doc = await published();
    const url = `/v1/channels/${w.channelId}/engagement`;
    const body = JSON.stringify({ updateId: doc.id, views: 980, forwards: 12 });
    const ok = await w.t.api('POST', url, signed(body));
    expect(ok.status, ok.raw.body).toBe(200);
    expect((await hubDoc(w.desk, doc.id)).engagement).toMatchObject({
      views: 980,
      forwards: 12,
      source: 'webhook',
    });

    const forged = JSON.stringify({ updateId: doc.id, views: 1 });
    const refusals = [
      await w.t.api('POST', url, signed(forged, 'another-secret-entirely')),
      await w.t.api('POST', url, signed(forged, WEBHOOK_SECRET, w.t.clock.ms - 10 * 60_000)),
      await w.t.api('POST', url, { ...signed(forged), payload: forged.replace('1', '9') }),
      await w.t.api('POST', url, {
        payload: forged,
        headers: { 'content-type': 'application/json' },
      }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    for (const r of refusals)
      expect((r.json as { error: { message: string } }).error.message).toBeTruthy();
    expect((await w.t.api('POST', url, signed('{not json'))).status).toBe(400);
    expect(
      (await w.t.api('POST', url, signed(JSON.stringify({ updateId: doc.id, views: 'x' })))).status,
    ).toBe(400);
    expect(
      (await w.t.api('POST', '/v1/channels/nochannel0000000000000/engagement', signed(forged)))
        .status,
    ).toBe(404);
    expect((await hubDoc(w.desk, doc.id)).engagement?.views).toBe(980);
  });
});
