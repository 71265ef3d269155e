// A hub on a test database, driven through fastify's inject, and a seeded team to act as.
import type { LightMyRequestResponse } from 'fastify';
import type { DbKind } from '../../src/hub/db/db';
import type { Hub, HubOptions } from '../../src/hub/server';
import { buildHub } from '../../src/hub/server';
import type { ScryptParams } from '../../src/hub/auth/passwords';
import { hashPassword } from '../../src/hub/auth/passwords';
import { createSession } from '../../src/hub/auth/sessions';
import type { WorkspaceRole } from '../../src/hub/auth/permissions';
import { insertWorkspaceWithOwner } from '../../src/hub/accounts/setup-service';
import { openTestDb } from './test-db';

/** Cheap scrypt for tests that are not about hashing (~1 ms instead of ~75 ms). */
export const FAST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery';

/** A clock tests can move. */
export class TestClock {
  constructor(public ms = Date.now()) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface ApiRequest {
  token?: string;
  body?: unknown;
  /** A raw payload sent as is (malformed JSON, wrong content types). */
  payload?: string;
  headers?: Record<string, string>;
  remoteAddress?: string;
}

export interface ApiResponse {
  status: number;
  json: unknown;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

export interface TestHub {
  hub: Hub;
  clock: TestClock;
  api(method: string, url: string, request?: ApiRequest): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** Builds a hub on a fresh database of `kind` with quiet logs and checked responses. */
export async function createTestHub(kind: DbKind, options: HubOptions = {}): Promise<TestHub> {
  const clock = new TestClock();
  const db = await openTestDb(kind);
  const hub = await buildHub(db, {
    logger: false,
    scrypt: FAST_SCRYPT,
    checkResponses: true,
    maintenanceIntervalMs: null,
    now: clock.now,
    ...options,
  });
  return {
    hub,
    clock,
    async api(method, url, request = {}) {
      const headers: Record<string, string> = { ...request.headers };
      if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
      let payload: string | undefined = request.payload;
      if (request.body !== undefined) {
        payload = JSON.stringify(request.body);
        headers['content-type'] ??= 'application/json';
      }
      const raw = await hub.app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(payload !== undefined ? { payload } : {}),
        ...(request.remoteAddress ? { remoteAddress: request.remoteAddress } : {}),
      });
      let json: unknown = undefined;
      if (raw.body) {
        try {
          json = JSON.parse(raw.body);
        } catch {
          json = undefined;
        }
      }
      return { status: raw.statusCode, json, headers: raw.headers, raw };
    },
    close: () => hub.app.close(),
  };
}

/** Sets the hub up through the API and returns the owner's session grant. */
export async function setUpHub(t: TestHub, email = 'owner@example.org') {
  const token = t.hub.setupToken?.token;
  if (!token) throw new Error('the hub is already set up');
  const res = await t.api('POST', '/v1/setup', {
    body: {
      token,
      workspaceName: 'Daily News',
      displayName: 'Olga Owner',
      email,
      password: PASSWORD,
    },
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${res.raw.body}`);
  return res.json as { token: string; user: { id: string }; workspace: { id: string } };
}

export interface SeededMember {
  userId: string;
  token: string;
  email: string;
}

export interface Team {
  workspaceId: string;
  members: Record<WorkspaceRole, SeededMember>;
  /** Another workspace on the same hub, with an owner and a channel. */
  other: { workspaceId: string; owner: SeededMember; channelId: string };
}

/** Adds a member through the API (invite + accept) and returns their session. */
export async function addMember(
  t: TestHub,
  adminToken: string,
  role: WorkspaceRole,
  email: string,
): Promise<SeededMember> {
  const invited = await t.api('POST', '/v1/members', {
    token: adminToken,
    body: { email, displayName: `${role} ${email}`, role },
  });
  if (invited.status !== 201)
    throw new Error(`invite failed: ${invited.status} ${invited.raw.body}`);
  const { member, invite } = invited.json as {
    member: { userId: string };
    invite: { token: string };
  };
  const accepted = await t.api('POST', '/v1/invites/accept', {
    body: { token: invite.token, password: PASSWORD },
  });
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${accepted.raw.body}`);
  return { userId: member.userId, token: (accepted.json as { token: string }).token, email };
}

/** Creates a channel through the API and returns its id. */
export async function addChannel(t: TestHub, token: string, name: string): Promise<string> {
  const res = await t.api('POST', '/v1/channels', {
    token,
    body: { name, platform: 'telegram', timeZone: 'Europe/Rome', language: 'it' },
  });
  if (res.status !== 201) throw new Error(`channel failed: ${res.status} ${res.raw.body}`);
  return (res.json as { id: string }).id;
}

/** Sets up the hub with one member per role, plus a second workspace with its own channel. */
export async function seedTeam(t: TestHub): Promise<Team> {
  const owner = await setUpHub(t);
  const ownerMember = { userId: owner.user.id, token: owner.token, email: 'owner@example.org' };
  const members: Record<WorkspaceRole, SeededMember> = {
    owner: ownerMember,
    admin: await addMember(t, owner.token, 'admin', 'admin@example.org'),
    editor: await addMember(t, owner.token, 'editor', 'editor@example.org'),
    contributor: await addMember(t, owner.token, 'contributor', 'contributor@example.org'),
  };
  // A hub serves one newsroom through the API; the second workspace is made the way setup does it.
  const { db } = t.hub.ctx;
  const now = t.clock.now();
  const otherEmail = 'rival@example.net';
  const other = await db.tx(async (q) => {
    const hash = await hashPassword(PASSWORD, FAST_SCRYPT);
    const made = await insertWorkspaceWithOwner(
      q,
      { workspaceName: 'Rival Gazette', displayName: 'Rita Rival', email: otherEmail },
      hash,
      now,
    );
    const session = await createSession(
      q,
      { workspaceId: made.workspace.id, userId: made.user.id },
      now,
      undefined,
    );
    return { workspaceId: made.workspace.id, userId: made.user.id, token: session.token };
  });
  const otherOwner = { userId: other.userId, token: other.token, email: otherEmail };
  const channelId = await addChannel(t, other.token, 'Rival channel');
  return {
    workspaceId: owner.workspace.id,
    members,
    other: { workspaceId: other.workspaceId, owner: otherOwner, channelId },
  };
}

/** Rows per table, to show that refused requests changed nothing. */
export async function tableFingerprint(
  t: TestHub,
  except: readonly string[] = [],
): Promise<Record<string, string>> {
  const tables = [
    'workspaces',
    'users',
    'members',
    'hub_channels',
    'channel_roles',
    'sessions',
    'setup_tokens',
    'invite_tokens',
    'sign_in_attempts',
    'schema_migrations',
    'story_comments',
  ].filter((name) => !except.includes(name));
  const result: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await t.hub.ctx.db.query<{ n: number; digest: string | null }>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t`,
    );
    result[table] = `${rows[0]?.n}:${rows[0]?.digest ?? '-'}`;
  }
  return result;
}
