// Publishing across real hub processes: one killed between "sent" and "recorded" and restarted
// (no duplicate, the copy ends published), and two processes on one PostgreSQL sharing 1,000 due
// publications (each delivered exactly once).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdateDoc } from '../../src/shared/sync/protocol';
import type { RunningHub } from '../support/hub-process';
import { runHub } from '../support/hub-process';
import { updateDoc } from '../hub/sync-fixtures';
import {
  TEST_DATABASE_URL,
  createTestSchema,
  uniqueSchemaName,
  urlWithSchema,
} from '../hub/test-db';
import { PASSWORD } from '../hub/test-hub';
import type { WebhookReceiver } from './webhook-receiver';
import { startWebhookReceiver } from './webhook-receiver';
import { WEBHOOK_SECRET } from './publish-support';
import type { HubClient } from '../support/hub-http';
import { hubRequest, pushCreations } from '../support/hub-http';

const LISTENING = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/;
const SETUP = /setup-token=(\S+)/;

const call = hubRequest;

interface Newsroom extends HubClient {
  channelId: string;
}

/** Sets the hub up, adds a webhook channel wired to `receiver`, registers a desk. */
async function setUp(
  hub: RunningHub,
  receiver: WebhookReceiver,
): Promise<Newsroom & { url: string }> {
  const [, url] = await hub.waitFor(LISTENING);
  const [, setupToken] = await hub.waitFor(SETUP);
  const { token } = await call<{ token: string }>(url!, 'POST', '/v1/setup', {
    token: setupToken,
    workspaceName: 'Daily News',
    displayName: 'Olga Owner',
    email: 'owner@example.org',
    password: PASSWORD,
  });
  const { id: channelId } = await call<{ id: string }>(
    url!,
    'POST',
    '/v1/channels',
    { name: 'Website', platform: 'webhook', timeZone: 'Europe/Rome', language: 'it' },
    token,
  );
  await call(
    url!,
    'PUT',
    `/v1/channels/${channelId}/connector`,
    { config: { url: receiver.url }, secret: WEBHOOK_SECRET },
    token,
  );
  receiver.events.splice(0); // the settings check's ping
  const clientId = `desk_${randomUUID().replaceAll('-', '')}`;
  await call(url!, 'POST', '/v1/sync/clients', { clientId, startSeq: 1 }, token);
  return { url: url!, token, channelId, clientId, seq: 0 };
}

const scheduledAt = (channelId: string, at: Date): UpdateDoc =>
  updateDoc(channelId, {
    status: 'scheduled',
    schedule: { kind: 'at', at: at.toISOString(), mode: 'exact' },
  });

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('publishing across hub processes', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const clean of cleanups.splice(0).reverse()) await clean();
  });
  const stop = (hub: RunningHub) => async () => {
    if (hub.child.exitCode === null) hub.child.kill('SIGTERM');
    await hub.exited;
  };

  it('a hub killed between "sent" and "recorded" reconciles on restart: no duplicate, published', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-kill-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
    cleanups.push(() => receiver.close());
    const env = { CHANNEL_DESK_PUBLISH_LEASE_MS: '2000' };
    const first = runHub(['--data-dir', dir, '--port', '0'], env);
    cleanups.push(stop(first));
    const room = await setUp(first, receiver);

    // The receiver records the delivery, then takes 5 s to answer: the hub dies meanwhile.
    receiver.setMode({ kind: 'accept', id: 'cms-42', delayMs: 5_000 });
    const doc = scheduledAt(room.channelId, new Date(Date.now() + 1_000));
    await pushCreations(room, [doc]);
    await until(() => receiver.events.length === 1, 15_000, 'the delivery');
    first.child.kill('SIGKILL');
    await first.exited;

    receiver.setMode({ kind: 'accept', id: 'cms-42' });
    const second = runHub(['--data-dir', dir, '--port', '0'], env);
    cleanups.push(stop(second));
    const [, url] = await second.waitFor(LISTENING);
    const publications = () =>
      call<{ publications: { state: string }[]; delivery: { state: string } | null }>(
        url!,
        'GET',
        `/v1/updates/${doc.id}/publications`,
        undefined,
        room.token,
      );
    await until(
      async () => (await publications()).delivery?.state === 'published',
      20_000,
      'the copy to be published',
    );
    expect(receiver.events).toHaveLength(1);
    // The restarted hub sent it once more with the same delivery id; the receiver dropped it.
    expect(receiver.duplicates).toHaveLength(1);
    expect((await publications()).publications.map((p) => p.state)).toEqual(['done']);
  }, 90_000);

  it.runIf(TEST_DATABASE_URL)(
    'two hub processes on one PostgreSQL deliver 1,000 due publications exactly once',
    async () => {
      const schema = uniqueSchemaName();
      cleanups.push(await createTestSchema(schema));
      const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
      cleanups.push(() => receiver.close());
      const env = { DATABASE_URL: urlWithSchema(schema) };
      const a = runHub(['--port', '0'], env);
      cleanups.push(stop(a));
      const room = await setUp(a, receiver);
      const b = runHub(['--port', '0'], env);
      cleanups.push(stop(b));
      await b.waitFor(LISTENING);

      const due = new Date(Date.now() + 4_000);
      const docs = Array.from({ length: 1_000 }, () => scheduledAt(room.channelId, due));
      await pushCreations(room, docs);
      await until(() => receiver.events.length >= 1_000, 60_000, '1,000 deliveries');
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // nothing more arrives
      expect(receiver.events).toHaveLength(1_000);
      expect(receiver.duplicates).toHaveLength(0);
      const ids = new Set(receiver.events.map((e) => (e.event as { updateId: string }).updateId));
      expect(ids).toEqual(new Set(docs.map((d) => d.id)));
    },
    120_000,
  );
});
