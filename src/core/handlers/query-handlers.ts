// Reading: a channel's timeline, a date range across channels, search and the trash.
import type { CommandArg } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { EngineContext } from '../engine-context';
import { isUpdatesShard, requireChannel, updatesShard, withSync } from '../engine-context';
import type { UpdateRecord } from '../update-records';
import { compareForTimeline, toSummary } from '../update-records';

/** Case- and accent-insensitive form for matching ("citta" finds "Città"). */
export const foldForSearch = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

export function queryHandlers(ctx: EngineContext) {
  const summary = (rec: UpdateRecord) => withSync(ctx, toSummary(rec), rec);

  function* everyCopy(): Generator<UpdateRecord> {
    for (const key of ctx.store.shardKeys()) {
      if (isUpdatesShard(key)) yield* ctx.store.all<UpdateRecord>(key);
    }
  }

  return {
    async listTimeline({ channelId }: CommandArg<'listTimeline'>) {
      requireChannel(ctx, channelId);
      await ctx.store.ensureShard(updatesShard(channelId));
      return ctx.store
        .all<UpdateRecord>(updatesShard(channelId))
        .filter((r) => r.deletedAt === null)
        .sort(compareForTimeline)
        .map(summary);
    },

    async listRange({ from, to }: CommandArg<'listRange'>) {
      if (Date.parse(from) >= Date.parse(to))
        throw new DeskError('invalid_argument', 'The range must end after it starts.');
      const lo = new Date(from).toISOString();
      const hi = new Date(to).toISOString();
      const out: UpdateRecord[] = [];
      for (const r of everyCopy()) {
        if (
          r.deletedAt === null &&
          r.schedule.kind === 'at' &&
          r.schedule.at >= lo &&
          r.schedule.at < hi
        )
          out.push(r);
      }
      return out.sort(compareForTimeline).map(summary);
    },

    async search(arg: CommandArg<'search'>) {
      const words = foldForSearch(arg.text).split(/\s+/).filter(Boolean);
      const lo = arg.from ? new Date(arg.from).toISOString() : null;
      const hi = arg.to ? new Date(arg.to).toISOString() : null;
      const hits: UpdateRecord[] = [];
      for (const r of everyCopy()) {
        if (r.deletedAt !== null) continue;
        if (arg.channelId && r.channelId !== arg.channelId) continue;
        if (arg.status && r.status !== arg.status) continue;
        // Dates filter on the scheduled time, or on creation for unscheduled drafts.
        const when = r.schedule.kind === 'at' ? r.schedule.at : r.createdAt;
        if ((lo && when < lo) || (hi && when >= hi)) continue;
        if (words.length > 0) {
          const hay = foldForSearch(
            r.text + (r.poll ? ` ${r.poll.question} ${r.poll.options.join(' ')}` : ''),
          );
          if (!words.every((w) => hay.includes(w))) continue;
        }
        hits.push(r);
      }
      hits.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
      return { total: hits.length, results: hits.slice(0, arg.limit).map(summary) };
    },

    async listTrash() {
      const out: UpdateRecord[] = [];
      for (const r of everyCopy()) if (r.deletedAt !== null) out.push(r);
      return out
        .sort((a, b) => (b.deletedAt as string).localeCompare(a.deletedAt as string))
        .map(summary);
    },
  };
}
