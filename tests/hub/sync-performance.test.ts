// Sync at newsroom scale: 10,000 mutations pushed in batches of 500, and 100,000 updates pulled in
// pages of 5,000. The targets (3 s and 5 s) hold on PostgreSQL; PGlite's times are only reported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS } from '../../src/shared/sync/protocol';
import type { PushedMutation, UpdateDoc } from '../../src/shared/sync/protocol';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { addChannel, createTestHub, seedTeam } from './test-hub';
import { T0, TestDesk, create, edit, newTestId, updateDoc } from './sync-fixtures';

const PUSHED_MUTATIONS = 10_000;
const PUSH_TARGET_MS = 3_000;
const PULLED_UPDATES = 100_000;
const PULL_TARGET_MS = 5_000;

describe.each(DB_KINDS)('sync performance on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let channelId: string;
  beforeEach(async () => {
    // Answers are not re-checked against their schemas here: that is the tests' cost, not the hub's.
    t = await createTestHub(kind, { checkResponses: false });
    team = await seedTeam(t);
    channelId = await addChannel(t, team.members.owner.token, 'News');
  });
  afterEach(() => t.close());

  it(`pushes ${PUSHED_MUTATIONS} mutations in batches of ${MAX_PUSH_MUTATIONS}`, async () => {
    const desk = new TestDesk(t, team.members.editor.token);
    await desk.register();
    // Half create copies, half edit a copy made earlier in the same batch.
    const batches: PushedMutation[][] = [];
    for (let b = 0; b < PUSHED_MUTATIONS / MAX_PUSH_MUTATIONS; b++) {
      const batch: PushedMutation[] = [];
      for (let i = 0; i < MAX_PUSH_MUTATIONS / 2; i++) {
        const doc = updateDoc(channelId);
        batch.push(desk.mutation([create(doc)], 'createUpdate'));
        batch.push(desk.mutation([edit(doc, { ...doc, text: `${doc.text} (${i})` })]));
      }
      batches.push(batch);
    }
    const started = performance.now();
    for (const batch of batches) {
      const res = await desk.push(batch);
      expect(res.results).toHaveLength(MAX_PUSH_MUTATIONS);
    }
    const ms = performance.now() - started;
    console.info(`sync push on ${kind}: ${PUSHED_MUTATIONS} mutations in ${ms.toFixed(0)} ms`);
    const last = await desk.pull(PUSHED_MUTATIONS, 10);
    expect(last.records.map((r) => r.version)).toEqual([PUSHED_MUTATIONS + 1]);
    if (kind === 'postgres') expect(ms).toBeLessThan(PUSH_TARGET_MS);
  }, 120_000);

  it(`pulls ${PULLED_UPDATES} updates in pages of ${MAX_PULL_LIMIT}`, async () => {
    const template: UpdateDoc = updateDoc(channelId, { text: 'x'.repeat(400) });
    // Seeded with SQL: the subject is the pull, not how the rows got there.
    await t.hub.ctx.db.query(
      `INSERT INTO hub_updates (id, workspace_id, channel_id, story_id, doc, version, created_by,
                                updated_by, stamp_mutation, updated_at)
       SELECT 'u' || lpad(n::text, 9, '0'), $1, $2, $3, $4::jsonb || jsonb_build_object('id', 'u' || lpad(n::text, 9, '0')),
              n + 1, $5, $5, 'createUpdate', $6
         FROM generate_series(1, $7::int) AS n`,
      [
        team.workspaceId,
        channelId,
        newTestId(),
        JSON.stringify(template),
        team.members.editor.userId,
        T0,
        PULLED_UPDATES,
      ],
    );
    // What autovacuum does after a bulk load; without statistics the planner sorts every row.
    await t.hub.ctx.db.exec('ANALYZE hub_updates');
    await t.hub.ctx.db.query('UPDATE sync_counters SET version = $2 WHERE workspace_id = $1', [
      team.workspaceId,
      PULLED_UPDATES + 1,
    ]);
    const desk = new TestDesk(t, team.members.contributor.token);
    const started = performance.now();
    let cursor = 0;
    let count = 0;
    for (;;) {
      const page = await desk.pull(cursor, MAX_PULL_LIMIT);
      count += page.records.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const ms = performance.now() - started;
    console.info(`sync pull on ${kind}: ${count} records in ${ms.toFixed(0)} ms`);
    expect(count).toBe(PULLED_UPDATES + 1);
    expect(cursor).toBe(PULLED_UPDATES + 1);
    if (kind === 'postgres') expect(ms).toBeLessThan(PULL_TARGET_MS);
  }, 120_000);
});
