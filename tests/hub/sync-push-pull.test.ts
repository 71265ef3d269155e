// Sync through the hub's HTTP API: registering desks, pushing in seq order (duplicates, gaps),
// pulling commit-ordered versions, and the hub's clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { addChannel, createTestHub, seedTeam } from './test-hub';
import { TestDesk, create, edit, updateDoc } from './sync-fixtures';
import { stampOf } from '../../src/hub/sync/records';

describe.each(DB_KINDS)('sync push and pull on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let channelId: string;
  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    channelId = await addChannel(t, team.members.owner.token, 'News');
  });
  afterEach(() => t.close());

  it('registers a desk once and answers a second registration with where it stands', async () => {
    const desk = new TestDesk(t, team.members.editor.token);
    const first = await desk.register(5);
    expect(first).toMatchObject({
      lastSeq: 4,
      protocol: 1,
      user: { id: team.members.editor.userId, name: 'editor editor@example.org' },
    });
    await desk.apply([create(updateDoc(channelId))]);
    const again = await t.api('POST', '/v1/sync/clients', {
      token: team.members.editor.token,
      body: { clientId: desk.clientId, startSeq: 1 },
    });
    expect(again.json).toMatchObject({ clientId: desk.clientId, lastSeq: 5 });
    const stolen = await t.api('POST', '/v1/sync/clients', {
      token: team.members.admin.token,
      body: { clientId: desk.clientId, startSeq: 1 },
    });
    expect(stolen.status).toBe(403);
  });

  it('refuses a push from an unregistered desk or from another member’s desk', async () => {
    const desk = new TestDesk(t, team.members.editor.token);
    const res = await desk.pushRaw([desk.mutation([create(updateDoc(channelId))])]);
    expect(res.status).toBe(404);
    expect((res.json as { error: { message: string } }).error.message).toMatch(/register/i);
    await desk.register();
    const intruder = new TestDesk(t, team.members.admin.token);
    const res2 = await t.api('POST', '/v1/sync/push', {
      token: team.members.admin.token,
      body: { clientId: desk.clientId, mutations: [intruder.mutation([])] },
    });
    expect(res2.status).toBe(403);
  });

  it('applies pushes and pulls them back in commit order without gaps', async () => {
    const desk = new TestDesk(t, team.members.editor.token);
    await desk.register();
    const docs = [updateDoc(channelId), updateDoc(channelId), updateDoc(channelId)];
    const pushed = await desk.push([
      desk.mutation([create(docs[0]!), create(docs[1]!)], 'createStory'),
      desk.mutation([create(docs[2]!)], 'createStory'),
    ]);
    expect(pushed.lastSeq).toBe(2);
    expect(pushed.gap).toBeNull();
    expect(pushed.results.map((r) => [r.outcome, r.version])).toEqual([
      ['applied', 3],
      ['applied', 4],
    ]);
    // The channel (from the channel route) is version 1 of this workspace: no gaps after it.
    const created = await desk.pullAll(0, 2);
    expect(created.map((r) => r.version)).toEqual([1, 2, 3, 4]);
    expect(created.map((r) => r.id)).toEqual([channelId, ...docs.map((d) => d.id)]);
    const edited = await desk.apply([edit(docs[0]!, { ...docs[0]!, text: 'Edited.' })]);
    expect(edited.version).toBe(5);
    const records = await desk.pullAll(0, 2);
    expect(records.map((r) => r.version)).toEqual([1, 3, 4, 5]);
    expect(records.map((r) => r.id)).toEqual([channelId, docs[1]!.id, docs[2]!.id, docs[0]!.id]);
    const last = records.at(-1)!;
    expect(last.doc).toMatchObject({ text: 'Edited.' });
    expect(last.stamp).toMatchObject({
      by: { id: team.members.editor.userId, name: 'editor editor@example.org' },
      mutation: 'editUpdate',
      at: t.clock.now().toISOString(),
    });
    const page = await desk.pull(2, 1);
    expect(page).toMatchObject({ cursor: 3, hasMore: true });
    expect(await desk.pull(5)).toMatchObject({ records: [], cursor: 5, hasMore: false });
    // Another workspace sees none of it.
    const rival = new TestDesk(t, team.other.owner.token);
    expect((await rival.pullAll()).map((r) => r.id)).toEqual([team.other.channelId]);
  });

  it('pulls every document exactly as pushed, whatever characters its text holds', async () => {
    // The hub splices the database's JSON text of each document into the page unparsed.
    const desk = new TestDesk(t, team.members.editor.token);
    const { user } = await desk.register();
    const texts = [
      'Quotes " and \\ backslashes \\" and a / slash',
      'Lines\nand\ttabs\r\nand a bell \u0007 and \u001f',
      'Emoji 🚧🚌 and accents: è à ç — “curly” ‘quotes’',
      '</script><script>alert(1)</script> & <b>tags</b>',
      'Separators \u2028 and \u2029, a BOM \ufeff, a non-character \uffff',
      '1e400 and -0 and 12345678901234567890 as text',
    ];
    const docs = texts.map((text) =>
      updateDoc(channelId, { text, shared: { text, attachments: [], poll: null } }),
    );
    await desk.push([
      desk.mutation(
        docs.map((d) => create(d)),
        'createStory',
      ),
    ]);
    const pulled = await desk.pullAll(0, 4);
    for (const doc of docs) {
      // As pushed, plus the author the hub stamps on every copy it creates.
      expect(pulled.find((r) => r.id === doc.id)?.doc).toEqual({ ...doc, author: user });
    }
  });

  it('stamps pulled records as stampOf does: a member, one whose name is gone, the hub, nobody', async () => {
    // The pull query writes each stamp itself; records.ts's stampOf is what every other answer uses.
    const desk = new TestDesk(t, team.members.editor.token);
    await desk.register();
    const docs = Array.from({ length: 4 }, () => updateDoc(channelId));
    await desk.push([
      desk.mutation(
        docs.map((d) => create(d)),
        'createStory',
      ),
    ]);
    const { db } = t.hub.ctx;
    const [member, gone, hub, nobody] = docs.map((d) => d.id);
    // Microseconds, which the wire's instants drop.
    await db.query(`UPDATE hub_updates SET updated_at = $2 WHERE id = $1`, [
      member,
      '2030-01-01 09:00:00.123987+00',
    ]);
    await db.query(`UPDATE hub_updates SET updated_by = $2 WHERE id = $1`, [
      gone,
      team.members.admin.userId,
    ]);
    await db.query(`UPDATE users SET display_name = '' WHERE id = $1`, [team.members.admin.userId]);
    await db.query(
      `UPDATE hub_updates SET updated_by = NULL, stamp_mutation = 'hub:published' WHERE id = $1`,
      [hub],
    );
    await db.query(`UPDATE hub_updates SET updated_by = NULL WHERE id = $1`, [nobody]);

    const pulled = await desk.pullAll(0, 3);
    const { rows } = await db.query<{
      id: string;
      updated_by: string | null;
      stamp_mutation: string;
      updated_at: Date;
      display_name: string | null;
    }>(
      `SELECT h.id, h.updated_by, h.stamp_mutation, h.updated_at, u.display_name
         FROM hub_updates h LEFT JOIN users u ON u.id = h.updated_by WHERE h.id = ANY($1)`,
      [docs.map((d) => d.id)],
    );
    for (const row of rows) {
      const names = new Map(row.display_name !== null ? [[row.updated_by!, row.display_name]] : []);
      const expected = stampOf(names, row.updated_by, row.updated_at, row.stamp_mutation);
      expect(pulled.find((r) => r.id === row.id)?.stamp, row.id).toEqual(expected);
    }
    const stampOfId = (id: string | undefined) => pulled.find((r) => r.id === id)?.stamp;
    expect(stampOfId(member)?.at).toBe('2030-01-01T09:00:00.123Z');
    expect(stampOfId(gone)?.by).toEqual({ id: team.members.admin.userId, name: 'a former member' });
    expect(stampOfId(hub)?.by).toEqual({ id: 'hub', name: 'the hub' });
    expect(stampOfId(nobody)).toBeNull();
  });

  it('answers a re-sent mutation with its stored result and never applies it twice', async () => {
    const desk = new TestDesk(t, team.members.editor.token);
    await desk.register();
    const doc = updateDoc(channelId);
    const m1 = desk.mutation([create(doc)]);
    const m2 = desk.mutation([edit(doc, { ...doc, text: doc.text + ' Updated.' })]);
    const first = await desk.push([m1, m2]);
    const again = await desk.push([m1, m2, desk.mutation([edit(doc, { ...doc, text: 'x' })])]);
    expect(again.results.slice(0, 2)).toEqual(
      first.results.map((r) => ({ ...r, duplicate: true })),
    );
    expect(again.results[2]).toMatchObject({ seq: 3, duplicate: false });
    const history = await t.api('GET', `/v1/sync/history/update/${doc.id}`, {
      token: desk.token,
    });
    expect((history.json as { entries: unknown[] }).entries).toHaveLength(3);
    // A seq the hub is past but never saw (registered at 10): refused, not applied.
    const late = new TestDesk(t, team.members.admin.token);
    await late.register(10);
    const other = updateDoc(channelId);
    const res = await late.push([{ ...late.mutation([create(other)]), seq: 3, prevSeq: 2 }]);
    expect(res.results[0]).toMatchObject({ outcome: 'refused', duplicate: true });
    expect(await desk.current(other.id)).toBeUndefined();
  });

  it('stops at a gap: what came before it is committed, nothing after it is applied', async () => {
    const desk = new TestDesk(t, team.members.editor.token);
    await desk.register();
    const a = updateDoc(channelId);
    const b = updateDoc(channelId);
    const c = updateDoc(channelId);
    const m1 = desk.mutation([create(a)]);
    desk.mutation([create(b)]); // seq 2 is "lost" on the way
    const m3 = desk.mutation([create(c)]);
    const res = await desk.push([m1, m3]);
    expect(res.lastSeq).toBe(1);
    expect(res.gap).toEqual({ seq: 3, prevSeq: 2 });
    expect(res.results.map((r) => r.seq)).toEqual([1]);
    const ids = (await desk.pullAll()).map((r) => r.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(c.id);
  });

  it('gives no version to a mutation that changes nothing', async () => {
    const desk = new TestDesk(t, team.members.editor.token);
    await desk.register();
    const doc = updateDoc(channelId);
    await desk.apply([create(doc)]);
    const same = await desk.apply([edit(doc, { ...doc })]);
    expect(same).toMatchObject({ outcome: 'applied', version: null });
    const empty = await desk.apply([]);
    expect(empty).toMatchObject({ outcome: 'applied', version: null });
    expect((await desk.current(doc.id))?.version).toBe(2);
  });

  it('deletes an update as a tombstone and refuses later changes to it', async () => {
    const desk = new TestDesk(t, team.members.editor.token);
    await desk.register();
    const doc = updateDoc(channelId);
    await desk.apply([create(doc)]);
    const deleted = await desk.apply([edit(doc, null)], 'deleteUpdate');
    expect(deleted.version).toBe(3);
    const record = await desk.current(doc.id);
    expect(record).toMatchObject({ version: 3, doc: null, channelId });
    const late = await desk.apply([edit(doc, { ...doc, text: 'Too late' })]);
    expect(late.outcome).toBe('refused');
    expect(late.reason).toMatch(/deleted on the hub by editor editor@example\.org/);
    expect(late.current).toEqual([record]);
  });

  it('refuses text that is not valid Unicode with a 400, not a failed write', async () => {
    const desk = new TestDesk(t, team.members.editor.token);
    await desk.register();
    const res = await desk.pushRaw([
      desk.mutation([create(updateDoc(channelId, { text: 'a\ud800b' }))]),
    ]);
    expect(res.status).toBe(400);
    expect((res.json as { error: { message: string } }).error.message).toMatch(
      /^body\.mutations\.0\.changes\.0\.after\.text: text must be valid Unicode/,
    );
    const imported = await t.api('POST', '/v1/sync/import', {
      token: team.members.owner.token,
      body: { records: [{ kind: 'update', doc: updateDoc(channelId, { text: '\udc00' }) }] },
    });
    expect(imported.status).toBe(400);
    // Whole emoji (surrogate pairs) are fine; the refused push took no seq.
    desk.seq -= 1;
    expect((await desk.apply([create(updateDoc(channelId, { text: 'ok 🎉' }))])).outcome).toBe(
      'applied',
    );
  });

  it('tells the time', async () => {
    const res = await t.api('GET', '/v1/time', { token: team.members.contributor.token });
    expect(res.json).toEqual({ serverTime: t.clock.now().toISOString() });
    expect((await t.api('GET', '/v1/time')).status).toBe(401);
  });
});
