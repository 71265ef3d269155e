// Per-record history: every write that changed a record, with the fields it set and the values of
// someone else's it replaced (so last-writer-wins never loses anything silently).
import type { Actor } from '../auth/permissions';
import type { Queryable } from '../db/db';
import { notFound } from '../http/errors';
import type { HistoryEntry, RecordKind } from '../../shared/sync/protocol';
import { FORMER_MEMBER, HUB_MUTATION_PREFIX, HUB_NAME } from './records';

export { HUB_MUTATION_PREFIX, HUB_NAME };

/** Most entries one history answer holds, newest first. */
export const MAX_HISTORY_ENTRIES = 200;

/** One history row to write; `userId` is null for the hub's own writes. */
export interface HistoryRow {
  kind: RecordKind;
  recordId: string;
  version: number;
  userId: string | null;
  mutation: string;
  outcome: 'applied' | 'merged' | 'conflict';
  fields: string[];
  overwritten: HistoryEntry['overwritten'];
  at: Date;
}

/** Writes history rows of one workspace with one statement. */
export async function insertHistory(
  q: Queryable,
  workspaceId: string,
  rows: readonly HistoryRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const data = rows.map((r) => ({
    kind: r.kind,
    record_id: r.recordId,
    version: r.version,
    user_id: r.userId,
    mutation: r.mutation.slice(0, 64),
    outcome: r.outcome,
    fields: r.fields,
    overwritten: r.overwritten,
    at: r.at.toISOString(),
  }));
  await q.query(
    `INSERT INTO record_history (workspace_id, kind, record_id, version, user_id, mutation, outcome,
                                 fields, overwritten, at)
     SELECT $1, r.kind, r.record_id, r.version, r.user_id, r.mutation, r.outcome, r.fields,
            r.overwritten, r.at
       FROM jsonb_to_recordset($2::jsonb) AS r(kind text, record_id text, version bigint,
            user_id text, mutation text, outcome text, fields jsonb, overwritten jsonb, at timestamptz)`,
    [workspaceId, JSON.stringify(data)],
  );
}

const nameless = (mutation: string) =>
  mutation.startsWith(HUB_MUTATION_PREFIX) ? HUB_NAME : FORMER_MEMBER;

interface EntryRow {
  version: number;
  user_id: string | null;
  display_name: string | null;
  mutation: string;
  outcome: HistoryEntry['outcome'];
  fields: string[];
  overwritten: HistoryEntry['overwritten'];
  at: Date;
}

async function recordExists(
  q: Queryable,
  actor: Actor,
  kind: RecordKind,
  id: string,
): Promise<boolean> {
  const table = kind === 'channel' ? 'hub_channels' : 'hub_updates';
  const { rows } = await q.query(`SELECT 1 FROM ${table} WHERE id = $1 AND workspace_id = $2`, [
    id,
    actor.workspaceId,
  ]);
  return rows.length > 0;
}

/** A record's history, newest first; another workspace's record is not found. */
export async function readHistory(
  q: Queryable,
  actor: Actor,
  kind: RecordKind,
  id: string,
): Promise<{ entries: HistoryEntry[] }> {
  if (!(await recordExists(q, actor, kind, id))) {
    throw notFound(kind === 'channel' ? 'The channel' : 'The update');
  }
  const { rows } = await q.query<EntryRow>(
    `SELECT h.version, h.user_id, u.display_name, h.mutation, h.outcome, h.fields, h.overwritten, h.at
       FROM record_history h LEFT JOIN users u ON u.id = h.user_id
      WHERE h.workspace_id = $1 AND h.kind = $2 AND h.record_id = $3
      ORDER BY h.version DESC LIMIT $4`,
    [actor.workspaceId, kind, id, MAX_HISTORY_ENTRIES],
  );
  return {
    entries: rows.map((row) => ({
      version: row.version,
      by: { id: row.user_id ?? '', name: row.display_name ?? nameless(row.mutation) },
      at: row.at.toISOString(),
      mutation: row.mutation,
      outcome: row.outcome,
      fields: row.fields,
      overwritten: row.overwritten,
    })),
  };
}
