// Reads an import file's bytes (CSV or JSON) into records and checks them, never throwing: whatever
// is wrong comes back as errors, with the row and column where there is one. Nothing is written
// here; applying valid rows is the desk's job, after the preview.
// The browser build of csv-parse carries what it needs, so this runs in the renderer too.
import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import type { ImportErrorCode, ImportErrorParams } from './import-errors';
import type { ImportError } from './import-format';
import {
  EXPORT_ONLY_COLUMNS,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  REQUIRED_IMPORT_COLUMNS,
  importError,
} from './import-format';
import type { ImportContext, ImportRecord, ImportResult } from './import-rows';
import { checkRecords } from './import-rows';

/** The file as picked by the user. */
export interface ImportFile {
  bytes: Uint8Array;
  name: string;
  /** The MIME type the picker reported, often empty. */
  type?: string;
}

type Read<T> = { ok: true; value: T } | { ok: false; errors: ImportError[] };

/** Records read, and the rows that could not even be read as one. */
interface Records {
  records: ImportRecord[];
  errors: ImportError[];
}

/** An error about the whole file (row 0) or the CSV header (row 1). */
const fileError = (
  code: ImportErrorCode,
  params: ImportErrorParams = {},
  row = 0,
): { ok: false; errors: ImportError[] } => ({
  ok: false,
  errors: [importError(row, code, params)],
});

/** The file's text: UTF-8 (a byte order mark is dropped), or a plain word about what it is instead. */
export function decodeImportText(bytes: Uint8Array): Read<string> {
  if (bytes.length === 0) return fileError('empty_file');
  if (bytes.length > IMPORT_MAX_BYTES) {
    return fileError('file_too_big', { maxMb: IMPORT_MAX_BYTES / 1024 / 1024 });
  }
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) {
    return fileError('utf32');
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const order = b0 === 0xff ? 'little-endian' : 'big-endian';
    return fileError('utf16', { order });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Decoded again leniently only to say where: the first replacement character is the bad byte.
    const loose = new TextDecoder('utf-8').decode(bytes);
    const line = loose.slice(0, loose.indexOf('\uFFFD')).split('\n').length;
    return fileError('bad_encoding', { line });
  }
  // NUL is valid UTF-8 but no one types it: this is UTF-16 without a byte order mark, or binary.
  if (text.includes('\u0000')) {
    return fileError('nul_bytes');
  }
  return { ok: true, value: text };
}

/** Whether the file is JSON, by its name or type, else by its first character. */
function isJson(file: ImportFile, text: string): boolean {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json') || file.type === 'application/json') return true;
  if (name.endsWith('.csv') || file.type === 'text/csv') return false;
  return /^\s*[[{]/.test(text);
}

function isExportEnvelope(data: unknown): data is { updates: unknown } {
  return (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    (data as { format?: unknown }).format === 'channel-desk-export' &&
    'updates' in data
  );
}

/** JSON: a list of objects, one per row, keyed by column name. */
function readJson(text: string): Read<Records> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fileError('bad_json', { detail: (error as Error).message });
  }
  // The desk's own JSON export wraps its rows: {format, exportedAt, updates: […]}.
  if (isExportEnvelope(data)) data = data.updates;
  if (!Array.isArray(data)) return fileError('json_not_list');
  if (data.length > IMPORT_MAX_ROWS) return fileError('too_many_rows', { max: IMPORT_MAX_ROWS });
  const records: ImportRecord[] = [];
  const errors: ImportError[] = [];
  data.forEach((item: unknown, index) => {
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      records.push({ row: index + 1, fields: item as Record<string, unknown> });
    } else {
      errors.push(importError(index + 1, 'not_object'));
    }
  });
  return { ok: true, value: { records, errors } };
}

/** Excel saves "CSV" with semicolons where the comma is the decimal sign; the header tells which. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

/** The header's problems: missing, unknown or repeated columns. */
function headerErrors(header: string[]): ImportError[] {
  const known: readonly string[] = [...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS];
  const missing = REQUIRED_IMPORT_COLUMNS.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !known.includes(column));
  const repeated = header.filter((column, index) => header.indexOf(column) !== index);
  const errors: ImportError[] = [];
  if (missing.length)
    errors.push(importError(1, 'missing_column', { columns: missing.join(', ') }));
  if (unknown.length) {
    errors.push(
      importError(1, 'unknown_columns', {
        columns: unknown.map((column) => `"${column}"`).join(', '),
        known: IMPORT_COLUMNS.join(', '),
      }),
    );
  }
  if (repeated.length) {
    errors.push(importError(1, 'repeated_columns', { columns: [...new Set(repeated)].join(', ') }));
  }
  return errors;
}

/** CSV: a header row naming the columns, then one row per update; blank rows are skipped. */
function readCsv(text: string): Read<Records> {
  let table: string[][];
  try {
    table = parseCsv(text, { delimiter: delimiterOf(text), relax_column_count: true });
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    const where = typeof lines === 'number' ? ` (near line ${lines})` : '';
    const code = (error as { code?: string }).code;
    return code === 'CSV_QUOTE_NOT_CLOSED'
      ? fileError('csv_quote', { where })
      : fileError('bad_csv', { where, detail: (error as Error).message });
  }
  const [headerCells, ...body] = table;
  if (!headerCells) return fileError('empty_file');
  const header = headerCells.map((cell) => cell.trim().toLowerCase());
  const problems = headerErrors(header);
  if (problems.length) return { ok: false, errors: problems };
  if (body.length > IMPORT_MAX_ROWS) return fileError('too_many_rows', { max: IMPORT_MAX_ROWS });
  const records: ImportRecord[] = [];
  const errors: ImportError[] = [];
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells.length > header.length) {
      errors.push(
        importError(row, 'too_many_cells', { cells: cells.length, header: header.length }),
      );
      return;
    }
    // A short row (a spreadsheet drops trailing empty cells) reads its missing cells as empty.
    records.push({
      row,
      fields: Object.fromEntries(header.map((column, at) => [column, cells[at] ?? ''])),
    });
  });
  return { ok: true, value: { records, errors } };
}

/**
 * Reads and checks an import file. Every row gets its own errors; rows without any come back as
 * ValidRows. A problem with the whole file (encoding, format, header) is the only error, and no
 * row comes back then.
 */
export function parseImportFile(file: ImportFile, context: ImportContext): ImportResult {
  const text = decodeImportText(file.bytes);
  if (!text.ok) return { rows: [], errors: text.errors };
  const read = isJson(file, text.value) ? readJson(text.value) : readCsv(text.value);
  if (!read.ok) return { rows: [], errors: read.errors };
  const checked = checkRecords(read.value.records, context);
  return {
    rows: checked.rows,
    errors: [...read.value.errors, ...checked.errors].sort((a, b) => a.row - b.row),
    ...(checked.refused ? { refused: checked.refused } : {}),
  };
}
