// Members: invites, roles, removal and channel roles, through the API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/hub/auth/tokens';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { PASSWORD, addChannel, addMember, createTestHub, seedTeam } from './test-hub';

interface MemberJson {
  userId: string;
  email: string;
  role: string;
  status: string;
  channelRoles: Array<{ channelId: string; role: string }>;
}

describe.each(DB_KINDS)('members on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let ownerToken: string;
  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    ownerToken = team.members.owner.token;
  });
  afterEach(() => t.close());

  const members = async (token = ownerToken) =>
    ((await t.api('GET', '/v1/members', { token })).json as { members: MemberJson[] }).members;

  it('invites a new person, who redeems the invite once to choose a password', async () => {
    const res = await t.api('POST', '/v1/members', {
      token: ownerToken,
      body: { email: 'New.Reporter@Example.org', displayName: 'Nora', role: 'contributor' },
    });
    expect(res.status).toBe(201);
    const { member, invite } = res.json as { member: MemberJson; invite: { token: string } };
    expect(member).toMatchObject({
      email: 'new.reporter@example.org',
      role: 'contributor',
      status: 'invited',
    });
    const stored = await t.hub.ctx.db.query('SELECT 1 FROM invite_tokens WHERE token_hash = $1', [
      hashToken(invite.token),
    ]);
    expect(stored.rowCount).toBe(1);
    // Not signed in yet: an invited account has no password to guess.
    const early = await t.api('POST', '/v1/auth/sign-in', {
      body: { email: 'new.reporter@example.org', password: PASSWORD },
    });
    expect(early.status).toBe(401);

    const accepted = await t.api('POST', '/v1/invites/accept', {
      body: { token: invite.token, password: PASSWORD, displayName: 'Nora N.' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ role: 'contributor', user: { displayName: 'Nora N.' } });
    const again = await t.api('POST', '/v1/invites/accept', {
      body: { token: invite.token, password: PASSWORD },
    });
    expect(again.status).toBe(401);
    const listed = (await members()).find((m) => m.userId === member.userId);
    expect(listed?.status).toBe('active');
    const signedIn = await t.api('POST', '/v1/auth/sign-in', {
      body: { email: 'new.reporter@example.org', password: PASSWORD },
    });
    expect(signedIn.status).toBe(200);
  });

  it('replaces an invite with a fresh one, and expires invites after 7 days', async () => {
    const res = await t.api('POST', '/v1/members', {
      token: ownerToken,
      body: { email: 'late@example.org', displayName: 'Late', role: 'editor' },
    });
    const { member, invite } = res.json as { member: MemberJson; invite: { token: string } };
    const fresh = await t.api('POST', `/v1/members/${member.userId}/invite`, { token: ownerToken });
    expect(fresh.status).toBe(201);
    const freshToken = (fresh.json as { invite: { token: string } }).invite.token;
    expect(
      (
        await t.api('POST', '/v1/invites/accept', {
          body: { token: invite.token, password: PASSWORD },
        })
      ).status,
    ).toBe(401);
    t.clock.advance(8 * 24 * 60 * 60 * 1000);
    expect(
      (
        await t.api('POST', '/v1/invites/accept', {
          body: { token: freshToken, password: PASSWORD },
        })
      ).status,
    ).toBe(401);
    const active = await t.api('POST', `/v1/members/${team.members.editor.userId}/invite`, {
      token: ownerToken,
    });
    expect(active.status).toBe(409);
  });

  it('refuses a second membership for the same email', async () => {
    const res = await t.api('POST', '/v1/members', {
      token: ownerToken,
      body: { email: 'EDITOR@example.org', displayName: 'Again', role: 'editor' },
    });
    expect(res.status).toBe(409);
  });

  it('adds someone with an account elsewhere on the hub without an invite; they choose a workspace', async () => {
    const res = await t.api('POST', '/v1/members', {
      token: ownerToken,
      body: { email: team.other.owner.email, displayName: 'Rita', role: 'editor' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ invite: null, member: { status: 'active' } });
    const ambiguous = await t.api('POST', '/v1/auth/sign-in', {
      body: { email: team.other.owner.email, password: PASSWORD },
    });
    expect(ambiguous.status).toBe(409);
    const here = await t.api('POST', '/v1/auth/sign-in', {
      body: { email: team.other.owner.email, password: PASSWORD, workspaceId: team.workspaceId },
    });
    expect(here.json).toMatchObject({ role: 'editor', workspace: { id: team.workspaceId } });
    const there = await t.api('POST', '/v1/auth/sign-in', {
      body: {
        email: team.other.owner.email,
        password: PASSWORD,
        workspaceId: team.other.workspaceId,
      },
    });
    expect(there.json).toMatchObject({ role: 'owner', workspace: { id: team.other.workspaceId } });
  });

  it('lets admins manage everyone but owners, and only owners grant ownership', async () => {
    const admin = team.members.admin.token;
    const editorId = team.members.editor.userId;
    const ownerId = team.members.owner.userId;
    expect(
      (await t.api('PATCH', `/v1/members/${editorId}`, { token: admin, body: { role: 'admin' } }))
        .status,
    ).toBe(200);
    expect(
      (await t.api('PATCH', `/v1/members/${editorId}`, { token: admin, body: { role: 'owner' } }))
        .status,
    ).toBe(403);
    expect(
      (await t.api('PATCH', `/v1/members/${ownerId}`, { token: admin, body: { role: 'editor' } }))
        .status,
    ).toBe(403);
    expect((await t.api('DELETE', `/v1/members/${ownerId}`, { token: admin })).status).toBe(403);
    const invitesOwner = await t.api('POST', '/v1/members', {
      token: admin,
      body: { email: 'boss@example.org', displayName: 'Boss', role: 'owner' },
    });
    expect(invitesOwner.status).toBe(403);
    const promoted = await t.api('PATCH', `/v1/members/${editorId}`, {
      token: ownerToken,
      body: { role: 'owner' },
    });
    expect(promoted.json).toMatchObject({ role: 'owner' });
  });

  it('always keeps one owner', async () => {
    const ownerId = team.members.owner.userId;
    const demote = await t.api('PATCH', `/v1/members/${ownerId}`, {
      token: ownerToken,
      body: { role: 'admin' },
    });
    expect(demote.status).toBe(409);
    expect((await t.api('DELETE', `/v1/members/${ownerId}`, { token: ownerToken })).status).toBe(
      409,
    );
    await t.api('PATCH', `/v1/members/${team.members.admin.userId}`, {
      token: ownerToken,
      body: { role: 'owner' },
    });
    expect(
      (
        await t.api('PATCH', `/v1/members/${ownerId}`, {
          token: ownerToken,
          body: { role: 'admin' },
        })
      ).status,
    ).toBe(200);
  });

  it('removes a member: their sessions end and the email can be invited again', async () => {
    const { userId, token, email } = team.members.contributor;
    expect((await t.api('DELETE', `/v1/members/${userId}`, { token: ownerToken })).status).toBe(
      204,
    );
    expect((await t.api('GET', '/v1/me', { token })).status).toBe(401);
    expect((await members()).map((m) => m.userId)).not.toContain(userId);
    const users = await t.hub.ctx.db.query('SELECT 1 FROM users WHERE id = $1', [userId]);
    expect(users.rowCount).toBe(0);
    const back = await addMember(t, ownerToken, 'editor', email);
    expect(back.userId).not.toBe(userId);
  });

  it('does not reach members of another workspace', async () => {
    const foreign = team.other.owner.userId;
    expect(
      (
        await t.api('PATCH', `/v1/members/${foreign}`, {
          token: ownerToken,
          body: { role: 'editor' },
        })
      ).status,
    ).toBe(404);
    expect((await t.api('DELETE', `/v1/members/${foreign}`, { token: ownerToken })).status).toBe(
      404,
    );
    expect((await members()).map((m) => m.email)).not.toContain(team.other.owner.email);
  });

  it('gives and takes away a role on one channel', async () => {
    const sport = await addChannel(t, ownerToken, 'Sport');
    const politics = await addChannel(t, ownerToken, 'Politics');
    const { userId, token } = team.members.contributor;
    const put = await t.api('PUT', `/v1/channels/${sport}/roles/${userId}`, {
      token: ownerToken,
      body: { role: 'editor' },
    });
    expect(put.status).toBe(204);
    const onSport = await t.api('GET', `/v1/channels/${sport}/permissions`, { token });
    expect(onSport.json).toMatchObject({ role: 'editor' });
    expect((onSport.json as { actions: string[] }).actions).toContain('publish');
    const onPolitics = await t.api('GET', `/v1/channels/${politics}/permissions`, { token });
    expect((onPolitics.json as { actions: string[] }).actions).not.toContain('publish');
    const listed = (await members()).find((m) => m.userId === userId);
    expect(listed?.channelRoles).toEqual([{ channelId: sport, role: 'editor' }]);
    const me = await t.api('GET', '/v1/me', { token });
    expect(me.json).toMatchObject({ channelRoles: [{ channelId: sport, role: 'editor' }] });

    expect(
      (await t.api('DELETE', `/v1/channels/${sport}/roles/${userId}`, { token: ownerToken }))
        .status,
    ).toBe(204);
    const after = await t.api('GET', `/v1/channels/${sport}/permissions`, { token });
    expect(after.json).toMatchObject({ role: 'contributor' });
    const foreignChannel = await t.api(
      'PUT',
      `/v1/channels/${team.other.channelId}/roles/${userId}`,
      {
        token: ownerToken,
        body: { role: 'editor' },
      },
    );
    expect(foreignChannel.status).toBe(404);
  });
});
