// The review workflow through real desks and a real hub: a contributor submits, an editor asks for
// changes and approves, the hub holds copies on an approval-required channel until then; bad
// steps are refused and change nothing; a correction of a published story reaches every copy.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../src/shared/contract';
import type { Story, Update } from '../../src/shared/domain';
import type { SyncHub, TestDesk } from '../support/sync-harness';
import { deskFor, eventually, startSyncHub } from '../support/sync-harness';

const WORKFLOW = {
  approvalRequired: true,
  quietHours: null,
  loudPerHour: null,
  loudPerDay: null,
  tags: ['mobility'],
};

describe('the review workflow between desks', () => {
  let hub: SyncHub;
  const desks: TestDesk[] = [];

  beforeAll(async () => {
    hub = await startSyncHub('pglite');
  }, 60_000);
  afterAll(() => hub.close());
  afterEach(async () => {
    for (const d of desks.splice(0)) await d.dispose();
  });

  const open = async (role: 'owner' | 'editor' | 'contributor') => {
    const desk = await deskFor(hub, role);
    desks.push(desk);
    return desk;
  };
  const storyOn = (desk: TestDesk, storyId: string) => desk.call('getStory', { storyId });
  const synced = (desk: TestDesk, storyId: string, check: (s: Story) => void) =>
    eventually(async () => {
      await desk.call('syncNow', {});
      const story = await storyOn(desk, storyId);
      // Settled with the hub: nothing of this desk's waiting ('changed' = a colleague's edit).
      for (const c of story.copies as Update[])
        expect(['synced', 'changed']).toContain(c.syncState);
      check(story);
      return story;
    }, 20_000);

  it('goes from submitted to changes requested to approved, each step stamped by the hub', async () => {
    const owner = await open('owner');
    const channel = await owner.call('createChannel', {
      name: 'Roma Mobilità',
      platform: 'whatsapp',
      timeZone: 'Europe/Rome',
      language: 'it',
      workflow: WORKFLOW,
    });
    const contributor = await open('contributor');
    const editor = await open('editor');
    await eventually(async () => {
      await contributor.call('syncNow', {});
      expect((await contributor.call('listChannels', {})).map((c) => c.id)).toContain(channel.id);
    }, 20_000);

    const draft = await contributor.call('createStory', {
      channelIds: [channel.id],
      text: 'Via Nazionale closed for the marathon',
    });
    await contributor.call('submitStory', { storyId: draft.storyId, note: null });
    const submitted = await synced(contributor, draft.storyId, (s) =>
      expect(s.copies[0]!.review?.state).toBe('in_review'),
    );
    expect(submitted.copies[0]!.review!.by.name).toMatch(/contributor/i);

    // A request for changes needs a word; refused before anything is written.
    await expect(async () =>
      editor.call('reviewStory', { storyId: draft.storyId, decision: 'request_changes' }),
    ).rejects.toThrow(/say what should change/);
    await synced(editor, draft.storyId, (s) =>
      expect(s.copies[0]!.review?.state).toBe('in_review'),
    );
    await editor.call('reviewStory', {
      storyId: draft.storyId,
      decision: 'request_changes',
      note: 'Say until when.',
    });
    await synced(contributor, draft.storyId, (s) =>
      expect(s.copies[0]!.review).toMatchObject({
        state: 'changes_requested',
        note: 'Say until when.',
        by: { name: expect.stringMatching(/editor/i) },
      }),
    );

    // A contributor cannot approve: the hub refuses and the desk keeps the refusal in view.
    await contributor.call('editShared', {
      storyId: draft.storyId,
      text: 'Via Nazionale closed for the marathon until 14:00',
    });
    await contributor.call('submitStory', { storyId: draft.storyId, note: null });
    await contributor.call('reviewStory', { storyId: draft.storyId, decision: 'approve' });
    await eventually(async () => {
      await contributor.call('syncNow', {});
      const status = await contributor.call('getSyncStatus', {});
      expect(status.refusals.map((r) => r.reason).join(' ')).toMatch(
        /Only editors and above can approve/,
      );
    }, 20_000);
    // The hub's copy comes back; the refused step stays listed until dismissed.
    await eventually(async () => {
      const s = await storyOn(contributor, draft.storyId);
      expect(s.copies[0]!.review?.state).toBe('in_review');
      expect(s.copies[0]!.syncState).toBe('failed');
    }, 20_000);

    // The editor approves and schedules; a time before the story's embargo is refused at once.
    await synced(editor, draft.storyId, (s) => expect(s.copies[0]!.text).toContain('until 14:00'));
    await editor.call('reviewStory', { storyId: draft.storyId, decision: 'approve' });
    const release = new Date(Date.now() + 3_600_000).toISOString();
    await editor.call('setEmbargo', { storyId: draft.storyId, until: release });
    await expect(
      editor.call('scheduleCopy', { updateId: draft.copies[0]!.id, schedule: { kind: 'now' } }),
    ).rejects.toThrow(/under embargo/);
    await expect(
      editor.call('setEmbargo', {
        storyId: draft.storyId,
        until: new Date(Date.now() - 60_000).toISOString(),
      }),
    ).rejects.toThrow(/in the future/);
    await editor.call('setEmbargo', { storyId: draft.storyId, until: release, release: true });
    const approved = await synced(editor, draft.storyId, (s) =>
      expect(s.copies[0]!.review?.state).toBe('approved'),
    );
    expect(approved.copies[0]).toMatchObject({
      status: 'scheduled',
      schedule: { kind: 'at', at: release },
      embargoUntil: release,
    });
  }, 120_000);

  it('corrects a published story on every copy, under the label of the channel’s language', async () => {
    const owner = await open('owner');
    const channel = await owner.call('createChannel', {
      name: 'Roma WhatsApp',
      platform: 'whatsapp',
      timeZone: 'Europe/Rome',
      language: 'it',
    });
    const story = await owner.call('createStory', {
      channelIds: [channel.id],
      text: 'Metro C opens on Sunday',
    });
    const copyId = story.copies[0]!.id;
    await expect(
      owner.call('correctStory', { storyId: story.storyId, text: 'Too early' }),
    ).rejects.toBeInstanceOf(DeskError);
    await owner.call('scheduleCopy', { updateId: copyId, schedule: { kind: 'now' } });
    await eventually(async () => {
      await owner.call('syncNow', {});
      expect((await storyOn(owner, story.storyId)).copies[0]!.delivery?.state).toBe('due');
    }, 20_000);
    await owner.call('confirmPublication', { updateId: copyId });
    await eventually(async () => {
      await owner.call('syncNow', {});
      expect((await storyOn(owner, story.storyId)).copies[0]!.delivery?.state).toBe('published');
    }, 20_000);

    const report = await owner.call('correctStory', {
      storyId: story.storyId,
      text: 'Metro C opens on Monday',
    });
    expect(report.corrected).toEqual([copyId]);
    expect(report.story.shared.text).toBe('Metro C opens on Monday');
    expect(report.story.copies[0]!.text).toBe('**Rettifica:** Metro C opens on Monday');
    await eventually(async () => {
      await owner.call('syncNow', {});
      expect((await storyOn(owner, story.storyId)).copies[0]!.delivery).toMatchObject({
        state: 'published',
        task: 'edit',
      });
    }, 20_000);
    const history = await owner.call('getHistory', { kind: 'update', id: copyId });
    expect(history.map((h) => h.mutation)).toContain('correctStory');
  }, 120_000);
});
