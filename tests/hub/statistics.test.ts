// The hub keeps the planner's statistics fresh itself (PGlite has no autovacuum): after a bulk
// load, the synced tables and the small tables every pull and request joins (users, members,
// sessions) are analysed — without users' statistics the pull sorted every page after a hash join.
import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS } from './test-db';
import type { TestHub } from './test-hub';
import { createTestHub, setUpHub } from './test-hub';
import { channelDoc, updateDoc } from './sync-fixtures';
import { eventually } from '../support/sync-harness';

describe.each(DB_KINDS)('planner statistics on %s', (kind) => {
  let t: TestHub;
  afterEach(() => t.close());

  it('are taken after a bulk import, for the synced tables and the ones pulls join', async () => {
    t = await createTestHub(kind, { publishing: { run: false } });
    const owner = await setUpHub(t);
    const channel = channelDoc();
    const records = [{ kind: 'channel', doc: channel }];
    let res = await t.api('POST', '/v1/sync/import', { token: owner.token, body: { records } });
    expect(res.status, res.raw.body).toBe(200);
    for (let batch = 0; batch < 3; batch++) {
      const updates = Array.from({ length: 400 }, () => ({
        kind: 'update',
        doc: updateDoc(channel.id),
      }));
      res = await t.api('POST', '/v1/sync/import', {
        token: owner.token,
        body: { records: updates },
      });
      expect(res.status, res.raw.body).toBe(200);
    }
    const analysed = async () => {
      const { rows } = await t.hub.ctx.db.query<{ relname: string; reltuples: number }>(
        `SELECT relname, reltuples::float8 AS reltuples FROM pg_class
          WHERE relname IN ('hub_updates', 'users', 'members', 'sessions')
            AND relnamespace = to_regnamespace(current_schema())::oid`,
      );
      return Object.fromEntries(rows.map((r) => [r.relname, Number(r.reltuples)]));
    };
    // -1 means "never analysed" (one ANALYZE statement does the tables one after another).
    await eventually(async () => {
      const s = await analysed();
      expect(s.hub_updates).toBeGreaterThanOrEqual(1000);
      expect(s.users).toBeGreaterThanOrEqual(1);
      expect(s.members).toBeGreaterThanOrEqual(1);
      expect(s.sessions).toBeGreaterThanOrEqual(1);
    }, 15_000);
  });
});
