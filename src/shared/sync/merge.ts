// Field-level three-way merge of one record: what the editor had (before), what they made of it
// (after), and what the other side holds now (current). The hub merges pushed mutations with it;
// the desk replays its pending mutations over pulled records with it.
import type { ChannelDoc, RecordKind, TextConflict, UpdateDoc } from './protocol';
import { mergeText } from './text-merge';

export type Doc = ChannelDoc | UpdateDoc;

/** Fields a record's editors change independently; the rest (ids, createdAt) never change. */
const UPDATE_FIELDS = [
  'customized',
  'schedule',
  'status',
  'deletedAt',
  'text',
  'attachments',
  'poll',
  'shared',
  'conflict',
  'review',
  'embargoUntil',
  'silent',
  'tags',
] as const;
const CHANNEL_FIELDS = [
  'name',
  'platform',
  'timeZone',
  'language',
  'description',
  'slots',
  'archived',
  'workflow',
] as const;
const SHARED_FIELDS = ['text', 'attachments', 'poll'] as const;
/** Fields whose change is a workflow step: it must not act on a copy that changed meanwhile. */
const WORKFLOW_FIELDS = ['schedule', 'status', 'review'] as const;
const CONTENT_FIELDS = ['customized', 'text', 'attachments', 'poll', 'shared'] as const;

type Bag = Record<string, unknown>;

/** Deep equality of JSON values (records are plain JSON). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameJson(v, bb[i]));
  }
  const ka = Object.keys(a as Bag).filter((k) => (a as Bag)[k] !== undefined);
  const kb = Object.keys(b as Bag).filter((k) => (b as Bag)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Bag)[k], (b as Bag)[k]));
}

export interface UserRef {
  id: string;
  name: string;
}

export interface MergeOptions {
  /** Who made the incoming change (named in a conflict). */
  incomingBy: UserRef;
  /** Who made the current text (named in a conflict). */
  currentBy: UserRef;
  /**
   * When the two texts do not merge: `conflict-copy` keeps the current text and records both in
   * `conflict` (the hub); `incoming` keeps the incoming text (the desk's own pending edit).
   */
  onTextConflict: 'conflict-copy' | 'incoming';
  now: string;
}

export interface MergeResult {
  /** The merged record; null when the change deletes it. */
  doc: Doc | null;
  outcome: 'applied' | 'merged' | 'conflict';
  /** Fields the change set. */
  fields: string[];
  /** Fields where the change replaced a different value written meanwhile, with that value. */
  overwrote: Array<{ field: string; value: unknown }>;
}

function fieldsOf(kind: RecordKind): readonly string[] {
  return kind === 'channel' ? CHANNEL_FIELDS : UPDATE_FIELDS;
}

/** The fields a change (before → after) sets; for a creation, every field it holds. */
export function changedFields(kind: RecordKind, before: Doc | null, after: Doc | null): string[] {
  if (after === null) return before === null ? [] : ['deleted'];
  return fieldsOf(kind).filter((f) =>
    before === null
      ? (after as Bag)[f] !== undefined
      : !sameJson((before as Bag)[f], (after as Bag)[f]),
  );
}

/**
 * Merges the change `before → after` into `current`. `current === null` with `before !== null`
 * (the record is gone) is the caller's to refuse; here it re-creates the record.
 */
export function mergeChange(
  kind: RecordKind,
  before: Doc | null,
  after: Doc | null,
  current: Doc | null,
  opts: MergeOptions,
): MergeResult {
  if (after === null) {
    return {
      doc: null,
      outcome: 'applied',
      fields: changedFields(kind, before, after),
      overwrote: [],
    };
  }
  if (current === null) {
    return {
      doc: after,
      outcome: 'applied',
      fields: changedFields(kind, null, after),
      overwrote: [],
    };
  }
  // A creation meeting a record that exists (sent twice, or imported again): a change from it.
  const base = (before ?? current) as Bag;
  const mine = after as Bag;
  const theirs = current as Bag;
  const out: Bag = { ...theirs };
  const fields: string[] = [];
  const overwrote: MergeResult['overwrote'] = [];
  let outcome: MergeResult['outcome'] = 'applied';
  let conflict: TextConflict | null = null;

  const mergeTextField = (path: 'text' | 'shared.text', b: string, m: string, t: string) => {
    const merged = mergeText(b, m, t);
    if (merged.clean) {
      if (merged.text !== m) outcome = 'merged';
      return merged.text;
    }
    if (opts.onTextConflict === 'incoming') return m;
    outcome = 'conflict';
    if (conflict) {
      // A record holds one conflict: a second text that does not merge takes the incoming text,
      // and the text it replaces goes to `overwrote` (the hub's history) instead of vanishing.
      overwrote.push({ field: path, value: t });
      return m;
    }
    conflict = {
      field: path,
      base: b,
      kept: { text: t, by: opts.currentBy },
      incoming: { text: m, by: opts.incomingBy },
      at: opts.now,
    };
    return t;
  };

  for (const f of fieldsOf(kind)) {
    if (sameJson(base[f], mine[f])) continue;
    fields.push(f);
    if (sameJson(theirs[f], base[f]) || sameJson(theirs[f], mine[f])) {
      out[f] = mine[f];
    } else if (f === 'text') {
      out[f] = mergeTextField('text', String(base[f]), String(mine[f]), String(theirs[f]));
    } else if (f === 'shared' && isBag(base[f]) && isBag(mine[f]) && isBag(theirs[f])) {
      out[f] = mergeShared(base[f], mine[f], theirs[f], overwrote, mergeTextField);
    } else {
      overwrote.push({ field: f, value: theirs[f] });
      out[f] = mine[f];
    }
  }
  if (conflict) {
    // A conflict still waiting to be settled is replaced, never dropped without a trace.
    if (theirs.conflict) overwrote.push({ field: 'conflict', value: theirs.conflict });
    out.conflict = conflict;
  }
  if (typeof mine.updatedAt === 'string' && typeof theirs.updatedAt === 'string') {
    // Compared as instants: "10:00+02:00" is earlier than "09:00Z", though it sorts later.
    out.updatedAt =
      Date.parse(mine.updatedAt) > Date.parse(theirs.updatedAt) ? mine.updatedAt : theirs.updatedAt;
  }
  return { doc: out as unknown as Doc, outcome, fields, overwrote };
}

function isBag(v: unknown): v is Bag {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeShared(
  base: Bag,
  mine: Bag,
  theirs: Bag,
  overwrote: MergeResult['overwrote'],
  mergeTextField: (path: 'shared.text', b: string, m: string, t: string) => string,
): Bag {
  const out: Bag = { ...theirs };
  for (const f of SHARED_FIELDS) {
    if (sameJson(base[f], mine[f])) continue;
    if (sameJson(theirs[f], base[f]) || sameJson(theirs[f], mine[f])) out[f] = mine[f];
    else if (f === 'text')
      out[f] = mergeTextField('shared.text', String(base[f]), String(mine[f]), String(theirs[f]));
    else {
      overwrote.push({ field: `shared.${f}`, value: theirs[f] });
      out[f] = mine[f];
    }
  }
  return out;
}

/**
 * A workflow step (scheduling, unscheduling) taken on a copy that changed meanwhile is stale: it
 * returns why, in words, or null when the step may go ahead.
 */
/** A workflow field as the staleness check compares it: a review step's state and note only (the
 * hub stamps who and when itself, so a desk's own step comes back with other values there). */
function workflowValue(field: string, value: unknown): unknown {
  if (field !== 'review' || !isBag(value)) return value ?? null;
  return { state: value.state, note: value.note ?? null };
}

export function staleWorkflowReason(
  kind: RecordKind,
  before: Doc | null,
  after: Doc | null,
  current: Doc | null,
  currentBy: string,
): string | null {
  if (kind !== 'update' || before === null || after === null || current === null) return null;
  const b = before as Bag;
  const a = after as Bag;
  const c = current as Bag;
  const same = (f: (typeof WORKFLOW_FIELDS)[number], x: Bag, y: Bag) =>
    sameJson(workflowValue(f, x[f]), workflowValue(f, y[f]));
  if (WORKFLOW_FIELDS.every((f) => same(f, b, a))) return null;
  const raced = WORKFLOW_FIELDS.filter((f) => !same(f, c, b) && !same(f, c, a));
  if (raced.includes('review')) {
    return `${currentBy} took a review step on this copy on the hub first; look at it again.`;
  }
  if (raced.length > 0) {
    return `${currentBy} changed this copy's schedule on the hub first; look at it again before scheduling it.`;
  }
  if (CONTENT_FIELDS.some((f) => !sameJson(c[f], b[f]))) {
    return `${currentBy} changed this copy's content on the hub after you last saw it; read it again, then schedule it again.`;
  }
  return null;
}
