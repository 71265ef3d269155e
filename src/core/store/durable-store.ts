// The desk's durable store: a journal makes each commit durable (append + fdatasync), sharded lowdb
// snapshots are checkpoints written in the background, and opening loads only what is needed. The
// journal is also the outbox: entries above ackedSeq await the hub; a segment is deleted once the
// hub has acknowledged it and a checkpoint holds it.
import { rm } from 'node:fs/promises';
import type { StoreProblem } from '../../shared/domain';
import { removeTempFiles } from './fs-durable';
import type { SegmentInfo } from './journal';
import { encodeEntry, listSegments, settledSegments } from './journal';
import { JournalReaders } from './journal-readers';
import type { LastSegmentState } from './journal-recovery';
import { readJournal } from './journal-recovery';
import type { SegmentDamage } from './outbox-reader';
import { describeOutboxDamage, readOutbox } from './outbox-reader';
import {
  DEFAULT_PREALLOC_BYTES,
  JournalFlushError,
  preallocBytesAfter,
  SegmentWriter,
  SpareSegment,
} from './segment-writer';
import { loadShardRecords } from './shard-loader';
import { writeShardFile } from './snapshot-file';
import type { StoreLayout } from './store-layout';
import { createLayoutDirs, shardPath, storeLayout } from './store-layout';
import type { StoreLock } from './store-lock';
import { acquireStoreLock } from './store-lock';
import { StoreMetaState } from './store-meta';
import type { DurableStore, Effect, JournalEntry, OpenStoreOptions, ShardKey } from './store-types';

const DEFAULT_CHECKPOINT_EVERY = 2000;
const DEFAULT_CHECKPOINT_AFTER_MS = 5000;

/** Opens (or creates) the store in `opts.dir`; resolves once the preload shards and the journal tail are in memory. */
export async function openStore(opts: OpenStoreOptions): Promise<DurableStore> {
  const layout = storeLayout(opts.dir);
  await createLayoutDirs(layout);
  const lock = acquireStoreLock(layout.dir);
  const store = new JournaledStore(layout, lock, opts);
  try {
    await store.open(opts.preload ?? []);
  } catch (error) {
    store.abandon();
    throw error;
  }
  return store;
}

class JournaledStore implements DurableStore {
  readonly problems: StoreProblem[] = [];
  /** Loaded shards. */
  private readonly shards = new Map<ShardKey, Map<string, unknown>>();
  /** Every shard that exists, loaded or not. */
  private readonly known = new Set<ShardKey>();
  private readonly dirty = new Set<ShardKey>();
  private readonly loads = new Map<ShardKey, Promise<void>>();
  private readonly checkpointEvery: number;
  private readonly checkpointAfterMs: number;
  private writer: SegmentWriter | null = null;
  private readonly spare: SpareSegment;
  private committedSeq = 0;
  private readonly meta: StoreMetaState;
  private uncheckpointed = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Bulk writes under way that put timed checkpoints off (deferCheckpoints). */
  private deferrals = 0;
  /** A timed checkpoint came due while deferred: it is scheduled again on release. */
  private deferredDue = false;
  private readonly journalReaders = new JournalReaders();
  /** Outbox damage already reported (each read meets it again). */
  private readonly reportedDamage = new Set<string>();
  private failure: Error | null = null;
  private closing = false;
  private closed: Promise<void> | null = null;

  constructor(
    private readonly layout: StoreLayout,
    private readonly lock: StoreLock,
    opts: OpenStoreOptions,
  ) {
    this.checkpointEvery = opts.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY;
    this.checkpointAfterMs = opts.checkpointAfterMs ?? DEFAULT_CHECKPOINT_AFTER_MS;
    this.spare = new SpareSegment(layout.journalDir);
    this.meta = new StoreMetaState(layout);
  }

  /** Loads meta, replays the journal tail over the shards it touches, loads `preload`, opens the journal. */
  async open(preload: ShardKey[]): Promise<void> {
    await removeTempFiles(this.layout.dir);
    await removeTempFiles(this.layout.snapshotsDir);
    const segments = await listSegments(this.layout.journalDir);
    const fromSeq = await this.meta.load(segments[0]?.firstSeq ?? 1, (problem) =>
      this.problems.push(problem),
    );
    for (const key of this.meta.snapshotted) this.known.add(key);
    // The tail starts at the last segment that can hold seq fromSeq + 1.
    const start = Math.max(
      0,
      segments.findLastIndex((s) => s.firstSeq <= fromSeq + 1),
    );
    const tail: JournalEntry[] = [];
    const last = await readJournal({
      segments: segments.slice(start),
      fromSeq,
      checkpointSeq: this.meta.checkpointSeq,
      mayCutTornTail: true,
      activeName: null,
      quarantineDir: this.layout.quarantineDir,
      onEntry: (entry) => tail.push(entry),
      onProblem: (problem) => this.problems.push(problem),
    });
    const touched = new Set(tail.flatMap((entry) => entry.effects.map((effect) => effect.shard)));
    for (const key of touched) await this.ensureShard(key);
    for (const entry of tail) this.apply(entry.effects);
    this.committedSeq = Math.max(
      this.meta.checkpointSeq,
      tail.at(-1)?.seq ?? 0,
      (segments[0]?.firstSeq ?? 1) - 1,
    );
    await this.openWriter(last);
    for (const key of preload) await this.ensureShard(key);
    this.uncheckpointed = tail.length;
    if (this.problems.some((p) => p.kind !== 'torn-journal-tail')) {
      // Write the repaired state now, so the next open starts clean.
      await this.checkpoint();
    } else if (tail.length > 0) {
      this.scheduleCheckpoint(tail.length >= this.checkpointEvery ? 0 : this.checkpointAfterMs);
    }
  }

  /** Continues the last segment when it ends at `lastSeq`, else starts a new one. */
  private async openWriter(last: LastSegmentState | null): Promise<void> {
    const continues =
      last !== null &&
      (last.lastSeq === this.committedSeq ||
        (last.lastSeq === null && last.info.firstSeq === this.committedSeq + 1));
    await this.spare.discard();
    // After a clean close the last segment is empty: size the first spare for a full checkpoint interval.
    this.spare.prepare(Math.max(DEFAULT_PREALLOC_BYTES, preallocBytesAfter(last?.dataEnd ?? 0)));
    if (last && continues) {
      this.writer = SegmentWriter.reopen(last.info, last.dataEnd, last.fileBytes, last.lastSeq);
      return;
    }
    // An empty segment with the wrong name holds nothing; it would block the new one's name.
    if (last && last.lastSeq === null) await rm(last.info.path);
    this.writer = SegmentWriter.create(this.layout.journalDir, this.committedSeq + 1, null);
  }

  ensureShard(key: ShardKey): Promise<void> {
    if (this.shards.has(key)) return Promise.resolve();
    let load = this.loads.get(key);
    if (!load) {
      load = this.loadShard(key).finally(() => this.loads.delete(key));
      this.loads.set(key, load);
    }
    return load;
  }

  private async loadShard(key: ShardKey): Promise<void> {
    // Pinned: a rebuild reads every segment, which must not be deleted meanwhile.
    const { records, rebuilt, incomplete } = await this.journalReaders.read(() =>
      loadShardRecords(key, {
        layout: this.layout,
        expectSnapshot: this.meta.snapshotted.has(key),
        checkpointSeq: this.meta.checkpointSeq,
        activeSegment: this.writer?.info.name ?? null,
        onProblem: (problem) => this.problems.push(problem),
      }),
    );
    if (incomplete && !this.meta.needsFullResync) {
      this.meta.needsFullResync = true;
      // On open, the repair checkpoint records it; if this write fails, the next checkpoint does.
      if (this.writer) this.meta.enqueue(() => this.saveMetaIfOpen()).catch(() => undefined);
    }
    // A commit may have created a brand-new shard while we looked for its (absent) file.
    if (this.shards.has(key)) return;
    this.shards.set(key, records);
    this.known.add(key);
    if (rebuilt) this.dirty.add(key);
  }

  async ensureAll(): Promise<void> {
    // One at a time: peak memory stays at one shard's JSON text plus the loaded records.
    for (const key of [...this.known]) await this.ensureShard(key);
  }

  shardKeys(): ShardKey[] {
    return [...this.known];
  }

  get<T>(shard: ShardKey, id: string): T | undefined {
    return this.loaded(shard)?.get(id) as T | undefined;
  }

  all<T>(shard: ShardKey): T[] {
    const records = this.loaded(shard);
    return records ? ([...records.values()] as T[]) : [];
  }

  /** A loaded shard; undefined for a shard that does not exist; throws for one not loaded yet. */
  private loaded(shard: ShardKey): Map<string, unknown> | undefined {
    const records = this.shards.get(shard);
    if (!records && this.known.has(shard)) {
      throw new Error(`Shard "${shard}" is not loaded: call ensureShard("${shard}") first.`);
    }
    return records;
  }

  async commit(mutation: {
    mutationId: string;
    name: string;
    args: unknown;
    effects: Effect[];
  }): Promise<JournalEntry> {
    if (this.closing) throw new Error('The store is closed.');
    if (this.failure) throw this.failure;
    for (const effect of mutation.effects) this.checkEffect(effect);
    const seq = this.committedSeq + 1;
    const entry: JournalEntry = { ...mutation, seq, at: new Date().toISOString() };
    const { line, json } = encodeEntry(entry);
    try {
      this.writer!.append(line, seq);
    } catch (error) {
      if (error instanceof JournalFlushError) this.failure = error;
      throw error;
    }
    this.committedSeq = seq;
    // Memory holds what replay would produce (the JSON round trip), not the caller's objects.
    // (Keeping a pulled page's parsed records instead saved ~0.3 s of a 100,000-update pull but
    // held 51 MB more: objects parsed from JSON are the most compact V8 makes.)
    const durable = JSON.parse(json) as JournalEntry;
    this.apply(durable.effects);
    this.uncheckpointed++;
    this.scheduleCheckpoint(
      this.uncheckpointed >= this.checkpointEvery ? 0 : this.checkpointAfterMs,
    );
    return durable;
  }

  private checkEffect(effect: Effect): void {
    if (typeof effect.shard !== 'string' || effect.shard === '' || typeof effect.id !== 'string') {
      throw new Error('Each effect needs a shard key and a record id (non-empty strings).');
    }
    if (effect.record === undefined)
      throw new Error(`Effect on ${effect.shard}/${effect.id}: use null to remove.`);
    if (
      !this.shards.has(effect.shard) &&
      (this.known.has(effect.shard) || this.loads.has(effect.shard))
    ) {
      throw new Error(
        `Shard "${effect.shard}" is not loaded: call ensureShard("${effect.shard}") before committing.`,
      );
    }
  }

  /** Applies effects in memory; they are idempotent, so replaying one already applied is harmless. */
  private apply(effects: Effect[]): void {
    for (const { shard, id, record } of effects) {
      let records = this.shards.get(shard);
      if (!records) {
        records = new Map();
        this.shards.set(shard, records);
      }
      if (record === null) records.delete(id);
      else records.set(id, record);
      this.known.add(shard);
      this.dirty.add(shard);
    }
  }

  pendingCount(): number {
    return this.committedSeq - this.meta.ackedSeq;
  }

  lastSeq(): number {
    return this.committedSeq;
  }

  ackedSeq(): number {
    return this.meta.ackedSeq;
  }

  needsFullResync(): boolean {
    return this.meta.needsFullResync;
  }

  async outbox(opts: { afterSeq?: number; limit: number }): Promise<JournalEntry[]> {
    const afterSeq = opts.afterSeq ?? 0;
    if (!Number.isSafeInteger(opts.limit) || opts.limit < 0)
      throw new Error(`outbox: limit must be a whole number ≥ 0, got ${opts.limit}.`);
    if (!Number.isSafeInteger(afterSeq) || afterSeq < 0)
      throw new Error(`outbox: afterSeq must be a whole number ≥ 0, got ${afterSeq}.`);
    if (!this.writer) throw new Error('The store is closed.');
    // Both read now: what is committed later may be in flight and is left for the next call.
    const fromSeq = Math.max(this.meta.ackedSeq, afterSeq);
    const toSeq = this.committedSeq;
    if (opts.limit === 0 || fromSeq >= toSeq) return [];
    return this.journalReaders.read(() =>
      readOutbox({
        journalDir: this.layout.journalDir,
        fromSeq,
        toSeq,
        limit: opts.limit,
        onDamage: (segment, damage) => this.reportOutboxDamage(segment, damage),
      }),
    );
  }

  private reportOutboxDamage(segment: SegmentInfo, damage: SegmentDamage): void {
    const key = `${segment.name} ${JSON.stringify(damage)}`;
    if (this.reportedDamage.has(key)) return;
    this.reportedDamage.add(key);
    this.problems.push({
      kind: 'corrupt-journal',
      file: segment.path,
      setAsideAt: null,
      detail: describeOutboxDamage(damage, this.meta.checkpointSeq),
      at: new Date().toISOString(),
    });
  }

  async acknowledge(upToSeq: number): Promise<void> {
    this.meta.checkAcknowledge(upToSeq, this.committedSeq);
    if (upToSeq === this.meta.ackedSeq) return;
    if (this.closing) throw new Error('The store is closed.');
    await this.meta.enqueue(async () => {
      if (!this.writer) throw new Error('The store is closed.');
      await this.meta.acknowledge(upToSeq, this.committedSeq);
      await this.removeSettledSegments();
    });
  }

  async resyncDone(): Promise<void> {
    if (this.closing) throw new Error('The store is closed.');
    await this.meta.enqueue(async () => {
      if (!this.writer) throw new Error('The store is closed.');
      await this.meta.clearFullResync();
    });
  }

  /** Rewrites meta.json as it stands, unless the store has closed (the folder may be another's). */
  private async saveMetaIfOpen(): Promise<void> {
    if (this.writer) await this.meta.save(this.meta.checkpointSeq, this.meta.ackedSeq);
  }

  /**
   * Deletes the segments both acknowledged and checkpointed; runs in the meta queue. Housekeeping:
   * a failure is left for the next acknowledgement or checkpoint, and while the journal is being
   * read the deletion waits for the last reader.
   */
  private async removeSettledSegments(): Promise<void> {
    const retry = () =>
      void this.meta.enqueue(() => this.removeSettledSegments()).catch(() => undefined);
    await this.journalReaders
      .remove(async () => {
        const active = this.writer?.info.name;
        // Closed: the folder may belong to another process now.
        if (active === undefined) return;
        const settled = Math.min(this.meta.ackedSeq, this.meta.checkpointSeq);
        const segments = await listSegments(this.layout.journalDir);
        for (const segment of settledSegments(segments, settled, active)) await rm(segment.path);
      }, retry)
      .catch(() => undefined);
  }

  /** Runs a checkpoint after `delayMs`, unless one is already due sooner. */
  private scheduleCheckpoint(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.deferrals > 0 && this.uncheckpointed < this.checkpointEvery) {
        this.deferredDue = true;
        return;
      }
      // A failed background checkpoint leaves the shards dirty; the journal still holds everything.
      this.checkpoint().catch(() => {
        if (!this.failure && !this.closing) this.scheduleCheckpoint(this.checkpointAfterMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  checkpoint(): Promise<void> {
    return this.meta.enqueue(() => this.runCheckpoint());
  }

  deferCheckpoints(): () => void {
    this.deferrals++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.deferrals--;
      if (this.deferrals > 0 || !this.deferredDue) return;
      this.deferredDue = false;
      if (!this.failure && !this.closing) this.scheduleCheckpoint(this.checkpointAfterMs);
    };
  }

  /**
   * Rotates the journal at the current seq, writes the dirty shards, then meta.json. Each shard is
   * serialised when its write starts, so it holds at least everything up to `upto`; replaying the
   * tail over effects it already holds is harmless.
   */
  private async runCheckpoint(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.writer) throw new Error('The store is closed.');
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A few milliseconds at most; the new segment is then allocated ahead.
    await this.spare.settled();
    const upto = this.committedSeq;
    const keys = [...this.dirty];
    if (keys.length === 0 && upto === this.meta.checkpointSeq) return;
    this.dirty.clear();
    this.uncheckpointed = 0;
    const retired = this.rotate(upto);
    try {
      // Trimming the old segment is housekeeping: a failure must not fail the checkpoint.
      await retired?.retire().catch(() => undefined);
      for (const key of keys) {
        await writeShardFile(
          shardPath(this.layout, key),
          key,
          this.committedSeq,
          this.shards.get(key)!,
        );
        this.meta.snapshotted.add(key);
      }
      await this.meta.save(upto, this.meta.ackedSeq);
      this.meta.checkpointSeq = upto;
    } catch (error) {
      for (const key of keys) this.dirty.add(key);
      throw error;
    }
    await this.removeSettledSegments();
  }

  /**
   * Starts a new segment at `upto + 1`, so the tail after this checkpoint is whole segments.
   * Synchronous, so no commit lands between choosing `upto` and switching files. Returns the old one.
   */
  private rotate(upto: number): SegmentWriter | null {
    const old = this.writer!;
    if (old.empty) return null;
    this.writer = SegmentWriter.create(this.layout.journalDir, upto + 1, this.spare.take());
    // On close the new segment stays empty (the next open continues it): no spare needed then.
    if (!this.closing) this.spare.prepare(preallocBytesAfter(old.dataBytes));
    return old;
  }

  close(): Promise<void> {
    this.closed ??= this.closeOnce();
    return this.closed;
  }

  private async closeOnce(): Promise<void> {
    this.closing = true;
    try {
      if (!this.failure) await this.checkpoint();
      // Acknowledgements and deletions queued meanwhile finish while the lock is still held.
      await this.meta.drain();
    } finally {
      // Before the lock goes: the spare's path belongs to whoever holds the folder next.
      await this.spare.discard().catch(() => undefined);
      this.abandon();
    }
  }

  /** Closes files and forgets the lock in this process, leaving the LOCK file as a dead process would. */
  crash(): void {
    this.closing = true;
    this.closed = Promise.resolve();
    if (this.timer) clearTimeout(this.timer);
    this.writer?.close();
    this.writer = null;
    this.lock.forget();
  }

  /** Releases files and the lock without writing anything. */
  abandon(): void {
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writer?.close();
    this.writer = null;
    this.lock.release();
  }
}

/**
 * Stops a store the way a killed process would: files closed, nothing written, the LOCK file left
 * behind. For crash tests and fault drills; the store is unusable afterwards.
 */
export function simulateCrash(store: DurableStore): void {
  if (!(store instanceof JournaledStore))
    throw new Error('simulateCrash needs a store made by openStore');
  store.crash();
}
