// Length counters: what each platform counts, against its limit.
import {
  NEAR_LIMIT_RATIO,
  OWN_OUTPUT_TEXT_LIMIT,
  TELEGRAM_CAPTION_LIMIT,
  TELEGRAM_TEXT_LIMIT,
  WHATSAPP_CAPTION_LIMIT,
  WHATSAPP_TEXT_LIMIT,
} from './limits';
import { toPlain } from './plain-text';
import type { Doc } from './types';
import { toWhatsApp } from './whatsapp-markup';

/** A length against a limit, in UTF-16 code units. */
export interface Measure {
  length: number;
  limit: number;
  kind: 'text' | 'caption';
  over: boolean;
  /** At or above 90% of the limit (also true when over). */
  nearLimit: boolean;
}

/** Where a text goes. */
export type MeasurePlatform = 'telegram' | 'whatsapp' | 'webhook' | 'feed';

function measure(length: number, limit: number, kind: Measure['kind']): Measure {
  return {
    length,
    limit,
    kind,
    over: length > limit,
    nearLimit: length >= limit * NEAR_LIMIT_RATIO,
  };
}

/**
 * Measures a Doc as the platform counts it: Telegram counts the visible text after entity
 * parsing (trimmed), WhatsApp the markup as pasted, webhooks and feeds the plain text.
 */
export function measureFor(
  doc: Doc,
  platform: MeasurePlatform,
  opts: { hasMedia: boolean },
): Measure {
  const kind = opts.hasMedia ? 'caption' : 'text';
  switch (platform) {
    case 'telegram':
      return measure(
        toPlain(doc).trim().length,
        opts.hasMedia ? TELEGRAM_CAPTION_LIMIT : TELEGRAM_TEXT_LIMIT,
        kind,
      );
    case 'whatsapp':
      return measure(
        toWhatsApp(doc).length,
        opts.hasMedia ? WHATSAPP_CAPTION_LIMIT : WHATSAPP_TEXT_LIMIT,
        kind,
      );
    case 'webhook':
    case 'feed':
      return measure(toPlain(doc).length, OWN_OUTPUT_TEXT_LIMIT, 'text');
  }
}
