import { describe, expect, it } from 'vitest';
import { parseSource } from './parse-source';
import type { Doc, Inline } from './types';
import { toWhatsApp } from './whatsapp-markup';

const wa = (src: string): string => toWhatsApp(parseSource(src));
const paragraph = (...children: Inline[]): Doc => ({ blocks: [{ type: 'paragraph', children }] });
const text = (t: string): Inline => ({ type: 'text', text: t });

describe('toWhatsApp', () => {
  it('renders each inline construct in WhatsApp markup', () => {
    expect(wa('**b** _i_ *i* ~~s~~ `c`')).toBe('*b* _i_ _i_ ~s~ `c`');
    expect(wa('***both*** and ~~**x**~~')).toBe('*_both_* and *~x~*');
    expect(wa('**a _b_ c**')).toBe('*a _b_ c*');
  });

  it('writes links as "text (url)" unless the text is the address', () => {
    expect(wa('[the map](https://maps.example.com/x)')).toBe(
      'the map (https://maps.example.com/x)',
    );
    expect(wa('see https://roma.it/traffico now')).toBe('see https://roma.it/traffico now');
    expect(wa('[https://roma.it](https://roma.it/)')).toBe('https://roma.it');
    expect(wa('mail me@x.org')).toBe('mail me@x.org');
    expect(wa('[click](javascript:alert(1))')).toBe('click');
  });

  it('moves spaces out of marked spans and drops empty spans', () => {
    const doc = paragraph(
      { type: 'bold', children: [text(' spaced ')] },
      text('x'),
      { type: 'italic', children: [text('   ')] },
      { type: 'strike', children: [] },
      text(' y'),
    );
    expect(toWhatsApp(doc)).toBe(' *spaced* x    y');
  });

  it('drops markers WhatsApp would not read inside a word', () => {
    expect(wa('**news**room and *x*y and 2*3*4')).toBe('newsroom and xy and 234');
    expect(wa('(**ok**), "_fine_".')).toBe('(*ok*), "_fine_".');
  });

  it('puts markers on each line of a span that crosses a line break', () => {
    expect(wa('**one\ntwo**')).toBe('*one*\n*two*');
  });

  it('renders code spans that contain backticks, or leaves them as text', () => {
    expect(wa('``a`b``')).toBe('```a`b```');
    expect(wa('`` `x` ``')).toBe('`x`');
  });

  it('renders blocks: lists, quotes, code blocks', () => {
    expect(wa('- one\n- two\n  - deep')).toBe('- one\n- two\n  - deep');
    expect(wa('3. a\n4. b')).toBe('3. a\n4. b');
    expect(wa('> a\n> b\n\nafter')).toBe('> a\n> b\n\nafter');
    expect(wa('> > nested')).toBe('> nested');
    expect(wa('```\nx = *y*\nz\n```')).toBe('```x = *y*\nz```');
    expect(wa('- item\n\n  ```\n  a\n  b\n  ```')).toBe('- item\n  ```a\n  b```');
  });

  it('passes HTML-looking text through untouched', () => {
    expect(wa('<script>alert(1)</script> &amp;')).toBe('<script>alert(1)</script> &amp;');
  });
});
