// Commands about publishing, answered by the hub (which holds the schedule and the platforms'
// settings): a copy's publications, retry, manual-assist confirmation, withdrawal, and a channel's
// connector settings. After a change the desk syncs at once, so the copy shows its new delivery.
import type { CommandArg, WithdrawReport } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { EngineContext } from '../engine-context';
import { hubCalls } from '../sync/hub-calls';
import type { SyncManager } from '../sync/sync-manager';
import { requireCopy, requireStory } from './story-handlers';

const PUBLISHING = 'Publishing';

export function publishHandlers(ctx: EngineContext, sync: SyncManager) {
  const afterwards = <T>(value: T): T => {
    sync.engine.syncSoon();
    return value;
  };
  const copyOnHub = (updateId: string) => {
    const rec = requireCopy(ctx, updateId);
    if (!rec.hub) {
      throw new DeskError(
        'conflict',
        'This copy has not reached the hub yet; it can be published once it is synced.',
      );
    }
    return rec;
  };

  return {
    async getPublications({ updateId }: CommandArg<'getPublications'>) {
      requireCopy(ctx, updateId);
      return sync.onHub(PUBLISHING, (t) => hubCalls.publications(t, updateId));
    },
    async retryPublication({ updateId }: CommandArg<'retryPublication'>) {
      copyOnHub(updateId);
      return afterwards(
        await sync.onHub(PUBLISHING, (t) => hubCalls.publicationAction(t, updateId, 'retry')),
      );
    },
    async confirmPublication({ updateId, url }: CommandArg<'confirmPublication'>) {
      copyOnHub(updateId);
      const body = url ? { url } : {};
      return afterwards(
        await sync.onHub(PUBLISHING, (t) =>
          hubCalls.publicationAction(t, updateId, 'confirm', body),
        ),
      );
    },
    /** Every published copy of the story: each is withdrawn, or said why not. */
    async withdrawStory({ storyId }: CommandArg<'withdrawStory'>): Promise<WithdrawReport> {
      const copies = requireStory(ctx, storyId).filter(
        (c) => c.deletedAt === null && c.delivery?.state === 'published',
      );
      if (copies.length === 0) {
        throw new DeskError('conflict', 'No copy of this story is published; nothing to withdraw.');
      }
      const report: WithdrawReport = { withdrawing: [], refused: [] };
      for (const copy of copies) {
        try {
          await sync.onHub(PUBLISHING, (t) => hubCalls.publicationAction(t, copy.id, 'withdraw'));
          report.withdrawing.push(copy.id);
        } catch (error) {
          if (error instanceof DeskError && error.code === 'hub_unreachable') throw error;
          report.refused.push({ updateId: copy.id, reason: (error as Error).message });
        }
      }
      return afterwards(report);
    },
    async recordEngagement({ updateId, ...counts }: CommandArg<'recordEngagement'>) {
      copyOnHub(updateId);
      return afterwards(
        await sync.onHub(PUBLISHING, (t) => hubCalls.recordEngagement(t, updateId, counts)),
      );
    },
    async getConnector({ channelId }: CommandArg<'getConnector'>) {
      return sync.onHub(PUBLISHING, (t) => hubCalls.connector(t, channelId));
    },
    async saveConnector({ channelId, config, secret }: CommandArg<'saveConnector'>) {
      const body = secret === undefined ? { config } : { config, secret };
      return sync.onHub(PUBLISHING, (t) => hubCalls.saveConnector(t, channelId, body));
    },
  };
}
