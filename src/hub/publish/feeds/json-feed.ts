// A channel as a JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). Written here because
// the `feed` package emits version 1 (`author`, no `language`).
import { cleanText, type FeedInput, type FeedItem } from './feed-input';
import { itemContent, servedAttachments } from './item-content';

/** The version URL that identifies JSON Feed 1.1. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

function itemJson(item: FeedItem, language: string): Record<string, unknown> {
  const content = itemContent(item);
  const attachments = servedAttachments(item);
  const image = attachments.find((a) => a.kind === 'image');
  return {
    id: cleanText(item.id),
    ...(content.title !== '' ? { title: content.title } : {}),
    content_html: content.html,
    content_text: content.text,
    ...(image ? { image: image.url } : {}),
    date_published: item.publishedAt.toISOString(),
    date_modified: item.updatedAt.toISOString(),
    language,
    ...(attachments.length > 0
      ? {
          attachments: attachments.map((a) => ({
            url: a.url,
            mime_type: a.mime,
            title: a.name,
            size_in_bytes: a.size,
          })),
        }
      : {}),
  };
}

/** Renders a channel and its updates (newest first) as a JSON Feed 1.1 document. */
export function renderJsonFeed(feed: FeedInput): string {
  const { channel } = feed;
  const language = cleanText(channel.language);
  const name = cleanText(channel.name);
  const doc = {
    version: JSON_FEED_VERSION,
    title: name,
    ...(channel.homeUrl !== null ? { home_page_url: cleanText(channel.homeUrl) } : {}),
    feed_url: cleanText(channel.feedUrl),
    description: cleanText(channel.description),
    language,
    authors: [{ name, ...(channel.homeUrl !== null ? { url: cleanText(channel.homeUrl) } : {}) }],
    items: feed.items.map((item) => itemJson(item, language)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
