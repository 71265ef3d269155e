// Conditional GET for feeds (RFC 9110 §13): readers poll often, and an unchanged feed answers
// 304 with no body. The ETag hashes the rendered bytes, so any change of the feed changes it;
// Last-Modified is the latest item change, which cannot see a withdrawn item or a renamed
// channel, which is why If-None-Match, when sent, decides alone.
import { createHash } from 'node:crypto';
import { lastChangeOf, type FeedItem } from './feed-input';

/** The validators a feed response carries. */
export interface FeedValidators {
  /** A strong entity tag, quoted: `"…"`. */
  etag: string;
  /** An IMF-fixdate HTTP date, or null for a feed with no items. */
  lastModified: string | null;
}

/** Request headers as Node (and fastify) present them: lower-case names. */
export type RequestHeaders = Record<string, string | string[] | undefined>;

/** Validators of a rendered feed body and the items it was rendered from. */
export function feedValidators(
  body: string,
  items: readonly Pick<FeedItem, 'updatedAt'>[],
): FeedValidators {
  const digest = createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 32);
  const lastChange = lastChangeOf(items);
  return { etag: `"${digest}"`, lastModified: lastChange ? lastChange.toUTCString() : null };
}

function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The entity tags of an If-None-Match value (`*` as itself), opaque parts without `W/`. */
function entityTags(value: string): string[] {
  const tags: string[] = [];
  // Commas may sit inside a quoted tag, so the list is read tag by tag, not split.
  const member = /[\s,]*(?:(\*)|(?:W\/)?("[^"]*"))[\s]*(?:,|$)/y;
  while (member.lastIndex < value.length) {
    const match = member.exec(value);
    if (!match) break;
    tags.push(match[1] ?? match[2] ?? '');
  }
  return tags;
}

/** Weak comparison (RFC 9110 §8.8.3.2): equal opaque tags, whether either is weak or not. */
function weakMatch(header: string, etag: string): boolean {
  const own = etag.replace(/^W\//, '');
  return entityTags(header).some((tag) => tag === '*' || tag === own);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const MONTH = `(${MONTHS.join('|')})`;
const IMF_FIXDATE = new RegExp(`^[A-Z][a-z]{2}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC850_DATE = new RegExp(`^[A-Z][a-z]{5,8}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME_DATE = new RegExp(`^[A-Z][a-z]{2} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

function utc(year: number, month: string, day: string, h: string, m: string, s: string): number {
  return Date.UTC(year, MONTHS.indexOf(month), Number(day), Number(h), Number(m), Number(s));
}

/** Parses the three HTTP-date forms every recipient must accept (RFC 9110 §5.6.7); null otherwise. */
export function parseHttpDate(value: string, now: Date = new Date()): number | null {
  const text = value.trim();
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[3]), m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
  m = ASCTIME_DATE.exec(text);
  if (m) return utc(Number(m[6]), m[1]!, m[2]!.trim(), m[3]!, m[4]!, m[5]!);
  m = RFC850_DATE.exec(text);
  if (!m) return null;
  // A two-digit year more than 50 years ahead is the latest past year with those digits.
  const thisYear = now.getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + Number(m[3]);
  if (year > thisYear + 50) year -= 100;
  return utc(year, m[2]!, m[1]!, m[4]!, m[5]!, m[6]!);
}

/**
 * True when a GET or HEAD may answer 304 Not Modified. If-None-Match, when present, decides
 * alone (weak comparison, `*` matches any current feed); otherwise If-Modified-Since is
 * compared with Last-Modified at one-second resolution and ignored when it is not a valid date.
 */
export function isNotModified(headers: RequestHeaders, validators: FeedValidators): boolean {
  const ifNoneMatch = headerValue(headers, 'if-none-match');
  if (ifNoneMatch !== undefined) return weakMatch(ifNoneMatch, validators.etag);
  const ifModifiedSince = headerValue(headers, 'if-modified-since');
  if (ifModifiedSince === undefined || validators.lastModified === null) return false;
  const since = parseHttpDate(ifModifiedSince);
  const modified = parseHttpDate(validators.lastModified);
  return since !== null && modified !== null && modified <= since;
}
