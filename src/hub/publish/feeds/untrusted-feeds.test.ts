// Every injection payload as a channel name, an update's text and an attachment's name, through
// the RSS and JSON feeds and the webhook body: the documents stay well-formed, their HTML holds
// only the tags the renderer writes, and the payload reaches the reader as text.
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import {
  INJECTION_PAYLOADS,
  WEB_POLICY,
  assertInertHtml,
  assertWellFormedXml,
  htmlText,
} from '../../../../tests/support/injection-corpus';
import type { InjectionPayload } from '../../../../tests/support/injection-corpus';
import { webhookUpdate } from '../webhook/webhook-event';
import { cleanText, renderJsonFeed, renderRss, type FeedInput } from '.';

const AT = new Date('2026-03-04T08:00:00Z');

function feedOf(p: InjectionPayload): FeedInput {
  return {
    channel: {
      id: 'ch-1',
      name: p.text,
      description: `About ${p.text}`,
      language: 'en',
      homeUrl: null,
      feedUrl: 'https://hub.example/feeds/ch-1.xml',
    },
    items: [
      {
        id: 'upd-1',
        text: `${p.text}\n\n**${p.text}** and [a link](https://e.example/a?b=1&c=2)`,
        publishedAt: AT,
        updatedAt: AT,
        attachments: [
          {
            hash: 'a'.repeat(64),
            name: p.text,
            mime: 'image/png',
            kind: 'image',
            size: 10,
            url: 'https://hub.example/blobs/a',
          },
          // An attachment whose address is not a web one is left out, never linked.
          {
            hash: 'b'.repeat(64),
            name: 'evil',
            mime: 'text/html',
            kind: 'document',
            size: 10,
            url: 'javascript:alert(1)',
          },
        ],
      },
    ],
  };
}

const cases = INJECTION_PAYLOADS.map((p) => [p.name, p] as const);

describe('untrusted text in feeds and webhooks', () => {
  it.each(cases)('%s: RSS is well-formed and carries the payload as text', (_, p) => {
    // (Readers trim a title's surrounding white space.)
    const xml = renderRss(feedOf(p));
    assertWellFormedXml(xml);
    const rss = parseRssFeed(xml);
    expect(rss.title).toBe(cleanText(p.text).trim());
    const html = rss.items?.[0]?.description ?? '';
    assertInertHtml(html, WEB_POLICY);
    expect(htmlText(html)).toContain(p.marker);
    expect(html).not.toContain('javascript:alert(1)"');
  });

  it.each(cases)('%s: JSON Feed parses and its HTML is inert', (_, p) => {
    const json = renderJsonFeed(feedOf(p));
    const feed = parseJsonFeed(JSON.parse(json));
    expect(feed.title).toBe(cleanText(p.text).trim());
    const [item] = feed.items ?? [];
    const html = item?.content_html ?? '';
    assertInertHtml(html, WEB_POLICY);
    expect(htmlText(html)).toContain(p.marker);
    expect(item?.content_text).toContain(p.marker);
    expect(item?.attachments?.map((a) => a.url)).toEqual(['https://hub.example/blobs/a']);
  });

  it.each(cases)('%s: the webhook body keeps the text and its HTML is inert', (_, p) => {
    const update = webhookUpdate({
      text: p.text,
      attachments: [],
      poll: null,
      silent: false,
      pin: false,
    });
    // The receiver gets JSON: the source text arrives exactly as typed, as a string.
    const body = JSON.parse(JSON.stringify({ update })) as { update: typeof update };
    expect(body.update.text).toBe(p.text);
    expect(body.update.plain).toContain(p.marker);
    assertInertHtml(body.update.html, WEB_POLICY);
    expect(htmlText(body.update.html)).toContain(p.marker);
  });

  it('the XML check refuses what would break a reader, so the tests above can fail', () => {
    expect(() => assertWellFormedXml('<a>ok &amp; <b x="1"/></a>')).not.toThrow();
    for (const bad of ['<a>&</a>', '<a><b></a>', '<a>\u0001</a>', '<a>x</a><b/>', '<a x="<">']) {
      expect(() => assertWellFormedXml(bad)).toThrow();
    }
  });
});
