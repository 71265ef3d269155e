// Writes an import's copies all or nothing. The hub takes at most MAX_CHANGES_PER_MUTATION changes
// in one mutation and the sync engine pushes one journal entry as one mutation, so a big import
// cannot be one pushed mutation. Instead it is decided in ONE durable local step: every copy is
// journaled into a staging record (a desk-only shard, never pushed). The copies then move into
// their channels in mutations of at most that many changes, each recording how far it got; if the
// desk stops half-way, opening it finishes the move. So once the staging step is durable the
// whole import happens, and before it nothing does.
import { randomUUID } from 'node:crypto';
import { MAX_CHANGES_PER_MUTATION } from '../../shared/sync/protocol';
import type { EngineContext } from '../engine-context';
import { commitMutation, updatesShard } from '../engine-context';
import type { Effect } from '../store/store-types';
import type { UpdateRecord } from '../update-records';

/** The desk-only shard holding imports decided but not yet moved into their channels. */
export const IMPORT_STAGING_SHARD = 'import-staging';

/** An import decided and durable, waiting (or half-way) to move into its channels. */
interface StagedImport {
  id: string;
  fileName: string;
  records: UpdateRecord[];
}

/** How many chunks of a staged import have moved (a small record next to the staged one). */
interface MoveProgress {
  moved: number;
}

const progressId = (importId: string): string => `${importId}.progress`;
const isStaged = (record: StagedImport | MoveProgress): record is StagedImport =>
  'records' in record;

/** Copies per moving mutation: what one hub mutation may carry. */
const CHUNK = MAX_CHANGES_PER_MUTATION;

const chunksOf = (staged: StagedImport): number => Math.ceil(staged.records.length / CHUNK);

/** Moves the rest of a staged import into its channels, chunk by chunk. */
async function moveStaged(
  ctx: EngineContext,
  staged: StagedImport,
  moved: number,
  onProgress: (written: number) => void,
): Promise<void> {
  const chunks = chunksOf(staged);
  for (let i = moved; i < chunks; i++) {
    const copies = staged.records.slice(i * CHUNK, (i + 1) * CHUNK);
    for (const copy of copies) await ctx.store.ensureShard(updatesShard(copy.channelId));
    const last = i === chunks - 1;
    // The last move drops the staging records: the import is complete.
    const progress: Effect[] = last
      ? [
          { shard: IMPORT_STAGING_SHARD, id: staged.id, record: null },
          { shard: IMPORT_STAGING_SHARD, id: progressId(staged.id), record: null },
        ]
      : [{ shard: IMPORT_STAGING_SHARD, id: progressId(staged.id), record: { moved: i + 1 } }];
    // Only the copies reach the hub: effects on the staging shard are never pushed.
    await commitMutation(
      ctx,
      'importUpdates',
      { importId: staged.id, chunk: i + 1, of: chunks, ids: copies.map((c) => c.id) },
      [
        ...copies.map((copy) => ({
          shard: updatesShard(copy.channelId),
          id: copy.id,
          record: copy,
        })),
        ...progress,
      ],
    );
    onProgress(Math.min(staged.records.length, (i + 1) * CHUNK));
  }
}

/** Writes the copies: the staging step (the import's one durable decision), then the moves. */
export async function applyStaged(
  ctx: EngineContext,
  fileName: string,
  records: UpdateRecord[],
  onProgress: (written: number) => void,
): Promise<void> {
  if (records.length === 0) return;
  const staged: StagedImport = { id: randomUUID(), fileName, records };
  // '@' marks a desk-only step: the sync engine neither pushes nor counts it.
  await commitMutation(
    ctx,
    '@importStaged',
    { importId: staged.id, fileName, rows: records.length },
    [{ shard: IMPORT_STAGING_SHARD, id: staged.id, record: staged }],
  );
  await moveStaged(ctx, staged, 0, onProgress);
}

/** Finishes imports a stopped desk left half-way (called once the store is loaded). */
export async function finishStagedImports(ctx: EngineContext): Promise<number> {
  if (!ctx.store.shardKeys().includes(IMPORT_STAGING_SHARD)) return 0;
  await ctx.store.ensureShard(IMPORT_STAGING_SHARD);
  const all = ctx.store.all<StagedImport | MoveProgress>(IMPORT_STAGING_SHARD);
  const pending = all.filter(isStaged);
  for (const staged of pending) {
    const progress = ctx.store.get<MoveProgress>(IMPORT_STAGING_SHARD, progressId(staged.id));
    await moveStaged(ctx, staged, progress?.moved ?? 0, () => undefined);
  }
  return pending.length;
}
