// Scheduling copies locally: an exact instant, the channel's next free slot, or back to draft.
import type { CommandArg } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { Channel, Schedule } from '../../shared/domain';
import { titleOf } from '../../shared/formatting';
import { nextFreeSlot, normalizeInstant } from '../../shared/schedule';
import type { QueueState } from '../../shared/schedule/queue-shift';
import { isMovableQueued, queuedCopyAt } from '../../shared/schedule/queue-shift';
import { pollSchema } from '../../shared/schemas';
import type { EngineContext } from '../engine-context';
import { commitMutation, requireActiveChannel, updatesShard } from '../engine-context';
import type { UpdateRecord } from '../update-records';
import { compareForTimeline, toUpdate } from '../update-records';
import { requireCopy } from './story-handlers';

/** A time a few seconds in the past is still "now" (a slow click), not an error. */
const PAST_TOLERANCE_MS = 60_000;

export const scheduledIn = (ctx: EngineContext, channelId: string): UpdateRecord[] =>
  ctx.store
    .all<UpdateRecord>(updatesShard(channelId))
    .filter((r) => r.deletedAt === null && r.schedule.kind === 'at')
    .sort(compareForTimeline);

/** Whether a copy sits in its channel's movable queue at `now`. */
export const isQueued = (rec: UpdateRecord, now: Date): boolean =>
  isMovableQueued(
    {
      at: rec.schedule.kind === 'at' ? rec.schedule.at : null,
      mode: rec.schedule.kind === 'at' ? rec.schedule.mode : null,
      deliveryState: rec.delivery?.state ?? null,
      deletedAt: rec.deletedAt,
    },
    now,
  );

/** A channel's queue in time order, leaving out the copies in `except` (the ones being placed). */
export function queueOf(
  ctx: EngineContext,
  channelId: string,
  now: Date,
  except: ReadonlySet<string> = new Set(),
): UpdateRecord[] {
  return scheduledIn(ctx, channelId).filter((r) => !except.has(r.id) && isQueued(r, now));
}

/**
 * What the queue maths needs of a channel: its queued copies, and every other scheduled instant
 * as fixed (exact times, copies already going out); `except` copies count as neither.
 */
export function queueStateOf(
  ctx: EngineContext,
  channel: Channel,
  now: Date,
  except: ReadonlySet<string> = new Set(),
): QueueState {
  const scheduled = scheduledIn(ctx, channel.id).filter((r) => !except.has(r.id));
  const queue = scheduled.filter((r) => isQueued(r, now));
  const fixed = scheduled.filter((r) => !isQueued(r, now));
  const atOf = (r: UpdateRecord) => (r.schedule as { at: string }).at;
  return {
    slots: channel.slots,
    zone: channel.timeZone,
    queue: queue.map((r) => ({ id: r.id, at: atOf(r) })),
    fixed: fixed.map(atOf),
  };
}

/**
 * An exact time on an instant a queued copy already holds would book it twice: the desk refuses
 * it and names that copy, rather than moving the queue behind the editor's back.
 */
function refuseDoubleBooking(
  ctx: EngineContext,
  rec: UpdateRecord,
  channel: Channel,
  at: string,
  now: Date,
): void {
  const queue = queueOf(ctx, channel.id, now, new Set([rec.id]));
  const held = queuedCopyAt(
    queue.map((r) => ({ id: r.id, at: (r.schedule as { at: string }).at })),
    at,
  );
  if (!held) return;
  const other = queue.find((r) => r.id === held.id)!;
  throw new DeskError(
    'conflict',
    `"${titleOf(other.text) || 'An untitled update'}" is queued at that time on "${channel.name}": choose another time, or move it in the queue first.`,
    [{ path: 'schedule.at', message: 'another update is queued at this time' }],
  );
}

/** A poll is saved while it is written; only a complete one may go out. */
export function refuseUnfinishedPoll(rec: UpdateRecord): void {
  if (!rec.poll) return;
  const check = pollSchema.safeParse(rec.poll);
  if (check.success) return;
  const issues = check.error.issues.map((i) => ({
    path: ['poll', ...i.path].join('.'),
    message: i.message,
  }));
  throw new DeskError(
    'invalid_argument',
    `The poll is not finished (${issues.map((i) => i.message).join('; ')}): finish it or remove it before scheduling.`,
    issues,
  );
}

/** A story under embargo goes out at its release or later, never before (the hub checks too). */
function refuseBeforeEmbargo(rec: UpdateRecord, next: Schedule): void {
  if (next.kind !== 'at' || !rec.embargoUntil) return;
  if (Date.parse(next.at) >= Date.parse(rec.embargoUntil)) return;
  throw new DeskError(
    'conflict',
    `This story is under embargo until ${rec.embargoUntil}: schedule it at or after its release.`,
    [{ path: 'schedule', message: 'before the embargo ends' }],
  );
}

export function scheduleHandlers(ctx: EngineContext) {
  return {
    async scheduleCopy({ updateId, schedule }: CommandArg<'scheduleCopy'>) {
      const rec = requireCopy(ctx, updateId);
      if (rec.deletedAt !== null)
        throw new DeskError(
          'conflict',
          'This update is in the trash; restore it before scheduling it.',
        );
      const channel = requireActiveChannel(ctx, rec.channelId);
      const now = ctx.now();
      if (schedule.kind !== 'none') refuseUnfinishedPoll(rec);
      let next: Schedule;
      if (schedule.kind === 'none') {
        next = { kind: 'none' };
      } else if (schedule.kind === 'now') {
        next = { kind: 'at', at: now.toISOString(), mode: 'exact' };
      } else if (schedule.kind === 'at') {
        const at = normalizeInstant(schedule.at);
        if (Date.parse(at) < now.getTime() - PAST_TOLERANCE_MS) {
          throw new DeskError(
            'invalid_argument',
            'That time has already passed; choose a time in the future.',
            [{ path: 'schedule.at', message: 'this time is in the past' }],
          );
        }
        refuseDoubleBooking(ctx, rec, channel, at, now);
        next = { kind: 'at', at, mode: 'exact' };
      } else {
        if (channel.slots.length === 0) {
          throw new DeskError(
            'invalid_argument',
            `"${channel.name}" has no posting slots yet: add some in the channel's settings.`,
            [{ path: 'schedule', message: 'the channel has no posting slots' }],
          );
        }
        const taken = new Set(
          scheduledIn(ctx, channel.id)
            .filter((r) => r.id !== rec.id)
            .map((r) => (r.schedule as { at: string }).at),
        );
        // Under embargo, the queue's first free slot after the release.
        const from =
          rec.embargoUntil && Date.parse(rec.embargoUntil) > now.getTime()
            ? new Date(Date.parse(rec.embargoUntil) - 1).toISOString()
            : now.toISOString();
        const at = nextFreeSlot(channel.slots, channel.timeZone, from, taken);
        if (!at)
          throw new DeskError(
            'conflict',
            `Every posting slot of "${channel.name}" in the next year is taken.`,
          );
        next = { kind: 'at', at, mode: 'queue' };
      }
      refuseBeforeEmbargo(rec, next);
      const updated: UpdateRecord = {
        ...rec,
        schedule: next,
        status: next.kind === 'none' ? 'draft' : 'scheduled',
        updatedAt: now.toISOString(),
      };
      await commitMutation(
        ctx,
        'scheduleCopy',
        { updateId, schedule: next, at: updated.updatedAt },
        [{ shard: updatesShard(rec.channelId), id: rec.id, record: updated }],
      );
      return toUpdate(updated, ctx.syncStateOf);
    },

    async moveInQueue({ updateId, direction }: CommandArg<'moveInQueue'>) {
      const rec = requireCopy(ctx, updateId);
      if (rec.deletedAt !== null || rec.schedule.kind !== 'at') {
        throw new DeskError('conflict', 'Only a scheduled update can move in the queue.');
      }
      const queue = scheduledIn(ctx, rec.channelId);
      const i = queue.findIndex((r) => r.id === rec.id);
      const j = direction === 'earlier' ? i - 1 : i + 1;
      const other = queue[j];
      if (!other || other.schedule.kind !== 'at') {
        throw new DeskError(
          'conflict',
          direction === 'earlier'
            ? 'This update is already first in the queue.'
            : 'This update is already last in the queue.',
        );
      }
      // The two updates trade times: the queue's slots stay where they were.
      const at = ctx.now().toISOString();
      const a: UpdateRecord = { ...rec, schedule: { ...other.schedule }, updatedAt: at };
      const b: UpdateRecord = { ...other, schedule: { ...rec.schedule }, updatedAt: at };
      await commitMutation(ctx, 'moveInQueue', { updateId, otherId: other.id, at }, [
        { shard: updatesShard(a.channelId), id: a.id, record: a },
        { shard: updatesShard(b.channelId), id: b.id, record: b },
      ]);
      return [toUpdate(a, ctx.syncStateOf), toUpdate(b, ctx.syncStateOf)];
    },
  };
}
