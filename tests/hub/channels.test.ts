// Channels through the API: create, list, read, change; other workspaces' channels are invisible.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { createTestHub, seedTeam } from './test-hub';

const SPORT = { name: 'Sport', platform: 'telegram', timeZone: 'Europe/Rome', language: 'it' };

describe.each(DB_KINDS)('channels on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let token: string;
  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    token = team.members.admin.token;
  });
  afterEach(() => t.close());

  it('creates a channel with defaults and lists the workspace’s channels by name', async () => {
    const created = await t.api('POST', '/v1/channels', { token, body: SPORT });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      ...SPORT,
      workspaceId: team.workspaceId,
      description: '',
      slots: [],
      archived: false,
    });
    await t.api('POST', '/v1/channels', {
      token,
      body: { ...SPORT, name: 'arts', platform: 'feed' },
    });
    const list = await t.api('GET', '/v1/channels', { token: team.members.contributor.token });
    expect(
      (list.json as { channels: Array<{ name: string }> }).channels.map((c) => c.name),
    ).toEqual(['arts', 'Sport']);
  });

  it('accepts an id chosen by the desk, once', async () => {
    const body = { ...SPORT, id: 'desk-made-channel-1' };
    expect((await t.api('POST', '/v1/channels', { token, body })).json).toMatchObject({
      id: 'desk-made-channel-1',
    });
    const again = await t.api('POST', '/v1/channels', { token, body });
    expect(again.status).toBe(409);
  });

  it('changes settings but never the platform, and needs at least one change', async () => {
    const { id } = (await t.api('POST', '/v1/channels', { token, body: SPORT })).json as {
      id: string;
    };
    const slots = [{ weekday: 1, time: '08:30' }];
    const patched = await t.api('PATCH', `/v1/channels/${id}`, {
      token,
      body: { name: 'Sport desk', slots, archived: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      name: 'Sport desk',
      slots,
      archived: true,
      description: '',
    });
    expect(
      (await t.api('PATCH', `/v1/channels/${id}`, { token, body: { platform: 'feed' } })).status,
    ).toBe(400);
    expect((await t.api('PATCH', `/v1/channels/${id}`, { token, body: {} })).status).toBe(400);
    const got = await t.api('GET', `/v1/channels/${id}`, { token });
    expect(got.json).toMatchObject({ name: 'Sport desk', platform: 'telegram' });
  });

  it('explains invalid settings', async () => {
    const res = await t.api('POST', '/v1/channels', {
      token,
      body: { ...SPORT, timeZone: 'Mars/Olympus', slots: [{ weekday: 8, time: '25:00' }] },
    });
    expect(res.status).toBe(400);
    const paths = (res.json as { error: { issues: Array<{ path: string }> } }).error.issues.map(
      (i) => i.path,
    );
    expect(paths).toEqual(
      expect.arrayContaining(['body.timeZone', 'body.slots.0.weekday', 'body.slots.0.time']),
    );
  });

  it('treats another workspace’s channel as not found', async () => {
    const foreign = team.other.channelId;
    expect((await t.api('GET', `/v1/channels/${foreign}`, { token })).status).toBe(404);
    expect(
      (await t.api('PATCH', `/v1/channels/${foreign}`, { token, body: { name: 'Mine' } })).status,
    ).toBe(404);
    expect((await t.api('GET', `/v1/channels/${foreign}/permissions`, { token })).status).toBe(404);
    const list = (await t.api('GET', '/v1/channels', { token })).json as {
      channels: Array<{ id: string }>;
    };
    expect(list.channels.map((c) => c.id)).not.toContain(foreign);
  });

  it('refuses malformed ids in the path', async () => {
    for (const id of ['x', 'a'.repeat(65), 'semi;colon', '%00']) {
      const res = await t.api('GET', `/v1/channels/${id}`, { token });
      expect(res.status).toBe(400);
    }
  });
});
