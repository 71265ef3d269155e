// Every injection payload through the renderers of the desk's own markup: Telegram HTML keeps to
// the tags Telegram allows and links only to safe schemes, while WhatsApp text and plain text
// carry the payload's words as they were typed.
import { describe, expect, it } from 'vitest';
import {
  INJECTION_PAYLOADS,
  TELEGRAM_POLICY,
  assertInertHtml,
  htmlText,
} from '../../../tests/support/injection-corpus';
import { parseSource } from './parse-source';
import { toPlain } from './plain-text';
import { toTelegramHtml } from './telegram-html';
import { toWhatsApp } from './whatsapp-markup';
import { parseWhatsApp } from './whatsapp-parse';
import { isSafeHref } from './inline-utils';
import type { Block, Inline } from './types';

const cases = INJECTION_PAYLOADS.map((p) => [p.name, p] as const);

/** Every link target left in inline content. */
function hrefsOf(nodes: readonly Inline[]): string[] {
  return nodes.flatMap((n) =>
    n.type === 'link'
      ? [n.href, ...hrefsOf(n.children)]
      : 'children' in n
        ? hrefsOf(n.children)
        : [],
  );
}

/** Every link target left in a document's blocks. */
function blockHrefs(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'paragraph') return hrefsOf(b.children);
    if (b.type === 'quote') return blockHrefs(b.children);
    if (b.type === 'list') return b.items.flatMap(blockHrefs);
    return [];
  });
}

describe('untrusted text in the desk’s renderers', () => {
  it.each(cases)('%s: Telegram HTML holds no live markup and shows the text', (_, payload) => {
    // Alone, and inside formatting and a real link, where an escape slip would matter most.
    for (const src of [
      payload.text,
      `**bold ${payload.text}** [ok](https://e.example/?q=${payload.name}) _${payload.text}_`,
    ]) {
      const html = toTelegramHtml(parseSource(src));
      assertInertHtml(html, TELEGRAM_POLICY);
      expect(htmlText(html)).toContain(payload.marker);
    }
  });

  it.each(cases)(
    '%s: WhatsApp text and plain text keep the words, links only safe',
    (_, payload) => {
      const doc = parseSource(payload.text);
      const whatsapp = toWhatsApp(doc);
      expect(whatsapp).toContain(payload.marker);
      expect(toPlain(doc)).toContain(payload.marker);
      // The WhatsApp preview parses that text back: no link it makes may be unsafe.
      for (const href of blockHrefs(parseWhatsApp(whatsapp).blocks)) {
        expect(isSafeHref(href)).toBe(true);
      }
    },
  );

  it('the checker refuses live markup, so the tests above can fail', () => {
    expect(() => assertInertHtml('<img src=x onerror=alert(1)>', TELEGRAM_POLICY)).toThrow();
    expect(() => assertInertHtml('<a href="javascript:alert(1)">x</a>', TELEGRAM_POLICY)).toThrow();
    expect(() => assertInertHtml('<b onmouseover="x">x</b>', TELEGRAM_POLICY)).toThrow();
    expect(() =>
      assertInertHtml('<a href="https://e.example/" onclick="x">x</a>', TELEGRAM_POLICY),
    ).toThrow();
    expect(() => assertInertHtml('a < b', TELEGRAM_POLICY)).toThrow();
    expect(() => assertInertHtml('a & b', TELEGRAM_POLICY)).toThrow();
    expect(() =>
      assertInertHtml('<a href="https://e.example/">ok</a> &lt;b&gt;', TELEGRAM_POLICY),
    ).not.toThrow();
  });
});
