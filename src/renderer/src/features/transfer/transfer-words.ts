// Words of the transfer screen that depend on data, each as a literal key (the key check reads
// them): an import error in the editor's language, export statuses, preview states.
import type { TFunction } from 'i18next';
import type { ImportErrorCode } from '../../../../shared/transfer/import-errors';
import type { ImportError, ImportSchedule } from '../../../../shared/transfer/import-format';
import type { ExportStatus, ImportPreviewRow } from '../../../../shared/transfer/transfer-protocol';

type Params = Record<string, unknown>;

/** Every import problem's words; a code without words does not compile. */
const ERROR_WORDS: Record<ImportErrorCode, (t: TFunction, params: Params) => string> = {
  empty_file: (t, p) => t('transfer.errors.empty_file', p),
  file_too_big: (t, p) => t('transfer.errors.file_too_big', p),
  utf32: (t, p) => t('transfer.errors.utf32', p),
  utf16: (t, p) => t('transfer.errors.utf16', p),
  bad_encoding: (t, p) => t('transfer.errors.bad_encoding', p),
  nul_bytes: (t, p) => t('transfer.errors.nul_bytes', p),
  bad_json: (t, p) => t('transfer.errors.bad_json', p),
  json_not_list: (t, p) => t('transfer.errors.json_not_list', p),
  too_many_rows: (t, p) => t('transfer.errors.too_many_rows', p),
  csv_quote: (t, p) => t('transfer.errors.csv_quote', p),
  bad_csv: (t, p) => t('transfer.errors.bad_csv', p),
  missing_column: (t, p) => t('transfer.errors.missing_column', p),
  unknown_columns: (t, p) => t('transfer.errors.unknown_columns', p),
  repeated_columns: (t, p) => t('transfer.errors.repeated_columns', p),
  too_many_cells: (t, p) => t('transfer.errors.too_many_cells', p),
  not_object: (t, p) => t('transfer.errors.not_object', p),
  unknown_column: (t, p) => t('transfer.errors.unknown_column', p),
  missing_cell: (t, p) => t('transfer.errors.missing_cell', p),
  not_text: (t, p) => t('transfer.errors.not_text', p),
  empty_cell: (t, p) => t('transfer.errors.empty_cell', p),
  empty_channel: (t, p) => t('transfer.errors.empty_channel', p),
  empty_schedule: (t, p) => t('transfer.errors.empty_schedule', p),
  text_too_long: (t, p) => t('transfer.errors.text_too_long', p),
  formula_cell: (t, p) => t('transfer.errors.formula_cell', p),
  bad_silent: (t, p) => t('transfer.errors.bad_silent', p),
  not_silent: (t, p) => t('transfer.errors.not_silent', p),
  bad_topics: (t, p) => t('transfer.errors.bad_topics', p),
  bad_topic: (t, p) => t('transfer.errors.bad_topic', p),
  too_many_topics: (t, p) => t('transfer.errors.too_many_topics', p),
  unknown_channel: (t, p) => t('transfer.errors.unknown_channel', p),
  ambiguous_channel: (t, p) => t('transfer.errors.ambiguous_channel', p),
  archived_channel: (t, p) => t('transfer.errors.archived_channel', p),
  bad_time: (t, p) => t('transfer.errors.bad_time', p),
  dst_gap: (t, p) => t('transfer.errors.dst_gap', p),
  past_time: (t, p) => t('transfer.errors.past_time', p),
  not_a_schedule: (t, p) => t('transfer.errors.not_a_schedule', p),
  repeated_row: (t, p) => t('transfer.errors.repeated_row', p),
  repeated_id: (t, p) => t('transfer.errors.repeated_id', p),
  story_channel_taken: (t, p) => t('transfer.errors.story_channel_taken', p),
  embargo: (t, p) => t('transfer.errors.embargo', p),
  no_slots: (t, p) => t('transfer.errors.no_slots', p),
  queue_full: (t, p) => t('transfer.errors.queue_full', p),
  bad_cell: (t, p) => t('transfer.errors.bad_cell', p),
};

/** An import problem translated from its code and params, with the column it is in. */
export function importErrorText(error: ImportError, t: TFunction): string {
  const text = ERROR_WORDS[error.code](t, { ...error.params });
  return error.column ? t('transfer.inColumn', { column: error.column, text }) : text;
}

/** The name of a status the export filters on. */
export function exportStatusLabel(status: ExportStatus, t: TFunction): string {
  switch (status) {
    case 'draft':
      return t('transfer.status.draft');
    case 'scheduled':
      return t('transfer.status.scheduled');
    case 'published':
      return t('transfer.status.published');
    case 'failed':
      return t('transfer.status.failed');
    case 'withdrawn':
      return t('transfer.status.withdrawn');
  }
}

/** How a row without an exact time is scheduled. */
export function scheduleKindLabel(
  kind: Exclude<ImportSchedule['kind'], 'at'>,
  t: TFunction,
): string {
  return kind === 'draft'
    ? t('transfer.import.schedule.draft')
    : t('transfer.import.schedule.queue');
}

/** A preview row's state, when it has no error. */
export function importStateLabel(
  state: Exclude<ImportPreviewRow['state'], 'error'>,
  t: TFunction,
): string {
  return state === 'new' ? t('transfer.import.state.new') : t('transfer.import.state.imported');
}

/** The base64 of a file's bytes, built in slices so a big file does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const SLICE = 0x8000;
  for (let at = 0; at < bytes.length; at += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(at, at + SLICE));
  }
  return btoa(binary);
}
