// `npm run hub` as a real process: first-start setup line, health over HTTP, the data-folder lock,
// clean exit on SIGTERM, and refusal of a database newer than the hub.
import { MIGRATIONS } from '../../src/hub/db/migrations';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGliteDb } from '../../src/hub/db/pglite-db';
import { runHub } from '../support/hub-process';
import { PASSWORD } from './test-hub';
import { TEST_DATABASE_URL, createTestSchema, uniqueSchemaName, urlWithSchema } from './test-db';

const LISTENING = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/;

describe('npm run hub', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('starts on PGlite, prints one setup link, serves HTTP, guards its folder and stops on SIGTERM', async () => {
    const hub = runHub(['--data-dir', dir, '--port', '0']);
    const [, link, url, token] = await hub.waitFor(
      /one-time setup link .*: ((http:\/\/127\.0\.0\.1:\d+)\/#setup-token=([A-Za-z0-9_-]{43}))$/,
    );
    expect(link).toBeDefined();
    expect(hub.lines.filter((line) => line.includes('setup-token='))).toHaveLength(1);
    const health = (await (await fetch(`${url}/v1/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: 'ok',
      setupRequired: true,
      database: { kind: 'pglite' },
    });

    const setup = await fetch(`${url}/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token,
        workspaceName: 'Daily',
        displayName: 'Olga',
        email: 'olga@example.org',
        password: PASSWORD,
      }),
    });
    expect(setup.status).toBe(201);
    // Structured logs: one JSON object per line, and no secrets in them.
    const logs = hub.lines
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string });
    expect(logs.some((entry) => entry.msg === 'request completed')).toBe(true);
    expect(hub.lines.filter((line) => line.startsWith('{')).join('\n')).not.toContain(token);

    const second = runHub(['--data-dir', dir, '--port', '0']);
    expect(await second.exited).toBe(1);
    expect(second.lines.join('\n')).toMatch(/in use by another hub \(pid \d+/);

    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);
    expect(existsSync(join(dir, 'hub.lock'))).toBe(false);
  });

  it('restarts without a setup link once set up', async () => {
    const hub = runHub(['--data-dir', dir, '--port', '0']);
    const [, url] = await hub.waitFor(LISTENING);
    const health = (await (await fetch(`${url}/v1/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ setupRequired: false });
    expect(hub.lines.join('\n')).not.toContain('setup-token=');
    hub.child.kill('SIGINT');
    expect(await hub.exited).toBe(0);
  });

  it('refuses to start on a database migrated by a newer hub', async () => {
    const db = await openPGliteDb({ dataDir: dir });
    await db.query(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (99, 'from-the-future', 'x', now())",
    );
    await db.close();
    const hub = runHub(['--data-dir', dir, '--port', '0']);
    expect(await hub.exited).toBe(1);
    expect(hub.lines.join('\n')).toMatch(
      /schema version 99, but this hub only knows versions up to \d+/,
    );
  });

  it('explains a bad command line', async () => {
    const hub = runHub(['--colour']);
    expect(await hub.exited).toBe(2);
    expect(hub.lines.join('\n')).toContain('Unknown option "--colour"');
  });

  it.runIf(TEST_DATABASE_URL)('runs on PostgreSQL with DATABASE_URL', async () => {
    const schema = uniqueSchemaName();
    const drop = await createTestSchema(schema);
    try {
      const hub = runHub(['--port', '0'], { DATABASE_URL: urlWithSchema(schema) });
      const [, url] = await hub.waitFor(LISTENING);
      await hub.waitFor(/setup-token=/);
      const health = (await (await fetch(`${url}/v1/health`)).json()) as Record<string, unknown>;
      expect(health).toMatchObject({
        database: { kind: 'postgres', schemaVersion: MIGRATIONS.length },
        setupRequired: true,
      });
      hub.child.kill('SIGTERM');
      expect(await hub.exited).toBe(0);
    } finally {
      await drop();
    }
  });
}, 120_000);
