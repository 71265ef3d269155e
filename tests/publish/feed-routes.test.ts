// The hub's public feeds over HTTP: a feed channel's published copies as RSS 2.0 and JSON Feed
// 1.1 (read back with an independent parser), conditional GET, corrections and withdrawals, the
// media route, and nothing of drafts, other platforms or unknown channels.
import { createHash } from 'node:crypto';
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../hub/test-db';
import type { PublishWorld } from './publish-support';
import {
  addPlatformChannel,
  hubDoc,
  publishWorld,
  pushCreate,
  pushEdit,
  scheduledDoc,
} from './publish-support';

describe.each(DB_KINDS)('feeds served by the hub (%s)', (kind) => {
  let w: PublishWorld;
  let feedId: string;
  beforeEach(async () => {
    w = await publishWorld(kind);
    feedId = await addPlatformChannel(w.t, w.owner.token, 'feed', 'Roma news feed');
  });
  afterEach(() => w.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    w.t.api('GET', `/v1/feeds/${feedId}/${path}`, { headers });

  async function publish(text: string, extra = {}) {
    const doc = scheduledDoc(w.t, feedId, 0, { text, ...extra });
    await pushCreate(w.desk, doc);
    await w.t.hub.scheduler.runOnce();
    expect((await hubDoc(w.desk, doc.id)).delivery?.state).toBe('published');
    return doc;
  }

  it('serves published copies as RSS and JSON Feed, newest first, and not drafts', async () => {
    const first = await publish('**Metro A** closed between Termini and Flaminio');
    w.t.clock.advance(60_000);
    const second = await publish('Bus 64 <diverted> & late');
    await pushCreate(w.desk, scheduledDoc(w.t, feedId, 3_600_000, { text: 'Not yet' }));

    const rss = await get('rss.xml');
    expect(rss.status).toBe(200);
    expect(rss.headers['content-type']).toMatch(/^application\/rss\+xml/);
    const parsed = parseRssFeed(rss.raw.body);
    expect(parsed.title).toBe('Roma news feed');
    expect(parsed.items?.map((i) => i.guid?.value)).toEqual([second.id, first.id]);
    expect(parsed.items?.[0]?.title).toBe('Bus 64 <diverted> & late');

    const json = await get('feed.json');
    expect(json.status).toBe(200);
    const feed = parseJsonFeed(json.raw.body);
    expect(feed.items?.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(feed.items?.[1]?.content_html).toContain('<strong>Metro A</strong>');
    expect(JSON.stringify(feed)).not.toContain('Not yet');
  });

  it('answers 304 to a reader that has the current feed, and a new feed after a correction', async () => {
    const doc = await publish('Storm warning for the coast');
    const first = await get('rss.xml');
    const etag = String(first.headers.etag);
    const modified = String(first.headers['last-modified']);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await get('rss.xml', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('rss.xml', { 'if-modified-since': modified })).status).toBe(304);

    w.t.clock.advance(60_000);
    const published = await hubDoc(w.desk, doc.id);
    await pushEdit(w.desk, published, {
      ...published,
      text: 'Storm warning for the coast, lifted',
    });
    await w.t.hub.scheduler.runOnce();
    const after = await get('rss.xml', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(parseRssFeed(after.raw.body).items?.[0]?.title).toBe(
      'Storm warning for the coast, lifted',
    );
  });

  it('drops a withdrawn copy, and serves its media only while published', async () => {
    const bytes = Buffer.from('not really a png, but bytes');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const put = await w.t.api('PUT', `/v1/blobs/${hash}?offset=0&size=${bytes.length}`, {
      token: w.owner.token,
      payload: bytes.toString('latin1'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.status, put.raw.body).toBe(200);
    const attachment = {
      hash,
      name: 'map.png',
      mime: 'image/png',
      kind: 'image' as const,
      size: bytes.length,
      thumbHash: null,
    };
    const doc = await publish('Map of the closures', { attachments: [attachment] });
    const media = await get(`media/${hash}`);
    expect(media.status).toBe(200);
    expect(media.headers['content-type']).toBe('image/png');
    expect(media.raw.rawPayload.equals(bytes)).toBe(true);
    expect(
      parseJsonFeed((await get('feed.json')).raw.body).items?.[0]?.attachments?.[0]?.url,
    ).toMatch(new RegExp(`/v1/feeds/${feedId}/media/${hash}$`));

    const withdrawn = await w.t.api('POST', `/v1/updates/${doc.id}/withdraw`, {
      token: w.owner.token,
      body: {},
    });
    expect(withdrawn.status, withdrawn.raw.body).toBe(200);
    await w.t.hub.scheduler.runOnce();
    expect(parseRssFeed((await get('rss.xml')).raw.body).items ?? []).toHaveLength(0);
    expect((await get(`media/${hash}`)).status).toBe(404);
  });

  it('serves no feed for another platform’s channel or an unknown one', async () => {
    expect((await w.t.api('GET', `/v1/feeds/${w.channelId}/rss.xml`)).status).toBe(404);
    const unknown = await w.t.api('GET', '/v1/feeds/nochannel0000000000000/feed.json');
    expect(unknown.status).toBe(404);
    expect((unknown.json as { error: { code: string } }).error.code).toBe('not_found');
  });
});
