// Keeps the planner's statistics of the synced tables fresh. PGlite has no autovacuum, so after a
// bulk import its planner still thinks the tables are empty and a pull page scans every row after
// the cursor (measured: 73 ms a page instead of 1.2 ms at 100,000 updates). PostgreSQL's
// autovacuum does this on its own, eventually; an extra ANALYZE there is harmless. Publications
// grow with scheduled copies and the publishing worker queries them twice a second. The small
// tables every pull and request joins (users, members, sessions) need statistics too: without
// users' the planner hash-joined each pulled page and sorted it again (EXPLAIN on PGlite: 11.5 ms
// a page of 1,000 small rows, 2.5 ms with them).
import type { Db } from '../db/db';
import type { SyncEvents } from './events';

/** Writes (versions) after which the tables are analysed again: 20 % growth, at least 1,000. */
const MIN_WRITES = 1000;
const GROWTH = 0.2;

export function keepStatisticsFresh(
  db: Db,
  events: SyncEvents,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let analysedAt = 0;
  let highest = 0;
  let running: Promise<void> | null = null;
  const onChanged = ({ version }: { version: number }) => {
    highest = Math.max(highest, version);
    if (running || highest - analysedAt < Math.max(MIN_WRITES, analysedAt * GROWTH)) return;
    const target = highest;
    running = db
      .exec('ANALYZE hub_updates, hub_channels, publications, users, members, sessions')
      .then(() => {
        analysedAt = target;
      }, onError)
      .finally(() => {
        running = null;
      });
  };
  events.on('changed', onChanged);
  return async () => {
    events.off('changed', onChanged);
    await running;
  };
}
