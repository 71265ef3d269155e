// The audit screen's filters as the editor sets them (whole days in their own zone) and as the
// desk's commands take them (instants, null meaning "any").
import type { CommandInput } from '../../../../shared/contract';
import { addDays, wallTimeToInstant } from '../../../../shared/schedule';

/** What the filter fields hold: '' is "any"; dates are 'YYYY-MM-DD'. */
export interface AuditFilterFields {
  channelId: string;
  storyId: string | null;
  fromDate: string;
  toDate: string;
}

export type AuditFilters = Required<
  Pick<CommandInput<'exportAudit'>, 'channelId' | 'storyId' | 'from' | 'to'>
>;

/**
 * The command's filters for these fields in `zone`: "from" starts its day, "to" includes its
 * day. Null when the range is empty (the end before the start): nothing to ask the hub.
 */
export function auditFiltersOf(fields: AuditFilterFields, zone: string): AuditFilters | null {
  const from = fields.fromDate ? wallTimeToInstant(`${fields.fromDate}T00:00`, zone) : null;
  const toStart = fields.toDate ? wallTimeToInstant(`${fields.toDate}T00:00`, zone) : null;
  const to = toStart ? addDays(toStart, 1, zone) : null;
  if (from && to && Date.parse(from) >= Date.parse(to)) return null;
  return { channelId: fields.channelId || null, storyId: fields.storyId, from, to };
}

/** A file name for an export: channel-desk-audit-<today>.csv. */
export function exportFileName(now: Date): string {
  return `channel-desk-audit-${now.toISOString().slice(0, 10)}.csv`;
}
