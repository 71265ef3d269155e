// Solo mode: the hub's own code running inside the desk, on PGlite in the app's data folder, with
// a workspace and account made for the one person using this computer. Requests go through
// fastify's inject (no port is opened), pokes through the hub's event emitter.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { OpenSoloHub, SoloHub } from '../core/sync/sync-manager';
import type { HubRequest, HubResponse, HubTransport } from '../shared/sync/transport';
import { openPGliteDb } from '../hub/db/pglite-db';
import type { Hub } from '../hub/server';
import { buildHub } from '../hub/server';

interface SoloAccount {
  email: string;
  password: string;
}

const ACCOUNT_FILE = 'solo-account.json';
const SOLO_EMAIL = 'me@solo.channel-desk.local';

function displayName(): string {
  try {
    return userInfo().username || 'Me';
  } catch {
    return 'Me';
  }
}

async function readAccount(dir: string): Promise<SoloAccount | null> {
  try {
    return JSON.parse(await readFile(join(dir, ACCOUNT_FILE), 'utf8')) as SoloAccount;
  } catch {
    return null;
  }
}

async function writeAccount(dir: string, account: SoloAccount): Promise<void> {
  const path = join(dir, ACCOUNT_FILE);
  await writeFile(path, JSON.stringify(account), { mode: 0o600 });
  await chmod(path, 0o600);
}

function inProcessTransport(hub: Hub, workspaceId: string, token: string): HubTransport {
  let bearer: string | null = token;
  const listeners = new Set<(version: number) => void>();
  const onChanged = (event: { workspaceId: string; version: number }) => {
    if (event.workspaceId !== workspaceId) return;
    for (const cb of listeners) cb(event.version);
  };
  hub.events.on('changed', onChanged);
  return {
    label: 'built-in hub',
    async request(req: HubRequest): Promise<HubResponse> {
      const headers: Record<string, string> = {};
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      let payload: string | Buffer | undefined;
      if (req.body instanceof Uint8Array) {
        headers['content-type'] = 'application/octet-stream';
        payload = Buffer.from(req.body);
      } else if (req.body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(req.body);
      }
      const res = await hub.app.inject({
        method: req.method,
        url: req.path,
        headers,
        ...(payload !== undefined ? { payload } : {}),
      });
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = String(v);
      let body: unknown = res.body;
      if (req.binary && res.statusCode === 200) body = new Uint8Array(res.rawPayload);
      else if ((out['content-type'] ?? '').includes('json') && res.body !== '') body = res.json();
      return { status: res.statusCode, body, headers: out };
    },
    subscribe(onPoke, onState) {
      listeners.add(onPoke);
      onState(true);
      return () => listeners.delete(onPoke);
    },
    setToken(next) {
      bearer = next;
    },
    async close() {
      listeners.clear();
      hub.events.off('changed', onChanged);
    },
  };
}

/** Opens (creating on first use) the built-in hub in `dir`. */
export const openSoloHub: OpenSoloHub = async (dir: string): Promise<SoloHub> => {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const db = await openPGliteDb({ dataDir: join(dir, 'db') });
  let hub: Hub;
  try {
    // A Bot API server other than Telegram's (a local one; tests point it at their peer).
    const telegramApiRoot = process.env.CHANNEL_DESK_TELEGRAM_API_ROOT;
    hub = await buildHub(db, {
      logger: false,
      maintenanceIntervalMs: null,
      publishing: telegramApiRoot ? { telegramApiRoot } : {},
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  try {
    let account = await readAccount(dir);
    let grant: { token: string; workspace: { id: string } };
    if (hub.setupToken) {
      account = { email: SOLO_EMAIL, password: randomBytes(24).toString('base64url') };
      // Written first: if setup then fails, the next start sets up again with this account.
      await writeAccount(dir, account);
      const res = await hub.app.inject({
        method: 'POST',
        url: '/v1/setup',
        payload: {
          token: hub.setupToken.token,
          workspaceName: 'My channels',
          displayName: displayName(),
          email: account.email,
          password: account.password,
        },
      });
      if (res.statusCode !== 201) throw new Error(`The built-in hub's setup failed: ${res.body}`);
      grant = res.json();
    } else {
      if (!account) {
        throw new Error(
          `The built-in hub's account file (${join(dir, ACCOUNT_FILE)}) is missing; the hub's data is kept, but this desk cannot sign in to it.`,
        );
      }
      const res = await hub.app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in',
        payload: { email: account.email, password: account.password },
      });
      if (res.statusCode !== 200)
        throw new Error(`Signing in to the built-in hub failed: ${res.body}`);
      grant = res.json();
    }
    const transport = inProcessTransport(hub, grant.workspace.id, grant.token);
    return {
      transport,
      hubKey: `solo#${grant.workspace.id}`,
      async close() {
        await transport.close();
        await hub.app.close();
      },
    };
  } catch (error) {
    await hub.app.close();
    throw error;
  }
};
