// First start: the one-time setup token creates the workspace and its owner, once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/hub/auth/tokens';
import { issueSetupToken } from '../../src/hub/accounts/setup-service';
import { buildHub } from '../../src/hub/server';
import { DB_KINDS } from './test-db';
import type { TestHub } from './test-hub';
import { FAST_SCRYPT, PASSWORD, createTestHub, tableFingerprint } from './test-hub';

const owner = (token: string, email = 'olga@example.org') => ({
  token,
  workspaceName: 'Daily News',
  displayName: 'Olga',
  email,
  password: PASSWORD,
});

describe.each(DB_KINDS)('setup on %s', (kind) => {
  let t: TestHub;
  let setupToken: string;
  beforeEach(async () => {
    t = await createTestHub(kind);
    setupToken = t.hub.setupToken!.token;
  });
  afterEach(() => t.close());

  it('issues a one-time token on a hub without a workspace, stored only as its hash', async () => {
    const health = await t.api('GET', '/v1/health');
    expect(health.json).toMatchObject({ setupRequired: true });
    const { rows } = await t.hub.ctx.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM setup_tokens',
    );
    expect(rows).toEqual([{ token_hash: hashToken(setupToken) }]);
  });

  it('creates the workspace and its owner, who is signed in', async () => {
    const res = await t.api('POST', '/v1/setup', { body: owner(setupToken, 'Olga@Example.ORG') });
    expect(res.status).toBe(201);
    const grant = res.json as {
      token: string;
      role: string;
      user: { email: string };
      workspace: { name: string };
    };
    expect(grant).toMatchObject({
      role: 'owner',
      user: { email: 'olga@example.org' },
      workspace: { name: 'Daily News' },
    });
    const me = await t.api('GET', '/v1/me', { token: grant.token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ role: 'owner', user: { displayName: 'Olga' } });
    expect((await t.api('GET', '/v1/health')).json).toMatchObject({ setupRequired: false });
  });

  it('works once only: the token is spent and a second setup is refused', async () => {
    const second = await issueSetupToken(t.hub.ctx);
    expect((await t.api('POST', '/v1/setup', { body: owner(setupToken) })).status).toBe(201);
    const before = await tableFingerprint(t);
    for (const token of [setupToken, second!.token]) {
      const again = await t.api('POST', '/v1/setup', { body: owner(token, 'mallory@example.org') });
      expect(again.status).toBe(409);
      expect(again.json).toMatchObject({ error: { code: 'already_set_up' } });
    }
    expect(await tableFingerprint(t)).toEqual(before);
    const { rows } = await t.hub.ctx.db.query('SELECT 1 FROM setup_tokens WHERE used_at IS NULL');
    expect(rows).toEqual([]);
  });

  it('lets exactly one of two simultaneous setups win', async () => {
    const second = (await issueSetupToken(t.hub.ctx))!.token;
    const results = await Promise.all([
      t.api('POST', '/v1/setup', { body: owner(setupToken, 'first@example.org') }),
      t.api('POST', '/v1/setup', { body: owner(second, 'second@example.org') }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const { rows } = await t.hub.ctx.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM workspaces',
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('refuses a wrong or expired token and creates nothing', async () => {
    const before = await tableFingerprint(t, ['setup_tokens']);
    const wrong = await t.api('POST', '/v1/setup', { body: owner('x'.repeat(43)) });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ error: { code: 'invalid_token' } });
    t.clock.advance(25 * 60 * 60 * 1000);
    const expired = await t.api('POST', '/v1/setup', { body: owner(setupToken) });
    expect(expired.status).toBe(401);
    expect(await tableFingerprint(t, ['setup_tokens'])).toEqual(before);
  });

  it('says what is wrong with a weak password or a bad email', async () => {
    const res = await t.api('POST', '/v1/setup', {
      body: { ...owner(setupToken), password: 'short', email: 'not-an-email' },
    });
    expect(res.status).toBe(400);
    const paths = (res.json as { error: { issues: Array<{ path: string }> } }).error.issues.map(
      (i) => i.path,
    );
    expect(paths.sort()).toEqual(['body.email', 'body.password']);
  });

  it('issues no token once set up, after a restart', async () => {
    await t.api('POST', '/v1/setup', { body: owner(setupToken) });
    const restarted = await buildHub(t.hub.ctx.db, {
      logger: false,
      scrypt: FAST_SCRYPT,
      maintenanceIntervalMs: null,
    });
    expect(restarted.setupToken).toBeNull();
    expect(restarted.migration.applied).toEqual([]);
  });
});
