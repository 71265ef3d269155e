// Archive search benchmark: an index over 100,000 generated archived copies (Italian, English and
// French newsroom texts, topics, 6 channels, 20 authors, two years of publication dates), then
// 1,200 varied queries timed one by one. Target: p99 ≤ 50 ms.
import type { Platform } from '../src/shared/domain';
import type { ArchivableCopy, ArchiveQuery } from '../src/shared/archive/archive-index';
import { ArchiveIndex } from '../src/shared/archive/archive-index';
import type { Delivery } from '../src/shared/sync/protocol';
import { formatTable, percentile, round } from './bench-stats';

const DOCS = 100_000;
const QUERIES = 1_200;
const DAY_MS = 86_400_000;
const END_MS = Date.parse('2026-11-01T00:00:00Z');
const SPAN_MS = 730 * DAY_MS;
const TARGET_P99_MS = 50;

const CHANNELS: Array<{ id: string; platform: Platform }> = [
  { id: 'chan-roma-tg', platform: 'telegram' },
  { id: 'chan-roma-wa', platform: 'whatsapp' },
  { id: 'chan-milano-tg', platform: 'telegram' },
  { id: 'chan-milano-wa', platform: 'whatsapp' },
  { id: 'chan-hook-01', platform: 'webhook' },
  { id: 'chan-feed-01', platform: 'feed' },
];
const TAGS = [
  'mobilità',
  'meteo',
  'scuola',
  'sport',
  'cultura',
  'sanità',
  'Centro',
  'Municipio II',
];
const PLACES = ['Via Nomentana', 'Piazza Venezia', 'Città Studi', 'Lungotevere', 'Porta Genova'];
const SENTENCES: Record<'it' | 'en' | 'fr', string[]> = {
  it: [
    'Traffico rallentato su {place}: ritardi fino a {n} minuti verso il centro.',
    'Le linee {n} e {m} sono deviate fino a nuovo avviso.',
    'Allerta meteo: pioggia intensa dalle {n}:00, evitare i sottopassi di {place}.',
    'Scuole chiuse domani a {place} per lo sciopero del personale.',
    'Il comune conferma: i lavori terminano venerdì alle {n}:00.',
    'Riapre la biblioteca di {place} dopo la ristrutturazione.',
  ],
  en: [
    'Expect delays of up to {n} minutes between {place} and the city centre.',
    'Bus lines {n} and {m} are diverted until further notice.',
    'Heavy rain is forecast from {n}:00; avoid underpasses around {place}.',
    'The council confirmed the roadworks will end on Friday at {n}:00.',
    'The stretch near {place} has reopened in both directions.',
    'Hospital visiting hours change from Monday at {place}.',
  ],
  fr: [
    'Circulation ralentie sur {place} : jusqu’à {n} minutes de retard.',
    'Les lignes {n} et {m} sont déviées jusqu’à nouvel ordre.',
    'Alerte météo : fortes pluies à partir de {n}h, évitez les passages souterrains.',
    'Les écoles de {place} ouvrent une heure plus tard demain à cause de la grève.',
    'La mairie confirme la fin des travaux vendredi à {n}h.',
    'Réouverture de la médiathèque de {place} après les travaux.',
  ],
};
/** A handful of copies carry a word nothing else has: the "rare word" queries look for them. */
const RARE_WORDS = ['zanzibar', 'quokka', 'xilofono', 'gnocchetti', 'wombat'];

/** A small deterministic generator (mulberry32), so every run indexes the same archive. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)] as T;

function textOf(rnd: () => number, i: number): string {
  const lang = pick(rnd, ['it', 'it', 'en', 'fr'] as const);
  const lines: string[] = [];
  const count = 1 + Math.floor(rnd() * 3);
  for (let s = 0; s < count; s++) {
    lines.push(
      pick(rnd, SENTENCES[lang])
        .replace('{place}', pick(rnd, PLACES))
        .replace('{n}', String(1 + Math.floor(rnd() * 90)))
        .replace('{m}', String(1 + Math.floor(rnd() * 90))),
    );
  }
  if (i % 20_000 === 7)
    lines.push(`Avvistato un ${pick(rnd, RARE_WORDS)} in ${pick(rnd, PLACES)}.`);
  return lines.join('\n');
}

/** The i-th generated archived copy. */
export function archivedCopy(
  rnd: () => number,
  i: number,
): { copy: ArchivableCopy; platform: Platform } {
  const channel = pick(rnd, CHANNELS);
  const publishedMs = END_MS - Math.floor(rnd() * SPAN_MS);
  const publishedAt = new Date(publishedMs).toISOString();
  const retention = channel.platform === 'whatsapp' ? 30 * DAY_MS : null;
  const delivery: Delivery = {
    state: rnd() < 0.03 ? 'withdrawn' : 'published',
    at: publishedAt,
    publishedAt,
    url: null,
    reason: null,
    attempts: 1,
    editableUntil: null,
    deletableUntil: null,
    retainedUntil: retention === null ? null : new Date(publishedMs + retention).toISOString(),
    corrections: rnd() < 0.1 ? 1 : 0,
    task: null,
  };
  const withPoll = rnd() < 0.05;
  const author = 1 + Math.floor(rnd() * 20);
  return {
    platform: channel.platform,
    copy: {
      id: `copy-${String(i).padStart(6, '0')}`,
      storyId: `story-${String(Math.floor(i / 2)).padStart(6, '0')}`,
      channelId: channel.id,
      text: textOf(rnd, i),
      poll: withPoll
        ? { question: 'Come arrivate al lavoro?', options: ['Metro', 'Bus', 'Bici'] }
        : null,
      deletedAt: null,
      tags: rnd() < 0.7 ? [pick(rnd, TAGS)] : [],
      delivery,
      author: { id: `user-${author}`, name: `Author ${author}` },
    },
  };
}

type QueryKind =
  'one word' | 'two words' | 'prefix' | 'filtered' | 'rare word' | 'common word' | 'filters only';

function queryOf(rnd: () => number, n: number): { kind: QueryKind; query: ArchiveQuery } {
  const base: ArchiveQuery = {
    text: '',
    channelIds: [],
    tag: null,
    from: null,
    to: null,
    authorId: null,
    limit: 50,
    offset: 0,
  };
  const from = END_MS - Math.floor(rnd() * SPAN_MS);
  const kinds: QueryKind[] = [
    'one word',
    'two words',
    'prefix',
    'filtered',
    'rare word',
    'common word',
    'filters only',
  ];
  const kind = kinds[n % kinds.length] as QueryKind;
  switch (kind) {
    case 'one word':
      return {
        kind,
        query: {
          ...base,
          text: pick(rnd, ['sciopero', 'pluie', 'roadworks', 'biblioteca', 'Città', 'météo']),
        },
      };
    case 'two words':
      return {
        kind,
        query: {
          ...base,
          text: pick(rnd, [
            'linee deviate',
            'heavy rain',
            'écoles grève',
            'lavori venerdì',
            'piazza venezia',
          ]),
        },
      };
    case 'prefix':
      return {
        kind,
        query: {
          ...base,
          text: pick(rnd, ['sciop', 'ritar', 'travau', 'underp', 'nomen', 'citt']),
        },
      };
    case 'filtered':
      return {
        kind,
        query: {
          ...base,
          text: pick(rnd, ['traffico', 'rain', 'lignes', 'scuole']),
          channelIds: [pick(rnd, CHANNELS).id],
          tag: rnd() < 0.5 ? pick(rnd, TAGS) : null,
          from: new Date(from - 90 * DAY_MS).toISOString(),
          to: new Date(from).toISOString(),
          authorId: rnd() < 0.5 ? `user-${1 + Math.floor(rnd() * 20)}` : null,
        },
      };
    case 'rare word':
      return { kind, query: { ...base, text: pick(rnd, RARE_WORDS) } };
    case 'common word':
      return {
        kind,
        query: {
          ...base,
          text: pick(rnd, ['the', 'le', 'di', 'minutes', 'lines']),
          offset: rnd() < 0.3 ? 50 : 0,
        },
      };
    case 'filters only':
      return {
        kind,
        query: {
          ...base,
          channelIds: [pick(rnd, CHANNELS).id],
          authorId: `user-${1 + Math.floor(rnd() * 20)}`,
        },
      };
  }
}

export interface ArchiveSearchBenchResult {
  docs: number;
  buildMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  heapMB: number;
}

/** Builds the archive index over 100,000 copies and times the queries; prints the figures. */
export async function runArchiveSearchBench(): Promise<ArchiveSearchBenchResult> {
  const rnd = random(20261121);
  const copies = Array.from({ length: DOCS }, (_, i) => archivedCopy(rnd, i));
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new ArchiveIndex();
  const t0 = performance.now();
  for (const { copy, platform } of copies) index.put(copy, platform);
  const buildMs = performance.now() - t0;
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  const now = new Date(END_MS);
  const samples: number[] = [];
  const byKind = new Map<QueryKind, number[]>();
  let found = 0;
  // A few untimed queries first, so the figures are the steady state and not the JIT warming up.
  for (let n = 0; n < 50; n++) index.search(queryOf(rnd, n).query, now);
  for (let n = 0; n < QUERIES; n++) {
    const { kind, query } = queryOf(rnd, n);
    const start = performance.now();
    const result = index.search(query, now);
    const ms = performance.now() - start;
    found += result.total > 0 ? 1 : 0;
    samples.push(ms);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  }
  const result: ArchiveSearchBenchResult = {
    docs: index.size,
    buildMs: round(buildMs, 1),
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(Math.max(...samples)),
    heapMB: round(heapMB, 1),
  };
  console.log(`archive search: ${result.docs} archived copies indexed in ${result.buildMs} ms`);
  console.log(
    formatTable(
      ['queries', 'count', 'p50 ms', 'p99 ms', 'max ms'],
      [...byKind].map(([kind, ms]) => [
        kind,
        ms.length,
        round(percentile(ms, 50)),
        round(percentile(ms, 99)),
        round(Math.max(...ms)),
      ]),
    ),
  );
  console.log(
    `all ${samples.length} queries (${found} found something): p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, max ${result.max} ms (target p99 ≤ ${TARGET_P99_MS} ms); index heap ≈ ${result.heapMB} MB`,
  );
  console.log(JSON.stringify({ benchmark: 'archive-search', ...result }));
  return result;
}
