// Which copies belong to which story, across every channel shard.
import type { DurableStore } from './store/store-types';
import type { UpdateRecord } from './update-records';

interface Location {
  shard: string;
  storyId: string;
}

export class StoryIndex {
  private readonly byStory = new Map<string, Set<string>>(); // storyId → updateIds
  private readonly located = new Map<string, Location>(); // updateId → where it is

  constructor(private readonly store: DurableStore) {}

  /** Indexes every record of a loaded updates shard. */
  addShard(shard: string): void {
    for (const rec of this.store.all<UpdateRecord>(shard)) this.put(shard, rec);
  }

  /** Keeps the index in step with a committed mutation. */
  applyEffects(effects: { shard: string; id: string; record: unknown }[]): void {
    for (const e of effects) {
      if (!e.shard.startsWith('updates.')) continue;
      if (e.record) this.put(e.shard, e.record as UpdateRecord);
      else this.remove(e.id);
    }
  }

  /** Every stored copy of a story (trashed ones included). */
  copiesOf(storyId: string): UpdateRecord[] {
    const out: UpdateRecord[] = [];
    for (const updateId of this.byStory.get(storyId) ?? []) {
      const rec = this.recordOf(updateId);
      if (rec) out.push(rec);
    }
    return out;
  }

  recordOf(updateId: string): UpdateRecord | undefined {
    const loc = this.located.get(updateId);
    return loc ? this.store.get<UpdateRecord>(loc.shard, updateId) : undefined;
  }

  storyOf(updateId: string): string | undefined {
    return this.located.get(updateId)?.storyId;
  }

  private put(shard: string, rec: UpdateRecord): void {
    this.located.set(rec.id, { shard, storyId: rec.storyId });
    let ids = this.byStory.get(rec.storyId);
    if (!ids) this.byStory.set(rec.storyId, (ids = new Set()));
    ids.add(rec.id);
  }

  private remove(updateId: string): void {
    const loc = this.located.get(updateId);
    if (!loc) return;
    this.located.delete(updateId);
    const ids = this.byStory.get(loc.storyId);
    ids?.delete(updateId);
    if (ids?.size === 0) this.byStory.delete(loc.storyId);
  }
}
