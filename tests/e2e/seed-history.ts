// Weeks of publishing history for end-to-end journeys: stories go in through the hub's API as a
// desk would send them; then, with the hub stopped, what its publishing would have written over
// those weeks (delivery, engagement, the exact texts sent and their corrections) goes into its
// database through the hub's own writers. The desk then pulls it all like any other history.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Platform } from '../../src/shared/domain';
import type { UpdateDoc } from '../../src/shared/sync/protocol';
import { openDb } from '../../src/hub/db/open-db';
import { publishedDelivery, writeHubFields } from '../../src/hub/publish/delivery';

export interface SeedChannel {
  key: string;
  name: string;
  platform: Platform;
}

export interface SeedStory {
  /** Channel keys: one copy on each. */
  on: string[];
  /** What was published first. */
  text: string;
  /** The text after a correction, when there was one (it is what the copy says now). */
  corrected?: string;
  daysAgo: number;
  /** Hour of day (UTC) it went out. */
  hour: number;
  views: number;
  reactions: Record<string, number>;
  silent?: boolean;
  tags?: string[];
}

const id = (): string => randomBytes(16).toString('base64url');

async function call(url: string, path: string, token: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

interface SeededCopy {
  doc: UpdateDoc;
  story: SeedStory;
  platform: Platform;
}

/**
 * Creates the channels and stories through the API, stops the hub, and writes their publication
 * history. Returns each channel's id by key.
 */
export async function seedPublishedHistory(
  hub: { url: string; dataDir: string; ownerToken: string; stop(): Promise<void> },
  channels: SeedChannel[],
  stories: SeedStory[],
  now = new Date(),
): Promise<Record<string, string>> {
  const channelIds: Record<string, string> = {};
  const platforms: Record<string, Platform> = {};
  for (const c of channels) {
    const made = (await call(hub.url, '/v1/channels', hub.ownerToken, {
      name: c.name,
      platform: c.platform,
      timeZone: 'Europe/Rome',
      language: 'en',
    })) as { id: string };
    channelIds[c.key] = made.id;
    platforms[made.id] = c.platform;
  }

  // The stories, pushed as one desk would push them (the hub stamps who wrote them).
  const clientId = `seed_${randomBytes(8).toString('hex')}`;
  await call(hub.url, '/v1/sync/clients', hub.ownerToken, { clientId, startSeq: 1 });
  const copies: SeededCopy[] = [];
  const mutations = stories.map((story, i) => {
    const storyId = id();
    const at = new Date(now.getTime() - story.daysAgo * 86_400_000);
    at.setUTCHours(story.hour, 0, 0, 0);
    const docs = story.on.map((key): UpdateDoc => {
      const doc: UpdateDoc = {
        id: id(),
        storyId,
        channelId: channelIds[key]!,
        customized: false,
        schedule: { kind: 'none' },
        status: 'draft',
        createdAt: new Date(at.getTime() - 3_600_000).toISOString(),
        updatedAt: new Date(at.getTime() - 3_600_000).toISOString(),
        deletedAt: null,
        text: story.corrected ?? story.text,
        attachments: [],
        poll: null,
        shared: null,
        ...(story.silent ? { silent: true } : {}),
        ...(story.tags ? { tags: story.tags } : {}),
      };
      copies.push({ doc, story, platform: platforms[doc.channelId]! });
      return doc;
    });
    return {
      seq: i + 1,
      prevSeq: i,
      mutationId: randomUUID(),
      name: 'createStory',
      at: now.toISOString(),
      changes: docs.map((doc) => ({ kind: 'update', id: doc.id, before: null, after: doc })),
    };
  });
  await call(hub.url, '/v1/sync/push', hub.ownerToken, { clientId, mutations });

  await hub.stop();
  const db = await openDb({ dataDir: hub.dataDir });
  try {
    await db.tx(async (q) => {
      const { rows } = await q.query<{ workspace_id: string; id: string; version: string }>(
        `SELECT workspace_id, id, version FROM hub_updates WHERE id = ANY($1)`,
        [copies.map((c) => c.doc.id)],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const writes = copies.flatMap(({ doc, story, platform }) => {
        const row = byId.get(doc.id)!;
        const at = new Date(now.getTime() - story.daysAgo * 86_400_000);
        at.setUTCHours(story.hour, 0, 0, 0);
        const delivery = {
          ...publishedDelivery(null, platform, at, null, 1),
          corrections: story.corrected ? 1 : 0,
        };
        const engagement = {
          views: story.views,
          forwards: Math.round(story.views / 40),
          reactions: story.reactions,
          pollVotes: null,
          source: platform === 'whatsapp' ? ('editor' as const) : ('telegram' as const),
          at: new Date(at.getTime() + 86_400_000).toISOString(),
        };
        const base = { workspaceId: row.workspace_id, updateId: doc.id, userId: null };
        return [
          { ...base, field: 'delivery' as const, value: delivery, event: 'published' },
          { ...base, field: 'engagement' as const, value: engagement, event: 'engagement' },
        ];
      });
      await writeHubFields(q, writes, now);
      for (const { doc, story } of copies) {
        const row = byId.get(doc.id)!;
        const at = new Date(now.getTime() - story.daysAgo * 86_400_000);
        at.setUTCHours(story.hour, 0, 0, 0);
        const sent = [{ action: 'post', text: story.text, at }];
        if (story.corrected)
          sent.push({
            action: 'edit',
            text: story.corrected,
            at: new Date(at.getTime() + 20 * 60_000),
          });
        for (const s of sent) {
          await q.query(
            `INSERT INTO publications (id, workspace_id, update_id, channel_id, action,
               content_version, state, due_at, next_attempt_at, attempts, ref, sent_content,
               sent_at, silent, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, 'done', $7, $7, 1, $8, $9, $7, $10, $7, $7)`,
            [
              id(),
              row.workspace_id,
              doc.id,
              doc.channelId,
              s.action,
              Number(row.version),
              s.at.toISOString(),
              JSON.stringify({ messageIds: [1] }),
              JSON.stringify({ text: s.text, attachments: [], poll: null }),
              story.silent ?? false,
            ],
          );
        }
      }
    });
  } finally {
    await db.close();
  }
  return channelIds;
}
