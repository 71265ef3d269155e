// The poke: after a commit, the workspace's desks hear {"type":"changed","version":N} on a real
// WebSocket (and in-process on hub.events); strangers and other workspaces hear nothing; desks on
// another hub process of the same PostgreSQL hear it too.
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { pokeSchema } from '../../src/shared/sync/protocol';
import { openPostgresDb } from '../../src/hub/db/postgres-db';
import { SESSION_RECHECK_MS } from '../../src/hub/routes/sync-routes';
import { buildHub } from '../../src/hub/server';
import { DB_KINDS, TEST_DATABASE_URL, createTestSchema, uniqueSchemaName } from './test-db';
import type { Team, TestHub } from './test-hub';
import { FAST_SCRYPT, PASSWORD, addChannel, createTestHub, seedTeam } from './test-hub';
import { TestDesk, create, updateDoc } from './sync-fixtures';

describe.each(DB_KINDS)('sync events on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let url: string;
  const sockets: WebSocket[] = [];

  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    const address = await t.hub.app.listen({ host: '127.0.0.1', port: 0 });
    url = `${address.replace('http', 'ws')}/v1/sync/events`;
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.terminate();
    await t.close();
  });

  /** An open socket and the pokes it has received so far. */
  async function connect(token: string) {
    const socket = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    sockets.push(socket);
    const pokes: number[] = [];
    socket.on('message', (data) => pokes.push(pokeSchema.parse(JSON.parse(String(data))).version));
    await once(socket, 'open');
    return { socket, pokes };
  }

  it('pokes the workspace’s desks after a push, and only them', async () => {
    const editor = await connect(team.members.editor.token);
    const rival = await connect(team.other.owner.token);
    const inProcess: number[] = [];
    t.hub.events.on('changed', (e) => {
      if (e.workspaceId === team.workspaceId) inProcess.push(e.version);
    });
    const channelId = await addChannel(t, team.members.owner.token, 'News');
    const desk = new TestDesk(t, team.members.contributor.token);
    await desk.register();
    const result = await desk.apply([create(updateDoc(channelId))]);
    expect(result.version).toBe(2);
    await expect.poll(() => editor.pokes).toEqual([1, 2]);
    expect(inProcess).toEqual([1, 2]);
    // A push that changes nothing pokes nobody.
    await desk.apply([]);
    await addChannel(t, team.other.owner.token, 'Rival 2');
    await expect.poll(() => rival.pokes).toEqual([2]);
    expect(editor.pokes).toEqual([1, 2]);
  });

  it('refuses sockets without a valid session, and plain HTTP requests', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }]) {
      const socket = new WebSocket(url, { headers });
      // Closing a socket that never opened reports an error; here that is expected.
      socket.on('error', () => {});
      sockets.push(socket);
      const [, response] = (await once(socket, 'unexpected-response')) as [
        unknown,
        { statusCode: number },
      ];
      expect(response.statusCode).toBe(401);
    }
    const plain = await t.api('GET', '/v1/sync/events', { token: team.members.editor.token });
    expect(plain.status).toBe(426);
  });

  it('closes a socket whose session ended instead of poking it', async () => {
    const editor = await connect(team.members.editor.token);
    const closed = once(editor.socket, 'close');
    await t.api('POST', '/v1/auth/sign-out', { token: team.members.editor.token });
    t.clock.advance(SESSION_RECHECK_MS + 1);
    await addChannel(t, team.members.owner.token, 'After sign-out');
    const [code] = (await closed) as [number];
    expect(code).toBe(4401);
    expect(editor.pokes).toEqual([]);
  });
});

describe.runIf(TEST_DATABASE_URL)('sync events across hub processes on one PostgreSQL', () => {
  it('pokes desks connected to one hub when another hub commits', async () => {
    const schema = uniqueSchemaName();
    const drop = await createTestSchema(schema);
    const open = () =>
      openPostgresDb({ connectionString: TEST_DATABASE_URL!, schema, maxConnections: 3 });
    const options = { logger: false as const, scrypt: FAST_SCRYPT, maintenanceIntervalMs: null };
    const a = await buildHub(open(), options);
    const b = await buildHub(open(), options);
    try {
      const setup = await a.app.inject({
        method: 'POST',
        url: '/v1/setup',
        payload: {
          token: a.setupToken!.token,
          workspaceName: 'Two hubs',
          displayName: 'Olga Owner',
          email: 'owner@example.org',
          password: PASSWORD,
        },
      });
      const { token, workspace } = setup.json() as { token: string; workspace: { id: string } };
      const heardOnB: number[] = [];
      b.events.on('changed', (e) => {
        if (e.workspaceId === workspace.id) heardOnB.push(e.version);
      });
      const address = await b.app.listen({ host: '127.0.0.1', port: 0 });
      const socket = new WebSocket(`${address.replace('http', 'ws')}/v1/sync/events`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const pokes: number[] = [];
      socket.on('message', (data) =>
        pokes.push(pokeSchema.parse(JSON.parse(String(data))).version),
      );
      await once(socket, 'open');
      // A commit on hub A: a channel.
      const made = await a.app.inject({
        method: 'POST',
        url: '/v1/channels',
        headers: { authorization: `Bearer ${token}` },
        payload: { name: 'News', platform: 'telegram', timeZone: 'Europe/Rome', language: 'it' },
      });
      expect(made.statusCode, made.body).toBe(201);
      await expect.poll(() => pokes, { timeout: 5000 }).toEqual([1]);
      expect(heardOnB).toEqual([1]);
      socket.terminate();
    } finally {
      await a.app.close();
      await b.app.close();
      await drop();
    }
  });
});
