// Seeds a data folder for the `timeline` benchmark through the real engine and its handlers, with
// every argument validated by the contract's schemas, as the transports do.
import { openSoloHub } from '../src/solo/solo-hub';
import { createDeskEngine } from '../src/core/desk-engine';
import type { DeskEngine } from '../src/core/desk-engine';
import type { SettingsStore } from '../src/core/platform';
import type {
  CommandInput,
  CommandName,
  CommandResults,
  DeskSettings,
} from '../src/shared/contract';
import { parseCommandArg } from '../src/shared/contract';
import { seededRandom } from '../tests/support/seeded-random';
import { newsText } from './update-fixtures';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** Scheduled copies start tomorrow at 05:00 UTC (06:00–07:00 in Rome) and are this far apart in a day. */
const FIRST_SLOT_UTC_HOUR = 5;
const SCHEDULED_GAP_MIN = 25;
/** The weeks the scheduled copies spread over. */
const SCHEDULE_WEEKS = 6;
const DAILY_SLOTS = ['08:00', '12:30', '18:00'];
/** Scheduled copies in the small channel. */
const SMALL_SCHEDULED = 5;
const HEADLINES = ['Traffico', 'Metro A', 'Lavori', 'Scuole', 'Meteo', 'Eventi', 'Bus', 'Tram'];

export interface SeedPlan {
  /** Updates in the big channel; `scheduled` of them get an exact time, the rest stay drafts. */
  updates: number;
  scheduled: number;
  /** Updates in the second, small channel. */
  smallUpdates: number;
}

export interface SeedResult {
  bigChannelId: string;
  bigChannelName: string;
  smallChannelId: string;
  commits: number;
  seedMs: number;
}

/** Calls a handler the way a transport does: the raw argument through the contract's schema first. */
function call<K extends CommandName>(
  engine: DeskEngine,
  name: K,
  arg: CommandInput<K>,
): Promise<CommandResults[K]> {
  const handler = engine.handlers[name] as (a: unknown) => Promise<CommandResults[K]>;
  return handler(parseCommandArg(name, arg));
}

/** Settings kept in memory: the benchmark never changes them. */
function memorySettings(): SettingsStore {
  let settings: DeskSettings = { locale: 'en' };
  return {
    get: () => settings,
    set: (patch) => (settings = { ...settings, ...patch }),
  };
}

/** The `index`-th scheduled instant, spread evenly over the coming weeks. */
function scheduledAt(index: number, total: number, startMs: number): string {
  const perDay = Math.ceil(total / (SCHEDULE_WEEKS * 7));
  const day = Math.floor(index / perDay);
  return new Date(
    startMs + day * DAY_MS + (index % perDay) * SCHEDULED_GAP_MIN * MINUTE_MS,
  ).toISOString();
}

async function seedChannel(
  engine: DeskEngine,
  channelId: string,
  updates: number,
  scheduled: number,
  random: () => number,
): Promise<number> {
  const tomorrow = new Date();
  tomorrow.setUTCHours(24 + FIRST_SLOT_UTC_HOUR, 0, 0, 0);
  // Scheduled copies are interleaved with drafts, as they would be written over weeks.
  const every = updates / Math.max(1, scheduled);
  let nextScheduled = 0;
  let commits = 0;
  for (let i = 0; i < updates; i++) {
    const headline = `${HEADLINES[i % HEADLINES.length]} ${i + 1}`;
    const story = await call(engine, 'createStory', {
      channelIds: [channelId],
      text: `${headline}\n${newsText(random, 120)}`,
    });
    commits++;
    if (nextScheduled < scheduled && i >= Math.floor(nextScheduled * every)) {
      await call(engine, 'scheduleCopy', {
        updateId: story.copies[0]!.id,
        schedule: { kind: 'at', at: scheduledAt(nextScheduled, scheduled, tomorrow.getTime()) },
      });
      nextScheduled++;
      commits++;
    }
  }
  return commits;
}

/**
 * Creates the two channels and their updates in `dataDir` and closes the engine (snapshots
 * written); `seedMs` runs from opening the engine until it has closed.
 */
export async function seedTimelineData(dataDir: string, plan: SeedPlan): Promise<SeedResult> {
  const started = performance.now();
  // A desk that chose to work alone (as after onboarding): its built-in hub receives the seed.
  const engine = await createDeskEngine({ dataDir, settings: memorySettings(), openSoloHub });
  let seeded: Omit<SeedResult, 'seedMs'>;
  try {
    await call(engine, 'startSolo', {});
    const slots = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
      DAILY_SLOTS.map((time) => ({ weekday, time })),
    );
    // The small channel sorts first, so the desk opens on it and the big one is opened by a click.
    const small = await call(engine, 'createChannel', {
      name: 'Avvisi Scuole',
      platform: 'telegram',
      timeZone: 'Europe/Rome',
      language: 'it',
      slots,
    });
    const big = await call(engine, 'createChannel', {
      name: 'Roma Mobilità',
      platform: 'telegram',
      timeZone: 'Europe/Rome',
      language: 'it',
      description: 'Traffic, transport and roadworks in Rome.',
      slots,
    });
    const random = seededRandom(2);
    let commits = 2;
    commits += await seedChannel(engine, small.id, plan.smallUpdates, SMALL_SCHEDULED, random);
    commits += await seedChannel(engine, big.id, plan.updates, plan.scheduled, random);
    // Everything reaches the built-in hub before the measurement, so the desk opens idle.
    while ((await call(engine, 'syncNow', {})).pending > 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    seeded = {
      bigChannelId: big.id,
      bigChannelName: big.name,
      smallChannelId: small.id,
      commits,
    };
  } finally {
    await engine.close();
  }
  return { ...seeded, seedMs: performance.now() - started };
}
