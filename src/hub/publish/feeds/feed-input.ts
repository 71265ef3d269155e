// What a channel's RSS and JSON Feed are rendered from, and the cleaning every text gets first:
// characters that XML 1.0 forbids (and HTML calls parse errors) never reach a feed reader.

/** A file attached to a feed item, with the public address it is served from. */
export interface FeedAttachment {
  hash: string;
  name: string;
  mime: string;
  kind: 'image' | 'video' | 'document';
  size: number;
  url: string;
}

/** One published update of the channel. */
export interface FeedItem {
  /** Stable across edits: the guid of RSS and the id of JSON Feed. */
  id: string;
  /** The update's source text (the composer's markup). */
  text: string;
  publishedAt: Date;
  updatedAt: Date;
  attachments: readonly FeedAttachment[];
}

/** A channel and its published updates, newest first. */
export interface FeedInput {
  channel: {
    id: string;
    name: string;
    description: string;
    /** A BCP 47 language tag, e.g. `it` or `en-GB`. */
    language: string;
    /** The channel's page on the newsroom's website, if it has one. */
    homeUrl: string | null;
    /** Where this feed itself is served. */
    feedUrl: string;
  };
  items: readonly FeedItem[];
}

/** When the newest change happened: the latest `updatedAt` of the items, or null with none. */
export function lastChangeOf(items: readonly Pick<FeedItem, 'updatedAt'>[]): Date | null {
  let latest: Date | null = null;
  for (const item of items) {
    if (latest === null || item.updatedAt.getTime() > latest.getTime()) latest = item.updatedAt;
  }
  return latest;
}

const REPLACEMENT_CHAR = '\uFFFD';

function isForbidden(code: number): boolean {
  // C0 controls other than tab and line feed, and the two non-characters XML 1.0 excludes.
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff;
}

/**
 * Text safe for XML 1.0 and HTML: line ends as `\n`, forbidden controls dropped, and a UTF-16
 * half without its partner (it cannot be encoded as UTF-8) replaced by U+FFFD.
 */
export function cleanText(text: string): string {
  const unified = text.replace(/\r\n?/g, '\n');
  let out = '';
  let start = 0;
  for (let i = 0; i < unified.length; i++) {
    const code = unified.charCodeAt(i);
    const high = code >= 0xd800 && code <= 0xdbff;
    if (high && i + 1 < unified.length) {
      const next = unified.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    const lone = high || (code >= 0xdc00 && code <= 0xdfff);
    if (!lone && !isForbidden(code)) continue;
    out += unified.slice(start, i) + (lone ? REPLACEMENT_CHAR : '');
    start = i + 1;
  }
  return out + unified.slice(start);
}
