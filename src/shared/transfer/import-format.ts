// The import file's columns and what one row may hold, shared by the desk (which applies an import)
// and the renderer (which previews it). Documented for newsrooms in docs/import.md.
import { z } from 'zod';
import { MAX_SOURCE_TEXT_CHARS, tagSchema } from '../schemas';
import type { ImportErrorCode, ImportErrorParams } from './import-errors';
import { importErrorText } from './import-errors';

/**
 * Columns the desk's exports add after the import columns (docs/import.md): read back without
 * complaint and ignored, so an exported file imports as it is.
 */
export const EXPORT_ONLY_COLUMNS = [
  'status',
  'review',
  'author',
  'embargo_until',
  'published_at',
  'url',
  'views',
  'forwards',
  'reactions',
  'poll',
  'corrections',
] as const;

/** Columns every import file must have. */
export const REQUIRED_IMPORT_COLUMNS = ['channel', 'text', 'schedule'] as const;
/** Columns an import file may add. */
export const OPTIONAL_IMPORT_COLUMNS = ['topics', 'silent', 'story', 'id'] as const;
/** Every column an import file may have, in the documented order. */
export const IMPORT_COLUMNS = [...REQUIRED_IMPORT_COLUMNS, ...OPTIONAL_IMPORT_COLUMNS] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Largest import file read, in bytes (an export of 10,000 updates with every column fits). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Most rows one import may carry: one apply stays one durable step the desk can hold in memory. */
export const IMPORT_MAX_ROWS = 10_000;
/** Most topics on one copy (what the hub stores on a copy). */
export const IMPORT_MAX_TOPICS = 20;
/** Longest `story` or `id` value. */
export const IMPORT_MAX_KEY_CHARS = 200;

// Spreadsheets run a cell starting with one of these as a formula (the OWASP "CSV injection" list,
// less tab and CR, which nobody types): such a cell in an import is almost always a pasted formula,
// and storing it would arm our own exports and anyone else's spreadsheet.
const FORMULA_SIGNS = ['=', '+', '-', '@'];
// An apostrophe before any of these (tab and CR too, which csv-safety also defuses), after any
// further apostrophes, is the export's escape: one is dropped on import, so `''=x` is `'=x`.
const QUOTED_CELL = /^'(?='*[=+\-@\t\r])/;

/** The message for a cell that starts like a spreadsheet formula. */
export function formulaMessage(sign: string): string {
  return importErrorText('formula_cell', { sign });
}

/**
 * A cell's text with the spreadsheet escape undone: `'=x` (how our export and spreadsheets keep a
 * formula-like text) is the text `=x`. Returns null when the cell starts like a formula.
 */
export function unquoteCell(cell: string): string | null {
  if (QUOTED_CELL.test(cell)) return cell.slice(1);
  return FORMULA_SIGNS.includes(cell.charAt(0)) ? null : cell;
}

/**
 * The cell an export writes for a text, so that `unquoteCell` gives the text back: an apostrophe
 * before a text that starts (after any apostrophes) like a formula. Also what keeps the CSV safe.
 */
export function quoteCell(text: string): string {
  return /^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The issue a cell check raises: its English words, and the code and params to translate. */
function cellIssue(code: ImportErrorCode, params: ImportErrorParams = {}) {
  return {
    code: 'custom' as const,
    message: importErrorText(code, params),
    params: { importCode: code, importParams: params },
  };
}

/** A text cell refused when it starts like a formula, else unquoted. */
const safeText = z
  .string({ error: (issue) => missingOr(issue.input, 'must be text') })
  .transform((cell, ctx) => {
    const text = unquoteCell(cell);
    if (text === null) {
      ctx.addIssue(cellIssue('formula_cell', { sign: cell.charAt(0) }));
      return z.NEVER;
    }
    return text;
  });

function missingOr(input: unknown, otherwise: string): string {
  return input === undefined ? 'is missing' : otherwise;
}

/** `draft`, `queue`, or a date and time (checked against the channel's zone later). */
export type ScheduleCell = { kind: 'draft' } | { kind: 'queue' } | { kind: 'time'; text: string };

const scheduleCell = safeText.transform((cell, ctx): ScheduleCell => {
  const value = cell.trim();
  const word = value.toLowerCase();
  if (word === 'draft' || word === 'queue') return { kind: word };
  if (value === '') {
    ctx.addIssue(cellIssue('empty_schedule'));
    return z.NEVER;
  }
  return { kind: 'time', text: value };
});

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

const silentCell = z
  .union([z.boolean(), z.string()], { error: 'must be yes or no' })
  .transform((cell, ctx) => {
    if (typeof cell === 'boolean') return cell;
    const word = cell.trim().toLowerCase();
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
    ctx.addIssue(cellIssue('bad_silent', { value: cell }));
    return z.NEVER;
  });

// A spreadsheet holds topics as one cell, "mobility; Centro"; a JSON file may use a list. Each topic
// is checked for a formula sign on its own, as a spreadsheet would split them too.
const topicsCell = z
  .union([z.array(z.string()), z.string().transform((cell) => cell.split(';'))], {
    error: 'must be topics separated by ";"',
  })
  .pipe(z.array(z.string().trim().pipe(safeText)))
  .transform((topics) => topics.filter((topic) => topic !== ''))
  .pipe(z.array(tagSchema))
  .superRefine((topics, ctx) => {
    if (topics.length > IMPORT_MAX_TOPICS) {
      ctx.addIssue(cellIssue('too_many_topics', { max: IMPORT_MAX_TOPICS }));
    }
  })
  .transform((topics) => [...new Set(topics)]);

const keyCell = z
  .union([z.string(), z.number().transform(String)], { error: 'must be text' })
  .pipe(safeText)
  .transform((cell) => cell.trim())
  .superRefine((cell, ctx) => {
    if (cell.length > IMPORT_MAX_KEY_CHARS) {
      ctx.addIssue(cellIssue('text_too_long', { max: IMPORT_MAX_KEY_CHARS }));
    }
  })
  .transform((cell) => (cell === '' ? null : cell));

/** One row of an import file, before its channel and time are looked up. */
export const importRowSchema = z.strictObject({
  channel: safeText
    .transform((cell) => cell.trim())
    .superRefine((cell, ctx) => {
      if (cell === '') ctx.addIssue(cellIssue('empty_channel'));
    }),
  // Spreadsheets on Windows save line breaks inside a cell as CRLF; the desk stores LF.
  text: safeText
    .transform((cell) => cell.replace(/\r\n?/g, '\n'))
    .superRefine((text, ctx) => {
      if (text.trim() === '') ctx.addIssue(cellIssue('empty_cell'));
      else if (text.length > MAX_SOURCE_TEXT_CHARS) {
        ctx.addIssue(cellIssue('text_too_long', { max: MAX_SOURCE_TEXT_CHARS }));
      }
    }),
  schedule: scheduleCell,
  topics: topicsCell.optional(),
  silent: silentCell.optional(),
  story: keyCell.optional(),
  id: keyCell.optional(),
});
export type ImportRowFields = z.infer<typeof importRowSchema>;

/** When a valid row's copy goes out: kept as a draft, put in the next free slot, or at a time. */
export type ImportSchedule = { kind: 'draft' } | { kind: 'queue' } | { kind: 'at'; at: string };

/** A row that passed every check, ready to be applied. */
export interface ValidRow {
  /** The row number shown with errors (the header is row 1 in a CSV; the first item is 1 in JSON). */
  row: number;
  /** Stable across imports of the same file: the row's `id`, else a hash of its content. */
  key: string;
  channelId: string;
  text: string;
  schedule: ImportSchedule;
  topics: string[];
  silent: boolean;
  /** Rows sharing a story key become one story across channels. */
  story: string | null;
}

/** A problem found in the file: on one row (and cell), or on the whole file when row is 0. */
export interface ImportError {
  row: number;
  column?: string;
  /** Stable: the renderer translates the problem from it and `params`. */
  code: ImportErrorCode;
  params: ImportErrorParams;
  /** The same problem in English words. */
  message: string;
}

/** An import error with its English words filled in from the code. */
export function importError(
  row: number,
  code: ImportErrorCode,
  params: ImportErrorParams = {},
  column?: string,
): ImportError {
  const error: ImportError = { row, code, params, message: importErrorText(code, params) };
  return column === undefined ? error : { row, column, code, params, message: error.message };
}

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const U64 = 0xffffffffffffffffn;

/**
 * FNV-1a, 64-bit, over the UTF-8 bytes of `text`, as 16 hex digits. Not cryptographic: it only
 * has to tell an import's rows apart, and it must be synchronous and identical in every process
 * (Web Crypto's digest is asynchronous, Node's crypto is not available in the renderer).
 */
export function fnv1a64(text: string): string {
  let hash = FNV64_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV64_PRIME) & U64;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The key that makes a second import of the same file a no-op: the row's own `id` when it has one,
 * else a hash of what the row means (resolved channel, text, schedule), so writing a channel by
 * name or by id, or a time as wall clock or as an instant, gives the same key.
 */
export function importRowKey(
  row: Pick<ValidRow, 'channelId' | 'text' | 'schedule'>,
  id: string | null,
): string {
  if (id !== null) return `id:${id}`;
  const when = row.schedule.kind === 'at' ? row.schedule.at : row.schedule.kind;
  return `fnv:${fnv1a64([row.channelId, row.text, when].join('\u0000'))}`;
}
