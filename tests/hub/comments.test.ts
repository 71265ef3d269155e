// Review comments on the hub: a story's thread, mentions of members only, another workspace's
// stories out of sight, the length rules, and each member's inbox of mentions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Inbox, StoryComment } from '../../src/shared/workflow/comment-protocol';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { addChannel, createTestHub, seedTeam, tableFingerprint } from './test-hub';
import { TestDesk, create, newTestId, updateDoc } from './sync-fixtures';

describe.each(DB_KINDS)('review comments on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let channelId: string;
  let storyId: string;

  /** Pushes a one-copy story with `text` through the contributor's desk. */
  const story = async (text: string, channel = channelId, token?: string): Promise<string> => {
    const desk = new TestDesk(t, token ?? team.members.contributor.token);
    await desk.register();
    const doc = updateDoc(channel, { text });
    expect((await desk.apply([create(doc)])).outcome).toBe('applied');
    return doc.storyId;
  };
  const comment = (token: string, id: string, body: unknown, mentions: unknown = []) =>
    t.api('POST', `/v1/stories/${id}/comments`, { token, body: { body, mentions } });
  const thread = async (token: string, id: string) => {
    const res = await t.api('GET', `/v1/stories/${id}/comments`, { token });
    expect(res.status, res.raw.body).toBe(200);
    return (res.json as { comments: StoryComment[] }).comments;
  };
  const inbox = async (token: string, query = '') => {
    const res = await t.api('GET', `/v1/inbox${query}`, { token });
    expect(res.status, res.raw.body).toBe(200);
    return res.json as Inbox;
  };

  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    channelId = await addChannel(t, team.members.owner.token, 'News');
    storyId = await story('**Bridge vote** on Monday\nThe council meets at nine.');
  });
  afterEach(() => t.close());

  it('adds comments, trimmed, and lists them oldest first with names', async () => {
    const { editor, contributor } = team.members;
    const first = await comment(contributor.token, storyId, '  Ready for a look?  ', [
      editor.userId,
      editor.userId,
    ]);
    expect(first.status, first.raw.body).toBe(201);
    t.clock.advance(60_000);
    const second = await comment(editor.token, storyId, 'Check the time in line 2.');
    expect(second.status, second.raw.body).toBe(201);

    const comments = await thread(editor.token, storyId);
    expect(comments.map((c) => c.body)).toEqual(['Ready for a look?', 'Check the time in line 2.']);
    expect(comments[0]!.author).toEqual({ id: contributor.userId, name: expect.any(String) });
    // A repeated mention counts once.
    expect(comments[0]!.mentions).toEqual([{ id: editor.userId, name: `editor ${editor.email}` }]);
    expect(Date.parse(comments[1]!.at) - Date.parse(comments[0]!.at)).toBe(60_000);
  });

  it('refuses a mention of someone outside the workspace and writes nothing', async () => {
    const before = await tableFingerprint(t);
    for (const stranger of [team.other.owner.userId, newTestId()]) {
      const res = await comment(team.members.contributor.token, storyId, 'Have a look', [
        team.members.editor.userId,
        stranger,
      ]);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({
        error: {
          code: 'invalid_request',
          message: expect.stringMatching(/only members of this workspace/),
          issues: [{ path: 'body.mentions.1', message: 'not a member of this workspace' }],
        },
      });
    }
    expect(await tableFingerprint(t)).toEqual(before);
    expect(await thread(team.members.editor.token, storyId)).toEqual([]);
  });

  it('enforces the length of a comment: 1 to 4,000 characters after trimming', async () => {
    const token = team.members.contributor.token;
    const before = await tableFingerprint(t);
    for (const body of ['', '   \n\t ', 'x'.repeat(4001), 42]) {
      const res = await comment(token, storyId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.json as { error: { code: string } }).error.code).toBe('invalid_request');
    }
    expect(await tableFingerprint(t)).toEqual(before);
    const longest = ` ${'y'.repeat(4000)} `;
    expect((await comment(token, storyId, longest)).status).toBe(201);
    expect((await thread(token, storyId))[0]!.body).toHaveLength(4000);
  });

  it("treats another workspace's story, and an unknown one, as not found", async () => {
    const rivalStory = await story('Rival scoop', team.other.channelId, team.other.owner.token);
    const before = await tableFingerprint(t);
    for (const id of [rivalStory, newTestId()]) {
      const res = await comment(team.members.owner.token, id, 'Mine now');
      expect(res.status).toBe(404);
      expect((res.json as { error: { code: string } }).error.code).toBe('not_found');
      const list = await t.api('GET', `/v1/stories/${id}/comments`, {
        token: team.members.owner.token,
      });
      expect(list.status).toBe(404);
    }
    // …and the rival sees nothing of ours.
    const ours = await t.api('GET', `/v1/stories/${storyId}/comments`, {
      token: team.other.owner.token,
    });
    expect(ours.status).toBe(404);
    expect(await tableFingerprint(t)).toEqual(before);
  });

  it("shows mentions in the mentioned member's inbox only, newest first, paged", async () => {
    const { editor, admin, contributor, owner } = team.members;
    const other = await story('Second story\nmore');
    const bodies: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      t.clock.advance(1000);
      const body = `Mention number ${i}`;
      bodies.push(body);
      const res = await comment(contributor.token, i % 2 === 0 ? storyId : other, body, [
        editor.userId,
      ]);
      expect(res.status, res.raw.body).toBe(201);
    }
    await comment(contributor.token, storyId, 'For the admin only', [admin.userId]);

    const page1 = await inbox(editor.token, '?limit=3');
    expect(page1.items.map((i) => i.body)).toEqual(bodies.slice(2).reverse());
    expect(page1.items[0]).toMatchObject({
      storyId,
      storyTitle: 'Bridge vote on Monday',
      unread: true,
    });
    expect(page1.items[1]).toMatchObject({ storyId: other, storyTitle: 'Second story' });
    expect(page1.unread).toBe(5);
    expect(page1.nextBefore).toBe(page1.items[2]!.id);
    const page2 = await inbox(editor.token, `?limit=3&before=${page1.nextBefore}`);
    expect(page2.items.map((i) => i.body)).toEqual(bodies.slice(0, 2).reverse());
    expect(page2.nextBefore).toBeNull();

    expect((await inbox(admin.token)).items.map((i) => i.body)).toEqual(['For the admin only']);
    expect((await inbox(owner.token)).items).toEqual([]);
    // The rival's owner cannot page through our comments with one of their ids.
    const peek = await inbox(team.other.owner.token, `?before=${page1.items[0]!.id}`);
    expect(peek.items).toEqual([]);

    const read = await t.api('POST', '/v1/inbox/read', { token: editor.token, body: {} });
    expect(read.status, read.raw.body).toBe(200);
    expect(read.json).toEqual({ unread: 0 });
    const after = await inbox(editor.token);
    expect(after.unread).toBe(0);
    expect(after.items.every((i) => !i.unread)).toBe(true);
    // Marking is per member: the admin's mention is still unread.
    expect((await inbox(admin.token)).unread).toBe(1);
  });

  it('needs a signed-in member', async () => {
    expect((await t.api('GET', `/v1/stories/${storyId}/comments`)).status).toBe(401);
    expect((await t.api('GET', '/v1/inbox')).status).toBe(401);
  });
});
