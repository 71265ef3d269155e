// The sample files in docs/ are what newsrooms copy: they must pass the validator as they stand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_TEST_CONTEXT } from '../../src/shared/transfer/import-fixtures';
import { parseImportFile } from '../../src/shared/transfer/import-parse';

const sample = (name: string) => ({
  bytes: new Uint8Array(readFileSync(join(__dirname, '../../docs', name))),
  name,
});

describe('import samples in docs/', () => {
  it('import-sample.csv validates with zero errors', () => {
    const result = parseImportFile(sample('import-sample.csv'), IMPORT_TEST_CONTEXT);
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(5);
  });

  it('import-sample.json validates with zero errors, and means what the CSV means', () => {
    const fromJson = parseImportFile(sample('import-sample.json'), IMPORT_TEST_CONTEXT);
    const fromCsv = parseImportFile(sample('import-sample.csv'), IMPORT_TEST_CONTEXT);
    expect(fromJson.errors).toEqual([]);
    expect(fromJson.rows).toHaveLength(4);
    // Same rows, same keys: importing one after the other would not duplicate.
    const keysOf = (rows: { key: string }[]) => rows.map((row) => row.key);
    expect(keysOf(fromJson.rows)).toEqual(keysOf(fromCsv.rows).filter((_, at) => at !== 3));
  });
});
