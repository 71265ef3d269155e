// Forward-only migrations: from empty, idempotent, all-or-nothing, and never on a newer schema.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/hub/db/db';
import {
  MigrationMismatchError,
  SchemaTooNewError,
  assertWellFormed,
  migrate,
  schemaVersion,
} from '../../src/hub/db/migrate';
import { MIGRATIONS } from '../../src/hub/db/migrations';
import { openPostgresDb } from '../../src/hub/db/postgres-db';
import { buildHub } from '../../src/hub/server';
import {
  DB_KINDS,
  TEST_DATABASE_URL,
  createTestSchema,
  openTestDb,
  uniqueSchemaName,
} from './test-db';

const HUB_TABLES = [
  'blob_chunks',
  'blobs',
  'channel_connectors',
  'channel_roles',
  'hub_channels',
  'hub_updates',
  'invite_tokens',
  'members',
  'publications',
  'record_history',
  'schema_migrations',
  'sessions',
  'setup_tokens',
  'sign_in_attempts',
  'story_comments',
  'sync_clients',
  'sync_counters',
  'sync_results',
  'telegram_pollers',
  'users',
  'workspaces',
];

async function tablesOf(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() ORDER BY table_name`,
  );
  return rows.map((row) => row.name);
}

describe.each(DB_KINDS)('migrations on %s', (kind) => {
  const opened: Db[] = [];
  const fresh = async () => {
    const db = await openTestDb(kind, { migrated: false });
    opened.push(db);
    return db;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });

  it('builds the schema from an empty database and records every step', async () => {
    const db = await fresh();
    expect(await schemaVersion(db)).toBe(0);
    const report = await migrate(db);
    expect(report).toEqual({
      from: 0,
      to: MIGRATIONS.length,
      applied: MIGRATIONS.map((m) => m.version),
    });
    expect(await tablesOf(db)).toEqual(HUB_TABLES);
    const { rows } = await db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(await schemaVersion(db)).toBe(MIGRATIONS.length);
    // Boots a database and runs every migration: seconds alone, far more on a loaded machine.
  }, 60_000);

  it('does nothing when run again', async () => {
    const db = await fresh();
    await migrate(db);
    const before = await db.query('SELECT * FROM schema_migrations ORDER BY version');
    const again = await migrate(db);
    expect(again.applied).toEqual([]);
    expect(again.from).toBe(MIGRATIONS.length);
    expect((await db.query('SELECT * FROM schema_migrations ORDER BY version')).rows).toEqual(
      before.rows,
    );
  });

  it('applies only the new migrations to a database at an older version', async () => {
    const db = await fresh();
    const first = { version: 1, name: 'first', sql: 'CREATE TABLE a (x int);' };
    const second = { version: 2, name: 'second', sql: 'ALTER TABLE a ADD COLUMN y int;' };
    await migrate(db, [first]);
    expect(await migrate(db, [first, second])).toEqual({ from: 1, to: 2, applied: [2] });
    const { rows } = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'a' ORDER BY column_name`,
    );
    expect(rows.map((r) => r.column_name)).toEqual(['x', 'y']);
  });

  it('applies all pending migrations or none', async () => {
    const db = await fresh();
    const good = { version: 1, name: 'good', sql: 'CREATE TABLE a (x int);' };
    const bad = { version: 2, name: 'bad', sql: 'CREATE TABLE b (x no_such_type);' };
    await expect(migrate(db, [good, bad])).rejects.toThrow(/no_such_type/);
    expect(await schemaVersion(db)).toBe(0);
    expect(await tablesOf(db)).toEqual([]);
  });

  it('refuses a database migrated by a newer hub, and the hub will not start on it', async () => {
    const db = await fresh();
    await migrate(db);
    const newer = MIGRATIONS.length + 1;
    await db.query(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, 'from-the-future', 'x', now())",
      [newer],
    );
    const refusal = await migrate(db).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(SchemaTooNewError);
    expect((refusal as Error).message).toContain(`schema version ${newer}`);
    expect((refusal as Error).message).toContain(`up to ${MIGRATIONS.length}`);
    await expect(buildHub(db, { logger: false })).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('refuses a database whose applied migration was later edited', async () => {
    const db = await fresh();
    await migrate(db, [{ version: 1, name: 'first', sql: 'CREATE TABLE a (x int);' }]);
    await expect(
      migrate(db, [{ version: 1, name: 'first', sql: 'CREATE TABLE a (x bigint);' }]),
    ).rejects.toBeInstanceOf(MigrationMismatchError);
  });

  it('lets several hubs start at once: one migrates, the others wait and find nothing to do', async () => {
    const db = await fresh();
    // On PostgreSQL each hub is its own pool on the same schema; PGlite has one connection.
    const hubs: Db[] = [db];
    if (kind === 'postgres') {
      const { rows } = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
      for (let i = 0; i < 2; i++) {
        const other = openPostgresDb({
          connectionString: TEST_DATABASE_URL!,
          schema: rows[0]!.schema,
        });
        opened.unshift(other);
        hubs.push(other);
      }
    } else {
      hubs.push(db, db);
    }
    const reports = await Promise.all(hubs.map((hub) => migrate(hub)));
    const applied = reports.map((r) => r.applied.length).sort();
    expect(applied).toEqual([0, 0, MIGRATIONS.length]);
    expect(await schemaVersion(db)).toBe(MIGRATIONS.length);
  });
});

describe('the migration list', () => {
  it('numbers the shipped migrations 1, 2, 3… with kebab-case names', () => {
    expect(() => assertWellFormed(MIGRATIONS)).not.toThrow();
  });

  it('rejects gaps and bad names', () => {
    expect(() => assertWellFormed([{ version: 2, name: 'two', sql: '' }])).toThrow(/expected 1/);
    expect(() => assertWellFormed([{ version: 1, name: 'Bad Name', sql: '' }])).toThrow(
      /kebab-case/,
    );
  });
});

describe.runIf(TEST_DATABASE_URL)('test schemas on PostgreSQL', () => {
  it('are dropped with everything in them', async () => {
    const schema = uniqueSchemaName();
    const drop = await createTestSchema(schema);
    const db = openPostgresDb({ connectionString: TEST_DATABASE_URL!, schema });
    await migrate(db);
    await db.close();
    await drop();
    const check = openPostgresDb({ connectionString: TEST_DATABASE_URL! });
    try {
      const { rows } = await check.query(
        'SELECT 1 FROM information_schema.schemata WHERE schema_name = $1',
        [schema],
      );
      expect(rows).toEqual([]);
    } finally {
      await check.close();
    }
  });
});
