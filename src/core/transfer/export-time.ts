// Instants as an export writes them: ISO 8601 with the channel's own offset, so a reader sees the
// wall time the newsroom planned and the importer reads back the same instant.
import { lookupZone } from '../../shared/schedule/zone-timeline';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2030-03-04T09:30:00+01:00` for an instant in a zone (UTC when the zone is unknown). */
export function instantToZonedIso(iso: string, zoneName: string): string {
  const ms = Date.parse(iso);
  // luxon's IANAZone.offset is a cached Intl lookup: fast enough for 100,000 rows.
  const offsetMin = lookupZone(zoneName)?.offset(ms) ?? 0;
  const local = new Date(ms + offsetMin * 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
