// Every problem an import can report, as a stable code with its params (the renderer translates
// them) and the same problem in English words (logs, scripts, the desk's own errors).

/** Params an import error carries into its translation. */
export type ImportErrorParams = Record<string, string | number>;

// One English template per code; {name} is replaced by the param of that name.
const ENGLISH = {
  empty_file: 'the file is empty',
  file_too_big: 'the file is larger than {maxMb} MB — split it',
  utf32: 'the file is UTF-32 text — save it as UTF-8 (CSV UTF-8 in Excel)',
  utf16: 'the file is UTF-16 ({order}) text — save it as UTF-8 (CSV UTF-8 in Excel)',
  bad_encoding:
    'the file is not UTF-8 text (first bad byte on line {line}); it may be Windows-1252 or Latin-1 — save it as UTF-8',
  nul_bytes: 'the file holds NUL characters: it is UTF-16 or not text — save it as UTF-8',
  bad_json: 'the file is not valid JSON ({detail})',
  json_not_list: 'the JSON file must be a list ([…]) of rows',
  too_many_rows: 'the file has more than {max} rows — split it',
  csv_quote: 'a quoted cell is never closed{where}',
  bad_csv: 'the file is not valid CSV{where}: {detail}',
  missing_column: 'missing columns: {columns}',
  unknown_columns: 'unknown columns: {columns} — the columns are {known}',
  repeated_columns: 'repeated columns: {columns}',
  too_many_cells: 'has {cells} cells but the header has {header}',
  not_object: 'is not an object with columns as keys',
  unknown_column: 'is not a known column',
  missing_cell: 'is missing',
  not_text: 'must be text',
  empty_cell: 'is empty',
  empty_channel: 'is empty — write the channel’s name or id',
  empty_schedule: 'is empty — write draft, queue, or a date and time',
  text_too_long: 'is longer than {max} characters',
  formula_cell:
    "starts with '{sign}' — spreadsheet formulas are not imported; remove the sign or quote it with a leading apostrophe (')",
  bad_silent: 'is "{value}" — write yes or no',
  not_silent: 'must be yes or no',
  bad_topics: 'must be topics separated by ";"',
  bad_topic: 'has a topic that is not valid: {detail}',
  too_many_topics: 'has more than {max} topics',
  unknown_channel: 'no channel is called "{name}"',
  ambiguous_channel: 'several channels are called "{name}" — use the channel’s id',
  archived_channel: 'channel "{name}" is archived',
  bad_time: '"{value}" is not a real date and time',
  dst_gap: '"{value}" does not exist in {zone} (the clocks go forward then) — pick another time',
  past_time: '"{value}" is in the past',
  not_a_schedule:
    '"{value}" is not draft, queue, or a time like 2026-03-01 09:30 or 2026-03-01T08:30:00Z',
  repeated_row: 'repeats row {row} (same channel, text and schedule)',
  repeated_id: '"{id}" is already used on row {row}',
  // Found when the rows are applied to the desk's copies.
  story_channel_taken: 'story "{story}" already has a copy on "{channel}"',
  embargo: 'the story is under embargo until {until}: it cannot be scheduled before then',
  no_slots: '"{channel}" has no posting slots for "queue" — add some in the channel’s settings',
  queue_full: 'every posting slot of "{channel}" in the next year is taken',
  bad_cell: '{detail}',
} as const satisfies Record<string, string>;

/** The stable code of an import problem. */
export type ImportErrorCode = keyof typeof ENGLISH;
/** Every import problem's code, for the renderer's translation tests. */
export const IMPORT_ERROR_CODES = Object.keys(ENGLISH) as ImportErrorCode[];

/** A template with its params filled in. */
export function importErrorText(code: ImportErrorCode, params: ImportErrorParams = {}): string {
  return ENGLISH[code].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
