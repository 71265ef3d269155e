// Pull: the workspace's channels and updates changed after a version, in version order, paged.
// The page is written as JSON text around each document's text from the database (JsonText).
import type { Actor } from '../auth/permissions';
import type { Queryable } from '../db/db';
import { JsonText } from '../http/json-text';
import type { PullResponse, SyncRecord } from '../../shared/sync/protocol';
import { stampOf } from './records';

interface PulledRow {
  kind: SyncRecord['kind'];
  id: string;
  channel_id: string;
  version: number;
  /** The document as JSON text (jsonb's text form), null for a deleted update. */
  doc: string | null;
  updated_by: string | null;
  display_name: string | null;
  stamp_mutation: string;
  stamped_at: Date;
}

// One statement, so one snapshot: two queries could each miss a commit the other saw, and the
// cursor would then skip a version for good. Versions are commit-ordered (see versions.ts), so a
// snapshot holds every version up to the highest it holds.
const PULL_SQL = `
SELECT r.*, u.display_name FROM (
  (SELECT 'channel' AS kind, c.id, c.id AS channel_id, c.version,
          jsonb_build_object(
            'id', c.id, 'name', c.name, 'platform', c.platform, 'timeZone', c.time_zone,
            'language', c.language, 'description', c.description, 'slots', c.slots,
            'archived', c.archived,
            'createdAt', to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
            'updatedAt', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
          )::text AS doc,
          c.updated_by, c.stamp_mutation, c.stamped_at
     FROM hub_channels c
    WHERE c.workspace_id = $1 AND c.version > $2
    ORDER BY c.version LIMIT $3)
  UNION ALL
  (SELECT 'update', h.id, h.channel_id, h.version, h.doc::text, h.updated_by, h.stamp_mutation, h.updated_at
     FROM hub_updates h
    WHERE h.workspace_id = $1 AND h.version > $2
    ORDER BY h.version LIMIT $3)
) r LEFT JOIN users u ON u.id = r.updated_by
ORDER BY r.version LIMIT $3`;

/** One record as JSON text; the document's text goes in as the database wrote it. */
function recordText(row: PulledRow): string {
  const names = new Map(row.display_name !== null ? [[row.updated_by!, row.display_name]] : []);
  const stamp = stampOf(names, row.updated_by, row.stamped_at, row.stamp_mutation);
  const head = JSON.stringify({
    kind: row.kind,
    id: row.id,
    channelId: row.channel_id,
    version: row.version,
    stamp,
  });
  return `${head.slice(0, -1)},"doc":${row.doc ?? 'null'}}`;
}

/** A pulled page: the PullResponse as JSON text, with its cursor and hasMore for the headers. */
export interface PulledPage {
  body: JsonText;
  cursor: number;
  hasMore: boolean;
}

/** Records of the actor's workspace with version > `after`, at most `limit`, oldest first. */
export async function pullChanges(
  q: Queryable,
  actor: Actor,
  query: { after: number; limit: number },
  now: Date,
): Promise<PulledPage> {
  const { rows } = await q.query<PulledRow>(PULL_SQL, [
    actor.workspaceId,
    query.after,
    query.limit + 1,
  ]);
  const page = rows.slice(0, query.limit);
  const rest: Omit<PullResponse, 'records'> = {
    cursor: page.at(-1)?.version ?? query.after,
    hasMore: rows.length > query.limit,
    serverTime: now.toISOString(),
  };
  const records = page.map(recordText).join(',');
  return {
    body: new JsonText(`{"records":[${records}],${JSON.stringify(rest).slice(1)}`),
    cursor: rest.cursor,
    hasMore: rest.hasMore,
  };
}
