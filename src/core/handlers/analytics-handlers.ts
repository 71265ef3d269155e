// Analytics over the desk's own copies: the hub is never asked, so the charts work offline and
// show what this desk last pulled (engagement is written by the hub and synced like any field).
import type { CommandArg } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { Channel } from '../../shared/domain';
import { buildAnalyticsReport } from '../../shared/analytics';
import type { EngineContext } from '../engine-context';
import { CHANNELS_SHARD, isUpdatesShard, requireChannel } from '../engine-context';
import type { UpdateRecord } from '../update-records';

export function analyticsHandlers(ctx: EngineContext) {
  return {
    async getAnalytics({ channelIds, from, to, zone }: CommandArg<'getAnalytics'>) {
      // Unknown channels are refused rather than counted as empty: a typo would read as "no posts".
      for (const id of channelIds) requireChannel(ctx, id);
      const channels = ctx.store.all<Channel>(CHANNELS_SHARD);
      const copies: UpdateRecord[] = [];
      for (const key of ctx.store.shardKeys()) {
        if (isUpdatesShard(key)) copies.push(...ctx.store.all<UpdateRecord>(key));
      }
      try {
        return buildAnalyticsReport(copies, channels, { from, to, zone }, channelIds);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        const message = error.message.charAt(0).toUpperCase() + error.message.slice(1);
        throw new DeskError('invalid_argument', `${message}.`, [
          { path: 'to', message: error.message },
        ]);
      }
    },
  };
}
