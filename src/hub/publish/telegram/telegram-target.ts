// A Telegram channel's settings as the connector reads them: `config.chatId` (an @username or a
// numeric id, as a string) and the bot token as the secret; plus the pacing keys and the public
// link of a post, which both follow from them.
import type { ConnectorTarget } from '../connector';
import type { PaceRule } from '../pacer';

/** Telegram's limits for a bot: about 20 messages a minute in one channel, 30 a second overall. */
export const TELEGRAM_CHAT_PER_MINUTE = 20;
export const TELEGRAM_BOT_PER_SECOND = 30;

export interface TelegramTarget {
  token: string;
  /** `@username` or a numeric id, as Telegram takes `chat_id`. */
  chatId: string;
  /** The bot's id: the part of the token before the colon. */
  botId: string;
}

export type TargetResult = { ok: true; target: TelegramTarget } | { ok: false; reason: string };

const USERNAME = /^@[A-Za-z][A-Za-z0-9_]{3,31}$/;
const NUMERIC_ID = /^-?\d{1,20}$/;
const TOKEN = /^(\d+):[A-Za-z0-9_-]+$/;

/** Reads the channel's settings, or says what is missing. */
export function readTarget(target: ConnectorTarget): TargetResult {
  const chatId = target.config['chatId'];
  if (typeof chatId !== 'string' || !(USERNAME.test(chatId) || NUMERIC_ID.test(chatId))) {
    return {
      ok: false,
      reason:
        'The channel has no valid Telegram chat: set @username (public channels) or the numeric id (e.g. -1001234567890).',
    };
  }
  const token = target.secret?.trim() ?? '';
  const match = TOKEN.exec(token);
  if (match === null) {
    return {
      ok: false,
      reason:
        token === ''
          ? 'No bot token is set for this channel: paste the token @BotFather gave the bot.'
          : 'The bot token does not look like one from @BotFather (digits, a colon, then letters).',
    };
  }
  return { ok: true, target: { token, chatId, botId: match[1] as string } };
}

/** The public link of a post, which only a channel with a username has. */
export function postUrl(chatId: string, messageId: number): string | null {
  return chatId.startsWith('@') ? `https://t.me/${chatId.slice(1)}/${messageId}` : null;
}

/** The pacing key a 429 blocks: the channel (its retry_after is about that chat). */
export function chatKey(t: TelegramTarget): string {
  return `telegram:chat:${t.chatId.toLowerCase()}`;
}

/**
 * A send is booked before it leaves and Telegram counts it when it arrives, later by a variable
 * delay (up to the best part of a second on a busy hub): a channel's minute is booked a second
 * longer, or its 21st post can reach Telegram inside the minute of its first (measured: 9 answers
 * 429 in one `npm run bench publish` burst with an exact minute).
 */
const CHAT_WINDOW_SLACK_MS = 1000;

/** The limits one post books: its channel's minute and its bot's second. */
export function paceRules(t: TelegramTarget): PaceRule[] {
  return [
    {
      key: chatKey(t),
      perWindow: TELEGRAM_CHAT_PER_MINUTE,
      windowMs: 60_000 + CHAT_WINDOW_SLACK_MS,
    },
    { key: `telegram:bot:${t.botId}`, perWindow: TELEGRAM_BOT_PER_SECOND, windowMs: 1000 },
  ];
}
