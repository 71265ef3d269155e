// The audit trail: every write to the workspace's channels and copies, newest first, with who made
// it, the channel and story it touched and the copy's title, filtered and paged for the desk.
//
// Who reads what: a member who may edit any copy (editors and above, workspace-wide or on a
// channel through a channel role) reads every entry of those channels; anyone else reads only the
// entries of copies they created, which tell them what happened to their own work.
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import type { Queryable } from '../db/db';
import { notFound } from '../http/errors';
import type { AuditEntry, AuditPage } from '../../shared/audit/protocol';
import { DEFAULT_AUDIT_PAGE, MAX_AUDIT_PAGE } from '../../shared/audit/protocol';
import { titleOf } from '../../shared/formatting/title';
import type { RecordKind } from '../../shared/sync/protocol';
import { FORMER_MEMBER, HUB_MUTATION_PREFIX, HUB_NAME } from './records';

/** Longest copy title an entry carries. */
export const AUDIT_TITLE_CHARS = 120;
// Only the start of a text can hold its first line; the rest never leaves the database.
const TITLE_SOURCE_CHARS = 4000;

export interface AuditRequest {
  channelId?: string | undefined;
  storyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  /** The `nextCursor` of the page before. */
  cursor?: string | undefined;
}

interface AuditRow {
  version: number;
  at: Date;
  user_id: string | null;
  display_name: string | null;
  mutation: string;
  outcome: AuditEntry['outcome'];
  kind: RecordKind;
  record_id: string;
  fields: string[];
  channel_id: string | null;
  channel_name: string | null;
  story_id: string | null;
  text: string | null;
  /** The copy's embargo still holds: its text stays out of the trail (and of every export). */
  embargoed: boolean;
}

/** Channels where `actor` reads the whole trail; null: every channel of the workspace. */
function wholeTrailChannels(actor: Actor): string[] | null {
  if (can(actor, 'edit_any_draft')) return null;
  return Object.keys(actor.channelRoles).filter((id) =>
    can(actor, 'edit_any_draft', { id, workspaceId: actor.workspaceId }),
  );
}

function whoOf(row: AuditRow): AuditEntry['who'] {
  if (row.user_id) return { id: row.user_id, name: row.display_name ?? FORMER_MEMBER };
  // A user deleted since leaves no id; the hub's own writes never had one.
  const name = row.mutation.startsWith(HUB_MUTATION_PREFIX) ? HUB_NAME : FORMER_MEMBER;
  return { id: '', name };
}

function entryOf(row: AuditRow): AuditEntry {
  const title = row.text === null || row.embargoed ? '' : titleOf(row.text, AUDIT_TITLE_CHARS);
  return {
    version: row.version,
    at: row.at.toISOString(),
    who: whoOf(row),
    action: row.mutation,
    outcome: row.outcome,
    record: { kind: row.kind, id: row.record_id },
    channel: row.channel_id === null ? null : { id: row.channel_id, name: row.channel_name ?? '' },
    storyId: row.kind === 'update' ? row.story_id : null,
    title: title === '' ? null : title,
    fields: row.fields,
    ...(row.embargoed ? { embargoed: true } : {}),
  };
}

/**
 * One page of the actor's workspace's audit trail, newest first (in commit order, which never
 * changes, so pages neither skip nor repeat entries while new writes arrive).
 */
export async function readAudit(
  q: Queryable,
  actor: Actor,
  request: AuditRequest,
  now: Date,
): Promise<AuditPage> {
  if (request.channelId !== undefined) {
    const { rows } = await q.query(
      'SELECT 1 FROM hub_channels WHERE id = $1 AND workspace_id = $2',
      [request.channelId, actor.workspaceId],
    );
    if (rows.length === 0) throw notFound('The channel');
  }
  const limit = Math.min(Math.max(1, request.limit ?? DEFAULT_AUDIT_PAGE), MAX_AUDIT_PAGE);
  const channels = wholeTrailChannels(actor);
  const { rows } = await q.query<AuditRow>(
    `SELECT h.version, h.at, h.user_id, usr.display_name, h.mutation, h.outcome, h.kind,
            h.record_id, h.fields, c.id AS channel_id, c.name AS channel_name, u.story_id,
            left(u.doc->>'text', ${TITLE_SOURCE_CHARS}) AS text,
            coalesce((u.doc->>'embargoUntil')::timestamptz > $11, false) AS embargoed
       FROM record_history h
       LEFT JOIN hub_updates u
              ON h.kind = 'update' AND u.id = h.record_id AND u.workspace_id = h.workspace_id
       LEFT JOIN hub_channels c
              ON c.workspace_id = h.workspace_id
             AND c.id = CASE WHEN h.kind = 'channel' THEN h.record_id ELSE u.channel_id END
       LEFT JOIN users usr ON usr.id = h.user_id
      WHERE h.workspace_id = $1
        AND ($2::text IS NULL OR c.id = $2)
        AND ($3::text IS NULL OR u.story_id = $3)
        AND ($4::timestamptz IS NULL OR h.at >= $4)
        AND ($5::timestamptz IS NULL OR h.at < $5)
        AND ($6::bigint IS NULL OR h.version < $6)
        AND ($7::boolean OR c.id = ANY($8::text[]) OR u.created_by = $9)
      ORDER BY h.version DESC
      LIMIT $10`,
    [
      actor.workspaceId,
      request.channelId ?? null,
      request.storyId ?? null,
      request.from ?? null,
      request.to ?? null,
      request.cursor === undefined ? null : Number(request.cursor),
      channels === null,
      channels ?? [],
      actor.userId,
      // One more than asked tells whether another page follows.
      limit + 1,
      now,
    ],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(entryOf),
    nextCursor: rows.length > limit && last ? String(last.version) : null,
  };
}
