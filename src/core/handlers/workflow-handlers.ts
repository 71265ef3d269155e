// The newsroom's workflow on the desk: review steps, embargo, topics and silent follow-ups. Each
// is a mutation like any edit (it works offline and syncs); the hub decides who may take it.
import type { CommandArg, MemberView } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { Review } from '../../shared/domain';
import type { EngineContext } from '../engine-context';
import { commitMutation, requireChannel, updatesShard } from '../engine-context';
import { hubCalls } from '../sync/hub-calls';
import type { SyncManager } from '../sync/sync-manager';
import type { UpdateRecord } from '../update-records';
import { contentOf, toStory, toUpdate } from '../update-records';
import { correctedText } from '../../shared/workflow/correction';
import { requireCopy, requireStory } from './story-handlers';

const put = (rec: UpdateRecord) => ({
  shard: updatesShard(rec.channelId),
  id: rec.id,
  record: rec,
});

const isPublished = (rec: UpdateRecord): boolean =>
  rec.delivery?.state === 'published' || rec.delivery?.state === 'publishing';

export function workflowHandlers(ctx: EngineContext, sync: SyncManager) {
  const storyView = (storyId: string) =>
    toStory(storyId, ctx.stories.copiesOf(storyId), ctx.syncStateOf);
  const liveCopies = (storyId: string): UpdateRecord[] => {
    const copies = requireStory(ctx, storyId).filter((c) => c.deletedAt === null);
    if (copies.length === 0) {
      throw new DeskError('conflict', 'This story is in the trash; restore it first.');
    }
    return copies;
  };
  /** The hub writes who and when; the desk's guess shows until the next pull. */
  const reviewStep = (state: Review['state'], note: string | null, at: string): Review => ({
    state,
    by: sync.engine.getStatus().user ?? { id: '', name: '' },
    at,
    note: note?.trim() ? note.trim() : null,
  });
  const commitCopies = async (name: string, args: unknown, next: UpdateRecord[]) => {
    await commitMutation(ctx, name, args, next.map(put));
  };

  return {
    async getMe(): Promise<MemberView | null> {
      if (sync.engine.getStatus().mode === 'none') return null;
      const me = await sync.onHub('Your account', (t) => hubCalls.me(t));
      return {
        user: { id: me.user.id, name: me.user.displayName },
        workspace: me.workspace.name,
        role: me.role,
        channelRoles: Object.fromEntries(me.channelRoles.map((r) => [r.channelId, r.role])),
      };
    },

    async submitStory({ storyId, note }: CommandArg<'submitStory'>) {
      const copies = liveCopies(storyId).filter((c) => !isPublished(c));
      if (copies.length === 0) {
        throw new DeskError('conflict', 'Every copy of this story is already published.');
      }
      if (copies.every((c) => c.review?.state === 'in_review')) return storyView(storyId);
      const at = ctx.now().toISOString();
      const review = reviewStep('in_review', note, at);
      await commitCopies(
        'submitStory',
        { storyId, at },
        copies.map((c) => ({ ...c, review, updatedAt: at })),
      );
      return storyView(storyId);
    },

    async reviewStory({ storyId, decision, note }: CommandArg<'reviewStory'>) {
      const copies = liveCopies(storyId).filter((c) => !isPublished(c));
      if (copies.length === 0) {
        throw new DeskError('conflict', 'Every copy of this story is already published.');
      }
      const at = ctx.now().toISOString();
      const review = reviewStep(
        decision === 'approve' ? 'approved' : 'changes_requested',
        note,
        at,
      );
      await commitCopies(
        decision === 'approve' ? 'approveStory' : 'requestChanges',
        { storyId, decision, at },
        copies.map((c) => ({ ...c, review, updatedAt: at })),
      );
      return storyView(storyId);
    },

    async setEmbargo({ storyId, until, release }: CommandArg<'setEmbargo'>) {
      const copies = liveCopies(storyId);
      const now = ctx.now();
      if (until !== null && Date.parse(until) <= now.getTime()) {
        throw new DeskError(
          'invalid_argument',
          'An embargo ends in the future; choose a later time.',
          [{ path: 'until', message: 'this time has already passed' }],
        );
      }
      if (release && until === null) {
        throw new DeskError('invalid_argument', 'Choose when the embargo ends to release at it.', [
          { path: 'until', message: 'choose a release time' },
        ]);
      }
      const out = copies.filter((c) => isPublished(c));
      if (until !== null && out.length > 0) {
        throw new DeskError(
          'conflict',
          'Part of this story is already published: an embargo can no longer hold it.',
        );
      }
      const early = copies.filter(
        (c) =>
          until !== null &&
          c.schedule.kind === 'at' &&
          Date.parse(c.schedule.at) < Date.parse(until),
      );
      if (!release && early.length > 0) {
        throw new DeskError(
          'conflict',
          `${early.length === 1 ? 'A copy is' : `${early.length} copies are`} scheduled before the embargo ends: release them at the embargo, or unschedule them first.`,
        );
      }
      const at = now.toISOString();
      const next = copies.map((c): UpdateRecord => {
        const held = { ...c, embargoUntil: until, updatedAt: at };
        return release && until !== null
          ? { ...held, schedule: { kind: 'at', at: until, mode: 'exact' }, status: 'scheduled' }
          : held;
      });
      await commitCopies('setEmbargo', { storyId, until, release, at }, next);
      return storyView(storyId);
    },

    async setStoryTags({ storyId, tags }: CommandArg<'setStoryTags'>) {
      const copies = liveCopies(storyId);
      const unique = [...new Map(tags.map((t) => [t.toLocaleLowerCase(), t])).values()];
      const at = ctx.now().toISOString();
      await commitCopies(
        'setStoryTags',
        { storyId, tags: unique, at },
        copies.map((c) => ({ ...c, tags: unique, updatedAt: at })),
      );
      return storyView(storyId);
    },

    async correctStory({ storyId, text, prefix }: CommandArg<'correctStory'>) {
      const copies = liveCopies(storyId);
      const published = copies.filter((c) => c.delivery?.state === 'published');
      if (published.length === 0) {
        throw new DeskError(
          'conflict',
          'No copy of this story is published yet: edit its text as usual.',
        );
      }
      const at = ctx.now().toISOString();
      const next = copies.map((c): UpdateRecord => {
        if (c.delivery?.state === 'published') {
          const language = requireChannel(ctx, c.channelId).language;
          // The post keeps its own text (with the label); the story's text is the plain correction.
          const shared = { ...(c.customized && c.shared ? c.shared : contentOf(c)), text };
          const corrected = correctedText(text, language, prefix);
          return {
            ...c,
            text: corrected,
            customized: corrected !== text || c.customized,
            shared,
            updatedAt: at,
          };
        }
        return c.customized && c.shared
          ? { ...c, shared: { ...c.shared, text }, updatedAt: at }
          : { ...c, text, updatedAt: at };
      });
      await commitCopies('correctStory', { storyId, prefix, at }, next);
      return { story: storyView(storyId), corrected: published.map((c) => c.id) };
    },

    async setCopySilent({ updateId, silent }: CommandArg<'setCopySilent'>) {
      const rec = requireCopy(ctx, updateId);
      if (rec.deletedAt !== null) {
        throw new DeskError(
          'conflict',
          'This update is in the trash; restore it before changing it.',
        );
      }
      if (isPublished(rec)) {
        throw new DeskError('conflict', 'This copy is already out: its notification was sent.');
      }
      if ((rec.silent ?? false) === silent) return toUpdate(rec, ctx.syncStateOf);
      const next: UpdateRecord = { ...rec, silent, updatedAt: ctx.now().toISOString() };
      await commitCopies('setCopySilent', { updateId, silent, at: next.updatedAt }, [next]);
      return toUpdate(next, ctx.syncStateOf);
    },
  };
}
