// getAnalytics on a real engine over a temporary store: copies made through the engine, then given
// a delivery and engagement the way a pull writes them, checked against a calculation made here
// with Intl alone (not the analytics module), and refused ranges that change nothing.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/support/seeded-random';
import type {
  CommandInput,
  CommandName,
  CommandResults,
  DeskSettings,
} from '../../shared/contract';
import { DeskError, parseCommandArg } from '../../shared/contract';
import type { Engagement } from '../../shared/domain';
import type { DeskEngine } from '../desk-engine';
import { createDeskEngine } from '../desk-engine';
import { updatesShard } from '../engine-context';
import type { SettingsStore } from '../platform';
import { openStore } from '../store/durable-store';
import type { UpdateRecord } from '../update-records';

const SEED = 6_2026;
const ZONE = 'Europe/Rome';
// 29 March 2026 is 23 hours long in Rome: the day boundaries must follow the clock.
const FROM = '2026-03-26';
const TO = '2026-04-02';

const memorySettings = (): SettingsStore => {
  let s: DeskSettings = { locale: null };
  return { get: () => s, set: (p) => (s = { ...s, ...p }) };
};

let dir: string;
let engine: DeskEngine;
const open = () =>
  createDeskEngine({
    dataDir: dir,
    settings: memorySettings(),
    now: () => new Date('2026-04-10T09:00:00.000Z'),
    resumeSync: false,
  });

async function call<K extends CommandName>(
  name: K,
  arg: CommandInput<K>,
): Promise<CommandResults[K]> {
  const handler = engine.handlers[name] as (a: unknown) => Promise<CommandResults[K]>;
  return handler(parseCommandArg(name, arg));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-analytics-'));
  engine = await open();
});
afterEach(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

/** What a pull from the hub would write on a copy: its delivery, engagement and loudness. */
interface Outcome {
  state: 'published' | 'withdrawn' | 'failed' | null;
  publishedAt: string | null;
  silent: boolean;
  engagement: Engagement | null;
  trashed: boolean;
}

function randomOutcome(random: () => number): Outcome {
  const pick = random();
  const state = pick < 0.6 ? 'published' : pick < 0.75 ? 'withdrawn' : pick < 0.9 ? 'failed' : null;
  // From a day before the range to a day after it, at any minute.
  const startMs = Date.parse('2026-03-25T00:00:00Z');
  const atMs = startMs + Math.floor(random() * 10 * 24 * 60) * 60_000;
  const withViews = random() < 0.7;
  return {
    state,
    publishedAt:
      state === 'published' || state === 'withdrawn' ? new Date(atMs).toISOString() : null,
    silent: random() < 0.3,
    trashed: random() < 0.1,
    engagement:
      random() < 0.9
        ? {
            views: withViews ? Math.floor(random() * 2000) : null,
            forwards: Math.floor(random() * 20),
            reactions: { '👍': Math.floor(random() * 50), '🔥': Math.floor(random() * 10) },
            pollVotes:
              random() < 0.3 ? [Math.floor(random() * 30), Math.floor(random() * 30)] : null,
            source: 'telegram',
            at: '2026-04-09T00:00:00.000Z',
          }
        : null,
  };
}

/** Writes each copy's outcome into the store behind a closed engine, as a pull would. */
async function seedOutcomes(outcomes: Map<string, { channelId: string; outcome: Outcome }>) {
  await engine.close();
  const store = await openStore({ dir: join(dir, 'store') });
  await store.ensureAll();
  const effects = [...outcomes].map(([id, { channelId, outcome }]) => {
    const rec = store.get<UpdateRecord>(updatesShard(channelId), id)!;
    const at = outcome.publishedAt ?? '2026-03-27T10:00:00.000Z';
    const record: UpdateRecord = {
      ...rec,
      silent: outcome.silent,
      deletedAt: outcome.trashed ? '2026-04-09T00:00:00.000Z' : null,
      engagement: outcome.engagement,
      delivery: outcome.state
        ? {
            state: outcome.state,
            at,
            publishedAt: outcome.publishedAt,
            url: null,
            reason: outcome.state === 'failed' ? 'refused' : null,
            attempts: 1,
            editableUntil: null,
            deletableUntil: null,
            retainedUntil: null,
            corrections: 0,
            task: null,
          }
        : null,
    };
    return { shard: updatesShard(channelId), id, record };
  });
  await store.commit({ mutationId: randomUUID(), name: 'pull', args: {}, effects });
  await store.close();
  engine = await open();
}

const dayInZone = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The expected numbers, from the outcomes alone: Intl for the days, plain sums for the rate. */
function expected(outcomes: Outcome[]) {
  const perDay = new Map<string, { loud: number; silent: number }>();
  let responses = 0;
  let views = 0;
  for (const o of outcomes) {
    if (o.publishedAt === null) continue;
    const day = dayInZone.format(new Date(o.publishedAt));
    if (day < FROM || day > TO) continue;
    const tally = perDay.get(day) ?? { loud: 0, silent: 0 };
    tally[o.silent ? 'silent' : 'loud'] += 1;
    perDay.set(day, tally);
    if (o.engagement && o.engagement.views !== null) {
      views += o.engagement.views;
      const reactions = Object.values(o.engagement.reactions).reduce((a, b) => a + b, 0);
      responses += reactions + (o.engagement.pollVotes ?? []).reduce((a, b) => a + b, 0);
    }
  }
  return { perDay, rate: views > 0 ? responses / views : null };
}

describe('getAnalytics', () => {
  it('counts posts per day (loud and silent) and the response rate as an independent sum does', async () => {
    const random = seededRandom(SEED);
    const a = await call('createChannel', {
      name: 'Roma Breaking',
      platform: 'telegram',
      timeZone: ZONE,
      language: 'it',
      description: '',
      slots: [],
    });
    const b = await call('createChannel', {
      name: 'Milano Sera',
      platform: 'telegram',
      timeZone: ZONE,
      language: 'it',
      description: '',
      slots: [],
    });
    const outcomes = new Map<string, { channelId: string; outcome: Outcome }>();
    for (let i = 0; i < 40; i += 1) {
      const story = await call('createStory', {
        channelIds: [a.id, b.id],
        text: `Story ${i}\nbody`,
      });
      for (const copy of story.copies) {
        outcomes.set(copy.id, { channelId: copy.channelId, outcome: randomOutcome(random) });
      }
    }
    await seedOutcomes(outcomes);

    const all = await call('getAnalytics', { from: FROM, to: TO, zone: ZONE });
    const want = expected([...outcomes.values()].map((o) => o.outcome));
    expect(all.days.map((d) => d.date)).toEqual([
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
      '2026-04-02',
    ]);
    expect(all.days.find((d) => d.date === '2026-03-29')!.hours).toBe(23);
    for (const day of all.days) {
      const tally = want.perDay.get(day.date) ?? { loud: 0, silent: 0 };
      expect({ date: day.date, loud: day.loud, silent: day.silent }).toEqual({
        date: day.date,
        ...tally,
      });
      expect(day.posts).toBe(tally.loud + tally.silent);
    }
    const totalPosts = [...want.perDay.values()].reduce((n, t) => n + t.loud + t.silent, 0);
    expect(totalPosts).toBeGreaterThan(10);
    expect(all.totals.posts).toBe(totalPosts);
    expect(all.totals.responseRate).toBeCloseTo(want.rate!, 12);
    expect(all.hours.reduce((n, h) => n + h.posts, 0)).toBe(totalPosts);
    expect(all.channelIds).toEqual([b.id, a.id]);

    // Best and worst: five each, ordered by rate, named by story and channel with their text.
    expect(all.best).toHaveLength(5);
    const rates = all.best.map((p) => p.responseRate);
    expect(rates).toEqual([...rates].sort((x, y) => y - x));
    expect(all.worst[0]!.responseRate).toBeLessThanOrEqual(all.best[4]!.responseRate);
    const top = all.best[0]!;
    expect(top.excerpt).toMatch(/^Story \d+$/);
    expect(top.channelName).toBe(top.channelId === a.id ? 'Roma Breaking' : 'Milano Sera');
    expect(outcomes.get(top.updateId)!.outcome.engagement!.views).toBe(top.views);

    // One channel: only its copies.
    const one = await call('getAnalytics', { channelIds: [a.id], from: FROM, to: TO, zone: ZONE });
    const wantOne = expected(
      [...outcomes.values()].filter((o) => o.channelId === a.id).map((o) => o.outcome),
    );
    expect(one.days.map((d) => d.posts)).toEqual(
      one.days.map((d) => {
        const t = wantOne.perDay.get(d.date);
        return t ? t.loud + t.silent : 0;
      }),
    );
    expect(one.totals.responseRate).toBeCloseTo(wantOne.rate!, 12);
    expect(one.best.every((p) => p.channelId === a.id)).toBe(true);
  });

  it('answers an empty range with zero-filled days and no rate', async () => {
    const report = await call('getAnalytics', { from: '2026-01-01', to: '2026-01-07', zone: ZONE });
    expect(report.days).toHaveLength(7);
    expect(report.days.every((d) => d.posts === 0 && d.responseRate === null)).toBe(true);
    expect(report.totals).toMatchObject({ posts: 0, responseRate: null, views: 0 });
    expect(report.best).toEqual([]);
  });

  it('refuses a range that ends before it starts, one over two years, bad dates and zones, unknown channels', async () => {
    const refused = async (arg: CommandInput<'getAnalytics'>, code: string, words: RegExp) => {
      const error = await call('getAnalytics', arg).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DeskError);
      expect((error as DeskError).code).toBe(code);
      expect((error as DeskError).message).toMatch(words);
    };
    await refused(
      { from: '2026-04-02', to: '2026-04-01', zone: ZONE },
      'invalid_argument',
      /ends .*before it starts/,
    );
    await refused(
      { from: '2024-01-01', to: '2026-01-02', zone: ZONE },
      'invalid_argument',
      /at most 731/,
    );
    await refused(
      { from: '2026-02-30', to: '2026-03-01', zone: ZONE },
      'invalid_argument',
      /not a calendar date/,
    );
    await refused(
      { from: '2026-03-01', to: '2026-03-02', zone: 'Mars/Olympus' },
      'invalid_argument',
      /time zone/,
    );
    await refused(
      { from: '1 March', to: '2026-03-02', zone: ZONE },
      'invalid_argument',
      /YYYY-MM-DD/,
    );
    await refused(
      { channelIds: ['no-such-channel'], from: '2026-03-01', to: '2026-03-02', zone: ZONE },
      'not_found',
      /No channel/,
    );
    // Exactly two years (731 days with a leap day) is still fine.
    const longest = await call('getAnalytics', {
      from: '2026-01-01',
      to: '2028-01-01',
      zone: ZONE,
    });
    expect(longest.days).toHaveLength(731);
  });
});
