// Import: the records a desk brings when it joins a hub (its solo-mode work). Absent ones are
// created (channels before updates) under the rules of creation; existing ones are left alone.
import type { Actor } from '../auth/permissions';
import type { HubContext } from '../hub-context';
import type { ChannelDoc, UpdateDoc } from '../../shared/sync/protocol';
import type { importRequestSchema } from '../../shared/sync/protocol';
import type { z } from 'zod';
import { changedFields } from '../../shared/sync/merge';
import { changeRefusal } from './change-rules';
import { stampWorkflow, workflowRefusal } from './workflow-rules';
import { stampAuthor } from './author-stamp';
import type { HubRecord } from './records';
import { loadRecords, normalizeChannelDoc, userNames } from './records';
import { lockCounter } from './versions';
import { WorkingSet } from './working-set';

type ImportRequest = z.infer<typeof importRequestSchema>;
type ImportItem = ImportRequest['records'][number];

export interface ImportOutcome {
  created: number;
  existing: number;
  refused: Array<{ id: string; reason: string }>;
  /** The workspace's version after the import; null when it created nothing. */
  version: number | null;
}

/** The name history and stamps give imported records. */
export const IMPORT_MUTATION = 'import';

function newRecord(set: WorkingSet, item: ImportItem, now: Date): HubRecord {
  const doc =
    item.kind === 'channel' ? normalizeChannelDoc(item.doc) : (item.doc satisfies UpdateDoc);
  return {
    kind: item.kind,
    id: item.doc.id,
    workspaceId: set.actor.workspaceId,
    channelId: item.kind === 'channel' ? item.doc.id : item.doc.channelId,
    storyId: item.kind === 'channel' ? '' : item.doc.storyId,
    doc,
    version: 0,
    createdBy: set.actor.userId,
    updatedBy: set.actor.userId,
    stampMutation: IMPORT_MUTATION,
    stampedAt: now,
  };
}

/** Creates the absent records; idempotent (a second import finds them all existing). */
export async function importRecords(
  ctx: HubContext,
  actor: Actor,
  request: ImportRequest,
): Promise<ImportOutcome> {
  // Channels first, so that updates can be on channels of the same import.
  const items = [...request.records].sort(
    (a, b) => Number(a.kind === 'update') - Number(b.kind === 'update'),
  );
  const outcome = await ctx.db.tx(async (q): Promise<ImportOutcome> => {
    const version = await lockCounter(q, actor.workspaceId);
    const now = ctx.now();
    const records = await loadRecords(q, {
      channels: items.map((i) => (i.kind === 'channel' ? i.doc.id : i.doc.channelId)),
      updates: items.filter((i) => i.kind === 'update').map((i) => i.doc.id),
    });
    const names = await userNames(q, [
      actor.userId,
      ...[...records.values()].map((r) => r.updatedBy),
    ]);
    const set = new WorkingSet(actor, records, names, version);
    const rules = { actor, current: set.get.bind(set), nameOf: set.nameOf };
    let created = 0;
    let existing = 0;
    const refused: ImportOutcome['refused'] = [];
    for (const item of items) {
      const current = set.get(item.kind, item.doc.id);
      if (current && current.workspaceId === actor.workspaceId) {
        existing++;
        continue;
      }
      const change = { kind: item.kind, id: item.doc.id, before: null, after: item.doc } as const;
      const reason =
        changeRefusal(change as Parameters<typeof changeRefusal>[0], rules) ??
        (item.kind === 'update'
          ? workflowRefusal(actor, item.doc.channelId, null, item.doc as UpdateDoc)
          : null);
      if (reason !== null) {
        refused.push({ id: item.doc.id, reason });
        continue;
      }
      const stamped =
        item.kind === 'update'
          ? {
              ...item,
              doc: stampAuthor(
                set.ref(actor.userId),
                null,
                stampWorkflow(
                  actor,
                  set.ref(actor.userId),
                  item.doc.channelId,
                  null,
                  item.doc as UpdateDoc,
                  now,
                ),
              ),
            }
          : item;
      set.commit(newRecord(set, stamped, now), {
        userId: actor.userId,
        mutation: IMPORT_MUTATION,
        outcome: 'applied',
        fields: changedFields(item.kind, null, item.doc as ChannelDoc | UpdateDoc),
        overwritten: [],
        at: now,
      });
      created++;
    }
    await set.flush(q, now);
    return { created, existing, refused, version: set.newVersion };
  });
  ctx.events.changed(actor.workspaceId, outcome.version);
  return outcome;
}
