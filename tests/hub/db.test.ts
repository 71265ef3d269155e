// The database interface behaves the same on PGlite and on PostgreSQL.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/hub/db/db';
import { DbMisuseError, isUniqueViolation, sqlState } from '../../src/hub/db/db';
import { DataDirLockedError } from '../../src/hub/db/data-dir-lock';
import { openPGliteDb } from '../../src/hub/db/pglite-db';
import { DB_KINDS, openTestDb } from './test-db';

describe.each(DB_KINDS)('Db on %s', (kind) => {
  let db: Db;
  beforeEach(async () => {
    db = await openTestDb(kind);
    await db.exec(`CREATE TABLE t (id bigserial PRIMARY KEY, name text UNIQUE, at timestamptz, doc jsonb, n numeric);
                   CREATE TABLE counter (n integer NOT NULL); INSERT INTO counter VALUES (0);`);
  });
  afterEach(() => db.close());

  it('returns the same JS types on both engines', async () => {
    const at = new Date('2026-03-01T10:20:30.456Z');
    const inserted = await db.query<{ id: number }>(
      'INSERT INTO t (name, at, doc, n) VALUES ($1, $2, $3, $4) RETURNING id',
      ['a', at, JSON.stringify([1, { x: 'y' }]), '12.50'],
    );
    expect(inserted.rows[0]?.id).toBe(1);
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT id, name, at, doc, n, ARRAY[id, 9007199254740991]::int8[] AS ids, count(*) OVER () AS total FROM t`,
    );
    expect(rows[0]).toEqual({
      id: 1,
      name: 'a',
      at,
      doc: [1, { x: 'y' }],
      n: '12.50',
      ids: [1, 9007199254740991],
      total: 1,
    });
  });

  it('refuses an int8 that a JS number cannot hold exactly', async () => {
    await expect(db.query('SELECT 9007199254740993::int8 AS big')).rejects.toThrow(
      /MAX_SAFE_INTEGER/,
    );
  });

  it('counts returned and affected rows alike', async () => {
    await db.query("INSERT INTO t (name) VALUES ('a'), ('b'), ('c')");
    expect((await db.query('SELECT * FROM t')).rowCount).toBe(3);
    expect((await db.query("UPDATE t SET name = name || '!' WHERE name <> 'a'")).rowCount).toBe(2);
    expect((await db.query("DELETE FROM t WHERE name = 'zzz'")).rowCount).toBe(0);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const value = await db.tx(async (q) => {
      await q.query("INSERT INTO t (name) VALUES ('kept')");
      return 42;
    });
    expect(value).toBe(42);
    await expect(
      db.tx(async (q) => {
        await q.query("INSERT INTO t (name) VALUES ('lost')");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await db.query<{ name: string }>('SELECT name FROM t ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(['kept']);
  });

  it('does not commit a transaction whose failed statement was swallowed', async () => {
    await db.query("INSERT INTO t (name) VALUES ('a')");
    await expect(
      db.tx(async (q) => {
        await q.query("INSERT INTO t (name) VALUES ('b')");
        await q.query("INSERT INTO t (name) VALUES ('a')").catch(() => undefined);
      }),
    ).rejects.toThrow();
    expect((await db.query('SELECT * FROM t')).rowCount).toBe(1);
  });

  it('names unique violations by constraint', async () => {
    await db.query("INSERT INTO t (name) VALUES ('a')");
    const err = await db.query("INSERT INTO t (name) VALUES ('a')").catch((e: unknown) => e);
    expect(sqlState(err)).toBe('23505');
    expect(isUniqueViolation(err, 't_name_key')).toBe(true);
    expect(isUniqueViolation(err, 'other_key')).toBe(false);
  });

  it('refuses to use the Db itself inside its own transaction, but allows it afterwards', async () => {
    let later: Promise<unknown> | undefined;
    await db.tx(async (q) => {
      await expect(db.query('SELECT 1')).rejects.toThrow(DbMisuseError);
      await expect(db.tx(async () => undefined)).rejects.toThrow(DbMisuseError);
      await q.query('SELECT 1');
      later = new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
        db.query('SELECT 2 AS two'),
      );
    });
    await expect(later).resolves.toMatchObject({ rows: [{ two: 2 }] });
  });

  it('keeps concurrent read-modify-write transactions correct (serialised or retried)', async () => {
    const runs = 6;
    await Promise.all(
      Array.from({ length: runs }, () =>
        db.tx(
          async (q) => {
            const { rows } = await q.query<{ n: number }>('SELECT n FROM counter');
            await new Promise((resolve) => setTimeout(resolve, 2));
            await q.query('UPDATE counter SET n = $1', [(rows[0]?.n ?? 0) + 1]);
          },
          { isolation: 'serializable' },
        ),
      ),
    );
    const { rows } = await db.query<{ n: number }>('SELECT n FROM counter');
    expect(rows[0]?.n).toBe(runs);
  });
});

describe('PGlite in a data folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hub-pglite-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps its data across reopening and allows one opener at a time', async () => {
    const first = await openPGliteDb({ dataDir: dir });
    await first.exec("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('hello');");
    await expect(openPGliteDb({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
    const second = await openPGliteDb({ dataDir: dir });
    try {
      expect((await second.query('SELECT body FROM notes')).rows).toEqual([{ body: 'hello' }]);
    } finally {
      await second.close();
    }
  });

  it('takes over a lock left by a process that has exited', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
      encoding: 'utf8',
    });
    const deadPid = Number(gone.stdout.trim());
    await writeFile(
      join(dir, 'hub.lock'),
      JSON.stringify({ pid: deadPid, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }),
    );
    const db = await openPGliteDb({ dataDir: dir });
    await db.close();
  });

  it('never takes over a live process’s lock', async () => {
    await writeFile(
      join(dir, 'hub.lock'),
      JSON.stringify({ pid: process.ppid, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }),
    );
    await expect(openPGliteDb({ dataDir: dir })).rejects.toThrow(/in use by another hub/);
  });
});
