// Every workspace role × every action × own channel (with each channel role, or none) and another
// workspace's channel, asserted on the hub's HTTP API and on can(); the workflow steps (submit,
// approve, ask for changes, withdraw an approval, lift an embargo) from each review state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, ChannelRole, WorkspaceRole } from '../../src/hub/auth/permissions';
import { ACTIONS, CHANNEL_ROLES, WORKSPACE_ROLES, can } from '../../src/hub/auth/permissions';
import { DB_KINDS } from './test-db';
import type { SeededMember, Team, TestHub } from './test-hub';
import { addChannel, addMember, createTestHub, seedTeam } from './test-hub';
import type {
  Change,
  ChannelDoc,
  MutationResult,
  Review,
  UpdateDoc,
} from '../../src/shared/sync/protocol';
import { TestDesk, channelDoc, create as creation, updateDoc } from './sync-fixtures';

// The policy as the product states it, independent of the code's tables.
const LEVEL: Record<WorkspaceRole, number> = { contributor: 1, editor: 2, admin: 3, owner: 4 };
const NEEDS: Record<Action, WorkspaceRole> = {
  manage_workspace: 'owner',
  manage_members: 'admin',
  manage_channels: 'admin',
  create_draft: 'contributor',
  edit_own_draft: 'contributor',
  edit_any_draft: 'editor',
  submit: 'contributor',
  approve: 'editor',
  schedule: 'editor',
  publish: 'editor',
};
const ABOUT_WORKSPACE: ReadonlySet<Action> = new Set(['manage_workspace', 'manage_members']);

type ChannelContext = 'no channel role' | `channel ${ChannelRole}` | 'other workspace';
const CONTEXTS: readonly ChannelContext[] = [
  'no channel role',
  ...CHANNEL_ROLES.map((role) => `channel ${role}` as const),
  'other workspace',
];

function channelRoleOf(context: ChannelContext): ChannelRole | null {
  return context.startsWith('channel ') ? (context.slice(8) as ChannelRole) : null;
}

function expectedRole(role: WorkspaceRole, context: ChannelContext): WorkspaceRole | null {
  if (context === 'other workspace') return null;
  const extra = channelRoleOf(context);
  return extra && LEVEL[extra] > LEVEL[role] ? extra : role;
}

function expectedAllowed(role: WorkspaceRole, action: Action, context: ChannelContext): boolean {
  const effective = ABOUT_WORKSPACE.has(action) ? role : expectedRole(role, context);
  if (context === 'other workspace' || effective === null) return false;
  return LEVEL[effective] >= LEVEL[NEEDS[action]];
}

// What a desk claims about a review step; the hub replaces both.
const STAMP_BY = { id: 'claimed', name: 'Claimed' };
const STAMP_AT = '2000-01-01T00:00:00.000Z';

const statusFor = (allowed: boolean, yes: number) => (allowed ? yes : 403);

describe.each(DB_KINDS)('authorisation matrix on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let target: SeededMember;
  const channelOf = {} as Record<ChannelContext, string>;
  const as = (role: WorkspaceRole) => team.members[role].token;
  let emailCounter = 0;

  beforeAll(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    const owner = as('owner');
    target = await addMember(t, owner, 'contributor', 'target@example.org');
    channelOf['no channel role'] = await addChannel(t, owner, 'Plain');
    for (const channelRole of CHANNEL_ROLES) {
      const channelId = await addChannel(t, owner, `Channel ${channelRole}`);
      channelOf[`channel ${channelRole}`] = channelId;
      for (const role of WORKSPACE_ROLES) {
        const res = await t.api(
          'PUT',
          `/v1/channels/${channelId}/roles/${team.members[role].userId}`,
          {
            token: owner,
            body: { role: channelRole },
          },
        );
        expect(res.status).toBe(204);
      }
    }
    channelOf['other workspace'] = team.other.channelId;
    for (const role of WORKSPACE_ROLES) {
      desks[role] = new TestDesk(t, as(role));
      await desks[role].register();
    }
    targetDesk = new TestDesk(t, target.token);
    rivalDesk = new TestDesk(t, team.other.owner.token);
    await targetDesk.register();
    await rivalDesk.register();
  });
  afterAll(() => t.close());

  // ---- sync: the same rules, applied to pushed changes
  const desks = {} as Record<WorkspaceRole, TestDesk>;
  let targetDesk: TestDesk;
  let rivalDesk: TestDesk;

  /** Pushes one mutation and tells whether it applied (anything else must be a refusal). */
  async function applies(desk: TestDesk, changes: Change[]): Promise<boolean> {
    const result: MutationResult = await desk.apply(changes);
    expect(['applied', 'refused']).toContain(result.outcome);
    return result.outcome === 'applied';
  }

  /** The channel as a sync doc, read by someone who may see it. */
  async function channelDocOf(context: ChannelContext): Promise<ChannelDoc> {
    const token = context === 'other workspace' ? team.other.owner.token : as('owner');
    const res = await t.api('GET', `/v1/channels/${channelOf[context]}`, { token });
    const { id, name, platform, timeZone, language, description, slots, archived } =
      res.json as ChannelDoc;
    const { createdAt, updatedAt } = res.json as ChannelDoc;
    const doc: ChannelDoc = {
      id,
      name,
      platform,
      timeZone,
      language,
      description,
      slots,
      archived,
      createdAt,
      updatedAt,
    };
    return doc;
  }

  for (const role of WORKSPACE_ROLES) {
    for (const context of CONTEXTS) {
      it(`${role} / ${context}: the hub reports exactly the allowed actions, and can() agrees`, async () => {
        const channelId = channelOf[context];
        const res = await t.api('GET', `/v1/channels/${channelId}/permissions`, {
          token: as(role),
        });
        const actor = {
          userId: team.members[role].userId,
          workspaceId: team.workspaceId,
          role,
          channelRoles: Object.fromEntries(
            CHANNEL_ROLES.map((channelRole) => [channelOf[`channel ${channelRole}`], channelRole]),
          ),
        };
        const channel =
          context === 'other workspace'
            ? { id: channelId, workspaceId: team.other.workspaceId }
            : { id: channelId, workspaceId: team.workspaceId };
        for (const action of ACTIONS) {
          expect(can(actor, action, channel), `can(${role}, ${action}, ${context})`).toBe(
            expectedAllowed(role, action, context),
          );
        }
        if (context === 'other workspace') {
          expect(res.status).toBe(404);
          return;
        }
        expect(res.status).toBe(200);
        const channelActions = ACTIONS.filter((action) => !ABOUT_WORKSPACE.has(action));
        const reported = res.json as { role: string; actions: Action[] };
        expect(reported.role).toBe(expectedRole(role, context));
        for (const action of channelActions) {
          expect(reported.actions.includes(action), `${role} ${action} on ${context}`).toBe(
            expectedAllowed(role, action, context),
          );
        }
      });

      it(`${role} / ${context}: changing the channel's settings (manage_channels)`, async () => {
        const res = await t.api('PATCH', `/v1/channels/${channelOf[context]}`, {
          token: as(role),
          body: { description: `edited by ${role}` },
        });
        const expected =
          context === 'other workspace'
            ? 404
            : statusFor(expectedAllowed(role, 'manage_channels', context), 200);
        expect(res.status).toBe(expected);
      });

      it(`${role} / ${context}: sync pushes of drafts, schedules, others' copies, settings`, async () => {
        const desk = desks[role];
        const channelId = channelOf[context];
        const may = (action: Action) => expectedAllowed(role, action, context);
        expect(await applies(desk, [creation(updateDoc(channelId))]), 'create_draft').toBe(
          may('create_draft'),
        );
        const scheduled = updateDoc(channelId, {
          status: 'scheduled',
          schedule: { kind: 'at', at: '2030-01-02T08:00:00.000Z', mode: 'exact' },
        });
        expect(await applies(desk, [creation(scheduled)]), 'create_draft + schedule').toBe(
          may('create_draft') && may('schedule'),
        );
        const author = context === 'other workspace' ? rivalDesk : targetDesk;
        const theirs = updateDoc(channelId);
        expect(await applies(author, [creation(theirs)])).toBe(true);
        const edited = { ...theirs, text: `edited by ${role}` };
        expect(
          await applies(desk, [{ kind: 'update', id: theirs.id, before: theirs, after: edited }]),
          'edit_any_draft',
        ).toBe(may('edit_any_draft'));
        const channel = await channelDocOf(context);
        const renamed = { ...channel, description: `synced by ${role}` };
        expect(
          await applies(desk, [
            { kind: 'channel', id: channel.id, before: channel, after: renamed },
          ]),
          'manage_channels',
        ).toBe(may('manage_channels'));
      });

      it(`${role} / ${context}: workflow steps — submit, approve, ask for changes, withdraw an approval, embargo`, async () => {
        const desk = desks[role];
        const channelId = channelOf[context];
        const may = (action: Action) => expectedAllowed(role, action, context);
        const foreign = context === 'other workspace';
        const author = foreign ? rivalDesk : targetDesk;
        const approver = foreign ? rivalDesk : desks.owner;
        const step = (
          doc: UpdateDoc,
          state: Review['state'] | null,
          note: string | null = null,
        ) => ({
          ...doc,
          review: state === null ? null : { state, by: STAMP_BY, at: STAMP_AT, note },
        });
        const change = (before: UpdateDoc, after: UpdateDoc): Change => ({
          kind: 'update',
          id: before.id,
          before,
          after,
        });
        /** A copy by `author` in the given review state, as the hub holds it. */
        async function theirs(state: Review['state'] | null, extra: Partial<UpdateDoc> = {}) {
          const doc = updateDoc(channelId, extra);
          expect(await applies(author, [creation(doc)])).toBe(true);
          if (state === null) return doc;
          const submitted = step(doc, 'in_review');
          expect(await applies(author, [change(doc, submitted)])).toBe(true);
          if (state === 'in_review') return (await author.current(doc.id))!.doc as UpdateDoc;
          const inReview = (await author.current(doc.id))!.doc as UpdateDoc;
          expect(await applies(approver, [change(inReview, step(inReview, state, 'why'))])).toBe(
            true,
          );
          return (await author.current(doc.id))!.doc as UpdateDoc;
        }

        const own = updateDoc(channelId);
        const created = await applies(desk, [creation(own)]);
        expect(created, 'create_draft').toBe(may('create_draft'));
        if (created) {
          const submitted = await applies(desk, [change(own, step(own, 'in_review'))]);
          expect(submitted, 'submit own').toBe(may('submit'));
          const mine = (await desk.current(own.id))!.doc as UpdateDoc;
          expect(await applies(desk, [change(mine, step(mine, 'approved'))]), 'approve own').toBe(
            may('approve'),
          );
          const ownHeld = updateDoc(channelId, {
            embargoUntil: new Date(t.clock.ms + 86_400_000).toISOString(),
          });
          expect(await applies(desk, [creation(ownHeld)]), 'embargo own').toBe(true);
          expect(
            await applies(desk, [change(ownHeld, { ...ownHeld, embargoUntil: null })]),
            'lift own embargo',
          ).toBe(may('schedule'));
        }
        const inReview = await theirs('in_review');
        expect(
          await applies(desk, [change(inReview, step(inReview, 'approved'))]),
          'approve: in review → approved',
        ).toBe(may('edit_any_draft') && may('approve'));
        const inReview2 = await theirs('in_review');
        expect(
          await applies(desk, [
            change(inReview2, step(inReview2, 'changes_requested', 'Shorter.')),
          ]),
          'approve: in review → changes requested',
        ).toBe(may('edit_any_draft') && may('approve'));
        expect(
          await applies(desk, [change(inReview2, step(inReview2, 'changes_requested'))]),
          'changes requested without a word',
        ).toBe(false);
        const approved = await theirs('approved');
        expect(
          await applies(desk, [change(approved, step(approved, null))]),
          'withdraw an approval',
        ).toBe(may('edit_any_draft') && may('approve'));
        const asked = await theirs('changes_requested');
        expect(
          await applies(desk, [change(asked, step(asked, 'approved'))]),
          'approve: changes requested → approved',
        ).toBe(may('edit_any_draft') && may('approve'));

        const release = new Date(t.clock.ms + 86_400_000).toISOString();
        const embargoed = await theirs(null, { embargoUntil: release });
        expect(
          await applies(desk, [change(embargoed, { ...embargoed, embargoUntil: null })]),
          'lift an embargo',
        ).toBe(may('edit_any_draft') && may('schedule'));
        const held = await theirs(null, { embargoUntil: release });
        const early = {
          ...held,
          status: 'scheduled' as const,
          schedule: {
            kind: 'at' as const,
            at: new Date(t.clock.ms).toISOString(),
            mode: 'exact' as const,
          },
        };
        expect(await applies(desk, [change(held, early)]), 'schedule before the embargo').toBe(
          false,
        );
      });

      it(`${role} / ${context}: giving a channel role (manage_members)`, async () => {
        const url = `/v1/channels/${channelOf[context]}/roles/${target.userId}`;
        const put = await t.api('PUT', url, { token: as(role), body: { role: 'contributor' } });
        const del = await t.api('DELETE', url, { token: as(role) });
        const expected =
          context === 'other workspace'
            ? 404
            : statusFor(expectedAllowed(role, 'manage_members', context), 204);
        expect(put.status).toBe(expected);
        expect(del.status).toBe(expected);
      });
    }

    it(`${role}: workspace-wide actions through their endpoints`, async () => {
      const token = as(role);
      const rename = await t.api('PATCH', '/v1/workspace', {
        token,
        body: { name: `Renamed by ${role}` },
      });
      expect(rename.status, 'manage_workspace').toBe(
        statusFor(expectedAllowed(role, 'manage_workspace', 'no channel role'), 200),
      );

      const mayManageMembers = expectedAllowed(role, 'manage_members', 'no channel role');
      const invite = await t.api('POST', '/v1/members', {
        token,
        body: {
          email: `matrix${++emailCounter}@example.org`,
          displayName: 'Matrix',
          role: 'contributor',
        },
      });
      expect(invite.status, 'manage_members: invite').toBe(statusFor(mayManageMembers, 201));
      const change = await t.api('PATCH', `/v1/members/${target.userId}`, {
        token,
        body: { role: 'contributor' },
      });
      expect(change.status, 'manage_members: change role').toBe(statusFor(mayManageMembers, 200));

      const create = await t.api('POST', '/v1/channels', {
        token,
        body: { name: `By ${role}`, platform: 'webhook', timeZone: 'UTC', language: 'en' },
      });
      expect(create.status, 'manage_channels: create').toBe(
        statusFor(expectedAllowed(role, 'manage_channels', 'no channel role'), 201),
      );

      const synced = channelDoc({ name: `Synced by ${role}` });
      expect(
        await applies(desks[role], [creation(synced, 'channel')]),
        'manage_channels: create through sync',
      ).toBe(expectedAllowed(role, 'manage_channels', 'no channel role'));

      const me = await t.api('GET', '/v1/me', { token });
      const workspaceActions = ACTIONS.filter((action) =>
        expectedAllowed(role, action, 'no channel role'),
      );
      expect((me.json as { actions: Action[] }).actions).toEqual(workspaceActions);
    });

    it(`${role}: every member may read the workspace, its members and channels`, async () => {
      const token = as(role);
      for (const url of [
        '/v1/me',
        '/v1/workspace',
        '/v1/members',
        '/v1/channels',
        `/v1/channels/${channelOf['no channel role']}`,
      ]) {
        expect((await t.api('GET', url, { token })).status, url).toBe(200);
      }
      expect((await t.api('GET', `/v1/channels/${team.other.channelId}`, { token })).status).toBe(
        404,
      );
      const foreignMember = await t.api('PATCH', `/v1/members/${team.other.owner.userId}`, {
        token,
        body: { role: 'editor' },
      });
      expect(foreignMember.status).toBe(mayManage(role) ? 404 : 403);
    });
  }

  function mayManage(role: WorkspaceRole): boolean {
    return expectedAllowed(role, 'manage_members', 'no channel role');
  }

  it('channel roles never grant workspace-wide powers', async () => {
    // The editor is admin of one channel: still no member management and no new channels.
    const token = as('editor');
    expect(
      (
        await t.api('POST', '/v1/members', {
          token,
          body: { email: 'nope@example.org', displayName: 'Nope', role: 'contributor' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.api('POST', '/v1/channels', {
          token,
          body: { name: 'Nope', platform: 'feed', timeZone: 'UTC', language: 'en' },
        })
      ).status,
    ).toBe(403);
  });
});
