// Who may push what: drafts, other people's copies, scheduling, channels, other workspaces' ids
// and malformed changes. A refused mutation applies nothing and says why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceRole } from '../../src/hub/auth/permissions';
import type { MutationResult, UpdateDoc } from '../../src/shared/sync/protocol';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { addChannel, createTestHub, seedTeam } from './test-hub';
import { TestDesk, channelDoc, create, edit, newTestId, updateDoc } from './sync-fixtures';

const SCHEDULED: Partial<UpdateDoc> = {
  status: 'scheduled',
  schedule: { kind: 'at', at: '2030-01-02T08:00:00.000Z', mode: 'queue' },
};

describe.each(DB_KINDS)('sync permissions on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let channelId: string;
  const desks = {} as Record<WorkspaceRole, TestDesk>;

  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    channelId = await addChannel(t, team.members.owner.token, 'News');
    for (const role of ['owner', 'admin', 'editor', 'contributor'] as const) {
      desks[role] = new TestDesk(t, team.members[role].token);
      await desks[role].register();
    }
  });
  afterEach(() => t.close());

  const expectRefused = (result: MutationResult, reason: RegExp) => {
    expect(result.outcome).toBe('refused');
    expect(result.version).toBeNull();
    expect(result.reason).toMatch(reason);
  };

  it('lets a contributor write drafts but not schedule them', async () => {
    const c = desks.contributor;
    expectRefused(
      await c.apply([create(updateDoc(channelId, SCHEDULED))]),
      /Only editors and above can schedule/,
    );
    const draft = updateDoc(channelId);
    expect((await c.apply([create(draft)])).outcome).toBe('applied');
    const own = { ...draft, text: 'My own words.' };
    expect((await c.apply([edit(draft, own)])).outcome).toBe('applied');
    const another = updateDoc(channelId);
    const refused = await c.apply([create(another), edit(own, { ...own, ...SCHEDULED })]);
    expectRefused(refused, /Only editors and above can schedule/);
    expect(refused.current.map((r) => r.id)).toEqual([draft.id]);
    expect(await c.current(another.id)).toBeUndefined();
    expect(((await c.current(draft.id))?.doc as UpdateDoc).status).toBe('draft');
    // An editor schedules it; the contributor may then not delete it (that unschedules it).
    expect((await desks.editor.apply([edit(own, { ...own, ...SCHEDULED })])).outcome).toBe(
      'applied',
    );
    expectRefused(await c.apply([edit({ ...own, ...SCHEDULED }, null)]), /delete a scheduled/);
  });

  it('lets only editors and above change someone else’s copy', async () => {
    const draft = updateDoc(channelId);
    await desks.contributor.apply([create(draft)]);
    const mine = updateDoc(channelId);
    await desks.editor.apply([create(mine)]);
    expectRefused(
      await desks.contributor.apply([edit(mine, { ...mine, text: 'Not mine.' })]),
      /someone else's copy; this one is by editor editor@example\.org/,
    );
    expectRefused(await desks.contributor.apply([edit(mine, null)]), /someone else's copy/);
    const edited = await desks.editor.apply([edit(draft, { ...draft, text: 'Tightened.' })]);
    expect(edited.outcome).toBe('applied');
  });

  it('treats another workspace’s channel and copies as not found', async () => {
    const foreign = updateDoc(team.other.channelId);
    expectRefused(await desks.owner.apply([create(foreign)]), /channel was not found/);
    const rival = new TestDesk(t, team.other.owner.token);
    await rival.register();
    const theirs = updateDoc(team.other.channelId);
    await rival.apply([create(theirs)]);
    const taken = await desks.owner.apply([edit(theirs, { ...theirs, text: 'Hijacked' })]);
    expectRefused(taken, /not found/);
    expect(taken.current).toEqual([]);
    // Reusing its id for a new copy on our own channel is refused too.
    expectRefused(
      await desks.owner.apply([create({ ...updateDoc(channelId), id: theirs.id })]),
      /belongs to another record/,
    );
    expectRefused(
      await desks.owner.apply([
        {
          kind: 'channel',
          id: team.other.channelId,
          before: null,
          after: channelDoc({ id: team.other.channelId }),
        },
      ]),
      /belongs to another record/,
    );
    expect(((await rival.current(theirs.id))?.doc as UpdateDoc).text).toBe(theirs.text);
  });

  it('refuses changes whose ids do not add up or that move a copy', async () => {
    const doc = updateDoc(channelId);
    expectRefused(
      await desks.editor.apply([{ kind: 'update', id: newTestId(), before: null, after: doc }]),
      /id does not match/,
    );
    expectRefused(
      await desks.editor.apply([create(updateDoc('no-such-channel'))]),
      /channel was not found/,
    );
    await desks.editor.apply([create(doc)]);
    const otherChannel = await addChannel(t, team.members.owner.token, 'Other');
    expectRefused(
      await desks.editor.apply([edit(doc, { ...doc, channelId: otherChannel })]),
      /never moves to another channel/,
    );
    expectRefused(
      await desks.editor.apply([edit({ ...updateDoc(channelId), id: newTestId() }, null)]),
      /not on the hub/,
    );
  });

  it('lets admins add and change channels through sync, within the rules', async () => {
    const channel = channelDoc({ createdAt: '2030-01-01T10:00:00+01:00' });
    const create = { kind: 'channel' as const, id: channel.id, before: null, after: channel };
    expectRefused(await desks.editor.apply([create]), /Only owners and admins can add channels/);
    const update = updateDoc(channel.id);
    // A channel and a first copy on it, in one mutation.
    const made = await desks.admin.apply([
      create,
      { kind: 'update', id: update.id, before: null, after: update },
    ]);
    expect(made.outcome).toBe('applied');
    const pulled = await desks.editor.current(channel.id);
    expect(pulled?.doc).toEqual({ ...channel, createdAt: '2030-01-01T09:00:00.000Z' });
    const rename = (after: Partial<typeof channel>) => ({
      kind: 'channel' as const,
      id: channel.id,
      before: channel,
      after: { ...channel, ...after },
    });
    expectRefused(
      await desks.editor.apply([rename({ name: 'Mine' })]),
      /cannot change this channel/,
    );
    expectRefused(
      await desks.admin.apply([rename({ platform: 'feed' })]),
      /platform never changes/,
    );
    expectRefused(await desks.admin.apply([rename({ timeZone: 'Mars/Base' })]), /not a time zone/);
    expectRefused(
      await desks.admin.apply([{ kind: 'channel', id: channel.id, before: channel, after: null }]),
      /archive the channel/,
    );
    // A channel admin (by channel role) may change it.
    const role = await t.api(
      'PUT',
      `/v1/channels/${channel.id}/roles/${team.members.editor.userId}`,
      {
        token: team.members.owner.token,
        body: { role: 'admin' },
      },
    );
    expect(role.status).toBe(204);
    const renamed = await desks.editor.apply([rename({ name: 'Renamed' })]);
    expect(renamed.outcome).toBe('applied');
    const rest = await t.api('GET', `/v1/channels/${channel.id}`, {
      token: team.members.editor.token,
    });
    expect(rest.json).toMatchObject({ name: 'Renamed', timeZone: 'Europe/Rome' });
  });
});
