// The review workflow and embargo as the hub enforces them on pushed changes: each step by role,
// review steps stamped by the hub, an approval that does not survive someone else's rewrite,
// approval-required channels holding their copies, and no schedule before an embargo ends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceRole } from '../../src/hub/auth/permissions';
import type { MutationResult, Review, UpdateDoc } from '../../src/shared/sync/protocol';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { addChannel, createTestHub, seedTeam } from './test-hub';
import { TestDesk, create, edit, updateDoc } from './sync-fixtures';

const review = (state: Review['state'], note: string | null = null): Review => ({
  state,
  by: { id: 'made-up', name: 'Made Up' },
  at: '2000-01-01T00:00:00.000Z',
  note,
});

describe.each(DB_KINDS)('workflow rules on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let channelId: string;
  const desks = {} as Record<WorkspaceRole, TestDesk>;

  beforeEach(async () => {
    t = await createTestHub(kind, { publishing: { run: false } });
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
  const current = async (id: string) =>
    (await desks.owner.current(id))?.doc as UpdateDoc | undefined;
  const publicationsOf = async (updateId: string) => {
    const { rows } = await t.hub.ctx.db.query<{ state: string; due_at: Date }>(
      "SELECT state, due_at FROM publications WHERE update_id = $1 AND action = 'post'",
      [updateId],
    );
    return rows;
  };

  it('lets a contributor submit, only editors approve or ask for changes, and stamps each step', async () => {
    const draft = updateDoc(channelId, { text: 'Roadworks on Via Roma.' });
    expect((await desks.contributor.apply([create(draft)])).outcome).toBe('applied');
    const submitted = { ...draft, review: review('in_review') };
    expect((await desks.contributor.apply([edit(draft, submitted)])).outcome).toBe('applied');
    const stored = await current(draft.id);
    // The hub writes who took the step and when, whatever the desk claimed.
    expect(stored?.review).toEqual({
      state: 'in_review',
      by: { id: team.members.contributor.userId, name: expect.any(String) },
      at: t.clock.now().toISOString(),
      note: null,
    });

    expectRefused(
      await desks.contributor.apply([edit(stored!, { ...stored!, review: review('approved') })]),
      /Only editors and above can approve/,
    );
    expectRefused(
      await desks.editor.apply([
        edit(stored!, { ...stored!, review: review('changes_requested') }),
      ]),
      /needs a word on what should change/,
    );
    const asked = { ...stored!, review: review('changes_requested', 'Name the street.') };
    expect((await desks.editor.apply([edit(stored!, asked)])).outcome).toBe('applied');
    expect((await current(draft.id))?.review).toMatchObject({
      state: 'changes_requested',
      note: 'Name the street.',
      by: { id: team.members.editor.userId },
    });
  });

  it('sends an approved copy back to review when its author rewrites it, not when an editor does', async () => {
    const draft = updateDoc(channelId, { text: 'Bus 12 diverted.' });
    await desks.contributor.apply([create(draft)]);
    const inReview = { ...draft, review: review('in_review') };
    await desks.contributor.apply([edit(draft, inReview)]);
    const before = (await current(draft.id))!;
    await desks.editor.apply([edit(before, { ...before, review: review('approved') })]);
    const approved = (await current(draft.id))!;
    expect(approved.review?.state).toBe('approved');

    const rewritten = { ...approved, text: 'Bus 12 and 14 diverted.' };
    expect((await desks.contributor.apply([edit(approved, rewritten)])).outcome).toBe('applied');
    expect((await current(draft.id))?.review).toMatchObject({
      state: 'in_review',
      by: { id: team.members.contributor.userId },
    });
    // The contributor cannot keep the approval by sending it back themselves.
    const back = (await current(draft.id))!;
    expectRefused(
      await desks.contributor.apply([edit(back, { ...back, review: approved.review })]),
      /Only editors and above can approve/,
    );

    await desks.editor.apply([edit(back, { ...back, review: review('approved') })]);
    const again = (await current(draft.id))!;
    await desks.editor.apply([edit(again, { ...again, text: 'Bus 12 and 14 diverted today.' })]);
    expect((await current(draft.id))?.review?.state).toBe('approved');
  });

  it('refuses a schedule before the embargo ends to everyone, and lets only editors lift it', async () => {
    const release = new Date(t.clock.ms + 3_600_000).toISOString();
    const held = updateDoc(channelId, { text: 'Budget figures.', embargoUntil: release });
    expect((await desks.contributor.apply([create(held)])).outcome).toBe('applied');
    for (const role of ['owner', 'admin', 'editor'] as const) {
      const now = {
        ...held,
        status: 'scheduled' as const,
        schedule: { kind: 'at' as const, at: t.clock.now().toISOString(), mode: 'exact' as const },
      };
      expectRefused(await desks[role].apply([edit(held, now)]), /under embargo until/);
    }
    expectRefused(
      await desks.contributor.apply([edit(held, { ...held, embargoUntil: null })]),
      /Only editors and above can lift an embargo/,
    );
    const earlier = new Date(t.clock.ms + 60_000).toISOString();
    expectRefused(
      await desks.contributor.apply([edit(held, { ...held, embargoUntil: earlier })]),
      /bring it forward/,
    );
    const later = new Date(t.clock.ms + 7_200_000).toISOString();
    expect(
      (await desks.contributor.apply([edit(held, { ...held, embargoUntil: later })])).outcome,
    ).toBe('applied');
    const moved = (await current(held.id))!;
    const atRelease = {
      ...moved,
      status: 'scheduled' as const,
      schedule: { kind: 'at' as const, at: later, mode: 'exact' as const },
    };
    expect((await desks.editor.apply([edit(moved, atRelease)])).outcome).toBe('applied');
    expect(await publicationsOf(held.id)).toEqual([
      { state: 'scheduled', due_at: new Date(later) },
    ]);
    // Bringing the embargo back over a schedule is refused: it would leave a copy going out early.
    const now = (await current(held.id))!;
    const later2 = new Date(t.clock.ms + 9_000_000).toISOString();
    expectRefused(
      await desks.editor.apply([edit(now, { ...now, embargoUntil: later2 })]),
      /under embargo until/,
    );
  });

  it('holds scheduled copies on an approval-required channel until approved, and not after their slot', async () => {
    const res = await t.api('PATCH', `/v1/channels/${channelId}`, {
      token: team.members.owner.token,
      body: {
        workflow: {
          approvalRequired: true,
          quietHours: null,
          loudPerHour: null,
          loudPerDay: null,
          tags: [],
        },
      },
    });
    expect(res.status, res.raw.body).toBe(200);
    const at = new Date(t.clock.ms + 600_000).toISOString();
    const schedule = { kind: 'at' as const, at, mode: 'exact' as const };
    const copy = updateDoc(channelId, { status: 'scheduled', schedule });
    expect((await desks.editor.apply([create(copy)])).outcome).toBe('applied');
    expect(await publicationsOf(copy.id)).toEqual([]);

    const approved = { ...copy, review: review('approved') };
    expect((await desks.editor.apply([edit(copy, approved)])).outcome).toBe('applied');
    expect(await publicationsOf(copy.id)).toEqual([{ state: 'scheduled', due_at: new Date(at) }]);

    // Another copy approved only after its planned time "missed its slot": nothing is sent.
    const late = updateDoc(channelId, { status: 'scheduled', schedule });
    await desks.editor.apply([create(late)]);
    t.clock.advance(700_000);
    const lateApproved = { ...late, review: review('approved') };
    expect((await desks.editor.apply([edit(late, lateApproved)])).outcome).toBe('applied');
    expect(await publicationsOf(late.id)).toEqual([]);
    // Given a new time after the approval, it goes out.
    const stored = (await current(late.id))!;
    const next = new Date(t.clock.ms + 60_000).toISOString();
    await desks.editor.apply([
      edit(stored, { ...stored, schedule: { kind: 'at', at: next, mode: 'exact' } }),
    ]);
    expect(await publicationsOf(late.id)).toEqual([{ state: 'scheduled', due_at: new Date(next) }]);
  });
});
