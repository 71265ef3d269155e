// The workspace and its members: invite, change roles, remove — with the rules of permissions.ts.
import type { Member } from '../api-schemas';
import type { Actor, WorkspaceRole } from '../auth/permissions';
import { can, canChangeMember } from '../auth/permissions';
import { hashToken, newId, newToken } from '../auth/tokens';
import type { Queryable } from '../db/db';
import { isUniqueViolation } from '../db/db';
import { HubError, forbidden, notFound } from '../http/errors';
import type { HubContext } from '../hub-context';
import type { WorkspaceRow } from './account-rows';
import { findMember, findWorkspace } from './account-rows';

/** How long an invite can be redeemed. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Invite {
  token: string;
  expiresAt: Date;
}

/** Renames the actor's workspace (owners only). */
export async function renameWorkspace(
  ctx: HubContext,
  actor: Actor,
  name: string,
): Promise<WorkspaceRow> {
  if (!can(actor, 'manage_workspace')) throw forbidden('Only an owner can change the workspace.');
  await ctx.db.query('UPDATE workspaces SET name = $2, updated_at = $3 WHERE id = $1', [
    actor.workspaceId,
    name,
    ctx.now(),
  ]);
  const workspace = await findWorkspace(ctx.db, actor.workspaceId);
  if (!workspace) throw notFound('The workspace');
  return workspace;
}

async function issueInvite(q: Queryable, actor: Actor, userId: string, now: Date): Promise<Invite> {
  // A new invite replaces the person's open ones in this workspace.
  await q.query(
    'UPDATE invite_tokens SET used_at = $3 WHERE workspace_id = $1 AND user_id = $2 AND used_at IS NULL',
    [actor.workspaceId, userId, now],
  );
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  await q.query(
    `INSERT INTO invite_tokens (token_hash, workspace_id, user_id, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [hashToken(token), actor.workspaceId, userId, actor.userId, now, expiresAt],
  );
  return { token, expiresAt };
}

/**
 * Adds a member. A new person gets an account without a password and a one-time invite to choose
 * one; someone who already has an account on this hub is simply added.
 */
export async function inviteMember(
  ctx: HubContext,
  actor: Actor,
  input: { email: string; displayName: string; role: WorkspaceRole },
): Promise<{ member: Member; invite: Invite | null }> {
  if (!can(actor, 'manage_members')) throw forbidden('Only owners and admins can add members.');
  if (input.role === 'owner' && actor.role !== 'owner') {
    throw forbidden('Only an owner can make someone an owner.');
  }
  try {
    return await ctx.db.tx(async (q) => {
      const now = ctx.now();
      const existing = await q.query<{ id: string; has_password: boolean }>(
        'SELECT id, password_hash IS NOT NULL AS has_password FROM users WHERE email = $1 FOR UPDATE',
        [input.email],
      );
      let userId = existing.rows[0]?.id;
      if (!userId) {
        userId = newId();
        await q.query(
          'INSERT INTO users (id, email, display_name, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)',
          [userId, input.email, input.displayName, now],
        );
      }
      await q.query(
        'INSERT INTO members (workspace_id, user_id, role, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)',
        [actor.workspaceId, userId, input.role, now],
      );
      const invite = existing.rows[0]?.has_password
        ? null
        : await issueInvite(q, actor, userId, now);
      const member = await findMember(q, actor.workspaceId, userId);
      return { member: member!, invite };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new HubError(
        409,
        'conflict',
        `${input.email} is already a member (or was just added).`,
      );
    }
    throw err;
  }
}

/** Issues a fresh invite for a member who has not chosen a password yet. */
export async function reissueInvite(
  ctx: HubContext,
  actor: Actor,
  userId: string,
): Promise<Invite> {
  if (!can(actor, 'manage_members')) throw forbidden('Only owners and admins can invite.');
  return ctx.db.tx(async (q) => {
    const member = await findMember(q, actor.workspaceId, userId);
    if (!member) throw notFound('The member');
    if (!canChangeMember(actor, member.role, member.role)) {
      throw forbidden('Only an owner can invite an owner.');
    }
    if (member.status === 'active') {
      throw new HubError(409, 'conflict', 'This member has already set a password.');
    }
    return issueInvite(q, actor, userId, ctx.now());
  });
}

// Locks the workspace's owner rows, so two owners demoting each other cannot leave none.
async function assertKeepsAnOwner(q: Queryable, workspaceId: string, userId: string) {
  const { rows } = await q.query<{ user_id: string }>(
    `SELECT user_id FROM members WHERE workspace_id = $1 AND role = 'owner' FOR UPDATE`,
    [workspaceId],
  );
  if (!rows.some((row) => row.user_id !== userId)) {
    throw new HubError(
      409,
      'conflict',
      'A workspace needs at least one owner: make someone else owner first.',
    );
  }
}

async function lockMemberRole(
  q: Queryable,
  workspaceId: string,
  userId: string,
): Promise<WorkspaceRole> {
  const { rows } = await q.query<{ role: WorkspaceRole }>(
    'SELECT role FROM members WHERE workspace_id = $1 AND user_id = $2 FOR UPDATE',
    [workspaceId, userId],
  );
  if (!rows[0]) throw notFound('The member');
  return rows[0].role;
}

/** Gives a member another workspace role. */
export async function changeMemberRole(
  ctx: HubContext,
  actor: Actor,
  userId: string,
  role: WorkspaceRole,
): Promise<Member> {
  if (!can(actor, 'manage_members')) throw forbidden('Only owners and admins can change roles.');
  return ctx.db.tx(async (q) => {
    const current = await lockMemberRole(q, actor.workspaceId, userId);
    if (!canChangeMember(actor, current, role)) {
      throw forbidden('Only an owner can give or take away ownership.');
    }
    if (current === 'owner' && role !== 'owner')
      await assertKeepsAnOwner(q, actor.workspaceId, userId);
    await q.query(
      'UPDATE members SET role = $3, updated_at = $4 WHERE workspace_id = $1 AND user_id = $2',
      [actor.workspaceId, userId, role, ctx.now()],
    );
    return (await findMember(q, actor.workspaceId, userId))!;
  });
}

/** Removes a member: their sessions, invites and channel roles go with them. */
export async function removeMember(ctx: HubContext, actor: Actor, userId: string): Promise<void> {
  if (!can(actor, 'manage_members')) throw forbidden('Only owners and admins can remove members.');
  await ctx.db.tx(async (q) => {
    const current = await lockMemberRole(q, actor.workspaceId, userId);
    if (!canChangeMember(actor, current, null))
      throw forbidden('Only an owner can remove an owner.');
    if (current === 'owner') await assertKeepsAnOwner(q, actor.workspaceId, userId);
    await q.query('DELETE FROM members WHERE workspace_id = $1 AND user_id = $2', [
      actor.workspaceId,
      userId,
    ]);
    // An account that belongs nowhere any more is deleted, so the email can be invited afresh.
    await q.query(
      'DELETE FROM users WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM members WHERE user_id = $1)',
      [userId],
    );
  });
}
