import { describe, expect, it } from 'vitest';
import { IMPORT_TEST_CONTEXT, utf8 } from './import-fixtures';
import { fnv1a64, importRowKey, unquoteCell } from './import-format';
import { parseImportFile } from './import-parse';

const parse = (text: string) =>
  parseImportFile({ bytes: utf8(text), name: 'updates.csv' }, IMPORT_TEST_CONTEXT);

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});

describe('importRowKey', () => {
  const file =
    'channel,text,schedule\nRoma Live,Metro A closed,2026-03-04 09:30\nRoma Live,Buses,queue\n';

  it('is the same across two parses of the same file', () => {
    const first = parse(file).rows.map((row) => row.key);
    const second = parse(file).rows.map((row) => row.key);
    expect(first).toHaveLength(2);
    expect(second).toEqual(first);
    expect(first[0]).toMatch(/^fnv:[0-9a-f]{16}$/);
  });

  it('follows the meaning, not the spelling, of channel and time', () => {
    const [byName] = parse(file).rows;
    const [byId] = parse(
      'channel,text,schedule\nch-roma-live,Metro A closed,2026-03-04T08:30:00Z\n',
    ).rows;
    expect(byId?.key).toBe(byName?.key);
  });

  it('differs when the channel, text or schedule differs', () => {
    const base = { channelId: 'ch-roma-live', text: 'Hi', schedule: { kind: 'queue' } as const };
    const keys = [
      importRowKey(base, null),
      importRowKey({ ...base, channelId: 'ch-roma-flash' }, null),
      importRowKey({ ...base, text: 'Hi!' }, null),
      importRowKey({ ...base, schedule: { kind: 'draft' } }, null),
      importRowKey({ ...base, schedule: { kind: 'at', at: '2026-03-04T08:30:00.000Z' } }, null),
      // The separator keeps "a"+"bc" apart from "ab"+"c".
      importRowKey({ ...base, channelId: 'ch-roma-liveH', text: 'i' }, null),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is the row’s own id when it has one, whatever its content', () => {
    const base = { channelId: 'ch-roma-live', text: 'Hi', schedule: { kind: 'queue' } as const };
    expect(importRowKey(base, 'r1')).toBe('id:r1');
    expect(importRowKey({ ...base, text: 'Edited' }, 'r1')).toBe('id:r1');
  });
});

describe('unquoteCell', () => {
  it('refuses formula signs and drops the apostrophe that quotes one', () => {
    expect(['=1', '+1', '-1', '@x'].map(unquoteCell)).toEqual([null, null, null, null]);
    expect(["'=1", "'-1", "'plain", 'plain'].map(unquoteCell)).toEqual([
      '=1',
      '-1',
      "'plain",
      'plain',
    ]);
  });
});
