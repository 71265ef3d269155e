// The signed webhook connector: each post, edit and withdrawal of a copy is one JSON delivery
// POSTed to the newsroom's own endpoint (CMS, website, app), signed with the channel's secret.
// It never retries by itself: it reports what the receiver answered and the scheduler decides.
import { randomUUID } from 'node:crypto';
import type {
  CheckResult,
  Connector,
  ConnectorTarget,
  PublishContent,
  PublishOutcome,
  SendContext,
  SentRef,
} from '../connector';
import { answerText, outcomeOf, refusalReason } from './webhook-answer';
import { webhookUpdate, type WebhookEvent, type WebhookEventType } from './webhook-event';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature';
import { postOnce, type Delivery } from './webhook-transport';

/** How long a receiver has to answer a delivery. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Options of the webhook connector (tests pass a short timeout). */
export interface WebhookConnectorOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface Endpoint {
  url: URL;
  secret: string;
}

/** The target's endpoint and secret, or why they cannot be used. */
export function webhookEndpoint(target: ConnectorTarget): Endpoint | string {
  const raw = target.config.url;
  if (typeof raw !== 'string' || raw.trim() === '') return 'the webhook has no URL';
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return `the webhook URL "${raw}" is not a valid URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `the webhook URL must start with https:// or http://, not ${url.protocol}//`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'the webhook URL must not contain a user name or password (deliveries are signed)';
  }
  if (target.secret === null || target.secret === '') return 'the webhook has no signing secret';
  return { url, secret: target.secret };
}

/** Creates the webhook connector. */
export function createWebhookConnector(opts: WebhookConnectorOptions = {}): Connector {
  const fetchFn = opts.fetch ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;

  function deliver(endpoint: Endpoint, event: WebhookEvent, now: Date): Promise<Delivery> {
    const body = Buffer.from(JSON.stringify(event), 'utf8');
    const timestamp = Math.floor(now.getTime() / 1000);
    return postOnce(fetchFn, {
      url: endpoint.url,
      timeoutMs,
      body,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'ChannelDesk-Hub',
        [WEBHOOK_HEADERS.event]: event.type,
        [WEBHOOK_HEADERS.delivery]: event.id,
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(endpoint.secret, timestamp, body),
      },
    });
  }

  async function send(
    target: ConnectorTarget,
    type: WebhookEventType,
    fields: Pick<WebhookEvent, 'update' | 'ref' | 'sentAt'>,
    sentRef: SentRef,
    ctx: SendContext,
  ): Promise<PublishOutcome> {
    const endpoint = webhookEndpoint(target);
    if (typeof endpoint === 'string') return { kind: 'failed', reason: endpoint };
    const event: WebhookEvent = {
      type,
      id: ctx.idempotencyKey,
      deliveredAt: ctx.now.toISOString(),
      channelId: target.channelId,
      updateId: ctx.copy.updateId,
      storyId: ctx.copy.storyId,
      version: ctx.copy.version,
      ...fields,
    };
    return outcomeOf(await deliver(endpoint, event, ctx.now), sentRef, ctx.now);
  }

  return {
    post(target: ConnectorTarget, content: PublishContent, ctx: SendContext) {
      const update = webhookUpdate(content);
      return send(target, 'update.published', { update }, unnamedRef(ctx), ctx);
    },

    edit(target: ConnectorTarget, ref: SentRef, content: PublishContent, ctx: SendContext) {
      return send(target, 'update.edited', { update: webhookUpdate(content), ref }, ref, ctx);
    },

    remove(target: ConnectorTarget, ref: SentRef, sentAt: Date, ctx: SendContext) {
      return send(target, 'update.withdrawn', { ref, sentAt: sentAt.toISOString() }, ref, ctx);
    },

    async check(target: ConnectorTarget): Promise<CheckResult> {
      const endpoint = webhookEndpoint(target);
      if (typeof endpoint === 'string') return { ok: false, reason: endpoint };
      const now = new Date();
      const ping: WebhookEvent = {
        type: 'ping',
        id: `ping-${randomUUID()}`,
        deliveredAt: now.toISOString(),
        channelId: target.channelId,
      };
      const delivery = await deliver(endpoint, ping, now);
      if (delivery.kind === 'no-answer') return { ok: false, reason: delivery.reason };
      if (delivery.status < 200 || delivery.status >= 300) {
        return { ok: false, reason: refusalReason(delivery) };
      }
      return { ok: true, facts: { url: endpoint.url.href, answer: answerText(delivery) } };
    },
  };
}

/** A receiver that names no id for the copy gets the delivery id as its id. */
function unnamedRef(ctx: SendContext): SentRef {
  return { messageIds: [ctx.idempotencyKey], url: null };
}
