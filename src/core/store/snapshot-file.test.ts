import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import {
  listShardKeysOnDisk,
  readShardFile,
  shardFileName,
  shardKeyOfFileName,
  writeShardFile,
} from './snapshot-file';
import { makeTempDir } from './store-test-support';

it('keeps ordinary keys readable and encodes everything else reversibly', () => {
  expect(shardFileName('updates.ch-1_a')).toBe('updates.ch-1_a.json');
  const awkward = [
    'Updates.A',
    'updates.a',
    '../etc/passwd',
    '.hidden',
    'con',
    'città/2025',
    'a~b',
  ];
  const names = awkward.map(shardFileName);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(awkward.length);
  for (const name of names) {
    expect(name).toMatch(/^[a-z0-9._~-]+\.json$/);
    expect(name.startsWith('.')).toBe(false);
  }
  expect(names.map(shardKeyOfFileName)).toEqual(awkward);
});

it('shortens very long keys with a hash and still finds their key inside the file', async () => {
  const { dir, cleanup } = await makeTempDir();
  try {
    const long = 'updates.' + 'x'.repeat(300);
    const name = shardFileName(long);
    expect(name.length).toBeLessThan(160);
    expect(shardFileName(long + 'y')).not.toBe(name);
    await mkdir(path.join(dir, 'snapshots'));
    await writeShardFile(path.join(dir, 'snapshots', name), long, 7, new Map([['1', { a: 1 }]]));
    await writeShardFile(
      path.join(dir, 'snapshots', shardFileName('Short')),
      'Short',
      7,
      new Map(),
    );
    expect((await listShardKeysOnDisk(path.join(dir, 'snapshots'))).sort()).toEqual([
      'Short',
      long,
    ]);
  } finally {
    await cleanup();
  }
});

it('writes a snapshot that reads back, and calls a wrong or broken file damaged', async () => {
  const { dir, cleanup } = await makeTempDir();
  try {
    const file = path.join(dir, 'a.json');
    await writeShardFile(
      file,
      'a',
      3,
      new Map<string, unknown>([
        ['2', 'two'],
        ['1', 'one'],
      ]),
    );
    const ok = await readShardFile(file, 'a');
    expect(ok.state === 'ok' && ok.value.records).toEqual([
      ['2', 'two'],
      ['1', 'one'],
    ]);
    expect(await readShardFile(file, 'b')).toEqual({
      state: 'damaged',
      reason: 'holds shard "a", expected "b"',
    });
    expect(await readShardFile(path.join(dir, 'none.json'), 'none')).toEqual({ state: 'missing' });
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length / 2));
    expect((await readShardFile(file, 'a')).state).toBe('damaged');
    await writeFile(file, 'null');
    expect((await readShardFile(file, 'a')).state).toBe('damaged');
  } finally {
    await cleanup();
  }
});
