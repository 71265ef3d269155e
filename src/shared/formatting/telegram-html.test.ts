import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from './parse-source';
import { toPlain } from './plain-text';
import { toTelegramHtml } from './telegram-html';
import type { Doc } from './types';

const tg = (src: string): string => toTelegramHtml(parseSource(src));

// Every tag Telegram's HTML mode accepts, in the exact shapes we produce.
const TAG_RE = /<(\/?)(b|i|s|code|pre|blockquote|a)(?: href="([^"<>]*)")?>/g;

/** Checks the output is made only of our tags, properly nested per Telegram's rules. */
function assertValidTelegramHtml(html: string): void {
  const leftover = html.replace(TAG_RE, '');
  expect(leftover).not.toMatch(/[<>]/);
  expect(leftover).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
  const stack: string[] = [];
  for (const m of html.matchAll(TAG_RE)) {
    const [, closing, name = '', href] = m;
    if (closing) {
      expect(stack.pop()).toBe(name);
      continue;
    }
    if (name === 'a') expect(href).toMatch(/^(https?:|mailto:|tg:)/i);
    else expect(href).toBeUndefined();
    // Telegram: no tag inside code/pre, no nested blockquote, no code in links or styles, no pre in quotes.
    expect(stack.some((t) => t === 'code' || t === 'pre')).toBe(false);
    if (name === 'blockquote') expect(stack).toEqual([]);
    if (name === 'code') expect(stack).toEqual(stack.filter((t) => t === 'blockquote'));
    if (name === 'pre') expect(stack).toEqual([]);
    stack.push(name);
  }
  expect(stack).toEqual([]);
}

function visibleText(html: string): string {
  return html
    .replace(TAG_RE, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('toTelegramHtml', () => {
  it('renders each inline construct with Telegram tags', () => {
    expect(tg('**b** _i_ ~~s~~ `c`')).toBe('<b>b</b> <i>i</i> <s>s</s> <code>c</code>');
    expect(tg('[site](https://x.org/a?b=1&c="2")')).toBe(
      '<a href="https://x.org/a?b=1&amp;c=%222%22">site</a>',
    );
    expect(tg('go to www.example.com')).toBe(
      'go to <a href="http://www.example.com">www.example.com</a>',
    );
    expect(tg('***both***')).toBe('<b><i>both</i></b>');
  });

  it('escapes an attribute quote in a hand-made link', () => {
    const doc: Doc = {
      blocks: [
        {
          type: 'paragraph',
          children: [
            {
              type: 'link',
              href: 'https://a.org/"x"<y>&',
              children: [{ type: 'text', text: 'a' }],
            },
          ],
        },
      ],
    };
    expect(toTelegramHtml(doc)).toBe('<a href="https://a.org/&quot;x&quot;&lt;y&gt;&amp;">a</a>');
  });

  it('renders blocks: paragraphs, breaks, lists, quotes and code blocks', () => {
    expect(tg('a\nb\n\nc')).toBe('a\nb\n\nc');
    expect(tg('- one\n- **two**\n  - deep')).toBe('• one\n• <b>two</b>\n  • deep');
    expect(tg('7. x\n8. y')).toBe('7. x\n8. y');
    expect(tg('> a\n>\n> b')).toBe('<blockquote>a\n\nb</blockquote>');
    expect(tg('```\nif (a < b) { **x** }\n```')).toBe('<pre>if (a &lt; b) { **x** }</pre>');
  });

  it('follows Telegram nesting rules', () => {
    expect(tg('**a `c` b**')).toBe('<b>a </b><code>c</code><b> b</b>');
    expect(tg('[see `x`](https://a.org)')).toBe('<a href="https://a.org">see x</a>');
    expect(tg('> > inner\n> outer')).toBe('<blockquote>inner\nouter</blockquote>');
    expect(tg('> a\n>\n> ```\n> code\n> ```\n>\n> b')).toBe(
      '<blockquote>a</blockquote>\n\n<pre>code</pre>\n\n<blockquote>b</blockquote>',
    );
    expect(tg('**a\nb**')).toBe('<b>a</b>\n<b>b</b>');
  });

  it('renders an unsafe link as its text only', () => {
    const doc: Doc = {
      blocks: [
        {
          type: 'paragraph',
          children: [
            {
              type: 'link',
              href: 'java\tscript:alert(1)',
              children: [{ type: 'text', text: 'x' }],
            },
          ],
        },
      ],
    };
    expect(toTelegramHtml(doc)).toBe('x');
    expect(tg('[x](javascript:alert(1))')).toBe('x');
  });

  const hostile = [
    '<script>alert(1)</script>',
    '<b>typed</b> <a href="javascript:x">y</a> <blockquote>',
    '&amp; &lt; & < > " \'',
    '**bold',
    '_a*b_',
    '[x](https://a.org/"onmouseover="alert(1))',
    '[<img src=x onerror=alert(1)>](https://a.org)',
    '`<b>code</b>`',
    '```\n</pre><script>\n```',
    '> > > > deep <i>',
    '- > - > x <s>',
    '👨‍👩‍👧 مرحبا שלום',
    '',
  ];

  it.each(hostile)('produces only our tags for %j', (src) => {
    const html = tg(src);
    assertValidTelegramHtml(html);
    if (src.includes('<script>')) expect(html).toContain('&lt;script&gt;');
  });

  it('produces valid HTML whose visible text equals toPlain, for any text', () => {
    const piece = fc.constantFrom(
      '**',
      '_',
      '*',
      '~~',
      '`',
      '```\n',
      '\n',
      '\n\n',
      '> ',
      '- ',
      '1. ',
      '[',
      '](',
      ')',
      '<',
      '>',
      '&',
      '"',
      'https://a.org/x',
      'javascript:',
      'word',
      ' ',
      '👩‍💻',
      'ش',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const doc = parseSource(pieces.join(''));
        const html = toTelegramHtml(doc);
        assertValidTelegramHtml(html);
        expect(visibleText(html)).toBe(toPlain(doc));
      }),
      { numRuns: 400 },
    );
  });
});
