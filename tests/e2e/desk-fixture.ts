// Each end-to-end test gets its own data folder and its own browser-mode host, a real Node process.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

const READY_LINE = /running at (http:\/\/\S+)/;
const HOST_START_TIMEOUT_MS = 30_000;

export interface DeskHost {
  url: string;
  dataDir: string;
  /** Stops the host: SIGTERM (a user quitting, the store checkpoints) or SIGKILL (a crash). */
  stop(opts?: { kill?: boolean }): Promise<void>;
  /** Starts the host again on the same data folder (after `stop`); returns the new address. */
  start(): Promise<string>;
  /** Stops the host (as a user quitting would) and starts it again on the same data folder. */
  restart(opts?: { kill?: boolean }): Promise<string>;
}

interface RunningHost {
  child: ChildProcess;
  url: string;
}

function startHost(dataDir: string, log: string[]): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/host/cli.ts', '--data-dir', dataDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`host did not start:\n${output}`)),
      HOST_START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      log.push(chunk.toString());
      const match = READY_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => {
      output += c.toString();
      log.push(c.toString());
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      log.push(`[host ${child.pid} exited: code ${code}, signal ${signal}]\n`);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
}

/** Sends `signal` and resolves with the exit code (null when the signal itself ended the process). */
function stopHost(
  child: ChildProcess,
  signal: NodeJS.Signals,
  log: string[],
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const sentAt = Date.now();
    child.once('exit', (code) => {
      log.push(`[host ${child.pid} stopped ${Date.now() - sentAt} ms after ${signal}]\n`);
      resolve(code);
    });
    child.kill(signal);
  });
}

/**
 * A data folder where someone chose "work alone": the built-in hub is set up in it. Made once per
 * worker through the desk's own API (setting up the hub's database takes seconds), then copied for
 * each test, so every test starts as a desk that finished onboarding.
 */
let soloTemplate: Promise<string> | null = null;

async function makeSoloTemplate(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-e2e-solo-template-'));
  const log: string[] = [];
  const host = await startHost(dir, log);
  const url = new URL(host.url);
  const res = await fetch(`${url.origin}/api/invoke/startSolo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-desk-token': url.searchParams.get('token')! },
    body: '{}',
  });
  if (!res.ok)
    throw new Error(`startSolo failed: ${res.status} ${await res.text()}\n${log.join('')}`);
  const code = await stopHost(host.child, 'SIGTERM', log);
  if (code !== 0) throw new Error(`template host did not stop cleanly:\n${log.join('')}`);
  return dir;
}

/** Another desk (its own host and data folder), for journeys with several editors. */
export interface ExtraDesk {
  url: string;
  /** Calls a command on the desk's engine directly (setup steps that are not under test). */
  invoke(command: string, arg: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function launchDesk(onboarding: 'solo' | 'fresh' = 'fresh'): Promise<ExtraDesk> {
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-e2e-extra-'));
  if (onboarding === 'solo') {
    soloTemplate ??= makeSoloTemplate();
    await cp(await soloTemplate, dataDir, { recursive: true });
  }
  const log: string[] = [];
  const host = await startHost(dataDir, log);
  const url = new URL(host.url);
  return {
    url: host.url,
    async invoke(command, arg) {
      const res = await fetch(`${url.origin}/api/invoke/${command}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-desk-token': url.searchParams.get('token')!,
        },
        body: JSON.stringify(arg),
      });
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!res.ok || !body.ok) throw new Error(`${command}: ${res.status} ${JSON.stringify(body)}`);
      return body.value;
    },
    async close() {
      await stopHost(host.child, 'SIGTERM', log);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface DeskOptions {
  /** `solo`: start as a desk that chose to work alone (default). `fresh`: first run, onboarding. */
  onboarding: 'solo' | 'fresh';
}

export const test = base.extend<{ desk: DeskHost } & DeskOptions>({
  onboarding: ['solo', { option: true }],
  // Automatic: every test opens the page on its own host, even one that never names `desk`.
  desk: [
    async ({ page, onboarding }, use, testInfo) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'desk-e2e-'));
      if (onboarding === 'solo') {
        soloTemplate ??= makeSoloTemplate();
        await cp(await soloTemplate, dataDir, { recursive: true });
      }
      const log: string[] = [];
      let current: RunningHost | null = await startHost(dataDir, log);
      const desk: DeskHost = {
        dataDir,
        url: current.url,
        async stop(opts) {
          if (!current) return;
          const code = await stopHost(current.child, opts?.kill ? 'SIGKILL' : 'SIGTERM', log);
          current = null;
          // Only a host that exits with 0 finished closing its store (and wrote the snapshots).
          if (!opts?.kill) expect(code, 'the host stopped cleanly after SIGTERM').toBe(0);
        },
        async start() {
          if (current) throw new Error('the host is already running');
          current = await startHost(dataDir, log);
          desk.url = current.url;
          return current.url;
        },
        async restart(opts) {
          await desk.stop(opts);
          return desk.start();
        },
      };
      await page.goto(desk.url);
      await use(desk);
      if (current) await stopHost(current.child, 'SIGTERM', log);
      // The host's own words explain most failures (a store error, a crash on start).
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('host-output.txt', { body: log.join(''), contentType: 'text/plain' });
      }
      await rm(dataDir, { recursive: true, force: true });
    },
    { auto: true },
  ],
});

export { expect };
