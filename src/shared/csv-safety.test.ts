import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UTF8_BOM, neutraliseFormula, toSafeCsv } from './csv-safety';

/** An RFC 4180 reader (quoted fields, doubled quotes, CRLF records), to read the files back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('neutraliseFormula', () => {
  it('puts an apostrophe before anything a spreadsheet would run', () => {
    expect(neutraliseFormula('=1+1')).toBe("'=1+1");
    expect(neutraliseFormula('+39 06 1234')).toBe("'+39 06 1234");
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(neutraliseFormula('\t=cmd')).toBe("'\t=cmd");
    expect(neutraliseFormula('\r=cmd')).toBe("'\r=cmd");
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['', 'Bridge vote', ' =not at the start', "'quoted", 'a=b', 'Città'])
      expect(neutraliseFormula(text)).toBe(text);
  });
});

// Texts rich in what CSV and spreadsheets treat specially, and any other characters.
const cellText = fc.oneof(
  fc.string({
    unit: fc.constantFrom('"', ',', '\n', '\r', '=', '+', '-', '@', '\t', ' ', 'é', 'x'),
  }),
  fc.string({ unit: 'grapheme' }),
);

describe('toSafeCsv', () => {
  it('writes the BOM, CRLF records, escaped quotes and newlines, and defused formulas', () => {
    const csv = toSafeCsv(
      ['when', 'what', 'count', 'ok'],
      [
        ['2031-03-02T08:00:00.000Z', 'He said "go", then left\nfor Roma', 3, true],
        ['=HYPERLINK("http://evil")', null, -4, false],
      ],
    );
    expect(csv).toBe(
      `${UTF8_BOM}when,what,count,ok\r\n` +
        '2031-03-02T08:00:00.000Z,"He said ""go"", then left\nfor Roma",3,true\r\n' +
        `"'=HYPERLINK(""http://evil"")",,-4,false\r\n`,
    );
  });

  it('gives back every text as written, formulas behind an apostrophe', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellText, { minLength: 2, maxLength: 2 }), { maxLength: 8 }),
        (rows) => {
          const csv = toSafeCsv(['a', 'b'], rows);
          expect(csv.startsWith(UTF8_BOM)).toBe(true);
          const read = parseCsv(csv.slice(UTF8_BOM.length));
          expect(read).toEqual([['a', 'b'], ...rows.map((r) => r.map(neutraliseFormula))]);
          for (const cell of read.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
      { seed: 20310302 },
    );
  });
});
