// How a receiver's answer becomes a publish outcome: 2xx is done, 410 and other 4xx will not
// pass by retrying, 408/429/5xx and no answer at all may pass (429 with Retry-After: later).
import { parseHttpDate } from '../feeds/conditional-get';
import type { PublishOutcome, SentRef } from '../connector';
import type { Delivery } from './webhook-transport';

/** How much of the receiver's body is kept with the publication. */
export const ANSWER_EXCERPT_CHARS = 500;

type Answer = Extract<Delivery, { kind: 'answer' }>;

/** `"<status> <first 500 characters of the body>"`. */
export function answerText(answer: Answer): string {
  return `${answer.status} ${answer.body.slice(0, ANSWER_EXCERPT_CHARS)}`.trimEnd();
}

function jsonFields(body: string): { id?: unknown; url?: unknown } {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

/** The copy's reference from a 2xx body: its `id` and `url` when they are strings. */
export function refFromAnswer(answer: Answer, fallback: SentRef): SentRef {
  const { id, url } = jsonFields(answer.body);
  return {
    messageIds: typeof id === 'string' && id !== '' ? [id] : fallback.messageIds,
    url: typeof url === 'string' && url !== '' ? url : fallback.url,
  };
}

/** When a Retry-After value (seconds or an HTTP date) allows the next try; null if unreadable. */
export function retryAfter(value: string | null, now: Date): Date | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return new Date(now.getTime() + Number(text) * 1000);
  const at = parseHttpDate(text, now);
  return at === null ? null : new Date(Math.max(at, now.getTime()));
}

/** Why a receiver's non-2xx answer is not a success, in words. */
export function refusalReason(answer: Answer): string {
  const { status } = answer;
  const said = answerText(answer);
  if (status === 410) return `the receiver says this channel's endpoint is gone (${said})`;
  if (status === 401 || status === 403) {
    return `the receiver refused the delivery; check the signing secret (${said})`;
  }
  if (status === 408) return `the receiver timed out reading the delivery (${said})`;
  if (status === 429) return `the receiver is rate limiting deliveries (${said})`;
  if (status >= 300 && status < 400) {
    const location = answer.headers.get('location') ?? 'nowhere';
    return `the receiver redirects to ${location}; set the webhook to the final address (${said})`;
  }
  if (status >= 500) return `the receiver failed (${said})`;
  return `the receiver refused the delivery (${said})`;
}

/** The outcome of one delivery. `sentRef` is the copy's reference when the answer is 2xx. */
export function outcomeOf(delivery: Delivery, sentRef: SentRef, now: Date): PublishOutcome {
  if (delivery.kind === 'no-answer') return { kind: 'retry', reason: delivery.reason };
  const { status } = delivery;
  if (status >= 200 && status < 300) {
    return { kind: 'sent', ref: refFromAnswer(delivery, sentRef), answer: answerText(delivery) };
  }
  const reason = refusalReason(delivery);
  if (status === 429) {
    const notBefore = retryAfter(delivery.headers.get('retry-after'), now);
    return notBefore ? { kind: 'later', notBefore, reason } : { kind: 'retry', reason };
  }
  if (status === 408 || status >= 500) return { kind: 'retry', reason };
  return { kind: 'failed', reason };
}
