// Desks and hub accounts for the `sync` benchmark: real desk engines in their own folders reaching
// a real hub over HTTP (with an on/off switch in front of the transport), and the hub's setup
// through its API. The same ideas as tests/support/sync-harness.ts, without the test runner.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { createDeskEngine } from '../src/core/desk-engine';
import type { DeskEngine } from '../src/core/desk-engine';
import type { SettingsStore } from '../src/core/platform';
import { createHttpTransport } from '../src/core/sync/http-transport';
import type {
  CommandInput,
  CommandName,
  CommandResults,
  DeskSettings,
  SyncStatus,
} from '../src/shared/contract';
import { parseCommandArg } from '../src/shared/contract';
import type { PullResponse, SyncRecord } from '../src/shared/sync/protocol';
import { MAX_PULL_LIMIT } from '../src/shared/sync/protocol';
import type { HubTransport } from '../src/shared/sync/transport';
import { HubUnreachableError } from '../src/shared/sync/transport';
import { hubRequest } from '../tests/support/hub-http';

export const OWNER_EMAIL = 'owner@example.org';
export const EDITOR_EMAIL = 'editor@example.org';
export const PASSWORD = 'correct horse battery';

export interface BenchDesk {
  engine: DeskEngine;
  dir: string;
  /** While false, every request to the hub fails as if the network were down. */
  online: boolean;
  call<K extends CommandName>(name: K, arg: CommandInput<K>): Promise<CommandResults[K]>;
  status(): Promise<SyncStatus>;
  /** Closes the engine and deletes its data folder. */
  dispose(): Promise<void>;
}

/** CLOCK_MONOTONIC in µs: the clock of `--cpu-prof` timestamps, in every process. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** When profiling (SYNC_BENCH_CPU_PROF), names a timed window so profiles can be cut to it. */
export function noteWindow(label: string, fromUs: number, toUs: number): void {
  if (process.env.SYNC_BENCH_CPU_PROF) {
    console.error(`sync bench window: ${label} ${fromUs} ${toUs} (monotonic µs)`);
  }
}

function memorySettings(): SettingsStore {
  let settings: DeskSettings = { locale: 'en' };
  return { get: () => settings, set: (patch) => (settings = { ...settings, ...patch }) };
}

/** A desk engine on a new folder under `root`; its HTTP transport sits behind the `online` switch. */
export async function openBenchDesk(root: string): Promise<BenchDesk> {
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(path.join(root, 'desk-'));
  const desk = { online: true } as BenchDesk;
  const switched = (inner: HubTransport): HubTransport => ({
    label: inner.label,
    request: (req) =>
      desk.online
        ? inner.request(req)
        : Promise.reject(new HubUnreachableError('Benchmark switch: the desk is offline.')),
    subscribe: (onPoke, onState) => inner.subscribe(onPoke, onState),
    setToken: (token) => inner.setToken(token),
    close: () => inner.close(),
  });
  const engine = await createDeskEngine({
    dataDir: dir,
    settings: memorySettings(),
    makeTransport: (url) => switched(createHttpTransport(url)),
  });
  return Object.assign(desk, {
    engine,
    dir,
    call<K extends CommandName>(name: K, arg: CommandInput<K>): Promise<CommandResults[K]> {
      // As the transports do: the raw argument through the contract's schema first.
      const handler = engine.handlers[name] as (a: unknown) => Promise<CommandResults[K]>;
      return handler(parseCommandArg(name, arg));
    },
    status: () => engine.handlers.getSyncStatus({}),
    async dispose() {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  });
}

/** Resolves with the first sync status that passes `test` (the current one included). */
export async function statusWhere(
  desk: BenchDesk,
  test: (status: SyncStatus) => boolean,
  timeoutMs: number,
): Promise<SyncStatus> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`sync status did not settle in ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = desk.engine.on('syncStatus', (status) => {
      if (!test(status)) return;
      clearTimeout(timer);
      stop();
      resolve(status);
    });
    void desk.status().then((status) => {
      if (!test(status)) return;
      clearTimeout(timer);
      stop();
      resolve(status);
    }, reject);
  });
}

/** Signs `desk` in to the hub at `url` and waits for its first sync to finish. */
export async function connectDesk(desk: BenchDesk, url: string, email: string): Promise<void> {
  await desk.call('connectHub', { url, email, password: PASSWORD });
  await desk.call('syncNow', {});
  const status = await desk.status();
  if (status.state !== 'idle' || status.pending !== 0) {
    throw new Error(`the desk did not sync with the hub: ${JSON.stringify(status)}`);
  }
}

// ---- the hub's accounts, through its API

const api = hubRequest;

/** POST /v1/setup with the hub's one-time token: a workspace and its owner; returns their token. */
export async function setUpHub(url: string, setupToken: string): Promise<string> {
  const grant = await api<{ token: string }>(url, 'POST', '/v1/setup', {
    token: setupToken,
    workspaceName: 'Benchmark News',
    displayName: 'Olga Owner',
    email: OWNER_EMAIL,
    password: PASSWORD,
  });
  return grant.token;
}

/** Invites an editor and accepts the invite (so EDITOR_EMAIL can sign in with PASSWORD). */
export async function addEditor(url: string, ownerToken: string): Promise<void> {
  const invited = await api<{ invite: { token: string } }>(
    url,
    'POST',
    '/v1/members',
    { email: EDITOR_EMAIL, displayName: 'Enzo Editor', role: 'editor' },
    ownerToken,
  );
  await api(url, 'POST', '/v1/invites/accept', { token: invited.invite.token, password: PASSWORD });
}

/** POST /v1/sync/import: records created on the hub as they are (seeding only, never timed). */
export async function importRecords(url: string, token: string, records: unknown[]) {
  const result = await api<{ created: number; refused: unknown[] }>(
    url,
    'POST',
    '/v1/sync/import',
    { records },
    token,
  );
  if (result.refused.length > 0) {
    throw new Error(`the hub refused seeded records: ${JSON.stringify(result.refused[0])}`);
  }
  return result.created;
}

/** Every record of the workspace as the hub holds it now, by id (GET /v1/sync/changes, paged). */
export async function hubRecords(url: string, token: string): Promise<Map<string, SyncRecord>> {
  const out = new Map<string, SyncRecord>();
  for (let after = 0; ;) {
    const page = await api<PullResponse>(
      url,
      'GET',
      `/v1/sync/changes?after=${after}&limit=${MAX_PULL_LIMIT}`,
      undefined,
      token,
    );
    for (const record of page.records) out.set(record.id, record);
    if (!page.hasMore) return out;
    after = page.cursor;
  }
}
