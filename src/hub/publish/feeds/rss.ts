// A channel as an RSS 2.0 document. Written by hand rather than with the `feed` package: its
// XML writer (xml-js) escapes only the first `]]>` of a CDATA section, so a title holding two is
// malformed XML, and it turns a literal `&amp;` in a channel name into `&`. Here every value is
// escaped text (no CDATA), so no input can end an element early.
import { cleanText, lastChangeOf, type FeedInput, type FeedItem } from './feed-input';
import { itemContent, servedAttachments } from './item-content';

const GENERATOR = 'Channel Desk';

/** Escapes text for XML element content and double-quoted attributes (`>` too, so `]]>` cannot occur). */
function xml(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function element(name: string, value: string, indent: string): string {
  return `${indent}<${name}>${xml(value)}</${name}>\n`;
}

/** RFC 822 date as RSS 2.0 asks (the same form as an HTTP date). */
function rssDate(date: Date): string {
  return date.toUTCString();
}

function itemXml(item: FeedItem): string {
  const content = itemContent(item);
  const pad = '      ';
  let out = '    <item>\n';
  if (content.title !== '') out += element('title', content.title, pad);
  out += element('description', content.html, pad);
  out += `${pad}<guid isPermaLink="false">${xml(item.id)}</guid>\n`;
  out += element('pubDate', rssDate(item.publishedAt), pad);
  // RSS readers take one enclosure per item; every attachment is also linked in the HTML.
  const first = servedAttachments(item)[0];
  if (first) {
    out += `${pad}<enclosure url="${xml(first.url)}" length="${first.size}" type="${xml(first.mime)}"/>\n`;
  }
  return `${out}    </item>\n`;
}

/** Renders a channel and its updates (newest first) as an RSS 2.0 document. */
export function renderRss(feed: FeedInput): string {
  const { channel } = feed;
  const pad = '    ';
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n' +
    '  <channel>\n';
  out += element('title', channel.name, pad);
  out += element('link', channel.homeUrl ?? channel.feedUrl, pad);
  out += element('description', channel.description, pad);
  out += element('language', channel.language, pad);
  // The build date is the latest change, not the clock, so an unchanged feed keeps its ETag.
  const lastChange = lastChangeOf(feed.items);
  if (lastChange) out += element('lastBuildDate', rssDate(lastChange), pad);
  out += element('generator', GENERATOR, pad);
  out += `${pad}<atom:link href="${xml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>\n`;
  for (const item of feed.items) out += itemXml(item);
  return `${out}  </channel>\n</rss>\n`;
}
