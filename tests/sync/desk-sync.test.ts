// Desks syncing through a real hub over HTTP: convergence, pokes, conflicts, refusals, restarts,
// bringing solo work to a hub, and the words of each connection failure.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/shared/domain';
import { DeskError } from '../../src/shared/contract';
import { DB_KINDS } from '../hub/test-db';
import { FAST_SCRYPT, PASSWORD } from '../hub/test-hub';
import { openPGliteDb } from '../../src/hub/db/pglite-db';
import { buildHub } from '../../src/hub/server';
import { FaultLayer } from '../support/fault-transport';
import { seededRandom } from '../support/seeded-random';
import type { SyncHub, TestDesk } from '../support/sync-harness';
import { deskFor, emailOf, eventually, openDesk, startSyncHub } from '../support/sync-harness';

const CHANNEL = { platform: 'telegram', timeZone: 'Europe/Rome', language: 'it' } as const;

describe.each(DB_KINDS)('desks syncing through a hub on %s', (kind) => {
  let hub: SyncHub;
  const desks: TestDesk[] = [];
  const track = (desk: TestDesk) => (desks.push(desk), desk);

  beforeAll(async () => {
    hub = await startSyncHub(kind);
  }, 60_000);
  afterAll(async () => {
    await hub.close();
  });
  afterEach(async () => {
    for (const desk of desks.splice(0).reverse()) await desk.dispose();
  });

  async function storyOn(desk: TestDesk, storyId: string): Promise<Story> {
    return desk.call('getStory', { storyId });
  }

  async function sharedStory(name: string, text: string) {
    const a = track(await deskFor(hub, 'owner'));
    const b = track(await deskFor(hub, 'editor'));
    const channel = await a.call('createChannel', { name, ...CHANNEL });
    const story = await a.call('createStory', { channelIds: [channel.id], text });
    await eventually(async () => expect((await storyOn(b, story.storyId)).shared.text).toBe(text));
    return { a, b, channel, story };
  }

  it('shows one editor’s story and edits to another, with who changed it', async () => {
    const { a, b, story } = await sharedStory('City news', 'Roadworks on Via Roma');
    const copyId = story.copies[0]!.id;
    await a.call('editShared', {
      storyId: story.storyId,
      text: 'Roadworks on Via Roma until Friday',
    });
    const started = Date.now();
    const copy = await eventually(async () => {
      const s = await storyOn(b, story.storyId);
      expect(s.shared.text).toBe('Roadworks on Via Roma until Friday');
      return s.copies.find((c) => c.id === copyId)!;
    });
    // Pushed on commit and poked over the socket: well under a second on this machine.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(copy.syncState).toBe('changed');
    expect(copy.hub?.by.name).toMatch(/Olga/);
    const status = await a.call('syncNow', {});
    expect(status).toMatchObject({ mode: 'team', pending: 0, state: 'idle' });
  });

  it('merges edits to different words and keeps both texts when the same words changed', async () => {
    const fault = new FaultLayer(seededRandom(1));
    const a = track(await deskFor(hub, 'owner', { fault }));
    const b = track(await deskFor(hub, 'editor'));
    const channel = await a.call('createChannel', { name: 'Merge desk', ...CHANNEL });
    const story = await a.call('createStory', {
      channelIds: [channel.id],
      text: 'The bridge closes at nine tonight for repairs.',
    });
    await eventually(async () => expect((await storyOn(b, story.storyId)).copies).toHaveLength(1));

    // Different words: A offline changes the time, B online changes the reason.
    fault.offline = true;
    await a.call('editShared', {
      storyId: story.storyId,
      text: 'The bridge closes at ten tonight for repairs.',
    });
    await b.call('editShared', {
      storyId: story.storyId,
      text: 'The bridge closes at nine tonight for inspections.',
    });
    await b.call('syncNow', {});
    expect((await a.call('getSyncStatus', {})).pending).toBeGreaterThan(0);
    fault.heal();
    const merged = 'The bridge closes at ten tonight for inspections.';
    await eventually(async () =>
      expect((await storyOn(a, story.storyId)).shared.text).toBe(merged),
    );
    await eventually(async () =>
      expect((await storyOn(b, story.storyId)).shared.text).toBe(merged),
    );

    // Same words: the hub keeps B's text (first to arrive) and both texts in a conflict.
    fault.offline = true;
    await a.call('editShared', {
      storyId: story.storyId,
      text: 'The bridge closes at eleven tonight for inspections.',
    });
    await b.call('editShared', {
      storyId: story.storyId,
      text: 'The bridge closes at midnight tonight for inspections.',
    });
    await b.call('syncNow', {});
    fault.heal();
    const conflicted = await eventually(async () => {
      const copy = (await storyOn(b, story.storyId)).copies[0]!;
      expect(copy.conflict).toBeTruthy();
      return copy;
    });
    expect(conflicted.text).toBe('The bridge closes at midnight tonight for inspections.');
    expect(conflicted.conflict!.incoming.text).toBe(
      'The bridge closes at eleven tonight for inspections.',
    );
    const onA = await eventually(async () => {
      const copy = (await storyOn(a, story.storyId)).copies[0]!;
      expect(copy.conflict).toBeTruthy();
      expect(copy.syncState).not.toBe('pending');
      return copy;
    });
    expect(onA.text).toBe(conflicted.text);

    // The editor settles it on one desk; both converge with no conflict left.
    await a.call('resolveConflict', {
      updateId: onA.id,
      text: 'The bridge closes at 23:30 tonight for inspections.',
    });
    await eventually(async () => {
      const copy = (await storyOn(b, story.storyId)).copies[0]!;
      expect(copy.conflict ?? null).toBeNull();
      expect(copy.text).toBe('The bridge closes at 23:30 tonight for inspections.');
    });
    const history = await b.call('getHistory', { kind: 'update', id: onA.id });
    expect(history.some((h) => h.outcome === 'conflict')).toBe(true);
    expect(history.some((h) => h.outcome === 'merged')).toBe(true);
  });

  it('refuses a contributor’s schedule with a reason, keeps the text and puts the copy back', async () => {
    const owner = track(await deskFor(hub, 'owner'));
    const contributor = track(await deskFor(hub, 'contributor'));
    const channel = await owner.call('createChannel', { name: 'Contrib desk', ...CHANNEL });
    await eventually(async () =>
      expect((await contributor.call('listChannels', {})).map((c) => c.id)).toContain(channel.id),
    );
    const story = await contributor.call('createStory', {
      channelIds: [channel.id],
      text: 'Street party on Saturday',
    });
    const copyId = story.copies[0]!.id;
    await contributor.call('syncNow', {});
    await contributor.call('scheduleCopy', {
      updateId: copyId,
      schedule: { kind: 'at', at: '2030-06-01T08:00:00.000Z' },
    });
    const status = await eventually(async () => {
      const s = await contributor.call('getSyncStatus', {});
      expect(s.refusals).toHaveLength(1);
      return s;
    });
    expect(status.refusals[0]!.reason).toMatch(/schedul|permission|cannot/i);
    expect(status.refusals[0]!.text).toBe('Street party on Saturday');
    const copy = (await storyOn(contributor, story.storyId)).copies[0]!;
    expect(copy.status).toBe('draft');
    expect(copy.schedule).toEqual({ kind: 'none' });
    expect(copy.syncState).toBe('failed');
    // The owner's desk never saw the schedule.
    const onOwner = await eventually(() => storyOn(owner, story.storyId));
    expect(onOwner.copies[0]!.status).toBe('draft');
  });

  it('keeps changes made offline across a restart and sends them when back online', async () => {
    const fault = new FaultLayer(seededRandom(2));
    const a = track(await deskFor(hub, 'owner', { fault }));
    const b = track(await deskFor(hub, 'editor'));
    const channel = await a.call('createChannel', { name: 'Restart desk', ...CHANNEL });
    await a.call('syncNow', {});
    fault.offline = true;
    const story = await a.call('createStory', {
      channelIds: [channel.id],
      text: 'Written offline',
    });
    expect((await a.call('getSyncStatus', {})).pending).toBeGreaterThan(0);
    await a.close();
    fault.heal();
    const reopened = track(await openDesk({ dir: a.dir }));
    await eventually(async () =>
      expect((await storyOn(b, story.storyId)).shared.text).toBe('Written offline'),
    );
    await eventually(async () =>
      expect(await reopened.call('getSyncStatus', {})).toMatchObject({ pending: 0, mode: 'team' }),
    );
  });

  it('brings work done before connecting to the hub, attachments included', async () => {
    const solo = track(await openDesk());
    const channel = await solo.call('createChannel', { name: 'Before the hub', ...CHANNEL });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const attachment = await solo.call('addAttachment', {
      name: 'dot.png',
      mime: 'image/png',
      dataBase64: png.toString('base64'),
      thumbnailBase64: null,
    });
    const story = await solo.call('createStory', { channelIds: [channel.id], text: 'Local first' });
    await solo.call('editShared', { storyId: story.storyId, attachments: [attachment] });
    expect((await solo.call('getSyncStatus', {})).mode).toBe('none');

    await solo.call('connectHub', { url: hub.url, email: emailOf('owner'), password: PASSWORD });
    const other = track(await deskFor(hub, 'editor'));
    const seen = await eventually(async () => {
      const s = await storyOn(other, story.storyId);
      expect(s.shared.attachments).toHaveLength(1);
      return s;
    });
    expect(seen.shared.text).toBe('Local first');
    const media = await eventually(() => other.call('getMedia', { hash: attachment.hash }));
    expect(Buffer.from(media.dataBase64, 'base64').equals(png)).toBe(true);
  });

  it('keeps the session token in a 0600 file and forgets it on signing out, keeping local work', async () => {
    const desk = track(await deskFor(hub, 'editor'));
    const tokenFile = join(desk.dir, 'secrets', 'hub-token');
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const token = (await readFile(tokenFile, 'utf8')).trim();
    expect(token.length).toBeGreaterThan(20);
    const channels = await eventually(async () => {
      const list = await desk.call('listChannels', {});
      expect(list.length).toBeGreaterThan(0);
      return list;
    });
    const status = await desk.call('disconnectHub', {});
    expect(status.mode).toBe('none');
    await expect(stat(tokenFile)).rejects.toThrow();
    expect((await desk.call('listChannels', {})).length).toBe(channels.length);
    // The hub ended that session too.
    const me = await hub.t.api('GET', '/v1/me', { token });
    expect(me.status).toBe(401);
  });

  it('says what is wrong when connecting fails, and changes nothing', async () => {
    const desk = track(await openDesk());
    const attempt = (url: string, password = PASSWORD) =>
      desk.call('connectHub', { url, email: emailOf('editor'), password }).then(
        () => null,
        (e: unknown) => e as DeskError,
      );
    const wrong = await attempt(hub.url, 'not the password');
    expect(wrong).toBeInstanceOf(DeskError);
    expect(wrong!.message).toMatch(/wrong email or password/i);

    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const unreachable = await attempt(`http://127.0.0.1:${closedPort}`);
    expect(unreachable!.code).toBe('hub_unreachable');
    expect(unreachable!.message).toMatch(/nothing answers/i);

    const impostor = createServer((req, res) => {
      const isHealth = req.url === '/newer/v1/health';
      const body = isHealth
        ? JSON.stringify({
            service: 'channel-desk-hub',
            hubVersion: '9.0.0',
            apiVersion: 9,
            serverTime: new Date().toISOString(),
            setupRequired: false,
          })
        : '<html>hello</html>';
      res.writeHead(200, { 'content-type': isHealth ? 'application/json' : 'text/html' });
      res.end(body);
    });
    await new Promise<void>((r) => impostor.listen(0, '127.0.0.1', () => r()));
    const port = (impostor.address() as AddressInfo).port;
    try {
      const newer = await attempt(`http://127.0.0.1:${port}/newer`);
      expect(newer!.message).toMatch(/newer than this desk/i);
      const notAHub = await attempt(`http://127.0.0.1:${port}/plain`);
      expect(notAHub!.code).toBe('hub_refused');
      expect(notAHub!.message).toMatch(/no Channel Desk hub/i);
    } finally {
      impostor.close();
    }
    const badUrl = await attempt('ftp://example.org');
    expect(badUrl!.code).toBe('invalid_argument');
    expect((await desk.call('getSyncStatus', {})).mode).toBe('none');
  });
});

describe('a hub that restarts', () => {
  it('is caught up with once it is back, nothing lost', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hub-restart-'));
    const start = async (port: number) => {
      const db = await openPGliteDb({ dataDir: dir });
      const hub = await buildHub(db, {
        logger: false,
        scrypt: FAST_SCRYPT,
        maintenanceIntervalMs: null,
      });
      await hub.app.listen({ port, host: '127.0.0.1' });
      return hub;
    };
    let hub = await start(0);
    const port = (hub.app.server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}`;
    const setup = await hub.app.inject({
      method: 'POST',
      url: '/v1/setup',
      payload: {
        token: hub.setupToken!.token,
        workspaceName: 'Restart News',
        displayName: 'Olga Owner',
        email: 'owner@example.org',
        password: PASSWORD,
      },
    });
    expect(setup.statusCode).toBe(201);
    const desk = await openDesk();
    try {
      await desk.call('connectHub', { url, email: 'owner@example.org', password: PASSWORD });
      const channel = await desk.call('createChannel', { name: 'Night desk', ...CHANNEL });
      const story = await desk.call('createStory', { channelIds: [channel.id], text: 'Before' });
      expect((await desk.call('syncNow', {})).pending).toBe(0);

      await hub.app.close();
      await desk.call('editShared', { storyId: story.storyId, text: 'While the hub was down' });
      const down = await desk.call('syncNow', {});
      expect(down.state).toBe('offline');
      expect(down.pending).toBeGreaterThan(0);

      hub = await start(port);
      const back = await desk.call('syncNow', {});
      expect(back).toMatchObject({ state: 'idle', pending: 0 });
      const { rows } = await hub.ctx.db.query<{ doc: { text: string } }>(
        'SELECT doc FROM hub_updates WHERE story_id = $1',
        [story.storyId],
      );
      expect(rows.map((r) => r.doc.text)).toEqual(['While the hub was down']);
    } finally {
      await desk.dispose();
      await hub.app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
