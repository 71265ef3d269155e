// The durable store's interface. The engine decides what a mutation does; the store makes it
// durable (journal first) and keeps the sharded snapshots that let it open quickly.
import type { StoreProblem } from '../../shared/domain';

/** A shard is one JSON document of records by id, e.g. "channels" or "updates.<channelId>". */
export type ShardKey = string;

/** One write the engine resolved: the new record for (shard, id), or null to remove it. */
export interface Effect {
  shard: ShardKey;
  id: string;
  record: unknown | null;
}

/** One line of the journal: the mutation as the hub will see it, and its resolved effects. */
export interface JournalEntry {
  seq: number;
  mutationId: string;
  name: string;
  args: unknown;
  at: string;
  effects: Effect[];
}

export interface OpenStoreOptions {
  dir: string;
  /** Shards to load before `openStore` resolves (e.g. the first channel's timeline). */
  preload?: ShardKey[];
  /** Checkpoint when this many entries are journaled since the last one (default 2000). */
  checkpointEvery?: number;
  /** And at most this long after the first unchecked entry (default 5000 ms). */
  checkpointAfterMs?: number;
}

export interface DurableStore {
  /** Problems found on opening (damaged files set aside); the UI shows them. */
  readonly problems: readonly StoreProblem[];
  /** Loads a shard from its snapshot if it is not in memory yet. */
  ensureShard(key: ShardKey): Promise<void>;
  /** Loads every shard (search, calendar across channels). */
  ensureAll(): Promise<void>;
  /** Keys of every shard that exists (loaded or not). */
  shardKeys(): ShardKey[];
  /** Reads a record; the shard must be loaded. */
  get<T>(shard: ShardKey, id: string): T | undefined;
  /** All records of a loaded shard. */
  all<T>(shard: ShardKey): T[];
  /**
   * Appends the mutation to the journal, fsyncs, then applies its effects in memory.
   * When the promise resolves the mutation survives a crash. Shards touched must be loaded.
   */
  commit(mutation: {
    mutationId: string;
    name: string;
    args: unknown;
    effects: Effect[];
  }): Promise<JournalEntry>;
  /** Journaled mutations not yet acknowledged by a hub (the outbox). */
  pendingCount(): number;
  /** Writes dirty shards now (also runs in the background). */
  checkpoint(): Promise<void>;
  /** Checkpoints, then closes files. */
  close(): Promise<void>;
}
