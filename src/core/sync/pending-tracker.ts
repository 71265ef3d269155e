// Which records have mutations the hub has not acknowledged yet: the "pending" state of each row.
import type { JournalEntry } from '../store/store-types';
import { kindOfShard } from './sync-docs';

/** Journal entries the sync engine writes itself (pulled records, refusals): never pushed. */
export const isSyncEntry = (entry: { name: string }): boolean => entry.name.startsWith('@');

export class PendingTracker {
  private readonly bySeq = new Map<number, string[]>();
  private readonly counts = new Map<string, number>();

  /** Notes a local mutation (entries of the sync engine itself are ignored). */
  add(entry: JournalEntry): void {
    if (isSyncEntry(entry) || this.bySeq.has(entry.seq)) return;
    const ids = entry.effects.filter((e) => kindOfShard(e.shard) !== null).map((e) => e.id);
    this.bySeq.set(entry.seq, ids);
    for (const id of ids) this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  /** Forgets every mutation up to `seq` (the hub holds them now). */
  acknowledge(seq: number): void {
    for (const [s, ids] of this.bySeq) {
      if (s > seq) continue;
      this.bySeq.delete(s);
      for (const id of ids) {
        const n = (this.counts.get(id) ?? 1) - 1;
        if (n <= 0) this.counts.delete(id);
        else this.counts.set(id, n);
      }
    }
  }

  isPending(id: string): boolean {
    return this.counts.has(id);
  }

  /** Local mutations waiting for the hub. */
  get size(): number {
    return this.bySeq.size;
  }
}
