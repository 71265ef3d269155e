import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from './parse-source';
import { toPlain } from './plain-text';
import type { Block, Inline } from './types';
import { toWhatsApp } from './whatsapp-markup';
import { parseWhatsApp } from './whatsapp-parse';

const text = (t: string): Inline => ({ type: 'text', text: t });
const para = (...children: Inline[]): Block => ({ type: 'paragraph', children });

describe('parseWhatsApp', () => {
  it('reads WhatsApp styles, nested styles and code', () => {
    expect(parseWhatsApp('*b* _i_ ~s~ `c` ```m``` *_bi_*').blocks).toEqual([
      para(
        { type: 'bold', children: [text('b')] },
        text(' '),
        { type: 'italic', children: [text('i')] },
        text(' '),
        { type: 'strike', children: [text('s')] },
        text(' '),
        { type: 'code', text: 'c' },
        text(' '),
        { type: 'code', text: 'm' },
        text(' '),
        { type: 'bold', children: [{ type: 'italic', children: [text('bi')] }] },
      ),
    ]);
  });

  it('ignores markers next to spaces, inside words and inside code or links', () => {
    expect(toPlain(parseWhatsApp('x * not bold * and a*b*c'))).toBe('x * not bold * and a*b*c');
    expect(toPlain(parseWhatsApp('`*x*` https://a.org/_x_'))).toBe('*x* https://a.org/_x_');
    expect(parseWhatsApp('https://a.org/_x_').blocks).toEqual([
      para({ type: 'link', href: 'https://a.org/_x_', children: [text('https://a.org/_x_')] }),
    ]);
    expect(toPlain(parseWhatsApp('*bold\nnext*'))).toBe('*bold\nnext*');
    expect(parseWhatsApp('*see https://a.org/x*').blocks).toEqual([
      para({
        type: 'bold',
        children: [
          text('see '),
          { type: 'link', href: 'https://a.org/x', children: [text('https://a.org/x')] },
        ],
      }),
    ]);
  });

  it('reads lists, quotes, code blocks and their nesting', () => {
    expect(parseWhatsApp('- a\n* b\n  - c').blocks).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [para(text('a'))],
          [para(text('b')), { type: 'list', ordered: false, start: 1, items: [[para(text('c'))]] }],
        ],
      },
    ]);
    expect(parseWhatsApp('4. x\n5. y').blocks[0]).toMatchObject({
      type: 'list',
      ordered: true,
      start: 4,
    });
    expect(parseWhatsApp('> q\n> - item').blocks).toEqual([
      {
        type: 'quote',
        children: [
          para(text('q')),
          { type: 'list', ordered: false, start: 1, items: [[para(text('item'))]] },
        ],
      },
    ]);
    expect(parseWhatsApp('```a\n\nb```').blocks).toEqual([{ type: 'codeblock', text: 'a\n\nb' }]);
    expect(toPlain(parseWhatsApp('```never closed\ntext'))).toBe('```never closed\ntext');
  });

  it('survives hostile markup', () => {
    for (const markup of [
      '',
      '*'.repeat(5000),
      '> '.repeat(5000) + 'x',
      '```'.repeat(999),
      '\uD800*a*',
      '- '.repeat(3000),
    ]) {
      expect(() => toPlain(parseWhatsApp(markup))).not.toThrow();
    }
    expect(toPlain(parseWhatsApp('> '.repeat(100) + 'deep text'))).toContain('deep text');
  });
});

// Source texts built from the toolbar's constructs, with words free of WhatsApp markers
// (WhatsApp has no escape, so a literal `*` in text is its own, documented, limitation).
const word = fc.constantFrom(
  'Roma',
  'traffico',
  'café',
  'مرحبا',
  'שלום',
  '👨‍👩‍👧',
  '🚧',
  '42',
  'a,b',
  '(bis)',
  'ok!',
  '"q"',
  "l'auto",
  '&amp;',
  '<b>',
  'x',
);
const inline: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word,
    word,
    // A word on each side keeps markdown from reading `****` as literal text.
    fc.tuple(word, tie('node')).map(([w, s]) => `**${w} ${s} ${w}**`),
    fc.tuple(word, tie('node')).map(([w, s]) => `_${w} ${s} ${w}_`),
    fc.tuple(word, tie('node')).map(([w, s]) => `~~${w} ${s} ${w}~~`),
    word.map((s) => `\`${s}\``),
    fc
      .tuple(word, word)
      .map(([a, b]) => `[${a} ${b}](https://example.com/${encodeURIComponent(b)})`),
    word.map((s) => `https://example.org/${encodeURIComponent(s)}`),
    word.map((s) => `**https://example.org/${encodeURIComponent(s)}**`),
  ),
})).node;
const line = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const lines = fc.array(line, { minLength: 1, maxLength: 3 });
const block = fc.oneof(
  lines.map((ls) => ls.join('\n')),
  lines.map((ls) => ls.map((l) => `- ${l}`).join('\n')),
  lines.map((ls) => ls.map((l, i) => `${i + 1}. ${l}`).join('\n')),
  fc.tuple(line, line).map(([a, b]) => `- ${a}\n  - ${b}`),
  lines.map((ls) => ls.map((l) => `> ${l}`).join('\n')),
  fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => `\`\`\`\n${ws.join('\n')}\n\`\`\``),
);
const source = fc.array(block, { minLength: 1, maxLength: 4 }).map((bs) => bs.join('\n\n'));

describe('WhatsApp round trip', () => {
  it('parseWhatsApp(toWhatsApp(doc)) keeps the text a reader sees', () => {
    fc.assert(
      fc.property(source, (src) => {
        const doc = parseSource(src);
        const back = parseWhatsApp(toWhatsApp(doc));
        expect(toPlain(back, { showUrls: true })).toBe(toPlain(doc, { showUrls: true }));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the structure of a typical update', () => {
    const doc = parseSource(
      '**Traffico** a _Roma_:\n\n- via del Corso ~~aperta~~ chiusa\n- info: [mappa](https://roma.it/m)\n\n> Fonte: `ATAC`',
    );
    expect(parseWhatsApp(toWhatsApp(doc))).toEqual({
      blocks: [
        doc.blocks[0],
        {
          type: 'list',
          ordered: false,
          start: 1,
          items: [
            (doc.blocks[1] as Extract<Block, { type: 'list' }>).items[0],
            [
              para(
                text('info: mappa ('),
                { type: 'link', href: 'https://roma.it/m', children: [text('https://roma.it/m')] },
                text(')'),
              ),
            ],
          ],
        },
        doc.blocks[2],
      ],
    });
  });
});
