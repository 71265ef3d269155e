// The writer the crash test kills: opens a store and commits edits as fast as it can, printing each
// acknowledged write ({seq, shard, id, value}) only after commit() has resolved. Like a sync engine,
// it also acknowledges random prefixes of what it committed (printing {acked} once acknowledge() has
// resolved) and reads the outbox while committing; a wrong outbox or a refused acknowledgement
// makes it exit on its own, which the test reports.
// Usage: node crash-writer.mjs <store dir> <seed>
import { openStore } from '../../src/core/store/durable-store';
import type { DurableStore } from '../../src/core/store/store-types';
import { seededRandom } from '../support/seeded-random';

const SHARDS = ['updates.a', 'updates.b', 'updates.c', 'updates.d', 'channels'];
const IDS_PER_SHARD = 40;
/** Small, so that checkpoints and journal rotations happen many times during a short run. */
const CHECKPOINT_EVERY = 25;
const CHECKPOINT_AFTER_MS = 20;
/** Chance, after each commit, of acknowledging a random prefix of the commits. */
const ACK_CHANCE = 0.05;
/** Chance, after each commit, of reading the outbox while the commits go on. */
const OUTBOX_READ_CHANCE = 0.01;
const OUTBOX_READ_LIMIT = 500;

interface CounterRecord {
  value: number;
  text: string;
}

function fail(error: unknown): never {
  process.stderr.write(
    `crash-writer failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
}

/**
 * Starts an outbox read and checks, when it ends, that it holds exactly the entries pending when it
 * started (up to the limit), even if acknowledgements and checkpoints delete segments meanwhile.
 */
function checkOutbox(store: DurableStore): void {
  const acked = store.ackedSeq();
  const last = Math.min(store.lastSeq(), acked + OUTBOX_READ_LIMIT);
  store
    .outbox({ limit: OUTBOX_READ_LIMIT })
    .then((entries) => {
      const right =
        entries.length === last - acked && entries.every((entry, i) => entry.seq === acked + 1 + i);
      if (!right) {
        const got = entries.map((e) => e.seq);
        throw new Error(`outbox of seqs ${acked + 1}..${last} returned ${got.join(',')}`);
      }
    })
    .catch(fail);
}

async function main(): Promise<void> {
  const [dir, seedText] = process.argv.slice(2);
  if (!dir) throw new Error('usage: crash-writer <dir> <seed>');
  const random = seededRandom(Number(seedText ?? 1));
  const store = await openStore({
    dir,
    checkpointEvery: CHECKPOINT_EVERY,
    checkpointAfterMs: CHECKPOINT_AFTER_MS,
  });
  await store.ensureAll();
  process.stdout.write('ready\n');
  /** The highest seq asked to be acknowledged: targets only move forward. */
  let ackTarget = store.ackedSeq();
  for (;;) {
    // One or two records per mutation, in different shards or ids, so multi-effect entries are covered.
    const picks = new Map<string, { shard: string; id: string }>();
    const count = random() < 0.3 ? 2 : 1;
    while (picks.size < count) {
      const shard = SHARDS[Math.floor(random() * SHARDS.length)]!;
      const id = `r${Math.floor(random() * IDS_PER_SHARD)}`;
      picks.set(`${shard}/${id}`, { shard, id });
    }
    const effects = [...picks.values()].map(({ shard, id }) => {
      const previous = store.get<CounterRecord>(shard, id)?.value ?? 0;
      const record: CounterRecord = {
        value: previous + 1,
        text: 'x'.repeat(20 + Math.floor(random() * 400)),
      };
      return { shard, id, record };
    });
    const entry = await store.commit({
      mutationId: `w-${Date.now()}-${random()}`,
      name: 'bump',
      args: {},
      effects,
    });
    for (const { shard, id, record } of effects) {
      process.stdout.write(
        JSON.stringify({ seq: entry.seq, shard, id, value: record.value }) + '\n',
      );
    }
    if (random() < ACK_CHANCE) {
      const target = ackTarget + Math.floor(random() * (entry.seq - ackTarget + 1));
      if (target > ackTarget) {
        ackTarget = target;
        store
          .acknowledge(target)
          .then(() => process.stdout.write(JSON.stringify({ acked: target }) + '\n'))
          .catch(fail);
      }
    }
    if (random() < OUTBOX_READ_CHANCE) checkOutbox(store);
    // Yield so the background checkpoint can run between commits, as it would in the app.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

main().catch(fail);
