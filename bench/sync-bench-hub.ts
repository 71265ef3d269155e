// A hub for the `sync` and `publish` benchmarks, in its own process (as a hub runs: not inside a desk):
//   pglite <dataDir>        PGlite in <dataDir>/pgdata, on disk as the embedded hub keeps it
//   postgres <databaseUrl>  PostgreSQL through the hub's pool
// Listens on 127.0.0.1 on a free port and prints `READY {"url":…,"setupToken":…}`. A line
// `analyze` on its stdin runs ANALYZE (answered by `ANALYZED <ms>`); it closes the hub (and its
// database) on SIGTERM or when its stdin ends, then exits. When profiling
// (SYNC_BENCH_CPU_PROF=dir), every transaction and query is timed into dir/db-<kind>-<pid>.json.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Db, Queryable } from '../src/hub/db/db';
import { openDb } from '../src/hub/db/open-db';
import { buildHub } from '../src/hub/server';

/** Cheap scrypt, as the tests use: the benchmark is about sync, not about password hashing. */
const BENCH_SCRYPT = { N: 1024, r: 8, p: 1 };
const PROFILE_DIR = process.env.SYNC_BENCH_CPU_PROF;

/** [what, start µs (monotonic), duration µs, µs inside the tx's function, first words of the SQL] */
type TraceRow = [string, number, number, number, string];

const nowUs = () => Number(process.hrtime.bigint() / 1000n);
const head = (sql: string) => sql.trim().replace(/\s+/g, ' ').slice(0, 60);

function tracedQueryable(q: Queryable, rows: TraceRow[]): Queryable {
  return {
    async query(sql, params) {
      const start = nowUs();
      try {
        return await q.query(sql, params);
      } finally {
        rows.push(['query', start, nowUs() - start, 0, head(sql)]);
      }
    },
    exec: (sql) => q.exec(sql),
  };
}

/** The same Db, with each transaction (BEGIN…COMMIT) and statement timed into `rows`. */
function tracedDb(db: Db, rows: TraceRow[]): Db {
  return {
    ...tracedQueryable(db, rows),
    kind: db.kind,
    async tx(fn, options) {
      const start = nowUs();
      let inside = 0;
      try {
        return await db.tx(async (q) => {
          const entered = nowUs();
          try {
            return await fn(tracedQueryable(q, rows));
          } finally {
            inside += nowUs() - entered;
          }
        }, options);
      } finally {
        rows.push(['tx', start, nowUs() - start, inside, '']);
      }
    },
    close: () => db.close(),
  };
}

async function main(): Promise<void> {
  const [kind, where] = process.argv.slice(2);
  if ((kind !== 'pglite' && kind !== 'postgres') || !where) {
    throw new Error('usage: sync-bench-hub (pglite <dataDir> | postgres <databaseUrl>)');
  }
  const trace: TraceRow[] = [];
  const opened = await openDb(kind === 'pglite' ? { dataDir: where } : { databaseUrl: where });
  const db = PROFILE_DIR ? tracedDb(opened, trace) : opened;
  const telegramApiRoot = process.env.TELEGRAM_API_ROOT;
  const hub = await buildHub(db, {
    logger: false,
    scrypt: BENCH_SCRYPT,
    maintenanceIntervalMs: null,
    // The publish benchmark points the Telegram connector at its Bot API peer.
    publishing: telegramApiRoot ? { telegramApiRoot } : {},
  });
  await hub.app.listen({ port: 0, host: '127.0.0.1' });
  const address = hub.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= hub.app.close().then(
      () => {
        if (PROFILE_DIR) {
          const file = path.join(PROFILE_DIR, `db-${kind}-${process.pid}.json`);
          writeFileSync(file, JSON.stringify(trace));
        }
        process.exit(0);
      },
      (error: unknown) => {
        console.error('sync-bench-hub: close failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', close);
  const commands = createInterface({ input: process.stdin });
  commands.on('line', (line) => {
    if (line.trim() !== 'analyze') return;
    const started = performance.now();
    // What PostgreSQL's autovacuum does on its own some time after a bulk load (PGlite never does).
    opened.exec('ANALYZE').then(
      () => process.stdout.write(`ANALYZED ${Math.round(performance.now() - started)}\n`),
      (error: unknown) => {
        console.error('sync-bench-hub: ANALYZE failed:', error);
        process.exit(1);
      },
    );
  });
  commands.on('close', close);
  const ready = { url: `http://127.0.0.1:${port}`, setupToken: hub.setupToken?.token ?? null };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
}

main().catch((error: unknown) => {
  console.error('sync-bench-hub:', error);
  process.exit(1);
});
