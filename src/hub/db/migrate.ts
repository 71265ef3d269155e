// Applies forward-only migrations on start, one hub process at a time, and refuses a newer schema.
import { createHash } from 'node:crypto';
import type { Db, Queryable } from './db';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations';

// Arbitrary but fixed: every hub process on the database takes this advisory lock to migrate.
const MIGRATION_LOCK_KEY = 4_617_350_201;

/** The database was migrated by a newer hub: this one must not run on it. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  readonly code = 'SCHEMA_TOO_NEW';
  constructor(
    readonly databaseVersion: number,
    readonly codeVersion: number,
  ) {
    super(
      `The hub database is at schema version ${databaseVersion}, but this hub only knows versions up to ${codeVersion}: a newer hub has upgraded it. Run that newer hub version (migrations are forward-only; a database is never downgraded).`,
    );
  }
}

/** An applied migration differs from the code's: someone edited a migration after it shipped. */
export class MigrationMismatchError extends Error {
  override name = 'MigrationMismatchError';
  readonly code = 'MIGRATION_MISMATCH';
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: number[];
}

/** SHA-256 of a migration's SQL, recorded to detect later edits. */
export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

/** Throws unless versions run 1, 2, 3… in order. */
export function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration "${m.name}" has version ${m.version}; expected ${i + 1}`);
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(m.name)) {
      throw new Error(`Migration ${m.version} needs a kebab-case name, not "${m.name}"`);
    }
  });
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

async function appliedMigrations(q: Queryable): Promise<AppliedRow[]> {
  const { rows } = await q.query<AppliedRow>(
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  );
  return rows;
}

/** The schema version the database is at (0 when never migrated). */
export async function schemaVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ exists: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS exists",
  );
  if (!rows[0]?.exists) return 0;
  const max = await q.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return max.rows[0]?.version ?? 0;
}

/** Brings the database up to the latest migration inside one transaction. */
export async function migrate(
  db: Db,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => Date = () => new Date(),
): Promise<MigrationReport> {
  assertWellFormed(migrations);
  const latest = migrations.length;
  return db.tx(async (q) => {
    // Held until COMMIT: a second hub starting at the same time waits, then finds nothing to do.
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await q.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL
    )`);
    const applied = await appliedMigrations(q);
    const from = applied.at(-1)?.version ?? 0;
    if (from > latest) throw new SchemaTooNewError(from, latest);
    for (const row of applied) {
      const known = migrations[row.version - 1];
      if (!known || known.name !== row.name || migrationChecksum(known) !== row.checksum) {
        throw new MigrationMismatchError(
          `Migration ${row.version} ("${row.name}") was applied to this database but differs from the hub's copy ("${known?.name ?? 'missing'}"). Shipped migrations must never change; add a new one instead.`,
        );
      }
    }
    const done: number[] = [];
    for (const migration of migrations.slice(from)) {
      await q.exec(migration.sql);
      await q.query(
        'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)',
        [migration.version, migration.name, migrationChecksum(migration), now()],
      );
      done.push(migration.version);
    }
    return { from, to: latest, applied: done };
  });
}
