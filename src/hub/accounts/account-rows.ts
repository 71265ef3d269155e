// Rows of the account tables and their API shapes.
import type { Member } from '../api-schemas';
import type { ChannelRole, WorkspaceRole } from '../auth/permissions';
import type { Queryable } from '../db/db';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
}

export interface WorkspaceRow {
  id: string;
  name: string;
  created_at: Date;
}

/** A user as the API shows them. */
export const toUser = (row: UserRow) => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
});

/** A workspace as the API shows it. */
export const toWorkspace = (row: WorkspaceRow) => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at.toISOString(),
});

interface MemberRow extends UserRow {
  role: WorkspaceRole;
  has_password: boolean;
  created_at: Date;
  channel_roles: Array<{ channelId: string; role: ChannelRole }>;
}

const MEMBER_SELECT = `
  SELECT u.id, u.email, u.display_name, m.role, m.created_at, u.password_hash IS NOT NULL AS has_password,
         COALESCE((SELECT json_agg(json_build_object('channelId', cr.channel_id, 'role', cr.role) ORDER BY cr.channel_id)
                     FROM channel_roles cr WHERE cr.workspace_id = m.workspace_id AND cr.user_id = m.user_id), '[]') AS channel_roles
    FROM members m JOIN users u ON u.id = m.user_id
   WHERE m.workspace_id = $1`;

function toMember(row: MemberRow): Member {
  return {
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    status: row.has_password ? 'active' : 'invited',
    channelRoles: row.channel_roles,
    joinedAt: row.created_at.toISOString(),
  };
}

/** Every member of a workspace, oldest first. */
export async function listMembers(q: Queryable, workspaceId: string): Promise<Member[]> {
  const { rows } = await q.query<MemberRow>(`${MEMBER_SELECT} ORDER BY m.created_at, u.id`, [
    workspaceId,
  ]);
  return rows.map(toMember);
}

/** One member of a workspace, or null (also for a user of another workspace). */
export async function findMember(
  q: Queryable,
  workspaceId: string,
  userId: string,
): Promise<Member | null> {
  const { rows } = await q.query<MemberRow>(`${MEMBER_SELECT} AND m.user_id = $2`, [
    workspaceId,
    userId,
  ]);
  return rows[0] ? toMember(rows[0]) : null;
}

/** A workspace by id. */
export async function findWorkspace(q: Queryable, id: string): Promise<WorkspaceRow | null> {
  const { rows } = await q.query<WorkspaceRow>(
    'SELECT id, name, created_at FROM workspaces WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

/** A user by id. */
export async function findUser(q: Queryable, id: string): Promise<UserRow | null> {
  const { rows } = await q.query<UserRow>(
    'SELECT id, email, display_name FROM users WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}
