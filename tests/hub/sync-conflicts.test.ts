// Two editors, one record: merged text, conflict copies, last-writer-wins with history, stale
// workflow steps refused with the hub's current record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, UpdateDoc } from '../../src/shared/sync/protocol';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { addChannel, createTestHub, seedTeam } from './test-hub';
import { TestDesk, create, edit, updateDoc } from './sync-fixtures';

const SCHEDULED: Partial<UpdateDoc> = {
  status: 'scheduled',
  schedule: { kind: 'at', at: '2030-01-02T08:00:00.000Z', mode: 'exact' },
};

describe.each(DB_KINDS)('sync conflicts on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let channelId: string;
  let alice: TestDesk;
  let bruno: TestDesk;
  let base: UpdateDoc;
  const ALICE = 'editor editor@example.org';
  const BRUNO = 'admin admin@example.org';

  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    channelId = await addChannel(t, team.members.owner.token, 'News');
    alice = new TestDesk(t, team.members.editor.token);
    bruno = new TestDesk(t, team.members.admin.token);
    await alice.register();
    await bruno.register();
    base = updateDoc(channelId, { text: 'The council meets on Monday to vote on the bridge.' });
    expect((await alice.apply([create(base)], 'createUpdate')).outcome).toBe('applied');
  });
  afterEach(() => t.close());

  const history = async (id: string): Promise<HistoryEntry[]> => {
    const res = await t.api('GET', `/v1/sync/history/update/${id}`, { token: alice.token });
    expect(res.status).toBe(200);
    return (res.json as { entries: HistoryEntry[] }).entries;
  };

  it('merges two editors’ changes to different words', async () => {
    const a = await alice.apply([
      edit(base, { ...base, text: 'The council meets on Tuesday to vote on the bridge.' }),
    ]);
    const b = await bruno.apply([
      edit(base, { ...base, text: 'The council meets on Monday to vote on the new bridge.' }),
    ]);
    expect(a.outcome).toBe('applied');
    expect(b).toMatchObject({ outcome: 'merged', overwrote: [], reason: null });
    const record = await alice.current(base.id);
    expect((record?.doc as UpdateDoc).text).toBe(
      'The council meets on Tuesday to vote on the new bridge.',
    );
    expect(record?.version).toBe(b.version);
  });

  it('keeps both texts as a conflict copy when the same words changed', async () => {
    const aliceText = 'The council meets on Tuesday to vote on the bridge.';
    const brunoText = 'The council meets on Friday to vote on the bridge.';
    await alice.apply([edit(base, { ...base, text: aliceText })]);
    const b = await bruno.apply([edit(base, { ...base, text: brunoText })]);
    expect(b.outcome).toBe('conflict');
    const doc = (await alice.current(base.id))?.doc as UpdateDoc;
    expect(doc.text).toBe(aliceText);
    expect(doc.conflict).toEqual({
      field: 'text',
      base: base.text,
      kept: { text: aliceText, by: { id: team.members.editor.userId, name: ALICE } },
      incoming: { text: brunoText, by: { id: team.members.admin.userId, name: BRUNO } },
      at: t.clock.now().toISOString(),
    });
    const entries = await history(base.id);
    expect(entries.map((e) => [e.by.name, e.outcome, e.fields])).toEqual([
      [BRUNO, 'conflict', ['text', 'conflict']],
      [ALICE, 'applied', ['text']],
      [ALICE, 'applied', expect.arrayContaining(['text', 'status', 'schedule'])],
    ]);
  });

  it('lets the last writer win on a short field, says so, and keeps the replaced value', async () => {
    const alicePoll = { question: 'Bridge?', options: ['Yes', 'No'], multipleAnswers: false };
    const brunoPoll = { ...alicePoll, question: 'New bridge?' };
    await alice.apply([edit(base, { ...base, poll: { ...alicePoll, quizCorrectOption: null } })]);
    const b = await bruno.apply([
      edit(base, { ...base, poll: { ...brunoPoll, quizCorrectOption: null } }),
    ]);
    expect(b).toMatchObject({ outcome: 'applied', overwrote: ['poll'] });
    expect(((await alice.current(base.id))?.doc as UpdateDoc).poll?.question).toBe('New bridge?');
    const [latest] = await history(base.id);
    expect(latest).toMatchObject({
      by: { name: BRUNO },
      fields: ['poll'],
      overwritten: [
        {
          field: 'poll',
          value: { ...alicePoll, quizCorrectOption: null },
          by: { id: team.members.editor.userId, name: ALICE },
        },
      ],
    });
  });

  it('refuses a schedule made on content that changed meanwhile, with the hub’s record', async () => {
    const edited = { ...base, text: 'The council meets on Tuesday to vote on the bridge.' };
    await alice.apply([edit(base, edited)]);
    const other = updateDoc(channelId);
    const b = await bruno.apply(
      [create(other), edit(base, { ...base, ...SCHEDULED })],
      'scheduleUpdate',
    );
    expect(b.outcome).toBe('refused');
    expect(b.reason).toMatch(/editor editor@example\.org changed this copy's content/);
    expect(b.version).toBeNull();
    const current = await alice.current(base.id);
    expect(b.current).toEqual([current]);
    expect((current?.doc as UpdateDoc).status).toBe('draft');
    // All or nothing: the other change of the refused mutation did not apply either.
    expect(await alice.current(other.id)).toBeUndefined();
    // Seen again, the schedule goes through.
    const again = await bruno.apply([edit(edited, { ...edited, ...SCHEDULED })]);
    expect(again.outcome).toBe('applied');
  });

  it('refuses a schedule when someone else changed the schedule first', async () => {
    await alice.apply([edit(base, { ...base, ...SCHEDULED })]);
    const later = {
      ...base,
      status: 'scheduled' as const,
      schedule: { kind: 'at' as const, at: '2030-01-03T08:00:00.000Z', mode: 'exact' as const },
    };
    const b = await bruno.apply([edit(base, later)]);
    expect(b.outcome).toBe('refused');
    expect(b.reason).toMatch(/changed this copy's schedule on the hub first/);
  });

  it('sees earlier mutations of the same batch', async () => {
    const step1 = { ...base, text: 'The council meets on Tuesday to vote on the bridge.' };
    const step2 = { ...step1, ...SCHEDULED };
    const res = await alice.push([
      alice.mutation([edit(base, step1)]),
      alice.mutation([edit(step1, step2)]),
    ]);
    expect(res.results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    expect((await alice.current(base.id))?.doc).toMatchObject({
      status: 'scheduled',
      text: step1.text,
    });
  });
});
