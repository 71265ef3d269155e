// The permanent archive: exactly what the hub sent to a copy's platform — the post, then every
// correction, then its withdrawal — from the publications it keeps, long after the platform forgot.
import type { Actor } from '../auth/permissions';
import { can } from '../auth/permissions';
import type { Queryable } from '../db/db';
import { forbidden, notFound } from '../http/errors';
import type { Router } from '../http/route';
import type { HubContext } from '../hub-context';
import type { PublishedContent } from '../publish/planner';
import type { PublishedVersion, PublishedVersions } from '../../shared/archive/protocol';
import { publishedVersionsSchema } from '../../shared/archive/protocol';
import { updateIdParamsSchema } from '../../shared/publish/protocol';

interface SentRow {
  action: 'post' | 'edit' | 'delete';
  sent_at: Date;
  sent_content: PublishedContent | null;
  created_by: string | null;
  by_name: string | null;
}

/**
 * What the platform was sent for one copy, oldest first. Whoever may read the copy's channel may
 * read this (every member of its workspace writes drafts there, so reads it too).
 */
export async function publishedVersionsOf(
  q: Queryable,
  actor: Actor,
  updateId: string,
): Promise<PublishedVersions> {
  const { rows: found } = await q.query<{ channel_id: string }>(
    'SELECT channel_id FROM hub_updates WHERE id = $1 AND workspace_id = $2 AND doc IS NOT NULL',
    [updateId, actor.workspaceId],
  );
  const channelId = found[0]?.channel_id;
  if (channelId === undefined) throw notFound('The update');
  if (!can(actor, 'create_draft', { id: channelId, workspaceId: actor.workspaceId })) {
    throw forbidden("You cannot read this channel's copies.");
  }
  // Only what reached the platform: done rows with the time they were sent.
  const { rows } = await q.query<SentRow>(
    `SELECT p.action, p.sent_at, p.sent_content, p.created_by, u.display_name AS by_name
       FROM publications p LEFT JOIN users u ON u.id = p.created_by
      WHERE p.update_id = $1 AND p.state = 'done' AND p.sent_at IS NOT NULL
      ORDER BY p.sent_at, CASE p.action WHEN 'post' THEN 0 WHEN 'edit' THEN 1 ELSE 2 END,
               p.content_version`,
    [updateId],
  );
  const versions: PublishedVersion[] = [];
  for (const row of rows) {
    const by = row.created_by && row.by_name ? { id: row.created_by, name: row.by_name } : null;
    const sentAt = row.sent_at.toISOString();
    if (row.action === 'delete') {
      // The withdrawal ends the list; it withdrew the last text sent.
      const last = versions[versions.length - 1];
      versions.push({ kind: 'withdrawn', sentAt, text: last?.text ?? '', ...(by ? { by } : {}) });
      break;
    }
    if (!row.sent_content) continue;
    versions.push({
      kind: row.action,
      sentAt,
      text: row.sent_content.text,
      ...(row.sent_content.attachments.length > 0
        ? { attachments: row.sent_content.attachments }
        : {}),
      ...(row.sent_content.poll ? { poll: row.sent_content.poll } : {}),
      ...(by ? { by } : {}),
    });
  }
  return { versions };
}

/** Registers GET /v1/updates/:updateId/published. */
export function registerArchiveRoutes(router: Router, ctx: HubContext): void {
  router.add({
    method: 'GET',
    url: '/v1/updates/:updateId/published',
    summary:
      "Exactly what the platform was sent for a copy, oldest first: the post, each correction, and its withdrawal. Any member who can read the copy's channel",
    tags: ['archive'],
    auth: true,
    params: updateIdParamsSchema,
    responses: {
      200: { description: 'The published versions', schema: publishedVersionsSchema },
    },
    handler: ({ session, params }) => publishedVersionsOf(ctx.db, session, params.updateId),
  });
}
