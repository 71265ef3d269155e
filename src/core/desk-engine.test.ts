import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName, CommandResults, DeskSettings } from '../shared/contract';
import { DeskError, parseCommandArg } from '../shared/contract';
import type { DeskEngine } from './desk-engine';
import { createDeskEngine } from './desk-engine';
import type { SettingsStore } from './platform';

const memorySettings = (): SettingsStore => {
  let s: DeskSettings = { locale: null };
  return { get: () => s, set: (p) => (s = { ...s, ...p }) };
};

// Wednesday 25 March 2026, 10:00 in Rome (09:00 UTC): the Sunday after is a spring-forward day.
let clock = new Date('2026-03-25T09:00:00.000Z');
let dir: string;
let engine: DeskEngine;

const open = async () =>
  createDeskEngine({ dataDir: dir, settings: memorySettings(), now: () => clock });
/** Calls a command the way a transport does: validate the raw argument, then run the handler. */
async function call<K extends CommandName>(
  name: K,
  arg: CommandInput<K>,
): Promise<CommandResults[K]> {
  const handler = engine.handlers[name] as (a: unknown) => Promise<CommandResults[K]>;
  return handler(parseCommandArg(name, arg));
}
const channel = (
  name: string,
  platform: 'telegram' | 'whatsapp',
  slots = [{ weekday: 1, time: '09:00' }],
) =>
  call('createChannel', {
    name,
    platform,
    timeZone: 'Europe/Rome',
    language: 'it',
    description: '',
    slots,
  });

beforeEach(async () => {
  clock = new Date('2026-03-25T09:00:00.000Z');
  dir = await mkdtemp(join(tmpdir(), 'desk-engine-'));
  engine = await open();
});
afterEach(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

describe('channels', () => {
  it('creates, lists, edits and archives channels, and survives a restart', async () => {
    const tg = await channel('Roma Breaking', 'telegram');
    await channel('Roma Mobilità', 'whatsapp');
    await call('updateChannel', { id: tg.id, description: 'Ultime notizie' });
    await call('setChannelArchived', { id: tg.id, archived: true });
    expect((await call('listChannels', {})).map((c) => c.name)).toEqual(['Roma Mobilità']);
    await engine.close();
    engine = await open();
    const all = await call('listChannels', { includeArchived: true });
    expect(all.find((c) => c.id === tg.id)).toMatchObject({
      archived: true,
      description: 'Ultime notizie',
    });
  });

  it('refuses a bad argument with the field named and changes nothing', async () => {
    await expect(
      call('createChannel', {
        name: 'X',
        platform: 'telegram',
        timeZone: 'Mars/Olympus',
        language: 'it',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      issues: [expect.objectContaining({ path: 'timeZone' })],
    });
    await channel('Roma Breaking', 'telegram');
    await expect(channel(' roma breaking ', 'whatsapp')).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await call('listChannels', {})).toHaveLength(1);
  });
});

describe('stories and per-channel copies', () => {
  it('shares text across copies until one is customised, and resets to the shared text', async () => {
    const tg = await channel('Roma Breaking', 'telegram');
    const wa = await channel('Roma Mobilità', 'whatsapp');
    const story = await call('createStory', { channelIds: [tg.id, wa.id], text: 'Metro A chiusa' });
    expect(story.copies).toHaveLength(2);
    await call('editShared', { storyId: story.storyId, text: '**Metro A** chiusa fino alle 12' });
    const waCopy = story.copies.find((c) => c.channelId === wa.id)!;
    await call('editCopy', { updateId: waCopy.id, text: '*Metro A* chiusa' });
    const after = await call('editShared', {
      storyId: story.storyId,
      text: '**Metro A** chiusa fino alle 13',
    });
    expect(after.copies.find((c) => c.channelId === tg.id)!.text).toBe(
      '**Metro A** chiusa fino alle 13',
    );
    expect(after.copies.find((c) => c.channelId === wa.id)).toMatchObject({
      text: '*Metro A* chiusa',
      customized: true,
    });
    const reset = await call('resetCopy', { updateId: waCopy.id });
    expect(reset).toMatchObject({ text: '**Metro A** chiusa fino alle 13', customized: false });
  });

  it('keeps a removed channel copy in the trash and brings its variant back when re-added', async () => {
    const tg = await channel('Roma Breaking', 'telegram');
    const wa = await channel('Roma Mobilità', 'whatsapp');
    const story = await call('createStory', { channelIds: [tg.id, wa.id], text: 'base' });
    const waCopy = story.copies.find((c) => c.channelId === wa.id)!;
    await call('editCopy', { updateId: waCopy.id, text: 'variante WhatsApp' });
    const one = await call('setStoryChannels', { storyId: story.storyId, channelIds: [tg.id] });
    expect(one.copies.map((c) => c.channelId)).toEqual([tg.id]);
    const both = await call('setStoryChannels', {
      storyId: story.storyId,
      channelIds: [tg.id, wa.id],
    });
    expect(both.copies.find((c) => c.channelId === wa.id)).toMatchObject({
      id: waCopy.id,
      text: 'variante WhatsApp',
    });
  });

  it('deletes to the trash, restores, duplicates and purges', async () => {
    const tg = await channel('Roma Breaking', 'telegram');
    const story = await call('createStory', { channelIds: [tg.id], text: 'Allerta meteo' });
    const dup = await call('duplicateStory', { storyId: story.storyId });
    expect(dup.storyId).not.toBe(story.storyId);
    await call('deleteStory', { storyId: story.storyId });
    expect(await call('listTimeline', { channelId: tg.id })).toHaveLength(1);
    expect((await call('listTrash', {})).map((s) => s.storyId)).toEqual([story.storyId]);
    await expect(
      call('editCopy', { updateId: story.copies[0]!.id, text: 'x' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await call('restoreStory', { storyId: story.storyId });
    expect(await call('listTimeline', { channelId: tg.id })).toHaveLength(2);
    await expect(call('purgeStory', { storyId: story.storyId })).rejects.toMatchObject({
      code: 'conflict',
    });
    await call('deleteStory', { storyId: story.storyId });
    await call('purgeStory', { storyId: story.storyId });
    await expect(call('getStory', { storyId: story.storyId })).rejects.toBeInstanceOf(DeskError);
  });
});

describe('scheduling', () => {
  it('queues into the next free slots in the channel zone, across a daylight-saving change', async () => {
    const tg = await channel('Roma Breaking', 'telegram', [
      { weekday: 7, time: '02:30' },
      { weekday: 1, time: '09:00' },
    ]);
    const a = await call('createStory', { channelIds: [tg.id], text: 'a' });
    const b = await call('createStory', { channelIds: [tg.id], text: 'b' });
    const qa = await call('scheduleCopy', {
      updateId: a.copies[0]!.id,
      schedule: { kind: 'queue' },
    });
    const qb = await call('scheduleCopy', {
      updateId: b.copies[0]!.id,
      schedule: { kind: 'queue' },
    });
    // Sunday 29 March 2026 02:30 does not exist in Rome: the slot moves forward by the hour skipped.
    expect(qa.schedule).toEqual({ kind: 'at', at: '2026-03-29T01:30:00.000Z', mode: 'queue' });
    // Monday 09:00 is now CEST (UTC+2).
    expect(qb.schedule).toEqual({ kind: 'at', at: '2026-03-30T07:00:00.000Z', mode: 'queue' });
    const moved = await call('moveInQueue', { updateId: qb.id, direction: 'earlier' });
    expect(moved.map((u) => [u.id, (u.schedule as { at: string }).at])).toEqual([
      [qb.id, '2026-03-29T01:30:00.000Z'],
      [qa.id, '2026-03-30T07:00:00.000Z'],
    ]);
    await expect(
      call('moveInQueue', { updateId: qb.id, direction: 'earlier' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('schedules an exact time, refuses a past one, and returns to draft', async () => {
    const tg = await channel('Roma Breaking', 'telegram', []);
    const s = await call('createStory', { channelIds: [tg.id], text: 'x' });
    const id = s.copies[0]!.id;
    await expect(
      call('scheduleCopy', { updateId: id, schedule: { kind: 'queue' } }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(
      call('scheduleCopy', {
        updateId: id,
        schedule: { kind: 'at', at: '2026-03-24T09:00:00+01:00' },
      }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
    const at = await call('scheduleCopy', {
      updateId: id,
      schedule: { kind: 'at', at: '2026-03-26T07:30:00+01:00' },
    });
    expect(at).toMatchObject({
      status: 'scheduled',
      schedule: { kind: 'at', at: '2026-03-26T06:30:00.000Z', mode: 'exact' },
    });
    const week = await call('listRange', {
      from: '2026-03-23T00:00:00Z',
      to: '2026-03-30T00:00:00Z',
    });
    expect(week.map((u) => u.id)).toEqual([id]);
    expect(await call('scheduleCopy', { updateId: id, schedule: { kind: 'none' } })).toMatchObject({
      status: 'draft',
    });
  });
});

describe('search and media', () => {
  it('finds updates by words regardless of case and accents, with filters', async () => {
    const tg = await channel('Roma Breaking', 'telegram');
    const wa = await channel('Roma Mobilità', 'whatsapp');
    await call('createStory', {
      channelIds: [tg.id, wa.id],
      text: 'Sciopero dei trasporti a Città del Vaticano',
    });
    await call('createStory', { channelIds: [tg.id], text: 'Partita Roma-Lazio' });
    expect((await call('search', { text: 'citta SCIOPERO' })).total).toBe(2);
    expect((await call('search', { text: 'citta', channelId: wa.id })).total).toBe(1);
    expect((await call('search', { text: 'lazio', status: 'scheduled' })).total).toBe(0);
    expect((await call('search', { text: 'nothing like this' })).total).toBe(0);
  });

  it('stores an attachment once by content and checks thumbnails', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const first = await call('addAttachment', {
      name: 'a.png',
      mime: 'image/png',
      dataBase64: png.toString('base64'),
      thumbnailBase64: png.toString('base64'),
    });
    const again = await call('addAttachment', {
      name: 'b.png',
      mime: 'image/png',
      dataBase64: png.toString('base64'),
    });
    expect(again.hash).toBe(first.hash);
    expect(first).toMatchObject({ kind: 'image', size: png.length, thumbHash: first.hash });
    expect((await call('getMedia', { hash: first.hash })).dataBase64).toBe(png.toString('base64'));
    await expect(
      call('addAttachment', {
        name: 'c.png',
        mime: 'image/png',
        dataBase64: png.toString('base64'),
        thumbnailBase64: Buffer.from('<svg onload=alert(1)>').toString('base64'),
      }),
    ).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});

describe('unfinished polls', () => {
  it('saves a poll as it is written but refuses to schedule it until it is complete', async () => {
    const tg = await channel('Roma Breaking', 'telegram');
    const s = await call('createStory', { channelIds: [tg.id], text: 'Sondaggio' });
    const draft = {
      question: 'Quale linea?',
      options: ['Metro A', ''],
      multipleAnswers: false,
      quizCorrectOption: null,
    };
    await call('editShared', { storyId: s.storyId, poll: draft });
    await engine.close();
    engine = await open();
    const copy = (await call('getStory', { storyId: s.storyId })).copies[0]!;
    expect(copy.poll).toEqual(draft);
    await expect(
      call('scheduleCopy', { updateId: copy.id, schedule: { kind: 'queue' } }),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      issues: [expect.objectContaining({ path: 'poll.options.1' })],
    });
    expect((await call('getStory', { storyId: s.storyId })).copies[0]!.status).toBe('draft');
    await call('editShared', {
      storyId: s.storyId,
      poll: { ...draft, options: ['Metro A', 'Metro B'] },
    });
    expect(
      await call('scheduleCopy', { updateId: copy.id, schedule: { kind: 'queue' } }),
    ).toMatchObject({ status: 'scheduled' });
  });
});
