// First start: a one-time setup token, spent by creating the workspace and its owner.
import type { SessionGrant } from '../api-schemas';
import { hashPassword } from '../auth/passwords';
import { createSession } from '../auth/sessions';
import { hashToken, newId, newToken } from '../auth/tokens';
import type { Queryable } from '../db/db';
import { HubError } from '../http/errors';
import type { HubContext } from '../hub-context';
import type { UserRow, WorkspaceRow } from './account-rows';
import { toUser, toWorkspace } from './account-rows';

/** How long a printed setup token stays valid; a restart prints a new one. */
export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

const alreadySetUp = () =>
  new HubError(409, 'already_set_up', 'This hub is already set up. Sign in instead.');

/** True once a workspace exists. */
export async function isSetUp(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ done: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM workspaces) AS done',
  );
  return rows[0]?.done ?? false;
}

/**
 * Issues a setup token when the hub has no workspace yet, else returns null. Each hub process
 * that starts unset issues its own; any one of them can be used, and using one spends all.
 */
export async function issueSetupToken(
  ctx: HubContext,
): Promise<{ token: string; expiresAt: Date } | null> {
  if (await isSetUp(ctx.db)) return null;
  const token = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + SETUP_TOKEN_TTL_MS);
  await ctx.db.query(
    'INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES ($1, $2, $3)',
    [hashToken(token), now, expiresAt],
  );
  return { token, expiresAt };
}

export interface SetupInput {
  token: string;
  workspaceName: string;
  displayName: string;
  email: string;
  password: string;
}

/**
 * Inserts a workspace and its owner. Setup uses it once; a hub serving several newsrooms (and the
 * tests' second workspace) would use it again.
 */
export async function insertWorkspaceWithOwner(
  q: Queryable,
  input: { workspaceName: string; displayName: string; email: string },
  passwordHash: string,
  now: Date,
): Promise<{ workspace: WorkspaceRow; user: UserRow }> {
  const workspace: WorkspaceRow = { id: newId(), name: input.workspaceName, created_at: now };
  const user: UserRow = { id: newId(), email: input.email, display_name: input.displayName };
  await q.query(
    'INSERT INTO workspaces (id, name, created_at, updated_at) VALUES ($1, $2, $3, $3)',
    [workspace.id, workspace.name, now],
  );
  await q.query(
    `INSERT INTO users (id, email, display_name, password_hash, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5)`,
    [user.id, user.email, user.display_name, passwordHash, now],
  );
  await q.query(
    `INSERT INTO members (workspace_id, user_id, role, created_at, updated_at) VALUES ($1, $2, 'owner', $3, $3)`,
    [workspace.id, user.id, now],
  );
  return { workspace, user };
}

/** Creates the workspace and its owner with a valid setup token; returns the owner's session. */
export async function completeSetup(
  ctx: HubContext,
  input: SetupInput,
  userAgent: string | undefined,
): Promise<SessionGrant> {
  // Hash outside the transaction: it takes ~75 ms and needs no lock.
  const passwordHash = await hashPassword(input.password, ctx.scrypt);
  const presented = hashToken(input.token);
  return ctx.db.tx(async (q) => {
    const now = ctx.now();
    if (await isSetUp(q)) throw alreadySetUp();
    // Spend every open token at once: the row locks make a concurrent setup wait, then find none.
    const { rows } = await q.query<{ token_hash: string }>(
      'UPDATE setup_tokens SET used_at = $1 WHERE used_at IS NULL AND expires_at > $1 RETURNING token_hash',
      [now],
    );
    if (!rows.some((row) => row.token_hash === presented)) {
      // A setup that committed while we waited for its row locks is visible to this statement.
      if (await isSetUp(q)) throw alreadySetUp();
      throw new HubError(
        401,
        'invalid_token',
        'This setup token is not valid (it may have expired: restart the hub for a new one).',
      );
    }
    const { workspace, user } = await insertWorkspaceWithOwner(q, input, passwordHash, now);
    const session = await createSession(
      q,
      { workspaceId: workspace.id, userId: user.id },
      now,
      userAgent,
    );
    return {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      user: toUser(user),
      workspace: toWorkspace(workspace),
      role: 'owner',
    };
  });
}
