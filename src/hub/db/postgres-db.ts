// PostgreSQL through a node-postgres pool: the hub at scale, several hub processes on one database.
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { PoolClient } from 'pg';
import type { Db, Queryable, QueryResult, TxOptions } from './db';
import { ISOLATION_SQL, TxGuard, parseInt8, sqlState } from './db';

export interface PostgresDbOptions {
  connectionString: string;
  /** Put and find every table in this schema (tests give each run its own). */
  schema?: string;
  /** Largest number of connections in the pool (default 10). */
  maxConnections?: number;
  /** Told about errors on idle connections, which the pool then drops. */
  onIdleError?: (err: Error) => void;
}

const INT8_OID = 20;
const INT8_ARRAY_OID = 1016;
const TEXT_ARRAY_OID = 1009;
// Serialization failures and deadlocks are expected under concurrency and go away on retry.
const RETRYABLE_STATES = new Set(['40001', '40P01']);
const TX_MAX_ATTEMPTS = 10;
const TX_RETRY_BASE_DELAY_MS = 5;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// pg-types knows the array type but its typings list only scalar type ids.
const getTypeParser = pg.types.getTypeParser as (
  oid: number,
  format: 'text' | 'binary',
) => (text: string) => unknown;
const parseTextArray = getTypeParser(TEXT_ARRAY_OID, 'text');

function parseInt8Array(text: string): unknown {
  const convert = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(convert) : typeof v === 'string' ? parseInt8(v) : v;
  return convert(parseTextArray(text));
}

const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format !== 'binary' && oid === INT8_OID) return parseInt8;
    if (format !== 'binary' && oid === INT8_ARRAY_OID) return parseInt8Array;
    return getTypeParser(oid, format ?? 'text');
  },
} as pg.CustomTypesConfig;

function queryable(client: pg.Pool | PoolClient): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

async function runOnce<T>(
  pool: pg.Pool,
  guard: TxGuard,
  fn: (q: Queryable) => Promise<T>,
  options: TxOptions,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(
      `BEGIN ISOLATION LEVEL ${ISOLATION_SQL[options.isolation ?? 'read committed']}`,
    );
    const result = await guard.within(() => fn(queryable(client)));
    const commit = await client.query('COMMIT');
    // COMMIT of a transaction that already failed answers ROLLBACK instead of an error.
    if (commit.command === 'ROLLBACK') {
      throw Object.assign(new Error('The transaction was rolled back: a statement in it failed'), {
        code: '25P02',
      });
    }
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError as Error;
    }
    throw err;
  } finally {
    // A connection whose ROLLBACK failed is in an unknown state: destroy it, do not reuse it.
    client.release(broken);
  }
}

/** Opens a pool on PostgreSQL; the first query connects. */
export function openPostgresDb(options: PostgresDbOptions): Db & { pool: pg.Pool } {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`Not a plain schema name: "${options.schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types: TYPES,
    application_name: 'channel-desk-hub',
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  const guard = new TxGuard();
  const direct = queryable(pool);
  // Hubs on the same schema hear each other; test schemas on one server stay apart.
  const channel = `channel_desk_${options.schema ?? 'public'}`;
  return {
    kind: 'postgres',
    pool,
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
      for (let attempt = 1; ; attempt++) {
        try {
          return await runOnce(pool, guard, fn, options);
        } catch (err) {
          const state = sqlState(err);
          if (attempt >= TX_MAX_ATTEMPTS || !state || !RETRYABLE_STATES.has(state)) throw err;
          await sleep(TX_RETRY_BASE_DELAY_MS * 2 ** attempt * Math.random());
        }
      }
    },
    listen: (onMessage, onError) => listenForNotices(options, channel, onMessage, onError),
    async notify(payload) {
      await direct.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}

const LISTEN_RETRY_MAX_MS = 30_000;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to others), reconnecting with
 * backoff when it drops: a hub keeps hearing the others across a database restart.
 */
async function listenForNotices(
  options: PostgresDbOptions,
  channel: string,
  onMessage: (payload: string) => void,
  onError: (err: Error) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let failures = 0;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: options.connectionString });
    c.on('notification', (msg) => {
      if (msg.channel === channel && msg.payload !== undefined) onMessage(msg.payload);
    });
    c.on('error', (err) => {
      onError(err);
      void c.end().catch(() => undefined);
      if (client === c) client = null;
      if (!stopped) void retry();
    });
    await c.connect();
    await c.query(`LISTEN "${channel}"`);
    client = c;
    failures = 0;
  };
  const retry = async (): Promise<void> => {
    while (!stopped && client === null) {
      failures += 1;
      await sleep(Math.min(LISTEN_RETRY_MAX_MS, 250 * 2 ** failures));
      if (stopped) return;
      try {
        await connect();
      } catch (err) {
        onError(err as Error);
      }
    }
  };
  await connect();
  return async () => {
    stopped = true;
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}
