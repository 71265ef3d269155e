// The audit trail lives on the hub: a page of it for the desk's screen, or all of it (for the same
// filters) as a CSV file a spreadsheet opens safely.
import type { AuditEntry, AuditExport, AuditPage, AuditQuery } from '../../shared/audit/protocol';
import { MAX_AUDIT_PAGE } from '../../shared/audit/protocol';
import type { CommandArg } from '../../shared/contract';
import { DeskError } from '../../shared/contract';
import type { CsvCell } from '../../shared/csv-safety';
import { toSafeCsv } from '../../shared/csv-safety';
import { hubCalls } from '../sync/hub-calls';
import type { SyncManager } from '../sync/sync-manager';

const AUDIT = 'The audit trail';

/** Most entries one export holds: beyond it, narrower filters make a file people can open. */
export const MAX_EXPORT_ROWS = 100_000;

/**
 * The export's columns, in order. `at` is an ISO instant in UTC; `who` a member's name ("the hub"
 * for its own publishing, "a former member" when the account is gone) and `who_id` their id;
 * `action` the mutation's name (createStory, scheduleCopy, approveStory, hub:published…);
 * `outcome` applied, merged or conflict; `record_kind` channel or update (a copy); `channel` and
 * `title` as they stand now (empty when the record is gone); `fields` the fields the write set,
 * separated by "; ". Names are stable: scripts may rely on them.
 */
export const AUDIT_CSV_COLUMNS = [
  'at',
  'who',
  'who_id',
  'action',
  'outcome',
  'record_kind',
  'record_id',
  'channel_id',
  'channel',
  'story_id',
  'title',
  'fields',
] as const;

function csvRow(e: AuditEntry): CsvCell[] {
  return [
    e.at,
    e.who.name,
    e.who.id,
    e.action,
    e.outcome,
    e.record.kind,
    e.record.id,
    e.channel?.id ?? null,
    e.channel?.name ?? null,
    e.storyId,
    e.title,
    e.fields.join('; '),
  ];
}

type Filters = CommandArg<'exportAudit'>;

/** The hub's query for these filters: nulls ("any") are left out. */
function hubQuery(filters: Filters, page: { limit: number; cursor: string | null }): AuditQuery {
  const query: AuditQuery = { limit: page.limit };
  if (filters.channelId !== null) query.channelId = filters.channelId;
  if (filters.storyId !== null) query.storyId = filters.storyId;
  if (filters.from !== null) query.from = filters.from;
  if (filters.to !== null) query.to = filters.to;
  if (page.cursor !== null) query.cursor = page.cursor;
  return query;
}

export function auditHandlers(sync: SyncManager) {
  const page = (filters: Filters, limit: number, cursor: string | null): Promise<AuditPage> =>
    sync.onHub(AUDIT, (t) => hubCalls.audit(t, hubQuery(filters, { limit, cursor })));

  return {
    async getAudit({ limit, cursor, ...filters }: CommandArg<'getAudit'>): Promise<AuditPage> {
      return page(filters, limit, cursor);
    },

    /** Every page, oldest entries last, as one CSV text (the shells save or download it). */
    async exportAudit(filters: CommandArg<'exportAudit'>): Promise<AuditExport> {
      const entries: AuditEntry[] = [];
      let cursor: string | null = null;
      do {
        const next: AuditPage = await page(filters, MAX_AUDIT_PAGE, cursor);
        entries.push(...next.entries);
        if (entries.length > MAX_EXPORT_ROWS) {
          throw new DeskError(
            'invalid_argument',
            `The audit trail holds more than ${MAX_EXPORT_ROWS.toLocaleString('en')} entries for these filters; choose a shorter time range or one channel.`,
          );
        }
        cursor = next.nextCursor;
      } while (cursor !== null);
      return { csv: toSafeCsv(AUDIT_CSV_COLUMNS, entries.map(csvRow)), rows: entries.length };
    },
  };
}
