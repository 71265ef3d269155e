// From the copies a push or import just wrote to the publications the hub owes: a scheduled copy
// gets its post (or has it moved); an unscheduled or deleted one has its waiting post cancelled; a
// published copy whose content changed gets a correction. Runs inside the writing transaction, so
// the schedule and its publication commit together.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/db';
import type { UpdateDoc } from '../../shared/sync/protocol';
import type { HubRecord } from '../sync/records';
import { initialDelivery } from './delivery';
import type { ChannelWorkflow } from '../../shared/schemas';
import { channelWorkflowOf, holdOf } from '../../shared/workflow/copy-rules';

/**
 * A schedule that reaches the hub this late is not sent: a desk offline for hours must not
 * flood a channel with stale news. The copy is marked failed and the editor reschedules it.
 */
export const LATE_LIMIT_MS = 15 * 60 * 1000;

interface LivePost {
  id: string;
  update_id: string;
  state: 'scheduled' | 'sending' | 'done' | 'failed' | 'due';
  content_version: number;
  sent_content: PublishedContent | null;
}

/** The parts of a copy a platform shows; a change to them after publication is a correction. */
export interface PublishedContent {
  text: string;
  attachments: UpdateDoc['attachments'];
  poll: UpdateDoc['poll'];
}

export const publishedContentOf = (doc: UpdateDoc): PublishedContent => ({
  text: doc.text,
  attachments: doc.attachments,
  poll: doc.poll,
});

function sameContent(a: PublishedContent, b: PublishedContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const dueAtOf = (doc: UpdateDoc): Date | null =>
  doc.deletedAt === null && doc.status === 'scheduled' && doc.schedule.kind === 'at'
    ? new Date(doc.schedule.at)
    : null;

const DEFAULT = channelWorkflowOf({});

/** The workflow settings of these channels (the defaults for channels that have none). */
async function channelWorkflows(
  q: Queryable,
  channelIds: readonly string[],
): Promise<Map<string, ChannelWorkflow>> {
  const { rows } = await q.query<{ id: string; workflow: ChannelWorkflow | null }>(
    'SELECT id, workflow FROM hub_channels WHERE id = ANY($1::text[])',
    [[...new Set(channelIds)]],
  );
  return new Map(rows.map((row) => [row.id, row.workflow ?? DEFAULT]));
}

export interface PlanResult {
  /** Copies whose schedule arrived too late: their post is failed; their delivery must say so. */
  late: { updateId: string; dueAt: Date }[];
  /** Earliest new due time, to wake the scheduler. */
  earliest: Date | null;
}

/** Brings the publications of these just-written updates in line with their documents. */
export async function planPublications(
  q: Queryable,
  workspaceId: string,
  userId: string | null,
  updates: readonly HubRecord[],
  now: Date,
): Promise<PlanResult> {
  const result: PlanResult = { late: [], earliest: null };
  if (updates.length === 0) return result;
  const { rows } = await q.query<LivePost>(
    // What the platform shows now: the last correction sent, else the post (each row keeps what
    // it sent, so the archive can show the post and every correction).
    `SELECT p.id, p.update_id, p.state, p.content_version,
            coalesce(
              (SELECT e.sent_content FROM publications e
                WHERE e.update_id = p.update_id AND e.action = 'edit' AND e.state = 'done'
                  AND e.sent_content IS NOT NULL
                ORDER BY e.sent_at DESC, e.content_version DESC LIMIT 1),
              p.sent_content) AS sent_content
       FROM publications p
      WHERE p.update_id = ANY($1::text[]) AND p.action = 'post' AND p.state <> 'cancelled'`,
    [updates.map((u) => u.id)],
  );
  const posts = new Map(rows.map((row) => [row.update_id, row]));
  const workflows = await channelWorkflows(
    q,
    updates.map((u) => u.channelId),
  );
  const inserts: PublicationRow[] = [];
  const moves: { id: string; due_at: string; content_version: number }[] = [];
  const cancels: string[] = [];
  const edits: PublicationRow[] = [];
  const lateRows: ReturnType<typeof publicationRow>[] = [];

  for (const record of updates) {
    const doc = record.doc as UpdateDoc | null;
    const post = posts.get(record.id);
    // A copy held by the workflow (approval missing or late, embargo) has no post to wait for.
    const held = doc !== null && holdOf(doc, workflows.get(record.channelId) ?? DEFAULT) !== null;
    const dueAt = doc && !held ? dueAtOf(doc) : null;
    if (post?.state === 'done') {
      // Published: a content change is a correction that reaches the platform.
      if (doc && doc.deletedAt === null && post.sent_content) {
        if (!sameContent(post.sent_content, publishedContentOf(doc))) {
          edits.push(publicationRow(workspaceId, record, 'edit', userId, now, now));
        }
      }
      continue;
    }
    if (post?.state === 'scheduled' || post?.state === 'failed') {
      if (dueAt === null) cancels.push(post.id);
      else {
        // Moved, or touched by an editor after it failed: (re)armed for its time, or now.
        const at = dueAt > now || post.state === 'scheduled' ? dueAt : now;
        moves.push({ id: post.id, due_at: at.toISOString(), content_version: record.version });
      }
      continue;
    }
    if (post) continue; // sending or due: already in a person's or a worker's hands
    if (!doc || dueAt === null || doc.delivery) continue;
    const row = publicationRow(workspaceId, record, 'post', userId, dueAt, now);
    if (now.getTime() - dueAt.getTime() > LATE_LIMIT_MS) {
      result.late.push({ updateId: record.id, dueAt });
      lateRows.push(row);
      continue;
    }
    inserts.push(row);
  }

  await insertPublications(q, [...inserts, ...edits]);
  await insertPublications(q, lateRows, {
    state: 'failed',
    reason: (row) => lateReason(row.due_at, now),
  });
  if (moves.length > 0) {
    await q.query(
      `UPDATE publications p SET state = 'scheduled', due_at = m.due_at, next_attempt_at = m.due_at,
              content_version = m.content_version, attempts = 0, reason = NULL, updated_at = $2
         FROM jsonb_to_recordset($1::jsonb) AS m(id text, due_at timestamptz, content_version bigint)
        WHERE p.id = m.id AND p.state IN ('scheduled', 'failed')`,
      [JSON.stringify(moves), now],
    );
  }
  for (const row of [...inserts, ...moves] as { due_at: string }[]) {
    const at = new Date(row.due_at);
    if (!result.earliest || at < result.earliest) result.earliest = at;
  }
  if (cancels.length > 0) {
    await q.query(
      `UPDATE publications SET state = 'cancelled', updated_at = $2
        WHERE id = ANY($1::text[]) AND state IN ('scheduled', 'failed')`,
      [cancels, now],
    );
  }
  if (edits.length > 0) result.earliest = now;
  return result;
}

/** A publication row for one copy (its hub version is the content the row sends). */
export function publicationRow(
  workspaceId: string,
  record: Pick<HubRecord, 'id' | 'channelId' | 'version'>,
  action: 'post' | 'edit' | 'delete',
  userId: string | null,
  dueAt: Date,
  now: Date,
) {
  return {
    id: randomUUID(),
    workspace_id: workspaceId,
    update_id: record.id,
    channel_id: record.channelId,
    action,
    content_version: record.version,
    due_at: dueAt.toISOString(),
    created_by: userId,
    created_at: now.toISOString(),
  };
}

const lateReason = (dueAt: string, now: Date) =>
  `This schedule reached the hub ${Math.round((now.getTime() - Date.parse(dueAt)) / 60_000)} minutes after its time, so it was not sent. Publish it now or give it a new time.`;

type PublicationRow = ReturnType<typeof publicationRow>;

/**
 * Inserts publication rows ('scheduled' unless told otherwise); one that already exists (the same
 * post, the same correction) is skipped.
 */
export async function insertPublications(
  q: Queryable,
  rows: readonly PublicationRow[],
  as: { state: 'scheduled' | 'failed'; reason: (row: PublicationRow) => string | null } = {
    state: 'scheduled',
    reason: () => null,
  },
): Promise<number> {
  if (rows.length === 0) return 0;
  const withReasons = rows.map((row) => ({ ...row, reason: as.reason(row) }));
  const { rowCount } = await q.query(
    `INSERT INTO publications (id, workspace_id, update_id, channel_id, action, content_version, state,
                               due_at, next_attempt_at, reason, created_by, created_at, updated_at)
     SELECT r.id, r.workspace_id, r.update_id, r.channel_id, r.action, r.content_version, $2,
            r.due_at, r.due_at, r.reason, r.created_by, r.created_at, r.created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, workspace_id text, update_id text,
            channel_id text, action text, content_version bigint, due_at timestamptz, reason text,
            created_by text, created_at timestamptz)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(withReasons), as.state],
  );
  return rowCount;
}

/**
 * Marks copies whose schedule came too late as failed, in the documents just written (same
 * version: it is part of the same write, and desks pull it with it).
 */
export async function markLate(
  q: Queryable,
  workspaceId: string,
  late: PlanResult['late'],
  now: Date,
): Promise<void> {
  if (late.length === 0) return;
  const rows = late.map(({ updateId, dueAt }) => ({
    id: updateId,
    delivery: {
      ...initialDelivery(now),
      state: 'failed',
      reason: lateReason(dueAt.toISOString(), now),
    },
  }));
  await q.query(
    `UPDATE hub_updates h SET doc = jsonb_set(h.doc, '{delivery}', d.delivery)
       FROM jsonb_to_recordset($2::jsonb) AS d(id text, delivery jsonb)
      WHERE h.id = d.id AND h.workspace_id = $1 AND h.doc IS NOT NULL`,
    [workspaceId, JSON.stringify(rows)],
  );
}
