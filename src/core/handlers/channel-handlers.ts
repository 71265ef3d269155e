// Channels: create, edit, archive.
import type { CommandArg, CommandResults } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { Channel } from '../../shared/domain';
import { normalizeSlots } from '../../shared/schedule';
import type { EngineContext } from '../engine-context';
import { CHANNELS_SHARD, commitMutation, requireChannel } from '../engine-context';

const sameName = (a: string, b: string): boolean =>
  a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

function refuseDuplicateName(ctx: EngineContext, name: string, exceptId: string | null): void {
  const clash = ctx.store
    .all<Channel>(CHANNELS_SHARD)
    .find((c) => c.id !== exceptId && !c.archived && sameName(c.name.trim(), name.trim()));
  if (clash) {
    throw new DeskError('conflict', `A channel named "${clash.name}" already exists.`, [
      { path: 'name', message: 'this name is already used by another channel' },
    ]);
  }
}

export function channelHandlers(ctx: EngineContext) {
  return {
    async listChannels({ includeArchived }: CommandArg<'listChannels'>) {
      return ctx.store
        .all<Channel>(CHANNELS_SHARD)
        .filter((c) => includeArchived || !c.archived)
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    async createChannel(
      arg: CommandArg<'createChannel'>,
    ): Promise<CommandResults['createChannel']> {
      refuseDuplicateName(ctx, arg.name, null);
      const at = ctx.now().toISOString();
      const channel: Channel = {
        id: ctx.newId(),
        ...arg,
        name: arg.name.trim(),
        slots: normalizeSlots(arg.slots),
        archived: false,
        createdAt: at,
        updatedAt: at,
      };
      await commitMutation(ctx, 'createChannel', channel, [
        { shard: CHANNELS_SHARD, id: channel.id, record: channel },
      ]);
      return channel;
    },

    async updateChannel({ id, ...patch }: CommandArg<'updateChannel'>) {
      const current = requireChannel(ctx, id);
      if (patch.name !== undefined) refuseDuplicateName(ctx, patch.name, id);
      const next: Channel = {
        ...current,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.slots !== undefined ? { slots: normalizeSlots(patch.slots) } : {}),
        updatedAt: ctx.now().toISOString(),
      };
      await commitMutation(ctx, 'updateChannel', { id, patch }, [
        { shard: CHANNELS_SHARD, id, record: next },
      ]);
      return next;
    },

    async setChannelArchived({ id, archived }: CommandArg<'setChannelArchived'>) {
      const current = requireChannel(ctx, id);
      if (!archived) refuseDuplicateName(ctx, current.name, id);
      const next: Channel = { ...current, archived, updatedAt: ctx.now().toISOString() };
      await commitMutation(ctx, 'setChannelArchived', { id, archived }, [
        { shard: CHANNELS_SHARD, id, record: next },
      ]);
      return next;
    },
  };
}
