// The audit trail: who did what to the workspace's channels and copies, and when.
import type { Router } from '../http/route';
import type { HubContext } from '../hub-context';
import { readAudit } from '../sync/audit-service';
import { auditPageSchema, auditQuerySchema } from '../../shared/audit/protocol';

/** Registers GET /v1/audit. */
export function registerAuditRoutes(router: Router, ctx: HubContext): void {
  router.add({
    method: 'GET',
    url: '/v1/audit',
    summary:
      "The workspace's audit trail, newest first, filtered by channel, story and time (from inclusive, to exclusive) and paged with nextCursor. Editors and above read every entry (a channel editor, their channel's); other members read the entries of the copies they created",
    tags: ['audit'],
    auth: true,
    query: auditQuerySchema,
    responses: { 200: { description: 'A page of entries', schema: auditPageSchema } },
    handler: ({ session, query }) => readAudit(ctx.db, session, query, ctx.now()),
  });
}
