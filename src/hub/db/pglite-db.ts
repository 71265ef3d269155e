// The embedded database: PGlite (Postgres in WebAssembly), one connection, in a folder or in memory.
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult, TxOptions } from './db';
import { ISOLATION_SQL, TxGuard, parseInt8 } from './db';
import { lockDataDir } from './data-dir-lock';
import type { DataDirLock } from './data-dir-lock';

export interface PGliteDbOptions {
  /** The hub's data folder (the database goes in its `pgdata/`); omit for an in-memory database. */
  dataDir?: string;
  /** Start from a dump made by `dumpPGlite` (tests: a migrated template, cheaper than initdb). */
  loadDataDir?: Blob;
}

type PGliteRunner = Pick<PGlite, 'query' | 'exec'> | Transaction;

function queryable(runner: PGliteRunner): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await runner.query<R>(sql, params as unknown[]);
      // PGlite reports 0 affected rows for a SELECT; node-postgres counts the rows returned.
      return {
        rows: result.rows,
        rowCount: Math.max(result.rows.length, result.affectedRows ?? 0),
      };
    },
    async exec(sql: string): Promise<void> {
      await runner.exec(sql);
    },
  };
}

/** Wraps an open PGlite instance; PGlite serialises its transactions and queries itself. */
export function wrapPGlite(pglite: PGlite, onClose?: () => Promise<void>): Db & { pglite: PGlite } {
  const guard = new TxGuard();
  const direct = queryable(pglite);
  return {
    kind: 'pglite',
    pglite,
    async query(sql, params) {
      guard.assertOutside('query()');
      return direct.query(sql, params);
    },
    async exec(sql) {
      guard.assertOutside('exec()');
      return direct.exec(sql);
    },
    async tx<T>(fn: (q: Queryable) => Promise<T>, options: TxOptions = {}): Promise<T> {
      guard.assertOutside('tx()');
      return pglite.transaction(async (tx) => {
        if (options.isolation) {
          await tx.exec(`SET TRANSACTION ISOLATION LEVEL ${ISOLATION_SQL[options.isolation]}`);
        }
        return guard.within(() => fn(queryable(tx)));
      });
    },
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        await onClose?.();
      }
    },
  };
}

const PARSERS = { [types.INT8]: parseInt8 };

/** Opens (creating if needed) a PGlite database and locks its folder against a second process. */
export async function openPGliteDb(
  options: PGliteDbOptions = {},
): Promise<Db & { pglite: PGlite }> {
  let lock: DataDirLock | undefined;
  if (options.dataDir !== undefined) lock = await lockDataDir(options.dataDir);
  try {
    const pglite = await PGlite.create({
      ...(options.dataDir !== undefined ? { dataDir: join(options.dataDir, 'pgdata') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: PARSERS,
    });
    return wrapPGlite(pglite, () => lock?.release() ?? Promise.resolve());
  } catch (err) {
    await lock?.release();
    throw err;
  }
}

/** A copy of a PGlite database's files, to open others from (see PGliteDbOptions.loadDataDir). */
export async function dumpPGlite(db: Db & { pglite: PGlite }): Promise<Blob> {
  return db.pglite.dumpDataDir('none');
}
