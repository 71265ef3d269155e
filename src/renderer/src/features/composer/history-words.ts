// Words for a record's history on the hub: field names, outcomes, and the values someone replaced.
import type { TFunction } from 'i18next';
import type { HistoryEntryView } from '../../../../shared/contract';
import { formatInstant } from '../../../../shared/schedule';

/** Longest overwritten value shown in full; longer ones are cut with an ellipsis. */
export const MAX_VALUE_CHARS = 2_000;

/** The name of a field a change set, as the editor knows it; unknown fields as sent. */
export function fieldLabel(field: string, t: TFunction): string {
  switch (field) {
    case 'text':
      return t('history.field.text');
    case 'shared':
    case 'shared.text':
      return t('history.field.sharedText');
    case 'attachments':
    case 'shared.attachments':
      return t('history.field.attachments');
    case 'poll':
    case 'shared.poll':
      return t('history.field.poll');
    case 'schedule':
    case 'status':
      return t('history.field.schedule');
    case 'customized':
      return t('history.field.customized');
    case 'deleted':
    case 'deletedAt':
      return t('history.field.deleted');
    case 'conflict':
      return t('history.field.conflict');
    default:
      return field;
  }
}

/** The fields of an entry as one list, each named once ("schedule" and "status" read the same). */
export function fieldList(fields: readonly string[], t: TFunction): string {
  return [...new Set(fields.map((f) => fieldLabel(f, t)))].join(', ');
}

/** Mutations that bring a record into being: their entry says so instead of listing every field. */
const CREATING = new Set(['createStory', 'duplicateStory', 'createChannel']);

/** What an entry did, in a line: "Created", "Brought to the hub…", or "Changed: text, schedule". */
export function entrySummary(entry: Pick<HistoryEntryView, 'mutation' | 'fields'>, t: TFunction) {
  if (entry.mutation === 'import') return t('history.imported');
  if (CREATING.has(entry.mutation)) return t('history.created');
  if (entry.fields.length === 0) return null;
  // Queue moves name what moved the copy, so another editor sees why its time changed.
  const fields = fieldList(entry.fields, t);
  if (entry.mutation === 'breakingNews') return t('historyQueue.breakingNews', { fields });
  if (entry.mutation === 'shareNext') return t('historyQueue.shareNext', { fields });
  if (entry.mutation === 'reorderQueue') return t('historyQueue.reorderQueue', { fields });
  return t('history.changed', { fields: fieldList(entry.fields, t) });
}

/** How the hub took a change. */
export function outcomeLabel(outcome: HistoryEntryView['outcome'], t: TFunction): string {
  switch (outcome) {
    case 'applied':
      return t('history.outcome.applied');
    case 'merged':
      return t('history.outcome.merged');
    case 'conflict':
      return t('history.outcome.conflict');
    case 'refused':
      return t('history.outcome.refused');
  }
}

const isScheduleAt = (v: unknown): v is { kind: 'at'; at: string } =>
  typeof v === 'object' &&
  v !== null &&
  (v as { kind?: unknown }).kind === 'at' &&
  typeof (v as { at?: unknown }).at === 'string';

/** A replaced value as text: texts as they were, schedules as times, the rest as JSON. */
export function valueText(value: unknown, zone: string, locale: string, t: TFunction): string {
  let text: string;
  if (value === null || value === undefined || value === '') text = t('history.empty');
  else if (typeof value === 'string') text = value;
  else if (isScheduleAt(value)) text = formatInstant(value.at, zone, locale, 'short');
  else if ((value as { kind?: unknown }).kind === 'none') text = t('history.unscheduled');
  else text = JSON.stringify(value, null, 2);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}
