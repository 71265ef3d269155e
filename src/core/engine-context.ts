// What every handler group shares: the store, the clock, the story index and the event emitter.
import { randomUUID } from 'node:crypto';
import type { DeskEvents, EventName } from '../shared/contract';
import { DeskError } from '../shared/contract';
import type { Channel, Content, HubStamp, SyncState } from '../shared/domain';
import type { MediaStore } from './media-store';
import type { SettingsStore } from './platform';
import type { StoryIndex } from './story-index';
import type { DurableStore, Effect, JournalEntry } from './store/store-types';
import type { UpdateRecord } from './update-records';

export const CHANNELS_SHARD = 'channels';
/** Each channel's copies live in their own shard so one channel's timeline opens alone. */
export const updatesShard = (channelId: string): string => `updates.${channelId}`;
export const isUpdatesShard = (key: string): boolean => key.startsWith('updates.');
/** The sync engine's own state (cursor, client id, refusals); never pushed. */
export const SYNC_SHARD = 'sync';
/** Records of these shards are what a hub holds; their changes are pushed. */
export const isRecordShard = (key: string): boolean =>
  key === CHANNELS_SHARD || isUpdatesShard(key);

export interface EngineContext {
  dataDir: string;
  store: DurableStore;
  media: MediaStore;
  settings: SettingsStore;
  stories: StoryIndex;
  now(): Date;
  newId(): string;
  emit<E extends EventName>(event: E, payload: DeskEvents[E]): void;
  /** Where a record stands with the hub (the sync engine answers once it runs). */
  syncStateOf(record: { id: string; hub?: HubStamp | undefined }): {
    state: SyncState;
    note?: string;
  };
  /** The archive's word index, kept in step with commits like `stories` (absent in some tests). */
  archive?: { applyEffects(effects: Effect[]): void } | undefined;
  /** Called after each durable commit (the sync engine pushes it). */
  afterCommit?: ((entry: JournalEntry) => void) | undefined;
}

/**
 * Records one mutation durably and tells open windows what changed. Each effect on a record
 * keeps the record as it was before (`before`): the hub merges the change from it.
 */
export async function commitMutation(
  ctx: EngineContext,
  name: string,
  args: unknown,
  effects: Effect[],
): Promise<JournalEntry> {
  const removedStories = new Map<string, string>();
  for (const e of effects) {
    const storyId = e.record === null ? ctx.stories.storyOf(e.id) : undefined;
    if (storyId) removedStories.set(e.id, storyId);
  }
  const journaled = effects.map((e) =>
    isRecordShard(e.shard) && e.before === undefined
      ? { ...e, before: ctx.store.get(e.shard, e.id) ?? null }
      : e,
  );
  const entry = await ctx.store.commit({
    mutationId: randomUUID(),
    name,
    args,
    effects: journaled,
  });
  ctx.stories.applyEffects(effects);
  ctx.archive?.applyEffects(effects);
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
  ctx.afterCommit?.(entry);
  return entry;
}

/** A view of a record with its current sync state (which changes without the record changing). */
export function withSync<T extends { syncState: SyncState; syncNote?: string }>(
  ctx: EngineContext,
  view: T,
  record: { id: string; hub?: HubStamp | undefined },
): T {
  const { state, note } = ctx.syncStateOf(record);
  if (state === view.syncState && note === undefined) return view;
  return note === undefined
    ? { ...view, syncState: state }
    : { ...view, syncState: state, syncNote: note };
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
