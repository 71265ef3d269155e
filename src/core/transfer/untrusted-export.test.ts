// Every injection payload in every text column of an export: the CSV file holds no cell a
// spreadsheet would run as a formula, and each cell reads back as the text that was typed; the
// JSON file parses and holds the text unchanged.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_START, INJECTION_PAYLOADS } from '../../../tests/support/injection-corpus';
import { unquoteCell } from '../../shared/transfer/import-format';
import { EXPORT_COLUMNS, type ExportRow } from './export-rows';
import { writeExport } from './export-writer';

/** The columns holding text people typed (names, bodies, topics, notes). */
const TEXT_COLUMNS = ['channel', 'story', 'text', 'author', 'url'] as const;

function rowOf(text: string, i: number): ExportRow {
  const row = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, null])) as ExportRow;
  for (const column of TEXT_COLUMNS) row[column] = text;
  return {
    ...row,
    id: `upd-${i}`,
    topics: [text, 'plain'],
    silent: false,
    views: -3,
    poll: { q: text },
  };
}

const ROWS = INJECTION_PAYLOADS.map((p, i) => rowOf(p.text, i));
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-untrusted-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exportAs(format: 'csv' | 'json'): Promise<string> {
  const path = join(dir, `export.${format}`);
  await writeExport({
    format,
    path,
    total: ROWS.length,
    rows: ROWS,
    exportedAt: '2026-03-04T08:00:00.000Z',
    onProgress: () => undefined,
  });
  return readFile(path, 'utf8');
}

describe('untrusted text in exports', () => {
  it('CSV: no cell starts a formula, and every text cell reads back as typed', async () => {
    const csv = await exportAs('csv');
    const [header, ...records] = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(header).toEqual([...EXPORT_COLUMNS]);
    expect(records).toHaveLength(INJECTION_PAYLOADS.length);
    records.forEach((record, i) => {
      const views = EXPORT_COLUMNS.indexOf('views');
      record.forEach((cell, c) => {
        if (c !== views) expect(cell).not.toMatch(FORMULA_START);
      });
      const payload = INJECTION_PAYLOADS[i]!;
      for (const column of TEXT_COLUMNS) {
        // The importer undoes the export's apostrophe: the round trip gives the text back.
        expect(unquoteCell(record[EXPORT_COLUMNS.indexOf(column)]!)).toBe(payload.text);
      }
      expect(record[EXPORT_COLUMNS.indexOf('topics')]).toContain(payload.marker);
      // A negative number stays a number: only text is defused.
      expect(record[EXPORT_COLUMNS.indexOf('views')]).toBe('-3');
    });
  });

  it('JSON: the file parses and holds every text unchanged', async () => {
    const doc = JSON.parse(await exportAs('json')) as { updates: ExportRow[] };
    expect(doc.updates).toHaveLength(INJECTION_PAYLOADS.length);
    doc.updates.forEach((row, i) => {
      const payload = INJECTION_PAYLOADS[i]!;
      expect(row.text).toBe(payload.text);
      expect(row.channel).toBe(payload.text);
      expect(row.topics).toEqual([payload.text, 'plain']);
    });
  });
});
