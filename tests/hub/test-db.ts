// Test databases of every kind this run can reach: PGlite always, PostgreSQL with TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db, DbKind } from '../../src/hub/db/db';
import { migrate } from '../../src/hub/db/migrate';
import { dumpPGlite, openPGliteDb } from '../../src/hub/db/pglite-db';
import { openPostgresDb } from '../../src/hub/db/postgres-db';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** The kinds the hub suite runs on here; describe.each over it. */
export const DB_KINDS: readonly DbKind[] = TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDbOptions {
  /** Apply the hub's migrations (default true). */
  migrated?: boolean;
}

// initdb in WebAssembly takes seconds; loading a copy takes under one, so each worker makes two
// templates (empty and migrated) once and every test loads its own database from them.
const pgliteTemplates = new Map<boolean, Promise<Blob>>();

async function makePGliteTemplate(migrated: boolean): Promise<Blob> {
  const db = await openPGliteDb();
  try {
    if (migrated) await migrate(db);
    return await dumpPGlite(db);
  } finally {
    await db.close();
  }
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, unique schema name for a PostgreSQL test database. */
export function uniqueSchemaName(): string {
  return `hubtest_${process.pid}_${randomBytes(6).toString('hex')}`;
}

/** Creates a PostgreSQL schema and returns a function that drops it with everything in it. */
export async function createTestSchema(schema: string): Promise<() => Promise<void>> {
  await withAdmin((client) => client.query(`CREATE SCHEMA ${schema}`));
  return () =>
    withAdmin((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(
      () => undefined,
    );
}

/**
 * A fresh database of `kind`: an in-memory PGlite, or a new schema on the test PostgreSQL that
 * is dropped when the Db is closed.
 */
export async function openTestDb(kind: DbKind, options: TestDbOptions = {}): Promise<Db> {
  const migrated = options.migrated ?? true;
  if (kind === 'pglite') {
    if (!pgliteTemplates.has(migrated)) pgliteTemplates.set(migrated, makePGliteTemplate(migrated));
    return openPGliteDb({ loadDataDir: await pgliteTemplates.get(migrated)! });
  }
  if (!TEST_DATABASE_URL) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  const schema = uniqueSchemaName();
  const dropSchema = await createTestSchema(schema);
  const db = openPostgresDb({ connectionString: TEST_DATABASE_URL, schema, maxConnections: 5 });
  if (migrated) await migrate(db);
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      await close();
      await dropSchema();
    },
  });
}

/** A connection URL to the test PostgreSQL whose tables live in `schema`. */
export function urlWithSchema(schema: string): string {
  const url = new URL(TEST_DATABASE_URL ?? '');
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
