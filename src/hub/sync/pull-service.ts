// Pull: the workspace's channels and updates changed after a version, in version order, paged.
// The page is JSON text the query writes, record by record (JsonText).
import type { Actor } from '../auth/permissions';
import type { Queryable } from '../db/db';
import { JsonText } from '../http/json-text';
import { HUB_AUTHOR_ID } from '../../shared/sync/protocol';
import type { PullResponse } from '../../shared/sync/protocol';
import { FORMER_MEMBER, HUB_MUTATION_PREFIX, HUB_NAME } from './records';

interface PulledRow {
  version: number;
  /** The whole record as JSON text, written by the query. */
  record: string;
}

const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', ${ISO_INSTANT})`;

// One statement, so one snapshot: two queries could each miss a commit the other saw, and the
// cursor would then skip a version for good. Versions are commit-ordered (see versions.ts), so a
// snapshot holds every version up to the highest it holds.
//
// Each record comes back as one text column, the document's JSON text spliced in as the database
// holds it: PGlite copies every column of every row out of WebAssembly on its own, so nine
// columns a row cost more than composing the record here (and the hub then neither parses nor
// re-serialises documents). The stamp says what stampOf (records.ts) says: the member who wrote it
// ($4 when the account is gone), the hub for its own writes ($5 prefix, $6 id, $7 name), or null.
const PULL_SQL = `
SELECT r.version,
       '{"kind":"' || r.kind || '","id":' || to_json(r.id)::text
       || ',"channelId":' || to_json(r.channel_id)::text || ',"version":' || r.version
       || ',"stamp":' || CASE
            WHEN r.updated_by IS NOT NULL THEN json_build_object(
              'by', json_build_object('id', r.updated_by,
                                      'name', coalesce(nullif(u.display_name, ''), $4::text)),
              'at', ${instant('r.stamped_at')}, 'mutation', left(r.stamp_mutation, 64))::text
            WHEN starts_with(r.stamp_mutation, $5::text) THEN json_build_object(
              'by', json_build_object('id', $6::text, 'name', $7::text),
              'at', ${instant('r.stamped_at')}, 'mutation', left(r.stamp_mutation, 64))::text
            ELSE 'null' END
       || ',"doc":' || coalesce(r.doc, 'null') || '}' AS record
FROM (
  (SELECT 'channel' AS kind, c.id, c.id AS channel_id, c.version,
          (jsonb_build_object(
            'id', c.id, 'name', c.name, 'platform', c.platform, 'timeZone', c.time_zone,
            'language', c.language, 'description', c.description, 'slots', c.slots,
            'archived', c.archived,
            'createdAt', ${instant('c.created_at')}, 'updatedAt', ${instant('c.updated_at')}
          ) || CASE WHEN c.workflow IS NULL THEN '{}'::jsonb
                    ELSE jsonb_build_object('workflow', c.workflow) END
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
    FORMER_MEMBER,
    HUB_MUTATION_PREFIX,
    HUB_AUTHOR_ID,
    HUB_NAME,
  ]);
  const page = rows.slice(0, query.limit);
  const rest: Omit<PullResponse, 'records'> = {
    cursor: page.at(-1)?.version ?? query.after,
    hasMore: rows.length > query.limit,
    serverTime: now.toISOString(),
  };
  const records = page.map((row) => row.record).join(',');
  return {
    body: new JsonText(`{"records":[${records}],${JSON.stringify(rest).slice(1)}`),
    cursor: rest.cursor,
    hasMore: rest.hasMore,
  };
}
