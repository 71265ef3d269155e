// The desk's permanent archive: its published copies in a word index, built from the store the
// first time someone searches, then kept in step with every committed change (like StoryIndex).
import type { Channel } from '../shared/domain';
import type { ArchiveQuery } from '../shared/archive/archive-index';
import { ArchiveIndex } from '../shared/archive/archive-index';
import type { ArchiveSearchResult } from '../shared/archive/protocol';
import { CHANNELS_SHARD, isUpdatesShard } from './engine-context';
import type { DurableStore } from './store/store-types';
import type { UpdateRecord } from './update-records';

export class DeskArchive {
  // Built on first use: a desk that never opens the archive never pays for it.
  private index: ArchiveIndex | null = null;

  constructor(private readonly store: DurableStore) {}

  /** Keeps the index in step with a committed mutation (nothing to do before it is built). */
  applyEffects(effects: { shard: string; id: string; record: unknown }[]): void {
    const index = this.index;
    if (!index) return;
    for (const e of effects) {
      if (!isUpdatesShard(e.shard)) continue;
      if (e.record) this.put(index, e.record as UpdateRecord);
      else index.remove(e.id);
    }
  }

  /** Searches the archive; every updates shard must be loaded (the engine's `ready`). */
  search(query: ArchiveQuery, now: Date): ArchiveSearchResult {
    return this.built().search(query, now);
  }

  private built(): ArchiveIndex {
    if (this.index) return this.index;
    const index = new ArchiveIndex();
    for (const key of this.store.shardKeys()) {
      if (!isUpdatesShard(key)) continue;
      for (const rec of this.store.all<UpdateRecord>(key)) this.put(index, rec);
    }
    this.index = index;
    return index;
  }

  private put(index: ArchiveIndex, rec: UpdateRecord): void {
    // A channel's platform never changes, so the hit keeps the one it had when indexed.
    const channel = this.store.get<Channel>(CHANNELS_SHARD, rec.channelId);
    if (channel) index.put(rec, channel.platform);
    else index.remove(rec.id);
  }
}
