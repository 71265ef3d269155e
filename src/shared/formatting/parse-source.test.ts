import { describe, expect, it } from 'vitest';
import { parseSource } from './parse-source';
import { toPlain } from './plain-text';
import type { Block, Inline } from './types';

const para = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const text = (t: string): Inline => ({ type: 'text', text: t });

describe('parseSource', () => {
  it('reads every inline construct', () => {
    const doc = parseSource('**b** _i_ *i2* ~~s~~ `c` [t](https://x.org) www.example.com');
    expect(doc.blocks).toEqual([
      para(
        { type: 'bold', children: [text('b')] },
        text(' '),
        { type: 'italic', children: [text('i')] },
        text(' '),
        { type: 'italic', children: [text('i2')] },
        text(' '),
        { type: 'strike', children: [text('s')] },
        text(' '),
        { type: 'code', text: 'c' },
        text(' '),
        { type: 'link', href: 'https://x.org', children: [text('t')] },
        text(' '),
        { type: 'link', href: 'http://www.example.com', children: [text('www.example.com')] },
      ),
    ]);
  });

  it('keeps single newlines as breaks and splits paragraphs on blank lines', () => {
    expect(parseSource('a\nb\n\nc').blocks).toEqual([
      para(text('a'), { type: 'break' }, text('b')),
      para(text('c')),
    ]);
  });

  it('reads quotes, lists with their start, nesting and code blocks', () => {
    const doc = parseSource('> q\n\n- a\n  - b\n* c\n\n3. x\n4. y\n\n```js\nlet a = 1 < 2;\n```');
    expect(doc.blocks[0]).toEqual({ type: 'quote', children: [para(text('q'))] });
    expect(doc.blocks[1]).toEqual({
      type: 'list',
      ordered: false,
      start: 1,
      items: [
        [para(text('a')), { type: 'list', ordered: false, start: 1, items: [[para(text('b'))]] }],
      ],
    });
    expect(doc.blocks[2]).toMatchObject({
      type: 'list',
      ordered: false,
      items: [[para(text('c'))]],
    });
    expect(doc.blocks[3]).toMatchObject({ type: 'list', ordered: true, start: 3 });
    expect(doc.blocks[4]).toEqual({ type: 'codeblock', text: 'let a = 1 < 2;' });
  });

  it('never interprets HTML, entities, headings or rules', () => {
    const src = '<script>alert(1)</script> <b>x</b> &amp; &lt;\n# not a heading\n---';
    expect(toPlain(parseSource(src))).toBe(src);
  });

  it('shows an unsafe link as its text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc',
    ]) {
      expect(parseSource(`[click](${href})`).blocks).toEqual([para(text('click'))]);
    }
  });

  it('leaves unbalanced markers as text', () => {
    expect(toPlain(parseSource('**bold'))).toBe('**bold');
    expect(toPlain(parseSource('_a*b_'))).toBe('a*b');
    expect(toPlain(parseSource('~~x'))).toBe('~~x');
    expect(toPlain(parseSource('`open'))).toBe('`open');
    expect(toPlain(parseSource('[x](https://a'))).toBe('[x](https://a');
  });

  it('keeps the text of containers nested too deep', () => {
    const quotes = `${'>'.repeat(300)} deepest words`;
    expect(toPlain(parseSource(quotes))).toContain('deepest words');
    const list = Array.from({ length: 120 }, (_, i) => `${' '.repeat(i * 2)}- level${i}`).join(
      '\n',
    );
    const plain = toPlain(parseSource(list));
    for (const i of [0, 60, 119]) expect(plain).toContain(`level${i}`);
  });

  it('handles empty input, CRLF and lone surrogates', () => {
    expect(parseSource('').blocks).toEqual([]);
    expect(parseSource('a\r\nb').blocks).toEqual([para(text('a'), { type: 'break' }, text('b'))]);
    expect(toPlain(parseSource('x\uD800y'))).toBe('x\uFFFDy');
  });

  it('keeps emoji, ZWJ sequences and RTL text intact', () => {
    const src = '👨‍👩‍👧 **مرحبا** _שלום_ 🇮🇹';
    expect(toPlain(parseSource(src))).toBe('👨‍👩‍👧 مرحبا שלום 🇮🇹');
  });
});
