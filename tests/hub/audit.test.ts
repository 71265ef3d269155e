// The audit trail (GET /v1/audit) on a real hub: who did what and when, its filters, stable paging,
// workspaces kept apart, and the rule on who reads which entries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '../../src/shared/audit/protocol';
import type { UpdateDoc } from '../../src/shared/sync/protocol';
import { insertHistory } from '../../src/hub/sync/history-service';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { addChannel, createTestHub, seedTeam } from './test-hub';
import { TestDesk, create, edit, updateDoc } from './sync-fixtures';

const MINUTE_MS = 60_000;

describe.each(DB_KINDS)('audit trail on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let news: string;
  let sport: string;
  let editor: TestDesk;
  let contributor: TestDesk;
  /** When the team's channels were made; each draft comes a minute after the last write. */
  let START: number;

  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    // Whole seconds, so that instants compare exactly once they have been through the database.
    START = Math.ceil(t.clock.ms / 1000) * 1000;
    t.clock.ms = START;
    news = await addChannel(t, team.members.owner.token, 'News');
    sport = await addChannel(t, team.members.owner.token, 'Sport');
    editor = new TestDesk(t, team.members.editor.token);
    contributor = new TestDesk(t, team.members.contributor.token);
    await editor.register();
    await contributor.register();
  });
  afterEach(() => t.close());

  const audit = async (token: string, query = ''): Promise<AuditPage> => {
    const res = await t.api('GET', `/v1/audit${query}`, { token });
    expect(res.status, res.raw.body).toBe(200);
    return res.json as AuditPage;
  };
  const owner = () => team.members.owner.token;
  const actions = (page: AuditPage) => page.entries.map((e) => [e.action, e.record.id]);

  /** A contributor's draft in `channelId`, created a minute after the last write. */
  const draft = async (desk: TestDesk, channelId: string, text: string): Promise<UpdateDoc> => {
    t.clock.advance(MINUTE_MS);
    const doc = updateDoc(channelId, { text });
    expect((await desk.apply([create(doc)], 'createStory')).outcome).toBe('applied');
    return doc;
  };

  it('keeps an embargoed story’s text out of the trail until its release', async () => {
    const release = new Date(t.clock.ms + 60 * MINUTE_MS).toISOString();
    const doc = updateDoc(news, {
      text: 'Budget doubles the cycling lanes',
      embargoUntil: release,
    });
    expect((await contributor.apply([create(doc)], 'createStory')).outcome).toBe('applied');
    const held = await audit(owner(), `?storyId=${doc.storyId}`);
    expect(held.entries).toHaveLength(1);
    expect(held.entries[0]).toMatchObject({ title: null, embargoed: true, storyId: doc.storyId });
    expect(JSON.stringify(held)).not.toContain('cycling');
    t.clock.advance(60 * MINUTE_MS);
    const released = await audit(owner(), `?storyId=${doc.storyId}`);
    expect(released.entries[0]!.title).toBe('Budget doubles the cycling lanes');
    expect(released.entries[0]!.embargoed).toBeUndefined();
  });

  it('lists what two members pushed, with who, what, when and the copy, newest first', async () => {
    const doc = await draft(contributor, news, 'Bridge vote on Monday\nThe council meets at nine.');
    t.clock.advance(MINUTE_MS);
    const editedAt = t.clock.now().toISOString();
    const edited = { ...doc, text: 'Bridge vote moved to Tuesday\nThe council meets at ten.' };
    expect((await editor.apply([edit(doc, edited)], 'editShared')).outcome).toBe('applied');

    const page = await audit(owner(), `?channelId=${news}`);
    expect(page.nextCursor).toBeNull();
    const [latest, created, channel] = page.entries as [AuditEntry, AuditEntry, AuditEntry];
    expect(page.entries).toHaveLength(3);
    expect(latest).toMatchObject({
      at: editedAt,
      who: { id: team.members.editor.userId, name: 'editor editor@example.org' },
      action: 'editShared',
      outcome: 'applied',
      record: { kind: 'update', id: doc.id },
      channel: { id: news, name: 'News' },
      storyId: doc.storyId,
      // The copy's title as it stands now, on every entry of it.
      title: 'Bridge vote moved to Tuesday',
      fields: ['text'],
    });
    expect(created).toMatchObject({
      at: new Date(START + MINUTE_MS).toISOString(),
      who: { id: team.members.contributor.userId, name: 'contributor contributor@example.org' },
      action: 'createStory',
      record: { kind: 'update', id: doc.id },
      title: 'Bridge vote moved to Tuesday',
    });
    expect(channel).toMatchObject({
      at: new Date(START).toISOString(),
      who: { id: team.members.owner.userId, name: 'Olga Owner' },
      action: 'createChannel',
      record: { kind: 'channel', id: news },
      channel: { id: news, name: 'News' },
      storyId: null,
      title: null,
    });
    expect(latest.version).toBeGreaterThan(created.version);
  });

  it('filters by channel, story and time, and refuses filters that make no sense', async () => {
    const a = await draft(editor, news, 'First');
    const b = await draft(editor, sport, 'Second');
    const c = await draft(editor, news, 'Third');
    const updates = (page: AuditPage) =>
      page.entries.filter((e) => e.record.kind === 'update').map((e) => e.record.id);

    expect(updates(await audit(owner()))).toEqual([c.id, b.id, a.id]);
    expect(updates(await audit(owner(), `?channelId=${news}`))).toEqual([c.id, a.id]);
    expect(updates(await audit(owner(), `?channelId=${sport}`))).toEqual([b.id]);
    expect(updates(await audit(owner(), `?storyId=${a.storyId}`))).toEqual([a.id]);
    // b was written at START + 2 min: from is inclusive, to exclusive.
    const at = (minutes: number) =>
      encodeURIComponent(new Date(START + minutes * MINUTE_MS).toISOString());
    expect(updates(await audit(owner(), `?from=${at(2)}&to=${at(3)}`))).toEqual([b.id]);
    expect(updates(await audit(owner(), `?from=${at(2)}`))).toEqual([c.id, b.id]);
    expect(updates(await audit(owner(), `?to=${at(2)}`))).toEqual([a.id]);
    const channelsBefore = (await audit(owner(), `?to=${at(1)}`)).entries.map((e) => e.action);
    expect(channelsBefore).toEqual(['createChannel', 'createChannel']);

    const refused = async (query: string, status: number) => {
      const res = await t.api('GET', `/v1/audit${query}`, { token: owner() });
      expect(res.status, res.raw.body).toBe(status);
      return (res.json as { error: { message: string } }).error.message;
    };
    expect(await refused(`?from=${at(3)}&to=${at(2)}`, 400)).toMatch(/start must come before/);
    expect(await refused('?limit=501', 400)).toMatch(/limit/);
    expect(await refused('?cursor=abc', 400)).toMatch(/cursor/);
    expect(await refused('?from=yesterday', 400)).toMatch(/from/);
    expect(await refused('?channelId=nowhere-at-all', 404)).toMatch(/channel was not found/);
    expect(await refused(`?channelId=${team.other.channelId}`, 404)).toMatch(/not found/);
    expect((await t.api('GET', '/v1/audit')).status).toBe(401);
  });

  it('pages newest first without skipping or repeating, while new writes arrive', async () => {
    for (let i = 0; i < 7; i += 1) await draft(editor, news, `Copy ${i}`);
    const first = await audit(owner(), '?limit=3');
    expect(first.entries).toHaveLength(3);
    // Writes after the first page belong before it: later pages must not show them.
    const late = await draft(editor, news, 'Late copy');
    const seen = [...first.entries];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await audit(owner(), `?limit=3&cursor=${cursor}`);
      seen.push(...page.entries);
      cursor = page.nextCursor;
    }
    const versions = seen.map((e) => e.version);
    expect(versions).toEqual([...versions].sort((x, y) => y - x));
    expect(new Set(versions).size).toBe(versions.length);
    // 7 copies and the team's 2 channels.
    expect(seen).toHaveLength(9);
    expect(seen.some((e) => e.record.id === late.id)).toBe(false);
    const fresh = await audit(owner(), '?limit=500');
    expect(fresh.entries.map((e) => e.version)).toEqual([fresh.entries[0]!.version, ...versions]);
    expect(fresh.entries[0]!.record.id).toBe(late.id);
  });

  it("never shows another workspace's entries", async () => {
    const rival = new TestDesk(t, team.other.owner.token);
    await rival.register();
    const theirs = await draft(rival, team.other.channelId, 'Rival scoop');
    const ours = await draft(editor, news, 'Our scoop');

    const ownPage = await audit(owner(), '?limit=500');
    const ids = ownPage.entries.map((e) => e.record.id);
    expect(ids).toContain(ours.id);
    expect(ids).not.toContain(theirs.id);
    expect(ids).not.toContain(team.other.channelId);
    const rivalIds = (await audit(team.other.owner.token, '?limit=500')).entries.map(
      (e) => e.record.id,
    );
    expect(rivalIds.sort()).toEqual([team.other.channelId, theirs.id].sort());
    // Filtering by another workspace's story finds nothing either.
    expect((await audit(owner(), `?storyId=${theirs.storyId}`)).entries).toEqual([]);
  });

  it('shows contributors their own copies only, and channel editors their channel', async () => {
    const mine = await draft(contributor, news, 'Mine');
    const theirs = await draft(editor, news, 'Theirs');
    const elsewhere = await draft(editor, sport, 'Elsewhere');
    t.clock.advance(MINUTE_MS);
    const fixed = { ...mine, text: 'Mine, fixed by an editor' };
    expect((await editor.apply([edit(mine, fixed)], 'editShared')).outcome).toBe('applied');

    const token = team.members.contributor.token;
    // What happened to their own copy, whoever did it; nothing else.
    expect(actions(await audit(token))).toEqual([
      ['editShared', mine.id],
      ['createStory', mine.id],
    ]);
    expect((await audit(token, `?channelId=${sport}`)).entries).toEqual([]);
    expect((await audit(token, `?storyId=${theirs.storyId}`)).entries).toEqual([]);
    // Editors read everything of the workspace.
    expect((await audit(team.members.editor.token, '?limit=500')).entries).toHaveLength(6);

    const res = await t.api(
      'PUT',
      `/v1/channels/${sport}/roles/${team.members.contributor.userId}`,
      {
        token: owner(),
        body: { role: 'editor' },
      },
    );
    expect(res.status, res.raw.body).toBe(204);
    expect(actions(await audit(token))).toEqual([
      ['editShared', mine.id],
      ['createStory', elsewhere.id],
      ['createStory', mine.id],
      ['createChannel', sport],
    ]);
  });

  it("names the hub for its own writes and keeps the entry's fields", async () => {
    const doc = await draft(editor, news, 'Published piece');
    t.clock.advance(MINUTE_MS);
    await insertHistory(t.hub.ctx.db, team.workspaceId, [
      {
        kind: 'update',
        recordId: doc.id,
        version: 10_000,
        userId: null,
        mutation: 'hub:published',
        outcome: 'applied',
        fields: ['delivery'],
        overwritten: [],
        at: t.clock.now(),
      },
    ]);
    const [entry] = (await audit(owner(), '?limit=1')).entries;
    expect(entry).toMatchObject({
      version: 10_000,
      who: { id: '', name: 'the hub' },
      action: 'hub:published',
      fields: ['delivery'],
      title: 'Published piece',
    });
  });
});
