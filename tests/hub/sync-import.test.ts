// Import of a desk's solo-mode work, channel routes taking sync versions, and record history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, SyncRecord } from '../../src/shared/sync/protocol';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { addChannel, createTestHub, seedTeam } from './test-hub';
import { TestDesk, channelDoc, updateDoc } from './sync-fixtures';

describe.each(DB_KINDS)('sync import and history on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
  });
  afterEach(() => t.close());

  const importAs = async (token: string, records: unknown[]) => {
    const res = await t.api('POST', '/v1/sync/import', { token, body: { records } });
    expect(res.status, res.raw.body).toBe(200);
    return res.json as {
      created: number;
      existing: number;
      refused: Array<{ id: string; reason: string }>;
    };
  };

  it('creates absent records once, channels first, and refuses what breaks the rules', async () => {
    const channel = channelDoc();
    const onNew = updateDoc(channel.id);
    const orphan = updateDoc('missing-channel');
    const records = [
      { kind: 'update', doc: onNew },
      { kind: 'update', doc: orphan },
      { kind: 'channel', doc: channel },
    ];
    const token = team.members.admin.token;
    expect(await importAs(token, records)).toEqual({
      created: 2,
      existing: 0,
      refused: [{ id: orphan.id, reason: 'The channel was not found on the hub.' }],
    });
    const desk = new TestDesk(t, token);
    const pulled = await desk.pullAll();
    const versions = pulled.map((r) => r.version);
    expect(pulled.map((r) => r.id)).toEqual([channel.id, onNew.id]);
    expect(pulled[1]).toMatchObject({ doc: onNew, stamp: { mutation: 'import' } });
    // Again: nothing new, nothing changed, no new versions.
    expect(await importAs(token, records)).toMatchObject({ created: 0, existing: 2 });
    expect((await desk.pullAll()).map((r) => r.version)).toEqual(versions);
  });

  it('applies the rules of creation: contributors import drafts only, on their workspace', async () => {
    const channelId = await addChannel(t, team.members.owner.token, 'News');
    const token = team.members.contributor.token;
    const draft = updateDoc(channelId);
    const scheduled = updateDoc(channelId, {
      status: 'scheduled',
      schedule: { kind: 'at', at: '2030-01-02T08:00:00.000Z', mode: 'exact' },
    });
    const result = await importAs(token, [
      { kind: 'channel', doc: channelDoc() },
      { kind: 'update', doc: draft },
      { kind: 'update', doc: scheduled },
      { kind: 'update', doc: updateDoc(team.other.channelId) },
    ]);
    expect(result.created).toBe(1);
    expect(result.refused.map((r) => r.reason)).toEqual([
      'Only owners and admins can add channels.',
      'Only editors and above can schedule copies on this channel; save it as a draft.',
      'The channel was not found on the hub.',
    ]);
  });

  it('gives channels made and changed through the channel routes a version and history', async () => {
    const desk = new TestDesk(t, team.members.editor.token);
    const events: number[] = [];
    t.hub.events.on('changed', (e) => {
      if (e.workspaceId === team.workspaceId) events.push(e.version);
    });
    const channelId = await addChannel(t, team.members.owner.token, 'News');
    const [made] = await desk.pullAll();
    expect(made).toMatchObject({ kind: 'channel', id: channelId, version: 1 });
    expect(made?.stamp).toMatchObject({ mutation: 'createChannel', by: { name: 'Olga Owner' } });
    const patched = await t.api('PATCH', `/v1/channels/${channelId}`, {
      token: team.members.admin.token,
      body: { name: 'News desk', description: 'All the news' },
    });
    expect(patched.status).toBe(200);
    const [changed] = (await desk.pull(1)).records as SyncRecord[];
    expect(changed).toMatchObject({ version: 2, doc: { name: 'News desk' } });
    expect(events).toEqual([1, 2]);
    const res = await t.api('GET', `/v1/sync/history/channel/${channelId}`, { token: desk.token });
    const entries = (res.json as { entries: HistoryEntry[] }).entries;
    expect(entries.map((e) => [e.version, e.mutation, e.by.name])).toEqual([
      [2, 'updateChannel', 'admin admin@example.org'],
      [1, 'createChannel', 'Olga Owner'],
    ]);
    expect(entries[0]).toMatchObject({
      fields: ['name', 'description'],
      overwritten: [
        { field: 'name', value: 'News', by: { id: team.members.owner.userId, name: 'Olga Owner' } },
        { field: 'description', value: '', by: { name: 'Olga Owner' } },
      ],
    });
  });

  it('shows history only for the member’s own workspace’s records', async () => {
    const token = team.members.editor.token;
    const foreign = await t.api('GET', `/v1/sync/history/channel/${team.other.channelId}`, {
      token,
    });
    expect(foreign.status).toBe(404);
    const missing = await t.api('GET', `/v1/sync/history/update/${updateDoc('x-channel').id}`, {
      token,
    });
    expect(missing.status).toBe(404);
    expect((await t.api('GET', '/v1/sync/history/story/abcdefgh', { token })).status).toBe(400);
  });
});
