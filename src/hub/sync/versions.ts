// Commit-ordered versions: one counter row per workspace, locked first by every transaction that
// changes synced records and held until COMMIT, so version N is visible before N+1 ever is.
import type { Queryable } from '../db/db';

async function ensureCounter(q: Queryable, workspaceId: string): Promise<void> {
  // Workspaces made before a hub knew about sync, or by code that does not know, get one lazily.
  await q.query(
    'INSERT INTO sync_counters (workspace_id) VALUES ($1) ON CONFLICT (workspace_id) DO NOTHING',
    [workspaceId],
  );
}

/**
 * Takes `count` versions for the workspace and returns the last of them (the first is
 * `last - count + 1`). Call it first in the transaction: it holds the counter's lock until COMMIT.
 */
export async function takeVersions(
  q: Queryable,
  workspaceId: string,
  count: number,
): Promise<number> {
  await ensureCounter(q, workspaceId);
  const { rows } = await q.query<{ version: number }>(
    'UPDATE sync_counters SET version = version + $2 WHERE workspace_id = $1 RETURNING version',
    [workspaceId, count],
  );
  const row = rows[0];
  if (!row) throw new Error(`no sync counter for workspace ${workspaceId}`);
  return row.version;
}

/**
 * Locks the counter without taking a version yet (a push learns how many it needs as it merges)
 * and returns the workspace's version; finish with `setCounter`.
 */
export function lockCounter(q: Queryable, workspaceId: string): Promise<number> {
  return takeVersions(q, workspaceId, 0);
}

/** Moves the locked counter to `version`, the last one this transaction used. */
export async function setCounter(
  q: Queryable,
  workspaceId: string,
  version: number,
): Promise<void> {
  await q.query('UPDATE sync_counters SET version = $2 WHERE workspace_id = $1', [
    workspaceId,
    version,
  ]);
}
