// Desk installs ("clients") and their push positions: a desk registers once per hub and member.
import type { Actor } from '../auth/permissions';
import { forbidden, notFound } from '../http/errors';
import type { HubContext } from '../hub-context';
import { HUB_VERSION } from '../version';
import type { RegisterClientResponse } from '../../shared/sync/protocol';
import { SYNC_PROTOCOL_VERSION } from '../../shared/sync/protocol';

/**
 * Registers `clientId` for the actor (its first push will be `startSeq`), or returns where a
 * known one stands. Another member's client id is refused: push positions are per desk.
 */
export async function registerClient(
  ctx: HubContext,
  actor: Actor,
  input: { clientId: string; startSeq: number },
): Promise<RegisterClientResponse> {
  const now = ctx.now();
  const row = await ctx.db.tx(async (q) => {
    await q.query(
      `INSERT INTO sync_clients (workspace_id, client_id, user_id, last_seq, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (workspace_id, client_id) DO NOTHING`,
      [actor.workspaceId, input.clientId, actor.userId, input.startSeq - 1, now],
    );
    const { rows } = await q.query<{ user_id: string; last_seq: number; display_name: string }>(
      `SELECT c.user_id, c.last_seq, u.display_name
         FROM sync_clients c JOIN users u ON u.id = $3
        WHERE c.workspace_id = $1 AND c.client_id = $2`,
      [actor.workspaceId, input.clientId, actor.userId],
    );
    return rows[0];
  });
  if (!row) throw notFound('The member');
  if (row.user_id !== actor.userId) {
    throw forbidden('This client id belongs to another member; a desk registers its own.');
  }
  return {
    clientId: input.clientId,
    lastSeq: row.last_seq,
    protocol: SYNC_PROTOCOL_VERSION,
    hubVersion: HUB_VERSION,
    serverTime: now.toISOString(),
    user: { id: actor.userId, name: row.display_name },
  };
}
