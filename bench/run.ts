// Benchmark runner: `npm run bench [name ...]` runs the named benchmarks (default: all).
// A benchmark prints a readable report, then one JSON object as its last line.
import { runArchiveBenchmark } from './archive-bench';
import { runPublishBenchmark } from './publish-bench';
import { runStoreBenchmark } from './store-bench';
import { runSyncBenchmark } from './sync-bench';
import { runTimelineBenchmark } from './timeline-bench';

/** Every benchmark by name; new benchmarks register here. */
const BENCHMARKS: Record<string, () => Promise<void>> = {
  archive: runArchiveBenchmark,
  publish: runPublishBenchmark,
  store: runStoreBenchmark,
  sync: runSyncBenchmark,
  timeline: runTimelineBenchmark,
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark(s): ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}.`,
  );
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(BENCHMARKS)) {
  await BENCHMARKS[name]!();
}
