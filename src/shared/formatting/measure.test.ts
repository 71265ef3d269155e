import { describe, expect, it } from 'vitest';
import {
  TELEGRAM_CAPTION_LIMIT,
  TELEGRAM_TEXT_LIMIT,
  WHATSAPP_CAPTION_LIMIT,
  WHATSAPP_TEXT_LIMIT,
} from './limits';
import { measureFor } from './measure';
import { parseSource } from './parse-source';
import { toWhatsApp } from './whatsapp-markup';

describe('measureFor', () => {
  it('counts Telegram text after entity parsing, not the HTML', () => {
    const doc = parseSource('**bold** [link](https://example.com/very/long/path) & <tag>');
    const m = measureFor(doc, 'telegram', { hasMedia: false });
    expect(m.length).toBe('bold link & <tag>'.length);
    expect(m).toMatchObject({
      limit: TELEGRAM_TEXT_LIMIT,
      kind: 'text',
      over: false,
      nearLimit: false,
    });
  });

  it('counts emoji and ZWJ sequences in UTF-16 code units', () => {
    expect(measureFor(parseSource('👍'), 'telegram', { hasMedia: false }).length).toBe(2);
    expect(measureFor(parseSource('👨‍👩‍👧'), 'telegram', { hasMedia: false }).length).toBe(8);
    expect(measureFor(parseSource('🇮🇹 é'), 'feed', { hasMedia: false }).length).toBe(6);
  });

  it('counts list markers and block separators Telegram shows', () => {
    expect(measureFor(parseSource('- a\n- b\n\nc'), 'telegram', { hasMedia: false }).length).toBe(
      '• a\n• b\n\nc'.length,
    );
  });

  it('uses the caption limit when the update carries media', () => {
    const doc = parseSource('x'.repeat(1000));
    expect(measureFor(doc, 'telegram', { hasMedia: true })).toEqual({
      length: 1000,
      limit: TELEGRAM_CAPTION_LIMIT,
      kind: 'caption',
      over: false,
      nearLimit: true,
    });
    const longer = measureFor(parseSource('x'.repeat(1025)), 'telegram', { hasMedia: true });
    expect(longer.over).toBe(true);
    expect(measureFor(parseSource('x'.repeat(1025)), 'telegram', { hasMedia: false }).over).toBe(
      false,
    );
  });

  it('flags near and over the limit at the exact boundaries', () => {
    const at = (n: number) =>
      measureFor(parseSource('y'.repeat(n)), 'telegram', { hasMedia: false });
    expect(at(Math.ceil(TELEGRAM_TEXT_LIMIT * 0.9) - 1).nearLimit).toBe(false);
    expect(at(Math.ceil(TELEGRAM_TEXT_LIMIT * 0.9)).nearLimit).toBe(true);
    expect(at(TELEGRAM_TEXT_LIMIT).over).toBe(false);
    expect(at(TELEGRAM_TEXT_LIMIT + 1).over).toBe(true);
  });

  it('counts the WhatsApp markup as pasted, markers included', () => {
    const doc = parseSource('**bold** [map](https://m.org)');
    const m = measureFor(doc, 'whatsapp', { hasMedia: false });
    expect(m.length).toBe(toWhatsApp(doc).length);
    expect(m.length).toBe('*bold* map (https://m.org)'.length);
    expect(m.limit).toBe(WHATSAPP_TEXT_LIMIT);
    expect(measureFor(doc, 'whatsapp', { hasMedia: true })).toMatchObject({
      limit: WHATSAPP_CAPTION_LIMIT,
      kind: 'caption',
    });
  });

  it('gives webhooks and feeds the stored-text ceiling', () => {
    const m = measureFor(parseSource('hello'), 'webhook', { hasMedia: true });
    expect(m).toMatchObject({ length: 5, kind: 'text', over: false });
    expect(m.limit).toBeGreaterThan(TELEGRAM_TEXT_LIMIT);
  });

  it('measures an empty text as zero', () => {
    expect(measureFor(parseSource(''), 'telegram', { hasMedia: false }).length).toBe(0);
  });
});
