// Length limits of each platform, in UTF-16 code units (what JavaScript's `length` counts).
import { MAX_SOURCE_TEXT_CHARS } from '../schemas';

/** Telegram Bot API: longest message text after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Telegram Bot API: longest media caption after entity parsing. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/**
 * WhatsApp documents no limit for Channel updates, and the app accepts far longer messages.
 * We take the WhatsApp Business API's ceiling for a text body, 4096: a longer update is
 * unreadable on a phone anyway, and it equals Telegram's, so one story fits both channels.
 */
export const WHATSAPP_TEXT_LIMIT = 4096;
/** Same reasoning: the Business API's ceiling for a media caption. */
export const WHATSAPP_CAPTION_LIMIT = 1024;

/** Webhooks and feeds have no platform limit; the only ceiling is what the desk stores. */
export const OWN_OUTPUT_TEXT_LIMIT = MAX_SOURCE_TEXT_CHARS;

/** Share of the limit from which a counter warns. */
export const NEAR_LIMIT_RATIO = 0.9;
