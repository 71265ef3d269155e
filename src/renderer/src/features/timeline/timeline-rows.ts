// Flattens a channel's timeline into rows for a virtual list: day headings, copies, then drafts.
import type { UpdateSummary } from '../../../../shared/contract';
import { instantToWallTime } from '../../../../shared/schedule';
import { isMovableQueued } from '../../../../shared/schedule/queue-shift';

export type TimelineRow =
  | { kind: 'day'; key: string; day: string; firstAt: string }
  | { kind: 'drafts'; key: string; count: number }
  | { kind: 'update'; key: string; summary: UpdateSummary };

/** Scheduled copies by time under a heading per day (in `zone`), then the drafts, newest first. */
export function buildTimelineRows(items: readonly UpdateSummary[], zone: string): TimelineRow[] {
  const scheduled = items
    .filter((s) => s.at !== null)
    .sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!) || a.id.localeCompare(b.id));
  const drafts = items
    .filter((s) => s.at === null)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  const rows: TimelineRow[] = [];
  let lastDay = '';
  for (const s of scheduled) {
    const day = instantToWallTime(s.at!, zone).slice(0, 10);
    if (day !== lastDay) {
      rows.push({ kind: 'day', key: `day-${day}`, day, firstAt: s.at! });
      lastDay = day;
    }
    rows.push({ kind: 'update', key: s.id, summary: s });
  }
  if (drafts.length > 0) {
    rows.push({ kind: 'drafts', key: 'drafts', count: drafts.length });
    for (const s of drafts) rows.push({ kind: 'update', key: s.id, summary: s });
  }
  return rows;
}

/** Index of the row showing `updateId`, or -1. */
export function rowIndexOf(rows: readonly TimelineRow[], updateId: string): number {
  return rows.findIndex((r) => r.kind === 'update' && r.summary.id === updateId);
}

/** Ids of the rows in the channel's movable queue at `now`, in queue order (the drag targets). */
export function queueIdsOf(rows: readonly TimelineRow[], now: Date): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    if (row.kind !== 'update') continue;
    const s = row.summary;
    const facts = { ...s, deliveryState: s.delivery?.state ?? null };
    if (isMovableQueued(facts, now)) ids.push(s.id);
  }
  return ids;
}
