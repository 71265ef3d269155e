// The queue commands through the engine, with a temporary data folder and a fixed clock: share
// next, reorder, breaking news, and the double booking an exact time would make.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CommandInput,
  CommandName,
  CommandResults,
  DeskSettings,
} from '../../shared/contract';
import { parseCommandArg } from '../../shared/contract';
import type { Channel } from '../../shared/domain';
import type { DeskEngine } from '../desk-engine';
import { createDeskEngine } from '../desk-engine';
import type { SettingsStore } from '../platform';

const memorySettings = (): SettingsStore => {
  let s: DeskSettings = { locale: null };
  return { get: () => s, set: (p) => (s = { ...s, ...p }) };
};

// Wednesday 25 March 2026, 09:30 in Rome (08:30 UTC). Slots every day at 10:00, 14:00 and 18:00.
const NOW = '2026-03-25T08:30:00.000Z';
const WED_10 = '2026-03-25T09:00:00.000Z';
const WED_14 = '2026-03-25T13:00:00.000Z';
const WED_18 = '2026-03-25T17:00:00.000Z';
const THU_10 = '2026-03-26T09:00:00.000Z';
const THU_14 = '2026-03-26T13:00:00.000Z';
const DAILY = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
  ['10:00', '14:00', '18:00'].map((time) => ({ weekday, time })),
);

let clock = new Date(NOW);
let dir: string;
let engine: DeskEngine;

const open = async () =>
  createDeskEngine({
    dataDir: dir,
    settings: memorySettings(),
    now: () => clock,
    resumeSync: false,
  });
/** Calls a command the way a transport does: validate the raw argument, then run the handler. */
async function call<K extends CommandName>(
  name: K,
  arg: CommandInput<K>,
): Promise<CommandResults[K]> {
  const handler = engine.handlers[name] as (a: unknown) => Promise<CommandResults[K]>;
  return handler(parseCommandArg(name, arg));
}

const channel = (name: string, approvalRequired = false) =>
  call('createChannel', {
    name,
    platform: 'telegram',
    timeZone: 'Europe/Rome',
    language: 'it',
    slots: DAILY,
    workflow: {
      approvalRequired,
      quietHours: null,
      loudPerHour: null,
      loudPerDay: null,
      tags: [],
    },
  });

/** A story on `ch` with `text`, its copy queued or at an exact time. */
async function copyOn(ch: Channel, text: string, schedule?: { at: string } | 'queue') {
  const story = await call('createStory', { channelIds: [ch.id], text });
  const id = story.copies[0]!.id;
  if (schedule === 'queue')
    await call('scheduleCopy', { updateId: id, schedule: { kind: 'queue' } });
  else if (schedule) {
    await call('scheduleCopy', { updateId: id, schedule: { kind: 'at', at: schedule.at } });
  }
  return { storyId: story.storyId, id };
}

/** Each copy of the channel's timeline as [first line, instant, mode]. */
const timeline = async (ch: Channel) =>
  (await call('listTimeline', { channelId: ch.id })).map((s) => [s.title, s.at, s.mode]);

let rome: Channel;
let a: { storyId: string; id: string };
let b: { storyId: string; id: string };
let c: { storyId: string; id: string };
let exact: { storyId: string; id: string };

beforeEach(async () => {
  clock = new Date(NOW);
  dir = await mkdtemp(join(tmpdir(), 'queue-commands-'));
  engine = await open();
  rome = await channel('Rome Mobility');
  a = await copyOn(rome, 'Traffic update', 'queue');
  b = await copyOn(rome, 'Bus strike', 'queue');
  c = await copyOn(rome, 'Weather', 'queue');
  exact = await copyOn(rome, 'Council vote', { at: THU_10 });
});
afterEach(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

describe('queue set-up', () => {
  it('queued the three copies into the day’s slots', async () => {
    expect(await timeline(rome)).toEqual([
      ['Traffic update', WED_10, 'queue'],
      ['Bus strike', WED_14, 'queue'],
      ['Weather', WED_18, 'queue'],
      ['Council vote', THU_10, 'exact'],
    ]);
  });
});

describe('scheduleCopy never double-books a queued slot', () => {
  it('refuses an exact time a queued copy holds, naming it, and changes nothing', async () => {
    const d = await copyOn(rome, 'Press conference');
    const before = await timeline(rome);
    await expect(
      call('scheduleCopy', {
        updateId: d.id,
        schedule: { kind: 'at', at: '2026-03-25T14:00:00+01:00' },
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('"Bus strike" is queued at that time on "Rome Mobility"'),
    });
    expect(await timeline(rome)).toEqual(before);
    // A minute later is free.
    await call('scheduleCopy', {
      updateId: d.id,
      schedule: { kind: 'at', at: '2026-03-25T14:01:00+01:00' },
    });
  });
});

describe('shareNext', () => {
  it('puts a draft in the next slot and pushes the queue along past an exact post', async () => {
    const d = await copyOn(rome, 'Press conference');
    const result = await call('shareNext', { updateId: d.id });
    expect(result.update.schedule).toEqual({ kind: 'at', at: WED_10, mode: 'queue' });
    expect(result.moved).toEqual([
      { updateId: a.id, channelId: rome.id, title: 'Traffic update', from: WED_10, to: WED_14 },
      { updateId: b.id, channelId: rome.id, title: 'Bus strike', from: WED_14, to: WED_18 },
      { updateId: c.id, channelId: rome.id, title: 'Weather', from: WED_18, to: THU_14 },
    ]);
    expect(await timeline(rome)).toEqual([
      ['Press conference', WED_10, 'queue'],
      ['Traffic update', WED_14, 'queue'],
      ['Bus strike', WED_18, 'queue'],
      ['Council vote', THU_10, 'exact'],
      ['Weather', THU_14, 'queue'],
    ]);
  });

  it('moves the last queued copy to the front; the others fill the slot it left', async () => {
    const result = await call('shareNext', { updateId: c.id });
    expect(result.update.schedule).toMatchObject({ at: WED_10 });
    expect(result.moved.map((m) => [m.title, m.to])).toEqual([
      ['Traffic update', WED_14],
      ['Bus strike', WED_18],
    ]);
  });

  it('refuses a story under embargo and changes nothing', async () => {
    const d = await copyOn(rome, 'Report');
    await call('setEmbargo', { storyId: d.storyId, until: '2026-03-27T08:00:00.000Z' });
    const before = await timeline(rome);
    await expect(call('shareNext', { updateId: d.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('embargo'),
    });
    expect(await timeline(rome)).toEqual(before);
  });
});

describe('reorderQueue', () => {
  it('hands the queue’s slots out in the new order, in one change', async () => {
    const updates = await call('reorderQueue', { updateId: c.id, toIndex: 0 });
    expect(updates.map((u) => [u.id, u.schedule])).toEqual([
      [c.id, { kind: 'at', at: WED_10, mode: 'queue' }],
      [a.id, { kind: 'at', at: WED_14, mode: 'queue' }],
      [b.id, { kind: 'at', at: WED_18, mode: 'queue' }],
    ]);
    // It lasts: the journal has it.
    await engine.close();
    engine = await open();
    expect((await timeline(rome)).map((r) => r[0])).toEqual([
      'Weather',
      'Traffic update',
      'Bus strike',
      'Council vote',
    ]);
    expect(await call('reorderQueue', { updateId: a.id, toIndex: 1 })).toEqual([]);
  });

  it('refuses a position outside the queue, a copy not in it, or an unknown one, changing nothing', async () => {
    const before = await timeline(rome);
    await expect(call('reorderQueue', { updateId: a.id, toIndex: 3 })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: expect.stringContaining('from 1 to 3'),
    });
    await expect(call('reorderQueue', { updateId: a.id, toIndex: -1 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(call('reorderQueue', { updateId: exact.id, toIndex: 0 })).rejects.toMatchObject({
      code: 'conflict',
    });
    const draft = await copyOn(rome, 'Draft');
    await expect(call('reorderQueue', { updateId: draft.id, toIndex: 0 })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      call('reorderQueue', { updateId: '00000000-0000-4000-8000-000000000000', toIndex: 0 }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await timeline(rome)).filter((r) => r[1] !== null)).toEqual(before);
  });
});

describe('breakingNews', () => {
  it('publishes now on each chosen channel, loud or silent, and moves what was due within the hour', async () => {
    const tram = await channel('Tram alerts', true);
    const t1 = await copyOn(tram, 'Tram 8 diverted', 'queue');
    const story = await copyOn(rome, 'Bridge closed');
    const result = await call('breakingNews', {
      storyId: story.storyId,
      channels: [
        { channelId: rome.id, silent: false },
        { channelId: tram.id, silent: true },
      ],
    });
    const onRome = result.story.copies.find((x) => x.channelId === rome.id)!;
    const onTram = result.story.copies.find((x) => x.channelId === tram.id)!;
    expect(onRome).toMatchObject({
      id: story.id,
      status: 'scheduled',
      schedule: { kind: 'at', at: NOW, mode: 'exact' },
      silent: false,
    });
    expect(onRome.review ?? null).toBeNull();
    // A copy was added on the second channel, silent, and approved since that channel asks for it.
    expect(onTram).toMatchObject({
      text: 'Bridge closed',
      schedule: { kind: 'at', at: NOW, mode: 'exact' },
      silent: true,
      review: { state: 'approved' },
    });
    // Rome: 10:00 fell within the hour; the queue moves along past Thursday's exact post.
    // Trams: 10:00 moves to 14:00.
    expect(result.moved).toEqual([
      { updateId: a.id, channelId: rome.id, title: 'Traffic update', from: WED_10, to: WED_14 },
      { updateId: b.id, channelId: rome.id, title: 'Bus strike', from: WED_14, to: WED_18 },
      { updateId: c.id, channelId: rome.id, title: 'Weather', from: WED_18, to: THU_14 },
      { updateId: t1.id, channelId: tram.id, title: 'Tram 8 diverted', from: WED_10, to: WED_14 },
    ]);
    expect(await timeline(rome)).toEqual([
      ['Bridge closed', NOW, 'exact'],
      ['Traffic update', WED_14, 'queue'],
      ['Bus strike', WED_18, 'queue'],
      ['Council vote', THU_10, 'exact'],
      ['Weather', THU_14, 'queue'],
    ]);
  });

  it('leaves the queue alone when nothing is due within the hour', async () => {
    clock = new Date('2026-03-25T09:30:00.000Z');
    const story = await copyOn(rome, 'Bridge closed');
    const result = await call('breakingNews', {
      storyId: story.storyId,
      channels: [{ channelId: rome.id, silent: false }],
    });
    expect(result.moved).toEqual([]);
  });

  it('refuses bad input and changes nothing', async () => {
    const other = await channel('Other');
    const story = await copyOn(rome, 'Bridge closed');
    const snapshot = async () => [
      await timeline(rome),
      await timeline(other),
      await call('getStory', { storyId: story.storyId }),
    ];
    const before = await snapshot();
    const attempt = (channels: { channelId: string; silent: boolean }[]) =>
      call('breakingNews', { storyId: story.storyId, channels });

    await expect(attempt([])).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(
      attempt([
        { channelId: rome.id, silent: false },
        { channelId: rome.id, silent: true },
      ]),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    // An unknown channel after a good one: the good one is not published either.
    await expect(
      attempt([
        { channelId: other.id, silent: false },
        { channelId: '00000000-0000-4000-8000-000000000000', silent: false },
      ]),
    ).rejects.toMatchObject({ code: 'not_found' });
    await call('setChannelArchived', { id: other.id, archived: true });
    await expect(attempt([{ channelId: other.id, silent: false }])).rejects.toMatchObject({
      code: 'conflict',
    });
    await call('setChannelArchived', { id: other.id, archived: false });
    await expect(
      call('breakingNews', {
        storyId: '00000000-0000-4000-8000-000000000000',
        channels: [{ channelId: rome.id, silent: false }],
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await snapshot()).toEqual(before);

    await call('setEmbargo', { storyId: story.storyId, until: '2026-03-25T12:00:00.000Z' });
    const embargoed = await snapshot();
    await expect(attempt([{ channelId: rome.id, silent: false }])).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('embargo'),
    });
    expect(await snapshot()).toEqual(embargoed);
  });
});
