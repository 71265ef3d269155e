// Export and import through the engine, with temporary data folders and a fixed clock: a round
// trip of 10,000 varied copies through CSV and JSON, malformed files that write nothing, a second
// import that adds nothing, and exports that keep spreadsheets and embargoes safe.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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
import type { Channel, Update } from '../../shared/domain';
import { quoteCell } from '../../shared/transfer/import-format';
import type { ExportProgress } from '../../shared/transfer/transfer-protocol';
import type { DeskEngine } from '../desk-engine';
import { createDeskEngine } from '../desk-engine';
import type { SettingsStore } from '../platform';
import { openStore } from '../store/durable-store';
import { IMPORT_STAGING_SHARD } from '../transfer/import-apply';

const memorySettings = (): SettingsStore => {
  let s: DeskSettings = { locale: null };
  return { get: () => s, set: (p) => (s = { ...s, ...p }) };
};

// 1 March 2026: the schedules below cross the spring and autumn clock changes of both zones.
const NOW = new Date('2026-03-01T00:00:00.000Z');
const DAILY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, time: '09:00' }));

interface Desk {
  dir: string;
  engine: DeskEngine;
  call<K extends CommandName>(name: K, arg: CommandInput<K>): Promise<CommandResults[K]>;
}
const desks: Desk[] = [];

async function openDesk(dir?: string): Promise<Desk> {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'desk-transfer-')));
  const engine = await createDeskEngine({
    dataDir,
    settings: memorySettings(),
    now: () => NOW,
    resumeSync: false,
  });
  const desk: Desk = {
    dir: dataDir,
    engine,
    call: (name, arg) =>
      (engine.handlers[name] as (a: unknown) => Promise<never>)(parseCommandArg(name, arg)),
  };
  desks.push(desk);
  return desk;
}

/** The same channels (same ids) on a desk, as a synced workspace would have them. */
async function channelsOn(desk: Desk): Promise<Channel[]> {
  const specs = [
    { name: 'Roma Live', timeZone: 'Europe/Rome' },
    { name: 'City Desk', timeZone: 'America/New_York' },
    { name: 'Delhi Wire', timeZone: 'Asia/Kolkata' },
  ];
  const made: Channel[] = [];
  for (const spec of specs) {
    made.push(
      await desk.call('createChannel', {
        ...spec,
        platform: 'telegram',
        language: 'en',
        slots: DAILY,
      }),
    );
  }
  return made;
}

async function closeAll() {
  for (const desk of desks.splice(0)) {
    await desk.engine.close();
    await rm(desk.dir, { recursive: true, force: true });
  }
}
afterEach(closeAll);

const base64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

/** Runs an export to its end and returns the file's bytes. */
async function exportAll(desk: Desk, arg: CommandInput<'startExport'>) {
  const events: ExportProgress[] = [];
  const finished = new Promise<ExportProgress>((resolve) => {
    desk.engine.on('exportProgress', (progress) => {
      events.push(progress);
      if (progress.done) resolve(progress);
    });
  });
  const started = await desk.call('startExport', arg);
  const end = await finished;
  expect(end.error).toBeNull();
  expect(await desk.call('getExportStatus', { jobId: started.jobId })).toEqual(end);
  return { started, events, bytes: await readFile(started.path) };
}

const TRICKY = [
  'Metro A closed, buses running',
  'He said "not today"; crowds at 5',
  'Line one\nline two\n\nline four',
  "=cmd|' /C calc'!A0",
  '+39 06 1234',
  '-15% traffic on the ring road',
  '@everyone stay indoors',
  "'=already quoted",
  'Emoji 🚇🚌 and accents: è é à ç ñ',
  '中文 العربية עברית',
  '\tStarts with a tab',
];

/** Row i of the seed file: every kind of text, topics, silent and schedule. */
function seedRow(i: number, channels: Channel[]) {
  const channel = channels[i % channels.length]!;
  const day = 1 + (i % 270);
  const at = new Date(NOW.getTime() + day * 86_400_000 + (i % 1440) * 60_000);
  const schedule = i % 7 === 0 ? 'draft' : at.toISOString();
  return {
    id: `copy-${String(i).padStart(6, '0')}`,
    channel: channel.id,
    // Every third story holds the same story on two channels.
    story: `story-${String(Math.floor(i / 3)).padStart(6, '0')}`,
    // Written as an export writes it: the importer reads the apostrophe escape back.
    text: quoteCell(`${TRICKY[i % TRICKY.length]} #${i}`),
    schedule,
    topics: i % 4 === 0 ? [] : [`topic-${i % 5}`, 'Centro'],
    silent: i % 3 === 0,
  };
}

/** What every import column says of a copy, for comparing two desks. */
const importColumns = (u: Update) => ({
  id: u.id,
  channelId: u.channelId,
  storyId: u.storyId,
  text: u.text,
  at: u.schedule.kind === 'at' ? u.schedule.at : null,
  status: u.status,
  tags: u.tags ?? [],
  silent: u.silent === true,
});

async function allCopies(desk: Desk, storyIds: string[]): Promise<Update[]> {
  const copies: Update[] = [];
  for (const storyId of storyIds) copies.push(...(await desk.call('getStory', { storyId })).copies);
  return copies.sort((a, b) => a.id.localeCompare(b.id));
}

describe('export → import round trip', () => {
  it('keeps every import column of 10,000 varied copies, through CSV and through JSON', async () => {
    const source = await openDesk();
    const channels = await channelsOn(source);
    const seed = Array.from({ length: 10_000 }, (_, i) => seedRow(i, channels));
    // Rows sharing a story must be on different channels: 3 consecutive rows cycle channels.
    const seeded = await source.call('applyImport', {
      fileName: 'seed.json',
      dataBase64: base64(JSON.stringify(seed)),
    });
    if (!seeded.ok)
      throw new Error(JSON.stringify(seeded.preview.rows.find((r) => r.errors.length)));
    expect(seeded.created).toBe(10_000);
    const original = await allCopies(source, seeded.storyIds);
    expect(original).toHaveLength(10_000);
    expect(original.some((c) => c.text.startsWith('=cmd'))).toBe(true);

    for (const format of ['csv', 'json'] as const) {
      const { bytes, started, events } = await exportAll(source, { format, what: 'all' });
      expect(started.total).toBe(10_000);
      expect(events.at(-1)).toMatchObject({ written: 10_000, done: true });
      // Written in chunks: progress came more than once before the end.
      expect(events.filter((e) => !e.done).length).toBeGreaterThan(5);
      const target = await openDesk();
      await channelsOn(target).then(() => undefined);
      // The target's channels have other ids: map them by name through a fresh import context.
      const text = bytes.toString('utf8');
      const remapped = remapChannels(text, channels, await target.call('listChannels', {}));
      const imported = await target.call('applyImport', {
        fileName: started.fileName,
        dataBase64: base64(remapped),
      });
      if (!imported.ok)
        throw new Error(JSON.stringify(imported.preview.rows.find((r) => r.errors.length)));
      expect(imported.created).toBe(10_000);
      const copies = await allCopies(target, imported.storyIds);
      const byName = new Map(channels.map((c) => [c.id, c.name]));
      const targetNames = new Map(
        (await target.call('listChannels', {})).map((c) => [c.id, c.name]),
      );
      expect(
        copies.map((c) => ({ ...importColumns(c), channelId: targetNames.get(c.channelId) })),
      ).toEqual(original.map((c) => ({ ...importColumns(c), channelId: byName.get(c.channelId) })));
    }
  }, 120_000);
});

/** Channel ids of one desk replaced by the other desk's ids for the same names. */
function remapChannels(text: string, from: Channel[], to: Channel[]): string {
  let out = text;
  for (const channel of from) {
    const twin = to.find((c) => c.name === channel.name)!;
    out = out.split(channel.id).join(twin.id);
  }
  return out;
}

describe('import', () => {
  let desk: Desk;
  let roma: Channel;
  beforeEach(async () => {
    desk = await openDesk();
    roma = (await channelsOn(desk))[0]!;
  });

  const csv = (...lines: string[]) =>
    base64(['channel,text,schedule,topics,silent,story,id', ...lines].join('\r\n'));
  const countCopies = async () => (await desk.call('getStatus', {})).updateCount;

  it('writes nothing for a malformed file, and names each bad row and its error code', async () => {
    await desk.call('applyImport', {
      fileName: 'ok.csv',
      dataBase64: csv('Roma Live,Fine,draft,,,,'),
    });
    const before = await countCopies();
    const cases: Array<[string, string, Array<{ row: number; code: string; column?: string }>]> = [
      [
        'utf16.csv',
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from('channel,text\r\n', 'utf16le'),
        ]).toString('base64'),
        [{ row: 0, code: 'utf16' }],
      ],
      [
        'latin1.csv',
        base64(Buffer.from('channel,text,schedule\r\nRoma Live,caff\xe8,draft', 'latin1')),
        [{ row: 0, code: 'bad_encoding' }],
      ],
      [
        'cols.csv',
        base64('channel,body\r\nRoma Live,Hello'),
        [
          { row: 1, code: 'missing_column' },
          { row: 1, code: 'unknown_columns' },
        ],
      ],
      [
        'dates.csv',
        csv(
          'Roma Live,Good row,2026-04-01 10:00,,,,',
          'Roma Live,Bad date,2026-02-30 10:00,,,,',
          'Roma Live,Past,2025-01-01 10:00,,,,',
          'Roma Live,Gap,2026-03-29 02:30,,,,',
        ),
        [
          { row: 3, code: 'bad_time', column: 'schedule' },
          { row: 4, code: 'past_time', column: 'schedule' },
          { row: 5, code: 'dst_gap', column: 'schedule' },
        ],
      ],
      [
        'formula.csv',
        csv('Roma Live,Good,draft,,,,', "Roma Live,=cmd|'/C calc'!A0,draft,,,,"),
        [{ row: 3, code: 'formula_cell', column: 'text' }],
      ],
    ];
    for (const [fileName, dataBase64, expected] of cases) {
      const outcome = await desk.call('applyImport', { fileName, dataBase64 });
      expect(outcome.ok, fileName).toBe(false);
      if (outcome.ok) continue;
      const errors = [
        ...outcome.preview.fileErrors,
        ...outcome.preview.rows.flatMap((r) => r.errors),
      ];
      expect(
        errors.map((e) => ({
          row: e.row,
          code: e.code,
          ...(e.column ? { column: e.column } : {}),
        })),
        fileName,
      ).toEqual(expected);
      expect(errors.every((e) => e.message.length > 0)).toBe(true);
      expect(await countCopies(), fileName).toBe(before);
    }
  });

  it('previews rows, skips already imported ones on a second import, and creates nothing new', async () => {
    const file = csv(
      'Roma Live,"Metro A closed, buses running",2026-03-04 09:30,mobility; Centro,yes,metro-a,',
      'City Desk,Metro A (NY desk),2026-03-04 09:30,,,metro-a,',
      'Delhi Wire,Later,draft,,no,,',
    );
    const preview = await desk.call('previewImport', { fileName: 'a.csv', dataBase64: file });
    expect(preview.counts).toEqual({ total: 3, new: 3, imported: 0, errors: 0 });
    expect(preview.rows.map((r) => [r.row, r.state, r.channelName])).toEqual([
      [2, 'new', 'Roma Live'],
      [3, 'new', 'City Desk'],
      [4, 'new', 'Delhi Wire'],
    ]);
    const first = await desk.call('applyImport', { fileName: 'a.csv', dataBase64: file });
    expect(first).toMatchObject({ ok: true, created: 3, skipped: 0 });
    const count = await countCopies();
    // The rows sharing a story key became one story on two channels, the second one customised.
    const story = await desk.call('getStory', { storyId: first.ok ? first.storyIds[0]! : '' });
    expect(story.copies.map((c) => [c.channelId === roma.id, c.customized, c.silent])).toEqual([
      [true, false, true],
      [false, true, false],
    ]);
    expect(story.copies[0]!.schedule).toEqual({
      kind: 'at',
      at: '2026-03-04T08:30:00.000Z',
      mode: 'exact',
    });

    const again = await desk.call('previewImport', { fileName: 'a.csv', dataBase64: file });
    expect(again.counts).toEqual({ total: 3, new: 0, imported: 3, errors: 0 });
    expect(await desk.call('applyImport', { fileName: 'a.csv', dataBase64: file })).toEqual({
      ok: true,
      created: 0,
      skipped: 3,
      storyIds: [],
    });
    expect(await countCopies()).toBe(count);
  });

  it("puts rows into the channel's next free slots in slots mode", async () => {
    const file = csv('Roma Live,One,2026-06-01 12:00,,,,', 'Roma Live,Two,queue,,,,');
    const outcome = await desk.call('applyImport', {
      fileName: 's.csv',
      dataBase64: file,
      mode: 'slots',
    });
    if (!outcome.ok) throw new Error('refused');
    const copies = await allCopies(desk, outcome.storyIds);
    // Rome's 09:00 on 1 and 2 March (UTC+1): the first slots after now (midnight UTC), in order.
    expect(
      copies
        .map((c) => c.schedule)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      { kind: 'at', at: '2026-03-01T08:00:00.000Z', mode: 'queue' },
      { kind: 'at', at: '2026-03-02T08:00:00.000Z', mode: 'queue' },
    ]);
  });

  it('refuses a row scheduled before the embargo of the story it joins', async () => {
    const story = await desk.call('createStory', { channelIds: [roma.id], text: 'Embargoed' });
    await desk.call('setEmbargo', { storyId: story.storyId, until: '2026-05-01T00:00:00.000Z' });
    const file = csv(`City Desk,Too early,2026-04-01 10:00,,,${story.storyId},`);
    const outcome = await desk.call('applyImport', { fileName: 'e.csv', dataBase64: file });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.preview.rows[0]!.errors.map((e) => e.code)).toEqual(['embargo']);
    }
  });
});

describe('export', () => {
  it('neutralises formula cells in CSV, hides embargoed text, and filters', async () => {
    const desk = await openDesk();
    const [roma, city] = await channelsOn(desk);
    const formula = await desk.call('createStory', {
      channelIds: [roma!.id],
      text: '=HYPERLINK("http://evil.example","click")',
    });
    await desk.call('setStoryTags', { storyId: formula.storyId, tags: ['politics'] });
    const secret = await desk.call('createStory', { channelIds: [city!.id], text: 'Secret scoop' });
    await desk.call('setEmbargo', { storyId: secret.storyId, until: '2026-05-01T00:00:00.000Z' });

    const { bytes } = await exportAll(desk, { format: 'csv', what: 'calendar' });
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFFid,channel,story,text,schedule,topics,silent,status')).toBe(true);
    expect(text).toContain(`'=HYPERLINK(""http://evil.example"",""click"")`);
    // No cell starts with a formula sign.
    expect(text).not.toMatch(/(^|,)"?[=+@]/m);
    expect(text).not.toContain('Secret scoop');
    expect(text).toContain(secret.copies[0]!.id);

    const json = JSON.parse(
      (await exportAll(desk, { format: 'json', tag: 'politics' })).bytes.toString('utf8'),
    );
    expect(json.format).toBe('channel-desk-export');
    expect(json.updates.map((u: { id: string }) => u.id)).toEqual([formula.copies[0]!.id]);
    const archive = await exportAll(desk, { format: 'json', what: 'archive' });
    expect(JSON.parse(archive.bytes.toString('utf8')).updates).toEqual([]);
    const onCity = await exportAll(desk, { format: 'json', channelIds: [city!.id] });
    expect(JSON.parse(onCity.bytes.toString('utf8')).updates).toMatchObject([
      { id: secret.copies[0]!.id, text: '', embargo_until: '2026-05-01T00:00:00.000Z' },
    ]);
  });
});

describe('a stopped import', () => {
  it('finishes moving its staged copies when the desk opens again', async () => {
    const first = await openDesk();
    const [roma] = await channelsOn(first);
    const dir = first.dir;
    await first.engine.close();
    desks.splice(desks.indexOf(first), 1);
    // The desk stopped right after the staging step: the decision is durable, no copy moved yet.
    const store = await openStore({ dir: join(dir, 'store') });
    const at = NOW.toISOString();
    const copy = {
      id: 'imp-0000000000000001',
      storyId: 'st-0000000000000001',
      channelId: roma!.id,
      text: 'Staged before the stop',
      attachments: [],
      poll: null,
      customized: false,
      shared: null,
      schedule: { kind: 'none' },
      status: 'draft',
      syncState: 'local',
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    await store.commit({
      mutationId: '00000000-0000-4000-8000-000000000001',
      name: '@importStaged',
      args: {},
      effects: [
        {
          shard: IMPORT_STAGING_SHARD,
          id: 'job-1',
          record: { id: 'job-1', fileName: 'a.csv', records: [copy] },
        },
      ],
    });
    await store.close();
    const again = await openDesk(dir);
    await expect.poll(async () => (await again.call('getStatus', {})).updateCount).toBe(1);
    const story = await again.call('getStory', { storyId: copy.storyId });
    expect(story.copies.map((c) => c.text)).toEqual(['Staged before the stop']);
  });
});
