// Checks the rows of an import file, once read, against the desk's channels and the clock: one
// error per bad cell, named by row and column, and a ValidRow for every row with none.
import type { Channel } from '../domain';
import { instantToWallTime, normalizeInstant, wallTimeToInstant } from '../schedule';
import type { ImportErrorCode, ImportErrorParams } from './import-errors';
import type { ImportError, ImportSchedule, ScheduleCell, ValidRow } from './import-format';
import { EXPORT_ONLY_COLUMNS, importError, importRowKey, importRowSchema } from './import-format';

/** What the import needs to know of a channel. */
export type ImportChannel = Pick<Channel, 'id' | 'name' | 'timeZone' | 'archived'>;

/** What rows are checked against. */
export interface ImportContext {
  channels: readonly ImportChannel[];
  /** Times at or before this are refused as past. */
  now: Date;
}

/** One record read from the file, with the row number its errors carry. */
export interface ImportRecord {
  row: number;
  fields: Record<string, unknown>;
}

/** What a refused row held, as typed, so a preview can show which row it is. */
export interface RefusedRow {
  row: number;
  channel: string;
  text: string;
}

/** Rows that passed, and every error found. */
export interface ImportResult {
  rows: ValidRow[];
  errors: ImportError[];
  /** The refused rows' channel and text cells (absent when the whole file was refused). */
  refused?: RefusedRow[];
}

const cellText = (value: unknown): string => (typeof value === 'string' ? value : '');

const WALL_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/;
const HAS_OFFSET = /(?:[Zz]|[+-]\d{2}:?\d{2})$/;

type Found<T> =
  { ok: true; value: T } | { ok: false; code: ImportErrorCode; params: ImportErrorParams };

const notFound = (code: ImportErrorCode, params: ImportErrorParams = {}) =>
  ({ ok: false, code, params }) as const;

/** A channel by id, else by name (ignoring case), refusing archived and ambiguous ones. */
function findChannel(channels: readonly ImportChannel[], wanted: string): Found<ImportChannel> {
  const byId = channels.find((channel) => channel.id === wanted);
  const named = channels.filter(
    (channel) => channel.name.trim().toLowerCase() === wanted.toLowerCase(),
  );
  const channel = byId ?? (named.length === 1 ? named[0] : undefined);
  if (!byId && named.length > 1) {
    return notFound('ambiguous_channel', { name: wanted });
  }
  if (!channel) return notFound('unknown_channel', { name: wanted });
  if (channel.archived) return notFound('archived_channel', { name: channel.name });
  return { ok: true, value: channel };
}

/** The cell's time as an instant: an ISO instant, or a wall time in the channel's zone. */
function resolveTime(text: string, zone: string, now: Date): Found<string> {
  const wall = WALL_TIME.exec(text);
  let at: string | null = null;
  if (wall) {
    const wallTime = `${wall[1]}T${wall[2]}`;
    at = wallTimeToInstant(wallTime, zone);
    if (at === null) return notFound('bad_time', { value: text });
    // wallTimeToInstant moves a time in a spring-forward gap ahead; reading it back shows the move.
    if (instantToWallTime(at, zone) !== wallTime) {
      return notFound('dst_gap', { value: text, zone });
    }
  } else if (HAS_OFFSET.test(text)) {
    try {
      at = normalizeInstant(text);
    } catch {
      return notFound('bad_time', { value: text });
    }
  } else {
    return notFound('not_a_schedule', { value: text });
  }
  if (Date.parse(at) <= now.getTime()) return notFound('past_time', { value: text });
  return { ok: true, value: at };
}

function resolveSchedule(cell: ScheduleCell, zone: string, now: Date): Found<ImportSchedule> {
  if (cell.kind !== 'time') return { ok: true, value: cell };
  const at = resolveTime(cell.text, zone, now);
  return at.ok ? { ok: true, value: { kind: 'at', at: at.value } } : at;
}

const EXPORT_ONLY: ReadonlySet<string> = new Set(EXPORT_ONLY_COLUMNS);

/** The fields without the columns an export adds (they describe the copy, not what to import). */
function withoutExportColumns(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !EXPORT_ONLY.has(key)));
}

// The words zod uses for the cell checks that cannot carry params (type and union mismatches).
const CODE_OF_MESSAGE: Record<string, ImportErrorCode> = {
  'is missing': 'missing_cell',
  'must be text': 'not_text',
  'must be yes or no': 'not_silent',
  'must be topics separated by ";"': 'bad_topics',
};

/** The code and params of a cell's issue: set by our checks, known words, else the words. */
function issueCode(issue: {
  code: string;
  message: string;
  path: PropertyKey[];
  params?: Record<string, unknown>;
}): { code: ImportErrorCode; params: ImportErrorParams } {
  const own = issue.code === 'custom' ? issue.params : undefined;
  if (own && typeof own.importCode === 'string') {
    return {
      code: own.importCode as ImportErrorCode,
      params: (own.importParams ?? {}) as ImportErrorParams,
    };
  }
  const known = CODE_OF_MESSAGE[issue.message];
  if (known) return { code: known, params: {} };
  // A topic refused by the tag rules (empty, too long): the rule's own words.
  if (issue.path[0] === 'topics') return { code: 'bad_topic', params: { detail: issue.message } };
  return { code: 'bad_cell', params: { detail: issue.message } };
}

/** Checks one record; returns its ValidRow and external id, or its errors. */
function checkRecord(
  record: ImportRecord,
  context: ImportContext,
): { row: ValidRow; id: string | null } | { errors: ImportError[] } {
  const parsed = importRowSchema.safeParse(withoutExportColumns(record.fields));
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.flatMap((issue) => {
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => importError(record.row, 'unknown_column', {}, key));
        }
        const { code, params } = issueCode(issue);
        return [importError(record.row, code, params, String(issue.path[0]))];
      }),
    };
  }
  const fields = parsed.data;
  const channel = findChannel(context.channels, fields.channel);
  if (!channel.ok) {
    return { errors: [importError(record.row, channel.code, channel.params, 'channel')] };
  }
  const schedule = resolveSchedule(fields.schedule, channel.value.timeZone, context.now);
  if (!schedule.ok) {
    return { errors: [importError(record.row, schedule.code, schedule.params, 'schedule')] };
  }
  const id = fields.id ?? null;
  const content = { channelId: channel.value.id, text: fields.text, schedule: schedule.value };
  return {
    id,
    row: {
      row: record.row,
      key: importRowKey(content, id),
      ...content,
      topics: fields.topics ?? [],
      silent: fields.silent ?? false,
      story: fields.story ?? null,
    },
  };
}

/**
 * Checks every record. A row whose id or content repeats an earlier row is refused too: applied,
 * it would be skipped as already imported, which is surely not what its author meant.
 */
export function checkRecords(
  records: readonly ImportRecord[],
  context: ImportContext,
): ImportResult {
  const rows: ValidRow[] = [];
  const errors: ImportError[] = [];
  const refused: RefusedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  const refuse = (record: ImportRecord) =>
    refused.push({
      row: record.row,
      channel: cellText(record.fields.channel),
      text: cellText(record.fields.text),
    });
  for (const record of records) {
    const checked = checkRecord(record, context);
    if ('errors' in checked) {
      errors.push(...checked.errors);
      refuse(record);
      continue;
    }
    const earlier = firstRowOfKey.get(checked.row.key);
    if (earlier !== undefined) {
      errors.push(
        checked.id === null
          ? importError(record.row, 'repeated_row', { row: earlier })
          : importError(record.row, 'repeated_id', { id: checked.id, row: earlier }, 'id'),
      );
      refuse(record);
      continue;
    }
    firstRowOfKey.set(checked.row.key, record.row);
    rows.push(checked.row);
  }
  return { rows, errors, refused };
}
