// The hub's own writes into copies (delivery, engagement): several for one copy in one call all
// land — later ones winning field by field — under one new version with one history entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialDelivery, writeHubFields } from '../../src/hub/publish/delivery';
import type { Delivery } from '../../src/shared/sync/protocol';
import { DB_KINDS } from '../hub/test-db';
import type { PublishWorld } from './publish-support';
import { hubDoc, publishWorld, pushCreate, scheduledDoc } from './publish-support';

describe.each(DB_KINDS)('hub field writes (%s)', (kind) => {
  let w: PublishWorld;
  beforeEach(async () => {
    w = await publishWorld(kind);
  });
  afterEach(() => w.close());

  it('keeps every field written to one copy in one call, the last write of a field winning', async () => {
    const a = scheduledDoc(w.t, w.channelId, 3_600_000);
    const b = scheduledDoc(w.t, w.channelId, 3_600_000);
    await pushCreate(w.desk, a);
    await pushCreate(w.desk, b);
    const now = new Date(w.t.clock.ms);
    const publishing = initialDelivery(now);
    const failed: Delivery = { ...publishing, state: 'failed', reason: 'The receiver said 410.' };
    const engagement = {
      views: 12,
      forwards: null,
      reactions: { '👍': 3 },
      pollVotes: null,
      source: 'editor' as const,
      at: now.toISOString(),
    };
    const { rows } = await w.t.hub.ctx.db.query<{ workspace_id: string; version: number }>(
      'SELECT workspace_id, version FROM hub_updates WHERE id = $1',
      [a.id],
    );
    const workspaceId = rows[0]!.workspace_id;
    const before = rows[0]!.version; // b was pushed after a: before + 1
    const versions = await w.t.hub.ctx.db.tx((q) =>
      writeHubFields(
        q,
        [
          {
            workspaceId,
            updateId: a.id,
            field: 'delivery',
            value: publishing,
            event: 'publishing',
            userId: null,
          },
          {
            workspaceId,
            updateId: b.id,
            field: 'delivery',
            value: publishing,
            event: 'publishing',
            userId: null,
          },
          {
            workspaceId,
            updateId: a.id,
            field: 'engagement',
            value: engagement,
            event: 'engagement',
            userId: null,
          },
          {
            workspaceId,
            updateId: a.id,
            field: 'delivery',
            value: failed,
            event: 'failed',
            userId: null,
          },
        ],
        now,
      ),
    );
    // Two copies changed: two versions, not four.
    expect(versions.get(workspaceId)).toBe(before + 3);
    const docA = await hubDoc(w.desk, a.id);
    expect(docA.delivery).toEqual(failed);
    expect(docA.engagement).toEqual(engagement);
    expect(docA.text).toBe(a.text);
    expect((await hubDoc(w.desk, b.id)).delivery).toEqual(publishing);
    const history = await w.t.api('GET', `/v1/sync/history/update/${a.id}`, {
      token: w.owner.token,
    });
    const entries = (history.json as { entries: { mutation: string; fields: string[] }[] }).entries;
    expect(entries[0]).toMatchObject({ mutation: 'hub:failed' });
    expect(entries.filter((e) => e.mutation.startsWith('hub:'))).toHaveLength(1);
  });
});
