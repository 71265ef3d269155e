// Test-only: copies made by hand and generated, and the naive helpers the property tests compare
// the analytics with (never imported by the app). Kept apart so each test file stays short.
import fc from 'fast-check';
import type { Channel, Delivery, Engagement, Update } from '../domain';

export const ROME = 'Europe/Rome';
export const SEED = 20260329;
export const RUNS = 60;
export const HOUR_MS = 3_600_000;
export const EMOJI = ['👍', '❤️', '🔥', '😮', '👎'];
export const CHANNELS = ['ch-a', 'ch-b', 'ch-c'];
// Whole-hour offsets only, so every UTC hour is one wall-clock hour (what the naive walk assumes).
export const RANGES = [
  { from: '2026-03-27', to: '2026-03-31', zone: 'Europe/Rome' }, // 29 March: 23 hours
  { from: '2026-10-24', to: '2026-10-26', zone: 'Europe/Rome' }, // 25 October: 25 hours
  { from: '2026-03-06', to: '2026-03-10', zone: 'America/New_York' },
  { from: '2026-06-01', to: '2026-06-01', zone: 'UTC' },
];

/** A range the generated copies are spread around. */
export type TestRange = (typeof RANGES)[number];

export function engagement(parts: Partial<Engagement>): Engagement {
  return {
    views: null,
    forwards: null,
    reactions: {},
    pollVotes: null,
    source: 'telegram',
    at: '2026-11-01T00:00:00.000Z',
    ...parts,
  };
}

export function post(id: string, publishedAt: string | null, extra: Partial<Update> = {}): Update {
  return {
    id,
    storyId: 's1',
    channelId: 'ch-a',
    customized: false,
    schedule: { kind: 'none' },
    status: 'scheduled',
    syncState: 'synced',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    text: 'x',
    attachments: [],
    poll: null,
    delivery: {
      state: 'published',
      at: publishedAt ?? '2026-01-01T00:00:00.000Z',
      publishedAt,
      url: null,
      reason: null,
      attempts: 1,
      editableUntil: null,
      deletableUntil: null,
      retainedUntil: null,
      corrections: 0,
      task: null,
    },
    engagement: null,
    ...extra,
  };
}

export function channel(id: string, name: string): Channel {
  return {
    id,
    name,
    platform: 'telegram',
    timeZone: ROME,
    language: 'it',
    description: '',
    slots: [],
    archived: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const pollA = {
  question: 'Q?',
  options: ['yes', 'no'],
  multipleAnswers: false,
  quizCorrectOption: null,
};
const pollB = {
  question: 'Q?',
  options: ['yes', 'no', 'maybe'],
  multipleAnswers: false,
  quizCorrectOption: null,
};

// Same options as pollA in another order: not the same poll.
const pollC = { ...pollA, options: ['no', 'yes'] };

const engagementArb: fc.Arbitrary<Engagement | null> = fc.option(
  fc.record({
    // Round numbers make equal rates (ties) common.
    views: fc.option(fc.oneof(fc.constantFrom(10, 100), fc.integer({ min: 0, max: 5000 }))),
    forwards: fc.option(fc.integer({ min: 0, max: 50 })),
    reactions: fc.oneof(
      fc.constantFrom<Record<string, number>>({}, { '👍': 1 }, { '🔥': 10 }),
      fc.dictionary(fc.constantFrom(...EMOJI), fc.integer({ min: 0, max: 300 }), { maxKeys: 4 }),
    ),
    pollVotes: fc.oneof(
      fc.constant(null),
      fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 3 }),
    ),
    source: fc.constant('telegram' as const),
    at: fc.constant('2026-11-01T00:00:00.000Z'),
  }),
);

function copyArb(windowStartMs: number, windowEndMs: number): fc.Arbitrary<Update> {
  return fc
    .record({
      n: fc.integer({ min: 0, max: 1_000_000 }),
      story: fc.constantFrom('s1', 's2', 's3'),
      channelId: fc.constantFrom(...CHANNELS),
      state: fc.constantFrom(
        'published',
        'published',
        'published',
        'withdrawn',
        'failed',
        'publishing',
        'none',
      ),
      hasPublishedAt: fc.boolean(),
      // Posts often land on the hour, so the boundaries between hours and days get hit.
      at: fc.oneof(
        fc.integer({ min: windowStartMs, max: windowEndMs }),
        fc
          .integer({ min: windowStartMs / HOUR_MS, max: windowEndMs / HOUR_MS })
          .map((h) => h * HOUR_MS),
      ),
      silent: fc.boolean(),
      poll: fc.constantFrom(null, pollA, pollB, pollC),
      engagement: engagementArb,
    })
    .map((r): Update => {
      const publishedAt = new Date(r.at).toISOString();
      const copy = post(
        `u${r.n}`,
        r.state === 'published' || r.hasPublishedAt ? publishedAt : null,
        {
          storyId: r.story,
          channelId: r.channelId,
          poll: r.poll,
          silent: r.silent,
          engagement: r.engagement,
        },
      );
      if (r.state === 'none') copy.delivery = null;
      else copy.delivery!.state = r.state as Delivery['state'];
      return copy;
    });
}

/** Up to 40 copies published around the range (some just outside it), many not posts at all. */
export function copiesArb(range: TestRange): fc.Arbitrary<Update[]> {
  // A day either side of the range, so posts just outside it are generated too.
  const start = Date.parse(`${range.from}T00:00:00Z`) - 24 * HOUR_MS;
  const end = Date.parse(`${range.to}T00:00:00Z`) + 2 * 24 * HOUR_MS;
  return fc.uniqueArray(copyArb(start, end), {
    selector: (c) => c.id,
    minLength: 15,
    maxLength: 40,
  });
}

// ---- the naive calculation ----

export function naivePosted(c: Update): number | null {
  const d = c.delivery;
  if (d == null || d.publishedAt == null) return null;
  if (d.state !== 'published' && d.state !== 'withdrawn') return null;
  return new Date(d.publishedAt).getTime();
}

export function naiveResponses(e: Engagement | null | undefined): number {
  if (e == null) return 0;
  let n = 0;
  for (const emoji of EMOJI) n += e.reactions[emoji] ?? 0;
  for (const v of e.pollVotes ?? []) n += v;
  return n;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

export function wallOf(ms: number, zone: string): { date: string; hour: number } {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    wallFormats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}
