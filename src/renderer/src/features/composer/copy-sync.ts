// Which copies of a story need the editor's eye for sync reasons: texts in conflict, schedules the
// hub does not have yet.
import type { TextConflict, Update } from '../../../../shared/domain';

export interface ConflictTarget {
  copy: Update & { conflict: TextConflict };
  /** The conflict is in the story's shared text (every follower copy holds the same one). */
  shared: boolean;
}

const hasConflict = (c: Update): c is Update & { conflict: TextConflict } =>
  c.conflict !== null && c.conflict !== undefined && c.deletedAt === null;

/**
 * One target per conflict: the shared text's conflict once (it is settled for every copy that
 * follows it), and each customised copy's own.
 */
export function conflictTargets(copies: readonly Update[]): ConflictTarget[] {
  const out: ConflictTarget[] = [];
  let sharedSeen = false;
  for (const copy of copies) {
    if (!hasConflict(copy)) continue;
    const shared = copy.conflict.field === 'shared.text' || !copy.customized;
    if (shared && sharedSeen) continue;
    sharedSeen ||= shared;
    out.push({ copy, shared });
  }
  return out;
}

/**
 * Scheduled copies the hub has not got in their latest form: the hub publishes, so these will not
 * go out until the desk syncs.
 */
export function unsyncedSchedules(copies: readonly Update[]): Update[] {
  return copies.filter(
    (c) =>
      c.deletedAt === null &&
      c.schedule.kind === 'at' &&
      c.syncState !== 'synced' &&
      c.syncState !== 'changed',
  );
}
