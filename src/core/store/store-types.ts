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
  /** The record as it was before, kept in the journal for the hub's merge (not applied). */
  before?: unknown;
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
  /** Problems found on opening, or later while a shard or the outbox is read; the UI shows them. */
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
  /**
   * The outbox, read from the journal on disk: entries with seq > max(ackedSeq, afterSeq), in seq
   * order, at most `limit`. Entries committed while it reads may or may not be included.
   */
  outbox(opts: { afterSeq?: number; limit: number }): Promise<JournalEntry[]>;
  /**
   * Durably records that the hub holds every mutation up to `upToSeq`, then deletes the journal
   * segments both acknowledged and checkpointed. Throws for a seq never committed or below ackedSeq.
   */
  acknowledge(upToSeq: number): Promise<void>;
  /** The highest seq the hub has acknowledged (0 when none). */
  ackedSeq(): number;
  /** The highest seq committed (0 when none). */
  lastSeq(): number;
  /**
   * True when local records may be missing (a shard rebuilt without the journal's beginning): the
   * sync engine must pull everything again from the hub, then call `resyncDone`. Survives reopening.
   */
  needsFullResync(): boolean;
  /** Clears `needsFullResync` durably, after a full pull. */
  resyncDone(): Promise<void>;
  /** Writes dirty shards now (also runs in the background). */
  checkpoint(): Promise<void>;
  /**
   * Puts off the timed background checkpoint until the returned function is called: during a bulk
   * write (a pull) it would write shards about to change again and hold up the acknowledgements
   * queued behind it. The journal keeps everything meanwhile; a checkpoint by count still runs.
   */
  deferCheckpoints(): () => void;
  /** Checkpoints, then closes files. */
  close(): Promise<void>;
}
