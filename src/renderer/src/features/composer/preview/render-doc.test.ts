import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../../../../shared/formatting';
import { renderDoc } from './render-doc';

const html = (doc: Doc, flavour: 'telegram' | 'whatsapp') =>
  renderToStaticMarkup(createElement(Fragment, null, ...renderDoc(doc, flavour)));

const doc: Doc = {
  blocks: [
    {
      type: 'paragraph',
      children: [
        { type: 'bold', children: [{ type: 'text', text: 'Metro A' }] },
        { type: 'text', text: ' closed <b>now</b> ' },
        {
          type: 'link',
          href: 'https://example.org/x',
          children: [{ type: 'text', text: 'details' }],
        },
      ],
    },
    {
      type: 'list',
      ordered: true,
      start: 3,
      items: [[{ type: 'paragraph', children: [{ type: 'text', text: 'one' }] }]],
    },
    { type: 'quote', children: [{ type: 'codeblock', text: 'if (a < b) {}' }] },
  ],
};

describe('renderDoc', () => {
  it('renders formatting as elements and escapes typed markup', () => {
    const out = html(doc, 'telegram');
    expect(out).toContain('<strong>Metro A</strong>');
    expect(out).toContain('closed &lt;b&gt;now&lt;/b&gt;');
    expect(out).toContain(
      '<blockquote class="pv-quote"><pre class="pv-pre"><code>if (a &lt; b) {}</code></pre></blockquote>',
    );
    expect(out).toContain('<span class="pv-marker">3.</span>');
  });

  it('never produces a followable link', () => {
    for (const flavour of ['telegram', 'whatsapp'] as const) {
      const out = html(doc, flavour);
      expect(out).not.toContain('<a');
      expect(out).not.toContain('href=');
      expect(out).toContain('details');
    }
    expect(html(doc, 'telegram')).toContain('class="pv-link" title="https://example.org/x"');
    expect(html(doc, 'whatsapp')).not.toContain('pv-link');
  });
});
