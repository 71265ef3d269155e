// The hub's record of where each copy stands on its platform: the `delivery` field of the update's
// document, written with a new version (so desks pull it) and a history row by "the hub".
import type { Queryable } from '../db/db';
import type { Platform } from '../../shared/domain';
import type { Delivery } from '../../shared/sync/protocol';
import { HUB_MUTATION_PREFIX, insertHistory } from '../sync/history-service';
import { takeVersions } from '../sync/versions';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** What each platform allows after publication (PRODUCT.md, "Platform facts"). */
export const PLATFORM_WINDOWS: Record<
  Platform,
  { editMs: number | null; deleteMs: number | null; retainMs: number | null }
> = {
  // Bots may edit channel posts at any time and delete them within 48 hours.
  telegram: { editMs: null, deleteMs: 48 * HOUR_MS, retainMs: null },
  // Admins may edit or delete for 30 days; WhatsApp keeps updates 30 days.
  whatsapp: { editMs: 30 * DAY_MS, deleteMs: 30 * DAY_MS, retainMs: 30 * DAY_MS },
  webhook: { editMs: null, deleteMs: null, retainMs: null },
  feed: { editMs: null, deleteMs: null, retainMs: null },
};

const plus = (at: Date, ms: number | null) =>
  ms === null ? null : new Date(at.getTime() + ms).toISOString();

/** A fresh delivery, before any attempt. */
export function initialDelivery(now: Date): Delivery {
  return {
    state: 'publishing',
    at: now.toISOString(),
    publishedAt: null,
    url: null,
    reason: null,
    attempts: 0,
    editableUntil: null,
    deletableUntil: null,
    retainedUntil: null,
    corrections: 0,
    task: null,
  };
}

/** The delivery of a copy that has just been published on `platform` at `at`. */
export function publishedDelivery(
  previous: Delivery | null | undefined,
  platform: Platform,
  at: Date,
  url: string | null,
  attempts: number,
): Delivery {
  const windows = PLATFORM_WINDOWS[platform];
  return {
    ...(previous ?? initialDelivery(at)),
    state: 'published',
    at: at.toISOString(),
    publishedAt: at.toISOString(),
    url,
    reason: null,
    attempts,
    editableUntil: plus(at, windows.editMs),
    deletableUntil: plus(at, windows.deleteMs),
    retainedUntil: plus(at, windows.retainMs),
    task: null,
  };
}

export interface DeliveryWrite {
  workspaceId: string;
  updateId: string;
  delivery: Delivery;
  /** What happened, for the history: 'published', 'failed', 'due', 'corrected', 'withdrawn'… */
  event: string;
  /** Who made it happen (a person confirming a manual post), or null for the hub itself. */
  userId: string | null;
}

/** A write of one hub-owned field of an update's document (desks never change these). */
export interface HubFieldWrite {
  workspaceId: string;
  updateId: string;
  field: 'delivery' | 'engagement';
  value: unknown;
  event: string;
  userId: string | null;
}

/** Writes deliveries: see writeHubFields. */
export function writeDeliveries(
  q: Queryable,
  writes: readonly DeliveryWrite[],
  now: Date,
): Promise<Map<string, number>> {
  return writeHubFields(
    q,
    writes.map(({ delivery, ...w }) => ({ ...w, field: 'delivery' as const, value: delivery })),
    now,
  );
}

/**
 * Writes hub-owned fields into their updates' documents, each under a new version of its
 * workspace, with history. Call inside a transaction; returns each workspace's last version (to
 * announce after COMMIT). A deleted update (doc NULL) is left alone.
 */
export async function writeHubFields(
  q: Queryable,
  writes: readonly HubFieldWrite[],
  now: Date,
): Promise<Map<string, number>> {
  const byWorkspace = new Map<string, HubFieldWrite[]>();
  for (const w of writes) {
    const list = byWorkspace.get(w.workspaceId);
    if (list) list.push(w);
    else byWorkspace.set(w.workspaceId, [w]);
  }
  const versions = new Map<string, number>();
  // A fixed order of workspaces: two hub processes lock counters in the same order, never crosswise.
  for (const workspaceId of [...byWorkspace.keys()].sort()) {
    // One row per update: an UPDATE … FROM changes each row once, so two writes to one copy in a
    // call (a post and its correction settled in one batch) would keep only one of them. Later
    // writes win field by field; the last one names the event and the person.
    const byUpdate = new Map<string, { fields: Record<string, unknown>; last: HubFieldWrite }>();
    for (const w of byWorkspace.get(workspaceId)!) {
      const merged = byUpdate.get(w.updateId);
      if (merged) {
        merged.fields[w.field] = w.value;
        merged.last = w;
      } else byUpdate.set(w.updateId, { fields: { [w.field]: w.value }, last: w });
    }
    const lastVersion = await takeVersions(q, workspaceId, byUpdate.size);
    const rows = [...byUpdate].map(([id, { fields, last }], i) => ({
      id,
      fields,
      version: lastVersion - byUpdate.size + 1 + i,
      mutation: `${HUB_MUTATION_PREFIX}${last.event}`,
      user_id: last.userId,
    }));
    const { rows: written } = await q.query<{ id: string; version: number }>(
      `UPDATE hub_updates h
          SET doc = h.doc || d.fields, version = d.version,
              updated_by = d.user_id, stamp_mutation = d.mutation, updated_at = $3
         FROM jsonb_to_recordset($2::jsonb) AS d(id text, fields jsonb, version bigint,
              mutation text, user_id text)
        WHERE h.id = d.id AND h.workspace_id = $1 AND h.doc IS NOT NULL
        RETURNING h.id, h.version`,
      [workspaceId, JSON.stringify(rows), now],
    );
    const landed = new Set(written.map((r) => r.version));
    await insertHistory(
      q,
      workspaceId,
      rows
        .filter((r) => landed.has(r.version))
        .map((r) => ({
          kind: 'update' as const,
          recordId: r.id,
          version: r.version,
          userId: r.user_id,
          mutation: r.mutation,
          outcome: 'applied' as const,
          fields: Object.keys(r.fields),
          overwritten: [],
          at: now,
        })),
    );
    versions.set(workspaceId, lastVersion);
  }
  return versions;
}
