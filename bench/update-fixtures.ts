// Deterministic, realistic records for benchmarks: channels and updates shaped like the app's
// domain types, with newsroom-style text so each update is about 300–600 bytes of JSON.
import type { Channel, Update } from '../src/shared/domain';

const TOPICS = [
  'Traffic',
  'Weather',
  'Breaking',
  'Sport',
  'Schools',
  'Roadworks',
  'Events',
  'Transport',
];
const PLACES = [
  'Via Nomentana',
  'Piazza Venezia',
  'Municipio II',
  'Termini station',
  'the ring road',
  'Lungotevere',
];
const SENTENCES = [
  'Expect delays of up to {n} minutes between {place} and the city centre.',
  'Bus lines {n} and {m} are diverted until further notice.',
  'The council confirmed the works will end on Friday at {n}:00.',
  '*Update:* the stretch near {place} has reopened in both directions.',
  'Heavy rain is forecast from {n}:00; avoid underpasses around {place}.',
  'Schools in {place} open one hour later tomorrow because of the strike.',
  'Follow the live map for the latest closures: https://example.org/live/{n}',
  '_Correction:_ an earlier message gave the wrong time for the closure.',
  'Police ask drivers to use alternative routes while the area is cleared.',
  'The final score was {n}–{m}; highlights follow on our website tonight.',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * Newsroom-like text of roughly `minChars`–`minChars + 160` characters (plus one sentence); with the other fields an
 * update is then 300–600 bytes of JSON, about 450 on average (ARCHITECTURE.md: 43 MB per 100k).
 */
export function newsText(random: () => number, minChars = 0): string {
  let text = `${pick(random, TOPICS)} — ${pick(random, PLACES)}.`;
  const target = minChars + Math.floor(random() * 160);
  while (text.length < target) {
    const sentence = pick(random, SENTENCES)
      .replace('{place}', pick(random, PLACES))
      .replace('{n}', String(1 + Math.floor(random() * 90)))
      .replace('{m}', String(1 + Math.floor(random() * 90)));
    text += ` ${sentence}`;
  }
  return text;
}

/** The id of channel `index` (1-based), zero-padded so ids sort. */
export function channelId(index: number): string {
  return `channel-${String(index).padStart(2, '0')}`;
}

/** `count` channels. */
export function makeChannels(count: number): Channel[] {
  const at = '2025-01-01T08:00:00.000Z';
  return Array.from({ length: count }, (_, i) => ({
    id: channelId(i + 1),
    name: `${TOPICS[i % TOPICS.length]} ${i + 1}`,
    platform: i % 2 === 0 ? 'telegram' : 'whatsapp',
    timeZone: 'Europe/Rome',
    language: 'it',
    description: 'Benchmark channel',
    slots: [{ weekday: 1, time: '08:30' }],
    archived: false,
    createdAt: at,
    updatedAt: at,
  }));
}

/** Update number `n` (0-based) of a data set, on channel `(n % channels) + 1`. */
export function makeUpdate(random: () => number, n: number, channels: number): Update {
  const created = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString();
  const scheduled = random() < 0.6;
  return {
    id: `update-${String(n).padStart(7, '0')}`,
    storyId: `story-${String(Math.floor(n / 2)).padStart(7, '0')}`,
    channelId: channelId((n % channels) + 1),
    customized: random() < 0.2,
    schedule: scheduled
      ? {
          kind: 'at',
          at: new Date(Date.parse(created) + 3_600_000).toISOString(),
          mode: random() < 0.5 ? 'exact' : 'queue',
        }
      : { kind: 'none' },
    status: scheduled ? 'scheduled' : 'draft',
    syncState: 'local',
    createdAt: created,
    updatedAt: created,
    deletedAt: null,
    text: newsText(random),
    attachments: [],
    poll: null,
  };
}
