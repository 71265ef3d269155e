// GET /v1/health: liveness, versions and the hub's clock, for monitoring and the desk's checks.
import { healthSchema } from '../api-schemas';
import { MIGRATIONS } from '../db/migrations';
import { HubError } from '../http/errors';
import type { Router } from '../http/route';
import type { HubContext } from '../hub-context';
import { API_VERSION, HUB_VERSION } from '../version';

/** Registers the health route. */
export function registerHealthRoutes(router: Router, ctx: HubContext): void {
  router.add({
    method: 'GET',
    url: '/v1/health',
    summary: 'Hub status, versions, database and server time',
    tags: ['hub'],
    auth: false,
    responses: { 200: { description: 'The hub is up', schema: healthSchema } },
    async handler({ reply }) {
      let row: { version: number | null; set_up: boolean } | undefined;
      try {
        // One round trip: the desk polls this to measure its clock offset.
        const { rows } = await ctx.db.query<{ version: number | null; set_up: boolean }>(
          `SELECT (SELECT max(version) FROM schema_migrations) AS version,
                  EXISTS (SELECT 1 FROM workspaces) AS set_up`,
        );
        row = rows[0];
      } catch (err) {
        reply.log.error({ err }, 'health check: database unreachable');
        throw new HubError(503, 'unavailable', 'The hub cannot reach its database.');
      }
      reply.header('cache-control', 'no-store');
      return {
        status: 'ok',
        service: 'channel-desk-hub',
        hubVersion: HUB_VERSION,
        apiVersion: API_VERSION,
        database: {
          kind: ctx.db.kind,
          schemaVersion: row?.version ?? 0,
          latestSchemaVersion: MIGRATIONS.length,
        },
        // Taken last, as close to sending as possible, for the desk's clock-offset estimate.
        serverTime: ctx.now().toISOString(),
        setupRequired: !row?.set_up,
      };
    },
  });
}
