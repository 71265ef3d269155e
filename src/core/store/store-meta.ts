// meta.json as the store holds it in memory, and the one queue every write of it goes through
// (checkpoints, acknowledgements, the full-resync flag): writes never race, and each field in memory
// changes only once the file that says so is on disk.
import type { StoreProblem } from '../../shared/domain';
import { moveAside } from './fs-durable';
import { listShardKeysOnDisk, readMeta, writeMeta } from './snapshot-file';
import type { StoreLayout } from './store-layout';
import type { ShardKey } from './store-types';

const settle = (): undefined => undefined;

/** The durable bookkeeping of a store: checkpoint, acknowledgements, shards with a snapshot, resync flag. */
export class StoreMetaState {
  /** The snapshots hold every effect with seq ≤ checkpointSeq. */
  checkpointSeq = 0;
  /** The hub holds every mutation with seq ≤ ackedSeq; the journal above it is the outbox. */
  ackedSeq = 0;
  /** Local records may be missing: the sync engine must pull everything again. */
  needsFullResync = false;
  /** Shards that have a snapshot file (what meta.json lists). */
  readonly snapshotted = new Set<ShardKey>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly layout: StoreLayout) {}

  /**
   * Reads meta.json (setting a damaged one aside) and returns the seq after which the journal must
   * be replayed. `firstSeqOnDisk` is where the journal on disk starts.
   */
  async load(firstSeqOnDisk: number, onProblem: (problem: StoreProblem) => void): Promise<number> {
    const meta = await readMeta(this.layout.metaFile);
    if (meta.state === 'ok') {
      this.checkpointSeq = meta.value.checkpointSeq;
      this.ackedSeq = meta.value.ackedSeq;
      this.needsFullResync = meta.value.needsFullResync ?? false;
      for (const key of meta.value.shards) this.snapshotted.add(key);
      return this.checkpointSeq;
    }
    // Segments are deleted only after meta.json recorded them as acknowledged and checkpointed; and
    // without meta's list of shards a lost snapshot would go unnoticed, with no journal to rebuild it.
    const historyGone = firstSeqOnDisk > 1;
    if (historyGone) {
      this.ackedSeq = firstSeqOnDisk - 1;
      this.needsFullResync = true;
    }
    if (meta.state === 'damaged' || historyGone) {
      const setAsideAt =
        meta.state === 'damaged'
          ? await moveAside(this.layout.metaFile, this.layout.quarantineDir)
          : null;
      onProblem({
        kind: 'corrupt-snapshot',
        file: this.layout.metaFile,
        setAsideAt,
        detail:
          (meta.state === 'damaged'
            ? `The store's meta.json is damaged (${meta.reason}). It was moved to quarantine; the shards were `
            : "The store's meta.json is missing; the shards were ") +
          'found from their snapshot files and the whole journal on disk was replayed over them.' +
          (historyGone
            ? ` The journal starts at seq ${firstSeqOnDisk} (earlier mutations were acknowledged and removed), ` +
              'so a lost snapshot cannot be noticed or rebuilt: the records must be pulled again from the hub, ' +
              'and a full resync has been requested.'
            : ''),
        at: new Date().toISOString(),
      });
    }
    // Without meta (a new store, a crash before the first checkpoint, or damage) nothing is known to be
    // checkpointed: replay every segment. Snapshot files found on disk are used as the base.
    for (const key of await listShardKeysOnDisk(this.layout.snapshotsDir))
      this.snapshotted.add(key);
    return 0;
  }

  /** Runs `job` after every meta.json writer queued before it. */
  enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.then(settle, settle);
    return run;
  }

  /** Resolves once every queued job, including those queued meanwhile, has finished. */
  async drain(): Promise<void> {
    for (let queued = this.queue; ; queued = this.queue) {
      await queued;
      if (queued === this.queue) return;
    }
  }

  /** Writes meta.json atomically with these seqs and the current shards and flag. Call inside the queue. */
  save(checkpointSeq: number, ackedSeq: number): Promise<void> {
    return writeMeta(this.layout.metaFile, {
      checkpointSeq,
      ackedSeq,
      shards: [...this.snapshotted].sort(),
      needsFullResync: this.needsFullResync,
    });
  }

  /** Throws when `upToSeq` cannot be acknowledged: never committed, or below ackedSeq. */
  checkAcknowledge(upToSeq: number, committedSeq: number): void {
    if (!Number.isSafeInteger(upToSeq))
      throw new Error(`acknowledge: seq must be a whole number, got ${upToSeq}.`);
    if (upToSeq > committedSeq) {
      throw new Error(
        `acknowledge: seq ${upToSeq} was never committed here (the last committed seq is ${committedSeq}).`,
      );
    }
    if (upToSeq < this.ackedSeq) {
      throw new Error(
        `acknowledge: seq ${upToSeq} is below the seq already acknowledged (${this.ackedSeq}); ` +
          'acknowledgements only move forward.',
      );
    }
  }

  /** Records `upToSeq` as acknowledged on disk, then in memory. Call inside the queue. */
  async acknowledge(upToSeq: number, committedSeq: number): Promise<void> {
    // An acknowledgement queued earlier may have moved ackedSeq past upToSeq meanwhile.
    this.checkAcknowledge(upToSeq, committedSeq);
    if (upToSeq === this.ackedSeq) return;
    await this.save(this.checkpointSeq, upToSeq);
    this.ackedSeq = upToSeq;
  }

  /** Clears the full-resync flag on disk, then in memory. Call inside the queue. */
  async clearFullResync(): Promise<void> {
    if (!this.needsFullResync) return;
    this.needsFullResync = false;
    try {
      await this.save(this.checkpointSeq, this.ackedSeq);
    } catch (error) {
      // On disk the flag is still raised.
      this.needsFullResync = true;
      throw error;
    }
  }
}
