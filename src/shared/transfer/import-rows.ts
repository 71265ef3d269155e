// Checks the rows of an import file, once read, against the desk's channels and the clock: one
// error per bad cell, named by row and column, and a ValidRow for every row with none.
import type { Channel } from '../domain';
import { instantToWallTime, normalizeInstant, wallTimeToInstant } from '../schedule';
import type { ImportError, ImportSchedule, ScheduleCell, ValidRow } from './import-format';
import { importRowKey, importRowSchema } from './import-format';

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

/** Rows that passed, and every error found. */
export interface ImportResult {
  rows: ValidRow[];
  errors: ImportError[];
}

const WALL_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/;
const HAS_OFFSET = /(?:[Zz]|[+-]\d{2}:?\d{2})$/;

type Found<T> = { ok: true; value: T } | { ok: false; message: string };

/** A channel by id, else by name (ignoring case), refusing archived and ambiguous ones. */
function findChannel(channels: readonly ImportChannel[], wanted: string): Found<ImportChannel> {
  const byId = channels.find((channel) => channel.id === wanted);
  const named = channels.filter(
    (channel) => channel.name.trim().toLowerCase() === wanted.toLowerCase(),
  );
  const channel = byId ?? (named.length === 1 ? named[0] : undefined);
  if (!byId && named.length > 1) {
    return { ok: false, message: `several channels are called "${wanted}" — use the channel’s id` };
  }
  if (!channel) return { ok: false, message: `no channel is called "${wanted}"` };
  if (channel.archived) return { ok: false, message: `channel "${channel.name}" is archived` };
  return { ok: true, value: channel };
}

/** The cell's time as an instant: an ISO instant, or a wall time in the channel's zone. */
function resolveTime(text: string, zone: string, now: Date): Found<string> {
  const wall = WALL_TIME.exec(text);
  let at: string | null = null;
  if (wall) {
    const wallTime = `${wall[1]}T${wall[2]}`;
    at = wallTimeToInstant(wallTime, zone);
    if (at === null) return { ok: false, message: `"${text}" is not a real date and time` };
    // wallTimeToInstant moves a time in a spring-forward gap ahead; reading it back shows the move.
    if (instantToWallTime(at, zone) !== wallTime) {
      return {
        ok: false,
        message: `"${text}" does not exist in ${zone} (the clocks go forward then) — pick another time`,
      };
    }
  } else if (HAS_OFFSET.test(text)) {
    try {
      at = normalizeInstant(text);
    } catch {
      return { ok: false, message: `"${text}" is not a real date and time` };
    }
  } else {
    return {
      ok: false,
      message: `"${text}" is not draft, queue, or a time like 2026-03-01 09:30 or 2026-03-01T08:30:00Z`,
    };
  }
  if (Date.parse(at) <= now.getTime()) return { ok: false, message: `"${text}" is in the past` };
  return { ok: true, value: at };
}

function resolveSchedule(cell: ScheduleCell, zone: string, now: Date): Found<ImportSchedule> {
  if (cell.kind !== 'time') return { ok: true, value: cell };
  const at = resolveTime(cell.text, zone, now);
  return at.ok ? { ok: true, value: { kind: 'at', at: at.value } } : at;
}

/** Checks one record; returns its ValidRow and external id, or its errors. */
function checkRecord(
  record: ImportRecord,
  context: ImportContext,
): { row: ValidRow; id: string | null } | { errors: ImportError[] } {
  const parsed = importRowSchema.safeParse(record.fields);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.flatMap((issue) => {
        if (issue.code === 'unrecognized_keys') {
          return issue.keys.map((key) => ({
            row: record.row,
            column: key,
            message: 'is not a known column',
          }));
        }
        const column = issue.path[0];
        return [{ row: record.row, column: String(column), message: issue.message }];
      }),
    };
  }
  const fields = parsed.data;
  const channel = findChannel(context.channels, fields.channel);
  if (!channel.ok) {
    return { errors: [{ row: record.row, column: 'channel', message: channel.message }] };
  }
  const schedule = resolveSchedule(fields.schedule, channel.value.timeZone, context.now);
  if (!schedule.ok) {
    return { errors: [{ row: record.row, column: 'schedule', message: schedule.message }] };
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
  const firstRowOfKey = new Map<string, number>();
  for (const record of records) {
    const checked = checkRecord(record, context);
    if ('errors' in checked) {
      errors.push(...checked.errors);
      continue;
    }
    const earlier = firstRowOfKey.get(checked.row.key);
    if (earlier !== undefined) {
      errors.push(
        checked.id === null
          ? { row: record.row, message: `repeats row ${earlier} (same channel, text and schedule)` }
          : {
              row: record.row,
              column: 'id',
              message: `"${checked.id}" is already used on row ${earlier}`,
            },
      );
      continue;
    }
    firstRowOfKey.set(checked.row.key, record.row);
    rows.push(checked.row);
  }
  return { rows, errors };
}
