// What the Telegram test peer reads off the wire: multipart/form-data bodies (as grammY sends
// them when files are uploaded: JSON-encoded objects, `attach://<id>` references, one part per
// file) and Bot API HTML (parse_mode "HTML"): the documented tags, balanced, and the four named
// entities plus numeric ones. Errors carry Telegram's own wording.

export interface Upload {
  /** The part's name (grammY's random id, referenced as `attach://<id>`). */
  name: string;
  filename: string;
  bytes: Buffer;
}

export interface Multipart {
  fields: Record<string, string>;
  files: Map<string, Upload>;
}

function headerParam(headers: string, param: string): string | null {
  const match = new RegExp(`${param}=(?:"([^"]*)"|([^;\\r\\n]*))`, 'i').exec(headers);
  if (match === null) return null;
  return (match[1] ?? match[2] ?? '').trim();
}

/** Splits a multipart/form-data body into text fields and files; throws on a malformed body. */
export function parseMultipart(body: Buffer, contentType: string): Multipart {
  const boundary = headerParam(contentType, 'boundary');
  if (boundary === null || boundary === '') throw new Error('multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const out: Multipart = { fields: {}, files: new Map() };
  let at = body.indexOf(delimiter);
  if (at < 0) throw new Error('multipart body without its boundary');
  for (;;) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') return out;
    const next = body.indexOf(delimiter, start);
    if (next < 0) throw new Error('multipart body is not closed');
    // A part runs from after the delimiter's CRLF to before the CRLF that precedes the next one.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw new Error('multipart part without headers');
    const headers = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = headerParam(headers, 'name');
    if (name === null) throw new Error('multipart part without a name');
    const filename = headerParam(headers, 'filename');
    if (filename === null) out.fields[name] = content.toString('utf8');
    else out.files.set(name, { name, filename, bytes: Buffer.from(content) });
    at = next;
  }
}

/** Tags Telegram's HTML parse mode accepts. */
const ALLOWED_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'tg-emoji',
  'code',
  'pre',
  'blockquote',
]);

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export type HtmlResult = { ok: true; text: string } | { ok: false; description: string };

const TAG =
  /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*>/y;
const ENTITY = /&(#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]+);/y;

function cantParse(what: string): HtmlResult {
  return { ok: false, description: `Bad Request: can't parse entities: ${what}` };
}

function decodeEntity(body: string): string | null {
  if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
  return NAMED_ENTITIES[body] ?? null;
}

/** Parses Bot API HTML into its visible text, or Telegram's "can't parse entities" answer. */
export function parseTelegramHtml(html: string): HtmlResult {
  const open: { name: string; offset: number }[] = [];
  let text = '';
  let i = 0;
  const offset = () => Buffer.byteLength(html.slice(0, i));
  while (i < html.length) {
    const ch = html[i] as string;
    if (ch === '<') {
      TAG.lastIndex = i;
      const tag = TAG.exec(html);
      if (tag === null) return cantParse(`Unsupported start tag at byte offset ${offset()}`);
      const [whole, slash, rawName] = tag;
      const name = (rawName as string).toLowerCase();
      if (slash === '/') {
        const top = open.pop();
        if (top?.name !== name) {
          return cantParse(
            `Unmatched end tag at byte offset ${offset()}, expected "</${top?.name ?? ''}>", found "</${name}>"`,
          );
        }
      } else {
        if (!ALLOWED_TAGS.has(name)) {
          return cantParse(`Unsupported start tag "${name}" at byte offset ${offset()}`);
        }
        open.push({ name, offset: offset() });
      }
      i += whole.length;
      continue;
    }
    if (ch === '&') {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(html);
      const decoded = entity === null ? null : decodeEntity(entity[1] as string);
      if (entity !== null && decoded !== null) {
        text += decoded;
        i += entity[0].length;
        continue;
      }
    }
    text += ch;
    i++;
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) {
    return cantParse(
      `Can't find end tag corresponding to start tag "${unclosed.name}" at byte offset ${unclosed.offset}`,
    );
  }
  return { ok: true, text };
}
