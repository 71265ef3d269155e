// Signing in and out: credentials, rate limits, sessions and tokens at rest.
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/hub/auth/passwords';
import { hashToken } from '../../src/hub/auth/tokens';
import type { HubOptions } from '../../src/hub/server';
import { DB_KINDS } from './test-db';
import type { TestHub } from './test-hub';
import { PASSWORD, createTestHub, setUpHub } from './test-hub';

const EMAIL = 'owner@example.org';
const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

describe.each(DB_KINDS)('sign-in on %s', (kind) => {
  let t: TestHub;
  const start = async (options: HubOptions = {}) => {
    t = await createTestHub(kind, options);
    return setUpHub(t, EMAIL);
  };
  afterEach(() => t.close());
  const signIn = (email: string, password: string, remoteAddress = '10.0.0.1') =>
    t.api('POST', '/v1/auth/sign-in', { body: { email, password }, remoteAddress });

  it('signs in with the right password (email in any case) and the token works', async () => {
    await start();
    const res = await signIn('  Owner@Example.ORG ', PASSWORD);
    expect(res.status).toBe(200);
    const { token } = res.json as { token: string };
    const me = await t.api('GET', '/v1/me', { token });
    expect(me.json).toMatchObject({ user: { email: EMAIL }, role: 'owner' });
  });

  it('answers a wrong password and an unknown email alike', async () => {
    await start();
    const wrong = await signIn(EMAIL, 'not the password');
    const unknown = await signIn('nobody@example.org', PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('refuses a 6th failure per email within 15 minutes with 429 and Retry-After', async () => {
    await start();
    for (let i = 0; i < 5; i++) {
      expect((await signIn(EMAIL, `guess number ${i}`, `10.0.0.${i + 1}`)).status).toBe(401);
    }
    const limited = await signIn(EMAIL, PASSWORD, '10.0.1.1');
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: { code: 'rate_limited' } });
    const retryAfterS = Number(limited.headers['retry-after']);
    expect(retryAfterS).toBeGreaterThan(FIFTEEN_MINUTES_MS / 1000 - 5);
    expect(retryAfterS).toBeLessThanOrEqual(FIFTEEN_MINUTES_MS / 1000);
    // Attempts refused while limited do not extend the lockout.
    t.clock.advance(retryAfterS * 1000 - 2000);
    expect((await signIn(EMAIL, PASSWORD)).status).toBe(429);
    t.clock.advance(3000);
    expect((await signIn(EMAIL, PASSWORD)).status).toBe(200);
  });

  it('limits failures per address across emails', async () => {
    await start({
      signInLimits: { maxFailuresPerEmail: 100, maxFailuresPerIp: 3, windowMs: FIFTEEN_MINUTES_MS },
    });
    for (let i = 0; i < 3; i++) {
      expect((await signIn(`user${i}@example.org`, 'wrong password', '192.0.2.7')).status).toBe(
        401,
      );
    }
    expect((await signIn(EMAIL, PASSWORD, '192.0.2.7')).status).toBe(429);
    expect((await signIn(EMAIL, PASSWORD, '192.0.2.8')).status).toBe(200);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    await start();
    for (let i = 0; i < 4; i++) expect((await signIn(EMAIL, 'wrong password')).status).toBe(401);
    expect((await signIn(EMAIL, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await signIn(EMAIL, 'wrong password')).status).toBe(401);
    expect((await signIn(EMAIL, 'wrong password')).status).toBe(429);
  });

  it('counts simultaneous guesses too: at most 5 get a password check', async () => {
    await start();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(EMAIL, `parallel guess ${i}`, `10.1.0.${i}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
  });

  it('caps requests per address on the credential routes', async () => {
    await start({ credentialRateLimit: { max: 3, timeWindowMs: 60_000 } });
    for (let i = 0; i < 3; i++)
      expect((await signIn(EMAIL, PASSWORD, '203.0.113.9')).status).toBe(200);
    const capped = await signIn(EMAIL, PASSWORD, '203.0.113.9');
    expect(capped.status).toBe(429);
    expect(capped.json).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps tokens only as hashes: the raw token appears nowhere in the database', async () => {
    const setup = await start();
    const { token } = (await signIn(EMAIL, PASSWORD)).json as { token: string };
    const tables = [
      'sessions',
      'setup_tokens',
      'invite_tokens',
      'users',
      'members',
      'sign_in_attempts',
    ];
    for (const table of tables) {
      const { rows } = await t.hub.ctx.db.query<{ row: string }>(
        `SELECT t::text AS row FROM ${table} t`,
      );
      for (const { row } of rows) {
        expect(row).not.toContain(token);
        expect(row).not.toContain(setup.token);
        expect(row).not.toContain(PASSWORD);
      }
    }
    const { rows } = await t.hub.ctx.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM sessions',
    );
    expect(rows.map((r) => r.token_hash).sort()).toEqual(
      [hashToken(token), hashToken(setup.token)].sort(),
    );
  });

  it('signs out: the token stops working', async () => {
    const { token } = await start();
    expect((await t.api('POST', '/v1/auth/sign-out', { token })).status).toBe(204);
    const after = await t.api('GET', '/v1/me', { token });
    expect(after.status).toBe(401);
    expect(after.json).toMatchObject({ error: { code: 'invalid_token' } });
    expect(after.headers['www-authenticate']).toContain('invalid_token');
    expect((await t.api('POST', '/v1/auth/sign-out')).status).toBe(401);
  });

  it('expires unused sessions after 30 days and extends used ones', async () => {
    const { token } = await start();
    const first = (await t.api('GET', '/v1/me', { token })).json as {
      session: { expiresAt: string };
    };
    t.clock.advance(2 * 24 * 60 * 60 * 1000);
    const renewed = (await t.api('GET', '/v1/me', { token })).json as {
      session: { expiresAt: string };
    };
    expect(Date.parse(renewed.session.expiresAt)).toBeGreaterThan(
      Date.parse(first.session.expiresAt),
    );
    t.clock.advance(31 * 24 * 60 * 60 * 1000);
    expect((await t.api('GET', '/v1/me', { token })).status).toBe(401);
  });

  it('upgrades a hash made with older scrypt parameters on sign-in', async () => {
    await start();
    const weak = await hashPassword(PASSWORD, { N: 512, r: 8, p: 1 });
    await t.hub.ctx.db.query('UPDATE users SET password_hash = $1 WHERE email = $2', [weak, EMAIL]);
    expect((await signIn(EMAIL, PASSWORD)).status).toBe(200);
    const { rows } = await t.hub.ctx.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE email = $1',
      [EMAIL],
    );
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it('refuses malformed and unknown bearer tokens with 401', async () => {
    await start();
    for (const header of [
      'Bearer',
      'Basic abc',
      `Bearer ${'a'.repeat(43)}`,
      'Bearer a b',
      'bearer  ',
    ]) {
      const res = await t.api('GET', '/v1/me', { headers: { authorization: header } });
      expect(res.status).toBe(401);
    }
    const missing = await t.api('GET', '/v1/me');
    expect(missing.json).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
