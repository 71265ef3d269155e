// Loading one shard: from its snapshot, or — when the snapshot is damaged or missing — rebuilt by
// replaying every journal segment still on disk. Segments are deleted once the hub has acknowledged
// them and a checkpoint holds them, so when the journal no longer starts at seq 1 the rebuild gives
// only the changes made since: the caller then asks the sync engine for a full pull from the hub.
import type { StoreProblem } from '../../shared/domain';
import { moveAside } from './fs-durable';
import { listSegments } from './journal';
import { readJournal } from './journal-recovery';
import { readShardFile } from './snapshot-file';
import type { StoreLayout } from './store-layout';
import { shardPath } from './store-layout';
import type { ShardKey } from './store-types';

/** What the loader needs to know about the store's state. */
export interface ShardLoadContext {
  layout: StoreLayout;
  /** True when meta.json says this shard has a snapshot (so a missing file is damage). */
  expectSnapshot: boolean;
  checkpointSeq: number;
  /** The segment open for appending, if any (read, never rewritten). */
  activeSegment: string | null;
  onProblem(problem: StoreProblem): void;
}

/** A loaded shard; `rebuilt` when it came from the journal and must be written to a snapshot again. */
export interface LoadedShard {
  records: Map<string, unknown>;
  rebuilt: boolean;
  /** Rebuilt without the journal's beginning: records last changed before it are missing. */
  incomplete: boolean;
}

/** The records of a shard, from its snapshot or rebuilt from the journal. */
export async function loadShardRecords(
  key: ShardKey,
  context: ShardLoadContext,
): Promise<LoadedShard> {
  const file = shardPath(context.layout, key);
  const result = await readShardFile(file, key);
  if (result.state === 'ok')
    return { records: new Map(result.value.records), rebuilt: false, incomplete: false };
  if (result.state === 'missing' && !context.expectSnapshot)
    return { records: new Map(), rebuilt: false, incomplete: false };
  const setAsideAt =
    result.state === 'damaged' ? await moveAside(file, context.layout.quarantineDir) : null;
  const { records, mutations, firstSeqOnDisk } = await rebuildFromJournal(key, context);
  const what = result.state === 'damaged' ? `is damaged (${result.reason})` : 'is missing';
  const incomplete = firstSeqOnDisk > 1;
  const history = incomplete
    ? ` The journal on disk starts at seq ${firstSeqOnDisk} (earlier mutations were acknowledged by the hub ` +
      'and removed), so records last changed before it are missing here: they must be pulled again ' +
      'from the hub, and a full resync has been requested.'
    : '';
  context.onProblem({
    kind: 'corrupt-snapshot',
    file,
    setAsideAt,
    detail:
      `The snapshot of shard "${key}" ${what}. ` +
      (setAsideAt ? 'It was moved to quarantine and the' : 'The') +
      ` shard was rebuilt from the journal: ${records.size} record(s) from ${mutations} mutation(s).${history}`,
    at: new Date().toISOString(),
  });
  return { records, rebuilt: true, incomplete };
}

async function rebuildFromJournal(key: ShardKey, context: ShardLoadContext) {
  const records = new Map<string, unknown>();
  const segments = await listSegments(context.layout.journalDir);
  let mutations = 0;
  await readJournal({
    segments,
    fromSeq: 0,
    checkpointSeq: context.checkpointSeq,
    mayCutTornTail: false,
    activeName: context.activeSegment,
    quarantineDir: context.layout.quarantineDir,
    onEntry(entry) {
      let touched = false;
      for (const effect of entry.effects) {
        if (effect.shard !== key) continue;
        touched = true;
        if (effect.record === null) records.delete(effect.id);
        else records.set(effect.id, effect.record);
      }
      if (touched) mutations++;
    },
    onProblem: context.onProblem,
  });
  return { records, mutations, firstSeqOnDisk: segments[0]?.firstSeq ?? 1 };
}
