// The Telegram connector: posts, edits and deletes a channel's copies through the Bot API
// (grammY's Api; `apiRoot` points it at a local peer in tests). Facts it respects:
// - a post is planned before any call (post-plan.ts) and paced as a whole: it books one slot
//   per message it creates against the channel (about 20 a minute) and the bot (about 30 a
//   second); no slot → `later` without calling Telegram. A 429 blocks the channel's key until
//   retry_after has passed.
// - a post of several calls (media then text, text then poll, two albums) is all or nothing:
//   when a later call fails, the messages already sent are deleted, so the scheduler's retry
//   cannot post them twice; if even that delete fails, the copy counts as sent and the answer
//   says what is missing (the Connector contract has no "partly sent").
// - Telegram has no idempotency key: `ctx.idempotencyKey` is not sent anywhere.
// - bots may delete channel posts only within 48 hours; edits have no time limit; a poll
//   cannot be edited; "message is not modified" and "message to delete not found" are success.
import { Api, HttpError } from 'grammy';
import type { ApiClientOptions } from 'grammy';
import type {
  Connector,
  ConnectorTarget,
  PublishContent,
  PublishOutcome,
  SendContext,
  SentRef,
} from '../connector';
import { Pacer } from '../pacer';
import { checkTelegramTarget } from './telegram-check';
import {
  describeError,
  isAlreadyDeleted,
  isNotModified,
  isPlatformError,
  POST_IN_DOUBT,
  mayHaveArrived,
  outcomeOfError,
} from './telegram-errors';
import type { ErrorOutcome } from './telegram-errors';
import { planPost } from './post-plan';
import type { PostPlan } from './post-plan';
import { sendStep } from './send-step';
import type { StepContext } from './send-step';
import { chatKey, paceRules, postUrl, readTarget } from './telegram-target';
import type { TelegramTarget } from './telegram-target';

/** Bot API: "a message can only be deleted if it was sent less than 48 hours ago". */
export const TELEGRAM_DELETE_WINDOW_MS = 48 * 60 * 60 * 1000;

export interface TelegramConnectorOptions {
  /** Bot API server root without a trailing slash; Telegram's own by default. */
  apiRoot?: string;
  /** Shared by every channel of this hub process; a fresh one by default. */
  pacer?: Pacer;
  fetch?: ApiClientOptions['fetch'];
  /** How long one call may take before it counts as a network failure (grammY's default: 500). */
  timeoutSeconds?: number;
}

interface Session {
  t: TelegramTarget;
  api: Api;
}

function refOf(chatId: string, ids: number[], pollId: string | null = null): SentRef {
  return {
    messageIds: ids.map(String),
    url: ids.length > 0 ? postUrl(chatId, ids[0] as number) : null,
    ...(pollId ? { pollId } : {}),
  };
}

function listIds(ids: readonly (string | number)[]): string {
  return ids.length === 1 ? `message ${ids[0]}` : `messages ${ids.join(', ')}`;
}

/** Errors that are not Telegram's (our bugs, the blob store) are not outcomes: they propagate. */
function rethrow(err: unknown): never {
  throw err;
}

async function readFiles(content: PublishContent, ctx: SendContext): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const { hash } of content.attachments) {
    if (!files.has(hash)) files.set(hash, await ctx.blobs(hash));
  }
  return files;
}

export function createTelegramConnector(opts: TelegramConnectorOptions = {}): Connector {
  const pacer = opts.pacer ?? new Pacer();
  const clientOptions: ApiClientOptions = {
    ...(opts.apiRoot === undefined ? {} : { apiRoot: opts.apiRoot }),
    ...(opts.fetch === undefined ? {} : { fetch: opts.fetch }),
    ...(opts.timeoutSeconds === undefined ? {} : { timeoutSeconds: opts.timeoutSeconds }),
  };

  function open(target: ConnectorTarget): Session | { kind: 'failed'; reason: string } {
    const read = readTarget(target);
    if (!read.ok) return { kind: 'failed', reason: read.reason };
    return { t: read.target, api: new Api(read.target.token, clientOptions) };
  }

  function errorOutcome(s: Session, err: unknown, now: Date): ErrorOutcome {
    if (!isPlatformError(err)) rethrow(err);
    const outcome = outcomeOfError(err, now, s.t.chatId);
    if (outcome.kind === 'later') pacer.block(chatKey(s.t), outcome.notBefore);
    return outcome;
  }

  /** Deletes what a failed post already sent; true when nothing of it is left. */
  async function rollBack(s: Session, ids: number[]): Promise<boolean> {
    for (const id of ids) {
      try {
        await s.api.deleteMessage(s.t.chatId, id);
      } catch (err) {
        if (!isAlreadyDeleted(err)) return false;
      }
    }
    return true;
  }

  async function runPlan(s: Session, plan: PostPlan, ctx: StepContext, now: Date) {
    const ids: number[] = [];
    let pollId: string | null = null;
    const stepCtx = { ...ctx, onPoll: (id: string) => (pollId = id) };
    for (const step of plan.steps) {
      try {
        ids.push(...(await sendStep(stepCtx, step)));
      } catch (err) {
        // A step that got no answer may have posted: never sent again blindly (no idempotency key).
        const outcome: ErrorOutcome =
          err instanceof HttpError && mayHaveArrived(err)
            ? { kind: 'failed', reason: POST_IN_DOUBT }
            : errorOutcome(s, err, now);
        if (ids.length === 0 || (await rollBack(s, ids))) return outcome;
        return {
          kind: 'sent' as const,
          ref: refOf(s.t.chatId, ids, pollId),
          answer: `Partly posted as ${listIds(ids)}: sending the ${step.kind} failed (${outcome.reason}) and the part already sent could not be withdrawn.`,
        };
      }
    }
    return {
      kind: 'sent' as const,
      ref: refOf(s.t.chatId, ids, pollId),
      answer: `Posted as ${listIds(ids)}.`,
    };
  }

  async function pin(s: Session, first: string): Promise<string> {
    try {
      await s.api.pinChatMessage(s.t.chatId, Number(first));
      return ' Pinned.';
    } catch (err) {
      if (!isPlatformError(err)) rethrow(err);
      return ` Not pinned: Telegram refused (${describeError(err)}).`;
    }
  }

  return {
    async post(target, content, ctx): Promise<PublishOutcome> {
      const s = open(target);
      if ('kind' in s) return s;
      const planned = planPost(content);
      if (!planned.ok) return { kind: 'failed', reason: planned.reason };
      // Bytes first: a missing blob must not cost a pacing slot or leave half a post.
      const files = await readFiles(content, ctx);
      const booked = pacer.reserve(paceRules(s.t), ctx.now, planned.plan.messages);
      if (!booked.ok) {
        return {
          kind: 'later',
          notBefore: booked.notBefore,
          reason: `Paced: Telegram allows about 20 posts a minute in a channel; next slot at ${booked.notBefore.toISOString()}.`,
        };
      }
      const stepCtx = { api: s.api, chatId: s.t.chatId, silent: content.silent, files };
      const outcome = await runPlan(s, planned.plan, stepCtx, ctx.now);
      if (outcome.kind !== 'sent' || !content.pin) return outcome;
      const first = outcome.ref.messageIds[0] as string;
      return { ...outcome, answer: `${outcome.answer ?? ''}${await pin(s, first)}` };
    },

    async edit(target, ref, content, ctx): Promise<PublishOutcome> {
      const s = open(target);
      if ('kind' in s) return s;
      const planned = planPost(content);
      if (!planned.ok) return { kind: 'failed', reason: planned.reason };
      const { plan } = planned;
      if (plan.messages !== ref.messageIds.length) {
        return {
          kind: 'failed',
          reason: `The copy on Telegram is ${ref.messageIds.length} message(s); the edited copy would be ${plan.messages}. Telegram edits a message's text or caption but cannot add or remove messages: delete the copy and post it again.`,
        };
      }
      if (plan.textAt === null) {
        return {
          kind: 'failed',
          reason: 'Telegram cannot edit a poll, and this copy has no text or caption to change.',
        };
      }
      const id = Number(ref.messageIds[plan.textAt.index]);
      const pollNote =
        content.poll === null ? '' : ' The poll is unchanged (Telegram cannot edit a poll).';
      try {
        if (plan.textAt.as === 'text') {
          await s.api.editMessageText(s.t.chatId, id, plan.textAt.html, { parse_mode: 'HTML' });
        } else {
          await s.api.editMessageCaption(s.t.chatId, id, {
            caption: plan.textAt.html,
            parse_mode: 'HTML',
          });
        }
      } catch (err) {
        if (isNotModified(err)) {
          return {
            kind: 'sent',
            ref,
            answer: `Telegram already shows this text (message ${id}).${pollNote}`,
          };
        }
        return errorOutcome(s, err, ctx.now);
      }
      return { kind: 'sent', ref, answer: `Edited message ${id}.${pollNote}` };
    },

    async remove(target, ref, sentAt, ctx): Promise<PublishOutcome> {
      const s = open(target);
      if ('kind' in s) return s;
      if (ctx.now.getTime() - sentAt.getTime() > TELEGRAM_DELETE_WINDOW_MS) {
        return {
          kind: 'failed',
          reason: `Telegram lets a bot delete a channel post only within 48 hours; this one was posted ${sentAt.toISOString()}. Delete it by hand in a Telegram app.`,
        };
      }
      const gone: string[] = [];
      for (const id of ref.messageIds) {
        try {
          await s.api.deleteMessage(s.t.chatId, Number(id));
        } catch (err) {
          if (!isAlreadyDeleted(err)) return errorOutcome(s, err, ctx.now);
        }
        gone.push(id);
      }
      return { kind: 'sent', ref, answer: `Deleted ${listIds(gone)}.` };
    },

    check(target) {
      const s = open(target);
      if ('kind' in s) return Promise.resolve({ ok: false, reason: s.reason });
      return checkTelegramTarget(s.api, s.t.chatId);
    },
  };
}
