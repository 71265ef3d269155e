// Concurrent pushes from several desks while another desk pulls: versions are unique and become
// visible in order, so a puller that follows its cursor never skips one.
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushedMutation } from '../../src/shared/sync/protocol';
import { DB_KINDS } from './test-db';
import type { Team, TestHub } from './test-hub';
import { addChannel, createTestHub, seedTeam } from './test-hub';
import { TestDesk, create, updateDoc } from './sync-fixtures';

const BATCHES = 12;
const PER_BATCH = 8;

describe.each(DB_KINDS)('concurrent sync on %s', (kind) => {
  let t: TestHub;
  let team: Team;
  let channelId: string;
  beforeEach(async () => {
    t = await createTestHub(kind);
    team = await seedTeam(t);
    channelId = await addChannel(t, team.members.owner.token, 'News');
  });
  afterEach(() => t.close());

  it('gives every change a unique, commit-ordered version', async () => {
    const writers = [team.members.editor, team.members.admin, team.members.owner].map(
      (m) => new TestDesk(t, m.token),
    );
    for (const desk of writers) await desk.register();
    const created: string[] = [];
    const write = async (desk: TestDesk) => {
      for (let b = 0; b < BATCHES; b++) {
        const batch: PushedMutation[] = [];
        for (let i = 0; i < PER_BATCH; i++) {
          const doc = updateDoc(channelId);
          created.push(doc.id);
          batch.push(desk.mutation([create(doc)]));
        }
        const res = await desk.push(batch);
        expect(res.results.every((r) => r.outcome === 'applied')).toBe(true);
      }
    };
    // A reader follows its cursor while the writers commit; a version made visible before an
    // earlier one would be skipped for good.
    const seen: number[] = [];
    let writing = true;
    const reader = new TestDesk(t, team.members.contributor.token);
    const read = async () => {
      let cursor = 0;
      for (;;) {
        // Decided before the pull, so that the last pull starts after every commit.
        const last = !writing;
        const page = await reader.pull(cursor, 7);
        seen.push(...page.records.map((r) => r.version));
        cursor = page.cursor;
        if (last && !page.hasMore) return;
        // PGlite answers without I/O: without this the reader could starve the writers.
        await yieldToOthers();
      }
    };
    const reading = read();
    await Promise.all(writers.map(write));
    writing = false;
    await reading;
    const total = 1 + BATCHES * PER_BATCH * writers.length;
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const all = await reader.pullAll();
    expect(new Set(all.map((r) => r.id))).toEqual(new Set([channelId, ...created]));
  }, 60_000);
});
