// A hub with a webhook channel wired to a real local receiver, and a desk pushing copies to it:
// what the scheduler tests start from.
import { expect } from 'vitest';
import type { DbKind } from '../../src/hub/db/db';
import type { HubOptions } from '../../src/hub/server';
import type { Platform } from '../../src/shared/domain';
import type { SyncRecord, UpdateDoc } from '../../src/shared/sync/protocol';
import { TestDesk, create, edit, updateDoc } from '../hub/sync-fixtures';
import type { TestHub } from '../hub/test-hub';
import { createTestHub, setUpHub } from '../hub/test-hub';
import type { WebhookReceiver } from './webhook-receiver';
import { startWebhookReceiver } from './webhook-receiver';

export const WEBHOOK_SECRET = 'a-long-enough-signing-secret';

export interface PublishWorld {
  t: TestHub;
  owner: { token: string; userId: string };
  desk: TestDesk;
  receiver: WebhookReceiver;
  channelId: string;
  close(): Promise<void>;
}

/** Adds a channel of `platform` through the API. */
export async function addPlatformChannel(
  t: TestHub,
  token: string,
  platform: Platform,
  name = `${platform} channel`,
): Promise<string> {
  const res = await t.api('POST', '/v1/channels', {
    token,
    body: { name, platform, timeZone: 'Europe/Rome', language: 'it' },
  });
  expect(res.status, res.raw.body).toBe(201);
  return (res.json as { id: string }).id;
}

/** A hub (scheduler not running: tests call runOnce) with a webhook channel set up. */
export async function publishWorld(kind: DbKind, options: HubOptions = {}): Promise<PublishWorld> {
  const t = await createTestHub(kind, { publishing: { run: false }, ...options });
  const owner = await setUpHub(t);
  const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
  const channelId = await addPlatformChannel(t, owner.token, 'webhook');
  const saved = await t.api('PUT', `/v1/channels/${channelId}/connector`, {
    token: owner.token,
    body: { config: { url: receiver.url }, secret: WEBHOOK_SECRET },
  });
  expect(saved.status, saved.raw.body).toBe(200);
  // The settings check sent a signed ping; the tests count what publishing sends.
  expect(receiver.events.map((e) => e.event.type)).toEqual(['ping']);
  receiver.events.splice(0);
  const desk = new TestDesk(t, owner.token);
  await desk.register();
  return {
    t,
    owner: { token: owner.token, userId: owner.user.id },
    desk,
    receiver,
    channelId,
    async close() {
      await t.close();
      await receiver.close();
    },
  };
}

/** A copy scheduled `inMs` from the hub's clock. */
export function scheduledDoc(
  t: TestHub,
  channelId: string,
  inMs: number,
  overrides: Partial<UpdateDoc> = {},
): UpdateDoc {
  return updateDoc(channelId, {
    status: 'scheduled',
    schedule: { kind: 'at', at: new Date(t.clock.ms + inMs).toISOString(), mode: 'exact' },
    ...overrides,
  });
}

/** Pushes the creation of `doc` and expects it applied. */
export async function pushCreate(desk: TestDesk, doc: UpdateDoc): Promise<void> {
  const result = await desk.apply([create(doc)], 'createUpdate');
  expect(result.outcome, result.reason ?? '').toBe('applied');
}

/** Pushes `before → after` and expects it applied or merged. */
export async function pushEdit(desk: TestDesk, before: UpdateDoc, after: UpdateDoc): Promise<void> {
  const result = await desk.apply([edit(before, after)]);
  expect(['applied', 'merged'], result.reason ?? '').toContain(result.outcome);
}

/** The hub's current document of an update, as a desk pulls it. */
export async function hubDoc(desk: TestDesk, id: string): Promise<UpdateDoc> {
  const records = await desk.pullAll();
  const latest = records.filter((r): r is Extract<SyncRecord, { kind: 'update' }> => r.id === id);
  const doc = latest.at(-1)?.doc;
  if (!doc) throw new Error(`update ${id} is not on the hub`);
  return doc;
}
