import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_TEST_CONTEXT, utf8 } from './import-fixtures';
import { parseImportFile } from './import-parse';

// Logged so that a failure can be replayed with fc.assert(…, { seed }).
const seed = Date.now();

describe('parseImportFile on hostile input', () => {
  it(`never throws on arbitrary bytes, and every error names a row (seed ${seed})`, () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      // Text that gets past decoding, so the CSV and JSON readers are exercised too.
      fc.string({ unit: 'binary', maxLength: 300 }).map((text) => utf8(text)),
      fc
        .array(fc.array(fc.string({ maxLength: 20 }), { maxLength: 8 }), { maxLength: 6 })
        .map((rows) =>
          utf8(
            ['channel,text,schedule,topics', ...rows.map((cells) => cells.join(','))].join('\n'),
          ),
        ),
    );
    fc.assert(
      fc.property(bytes, fc.constantFrom('a.csv', 'a.json', 'a.txt'), (data, name) => {
        const result = parseImportFile({ bytes: data, name }, IMPORT_TEST_CONTEXT);
        for (const error of result.errors) {
          expect(error.row).toBeGreaterThanOrEqual(0);
          expect(error.message).not.toBe('');
        }
        // A file with a whole-file error yields no rows.
        if (result.errors.some((error) => error.row === 0)) expect(result.rows).toEqual([]);
      }),
      { seed, numRuns: 500 },
    );
  });
});
