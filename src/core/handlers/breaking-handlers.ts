// The queue as a whole: share a copy next, reorder the queue, and breaking news (publish now on
// chosen channels; queued copies in the way step aside). Each is one mutation, so the history of
// every copy that moved names what moved it.
import type { CommandArg, MovedCopy } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { Channel, Review } from '../../shared/domain';
import { titleOf } from '../../shared/formatting';
import type { QueueMove } from '../../shared/schedule/queue-shift';
import { clearForBreaking, reorderQueue, shareNext } from '../../shared/schedule/queue-shift';
import { channelWorkflowOf, isEmbargoed } from '../../shared/workflow/copy-rules';
import type { EngineContext } from '../engine-context';
import { commitMutation, requireActiveChannel, updatesShard } from '../engine-context';
import type { Effect } from '../store/store-types';
import type { SyncManager } from '../sync/sync-manager';
import type { UpdateRecord } from '../update-records';
import { sharedContentOf, toStory, toUpdate } from '../update-records';
import { queueOf, queueStateOf, refuseUnfinishedPoll } from './schedule-handlers';
import { newCopy, requireCopy, requireStory } from './story-handlers';

const put = (rec: UpdateRecord): Effect => ({
  shard: updatesShard(rec.channelId),
  id: rec.id,
  record: rec,
});

const isOut = (rec: UpdateRecord): boolean =>
  rec.delivery?.state === 'published' || rec.delivery?.state === 'publishing';

const titled = (rec: UpdateRecord): string => titleOf(rec.text) || 'An untitled update';

function refuseTrashed(rec: UpdateRecord): void {
  if (rec.deletedAt !== null) {
    throw new DeskError('conflict', 'This update is in the trash; restore it first.');
  }
}

function refuseEmbargo(rec: UpdateRecord, now: Date): void {
  if (isEmbargoed(rec, now)) {
    throw new DeskError(
      'conflict',
      `This story is under embargo until ${rec.embargoUntil}: it cannot go out before then.`,
    );
  }
}

function refuseNoSlots(channel: Channel): void {
  if (channel.slots.length > 0) return;
  throw new DeskError(
    'invalid_argument',
    `"${channel.name}" has no posting slots yet: add some in the channel's settings.`,
    [{ path: 'updateId', message: 'the channel has no posting slots' }],
  );
}

/** The queued copies a shift moves, as new records at `at`, and as the report lists them. */
function applyMoves(
  ctx: EngineContext,
  moves: readonly QueueMove[],
  at: string,
): { records: UpdateRecord[]; moved: MovedCopy[] } {
  const records = moves.map((m): UpdateRecord => {
    const rec = requireCopy(ctx, m.id);
    return { ...rec, schedule: { kind: 'at', at: m.to, mode: 'queue' }, updatedAt: at };
  });
  const moved = records.map((rec, i) => ({
    updateId: rec.id,
    channelId: rec.channelId,
    title: titleOf(rec.text),
    from: moves[i]!.from,
    to: moves[i]!.to,
  }));
  return { records, moved };
}

function fullQueue(channel: Channel, stuckTitle: string): DeskError {
  return new DeskError(
    'conflict',
    `Every posting slot of "${channel.name}" in the next year is taken: "${stuckTitle}" has nowhere to go.`,
  );
}

export function breakingHandlers(ctx: EngineContext, sync: SyncManager) {
  const storyView = (storyId: string) =>
    toStory(storyId, ctx.stories.copiesOf(storyId), ctx.syncStateOf);

  return {
    async shareNext({ updateId }: CommandArg<'shareNext'>) {
      const rec = requireCopy(ctx, updateId);
      refuseTrashed(rec);
      const channel = requireActiveChannel(ctx, rec.channelId);
      if (isOut(rec)) throw new DeskError('conflict', 'This copy is already going out.');
      refuseNoSlots(channel);
      refuseUnfinishedPoll(rec);
      const now = ctx.now();
      refuseEmbargo(rec, now);
      const state = queueStateOf(ctx, channel, now, new Set([rec.id]));
      const shift = shareNext(state, rec.id, now.toISOString());
      if (!shift.ok) {
        throw fullQueue(channel, titled(requireCopy(ctx, shift.stuckId)));
      }
      const at = now.toISOString();
      const { records, moved } = applyMoves(ctx, shift.moves, at);
      const next: UpdateRecord = {
        ...rec,
        schedule: { kind: 'at', at: shift.at, mode: 'queue' },
        status: 'scheduled',
        updatedAt: at,
      };
      await commitMutation(
        ctx,
        'shareNext',
        {
          updateId,
          to: shift.at,
          moved: moved.map(({ updateId: id, from, to }) => ({ id, from, to })),
          at,
        },
        [next, ...records].map(put),
      );
      return { update: toUpdate(next, ctx.syncStateOf), moved };
    },

    async reorderQueue({ updateId, toIndex }: CommandArg<'reorderQueue'>) {
      const rec = requireCopy(ctx, updateId);
      refuseTrashed(rec);
      requireActiveChannel(ctx, rec.channelId);
      const now = ctx.now();
      const queue = queueOf(ctx, rec.channelId, now);
      if (!queue.some((r) => r.id === rec.id)) {
        throw new DeskError(
          'conflict',
          'Only a queued update that has not gone out yet can be reordered; this one is not in the queue.',
        );
      }
      if (toIndex >= queue.length) {
        throw new DeskError(
          'invalid_argument',
          `The queue has ${queue.length} update${queue.length === 1 ? '' : 's'}: choose a position from 1 to ${queue.length}.`,
          [{ path: 'toIndex', message: `at most ${queue.length - 1}` }],
        );
      }
      const moves = reorderQueue(
        queue.map((r) => ({ id: r.id, at: (r.schedule as { at: string }).at })),
        rec.id,
        toIndex,
      );
      if (moves.length === 0) return [];
      const at = now.toISOString();
      const { records } = applyMoves(ctx, moves, at);
      await commitMutation(ctx, 'reorderQueue', { updateId, toIndex, moves, at }, records.map(put));
      return records.map((r) => toUpdate(r, ctx.syncStateOf));
    },

    async breakingNews({ storyId, channels }: CommandArg<'breakingNews'>) {
      const all = requireStory(ctx, storyId);
      const live = all.filter((c) => c.deletedAt === null);
      if (live.length === 0) {
        throw new DeskError('conflict', 'This story is in the trash; restore it first.');
      }
      const now = ctx.now();
      const at = now.toISOString();
      live.forEach((c) => refuseEmbargo(c, now));
      const shared = sharedContentOf(live);
      // The hub writes who approved and when; it refuses the approval if this member may not give it.
      const approval: Review = {
        state: 'approved',
        by: sync.engine.getStatus().user ?? { id: '', name: '' },
        at,
        note: null,
      };
      // Every check comes before any change: bad input changes nothing.
      const plans = channels.map(({ channelId, silent }) => {
        const channel = requireActiveChannel(ctx, channelId);
        const existing = live.find((c) => c.channelId === channelId);
        // A copy unticked earlier comes back with its own variant, as setStoryChannels does.
        const trashed = all.find((c) => c.channelId === channelId && c.deletedAt !== null);
        const base: UpdateRecord =
          existing ??
          (trashed ? { ...trashed, deletedAt: null } : undefined) ??
          newCopy(ctx, storyId, channelId, shared, at);
        if (isOut(base)) {
          throw new DeskError('conflict', `This story is already going out on "${channel.name}".`);
        }
        refuseUnfinishedPoll(base);
        const copy: UpdateRecord = {
          ...base,
          schedule: { kind: 'at', at, mode: 'exact' },
          status: 'scheduled',
          silent,
          ...(channelWorkflowOf(channel).approvalRequired ? { review: approval } : {}),
          updatedAt: at,
        };
        return { channel, copy };
      });
      const records: UpdateRecord[] = [];
      const moved: MovedCopy[] = [];
      for (const { channel, copy } of plans) {
        const state = queueStateOf(ctx, channel, now, new Set([copy.id]));
        const shift = clearForBreaking({ ...state, fixed: [...state.fixed, at] }, at);
        if (!shift.ok) throw fullQueue(channel, titled(requireCopy(ctx, shift.stuckId)));
        const applied = applyMoves(ctx, shift.moves, at);
        records.push(copy, ...applied.records);
        moved.push(...applied.moved);
      }
      await commitMutation(
        ctx,
        'breakingNews',
        {
          storyId,
          channels,
          copies: plans.map(({ copy }) => ({ id: copy.id, channelId: copy.channelId })),
          moved: moved.map(({ updateId, from, to }) => ({ id: updateId, from, to })),
          at,
        },
        records.map(put),
      );
      return { story: storyView(storyId), moved };
    },
  };
}
