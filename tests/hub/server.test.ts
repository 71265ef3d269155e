// The server around the routes: health, OpenAPI, the error shape, maintenance and clean shutdown.
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { runMaintenance } from '../../src/hub/maintenance';
import { TestDesk, channelDoc, create } from './sync-fixtures';
import { MIGRATIONS } from '../../src/hub/db/migrations';
import { buildHub } from '../../src/hub/server';
import { API_VERSION, HUB_VERSION } from '../../src/hub/version';
import { DB_KINDS, openTestDb } from './test-db';
import type { TestHub } from './test-hub';
import { PASSWORD, createTestHub, seedTeam } from './test-hub';

describe.each(DB_KINDS)('hub server on %s', (kind) => {
  let t: TestHub;
  afterEach(() => t?.close());

  it('reports health: versions, database, migration level and its clock', async () => {
    t = await createTestHub(kind);
    const res = await t.api('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json).toEqual({
      status: 'ok',
      service: 'channel-desk-hub',
      hubVersion: HUB_VERSION,
      apiVersion: API_VERSION,
      database: { kind, schemaVersion: MIGRATIONS.length, latestSchemaVersion: MIGRATIONS.length },
      serverTime: t.clock.now().toISOString(),
      setupRequired: true,
    });
  });

  it('serves an OpenAPI document describing every route', async () => {
    t = await createTestHub(kind);
    const res = await t.api('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.json as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            security?: unknown;
            requestBody?: {
              content: Record<string, { schema: { additionalProperties?: boolean } }>;
            };
          }
        >
      >;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /v1/health',
        'POST /v1/setup',
        'POST /v1/auth/sign-in',
        'POST /v1/auth/sign-out',
        'POST /v1/invites/accept',
        'GET /v1/me',
        'GET /v1/workspace',
        'PATCH /v1/workspace',
        'GET /v1/members',
        'POST /v1/members',
        'POST /v1/members/{userId}/invite',
        'PATCH /v1/members/{userId}',
        'DELETE /v1/members/{userId}',
        'GET /v1/channels',
        'POST /v1/channels',
        'GET /v1/channels/{channelId}',
        'PATCH /v1/channels/{channelId}',
        'GET /v1/channels/{channelId}/permissions',
        'PUT /v1/channels/{channelId}/roles/{userId}',
        'DELETE /v1/channels/{channelId}/roles/{userId}',
        'POST /v1/sync/clients',
        'POST /v1/sync/push',
        'GET /v1/sync/changes',
        'POST /v1/sync/import',
        'GET /v1/sync/history/{kind}/{id}',
        'GET /v1/sync/events',
        'GET /v1/time',
        'GET /v1/blobs/{hash}/status',
        'GET /v1/blobs/{hash}',
        'PUT /v1/blobs/{hash}',
        'GET /v1/channels/{channelId}/connector',
        'PUT /v1/channels/{channelId}/connector',
        'GET /v1/updates/{updateId}/publications',
        'POST /v1/updates/{updateId}/retry',
        'POST /v1/updates/{updateId}/confirm',
        'POST /v1/updates/{updateId}/withdraw',
        'PUT /v1/updates/{updateId}/engagement',
        'GET /v1/audit',
        'GET /v1/stories/{storyId}/comments',
        'POST /v1/stories/{storyId}/comments',
        'GET /v1/inbox',
        'POST /v1/inbox/read',
        'GET /v1/updates/{updateId}/published',
      ].sort(),
    );
    expect(doc.paths['/v1/me']?.get?.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/v1/health']?.get?.security).toBeUndefined();
    const setupBody =
      doc.paths['/v1/setup']?.post?.requestBody?.content['application/json']?.schema;
    expect(setupBody?.additionalProperties).toBe(false);
  });

  it('answers every refusal in one JSON shape', async () => {
    t = await createTestHub(kind);
    const cases: Array<[string, string, Parameters<TestHub['api']>[2], number, string]> = [
      ['GET', '/v1/nothing-here', {}, 404, 'not_found'],
      ['DELETE', '/v1/health', {}, 404, 'not_found'],
      [
        'POST',
        '/v1/auth/sign-in',
        { payload: '{"email":', headers: { 'content-type': 'application/json' } },
        400,
        'invalid_json',
      ],
      [
        'POST',
        '/v1/auth/sign-in',
        { payload: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        415,
        'unsupported_media_type',
      ],
      [
        'POST',
        '/v1/auth/sign-in',
        { body: { email: 'a@b.co', password: 'x'.repeat(9000) } },
        413,
        'payload_too_large',
      ],
      [
        'POST',
        '/v1/auth/sign-in',
        { body: { email: 'a\u0000@b.co', password: 'whatever' } },
        400,
        'invalid_request',
      ],
      ['GET', '/v1/health?verbose=1', {}, 400, 'invalid_request'],
      ['GET', '/v1/channels/%E0%A4%A', {}, 400, 'invalid_request'],
    ];
    for (const [method, url, request, status, code] of cases) {
      const res = await t.api(method, url, request);
      expect(res.status, `${method} ${url}`).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json, `${method} ${url}`).toMatchObject({
        error: { code, message: expect.any(String) },
      });
    }
  });

  it('deletes expired sessions, old attempts and spent tokens in maintenance', async () => {
    t = await createTestHub(kind);
    const team = await seedTeam(t);
    await t.api('POST', '/v1/auth/sign-in', {
      body: { email: team.members.editor.email, password: 'wrong password' },
    });
    const count = async (table: string) =>
      (await t.hub.ctx.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n;
    const sessionsBefore = await count('sessions');
    expect(await runMaintenance(t.hub.ctx)).toEqual({
      sessions: 0,
      attempts: 0,
      setupTokens: 0,
      inviteTokens: 0,
      syncResults: 0,
    });
    t.clock.advance(31 * 24 * 60 * 60 * 1000);
    const report = await runMaintenance(t.hub.ctx);
    expect(report.sessions).toBe(sessionsBefore);
    expect(report.attempts).toBeGreaterThan(0);
    expect(report.setupTokens).toBe(1);
    expect(report.inviteTokens).toBe(3);
    expect(await count('sessions')).toBe(0);
  });

  it('keeps the answers to pushed mutations 90 days, then deletes them', async () => {
    t = await createTestHub(kind);
    const team = await seedTeam(t);
    const desk = new TestDesk(t, team.members.owner.token);
    await desk.register();
    const channel = channelDoc();
    await desk.apply([create(channel, 'channel')], 'createChannel');
    t.clock.advance(89 * 24 * 60 * 60 * 1000);
    expect((await runMaintenance(t.hub.ctx)).syncResults).toBe(0);
    t.clock.advance(2 * 24 * 60 * 60 * 1000);
    expect((await runMaintenance(t.hub.ctx)).syncResults).toBe(1);
  });
});

describe('hub version', () => {
  it('matches package.json', async () => {
    const pkg = JSON.parse(
      await readFile(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(HUB_VERSION).toBe(pkg.version);
  });
});

describe('graceful shutdown', () => {
  it('finishes requests in flight, refuses new connections, then closes the database', async () => {
    const db = await openTestDb('pglite');
    // Real scrypt makes the setup request slow enough to still be running when close() starts.
    const hub = await buildHub(db, { logger: false, maintenanceIntervalMs: null });
    await hub.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = hub.app.server.address() as { port: number };
    const body = JSON.stringify({
      token: hub.setupToken!.token,
      workspaceName: 'Daily',
      displayName: 'Olga',
      email: 'olga@example.org',
      password: PASSWORD,
    });
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/v1/setup',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = hub.app.close();
    expect(await inFlight).toBe(201);
    await closing;
    await expect(fetch(`http://127.0.0.1:${port}/v1/health`)).rejects.toThrow();
    await expect(db.query('SELECT 1')).rejects.toThrow();
  });
});
