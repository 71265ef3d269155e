// `npm run bench archive`: the permanent archive at 100,000 copies — full-text search over the
// desk's index (p99 ≤ 50 ms) and a streamed export to CSV and JSON (≤ 5 s each, bounded memory).
import { runArchiveExportBench } from './archive-export-bench';
import { runArchiveSearchBench } from './archive-search-bench';

const SEARCH_P99_TARGET_MS = 50;
const EXPORT_TARGET_MS = 5_000;

export async function runArchiveBenchmark(): Promise<void> {
  const search = await runArchiveSearchBench();
  const exported = await runArchiveExportBench();
  const met =
    search.p99 <= SEARCH_P99_TARGET_MS &&
    exported.csvMs <= EXPORT_TARGET_MS &&
    exported.jsonMs <= EXPORT_TARGET_MS;
  console.log(
    `archive: search p99 ${search.p99} ms (≤ ${SEARCH_P99_TARGET_MS}), export CSV ${exported.csvMs} ms, JSON ${exported.jsonMs} ms (≤ ${EXPORT_TARGET_MS}), peak RSS growth ${exported.peakRssDeltaMB} MB — ${met ? 'targets met' : 'TARGET MISSED'}`,
  );
  console.log(JSON.stringify({ benchmark: 'archive', search, export: exported, met }));
}
