// Chooses the hub's database: PostgreSQL when given a URL, else PGlite in the data folder.
import type { Db } from './db';
import { openPGliteDb } from './pglite-db';
import { openPostgresDb } from './postgres-db';

export interface DbConfig {
  /** postgres://… — when set, the hub runs on PostgreSQL and ignores dataDir. */
  databaseUrl?: string;
  /** PGlite's folder; omitted (and no databaseUrl) means an in-memory database. */
  dataDir?: string;
  onIdleError?: (err: Error) => void;
}

/** Opens the configured database (not yet migrated). */
export async function openDb(config: DbConfig): Promise<Db> {
  if (config.databaseUrl) {
    const db = openPostgresDb({
      connectionString: config.databaseUrl,
      ...(config.onIdleError ? { onIdleError: config.onIdleError } : {}),
    });
    try {
      await db.query('SELECT 1');
    } catch (err) {
      await db.close();
      throw err;
    }
    return db;
  }
  return openPGliteDb(config.dataDir !== undefined ? { dataDir: config.dataDir } : {});
}
