// Push: a desk's mutations, applied in seq order in ONE transaction per batch. Duplicates get their
// stored answer, a gap stops the batch, and every processed seq is recorded with its result.
import type { Actor } from '../auth/permissions';
import type { Queryable } from '../db/db';
import { HubError, forbidden } from '../http/errors';
import type { HubContext } from '../hub-context';
import type {
  MutationResult,
  PushRequest,
  PushResponse,
  PushedMutation,
} from '../../shared/sync/protocol';
import { mutationResultSchema } from '../../shared/sync/protocol';
import { applyMutation } from './apply-mutation';
import { loadRecords, userNames } from './records';
import { lockCounter } from './versions';
import { WorkingSet } from './working-set';

/** A batch's answer, and the version it brought the workspace to (null: nothing changed). */
export interface PushOutcome {
  response: PushResponse;
  version: number | null;
}

type Step = { kind: 'duplicate'; m: PushedMutation } | { kind: 'apply'; m: PushedMutation };

interface Plan {
  steps: Step[];
  gap: PushResponse['gap'];
}

/** Orders the batch against the client's last seq: which are re-sent, which apply, where a gap is. */
function planBatch(mutations: readonly PushedMutation[], lastSeq: number): Plan {
  const steps: Step[] = [];
  let seq = lastSeq;
  for (const m of mutations) {
    if (m.seq <= seq) {
      steps.push({ kind: 'duplicate', m });
    } else if (m.prevSeq !== seq) {
      return { steps, gap: { seq: m.seq, prevSeq: m.prevSeq } };
    } else {
      steps.push({ kind: 'apply', m });
      seq = m.seq;
    }
  }
  return { steps, gap: null };
}

/** Locks the client's row (two pushes of one desk run one after the other) and returns last_seq. */
async function lockClient(q: Queryable, actor: Actor, clientId: string): Promise<number> {
  const { rows } = await q.query<{ user_id: string; last_seq: number }>(
    'SELECT user_id, last_seq FROM sync_clients WHERE workspace_id = $1 AND client_id = $2 FOR UPDATE',
    [actor.workspaceId, clientId],
  );
  const row = rows[0];
  if (!row) {
    throw new HubError(
      404,
      'not_found',
      `The hub does not know this desk (client ${clientId}). Register it with POST /v1/sync/clients, then push again.`,
    );
  }
  if (row.user_id !== actor.userId) {
    throw forbidden('This client id belongs to another member; a desk registers its own.');
  }
  return row.last_seq;
}

async function storedResults(
  q: Queryable,
  actor: Actor,
  clientId: string,
  seqs: readonly number[],
): Promise<Map<number, MutationResult>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await q.query<{ seq: number; result: unknown }>(
    'SELECT seq, result FROM sync_results WHERE workspace_id = $1 AND client_id = $2 AND seq = ANY($3::bigint[])',
    [actor.workspaceId, clientId, [...new Set(seqs)]],
  );
  return new Map(rows.map((row) => [row.seq, mutationResultSchema.parse(row.result)]));
}

function duplicateResult(m: PushedMutation, stored: MutationResult | undefined): MutationResult {
  if (stored && stored.mutationId === m.mutationId) return { ...stored, duplicate: true };
  const reason = stored
    ? `The hub holds another mutation (${stored.mutationId}) under seq ${m.seq}; this one was not applied.`
    : `The hub has no answer stored for seq ${m.seq} (this desk is past it); it was not applied.`;
  return {
    seq: m.seq,
    mutationId: m.mutationId,
    outcome: 'refused',
    overwrote: [],
    reason,
    version: null,
    current: [],
    duplicate: true,
  };
}

async function loadWorkingSet(
  q: Queryable,
  actor: Actor,
  mutations: readonly PushedMutation[],
  version: number,
): Promise<WorkingSet> {
  const channels: string[] = [];
  const updates: string[] = [];
  for (const m of mutations) {
    for (const c of m.changes) {
      if (c.kind === 'channel') channels.push(c.id);
      else {
        updates.push(c.id);
        for (const doc of [c.before, c.after]) if (doc) channels.push(doc.channelId);
      }
    }
  }
  const records = await loadRecords(q, { channels, updates });
  const people = [...records.values()].flatMap((r) => [r.updatedBy, r.createdBy]);
  const names = await userNames(q, [actor.userId, ...people]);
  return new WorkingSet(actor, records, names, version);
}

async function storeResults(
  q: Queryable,
  actor: Actor,
  clientId: string,
  results: readonly MutationResult[],
  lastSeq: number,
  now: Date,
): Promise<void> {
  if (results.length === 0) return;
  const rows = results.map((r) => ({ seq: r.seq, mutation_id: r.mutationId, result: r }));
  await q.query(
    `INSERT INTO sync_results (workspace_id, client_id, seq, mutation_id, result, stored_at)
     SELECT $1, $2, r.seq, r.mutation_id, r.result, $4
       FROM jsonb_to_recordset($3::jsonb) AS r(seq bigint, mutation_id text, result jsonb)`,
    [actor.workspaceId, clientId, JSON.stringify(rows), now],
  );
  await q.query(
    'UPDATE sync_clients SET last_seq = $3 WHERE workspace_id = $1 AND client_id = $2',
    [actor.workspaceId, clientId, lastSeq],
  );
}

/** Applies a batch of one desk's mutations; announces the new version after COMMIT. */
export async function pushMutations(
  ctx: HubContext,
  actor: Actor,
  request: PushRequest,
): Promise<PushOutcome> {
  const outcome = await ctx.db.tx(async (q): Promise<PushOutcome> => {
    const startVersion = await lockCounter(q, actor.workspaceId);
    let lastSeq = await lockClient(q, actor, request.clientId);
    const now = ctx.now();
    const plan = planBatch(request.mutations, lastSeq);
    const toApply = plan.steps.filter((s) => s.kind === 'apply').map((s) => s.m);
    const stored = await storedResults(
      q,
      actor,
      request.clientId,
      plan.steps.filter((s) => s.kind === 'duplicate' && s.m.seq <= lastSeq).map((s) => s.m.seq),
    );
    const set = await loadWorkingSet(q, actor, toApply, startVersion);
    const results: MutationResult[] = [];
    const fresh: MutationResult[] = [];
    for (const step of plan.steps) {
      if (step.kind === 'duplicate') {
        const earlier = fresh.find((r) => r.seq === step.m.seq) ?? stored.get(step.m.seq);
        results.push(duplicateResult(step.m, earlier));
        continue;
      }
      const result = applyMutation(set, step.m, now);
      fresh.push(result);
      results.push(result);
      lastSeq = step.m.seq;
    }
    await set.flush(q, now);
    await storeResults(q, actor, request.clientId, fresh, lastSeq, now);
    return { response: { lastSeq, results, gap: plan.gap }, version: set.newVersion };
  });
  ctx.events.changed(actor.workspaceId, outcome.version);
  return outcome;
}
