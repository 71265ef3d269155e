// Sessions: a bearer token handed out once, stored as its SHA-256, valid until it expires.
import type { Queryable } from '../db/db';
import type { Actor, ChannelRole, WorkspaceRole } from './permissions';
import { hashToken, isTokenShaped, newId, newToken } from './tokens';

/** How long a session lasts without use. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
// Sliding expiry costs a write; doing it at most this often keeps reads read-only.
const SESSION_RENEW_AFTER_MS = 24 * 60 * 60 * 1000;

/** The signed-in member behind a request. */
export interface AuthSession extends Actor {
  sessionId: string;
  tokenHash: string;
  expiresAt: Date;
}

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

/** Starts a session for a member; the raw token is returned here and never stored. */
export async function createSession(
  q: Queryable,
  member: { workspaceId: string; userId: string },
  now: Date,
  userAgent: string | undefined,
): Promise<NewSession> {
  const token = newToken();
  const sessionId = newId();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await q.query(
    `INSERT INTO sessions (token_hash, id, workspace_id, user_id, created_at, last_used_at, expires_at, user_agent)
     VALUES ($1, $2, $3, $4, $5, $5, $6, $7)`,
    [
      hashToken(token),
      sessionId,
      member.workspaceId,
      member.userId,
      now,
      expiresAt,
      userAgent?.slice(0, 300) ?? null,
    ],
  );
  return { token, sessionId, expiresAt };
}

interface SessionRow {
  id: string;
  workspace_id: string;
  user_id: string;
  role: WorkspaceRole;
  expires_at: Date;
  last_used_at: Date;
  channel_roles: Record<string, ChannelRole>;
}

/** The live session for a raw token, with the member's roles, or null; renews it when due. */
export async function findSession(
  q: Queryable,
  token: string,
  now: Date,
): Promise<AuthSession | null> {
  if (!isTokenShaped(token)) return null;
  const tokenHash = hashToken(token);
  const { rows } = await q.query<SessionRow>(
    `SELECT s.id, s.workspace_id, s.user_id, m.role, s.expires_at, s.last_used_at,
            COALESCE((SELECT json_object_agg(cr.channel_id, cr.role) FROM channel_roles cr
                      WHERE cr.workspace_id = s.workspace_id AND cr.user_id = s.user_id), '{}') AS channel_roles
       FROM sessions s JOIN members m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [tokenHash, now],
  );
  const row = rows[0];
  if (!row) return null;
  let expiresAt = row.expires_at;
  if (now.getTime() - row.last_used_at.getTime() > SESSION_RENEW_AFTER_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await q.query('UPDATE sessions SET last_used_at = $2, expires_at = $3 WHERE token_hash = $1', [
      tokenHash,
      now,
      expiresAt,
    ]);
  }
  return {
    sessionId: row.id,
    tokenHash,
    workspaceId: row.workspace_id,
    userId: row.user_id,
    role: row.role,
    channelRoles: row.channel_roles,
    expiresAt,
  };
}

/** Whether a session still lets its member in (not signed out, not expired, still a member). */
export async function sessionAlive(q: Queryable, tokenHash: string, now: Date): Promise<boolean> {
  const { rows } = await q.query(
    `SELECT 1 FROM sessions s JOIN members m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2`,
    [tokenHash, now],
  );
  return rows.length > 0;
}

/** Ends one session. */
export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}
