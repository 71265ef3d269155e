// Review comments, mentions and the review inbox. Comments live on the hub only (they are internal
// and never published), so those commands need it; the queue of stories waiting for review is
// read from this desk's replica and works offline.
import type { CommandArg, ReviewQueueItem } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import { titleOf } from '../../shared/formatting';
import type { EngineContext } from '../engine-context';
import { isUpdatesShard } from '../engine-context';
import { hubCalls } from '../sync/hub-calls';
import type { SyncManager } from '../sync/sync-manager';
import type { HubTransport } from '../../shared/sync/transport';
import type { UpdateRecord } from '../update-records';
import { sharedContentOf } from '../update-records';
import { requireStory } from './story-handlers';

// As in "The discussion lives on the hub, which cannot be reached right now."
const COMMENTS = 'The discussion';

/**
 * The stories whose live copies wait for a decision (in_review), then those sent back with changes
 * requested; the longest waiting first.
 */
export function reviewQueueOf(copies: Iterable<UpdateRecord>): ReviewQueueItem[] {
  const byStory = new Map<string, UpdateRecord[]>();
  for (const c of copies) {
    if (c.deletedAt !== null) continue;
    byStory.set(c.storyId, [...(byStory.get(c.storyId) ?? []), c]);
  }
  const out: ReviewQueueItem[] = [];
  for (const [storyId, live] of byStory) {
    const waiting = live.filter((c) => c.review?.state === 'in_review');
    const sentBack = live.filter((c) => c.review?.state === 'changes_requested');
    const shown = waiting.length > 0 ? waiting : sentBack;
    // The latest step speaks for the story (copies of one story share their review).
    const review = shown.map((c) => c.review!).sort((a, b) => b.at.localeCompare(a.at))[0];
    if (!review || review.state === 'approved') continue;
    out.push({
      storyId,
      title: titleOf(sharedContentOf(live).text),
      state: review.state,
      by: review.by,
      at: review.at,
      note: review.note,
      channelIds: [...new Set(live.map((c) => c.channelId))],
    });
  }
  const rank = (item: ReviewQueueItem) => (item.state === 'in_review' ? 0 : 1);
  return out.sort(
    (a, b) => rank(a) - rank(b) || a.at.localeCompare(b.at) || a.storyId.localeCompare(b.storyId),
  );
}

export function commentHandlers(ctx: EngineContext, sync: SyncManager) {
  function* everyCopy(): Generator<UpdateRecord> {
    for (const key of ctx.store.shardKeys()) {
      if (isUpdatesShard(key)) yield* ctx.store.all<UpdateRecord>(key);
    }
  }
  /**
   * Runs a call about a story's discussion. A story the hub does not know yet (never synced, or
   * its first push still on the way) is told apart from one that is gone.
   */
  const aboutStory = async <T>(
    storyId: string,
    call: (t: HubTransport) => Promise<T>,
    unsynced: () => T,
  ): Promise<T> => {
    const stamped = requireStory(ctx, storyId).some((c) => c.hub);
    try {
      return await sync.onHub(COMMENTS, call);
    } catch (error) {
      if (!stamped && error instanceof DeskError && error.code === 'not_found') return unsynced();
      throw error;
    }
  };

  return {
    async listComments({ storyId }: CommandArg<'listComments'>) {
      const found = await aboutStory(
        storyId,
        (t) => hubCalls.comments(t, storyId),
        () => ({ comments: [] }),
      );
      return found.comments;
    },
    async addComment({ storyId, body, mentions }: CommandArg<'addComment'>) {
      return aboutStory(
        storyId,
        (t) => hubCalls.addComment(t, storyId, { body, mentions }),
        () => {
          throw new DeskError(
            'conflict',
            'This story has not reached the hub yet; it can be discussed once it is synced.',
          );
        },
      );
    },
    async getInbox({ before, limit }: CommandArg<'getInbox'>) {
      return sync.onHub('The inbox', (t) => hubCalls.inbox(t, { before, limit }));
    },
    async markInboxRead() {
      return sync.onHub('The inbox', (t) => hubCalls.markInboxRead(t));
    },
    async listMembers() {
      const { members } = await sync.onHub('The list of colleagues', (t) => hubCalls.members(t));
      return members.map((m) => ({ id: m.userId, name: m.displayName }));
    },
    async listInReview() {
      return reviewQueueOf(everyCopy());
    },
  };
}
