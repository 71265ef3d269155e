// What the hub's scheduler asks of a channel connector (Telegram, webhook, WhatsApp manual-assist):
// post, edit and delete one copy, and check a channel's settings before they are saved. A
// connector never retries or sleeps by itself: it answers what happened, and the scheduler decides
// when to try again (so a crash or a second hub process never doubles a send).
import type { Attachment, Poll } from '../../shared/domain';

/** What one copy says, as the desk wrote it (source text; each connector renders its platform). */
export interface PublishContent {
  /** The copy's source text (the composer's markup, rendered by `src/shared/formatting`). */
  text: string;
  attachments: readonly Attachment[];
  poll: Poll | null;
  /** Sent without a sound where the platform allows it. */
  silent: boolean;
  /** Pinned in the channel after posting, where the platform allows it. */
  pin: boolean;
}

/** The channel a copy goes to: its settings (safe to show) and its secret (never sent to desks). */
export interface ConnectorTarget {
  channelId: string;
  /** Platform settings, e.g. `{ chatId: '@rome_mobility' }` or `{ url: 'https://…' }`. */
  config: Record<string, unknown>;
  /** A bot token, a signing secret; null when the platform needs none. */
  secret: string | null;
}

/** Where a sent copy lives on the platform: what an edit or a delete needs later. */
export interface SentRef {
  /** Platform message ids, first one first (an album has several). */
  messageIds: string[];
  /** A public link to the post, when the platform has one. */
  url: string | null;
  /** The platform's id of a poll the post carries (Telegram reports results by it). */
  pollId?: string | null;
}

/** Attachment bytes by content hash (the hub's blob store). */
export type BlobReader = (hash: string) => Promise<Buffer>;

export interface SendContext {
  /**
   * Stable for one publication across all its attempts: receivers that support it drop a
   * second delivery with the same key (the webhook sends it as a header).
   */
  idempotencyKey: string;
  /** Which copy this is: the hub's ids, and the update's version whose content is sent. */
  copy: { updateId: string; storyId: string; version: number };
  /** The hub's clock. */
  now: Date;
  blobs: BlobReader;
}

export type PublishOutcome =
  /** Done: the platform accepted it. `answer` is kept with the publication (status, body excerpt). */
  | { kind: 'sent'; ref: SentRef; answer: string | null }
  /** Not now, through nobody's fault (pacing, a 429's retry_after): try again at `notBefore`; not an attempt. */
  | { kind: 'later'; notBefore: Date; reason: string }
  /** A failure that may pass (network, 5xx): the scheduler retries with backoff, then gives up. */
  | { kind: 'retry'; reason: string }
  /** A failure that will not pass by retrying (bot not admin, text too long): failed at once. */
  | { kind: 'failed'; reason: string }
  /** The platform has no API: a person posts it (WhatsApp Channels); the copy becomes `due`. */
  | { kind: 'manual' };

export type CheckResult =
  { ok: true; facts: Record<string, string> } | { ok: false; reason: string };

export interface Connector {
  post(target: ConnectorTarget, content: PublishContent, ctx: SendContext): Promise<PublishOutcome>;
  /** Replaces a sent copy's text (and caption). `previous` is the content the platform holds. */
  edit(
    target: ConnectorTarget,
    ref: SentRef,
    content: PublishContent,
    ctx: SendContext,
  ): Promise<PublishOutcome>;
  /** Deletes a sent copy. `sentAt` is when it was posted (platforms limit how late a delete may be). */
  remove(
    target: ConnectorTarget,
    ref: SentRef,
    sentAt: Date,
    ctx: SendContext,
  ): Promise<PublishOutcome>;
  /** Checks settings before they are saved (token valid, bot an admin allowed to post, URL answers). */
  check(target: ConnectorTarget): Promise<CheckResult>;
}
