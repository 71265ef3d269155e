// Periodic clean-up of rows that only matter for a while: expired sessions, tokens, old attempts,
// and the stored answers to pushed mutations.
import type { HubContext } from './hub-context';

// Attempts are kept a day, far beyond any rate-limit window, for someone looking into an attack.
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;
// Spent and expired one-time tokens are kept a week: enough to explain "this link was used".
const TOKEN_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
// A pushed mutation's answer is needed only while its desk may send it again (it never got the
// answer); 90 days covers a laptop left in a drawer for a season.
const SYNC_RESULT_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

export interface MaintenanceReport {
  sessions: number;
  attempts: number;
  setupTokens: number;
  inviteTokens: number;
  syncResults: number;
}

/** Deletes what has expired; safe to run from several hub processes at once. */
export async function runMaintenance(ctx: HubContext): Promise<MaintenanceReport> {
  const now = ctx.now();
  const attemptsBefore = new Date(
    now.getTime() - Math.max(ATTEMPT_RETENTION_MS, ctx.signInLimits.windowMs),
  );
  const tokensBefore = new Date(now.getTime() - TOKEN_RETENTION_MS);
  const sessions = await ctx.db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
  const attempts = await ctx.db.query('DELETE FROM sign_in_attempts WHERE attempted_at < $1', [
    attemptsBefore,
  ]);
  const setupTokens = await ctx.db.query(
    'DELETE FROM setup_tokens WHERE expires_at < $1 OR used_at < $1',
    [tokensBefore],
  );
  const inviteTokens = await ctx.db.query(
    'DELETE FROM invite_tokens WHERE expires_at < $1 OR used_at < $1',
    [tokensBefore],
  );
  const syncResults = await ctx.db.query('DELETE FROM sync_results WHERE stored_at < $1', [
    new Date(now.getTime() - SYNC_RESULT_RETENTION_MS),
  ]);
  return {
    syncResults: syncResults.rowCount,
    sessions: sessions.rowCount,
    attempts: attempts.rowCount,
    setupTokens: setupTokens.rowCount,
    inviteTokens: inviteTokens.rowCount,
  };
}
