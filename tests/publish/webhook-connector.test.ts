// The webhook connector against a receiver written from docs/webhooks.md, over real HTTP:
// signatures verify, tampering and replays are refused, and every kind of answer (or silence)
// becomes the outcome the scheduler needs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ConnectorTarget,
  PublishContent,
  SendContext,
  SentRef,
} from '../../src/hub/publish/connector';
import {
  createWebhookConnector,
  signWebhook,
  WEBHOOK_REPLAY_WINDOW_S,
} from '../../src/hub/publish/webhook';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const SECRET = 'whsec_3b1f0c9e7a5d4e2f8a6b';
const TIMEOUT_MS = 400;

const CONTENT: PublishContent = {
  text: '**Metro A** closed <script>x</script>\n\n- Termini\n- [Flaminio](https://example.org/f)',
  attachments: [
    {
      hash: 'c'.repeat(64),
      name: 'map.jpg',
      mime: 'image/jpeg',
      kind: 'image',
      size: 48_213,
      thumbHash: 'd'.repeat(64),
    },
  ],
  poll: {
    question: 'Detour clear?',
    options: ['Yes', 'No'],
    multipleAnswers: false,
    quizCorrectOption: null,
  },
  silent: true,
  pin: false,
};

let receiver: WebhookReceiver;
let target: ConnectorTarget;
const connector = createWebhookConnector({ timeoutMs: TIMEOUT_MS });

function ctx(key: string, now = new Date()): SendContext {
  return {
    idempotencyKey: key,
    copy: { updateId: 'u-traffic-1', storyId: 's-traffic-1', version: 7 },
    now,
    blobs: () => Promise.reject(new Error('not needed')),
  };
}

beforeEach(async () => {
  receiver = await startWebhookReceiver(SECRET);
  target = { channelId: 'ch-traffic', config: { url: receiver.url }, secret: SECRET };
});
afterEach(() => receiver.close());

describe('deliveries', () => {
  it('posts a signed update.published event the receiver verifies and records', async () => {
    receiver.setMode({ kind: 'accept', id: 'article-7731', url: 'https://news.example/7731' });
    const now = new Date();
    const outcome = await connector.post(target, CONTENT, ctx('pub-1', now));
    expect(outcome).toEqual({
      kind: 'sent',
      ref: { messageIds: ['article-7731'], url: 'https://news.example/7731' },
      answer: '200 {"id":"article-7731","url":"https://news.example/7731"}',
    });
    expect(receiver.refusals).toEqual([]);
    const [received] = receiver.events;
    expect(received?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'ChannelDesk-Hub',
      'x-channeldesk-event': 'update.published',
      'x-channeldesk-delivery': 'pub-1',
      'x-channeldesk-timestamp': String(Math.floor(now.getTime() / 1000)),
    });
    expect(received?.event).toEqual({
      type: 'update.published',
      id: 'pub-1',
      deliveredAt: now.toISOString(),
      channelId: 'ch-traffic',
      updateId: 'u-traffic-1',
      storyId: 's-traffic-1',
      version: 7,
      update: {
        text: CONTENT.text,
        plain: 'Metro A closed <script>x</script>\n\n• Termini\n• Flaminio (https://example.org/f)',
        html:
          '<p><strong>Metro A</strong> closed &lt;script&gt;x&lt;/script&gt;</p>' +
          '<ul><li><p>Termini</p></li><li><p><a href="https://example.org/f">Flaminio</a></p></li></ul>',
        attachments: [
          {
            hash: 'c'.repeat(64),
            name: 'map.jpg',
            mime: 'image/jpeg',
            kind: 'image',
            size: 48_213,
          },
        ],
        poll: CONTENT.poll,
        silent: true,
        pin: false,
      },
    });
  });

  it('names the copy by its delivery id when the receiver gives no id', async () => {
    const outcome = await connector.post(target, CONTENT, ctx('pub-2'));
    expect(outcome).toEqual({
      kind: 'sent',
      ref: { messageIds: ['pub-2'], url: null },
      answer: '200 ok',
    });
  });

  it('sends a retry with the same delivery id, which the receiver drops as a duplicate', async () => {
    receiver.setMode({ kind: 'accept', id: 'a-1' });
    const first = await connector.post(target, CONTENT, ctx('pub-3'));
    const again = await connector.post(target, CONTENT, ctx('pub-3', new Date(Date.now() + 2000)));
    expect(again).toEqual(first);
    expect(receiver.events).toHaveLength(1);
    expect(receiver.duplicates).toEqual(['pub-3']);
  });

  it('sends update.edited with the ref and update.withdrawn with the ref and sentAt', async () => {
    const ref: SentRef = { messageIds: ['article-9'], url: 'https://news.example/9' };
    const edited = await connector.edit(
      target,
      ref,
      { ...CONTENT, text: 'Corrected' },
      ctx('ed-1'),
    );
    expect(edited).toEqual({ kind: 'sent', ref, answer: '200 ok' });
    const sentAt = new Date('2024-03-03T08:15:00Z');
    const withdrawn = await connector.remove(target, ref, sentAt, ctx('wd-1'));
    expect(withdrawn).toEqual({ kind: 'sent', ref, answer: '200 ok' });

    const [edit, withdraw] = receiver.events;
    expect(edit?.headers['x-channeldesk-event']).toBe('update.edited');
    expect(edit?.event).toMatchObject({
      type: 'update.edited',
      id: 'ed-1',
      ref,
      update: { text: 'Corrected', plain: 'Corrected', html: '<p>Corrected</p>' },
    });
    expect(withdraw?.headers['x-channeldesk-event']).toBe('update.withdrawn');
    expect(withdraw?.event).toEqual({
      type: 'update.withdrawn',
      id: 'wd-1',
      deliveredAt: expect.any(String),
      channelId: 'ch-traffic',
      updateId: 'u-traffic-1',
      storyId: 's-traffic-1',
      version: 7,
      ref,
      sentAt: '2024-03-03T08:15:00.000Z',
    });
  });
});

describe('what the receiver refuses', () => {
  it('refuses a tampered body and a stale or future timestamp', async () => {
    const body = JSON.stringify({ type: 'ping', id: 'p-1', deliveredAt: '', channelId: 'x' });
    const post = (ts: number, sentBody: string, signature = signWebhook(SECRET, ts, body)) =>
      fetch(receiver.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-channeldesk-timestamp': String(ts),
          'x-channeldesk-signature': signature,
        },
        body: sentBody,
      });
    const nowS = Math.floor(Date.now() / 1000);
    expect((await post(nowS, body)).status).toBe(200);
    expect((await post(nowS, body.replace('p-1', 'p-2'))).status).toBe(401);
    expect((await post(nowS, body, signWebhook('other', nowS, body))).status).toBe(401);
    expect((await post(nowS + 1, body, signWebhook(SECRET, nowS, body))).status).toBe(401);
    const stale = nowS - WEBHOOK_REPLAY_WINDOW_S - 5;
    expect((await post(stale, body, signWebhook(SECRET, stale, body))).status).toBe(401);
    const future = nowS + WEBHOOK_REPLAY_WINDOW_S + 5;
    expect((await post(future, body, signWebhook(SECRET, future, body))).status).toBe(401);
    expect(receiver.refusals.map((r) => r.reason)).toEqual([
      'bad signature',
      'bad signature',
      'bad signature',
      'stale timestamp',
      'stale timestamp',
    ]);
    expect(receiver.events).toHaveLength(1);
  });

  it('a delivery signed with a clock six minutes slow fails with a hint about the secret', async () => {
    const slow = new Date(Date.now() - 6 * 60_000);
    const outcome = await connector.post(target, CONTENT, ctx('pub-old', slow));
    expect(outcome).toEqual({
      kind: 'failed',
      reason: 'the receiver refused the delivery; check the signing secret (401 stale timestamp)',
    });
    expect(receiver.events).toEqual([]);
  });

  it('a delivery signed with the wrong secret fails', async () => {
    const outcome = await connector.post(target, CONTENT, ctx('pub-x'));
    expect(outcome.kind).toBe('sent');
    const wrong = await connector.post(
      { ...target, secret: 'not-the-secret' },
      CONTENT,
      ctx('pub-y'),
    );
    expect(wrong).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('401 bad signature'),
    });
  });
});

describe('answers become outcomes', () => {
  it('5xx and 408 are retried, 410 and other 4xx fail at once', async () => {
    receiver.setMode({ kind: 'status', status: 503, body: 'maintenance' });
    expect(await connector.post(target, CONTENT, ctx('a'))).toEqual({
      kind: 'retry',
      reason: 'the receiver failed (503 maintenance)',
    });
    receiver.setMode({ kind: 'status', status: 408 });
    expect(await connector.post(target, CONTENT, ctx('b'))).toMatchObject({ kind: 'retry' });
    receiver.setMode({ kind: 'status', status: 410, body: 'gone' });
    expect(await connector.post(target, CONTENT, ctx('c'))).toEqual({
      kind: 'failed',
      reason: "the receiver says this channel's endpoint is gone (410 gone)",
    });
    receiver.setMode({ kind: 'status', status: 422, body: 'x'.repeat(2000) });
    const refused = await connector.post(target, CONTENT, ctx('d'));
    expect(refused).toEqual({
      kind: 'failed',
      reason: `the receiver refused the delivery (422 ${'x'.repeat(500)})`,
    });
  });

  it('429 waits for Retry-After (seconds or a date) and is retried without it', async () => {
    const now = new Date();
    receiver.setMode({ kind: 'status', status: 429, headers: { 'Retry-After': '30' } });
    expect(await connector.post(target, CONTENT, ctx('e', now))).toEqual({
      kind: 'later',
      notBefore: new Date(now.getTime() + 30_000),
      reason: 'the receiver is rate limiting deliveries (429)',
    });
    const at = new Date(Math.floor(now.getTime() / 1000) * 1000 + 120_000);
    receiver.setMode({ kind: 'status', status: 429, headers: { 'Retry-After': at.toUTCString() } });
    expect(await connector.post(target, CONTENT, ctx('f', now))).toMatchObject({
      kind: 'later',
      notBefore: at,
    });
    receiver.setMode({ kind: 'status', status: 429 });
    expect(await connector.post(target, CONTENT, ctx('g', now))).toMatchObject({ kind: 'retry' });
  });

  it('a receiver that never answers is a retry after the timeout', async () => {
    receiver.setMode({ kind: 'hang' });
    const started = performance.now();
    const outcome = await connector.post(target, CONTENT, ctx('h'));
    const elapsed = performance.now() - started;
    expect(outcome).toEqual({
      kind: 'retry',
      reason: `timeout: ${new URL(receiver.url).host} did not answer within 0.4 s`,
    });
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 3000);
  });

  it('a refused connection and an unknown host are retries, said in words', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await connector.post(
      { ...target, config: { url: `http://127.0.0.1:${port}/hook` } },
      CONTENT,
      ctx('i'),
    );
    expect(refused).toEqual({ kind: 'retry', reason: `connection refused by 127.0.0.1:${port}` });
    const unknown = await createWebhookConnector({ timeoutMs: 5000 }).post(
      { ...target, config: { url: 'https://no-such-host.invalid/hook' } },
      CONTENT,
      ctx('j'),
    );
    expect(unknown).toMatchObject({
      kind: 'retry',
      reason: expect.stringMatching(/^DNS failure: the host name no-such-host\.invalid /),
    });
  });

  it('does not follow a redirect', async () => {
    receiver.setMode({
      kind: 'status',
      status: 302,
      headers: { Location: 'https://elsewhere.example/' },
    });
    expect(await connector.post(target, CONTENT, ctx('k'))).toEqual({
      kind: 'failed',
      reason:
        'the receiver redirects to https://elsewhere.example/; set the webhook to the final address (302)',
    });
    expect(receiver.requests).toBe(1);
  });

  it('fails at once when the settings are unusable', async () => {
    const outcome = await connector.post({ ...target, secret: null }, CONTENT, ctx('l'));
    expect(outcome).toEqual({ kind: 'failed', reason: 'the webhook has no signing secret' });
    expect(receiver.requests).toBe(0);
  });
});

describe('check', () => {
  it('sends a signed ping and reports the answer', async () => {
    const result = await connector.check(target);
    expect(result).toEqual({ ok: true, facts: { url: receiver.url, answer: '200 ok' } });
    const [ping] = receiver.events;
    expect(ping?.headers['x-channeldesk-event']).toBe('ping');
    expect(ping?.event).toEqual({
      type: 'ping',
      id: expect.stringMatching(/^ping-[0-9a-f-]{36}$/),
      deliveredAt: expect.any(String),
      channelId: 'ch-traffic',
    });
  });

  it('refuses unusable URLs and a missing secret without sending anything', async () => {
    const reasons = await Promise.all(
      [
        { url: 'ftp://files.example/hook' },
        { url: 'javascript:alert(1)' },
        { url: 'not a url' },
        { url: 'https://user:pass@news.example/hook' },
        {},
      ].map(async (config) => {
        const result = await connector.check({ ...target, config });
        return result.ok ? 'ok' : result.reason;
      }),
    );
    expect(reasons).toEqual([
      'the webhook URL must start with https:// or http://, not ftp://',
      'the webhook URL must start with https:// or http://, not javascript://',
      'the webhook URL "not a url" is not a valid URL',
      'the webhook URL must not contain a user name or password (deliveries are signed)',
      'the webhook has no URL',
    ]);
    expect(await connector.check({ ...target, secret: '' })).toEqual({
      ok: false,
      reason: 'the webhook has no signing secret',
    });
    expect(receiver.requests).toBe(0);
  });

  it('says why a receiver does not accept the ping', async () => {
    expect(await connector.check({ ...target, secret: 'wrong' })).toEqual({
      ok: false,
      reason: 'the receiver refused the delivery; check the signing secret (401 bad signature)',
    });
    receiver.setMode({ kind: 'status', status: 410 });
    expect(await connector.check(target)).toEqual({
      ok: false,
      reason: "the receiver says this channel's endpoint is gone (410)",
    });
    receiver.setMode({ kind: 'hang' });
    expect(await connector.check(target)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^timeout: /),
    });
  });
});
