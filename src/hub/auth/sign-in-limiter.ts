// Limits failed sign-ins per email and per IP address, across every hub process sharing the database.
import type { Db } from '../db/db';
import { HubError } from '../http/errors';

export interface SignInLimits {
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  windowMs: number;
}

/** 5 failures per account and 20 per address (a newsroom shares one) in 15 minutes. */
export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 20,
  windowMs: 15 * 60 * 1000,
};

interface Key {
  column: 'email' | 'ip';
  value: string;
  max: number;
}

// When will the key be below its limit again? When enough of its oldest failures leave the window.
async function retryAfterMs(
  db: Db,
  key: Key,
  count: number,
  since: Date,
  windowMs: number,
  now: Date,
) {
  const { rows } = await db.query<{ attempted_at: Date }>(
    `SELECT attempted_at FROM sign_in_attempts
      WHERE ${key.column} = $1 AND attempted_at > $2 AND outcome IN ('pending', 'failed')
      ORDER BY attempted_at, id OFFSET $3 LIMIT 1`,
    [key.value, since, Math.max(0, count - key.max)],
  );
  const freedAt = (rows[0]?.attempted_at.getTime() ?? now.getTime()) + windowMs;
  return Math.max(1000, freedAt - now.getTime());
}

/**
 * Records an attempt before the password is checked (so parallel guesses count too) and refuses
 * it with a 429 and Retry-After when the email or the address is over its limit. Returns the
 * attempt's id for `finishSignInAttempt`.
 */
export async function beginSignInAttempt(
  db: Db,
  attempt: { email: string; ip: string },
  limits: SignInLimits,
  now: Date,
): Promise<number> {
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO sign_in_attempts (email, ip, outcome, attempted_at) VALUES ($1, $2, 'pending', $3) RETURNING id`,
    [attempt.email, attempt.ip, now],
  );
  const id = inserted.rows[0]!.id;
  const since = new Date(now.getTime() - limits.windowMs);
  // Earlier ids only: of many simultaneous attempts, the first ones go through.
  const { rows } = await db.query<{ by_email: number; by_ip: number }>(
    `SELECT count(*) FILTER (WHERE email = $1) AS by_email, count(*) FILTER (WHERE ip = $2) AS by_ip
       FROM sign_in_attempts
      WHERE (email = $1 OR ip = $2) AND attempted_at > $3 AND id <= $4
        AND outcome IN ('pending', 'failed')`,
    [attempt.email, attempt.ip, since, id],
  );
  const counts = rows[0] ?? { by_email: 0, by_ip: 0 };
  const over: Array<[Key, number]> = [];
  if (counts.by_email > limits.maxFailuresPerEmail) {
    over.push([
      { column: 'email', value: attempt.email, max: limits.maxFailuresPerEmail },
      counts.by_email,
    ]);
  }
  if (counts.by_ip > limits.maxFailuresPerIp) {
    over.push([{ column: 'ip', value: attempt.ip, max: limits.maxFailuresPerIp }, counts.by_ip]);
  }
  if (over.length === 0) return id;

  await db.query(`UPDATE sign_in_attempts SET outcome = 'refused' WHERE id = $1`, [id]);
  let waitMs = 0;
  for (const [key, count] of over) {
    // `count` includes this attempt, which is now 'refused' and no longer counts.
    waitMs = Math.max(waitMs, await retryAfterMs(db, key, count - 1, since, limits.windowMs, now));
  }
  const seconds = Math.ceil(waitMs / 1000);
  throw new HubError(
    429,
    'rate_limited',
    `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    undefined,
    { 'retry-after': String(seconds) },
  );
}

/** Records how an attempt ended; a success forgets the account's earlier failures. */
export async function finishSignInAttempt(
  db: Db,
  id: number,
  email: string,
  outcome: 'failed' | 'succeeded',
): Promise<void> {
  await db.query('UPDATE sign_in_attempts SET outcome = $2 WHERE id = $1', [id, outcome]);
  if (outcome === 'succeeded') {
    await db.query(
      `DELETE FROM sign_in_attempts WHERE email = $1 AND outcome IN ('failed', 'pending') AND id < $2`,
      [email, id],
    );
  }
}
