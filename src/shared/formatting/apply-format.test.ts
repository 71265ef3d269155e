import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFormat } from './apply-format';
import type { FormatAction } from './format-edit';
import { parseSource } from './parse-source';
import { toPlain } from './plain-text';

/** Applies an action to the part of `text` marked with « and » (or at a caret |), and marks the result the same way. */
function apply(marked: string, action: FormatAction, href?: string): string {
  const caret = marked.indexOf('|');
  const start = caret >= 0 ? caret : marked.indexOf('«');
  const clean = marked.replace(/[|«»]/g, '');
  const end = caret >= 0 ? caret : marked.indexOf('»') - 1;
  const r = applyFormat(clean, start, end, action, href === undefined ? {} : { href });
  if (r.selStart === r.selEnd) return `${r.text.slice(0, r.selStart)}|${r.text.slice(r.selStart)}`;
  return `${r.text.slice(0, r.selStart)}«${r.text.slice(r.selStart, r.selEnd)}»${r.text.slice(r.selEnd)}`;
}

describe('applyFormat: inline styles', () => {
  it('wraps the selection and keeps its text selected', () => {
    expect(apply('hello «world»', 'bold')).toBe('hello **«world»**');
    expect(apply('hello «world»', 'italic')).toBe('hello _«world»_');
    expect(apply('hello «world»', 'strike')).toBe('hello ~~«world»~~');
    expect(apply('hello «world»', 'code')).toBe('hello `«world»`');
  });

  it('toggles off when the selection is already wrapped, markers selected or not', () => {
    expect(apply('hello **«world»**', 'bold')).toBe('hello «world»');
    expect(apply('hello «**world**»', 'bold')).toBe('hello «world»');
    expect(apply('a *«b»* c', 'italic')).toBe('a «b» c');
    expect(apply('***«x»***', 'bold')).toBe('*«x»*');
  });

  it('inserts an empty pair at a caret, and removes an empty pair', () => {
    expect(apply('ab|', 'bold')).toBe('ab**|**');
    expect(apply('ab**|**', 'bold')).toBe('ab|');
    expect(apply('|', 'code')).toBe('`|`');
  });

  it('leaves surrounding spaces outside the markers', () => {
    expect(apply('« word »next', 'bold')).toBe(' **«word»** next');
  });

  it('uses * for italic inside a word, where _ would not work', () => {
    const out = apply('foo«bar»', 'italic');
    expect(out).toBe('foo*«bar»*');
    expect(parseSource('foo*bar*').blocks[0]).toMatchObject({
      children: [{ text: 'foo' }, { type: 'italic' }],
    });
  });

  it('fences code that contains backticks with a longer run', () => {
    const r = applyFormat('a`b', 0, 3, 'code');
    expect(r.text).toBe('``a`b``');
    expect(parseSource(r.text).blocks[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'code', text: 'a`b' }],
    });
  });

  it('wraps each selected line after its list marker, and unwraps them again', () => {
    const once = applyFormat('- one\n- two', 0, 11, 'bold');
    expect(once.text).toBe('- **one**\n- **two**');
    expect(toPlain(parseSource(once.text))).toBe('• one\n• two');
    expect(applyFormat(once.text, once.selStart, once.selEnd, 'bold').text).toBe('- one\n- two');
  });
});

describe('applyFormat: line formats', () => {
  it('prefixes every selected line and toggles off', () => {
    expect(applyFormat('a\nb', 0, 3, 'quote')).toEqual({
      text: '> a\n> b',
      selStart: 0,
      selEnd: 7,
    });
    expect(applyFormat('> a\n> b', 0, 7, 'quote').text).toBe('a\nb');
    expect(applyFormat('a\nb', 1, 3, 'bullets').text).toBe('- a\n- b');
    expect(applyFormat('a\nb', 0, 2, 'bullets').text).toBe('- a\nb');
    expect(applyFormat('a\n\nb', 0, 4, 'numbers').text).toBe('1. a\n\n2. b');
    expect(applyFormat('1. a\n2. b', 0, 9, 'numbers').text).toBe('a\nb');
  });

  it('switches between bullets and numbers instead of stacking markers', () => {
    expect(applyFormat('- a\n- b', 0, 7, 'numbers').text).toBe('1. a\n2. b');
    expect(applyFormat('1. a\n2. b', 0, 9, 'bullets').text).toBe('- a\n- b');
  });

  it('keeps one quote across blank lines', () => {
    const r = applyFormat('a\n\nb', 0, 4, 'quote');
    expect(r.text).toBe('> a\n>\n> b');
    expect(parseSource(r.text).blocks).toHaveLength(1);
  });

  it('puts a marker on an empty line with the caret after it', () => {
    expect(apply('|', 'bullets')).toBe('- |');
    expect(apply('x\n|', 'numbers')).toBe('x\n1. |');
    expect(apply('- |', 'bullets')).toBe('|');
    expect(apply('hel|lo', 'quote')).toBe('> hel|lo');
  });

  it('fences the selected lines as a code block and unfences them', () => {
    const r = applyFormat('x = 1\ny = 2', 2, 8, 'codeblock');
    expect(r.text).toBe('```\nx = 1\ny = 2\n```');
    expect(parseSource(r.text).blocks).toEqual([{ type: 'codeblock', text: 'x = 1\ny = 2' }]);
    expect(applyFormat(r.text, r.selStart, r.selEnd, 'codeblock').text).toBe('x = 1\ny = 2');
    expect(applyFormat(r.text, 0, r.text.length, 'codeblock').text).toBe('x = 1\ny = 2');
  });

  it('inserts an empty code block on an empty line, and fences the caret line otherwise', () => {
    expect(apply('ab\n|', 'codeblock')).toBe('ab\n```\n|\n```');
    expect(apply('ab\n```\n|\n```', 'codeblock')).toBe('ab\n|');
    expect(apply('x\na|b', 'codeblock')).toBe('x\n«```\nab\n```»');
  });
});

describe('applyFormat: links', () => {
  it('turns the selection into a link and selects its text', () => {
    expect(apply('see «the map» now', 'link', 'https://m.org/x')).toBe(
      'see [«the map»](https://m.org/x) now',
    );
    const r = applyFormat('see the map', 4, 11, 'link', { href: 'https://m.org/a b(1)' });
    expect(r.text).toBe('see [the map](https://m.org/a%20b%281%29)');
    expect(r.text.slice(r.selStart, r.selEnd)).toBe('the map');
    expect(parseSource(r.text).blocks[0]).toMatchObject({
      children: [{}, { type: 'link', href: 'https://m.org/a%20b%281%29' }],
    });
  });

  it('inserts a link at a caret, showing the address, or waits for the text', () => {
    expect(apply('|', 'link', 'https://a.org')).toBe('[«https://a.org»](https://a.org)');
    expect(apply('x|', 'link')).toBe('x[|]()');
    expect(apply('«word»', 'link')).toBe('[word](|)');
  });

  it('escapes brackets in the text so the link stays one link', () => {
    const r = applyFormat('a [b] c', 0, 7, 'link', { href: 'https://x.org' });
    expect(toPlain(parseSource(r.text))).toBe('a [b] c');
  });

  it('unwraps a link when asked without an address, and retargets it with one', () => {
    expect(apply('«[map](https://m.org)»', 'link')).toBe('«map»');
    expect(apply('[«map»](https://m.org)', 'link')).toBe('«map»');
    expect(applyFormat('[map](https://m.org)', 1, 4, 'link', { href: 'https://n.org' }).text).toBe(
      '[map](https://n.org)',
    );
  });
});

describe('applyFormat: robustness', () => {
  it('orders, clamps and never splits a surrogate pair', () => {
    expect(applyFormat('abc', 3, 0, 'bold').text).toBe('**abc**');
    expect(applyFormat('abc', -5, 99, 'bold').text).toBe('**abc**');
    expect(applyFormat('a👍b', 2, 3, 'bold').text).toBe('a**👍**b');
  });

  const char = fc.constantFrom('a', 'Z', '7', ' ', '\n', 'é', '👨‍👩‍👧', 'م', 'ש', ',', '!');
  const textAndSel = fc
    .array(char, { maxLength: 30 })
    .map((cs) => cs.join(''))
    .chain((text) =>
      fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })),
    );

  it.each([
    'bold',
    'italic',
    'strike',
    'code',
    'quote',
    'bullets',
    'numbers',
    'codeblock',
  ] as const)('%s applied twice gives the text back', (action) => {
    fc.assert(
      fc.property(textAndSel, ([text, a, b]) => {
        const once = applyFormat(text, a, b, action);
        expect(once.selStart).toBeGreaterThanOrEqual(0);
        expect(once.selStart).toBeLessThanOrEqual(once.selEnd);
        expect(once.selEnd).toBeLessThanOrEqual(once.text.length);
        const twice = applyFormat(once.text, once.selStart, once.selEnd, action);
        expect(twice.text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
