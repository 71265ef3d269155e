// Applies one pushed mutation to the working set: every change is checked and merged, and either
// all of them apply or none does (a refused mutation carries the hub's records back to the desk).
import type {
  Change,
  ChannelDoc,
  HistoryEntry,
  MutationResult,
  PushedMutation,
  UpdateDoc,
} from '../../shared/sync/protocol';
import type { Doc, MergeResult } from '../../shared/sync/merge';
import { mergeChange, sameJson } from '../../shared/sync/merge';
import { changeRefusal } from './change-rules';
import type { HubRecord } from './records';
import { normalizeChannelDoc, recordKey } from './records';
import type { WorkingSet } from './working-set';
import { stampWorkflow, workflowRefusal } from './workflow-rules';
import { stampAuthor } from './author-stamp';

type Outcome = MergeResult['outcome'];
const RANK: Record<Outcome, number> = { applied: 0, merged: 1, conflict: 2 };
const worse = (a: Outcome, b: Outcome): Outcome => (RANK[b] > RANK[a] ? b : a);
const MAX_OVERWROTE = 64;

/** A record's pending new state inside one mutation, and what the mutation did to it. */
interface Staged {
  record: HubRecord;
  fields: Set<string>;
  overwritten: HistoryEntry['overwritten'];
  outcome: Outcome;
}

function refused(m: PushedMutation, reason: string, set: WorkingSet): MutationResult {
  return {
    seq: m.seq,
    mutationId: m.mutationId,
    outcome: 'refused',
    overwrote: [],
    reason: reason.slice(0, 500),
    version: null,
    current: set.visible(m.changes.map((c) => [c.kind, c.id])),
    duplicate: false,
  };
}

function nextRecord(
  change: Change,
  current: HubRecord | undefined,
  doc: Doc | null,
  set: WorkingSet,
  m: PushedMutation,
  now: Date,
): HubRecord {
  const channelId =
    current?.channelId ?? (change.kind === 'channel' ? change.id : (change.after?.channelId ?? ''));
  const storyId =
    current?.storyId ?? (change.kind === 'update' ? (change.after?.storyId ?? '') : '');
  return {
    kind: change.kind,
    id: change.id,
    workspaceId: set.actor.workspaceId,
    channelId,
    storyId,
    doc,
    version: current?.version ?? 0,
    createdBy: current ? current.createdBy : set.actor.userId,
    updatedBy: set.actor.userId,
    stampMutation: m.name,
    stampedAt: now,
  };
}

/**
 * Applies `m` to `set` (which it updates when the mutation applies) and returns its result.
 * Refusals are answers, not errors: the caller stores them like any other result.
 */
export function applyMutation(set: WorkingSet, m: PushedMutation, now: Date): MutationResult {
  const staged = new Map<string, Staged>();
  const current = (kind: Change['kind'], id: string) =>
    staged.get(recordKey(kind, id))?.record ?? set.get(kind, id);
  const rules = { actor: set.actor, current, nameOf: set.nameOf };
  const incomingBy = set.ref(set.actor.userId);
  let outcome: Outcome = 'applied';

  for (const change of m.changes) {
    if (change.before === null && change.after === null) continue;
    const reason = changeRefusal(change, rules);
    if (reason !== null) return refused(m, reason, set);
    const key = recordKey(change.kind, change.id);
    const before = current(change.kind, change.id);
    const merged = mergeChange(change.kind, change.before, change.after, before?.doc ?? null, {
      incomingBy,
      currentBy: set.ref(before?.updatedBy ?? null),
      onTextConflict: 'conflict-copy',
      now: now.toISOString(),
    });
    let doc =
      change.kind === 'channel' && merged.doc
        ? normalizeChannelDoc(merged.doc as ChannelDoc)
        : merged.doc;
    if (change.kind === 'update' && doc !== null) {
      const from = (before?.doc ?? null) as UpdateDoc | null;
      const channelId = before?.channelId ?? (doc as UpdateDoc).channelId;
      const workflow = workflowRefusal(set.actor, channelId, from, doc as UpdateDoc);
      if (workflow !== null) return refused(m, workflow, set);
      doc = stampWorkflow(set.actor, incomingBy, channelId, from, doc as UpdateDoc, now);
      doc = stampAuthor(incomingBy, from, doc);
    }
    const record = nextRecord(change, before, doc, set, m, now);
    const entry = staged.get(key) ?? {
      record,
      fields: new Set<string>(),
      overwritten: [],
      outcome: 'applied' as Outcome,
    };
    entry.record = record;
    for (const field of merged.fields) entry.fields.add(field);
    if (merged.outcome === 'conflict') entry.fields.add('conflict');
    const by = set.ref(before?.updatedBy ?? null);
    for (const o of merged.overwrote) entry.overwritten.push({ ...o, by });
    entry.outcome = worse(entry.outcome, merged.outcome);
    outcome = worse(outcome, merged.outcome);
    staged.set(key, entry);
  }

  let version: number | null = null;
  const overwrote = new Set<string>();
  for (const entry of staged.values()) {
    const { record } = entry;
    const previous = set.get(record.kind, record.id);
    if (previous && sameJson(previous.doc, record.doc)) continue;
    for (const o of entry.overwritten) overwrote.add(o.field);
    version = set.commit(record, {
      userId: set.actor.userId,
      mutation: m.name,
      outcome: entry.outcome,
      fields: [...entry.fields],
      overwritten: entry.overwritten,
      at: now,
    });
  }
  return {
    seq: m.seq,
    mutationId: m.mutationId,
    outcome,
    overwrote: [...overwrote].slice(0, MAX_OVERWROTE),
    reason: null,
    version,
    current: [],
    duplicate: false,
  };
}
