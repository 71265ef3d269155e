// A newsroom hub for end-to-end tests: `src/hub/cli.ts` in its own process (as `npm run hub`),
// set up through its API with an owner, an editor and a contributor, plus a TCP proxy that can cut
// one desk off the network and bring it back.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEAM_PASSWORD = 'correct horse battery';
const SETUP_LINE = /(http:\/\/\S+?)\/#setup-token=(\S+)/;

export interface TeamHub {
  url: string;
  member(role: 'owner' | 'editor' | 'contributor'): { email: string; name: string };
  close(): Promise<void>;
}

async function api(url: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const LISTEN_LINE = /hub listening on (http:\/\/[^\s"]+)/;

interface HubProcess {
  child: ChildProcess;
  url: string;
  /** The one-time setup token, when the hub printed one (a fresh data folder). */
  setupToken: string | null;
}

/** Starts `npm run hub` on `dataDir` and waits until it listens (and, fresh, prints its setup). */
function spawnHub(dataDir: string, fresh: boolean): Promise<HubProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/hub/cli.ts', '--data-dir', dataDir, '--port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise<HubProcess>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = fresh ? SETUP_LINE.exec(out) : LISTEN_LINE.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, setupToken: fresh ? m[2]! : null });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}:\n${out}`)));
  });
}

function stopHub(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface TeamHubOptions {
  /**
   * Runs once the team is set up: a test writes history a hub would take weeks to make. It may
   * call the API (`url`, as the owner with `ownerToken`), then calls `stop()` before it opens the
   * hub's embedded database in `dataDir`; the hub starts again afterwards, on a new port.
   */
  seed?: (hub: {
    url: string;
    dataDir: string;
    ownerToken: string;
    stop(): Promise<void>;
  }) => Promise<void>;
}

export async function startTeamHub(options: TeamHubOptions = {}): Promise<TeamHub> {
  const dataDir = await mkdtemp(join(tmpdir(), 'e2e-hub-'));
  let running = await spawnHub(dataDir, true);
  const url = running.url;
  const owner = (await api(url, '/v1/setup', {
    token: running.setupToken,
    workspaceName: 'Daily News',
    displayName: 'Olga Owner',
    email: 'owner@example.org',
    password: TEAM_PASSWORD,
  })) as { token: string };
  const members = {
    owner: { email: 'owner@example.org', name: 'Olga Owner' },
    editor: { email: 'editor@example.org', name: 'Eddie Editor' },
    contributor: { email: 'contributor@example.org', name: 'Carla Contributor' },
  };
  for (const role of ['editor', 'contributor'] as const) {
    const invited = (await api(
      url,
      '/v1/members',
      { email: members[role].email, displayName: members[role].name, role },
      owner.token,
    )) as { invite: { token: string } };
    await api(url, '/v1/invites/accept', {
      token: invited.invite.token,
      password: TEAM_PASSWORD,
    });
  }
  if (options.seed) {
    const { child } = running;
    await options.seed({ url, dataDir, ownerToken: owner.token, stop: () => stopHub(child) });
    await stopHub(child);
    running = await spawnHub(dataDir, false);
  }
  return {
    url: running.url,
    member: (role) => members[role],
    async close() {
      await stopHub(running.child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A TCP proxy in front of the hub: `cut()` drops every connection and refuses new ones. */
export interface NetworkSwitch {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function networkSwitch(target: string): Promise<NetworkSwitch> {
  const { hostname, port } = new URL(target);
  let open = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!open) return client.destroy();
    const upstream = connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
