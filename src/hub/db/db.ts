// The hub's database access: one small interface with the same behaviour on PGlite and PostgreSQL.
import { AsyncLocalStorage } from 'node:async_hooks';

export type DbKind = 'pglite' | 'postgres';

export interface QueryResult<R> {
  rows: R[];
  /** Rows returned, or rows affected by an INSERT/UPDATE/DELETE without RETURNING. */
  rowCount: number;
}

/**
 * Runs SQL. Values come back the same on both engines: int8/bigserial as a JS number (an error if
 * beyond 2^53), timestamptz as Date, json/jsonb parsed, numeric as string. Pass jsonb parameters
 * as `JSON.stringify(value)` (node-postgres would turn a JS array into a Postgres array).
 */
export interface Queryable {
  /** One statement with `$1`… parameters. */
  query<R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /** Several statements without parameters (the simple query protocol), e.g. a migration. */
  exec(sql: string): Promise<void>;
}

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

export interface TxOptions {
  /** Default 'read committed'. On PostgreSQL a serialization failure or deadlock re-runs `fn`. */
  isolation?: IsolationLevel;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. Use only the
   * `q` it receives inside `fn`; calling the Db itself from inside throws (it would deadlock on
   * PGlite and escape the transaction on PostgreSQL). `fn` may run more than once on PostgreSQL
   * (see TxOptions), so keep effects outside the database until it has returned.
   */
  tx<T>(fn: (q: Queryable) => Promise<T>, options?: TxOptions): Promise<T>;
  /**
   * Hears messages other hub processes on the same database send with `notify` (PostgreSQL's
   * LISTEN/NOTIFY); absent on PGlite, which one process owns. Resolves with a function that stops.
   */
  listen?(
    onMessage: (payload: string) => void,
    onError: (err: Error) => void,
  ): Promise<() => Promise<void>>;
  /** Sends `payload` to every process listening on this database (itself included). */
  notify?(payload: string): Promise<void>;
  /** Closes connections (and, for PGlite, flushes and releases the data folder). */
  close(): Promise<void>;
}

/** A programming error in the use of the Db, such as a query on the Db from inside its own tx. */
export class DbMisuseError extends Error {
  override name = 'DbMisuseError';
}

/** The SQLSTATE of a database error (e.g. '23505' unique violation), or undefined. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** True for a unique-constraint violation, optionally of the named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (sqlState(err) !== '23505') return false;
  return constraint === undefined || (err as { constraint?: unknown }).constraint === constraint;
}

// Both engines return int8 as text when asked to parse it ourselves; versions and counts are far
// below 2^53, and a silent loss of precision there would corrupt cursors, so we fail loudly.
/** Parses an int8 text value into a number, refusing values that a double cannot hold exactly. */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is beyond Number.MAX_SAFE_INTEGER`);
  }
  return value;
}

export const ISOLATION_SQL: Record<IsolationLevel, string> = {
  'read committed': 'READ COMMITTED',
  'repeatable read': 'REPEATABLE READ',
  serializable: 'SERIALIZABLE',
};

interface TxScope {
  open: boolean;
}

/** Detects calls on a Db from inside one of its own transactions. */
export class TxGuard {
  readonly #scope = new AsyncLocalStorage<TxScope>();

  /** Runs `fn` marked as inside a transaction until it settles. */
  async within<T>(fn: () => Promise<T>): Promise<T> {
    const scope: TxScope = { open: true };
    try {
      return await this.#scope.run(scope, fn);
    } finally {
      // Work started inside the tx that outlives it (a timer, a notification) may use the Db.
      scope.open = false;
    }
  }

  /** Throws when called from inside an open transaction of this Db. */
  assertOutside(what: string): void {
    if (this.#scope.getStore()?.open) {
      throw new DbMisuseError(
        `${what} was called on the Db inside db.tx(); use the transaction's q instead`,
      );
    }
  }
}
