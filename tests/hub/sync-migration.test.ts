// Migration 2 on a hub that already has channels: they get versions 1…n per workspace, the
// counters continue after them, and a desk pulls them like any other record.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/hub/db/db';
import { migrate } from '../../src/hub/db/migrate';
import { MIGRATIONS } from '../../src/hub/db/migrations';
import { buildHub } from '../../src/hub/server';
import { DB_KINDS, openTestDb } from './test-db';

describe.each(DB_KINDS)('sync migration on %s', (kind) => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
  });

  it('versions the channels that existed before sync', async () => {
    db = await openTestDb(kind, { migrated: false });
    await migrate(db, MIGRATIONS.slice(0, 1));
    const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 9, minutes));
    for (const ws of ['ws-one-000', 'ws-two-000']) {
      await db.query(
        'INSERT INTO workspaces (id, name, created_at, updated_at) VALUES ($1, $1, $2, $2)',
        [ws, at(0)],
      );
    }
    const channels: Array<[string, string, number]> = [
      ['chan-b-one', 'ws-one-000', 2],
      ['chan-a-one', 'ws-one-000', 1],
      ['chan-a-two', 'ws-two-000', 5],
    ];
    for (const [id, ws, minute] of channels) {
      await db.query(
        `INSERT INTO hub_channels (id, workspace_id, name, platform, time_zone, language, created_at, updated_at)
         VALUES ($1, $2, $1, 'feed', 'UTC', 'en', $3, $3)`,
        [id, ws, at(minute)],
      );
    }
    const report = await migrate(db);
    expect(report.applied).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    const { rows } = await db.query<{ id: string; version: number; stamp_mutation: string }>(
      'SELECT id, version, stamp_mutation FROM hub_channels ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 'chan-a-one', version: 1, stamp_mutation: 'createChannel' },
      { id: 'chan-a-two', version: 1, stamp_mutation: 'createChannel' },
      { id: 'chan-b-one', version: 2, stamp_mutation: 'createChannel' },
    ]);
    const counters = await db.query('SELECT workspace_id, version FROM sync_counters ORDER BY 1');
    expect(counters.rows).toEqual([
      { workspace_id: 'ws-one-000', version: 2 },
      { workspace_id: 'ws-two-000', version: 1 },
    ]);
    // The hub starts on it (nothing more to migrate) and can close it.
    const hub = await buildHub(db, { logger: false, maintenanceIntervalMs: null });
    expect(hub.migration.applied).toEqual([]);
    await hub.app.close();
    db = undefined;
  });
});
