// RSS 2.0 and JSON Feed 1.1 of a channel, read back with feedsmith's parsers: fields survive the
// round trip, hostile text stays inert text in well-formed documents, and conditional GET
// answers 304 exactly when RFC 9110 says so.
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import {
  feedValidators,
  isNotModified,
  parseHttpDate,
  renderJsonFeed,
  renderRss,
  type FeedInput,
  type FeedItem,
} from '../../src/hub/publish/feeds';

const CHANNEL: FeedInput['channel'] = {
  id: 'ch-traffic',
  name: 'Roma Mobilità',
  description: 'Traffic, transport and roadworks in Rome',
  language: 'it',
  homeUrl: 'https://www.comune.example/mobilita',
  feedUrl: 'https://hub.example/feeds/ch-traffic.xml?format=rss&v=2',
};

function item(
  id: string,
  text: string,
  publishedAt: string,
  more: Partial<FeedItem> = {},
): FeedItem {
  return {
    id,
    text,
    publishedAt: new Date(publishedAt),
    updatedAt: new Date(publishedAt),
    attachments: [],
    ...more,
  };
}

const PHOTO = {
  hash: 'a'.repeat(64),
  name: 'via-del-corso.jpg',
  mime: 'image/jpeg',
  kind: 'image' as const,
  size: 48_213,
  url: 'https://hub.example/blobs/aaaa?sig=1&exp=2',
};
const PDF = {
  hash: 'b'.repeat(64),
  name: 'ordinanza.pdf',
  mime: 'application/pdf',
  kind: 'document' as const,
  size: 1_200_000,
  url: 'https://hub.example/blobs/bbbb',
};

const FEED: FeedInput = {
  channel: CHANNEL,
  items: [
    item('upd-3', '**Metro A** closed between _Termini_ and Flaminio', '2024-03-03T07:15:00Z', {
      updatedAt: new Date('2024-03-03T08:00:00.750Z'),
      attachments: [PHOTO, PDF],
    }),
    item('upd-2', 'Bus 64 diverted\n\n- via Nazionale\n- via Cavour', '2024-03-02T18:00:00Z'),
    item('upd-1', '', '2024-03-01T09:30:00Z', { attachments: [PDF] }),
  ],
};

const HOSTILE =
  'Alert <script>alert(1)</script> ]]> and again ]]> & &amp; \u0001\u0008\u000b\u001f 😀👨‍👩‍👧 \uD800' +
  '\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)> [ok](https://e.example/?a=1&b="2")';

// Characters XML 1.0 allows (§2.2): tab, LF, CR and everything from U+0020 but the surrogates
// (checked pairwise by the u flag) and U+FFFE/U+FFFF.
const XML_CHARS_RE = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const ENTITY_RE = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

/** Throws unless `text` is a well-formed XML document (what the tests need of the grammar). */
function assertWellFormedXml(text: string): void {
  if (!XML_CHARS_RE.test(text)) throw new Error('a character XML 1.0 forbids');
  const body = text.replace(/^<\?xml[^?]*\?>/, '');
  if (body.includes('<![CDATA[') || body.includes('<!')) throw new Error('unexpected markup');
  const open: string[] = [];
  let rootClosed = false;
  for (const token of body.split(/(<[^>]*>)/)) {
    if (token.startsWith('<')) {
      const tag = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/.exec(token);
      if (!tag) throw new Error(`malformed tag ${token}`);
      if (rootClosed) throw new Error('content after the root element');
      const [, closing, name, attrs, selfClosing] = tag;
      for (const m of (attrs ?? '').matchAll(/&[^;]*;?/g)) {
        if (!ENTITY_RE.test(m[0])) throw new Error(`bad reference in ${token}`);
      }
      if (closing) {
        if (open.pop() !== name) throw new Error(`unbalanced </${name}>`);
        if (open.length === 0) rootClosed = true;
      } else if (!selfClosing) open.push(name ?? '');
    } else {
      if (token.includes('>') && token.includes(']]>')) throw new Error(']]> in text');
      if (token.includes('<')) throw new Error('< in text');
      for (let i = token.indexOf('&'); i >= 0; i = token.indexOf('&', i + 1)) {
        if (!ENTITY_RE.test(token.slice(i))) throw new Error(`bad reference at ${i}`);
      }
      if (open.length === 0 && token.trim() !== '') throw new Error('text outside the root');
    }
  }
  if (open.length > 0 || !rootClosed) throw new Error(`unclosed <${open.join('>, <')}>`);
}

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 's', 'code', 'pre', 'a', 'ul', 'ol']);
['li', 'blockquote', 'img'].forEach((t) => ALLOWED_TAGS.add(t));
const ALLOWED_ATTRS = new Set(['href', 'src', 'alt', 'start']);

/** The HTML holds only the tags and attributes the renderer writes, links to http(s) only. */
function assertSafeHtml(html: string): void {
  for (const m of html.matchAll(/<\/?([^\s>/]+)([^>]*)>/g)) {
    expect(ALLOWED_TAGS.has(m[1] ?? '')).toBe(true);
    for (const attr of (m[2] ?? '').matchAll(/([^\s=]+)="([^"]*)"/g)) {
      expect(ALLOWED_ATTRS.has(attr[1] ?? '')).toBe(true);
      if (attr[1] === 'href' || attr[1] === 'src') expect(attr[2]).toMatch(/^(https?:|mailto:)/);
    }
  }
  expect(html).not.toMatch(/<script/i);
}

describe('the well-formedness check used below', () => {
  it('rejects what would break an XML parser', () => {
    expect(() => assertWellFormedXml('<a>ok &amp; &#x1F600;<b x="1"/></a>')).not.toThrow();
    for (const bad of ['<a>x]]>y</a>', '<a>\u0001</a>', '<a>&</a>', '<a><b></a>', '<a>x</a><b/>']) {
      expect(() => assertWellFormedXml(bad), bad).toThrow();
    }
  });
});

describe('renderRss', () => {
  it('round-trips channel and item fields through an RSS parser', () => {
    const xml = renderRss(FEED);
    assertWellFormedXml(xml);
    const rss = parseRssFeed(xml);
    expect(rss).toMatchObject({
      title: 'Roma Mobilità',
      link: CHANNEL.homeUrl,
      description: CHANNEL.description,
      language: 'it',
    });
    expect(new Date(rss.lastBuildDate ?? '').toISOString()).toBe('2024-03-03T08:00:00.000Z');
    expect(rss.atom?.links).toEqual([
      { href: CHANNEL.feedUrl, rel: 'self', type: 'application/rss+xml' },
    ]);
    const items = rss.items ?? [];
    expect(items.map((i) => i.guid)).toEqual([
      { value: 'upd-3', isPermaLink: false },
      { value: 'upd-2', isPermaLink: false },
      { value: 'upd-1', isPermaLink: false },
    ]);
    expect(items.map((i) => i.title)).toEqual([
      'Metro A closed between Termini and Flaminio',
      'Bus 64 diverted',
      undefined,
    ]);
    expect(items.map((i) => new Date(i.pubDate ?? '').toISOString())).toEqual(
      FEED.items.map((i) => i.publishedAt.toISOString()),
    );
    // One enclosure per item (what readers support); every attachment is linked in the HTML.
    expect(items[0]?.enclosures).toEqual([
      { url: PHOTO.url, length: PHOTO.size, type: 'image/jpeg' },
    ]);
    expect(items[2]?.enclosures).toEqual([
      { url: PDF.url, length: PDF.size, type: 'application/pdf' },
    ]);
    expect(items[1]?.enclosures).toBeUndefined();
    expect(items[0]?.description).toBe(
      '<p><strong>Metro A</strong> closed between <em>Termini</em> and Flaminio</p>' +
        '<p><img src="https://hub.example/blobs/aaaa?sig=1&amp;exp=2" alt="via-del-corso.jpg"></p>' +
        '<p><a href="https://hub.example/blobs/bbbb">ordinanza.pdf</a></p>',
    );
    expect(items[1]?.description).toBe(
      '<p>Bus 64 diverted</p><ul><li><p>via Nazionale</p></li><li><p>via Cavour</p></li></ul>',
    );
  });

  it('keeps hostile text inert in a well-formed document', () => {
    const hostile: FeedInput = {
      channel: { ...CHANNEL, name: 'R&amp;D <b>]]>', description: 'a ]]> b\u0002', homeUrl: null },
      items: [item('guid-<&>"]]>', HOSTILE, '2024-03-04T00:00:00Z')],
    };
    const xml = renderRss(hostile);
    assertWellFormedXml(xml);
    expect(xml).not.toContain(']]>');
    const rss = parseRssFeed(xml);
    expect(rss.title).toBe('R&amp;D <b>]]>');
    expect(rss.description).toBe('a ]]> b');
    expect(rss.link).toBe(CHANNEL.feedUrl);
    const [only] = rss.items ?? [];
    expect(only?.guid?.value).toBe('guid-<&>"]]>');
    expect(only?.title).toBe('Alert <script>alert(1)</script> ]]> and again ]]> & &amp; 😀👨‍👩‍👧 �');
    const html = only?.description ?? '';
    assertSafeHtml(html);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; and again ]]&gt; &amp; &amp;amp;',
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<a href="https://e.example/?a=1&amp;b=%222%22">ok</a>');
    expect(html).toContain('click');
  });

  it('renders a channel with no updates', () => {
    const xml = renderRss({ channel: CHANNEL, items: [] });
    assertWellFormedXml(xml);
    const rss = parseRssFeed(xml);
    expect(rss.title).toBe(CHANNEL.name);
    expect(rss.items ?? []).toEqual([]);
    expect(rss.lastBuildDate).toBeUndefined();
  });
});

describe('renderJsonFeed', () => {
  it('writes JSON Feed 1.1 that round-trips through a JSON Feed parser', () => {
    const text = renderJsonFeed(FEED);
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(raw).not.toHaveProperty('author');
    const json = parseJsonFeed(text);
    expect(json).toMatchObject({
      title: 'Roma Mobilità',
      home_page_url: CHANNEL.homeUrl,
      feed_url: CHANNEL.feedUrl,
      description: CHANNEL.description,
      language: 'it',
      authors: [{ name: 'Roma Mobilità', url: CHANNEL.homeUrl }],
    });
    expect(
      (json.items ?? []).map((i) => [i.id, i.title, i.date_published, i.date_modified]),
    ).toEqual([
      [
        'upd-3',
        'Metro A closed between Termini and Flaminio',
        '2024-03-03T07:15:00.000Z',
        '2024-03-03T08:00:00.750Z',
      ],
      ['upd-2', 'Bus 64 diverted', '2024-03-02T18:00:00.000Z', '2024-03-02T18:00:00.000Z'],
      ['upd-1', undefined, '2024-03-01T09:30:00.000Z', '2024-03-01T09:30:00.000Z'],
    ]);
    const [first, second] = json.items ?? [];
    expect(first?.attachments).toEqual([
      { url: PHOTO.url, mime_type: 'image/jpeg', title: PHOTO.name, size_in_bytes: PHOTO.size },
      { url: PDF.url, mime_type: 'application/pdf', title: PDF.name, size_in_bytes: PDF.size },
    ]);
    expect(first?.image).toBe(PHOTO.url);
    expect(first?.content_text).toBe('Metro A closed between Termini and Flaminio');
    expect(second?.content_text).toBe('Bus 64 diverted\n\n• via Nazionale\n• via Cavour');
    expect(second?.language).toBe('it');
    expect(second?.attachments).toBeUndefined();
  });

  it('keeps hostile text inert', () => {
    const text = renderJsonFeed({
      channel: { ...CHANNEL, name: 'R&D "</script>"\u0000', homeUrl: null },
      items: [item('x\u0007y', HOSTILE, '2024-03-04T00:00:00Z')],
    });
    // JSON.stringify would escape a control character as \u00XX: none may survive cleaning.
    expect(text).not.toMatch(/\\u000[0-8bcef]|\\u001|\\ud800/i);
    const json = parseJsonFeed(text);
    expect(json.title).toBe('R&D "</script>"');
    expect(json).not.toHaveProperty('home_page_url');
    const [only] = json.items ?? [];
    expect(only?.id).toBe('xy');
    assertSafeHtml(only?.content_html ?? '');
    expect(only?.content_text).toContain(
      'Alert <script>alert(1)</script> ]]> and again ]]> & &amp;',
    );
    expect(only?.content_text).toContain('😀👨‍👩‍👧 �');
    expect(only?.content_text).toContain('ok (https://e.example/?a=1&b=%222%22)');
  });
});

describe('conditional GET', () => {
  const body = renderRss(FEED);
  const v = feedValidators(body, FEED.items);

  it('derives a strong ETag from the body and Last-Modified from the latest change', () => {
    expect(v.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(feedValidators(body, FEED.items)).toEqual(v);
    expect(feedValidators(`${body} `, FEED.items).etag).not.toBe(v.etag);
    expect(v.lastModified).toBe('Sun, 03 Mar 2024 08:00:00 GMT');
    expect(feedValidators('{}', []).lastModified).toBeNull();
  });

  it('matches If-None-Match by weak comparison, in lists and as *', () => {
    const weak = `W/${v.etag}`;
    expect(isNotModified({ 'if-none-match': v.etag }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': weak }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': `"a,b", W/"x" ,${v.etag}` }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': ['"other"', v.etag] }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '*' }, v)).toBe(true);
    expect(isNotModified({ 'if-none-match': '"other", W/"x"' }, v)).toBe(false);
    expect(isNotModified({ 'if-none-match': v.etag.slice(1, -1) }, v)).toBe(false);
    expect(isNotModified({}, v)).toBe(false);
  });

  it('lets If-None-Match decide alone when both are sent', () => {
    const future = 'Fri, 01 Jan 2100 00:00:00 GMT';
    expect(isNotModified({ 'if-none-match': '"old"', 'if-modified-since': future }, v)).toBe(false);
    expect(
      isNotModified(
        { 'if-none-match': v.etag, 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' },
        v,
      ),
    ).toBe(true);
  });

  it('compares If-Modified-Since at one-second resolution and ignores invalid dates', () => {
    const at = (value: string) => isNotModified({ 'if-modified-since': value }, v);
    expect(at('Sun, 03 Mar 2024 08:00:00 GMT')).toBe(true);
    expect(at('Sun, 03 Mar 2024 08:00:01 GMT')).toBe(true);
    expect(at('Sun, 03 Mar 2024 07:59:59 GMT')).toBe(false);
    expect(at('Sunday, 03-Mar-24 08:00:00 GMT')).toBe(true);
    expect(at('Sun Mar  3 08:00:00 2024')).toBe(true);
    expect(at('2024-03-03T08:00:00Z')).toBe(false);
    expect(at('yesterday')).toBe(false);
    expect(
      isNotModified(
        { 'if-modified-since': 'Sun, 03 Mar 2024 08:00:00 GMT' },
        { ...v, lastModified: null },
      ),
    ).toBe(false);
  });

  it('parses the three HTTP-date forms', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', new Date('2024-01-01'))).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(expected);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 CET')).toBeNull();
  });
});
