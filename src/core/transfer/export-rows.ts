// Which copies an export holds and what each row says. The import columns come first, written so
// that the file imports back (docs/import.md); the copy's state and numbers follow.
import type { CommandArg } from '../../shared/contract';
import type { Channel } from '../../shared/domain';
import { instantToZonedIso } from './export-time';
import type { ImportColumn } from '../../shared/transfer/import-format';
import { EXPORT_ONLY_COLUMNS, quoteCell } from '../../shared/transfer/import-format';
import type { ExportStatus } from '../../shared/transfer/transfer-protocol';
import { isEmbargoed } from '../../shared/workflow/copy-rules';
import type { UpdateRecord } from '../update-records';

/** The export's columns, in order: the import columns, then what describes the copy. */
export const EXPORT_COLUMNS = [
  // The import columns in the order people read them (IMPORT_COLUMNS lists them by need).
  'id',
  'channel',
  'story',
  'text',
  'schedule',
  'topics',
  'silent',
  ...EXPORT_ONLY_COLUMNS,
] as const satisfies readonly (ImportColumn | (typeof EXPORT_ONLY_COLUMNS)[number])[];

/** One exported row: text where a spreadsheet shows text, numbers, booleans, lists, JSON values. */
export type ExportValue = string | number | boolean | null | string[] | Record<string, unknown>;
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], ExportValue>;

export type ExportFilters = Omit<CommandArg<'startExport'>, 'format'>;

/** The status word of a copy: how its delivery went once the hub tried, else draft or scheduled. */
export function exportStatusOf(rec: UpdateRecord): ExportStatus {
  const state = rec.delivery?.state;
  if (state === 'published' || state === 'failed' || state === 'withdrawn') return state;
  return rec.status;
}

const isOut = (status: ExportStatus): boolean => status === 'published' || status === 'withdrawn';

/** The instant a copy is filed under for the date filter: when it went out, else its plan. */
function timeOf(rec: UpdateRecord): string | null {
  return rec.delivery?.publishedAt ?? (rec.schedule.kind === 'at' ? rec.schedule.at : null);
}

/** A predicate for the copies the filters keep (live copies only: the trash is not exported). */
export function exportFilter(filters: ExportFilters): (rec: UpdateRecord) => boolean {
  const channels = new Set(filters.channelIds);
  const statuses = new Set(filters.statuses);
  const fromMs = filters.from === null ? null : Date.parse(filters.from);
  const toMs = filters.to === null ? null : Date.parse(filters.to);
  return (rec) => {
    if (rec.deletedAt !== null) return false;
    if (channels.size > 0 && !channels.has(rec.channelId)) return false;
    const status = exportStatusOf(rec);
    if (filters.what === 'calendar' && isOut(status)) return false;
    if (filters.what === 'archive' && !isOut(status)) return false;
    if (statuses.size > 0 && !statuses.has(status)) return false;
    if (filters.tag !== null && !(rec.tags ?? []).includes(filters.tag)) return false;
    if (fromMs !== null || toMs !== null) {
      const at = timeOf(rec);
      if (at === null) return false;
      const ms = Date.parse(at);
      if (fromMs !== null && ms < fromMs) return false;
      if (toMs !== null && ms >= toMs) return false;
    }
    return true;
  };
}

const authorOf = (rec: UpdateRecord): string | null =>
  (rec as { author?: { name: string } | null }).author?.name ?? null;

/**
 * One copy as a row. The import columns' text goes through `quoteCell`, in CSV and JSON alike, so
 * the importer (which refuses formula-like cells) reads back exactly what was written. A copy
 * under embargo at `now` goes out without its text and poll: the file may travel further than
 * the newsroom.
 */
export function exportRow(rec: UpdateRecord, channel: Channel | undefined, now: Date): ExportRow {
  const embargoed = isEmbargoed(rec, now);
  const zone = channel?.timeZone ?? 'UTC';
  const engagement = rec.engagement ?? null;
  return {
    id: quoteCell(rec.id),
    channel: quoteCell(rec.channelId),
    story: quoteCell(rec.storyId),
    text: embargoed ? '' : quoteCell(rec.text),
    schedule: rec.schedule.kind === 'at' ? instantToZonedIso(rec.schedule.at, zone) : 'draft',
    topics: (rec.tags ?? []).map(quoteCell),
    silent: rec.silent === true,
    status: exportStatusOf(rec),
    review: rec.review?.state ?? null,
    author: authorOf(rec),
    embargo_until: rec.embargoUntil ?? null,
    published_at: rec.delivery?.publishedAt ?? null,
    url: rec.delivery?.url ?? null,
    views: engagement?.views ?? null,
    forwards: engagement?.forwards ?? null,
    reactions: engagement ? engagement.reactions : null,
    poll: rec.poll && !embargoed ? { ...rec.poll, votes: engagement?.pollVotes ?? null } : null,
    corrections: rec.delivery?.corrections ?? null,
  };
}
