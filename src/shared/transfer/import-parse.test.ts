import { describe, expect, it } from 'vitest';
import { IMPORT_TEST_CONTEXT, utf8 } from './import-fixtures';
import type { ImportFile } from './import-parse';
import type { ImportResult } from './import-rows';
import { parseImportFile } from './import-parse';

const HEADER = 'channel,text,schedule,topics,silent,story,id';
const csv = (...lines: string[]) => parseCsvBytes(utf8([HEADER, ...lines].join('\r\n')));
const parseCsvBytes = (bytes: Uint8Array, name = 'updates.csv') =>
  inWords(parseImportFile({ bytes, name }, IMPORT_TEST_CONTEXT));
const json = (rows: unknown, file: Partial<ImportFile> = {}) =>
  inWords(
    parseImportFile(
      { bytes: utf8(JSON.stringify(rows)), name: 'updates.json', ...file },
      IMPORT_TEST_CONTEXT,
    ),
  );
// These tests read the English words; import-errors.test.ts checks the codes and params.
function inWords(result: ImportResult) {
  return {
    ...result,
    errors: result.errors.map(({ code: _code, params: _params, ...rest }) => rest),
  };
}

describe('parseImportFile: a valid file', () => {
  it('reads every column of a CSV into ValidRows', () => {
    const result = csv(
      'Roma Live,"Metro A closed, buses running",2026-03-04 09:30,mobility; Centro ;,yes,metro-a,r1',
      'ch-city-desk,"Line one\r\nline two",queue,,,,',
      'roma flash,Later,draft,,no,,',
      'City Desk,At an instant,2026-03-04T17:00:00+01:00,,,,',
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        row: 2,
        key: 'id:r1',
        channelId: 'ch-roma-live',
        text: 'Metro A closed, buses running',
        // 09:30 in Rome in March (before the change) is UTC+1.
        schedule: { kind: 'at', at: '2026-03-04T08:30:00.000Z' },
        topics: ['mobility', 'Centro'],
        silent: true,
        story: 'metro-a',
      },
      expect.objectContaining({
        row: 3,
        channelId: 'ch-city-desk',
        text: 'Line one\nline two',
        schedule: { kind: 'queue' },
        topics: [],
        silent: false,
        story: null,
      }),
      expect.objectContaining({ row: 4, channelId: 'ch-roma-flash', schedule: { kind: 'draft' } }),
      expect.objectContaining({ row: 5, schedule: { kind: 'at', at: '2026-03-04T16:00:00.000Z' } }),
    ]);
  });

  it('reads the same rows from JSON, a UTF-8 BOM CSV and a semicolon CSV', () => {
    const fromJson = json([
      {
        channel: 'Roma Live',
        text: 'Hello',
        schedule: '2026-03-04 09:30',
        topics: ['mobility'],
        silent: true,
      },
    ]);
    const bom = parseCsvBytes(
      utf8(
        '\uFEFFchannel,text,schedule,topics,silent\nRoma Live,Hello,2026-03-04 09:30,mobility,yes\n',
      ),
    );
    const semicolons = parseCsvBytes(
      utf8('channel;text;schedule;topics;silent\nRoma Live;Hello;2026-03-04 09:30;mobility;yes\n'),
    );
    expect(fromJson.errors).toEqual([]);
    expect(fromJson.rows[0]?.row).toBe(1);
    for (const result of [bom, semicolons]) {
      expect(result.errors).toEqual([]);
      expect(result.rows).toEqual([{ ...fromJson.rows[0], row: 2 }]);
    }
  });

  it('takes an apostrophe-quoted formula sign as text and skips blank rows', () => {
    const result = csv("Roma Live,'-15% traffic,draft,,,,", ',,,,,,', '');
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.text)).toEqual(['-15% traffic']);
  });
});

describe('parseImportFile: a malformed file writes nothing and says where', () => {
  it('refuses wrong encodings as a whole', () => {
    const latin1 = Uint8Array.from([
      ...utf8(`${HEADER}\nRoma Live,Citt`),
      0xe0,
      ...utf8(',draft\n'),
    ]);
    expect(parseCsvBytes(latin1)).toEqual({
      rows: [],
      errors: [
        {
          row: 0,
          message:
            'the file is not UTF-8 text (first bad byte on line 2); it may be Windows-1252 or Latin-1 — save it as UTF-8',
        },
      ],
    });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...utf8('c\0h\0')]);
    expect(parseCsvBytes(utf16).errors).toEqual([
      {
        row: 0,
        message: 'the file is UTF-16 (little-endian) text — save it as UTF-8 (CSV UTF-8 in Excel)',
      },
    ]);
    const noBom = utf8('c\0h\0a\0n\0');
    expect(parseCsvBytes(noBom).errors[0]?.message).toMatch(/NUL characters/);
    expect(parseCsvBytes(new Uint8Array()).errors).toEqual([
      { row: 0, message: 'the file is empty' },
    ]);
  });

  it('names every missing and unknown column in one header error', () => {
    const result = parseCsvBytes(utf8('channel,txt\nRoma Live,Hello\n'));
    expect(result).toEqual({
      rows: [],
      errors: [
        { row: 1, message: 'missing columns: text, schedule' },
        {
          row: 1,
          message:
            'unknown columns: "txt" — the columns are channel, text, schedule, topics, silent, story, id',
        },
      ],
    });
  });

  it('refuses bad dates, DST gaps and past times on their row', () => {
    const result = csv(
      'Roma Live,A,2026-02-30 10:00,,,,',
      'Roma Live,B,2026-03-29 02:30,,,,',
      'Roma Live,C,2026-02-01 10:00,,,,',
      'Roma Live,D,tomorrow,,,,',
      'Roma Live,E,2026-03-04T25:00:00Z,,,,',
      'Roma Live,F,2026-03-29 03:30,,,,',
    );
    expect(result.errors).toEqual([
      { row: 2, column: 'schedule', message: '"2026-02-30 10:00" is not a real date and time' },
      {
        row: 3,
        column: 'schedule',
        message:
          '"2026-03-29 02:30" does not exist in Europe/Rome (the clocks go forward then) — pick another time',
      },
      { row: 4, column: 'schedule', message: '"2026-02-01 10:00" is in the past' },
      {
        row: 5,
        column: 'schedule',
        message:
          '"tomorrow" is not draft, queue, or a time like 2026-03-01 09:30 or 2026-03-01T08:30:00Z',
      },
      { row: 6, column: 'schedule', message: '"2026-03-04T25:00:00Z" is not a real date and time' },
    ]);
    expect(result.rows.map((row) => row.row)).toEqual([7]);
    // Each refused row keeps its channel and text as typed, for the preview to show.
    expect(result.refused).toEqual(
      ['A', 'B', 'C', 'D', 'E'].map((text, i) => ({ row: i + 2, channel: 'Roma Live', text })),
    );
  });

  it('refuses formula-injection cells in any column, naming the sign', () => {
    const result = csv(
      "Roma Live,=cmd|' /C calc'!A0,draft,,,,",
      '@SUM(A1),Hello,draft,,,,',
      'Roma Live,Hello,draft,+mobility,,,',
      'Roma Live,Hi,draft,,,-x,',
    );
    const message = (sign: string) =>
      `starts with '${sign}' — spreadsheet formulas are not imported; remove the sign or quote it with a leading apostrophe (')`;
    expect(result).toEqual({
      rows: [],
      errors: [
        { row: 2, column: 'text', message: message('=') },
        { row: 3, column: 'channel', message: message('@') },
        { row: 4, column: 'topics', message: message('+') },
        { row: 5, column: 'story', message: message('-') },
      ],
      // Shown in the preview as typed (the preview renders them as text, never as formulas).
      refused: [
        { row: 2, channel: 'Roma Live', text: "=cmd|' /C calc'!A0" },
        { row: 3, channel: '@SUM(A1)', text: 'Hello' },
        { row: 4, channel: 'Roma Live', text: 'Hello' },
        { row: 5, channel: 'Roma Live', text: 'Hi' },
      ],
    });
  });

  it('refuses empty text, unknown or archived channels, bad yes/no and repeats', () => {
    const result = csv(
      'Roma Live,"  ",draft,,,,',
      'Milano Live,Hi,draft,,,,',
      'Old News,Hi,draft,,,,',
      'Roma Live,Hi,draft,,maybe,,',
      'Roma Live,Same,queue,,,,',
      'ch-roma-live,Same,queue,,,,',
      'Roma Live,One,draft,,,,x1',
      'Roma Flash,Two,draft,,,,x1',
      'Roma Live,Hi,draft,,,,,extra',
    );
    expect(result.errors).toEqual([
      { row: 2, column: 'text', message: 'is empty' },
      { row: 3, column: 'channel', message: 'no channel is called "Milano Live"' },
      { row: 4, column: 'channel', message: 'channel "Old News" is archived' },
      { row: 5, column: 'silent', message: 'is "maybe" — write yes or no' },
      { row: 7, message: 'repeats row 6 (same channel, text and schedule)' },
      { row: 9, column: 'id', message: '"x1" is already used on row 8' },
      { row: 10, message: 'has 8 cells but the header has 7' },
    ]);
    expect(result.rows.map((row) => row.row)).toEqual([6, 8]);
  });

  it('refuses JSON that is not a list of rows, and rows with missing or unknown keys', () => {
    expect(json({ channel: 'Roma Live' }).errors).toEqual([
      { row: 0, message: 'the JSON file must be a list ([…]) of rows' },
    ]);
    expect(parseImportFile({ bytes: utf8('[{'), name: 'a.json' }, IMPORT_TEST_CONTEXT)).toEqual({
      rows: [],
      errors: [
        {
          row: 0,
          code: 'bad_json',
          params: { detail: expect.any(String) },
          message: expect.stringMatching(/^the file is not valid JSON/),
        },
      ],
    });
    const result = json([
      'text',
      { channel: 'Roma Live', text: 'Hi' },
      { channel: 'Roma Live', text: 'Hi', schedule: 'draft', when: 'now' },
      { channel: 'Roma Live', text: 42, schedule: 'draft' },
    ]);
    expect(result).toEqual({
      rows: [],
      errors: [
        { row: 1, message: 'is not an object with columns as keys' },
        { row: 2, column: 'schedule', message: 'is missing' },
        { row: 3, column: 'when', message: 'is not a known column' },
        { row: 4, column: 'text', message: 'must be text' },
      ],
      // A row that is not an object has no cells to show; text that is not text shows as none.
      refused: [
        { row: 2, channel: 'Roma Live', text: 'Hi' },
        { row: 3, channel: 'Roma Live', text: 'Hi' },
        { row: 4, channel: 'Roma Live', text: '' },
      ],
    });
  });

  it('refuses an unclosed quote as a whole-file error', () => {
    expect(csv('Roma Live,"Never closed,draft,,,,')).toEqual({
      rows: [],
      errors: [{ row: 0, message: 'a quoted cell is never closed (near line 2)' }],
    });
  });
});
