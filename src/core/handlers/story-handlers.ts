// Stories and their per-channel copies: write, vary per channel, duplicate, trash and restore.
import type { CommandArg } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { Content } from '../../shared/domain';
import type { EngineContext } from '../engine-context';
import {
  commitMutation,
  emptyContent,
  requireActiveChannel,
  updatesShard,
} from '../engine-context';
import type { Effect } from '../store/store-types';
import type { UpdateRecord } from '../update-records';
import { contentOf, sharedContentOf, toStory, toUpdate } from '../update-records';

type ContentPatch = Partial<Content>;

const put = (rec: UpdateRecord): Effect => ({
  shard: updatesShard(rec.channelId),
  id: rec.id,
  record: rec,
});
const remove = (rec: UpdateRecord): Effect => ({
  shard: updatesShard(rec.channelId),
  id: rec.id,
  record: null,
});

const patchOf = (arg: {
  text?: string;
  attachments?: Content['attachments'];
  poll?: Content['poll'];
}): ContentPatch => {
  const patch: ContentPatch = {};
  if (arg.text !== undefined) patch.text = arg.text;
  if (arg.attachments !== undefined) patch.attachments = arg.attachments;
  if (arg.poll !== undefined) patch.poll = arg.poll;
  return patch;
};

export function requireStory(ctx: EngineContext, storyId: string): UpdateRecord[] {
  const copies = ctx.stories.copiesOf(storyId);
  if (copies.length === 0) throw new DeskError('not_found', `No story with id ${storyId}.`);
  return copies;
}

export function requireCopy(ctx: EngineContext, updateId: string): UpdateRecord {
  const rec = ctx.stories.recordOf(updateId);
  if (!rec) throw new DeskError('not_found', `No update with id ${updateId}.`);
  return rec;
}

function requireLive(rec: UpdateRecord): void {
  if (rec.deletedAt !== null) {
    throw new DeskError('conflict', 'This update is in the trash; restore it before changing it.');
  }
}

/** A new, unscheduled copy of a story on a channel, following the story's content. */
export function newCopy(
  ctx: EngineContext,
  storyId: string,
  channelId: string,
  content: Content,
  at: string,
): UpdateRecord {
  return {
    id: ctx.newId(),
    storyId,
    channelId,
    ...contentOf(content),
    customized: false,
    shared: null,
    schedule: { kind: 'none' },
    status: 'draft',
    syncState: 'local',
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };
}

export function storyHandlers(ctx: EngineContext) {
  const live = (storyId: string): UpdateRecord[] =>
    requireStory(ctx, storyId).filter((c) => c.deletedAt === null);
  const storyView = (storyId: string) =>
    toStory(storyId, ctx.stories.copiesOf(storyId), ctx.syncStateOf);

  return {
    async createStory({ channelIds, text }: CommandArg<'createStory'>) {
      const unique = [...new Set(channelIds)];
      unique.forEach((id) => requireActiveChannel(ctx, id));
      const storyId = ctx.newId();
      const at = ctx.now().toISOString();
      const copies = unique.map((channelId) =>
        newCopy(ctx, storyId, channelId, emptyContent(text), at),
      );
      await commitMutation(
        ctx,
        'createStory',
        { storyId, copies: copies.map((c) => ({ id: c.id, channelId: c.channelId })), text, at },
        copies.map(put),
      );
      return storyView(storyId);
    },

    async getStory({ storyId }: CommandArg<'getStory'>) {
      requireStory(ctx, storyId);
      return storyView(storyId);
    },

    async editShared(arg: CommandArg<'editShared'>) {
      const copies = live(arg.storyId);
      if (copies.length === 0)
        throw new DeskError('conflict', 'This story is in the trash; restore it first.');
      const patch = patchOf(arg);
      const at = ctx.now().toISOString();
      // Followers take the new text; customised copies keep theirs and remember the shared one.
      const next = copies.map((c): UpdateRecord =>
        c.customized
          ? { ...c, shared: { ...(c.shared ?? sharedContentOf(copies)), ...patch }, updatedAt: at }
          : { ...c, ...patch, updatedAt: at },
      );
      await commitMutation(ctx, 'editShared', { storyId: arg.storyId, patch, at }, next.map(put));
      return storyView(arg.storyId);
    },

    async editCopy(arg: CommandArg<'editCopy'>) {
      const rec = requireCopy(ctx, arg.updateId);
      requireLive(rec);
      const patch = patchOf(arg);
      const shared = rec.customized ? rec.shared : contentOf(rec);
      const next: UpdateRecord = {
        ...rec,
        ...patch,
        customized: true,
        shared,
        updatedAt: ctx.now().toISOString(),
      };
      await commitMutation(ctx, 'editCopy', { updateId: rec.id, patch, at: next.updatedAt }, [
        put(next),
      ]);
      return toUpdate(next, ctx.syncStateOf);
    },

    async resetCopy({ updateId }: CommandArg<'resetCopy'>) {
      const rec = requireCopy(ctx, updateId);
      requireLive(rec);
      if (!rec.customized) return toUpdate(rec, ctx.syncStateOf);
      const siblings = live(rec.storyId);
      const shared = rec.shared ?? sharedContentOf(siblings);
      const next: UpdateRecord = {
        ...rec,
        ...contentOf(shared),
        customized: false,
        shared: null,
        updatedAt: ctx.now().toISOString(),
      };
      await commitMutation(ctx, 'resetCopy', { updateId, at: next.updatedAt }, [put(next)]);
      return toUpdate(next, ctx.syncStateOf);
    },

    async setStoryChannels({ storyId, channelIds }: CommandArg<'setStoryChannels'>) {
      const all = requireStory(ctx, storyId);
      const copies = all.filter((c) => c.deletedAt === null);
      if (copies.length === 0)
        throw new DeskError('conflict', 'This story is in the trash; restore it first.');
      const wanted = new Set(channelIds);
      const at = ctx.now().toISOString();
      const shared = sharedContentOf(copies);
      const effects: Effect[] = [];
      // A removed copy goes to the trash, so a channel's variant is never lost by unticking a box.
      for (const c of copies)
        if (!wanted.has(c.channelId)) effects.push(put({ ...c, deletedAt: at, updatedAt: at }));
      for (const channelId of wanted) {
        if (copies.some((c) => c.channelId === channelId)) continue;
        requireActiveChannel(ctx, channelId);
        const trashed = all.find((c) => c.channelId === channelId && c.deletedAt !== null);
        effects.push(
          put(
            trashed
              ? { ...trashed, deletedAt: null, updatedAt: at }
              : newCopy(ctx, storyId, channelId, shared, at),
          ),
        );
      }
      if (effects.length > 0) {
        const added = effects
          .map((e) => e.record as UpdateRecord)
          .filter((r) => r.deletedAt === null);
        await commitMutation(
          ctx,
          'setStoryChannels',
          {
            storyId,
            channelIds,
            added: added.map((r) => ({ id: r.id, channelId: r.channelId })),
            at,
          },
          effects,
        );
      }
      return storyView(storyId);
    },

    async duplicateStory({ storyId }: CommandArg<'duplicateStory'>) {
      const copies = live(storyId);
      if (copies.length === 0)
        throw new DeskError('conflict', 'This story is in the trash; restore it first.');
      const newStoryId = ctx.newId();
      const at = ctx.now().toISOString();
      const dupes = copies.map((c): UpdateRecord => ({
        ...newCopy(ctx, newStoryId, c.channelId, c, at),
        customized: c.customized,
        shared: c.shared,
      }));
      await commitMutation(
        ctx,
        'duplicateStory',
        {
          storyId,
          newStoryId,
          copies: dupes.map((d) => ({ id: d.id, channelId: d.channelId })),
          at,
        },
        dupes.map(put),
      );
      return storyView(newStoryId);
    },

    async deleteStory({ storyId }: CommandArg<'deleteStory'>) {
      const copies = live(storyId);
      const at = ctx.now().toISOString();
      if (copies.length > 0) {
        await commitMutation(
          ctx,
          'deleteStory',
          { storyId, at },
          copies.map((c) => put({ ...c, deletedAt: at, updatedAt: at })),
        );
      }
      return { storyId, deleted: copies.length };
    },

    async restoreStory({ storyId }: CommandArg<'restoreStory'>) {
      const copies = requireStory(ctx, storyId);
      const trashed = copies.filter((c) => c.deletedAt !== null);
      if (trashed.length === 0) return storyView(storyId);
      // Restore what the last delete removed, not copies unticked from the story earlier.
      const lastDelete = trashed
        .map((c) => c.deletedAt as string)
        .sort()
        .at(-1);
      const now = ctx.now();
      const at = now.toISOString();
      const effects = trashed
        .filter((c) => c.deletedAt === lastDelete)
        .map((c) => {
          const past = c.schedule.kind === 'at' && c.schedule.at <= at;
          // A schedule that passed while in the trash becomes a draft again rather than a stale slot.
          return put(
            past
              ? {
                  ...c,
                  deletedAt: null,
                  schedule: { kind: 'none' },
                  status: 'draft',
                  updatedAt: at,
                }
              : { ...c, deletedAt: null, updatedAt: at },
          );
        });
      await commitMutation(ctx, 'restoreStory', { storyId, at }, effects);
      return storyView(storyId);
    },

    async purgeStory({ storyId }: CommandArg<'purgeStory'>) {
      const copies = requireStory(ctx, storyId);
      if (copies.some((c) => c.deletedAt === null)) {
        throw new DeskError('conflict', 'Only a story in the trash can be deleted for ever.');
      }
      await commitMutation(ctx, 'purgeStory', { storyId }, copies.map(remove));
      return { storyId, purged: copies.length };
    },

    async addAttachment({ name, mime, dataBase64, thumbnailBase64 }: CommandArg<'addAttachment'>) {
      return ctx.media.add({
        name,
        mime,
        data: Buffer.from(dataBase64, 'base64'),
        thumbnail: thumbnailBase64 ? Buffer.from(thumbnailBase64, 'base64') : null,
      });
    },

    async getMedia({ hash }: CommandArg<'getMedia'>) {
      const { mime, data } = await ctx.media.read(hash);
      return { mime, dataBase64: data.toString('base64') };
    },
  };
}
