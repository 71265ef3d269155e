// What every handler group shares: the store, the clock, the story index and the event emitter.
import { randomUUID } from 'node:crypto';
import type { DeskEvents, EventName } from '../shared/contract';
import { DeskError } from '../shared/contract';
import type { Channel, Content } from '../shared/domain';
import type { MediaStore } from './media-store';
import type { SettingsStore } from './platform';
import type { StoryIndex } from './story-index';
import type { DurableStore, Effect } from './store/store-types';
import type { UpdateRecord } from './update-records';

export const CHANNELS_SHARD = 'channels';
/** Each channel's copies live in their own shard so one channel's timeline opens alone. */
export const updatesShard = (channelId: string): string => `updates.${channelId}`;
export const isUpdatesShard = (key: string): boolean => key.startsWith('updates.');

export interface EngineContext {
  dataDir: string;
  store: DurableStore;
  media: MediaStore;
  settings: SettingsStore;
  stories: StoryIndex;
  now(): Date;
  newId(): string;
  emit<E extends EventName>(event: E, payload: DeskEvents[E]): void;
}

/** Records one mutation durably and tells open windows what changed. */
export async function commitMutation(
  ctx: EngineContext,
  name: string,
  args: unknown,
  effects: Effect[],
): Promise<void> {
  const removedStories = new Map<string, string>();
  for (const e of effects) {
    const storyId = e.record === null ? ctx.stories.storyOf(e.id) : undefined;
    if (storyId) removedStories.set(e.id, storyId);
  }
  await ctx.store.commit({ mutationId: randomUUID(), name, args, effects });
  ctx.stories.applyEffects(effects);
  const channelIds = new Set<string>();
  const storyIds = new Set<string>();
  for (const e of effects) {
    if (e.shard === CHANNELS_SHARD) channelIds.add(e.id);
    if (isUpdatesShard(e.shard)) {
      channelIds.add(e.shard.slice('updates.'.length));
      const storyId = (e.record as UpdateRecord | null)?.storyId ?? removedStories.get(e.id);
      if (storyId) storyIds.add(storyId);
    }
  }
  ctx.emit('changed', { channelIds: [...channelIds], storyIds: [...storyIds] });
}

export function requireChannel(ctx: EngineContext, id: string): Channel {
  const channel = ctx.store.get<Channel>(CHANNELS_SHARD, id);
  if (!channel) throw new DeskError('not_found', `No channel with id ${id}.`);
  return channel;
}

export function requireActiveChannel(ctx: EngineContext, id: string): Channel {
  const channel = requireChannel(ctx, id);
  if (channel.archived) {
    throw new DeskError(
      'conflict',
      `The channel "${channel.name}" is archived; unarchive it first.`,
    );
  }
  return channel;
}

export const emptyContent = (text = ''): Content => ({ text, attachments: [], poll: null });
