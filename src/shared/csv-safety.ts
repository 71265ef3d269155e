// CSV that spreadsheets open safely: UTF-8 with a byte order mark (so Excel reads accents right),
// CRLF records, quoting where needed, and no cell a spreadsheet would run as a formula.
// The browser build of csv-stringify carries what it needs, so this runs anywhere (no Node Buffer).
import { stringify } from 'csv-stringify/browser/esm/sync';

/** What a cell may hold; null is an empty cell. */
export type CsvCell = string | number | boolean | null;

/** Tells spreadsheets the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

// The characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's
// list): a text someone typed must never run as one when an editor opens the export.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell that cannot start a formula: one that could gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function safeCell(cell: CsvCell): string | number | boolean {
  if (cell === null) return '';
  return typeof cell === 'string' ? neutraliseFormula(cell) : cell;
}

/**
 * A whole CSV file: the BOM, the header, then one record per row, every text cell neutralised.
 * Numbers stay numbers (a negative number is not a formula).
 */
export function toSafeCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string {
  const records = [header.map(neutraliseFormula), ...rows.map((row) => row.map(safeCell))];
  return UTF8_BOM + stringify(records, { record_delimiter: 'windows', cast: { boolean: String } });
}
