// The permanent archive: searched on the desk (every copy is stored here, so it works offline),
// and the versions the platform was sent, which only the hub keeps.
import type { CommandArg } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { EngineContext } from '../engine-context';
import type { DeskArchive } from '../desk-archive';
import { hubCalls } from '../sync/hub-calls';
import type { SyncManager } from '../sync/sync-manager';
import { requireCopy } from './story-handlers';

export const ARCHIVE_OFFLINE = 'The hub keeps the published versions; connect to see them.';

export function archiveHandlers(ctx: EngineContext, sync: SyncManager, archive: DeskArchive) {
  return {
    async searchArchive(arg: CommandArg<'searchArchive'>) {
      return archive.search(arg, ctx.now());
    },
    async getPublishedVersions({ updateId }: CommandArg<'getPublishedVersions'>) {
      const copy = requireCopy(ctx, updateId);
      if (!copy.hub) {
        throw new DeskError(
          'conflict',
          'This copy has not reached the hub yet; nothing was published.',
        );
      }
      try {
        return await sync.onHub('The published versions', (t) =>
          hubCalls.publishedVersions(t, updateId),
        );
      } catch (error) {
        // Offline or unreachable: say what to do, in the archive's words (its text is still shown).
        if (error instanceof DeskError && error.code === 'hub_unreachable') {
          throw new DeskError('hub_unreachable', ARCHIVE_OFFLINE);
        }
        throw error;
      }
    },
  };
}
