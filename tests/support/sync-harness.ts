// Desks and a hub for sync tests: a real hub listening on 127.0.0.1 (PGlite or PostgreSQL) and
// real desk engines in temp folders, reaching it over HTTP through an optional fault layer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  CommandInput,
  CommandName,
  CommandResults,
  DeskSettings,
} from '../../src/shared/contract';
import { parseCommandArg } from '../../src/shared/contract';
import type { DeskEngine } from '../../src/core/desk-engine';
import { createDeskEngine } from '../../src/core/desk-engine';
import type { SettingsStore } from '../../src/core/platform';
import { createHttpTransport } from '../../src/core/sync/http-transport';
import type { DbKind } from '../../src/hub/db/db';
import type { WorkspaceRole } from '../../src/hub/auth/permissions';
import type { Team, TestHub } from '../hub/test-hub';
import { PASSWORD, createTestHub, seedTeam } from '../hub/test-hub';
import type { FaultLayer } from './fault-transport';
import type { HubTransport } from '../../src/shared/sync/transport';

export const memorySettings = (): SettingsStore => {
  let s: DeskSettings = { locale: null };
  return { get: () => s, set: (p) => (s = { ...s, ...p }) };
};

export interface SyncHub {
  t: TestHub;
  team: Team;
  url: string;
  close(): Promise<void>;
}

/** A set-up hub with one member per role, listening on a free loopback port. */
export async function startSyncHub(kind: DbKind): Promise<SyncHub> {
  const t = await createTestHub(kind, { now: () => new Date(), checkResponses: false });
  const team = await seedTeam(t);
  await t.hub.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.hub.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { t, team, url: `http://127.0.0.1:${port}`, close: () => t.close() };
}

export interface TestDesk {
  engine: DeskEngine;
  dir: string;
  call<K extends CommandName>(name: K, arg: CommandInput<K>): Promise<CommandResults[K]>;
  /** Closes the engine (the data folder stays, for reopening). */
  close(): Promise<void>;
  /** Closes and deletes the data folder. */
  dispose(): Promise<void>;
}

export interface DeskOptions {
  dir?: string;
  fault?: FaultLayer;
  /** Wraps the HTTP transport (after the fault layer): to watch or alter what passes. */
  wrap?: (transport: HubTransport) => HubTransport;
}

export async function openDesk(opts: DeskOptions = {}): Promise<TestDesk> {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'desk-sync-')));
  const engine = await createDeskEngine({
    dataDir: dir,
    settings: memorySettings(),
    makeTransport: (url) => {
      const http = createHttpTransport(url);
      const faulty = opts.fault ? opts.fault.wrap(http) : http;
      return opts.wrap ? opts.wrap(faulty) : faulty;
    },
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await engine.close();
  };
  return {
    engine,
    dir,
    call(name, arg) {
      const handler = engine.handlers[name] as (a: unknown) => Promise<never>;
      return handler(parseCommandArg(name, arg));
    },
    close,
    async dispose() {
      await close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const emailOf = (role: WorkspaceRole): string => `${role}@example.org`;

/** A desk signed in to `hub` as the member with `role`. */
export async function deskFor(
  hub: SyncHub,
  role: WorkspaceRole,
  opts: DeskOptions = {},
): Promise<TestDesk> {
  const desk = await openDesk(opts);
  await desk.call('connectHub', { url: hub.url, email: emailOf(role), password: PASSWORD });
  return desk;
}

/** Waits until `check` passes (it throws until then), at most `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
