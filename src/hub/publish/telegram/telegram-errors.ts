// Bot API errors → publish outcomes, in words an editor can act on. grammY throws a GrammyError
// when Telegram answered `ok: false` (error_code, description, parameters.retry_after) and an
// HttpError when no JSON answer came back (network down, timeout, a proxy's HTML 502).
// 429 waits for retry_after; 5xx and network trouble are retried; everything else is final.
import { GrammyError, HttpError } from 'grammy';
import { TELEGRAM_CAPTION_LIMIT, TELEGRAM_TEXT_LIMIT } from '../../../shared/formatting';
import type { PublishOutcome } from '../connector';

/** Used when a 429 comes without retry_after (Telegram always sends one; a proxy may not). */
const DEFAULT_RETRY_AFTER_S = 5;

export type ErrorOutcome = Extract<PublishOutcome, { kind: 'later' | 'retry' | 'failed' }>;

/** True for errors that say something about the platform (never for our own bugs). */
export function isPlatformError(err: unknown): err is GrammyError | HttpError {
  return err instanceof GrammyError || err instanceof HttpError;
}

function has(err: GrammyError, fragment: string): boolean {
  return err.description.toLowerCase().includes(fragment.toLowerCase());
}

/** Telegram's "message is not modified": an edit that changes nothing, which is success. */
export function isNotModified(err: unknown): boolean {
  return (
    err instanceof GrammyError && err.error_code === 400 && has(err, 'message is not modified')
  );
}

/** A delete of a message that is already gone, which is what a delete wants. */
export function isAlreadyDeleted(err: unknown): boolean {
  return (
    err instanceof GrammyError && err.error_code === 400 && has(err, 'message to delete not found')
  );
}

/** One line for answers: what Telegram said, without the token (grammY never prints it). */
export function describeError(err: GrammyError | HttpError): string {
  return err instanceof GrammyError ? `${err.error_code}: ${err.description}` : err.message;
}

const NOT_ADMIN =
  'The bot is not an administrator of this channel allowed to post messages: add it as an admin with "Post messages" in the channel settings';

function badRequest(err: GrammyError, chatId: string): string {
  const said = `(Telegram: ${err.description})`;
  if (has(err, 'chat not found')) {
    return `Telegram knows no channel ${chatId}: check the @username or id, and that the bot was added to the channel ${said}.`;
  }
  if (has(err, "can't parse entities")) {
    return `Telegram could not read the text's formatting; the text was not posted ${said}.`;
  }
  if (has(err, 'caption is too long')) {
    return `The caption is longer than Telegram's ${TELEGRAM_CAPTION_LIMIT} characters ${said}.`;
  }
  if (has(err, 'message is too long')) {
    return `The text is longer than Telegram's ${TELEGRAM_TEXT_LIMIT} characters for a message ${said}.`;
  }
  if (has(err, 'need administrator rights') || has(err, 'not enough rights')) {
    return `${NOT_ADMIN} ${said}.`;
  }
  return `Telegram refused it ${said}.`;
}

/** Failures that mean the request never left (nothing listening, no such host). */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * Whether a call that got no answer may still have reached Telegram — a timeout, a cut connection
 * — rather than never having left. Telegram has no idempotency key: sending such a post again
 * could post it twice.
 */
export function mayHaveArrived(err: HttpError): boolean {
  for (let e: unknown = err.error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NEVER_SENT.has(code)) return false;
  }
  return true;
}

export const POST_IN_DOUBT =
  'Telegram did not answer after the post went out, so it may or may not have been posted. Check the channel: if it is there, mark it as published; if not, send it again.';

/** What the scheduler should do after a failed call. */
export function outcomeOfError(
  err: GrammyError | HttpError,
  now: Date,
  chatId: string,
): ErrorOutcome {
  if (err instanceof HttpError) {
    return { kind: 'retry', reason: `Telegram could not be reached (${err.message}).` };
  }
  const said = `(Telegram: ${err.description})`;
  if (err.error_code === 429) {
    const seconds = err.parameters.retry_after ?? DEFAULT_RETRY_AFTER_S;
    return {
      kind: 'later',
      notBefore: new Date(now.getTime() + seconds * 1000),
      reason: `Telegram asked to wait ${seconds} s before posting again ${said}.`,
    };
  }
  if (err.error_code >= 500) {
    return { kind: 'retry', reason: `Telegram had a server error ${said}.` };
  }
  if (err.error_code === 401) {
    return {
      kind: 'failed',
      reason: `Telegram rejected the bot token: check it with @BotFather and save it again in the channel's settings ${said}.`,
    };
  }
  if (err.error_code === 403) return { kind: 'failed', reason: `${NOT_ADMIN} ${said}.` };
  if (err.error_code === 400) return { kind: 'failed', reason: badRequest(err, chatId) };
  return { kind: 'failed', reason: `Telegram refused it ${said}.` };
}
