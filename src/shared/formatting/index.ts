// The formatting module: one source text → Telegram HTML, WhatsApp markup and plain text,
// with length counters and the composer's toolbar transforms. Pure TS: runs in Node and browsers.
export type { Block, Doc, Inline } from './types';
export { parseSource } from './parse-source';
export { toTelegramHtml } from './telegram-html';
export { toWhatsApp } from './whatsapp-markup';
export { toPlain, type PlainOptions } from './plain-text';
export { parseWhatsApp } from './whatsapp-parse';
export {
  TELEGRAM_TEXT_LIMIT,
  TELEGRAM_CAPTION_LIMIT,
  WHATSAPP_TEXT_LIMIT,
  WHATSAPP_CAPTION_LIMIT,
  OWN_OUTPUT_TEXT_LIMIT,
} from './limits';
export { measureFor, type Measure, type MeasurePlatform } from './measure';
export type { FormatAction, FormatResult } from './format-edit';
export { applyFormat } from './apply-format';
export { titleOf } from './title';
/** For previews that render a Doc themselves: which link targets may be clickable. */
export { isSafeHref } from './inline-utils';
