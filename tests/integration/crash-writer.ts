// The writer the crash test kills: opens a store and commits edits as fast as it can, printing each
// acknowledged write ({seq, shard, id, value}) only after commit() has resolved.
// Usage: node crash-writer.mjs <store dir> <seed>
import { openStore } from '../../src/core/store/durable-store';

const SHARDS = ['updates.a', 'updates.b', 'updates.c', 'updates.d', 'channels'];
const IDS_PER_SHARD = 40;
/** Small, so that checkpoints and journal rotations happen many times during a short run. */
const CHECKPOINT_EVERY = 25;
const CHECKPOINT_AFTER_MS = 20;

interface CounterRecord {
  value: number;
  text: string;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const [dir, seedText] = process.argv.slice(2);
  if (!dir) throw new Error('usage: crash-writer <dir> <seed>');
  const random = mulberry32(Number(seedText ?? 1));
  const store = await openStore({
    dir,
    checkpointEvery: CHECKPOINT_EVERY,
    checkpointAfterMs: CHECKPOINT_AFTER_MS,
  });
  await store.ensureAll();
  process.stdout.write('ready\n');
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
    // Yield so the background checkpoint can run between commits, as it would in the app.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `crash-writer failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
