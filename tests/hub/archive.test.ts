// The permanent archive on a real hub: every copy carries the member who created it (stamped by
// the hub, never by a desk), and GET /v1/updates/:id/published gives exactly what the platform
// was sent — the post, each correction, the withdrawal — to whoever reads the copy's channel.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublishedVersions } from '../../src/shared/archive/protocol';
import { mergeChange } from '../../src/shared/sync/merge';
import type { UpdateDoc } from '../../src/shared/sync/protocol';
import {
  WEBHOOK_SECRET,
  addPlatformChannel,
  hubDoc,
  pushCreate,
  pushEdit,
  scheduledDoc,
} from '../publish/publish-support';
import type { WebhookReceiver } from '../publish/webhook-receiver';
import { startWebhookReceiver } from '../publish/webhook-receiver';
import { TestDesk, create, edit, updateDoc } from './sync-fixtures';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { createTestHub, seedTeam } from './test-hub';

const ANNA = { id: 'someone-else', name: 'Not the author' };

describe('the merge keeps the hub’s author', () => {
  it('whatever the incoming change says', () => {
    const base = updateDoc('chan-000001', { author: { id: 'u1', name: 'Olga' } });
    const mine = { ...base, text: 'new text', author: ANNA };
    const merged = mergeChange('update', base, mine, base, {
      incomingBy: ANNA,
      currentBy: ANNA,
      onTextConflict: 'conflict-copy',
      now: base.updatedAt,
    });
    expect((merged.doc as UpdateDoc).author).toEqual({ id: 'u1', name: 'Olga' });
    expect((merged.doc as UpdateDoc).text).toBe('new text');
    expect(merged.fields).not.toContain('author');
  });
});

describe.each(DB_KINDS)('archive on the hub (%s)', (kind) => {
  let t: TestHub;
  let team: Team;
  let receiver: WebhookReceiver;
  let channelId: string;
  let desk: TestDesk;

  beforeEach(async () => {
    t = await createTestHub(kind, { publishing: { run: false } });
    team = await seedTeam(t);
    receiver = await startWebhookReceiver(WEBHOOK_SECRET);
    channelId = await addPlatformChannel(t, team.members.owner.token, 'webhook');
    const saved = await t.api('PUT', `/v1/channels/${channelId}/connector`, {
      token: team.members.owner.token,
      body: { config: { url: receiver.url }, secret: WEBHOOK_SECRET },
    });
    expect(saved.status, saved.raw.body).toBe(200);
    desk = new TestDesk(t, team.members.editor.token);
    await desk.register();
  });
  afterEach(async () => {
    await t.close();
    await receiver.close();
  });

  const runOnce = () => t.hub.scheduler.runOnce();
  const published = async (updateId: string, token = team.members.owner.token) =>
    t.api('GET', `/v1/updates/${updateId}/published`, { token });
  const editorRef = () => ({
    id: team.members.editor.userId,
    name: `editor ${team.members.editor.email}`,
  });

  it('stamps the creating member as author, and no desk can set or change it', async () => {
    // A desk that sends an author on creation is overruled: the hub knows who pushed.
    const doc = updateDoc(channelId, { author: ANNA });
    await pushCreate(desk, doc);
    const pulled = await hubDoc(desk, doc.id);
    expect(pulled.author).toEqual(editorRef());

    // An edit that alters the author (or drops it) changes the text only.
    await pushEdit(desk, pulled, { ...pulled, text: 'Edited once.', author: ANNA });
    const once = await hubDoc(desk, doc.id);
    expect(once.text).toBe('Edited once.');
    expect(once.author).toEqual(editorRef());
    const withoutAuthor = { ...once };
    delete withoutAuthor.author;
    const owner = new TestDesk(t, team.members.owner.token);
    await owner.register();
    const result = await owner.apply([edit(once, { ...withoutAuthor, text: 'Edited twice.' })]);
    expect(result.outcome).toBe('applied');
    const twice = await hubDoc(desk, doc.id);
    expect(twice.text).toBe('Edited twice.');
    expect(twice.author).toEqual(editorRef());
  });

  it('stamps the importing member as author of imported copies', async () => {
    const doc = updateDoc(channelId, { author: ANNA });
    const res = await t.api('POST', '/v1/sync/import', {
      token: team.members.contributor.token,
      body: { records: [{ kind: 'update', doc }] },
    });
    expect(res.status, res.raw.body).toBe(200);
    expect((await hubDoc(desk, doc.id)).author).toEqual({
      id: team.members.contributor.userId,
      name: `contributor ${team.members.contributor.email}`,
    });
  });

  it('lists the post, each correction and the withdrawal, oldest first, as sent', async () => {
    const doc = scheduledDoc(t, channelId, 0, {
      text: 'The bridge opens at noon.',
      poll: {
        question: 'Will you cross it?',
        options: ['Yes', 'No'],
        multipleAnswers: false,
        quizCorrectOption: null,
      },
    });
    await pushCreate(desk, doc);
    // Nothing sent yet: nothing to show.
    expect((await published(doc.id)).json).toEqual({ versions: [] });
    expect(await runOnce()).toBe(1);
    const postedAt = new Date(t.clock.ms).toISOString();

    t.clock.advance(60_000);
    const first = await hubDoc(desk, doc.id);
    await pushEdit(desk, first, { ...first, text: 'The bridge opens at 13:00.' });
    expect(await runOnce()).toBe(1);
    const editedAt = new Date(t.clock.ms).toISOString();

    // A correction the platform refused never reached it: it is not a published version.
    t.clock.advance(60_000);
    receiver.setMode({ kind: 'status', status: 410, body: 'endpoint retired' });
    const second = await hubDoc(desk, doc.id);
    await pushEdit(desk, second, { ...second, text: 'The bridge opens at 14:00.' });
    await runOnce();

    const res = await published(doc.id);
    expect(res.status, res.raw.body).toBe(200);
    const by = editorRef();
    const poll = doc.poll;
    expect(res.json).toEqual({
      versions: [
        { kind: 'post', sentAt: postedAt, text: 'The bridge opens at noon.', poll, by },
        { kind: 'edit', sentAt: editedAt, text: 'The bridge opens at 13:00.', poll, by },
      ],
    } satisfies PublishedVersions);

    receiver.setMode({ kind: 'accept' });
    t.clock.advance(60_000);
    const withdraw = await t.api('POST', `/v1/updates/${doc.id}/withdraw`, {
      token: team.members.owner.token,
      body: {},
    });
    expect(withdraw.status, withdraw.raw.body).toBe(200);
    await runOnce();
    const versions = ((await published(doc.id)).json as PublishedVersions).versions;
    expect(versions.map((v) => [v.kind, v.text])).toEqual([
      ['post', 'The bridge opens at noon.'],
      ['edit', 'The bridge opens at 13:00.'],
      ['withdrawn', 'The bridge opens at 13:00.'],
    ]);
    expect(versions[2]?.by?.id).toBe(team.members.owner.userId);
  });

  it('answers every member of the workspace, and nobody else', async () => {
    const doc = scheduledDoc(t, channelId, 0, { text: 'Seen by all members.' });
    await desk.apply([create(doc)], 'createUpdate');
    await runOnce();
    for (const role of ['owner', 'admin', 'editor', 'contributor'] as const) {
      const res = await published(doc.id, team.members[role].token);
      expect(res.status, `${role}: ${res.raw.body}`).toBe(200);
      expect((res.json as PublishedVersions).versions).toHaveLength(1);
    }
    // Another workspace does not learn that the copy exists; without a session, no answer.
    const foreign = await published(doc.id, team.other.owner.token);
    expect(foreign.status).toBe(404);
    expect((await t.api('GET', `/v1/updates/${doc.id}/published`)).status).toBe(401);
    expect((await published('no-such-copy')).status).toBe(404);
  });
});
