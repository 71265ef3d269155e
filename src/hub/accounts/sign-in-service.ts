// Signing in with email and password, and redeeming an invite to choose one.
import type { SessionGrant } from '../api-schemas';
import type { WorkspaceRole } from '../auth/permissions';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from '../auth/passwords';
import { createSession } from '../auth/sessions';
import { beginSignInAttempt, finishSignInAttempt } from '../auth/sign-in-limiter';
import { hashToken } from '../auth/tokens';
import type { Queryable } from '../db/db';
import { HubError } from '../http/errors';
import type { HubContext } from '../hub-context';
import type { UserRow } from './account-rows';
import { findWorkspace, toUser, toWorkspace } from './account-rows';

interface Membership {
  workspace_id: string;
  role: WorkspaceRole;
}

const invalidCredentials = () =>
  new HubError(401, 'invalid_credentials', 'The email or the password is wrong.');

async function grant(
  q: Queryable,
  user: UserRow,
  membership: Membership,
  now: Date,
  userAgent: string | undefined,
): Promise<SessionGrant> {
  const workspace = await findWorkspace(q, membership.workspace_id);
  if (!workspace) throw new Error(`membership of ${user.id} names a missing workspace`);
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
    role: membership.role,
  };
}

export interface SignInInput {
  email: string;
  password: string;
  workspaceId?: string | undefined;
  ip: string;
  userAgent?: string | undefined;
}

/** Checks the credentials (within the rate limits) and starts a session. */
export async function signIn(ctx: HubContext, input: SignInInput): Promise<SessionGrant> {
  const attemptId = await beginSignInAttempt(
    ctx.db,
    { email: input.email, ip: input.ip },
    ctx.signInLimits,
    ctx.now(),
  );
  let outcome: 'failed' | 'succeeded' = 'failed';
  try {
    const { rows } = await ctx.db.query<UserRow & { password_hash: string | null }>(
      'SELECT id, email, display_name, password_hash FROM users WHERE email = $1',
      [input.email],
    );
    const user = rows[0];
    const ok = user?.password_hash
      ? await verifyPassword(input.password, user.password_hash)
      : await verifyAgainstNothing(input.password, ctx.scrypt);
    if (!ok || !user?.password_hash) throw invalidCredentials();

    const memberships = await ctx.db.query<Membership>(
      'SELECT workspace_id, role FROM members WHERE user_id = $1 ORDER BY created_at',
      [user.id],
    );
    const chosen = input.workspaceId
      ? memberships.rows.find((m) => m.workspace_id === input.workspaceId)
      : memberships.rows.length === 1
        ? memberships.rows[0]
        : undefined;
    if (!chosen) {
      if (memberships.rows.length > 1 && !input.workspaceId) {
        outcome = 'succeeded';
        throw new HubError(
          409,
          'conflict',
          'This account belongs to several workspaces: say which one with workspaceId.',
        );
      }
      throw invalidCredentials();
    }
    if (needsRehash(user.password_hash, ctx.scrypt)) {
      const upgraded = await hashPassword(input.password, ctx.scrypt);
      await ctx.db.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1', [
        user.id,
        upgraded,
        ctx.now(),
      ]);
    }
    outcome = 'succeeded';
    return await grant(ctx.db, user, chosen, ctx.now(), input.userAgent);
  } finally {
    await finishSignInAttempt(ctx.db, attemptId, input.email, outcome);
  }
}

export interface AcceptInviteInput {
  token: string;
  password: string;
  displayName?: string | undefined;
  userAgent?: string | undefined;
}

/** Spends an invite token: sets the new member's password and starts their session. */
export async function acceptInvite(
  ctx: HubContext,
  input: AcceptInviteInput,
): Promise<SessionGrant> {
  const passwordHash = await hashPassword(input.password, ctx.scrypt);
  return ctx.db.tx(async (q) => {
    const now = ctx.now();
    const spent = await q.query<{ workspace_id: string; user_id: string }>(
      `UPDATE invite_tokens SET used_at = $2
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
        RETURNING workspace_id, user_id`,
      [hashToken(input.token), now],
    );
    const invite = spent.rows[0];
    if (!invite) {
      throw new HubError(
        401,
        'invalid_token',
        'This invite is not valid: it was used, it expired, or it was replaced by a newer one.',
      );
    }
    const updated = await q.query<UserRow>(
      `UPDATE users SET password_hash = $2, display_name = COALESCE($3, display_name), updated_at = $4
        WHERE id = $1 RETURNING id, email, display_name`,
      [invite.user_id, passwordHash, input.displayName ?? null, now],
    );
    // Other open invites of this person are now pointless; their password is set.
    await q.query('UPDATE invite_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [
      invite.user_id,
      now,
    ]);
    const membership = await q.query<Membership>(
      'SELECT workspace_id, role FROM members WHERE workspace_id = $1 AND user_id = $2',
      [invite.workspace_id, invite.user_id],
    );
    return grant(q, updated.rows[0]!, membership.rows[0]!, now, input.userAgent);
  });
}
