// The `sync` benchmark: a desk pushing 10,000 queued mutations, a fresh desk pulling 100,000
// updates, and edit-to-visible between two online desks — against a hub on PGlite and on
// PostgreSQL (a throwaway cluster with fsync on). Hub and desks run in separate processes.
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, round } from './bench-stats';
import type { HubProcess, PostgresCluster, Result } from './sync-bench-procs';
import {
  bundle,
  createDatabase,
  postgresSetting,
  runWorker,
  startPostgres,
  startHubProcess,
} from './sync-bench-procs';

const DATA_DIR = fileURLToPath(new URL('./.data/', import.meta.url));
const MUTATIONS = Number(process.env.SYNC_BENCH_MUTATIONS ?? 10_000);
const UPDATES = Number(process.env.SYNC_BENCH_UPDATES ?? 100_000);
const EDITS = Number(process.env.SYNC_BENCH_EDITS ?? 200);
/** Which hub databases to measure (default both). */
const KINDS = (process.env.SYNC_BENCH_DBS ?? 'pglite,postgres').split(',');
/** SYNC_BENCH_PG_FSYNC=off runs PostgreSQL without fsync (an A/B of what the flushes cost). */
const PG_DURABLE = process.env.SYNC_BENCH_PG_FSYNC !== 'off';

/** The targets; the push target is stated for PostgreSQL. */
export const TARGETS = { push_total_s: 3, pull_s: 5, visible_p99_ms: 250 };

type Kind = 'pglite' | 'postgres';
interface DbFigures {
  /** Load average (1 min) when this database's phases began and when they ended. */
  load: [number, number];
  push: Result;
  seed: Result;
  /** A fresh desk's pull right after the seeding: no planner statistics on the new rows yet. */
  pullAsSeeded: Result;
  /** Another fresh desk's pull after ANALYZE. */
  pullAnalyzed: Result;
  analyzeMs: number;
  visible: Result;
}

/**
 * The pull that stands for each database's normal state: PGlite runs no autovacuum, so its tables
 * keep no statistics unless someone runs ANALYZE; PostgreSQL's autovacuum analyzes a table within
 * about a minute of a bulk load (whether it did during a run is luck, so the benchmark runs it).
 */
const normalPull = (kind: Kind, f: DbFigures): Result =>
  kind === 'pglite' ? f.pullAsSeeded : f.pullAnalyzed;

interface Scripts {
  hub: string;
  worker: string;
}

/** Runs one phase against a new hub on a new database (`where` names it), then stops the hub. */
async function withHub<T>(
  scripts: Scripts,
  kind: Kind,
  where: string,
  run: (hub: HubProcess) => Promise<T>,
): Promise<T> {
  const hub = await startHubProcess(scripts.hub, kind, where);
  try {
    return await run(hub);
  } finally {
    await hub.stop();
  }
}

async function measureDatabase(
  scripts: Scripts,
  kind: Kind,
  runDir: string,
  cluster: PostgresCluster | null,
): Promise<DbFigures> {
  const where = async (phase: string) =>
    kind === 'pglite'
      ? path.join(runDir, `hub-${phase}`)
      : createDatabase(cluster!.url, `sync_bench_${phase}`);
  const desks = path.join(runDir, 'desks');
  const loadBefore = round(os.loadavg()[0]!, 2);
  const step = (what: string) => console.error(`sync bench (${kind}): ${what}…`);

  step(`push of ${MUTATIONS} queued mutations`);
  const push = await withHub(scripts, kind, await where('push'), (hub) =>
    runWorker(scripts.worker, ['push', desks, hub.url, hub.setupToken, String(MUTATIONS)]),
  );
  step(`seeding ${UPDATES} updates, then a fresh desk's first pull, before and after ANALYZE`);
  const pulled = await withHub(scripts, kind, await where('pull'), async (hub) => {
    const args = ['seed', desks, hub.url, hub.setupToken, String(UPDATES)];
    const seed = await runWorker(scripts.worker, args);
    const pullArgs = ['pull', desks, hub.url, String(UPDATES)];
    const pullAsSeeded = await runWorker(scripts.worker, pullArgs);
    const analyzeMs = await hub.analyze();
    return {
      seed,
      pullAsSeeded,
      analyzeMs,
      pullAnalyzed: await runWorker(scripts.worker, pullArgs),
    };
  });
  step(`edit-to-visible, ${EDITS} edits`);
  const visible = await withHub(scripts, kind, await where('visible'), (hub) =>
    runWorker(scripts.worker, ['visible', desks, hub.url, hub.setupToken, String(EDITS)]),
  );
  return { load: [loadBefore, round(os.loadavg()[0]!, 2)], push, ...pulled, visible };
}

const mark = (ok: boolean) => (ok ? 'yes' : 'NO');

function passes(kind: Kind, f: DbFigures) {
  return {
    push: Number(f.push.push_total_s) <= TARGETS.push_total_s,
    pull: Number(normalPull(kind, f).pull_s) <= TARGETS.pull_s,
    visible: Number(f.visible.visible_p99_ms) <= TARGETS.visible_p99_ms,
  };
}

function printReport(kind: Kind, f: DbFigures, database: string): void {
  const pass = passes(kind, f);
  const { push, seed, visible } = f;
  const pull = normalPull(kind, f);
  const other = kind === 'pglite' ? f.pullAnalyzed : f.pullAsSeeded;
  const pullNote =
    kind === 'pglite'
      ? 'as seeded: PGlite never analyzes its tables'
      : `after ANALYZE (${f.analyzeMs} ms), as autovacuum leaves it`;
  const otherNote =
    kind === 'pglite'
      ? `after ANALYZE (${f.analyzeMs} ms), which PGlite never runs by itself`
      : 'right after the seeding, with the statistics autovacuum had made by then';
  const rows: (string | number)[][] = [
    [
      `push ${push.mutations} queued mutations`,
      `${push.push_total_s} s`,
      `≤ ${TARGETS.push_total_s} s${kind === 'pglite' ? ' (PG)' : ''}`,
      mark(pass.push),
      `${push.mutations_per_s} mutations/s; nothing pending after ${push.push_s} s, then the pull of the results`,
    ],
    [
      '  the offline work',
      `${push.offline_work_s} s`,
      '',
      '',
      `1 channel, ${push.stories} stories, ${push.shared_edits} editShared + ${push.copy_edits} editCopy (untimed)`,
    ],
    [
      `initial pull of ${pull.updates} updates`,
      `${pull.pull_s} s`,
      `≤ ${TARGETS.pull_s} s`,
      mark(pass.pull),
      `${pull.updates_per_s} updates/s, connectHub → first sync idle; ${pullNote}`,
    ],
    ['  the same pull', `${other.pull_s} s`, '', '', otherNote],
    [
      '  desk RSS after the pull',
      `${pull.rss_after_mb} MB`,
      '',
      '',
      `peak ${pull.peak_rss_mb} MB, before ${pull.rss_before_mb} MB, JS heap ${pull.heap_used_mb} MB (${pull.heap_live_mb} MB live)`,
    ],
    [
      '  seeding (import, untimed)',
      `${seed.seed_s} s`,
      '',
      '',
      `${seed.seeded_updates} updates of ${seed.avg_doc_bytes} B JSON on average, 500 a request`,
    ],
    [
      'edit-to-visible p50 / p95',
      `${visible.visible_p50_ms} / ${visible.visible_p95_ms} ms`,
      '',
      '',
      `${visible.edits} edits on desk A, each until desk B shows it`,
    ],
    [
      'edit-to-visible p99',
      `${visible.visible_p99_ms} ms`,
      `≤ ${TARGETS.visible_p99_ms} ms`,
      mark(pass.visible),
      `max ${visible.visible_max_ms} ms, min ${visible.visible_min_ms} ms (warm-up max ${visible.warmup_max_ms} ms)`,
    ],
  ];
  console.log(
    `\nsync benchmark — hub on ${database}; load average ${f.load[0]} → ${f.load[1]} (1 min)`,
  );
  console.log(formatTable(['figure', 'value', 'target', 'met', 'notes'], rows));
}

/** The figures of one database for the JSON line. */
function summaryOf(kind: Kind, f: DbFigures) {
  const pull = normalPull(kind, f);
  return {
    load_average: f.load,
    push_mutations: f.push.mutations,
    push_total_s: f.push.push_total_s,
    push_s: f.push.push_s,
    push_mutations_per_s: f.push.mutations_per_s,
    pull_updates: pull.updates,
    pull_s: pull.pull_s,
    pull_updates_per_s: pull.updates_per_s,
    pull_rss_mb: pull.rss_after_mb,
    pull_peak_rss_mb: pull.peak_rss_mb,
    pull_as_seeded_s: f.pullAsSeeded.pull_s,
    pull_analyzed_s: f.pullAnalyzed.pull_s,
    visible_edits: f.visible.edits,
    visible_p50_ms: f.visible.visible_p50_ms,
    visible_p95_ms: f.visible.visible_p95_ms,
    visible_p99_ms: f.visible.visible_p99_ms,
    visible_max_ms: f.visible.visible_max_ms,
  };
}

const load = () =>
  os
    .loadavg()
    .map((l) => round(l, 2))
    .join(' ');

/** Runs the sync benchmark and prints a table per database, then one JSON line. */
export async function runSyncBenchmark(): Promise<void> {
  const runDir = path.join(DATA_DIR, `sync-${process.pid}`);
  await rm(runDir, { recursive: true, force: true });
  await mkdir(runDir, { recursive: true });
  const scripts = {
    hub: path.join(runDir, 'sync-bench-hub.mjs'),
    worker: path.join(runDir, 'sync-bench-worker.mjs'),
  };
  await bundle('./sync-bench-hub.ts', scripts.hub);
  await bundle('./sync-bench-worker.ts', scripts.worker);
  const loadBefore = load();
  const started = performance.now();
  const figures: Partial<Record<Kind, DbFigures>> = {};
  let postgresNote: string | null = null;
  try {
    if (KINDS.includes('pglite')) {
      figures.pglite = await measureDatabase(scripts, 'pglite', runDir, null);
      printReport('pglite', figures.pglite, 'PGlite (on disk, in the hub process)');
    }
    if (KINDS.includes('postgres')) {
      const cluster = startPostgres(PG_DURABLE);
      if ('reason' in cluster) {
        postgresNote = cluster.reason;
        console.log(`\nsync benchmark — PostgreSQL not measured: ${cluster.reason}`);
      } else {
        try {
          const fsync = await postgresSetting(cluster.url, 'fsync');
          const commit = await postgresSetting(cluster.url, 'synchronous_commit');
          figures.postgres = await measureDatabase(scripts, 'postgres', runDir, cluster);
          printReport(
            'postgres',
            figures.postgres,
            `PostgreSQL ${cluster.version} (local cluster, fsync=${fsync}, synchronous_commit=${commit})`,
          );
        } finally {
          cluster.stop();
        }
      }
    }
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
  const totalS = round((performance.now() - started) / 1000, 0);
  console.log(
    `\nmachine: ${os.cpus().length} cores, Node ${process.version}; load average ${loadBefore} ` +
      `before, ${load()} after; ${totalS} s in all`,
  );
  const kinds = Object.keys(figures) as Kind[];
  const summary = {
    benchmark: 'sync',
    pglite: figures.pglite ? summaryOf('pglite', figures.pglite) : null,
    postgres: figures.postgres ? summaryOf('postgres', figures.postgres) : null,
    ...(postgresNote ? { reason: postgresNote } : {}),
    targets: TARGETS,
    pass: Object.fromEntries(kinds.map((k) => [k, passes(k, figures[k]!)])),
    load_average: loadBefore,
  };
  console.log(JSON.stringify(summary));
}
