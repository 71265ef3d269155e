// Commands about the hub: the sync indicator, onboarding, signing in and out, conflicts, history.
import type { CommandArg } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { EngineContext } from '../engine-context';
import { commitMutation, updatesShard } from '../engine-context';
import type { SyncManager } from '../sync/sync-manager';
import type { UpdateRecord } from '../update-records';
import { toUpdate } from '../update-records';
import { requireCopy, requireStory } from './story-handlers';

export function syncHandlers(ctx: EngineContext, sync: SyncManager) {
  return {
    async getSyncStatus() {
      return sync.engine.getStatus();
    },
    async syncNow() {
      return sync.engine.syncNow();
    },
    async startSolo() {
      return sync.startSolo();
    },
    async connectHub(arg: CommandArg<'connectHub'>) {
      return sync.connect(arg);
    },
    async disconnectHub() {
      return sync.disconnect();
    },
    async getHistory({ kind, id }: CommandArg<'getHistory'>) {
      return sync.history(kind, id);
    },
    async dismissRefusal({ id }: CommandArg<'dismissRefusal'>) {
      await sync.engine.dismissRefusal(id);
      return sync.engine.getStatus();
    },

    /**
     * Settles a text conflict with the text the editor chose (one side, or their own blend). A copy
     * that follows the story's text settles it for every follower copy of the story.
     */
    async resolveConflict({ updateId, text }: CommandArg<'resolveConflict'>) {
      const rec = requireCopy(ctx, updateId);
      if (!rec.conflict) {
        throw new DeskError('conflict', 'This update has no conflicting texts to choose from.');
      }
      const at = ctx.now().toISOString();
      const targets =
        rec.conflict.field === 'text' && !rec.customized
          ? requireStory(ctx, rec.storyId).filter(
              (c) => c.id === rec.id || (!c.customized && c.deletedAt === null),
            )
          : [rec];
      const next = targets.map((c): UpdateRecord => {
        const field = c.conflict?.field ?? rec.conflict!.field;
        return field === 'shared.text' && c.shared
          ? { ...c, shared: { ...c.shared, text }, conflict: null, updatedAt: at }
          : { ...c, text, conflict: null, updatedAt: at };
      });
      await commitMutation(
        ctx,
        'resolveConflict',
        { updateId, at },
        next.map((r) => ({ shard: updatesShard(r.channelId), id: r.id, record: r })),
      );
      return toUpdate(
        next.find((r) => r.id === updateId)!,
        ctx.syncStateOf,
      );
    },
  };
}
