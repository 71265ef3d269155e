// An import file whose cells hold every injection payload: text comes through exactly as typed
// (the desk shows it as text later), a cell that starts like a spreadsheet formula is refused
// with its row kept as typed for the preview, and nothing else in the file is disturbed.
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { INJECTION_PAYLOADS } from '../../../tests/support/injection-corpus';
import { parseImportFile } from './import-parse';

const CHANNEL = { id: 'ch-1', name: 'Roma Live', timeZone: 'Europe/Rome', archived: false };
const CONTEXT = { channels: [CHANNEL], now: new Date('2026-03-04T08:00:00Z') };
// What the importer refuses (spreadsheets would run it); tab and CR are kept as text.
const REFUSED = /^[=+\-@]/;

function csvFile(texts: readonly string[]) {
  const csv = stringify([
    ['channel', 'text', 'schedule', 'topics'],
    ...texts.map((text) => [CHANNEL.name, text, 'draft', 'safe']),
  ]);
  return { bytes: new TextEncoder().encode(csv), name: 'plan.csv', type: 'text/csv' };
}

describe('untrusted text in an import file', () => {
  it('keeps every text as typed and refuses formula cells, naming their rows', () => {
    const texts = INJECTION_PAYLOADS.map((p) => p.text);
    const result = parseImportFile(csvFile(texts), CONTEXT);
    texts.forEach((text, i) => {
      const row = i + 2;
      if (REFUSED.test(text)) {
        const errors = result.errors.filter((e) => e.row === row);
        expect(errors.map((e) => e.column)).toEqual(['text']);
        expect(result.refused?.find((r) => r.row === row)?.text).toBe(text);
        expect(result.rows.some((r) => r.row === row)).toBe(false);
      } else {
        const valid = result.rows.find((r) => r.row === row);
        // (Line ends are unified as the composer writes them.)
        expect(valid?.text).toBe(text.replace(/\r\n?/g, '\n'));
        expect(valid?.channelId).toBe(CHANNEL.id);
      }
    });
    expect(result.rows.length + (result.refused?.length ?? 0)).toBe(texts.length);
  });

  it('refuses a hostile channel cell as an unknown channel, kept as typed', () => {
    const name = '<img src=x onerror=alert(1)>';
    const csv = stringify([
      ['channel', 'text', 'schedule'],
      [name, 'hello', 'draft'],
    ]);
    const result = parseImportFile(
      { bytes: new TextEncoder().encode(csv), name: 'plan.csv' },
      CONTEXT,
    );
    expect(result.rows).toEqual([]);
    expect(result.refused).toEqual([{ row: 2, channel: name, text: 'hello' }]);
  });
});
