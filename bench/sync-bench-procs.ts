// The processes of the `sync` benchmark: the hub and the desk phases bundled with esbuild and run
// by plain node (no TypeScript loader in their memory), and a durable PostgreSQL cluster.
import { workerResult } from './worker-result';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CI_POSTGRES = fileURLToPath(new URL('../scripts/ci-postgres.sh', import.meta.url));
const HUB_START_TIMEOUT_MS = 120_000;

export type Result = Record<string, number | string>;

/** Bundles `entry` (packages stay in node_modules, found from the bundle's folder up). */
export async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
}

/** `--cpu-prof` into SYNC_BENCH_CPU_PROF's folder when it is set (profiling a slow figure). */
function nodeArgs(name: string): string[] {
  const dir = process.env.SYNC_BENCH_CPU_PROF;
  return dir
    ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]
    : [];
}

function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (env.NODE_ENV === 'test') delete env.NODE_ENV;
  return env;
}

/** Runs one desk phase and returns the figures of its `RESULT` line. */
export function runWorker(script: string, args: string[]): Promise<Result> {
  const flags = ['--expose-gc', ...nodeArgs(`desk-${args[0]}`)];
  const child = spawn(process.execPath, [...flags, script, ...args], {
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return workerResult(child, (code) => `sync bench phase ${args[0]} failed (exit ${code})`);
}

export interface HubProcess {
  url: string;
  setupToken: string;
  /** Runs ANALYZE in the hub's database and resolves with how long it took (ms). */
  analyze(): Promise<number>;
  /** Closes the hub (and its database) and waits for the process to end. */
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts a hub process on `pglite <dataDir>` or `postgres <url>` and waits until it listens. */
export function startHubProcess(
  script: string,
  kind: string,
  where: string,
  env: NodeJS.ProcessEnv = {},
): Promise<HubProcess> {
  const child = spawn(process.execPath, [...nodeArgs(`hub-${kind}`), script, kind, where], {
    env: { ...childEnv(), ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stop = async () => {
    child.stdin!.end();
    await waitForExit(child);
  };
  let out = '';
  const analyze = () =>
    new Promise<number>((resolve, reject) => {
      const onExit = () => reject(new Error(`the ${kind} hub exited before ANALYZE finished`));
      const onData = () => {
        const match = /^ANALYZED (\d+)$/m.exec(out);
        if (!match) return;
        out = out.replace(match[0], '');
        child.stdout!.off('data', onData);
        child.off('exit', onExit);
        resolve(Number(match[1]));
      };
      child.once('exit', onExit);
      child.stdout!.on('data', onData);
      child.stdin!.write('analyze\n');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the ${kind} hub did not start in ${HUB_START_TIMEOUT_MS} ms`));
    }, HUB_START_TIMEOUT_MS);
    let ready = false;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('READY '));
      if (!line || ready) return;
      ready = true;
      out = '';
      clearTimeout(timer);
      const hub = JSON.parse(line.slice('READY '.length)) as { url: string; setupToken: string };
      resolve({ ...hub, analyze, stop });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${kind} hub exited (code ${code}) before it was ready`));
    });
  });
}

export interface PostgresCluster {
  /** postgres://… of the cluster's maintenance database (to create others from). */
  url: string;
  version: string;
  stop(): void;
}

/**
 * A throwaway cluster with PostgreSQL's default durability (fsync and synchronous commit on):
 * `scripts/ci-postgres.sh start --durable`; with `durable` false, the test suite's settings (no
 * fsync), to show what the flushes cost. The reason instead when PostgreSQL cannot be started.
 */
export function startPostgres(durable: boolean): PostgresCluster | { reason: string } {
  const started = spawnSync('bash', [CI_POSTGRES, 'start', ...(durable ? ['--durable'] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (started.status !== 0) {
    const last = started.stderr.trim().split('\n').at(-1) ?? '';
    return { reason: `PostgreSQL could not be started: ${last}` };
  }
  const vars = Object.fromEntries(
    started.stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  ) as Record<string, string>;
  const version = /PostgreSQL (\S+)/.exec(started.stderr)?.[1] ?? 'unknown';
  return {
    url: vars.TEST_DATABASE_URL!,
    version,
    stop() {
      spawnSync('bash', [CI_POSTGRES, 'stop', vars.CI_POSTGRES_DIR!], { stdio: 'ignore' });
    },
  };
}

/** Creates database `name` on the cluster and returns its URL. */
export async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A setting of the cluster, e.g. `fsync`, to print with the figures. */
export async function postgresSetting(clusterUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ setting: string }>(
      'SELECT setting FROM pg_settings WHERE name = $1',
      [name],
    );
    return rows[0]?.setting ?? '?';
  } finally {
    await client.end();
  }
}
