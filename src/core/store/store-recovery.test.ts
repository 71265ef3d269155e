import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore, simulateCrash } from './durable-store';
import { encodeEntry } from './journal';
import { makeTempDir, mutation } from './store-test-support';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

const segment = () => path.join(dir, 'journal', '000000000001.log');

it('cuts a torn last line, keeps its bytes in quarantine, and goes on normally', async () => {
  const store = await openStore({ dir });
  await store.commit(mutation(['s', 'a', 1]));
  await store.commit(mutation(['s', 'b', 2]));
  simulateCrash(store);
  const goodSize = (await stat(segment())).size;
  const torn = encodeEntry({ ...mutation(['s', 'c', 3]), seq: 3, at: 'x' }).line.subarray(0, 25);
  await appendFile(segment(), torn);

  const reopened = await openStore({ dir, preload: ['s'] });
  expect(reopened.problems).toHaveLength(1);
  const [problem] = reopened.problems;
  expect(problem).toMatchObject({ kind: 'torn-journal-tail', file: segment() });
  expect(problem!.setAsideAt).toMatch(/quarantine[/\\].*-000000000001\.log\.torn$/);
  expect(await readFile(problem!.setAsideAt!)).toEqual(torn);
  expect((await stat(segment())).size).toBe(goodSize);
  expect(reopened.all('s')).toEqual([1, 2]);
  expect((await reopened.commit(mutation(['s', 'c', 'again']))).seq).toBe(3);
  await reopened.close();

  const third = await openStore({ dir, preload: ['s'] });
  expect(third.problems).toEqual([]);
  expect(third.all('s')).toEqual([1, 2, 'again']);
  await third.close();
});

it('treats a complete but damaged last line as a torn tail too', async () => {
  const store = await openStore({ dir });
  await store.commit(mutation(['s', 'a', 1]));
  await store.commit(mutation(['s', 'b', 2]));
  simulateCrash(store);
  const bytes = await readFile(segment());
  bytes[bytes.length - 5] = 0x21;
  await writeFile(segment(), bytes);
  const reopened = await openStore({ dir, preload: ['s'] });
  expect(reopened.problems.map((p) => p.kind)).toEqual(['torn-journal-tail']);
  expect(reopened.all('s')).toEqual([1]);
  await reopened.close();
});

it('rebuilds a damaged snapshot found lazily, after open, from the journal', async () => {
  const store = await openStore({ dir });
  await store.commit(mutation(['s', 'a', 1], ['t', 'a', 'x']));
  await store.commit(mutation(['t', 'b', 'y'], ['t', 'a', null]));
  await store.close();
  const file = path.join(dir, 'snapshots', 't.json');
  await writeFile(file, '{"format":"channel-desk/shard"');

  const reopened = await openStore({ dir });
  expect(reopened.problems).toEqual([]);
  await reopened.ensureShard('t');
  expect(reopened.all('t')).toEqual(['y']);
  expect(reopened.problems).toHaveLength(1);
  expect(reopened.problems[0]).toMatchObject({ kind: 'corrupt-snapshot', file });
  expect(reopened.problems[0]!.detail).toMatch(
    /shard "t" is damaged \(not valid JSON.*1 record\(s\) from 2 mutation/,
  );
  expect(await readFile(reopened.problems[0]!.setAsideAt!, 'utf8')).toBe(
    '{"format":"channel-desk/shard"',
  );
  await reopened.close();
  // The rebuilt shard was written back by the checkpoint on close.
  expect(JSON.parse(await readFile(file, 'utf8')).records).toEqual([['b', 'y']]);
});

it('rebuilds a snapshot that meta.json lists but that is missing', async () => {
  const store = await openStore({ dir });
  await store.commit(mutation(['s', 'a', 1]));
  await store.close();
  await rm(path.join(dir, 'snapshots', 's.json'));
  const reopened = await openStore({ dir, preload: ['s'] });
  expect(reopened.get('s', 'a')).toBe(1);
  expect(reopened.problems).toMatchObject([{ kind: 'corrupt-snapshot', setAsideAt: null }]);
  expect(reopened.problems[0]!.detail).toMatch(/is missing/);
  await reopened.close();
});

it('removes temp files a crash left mid-write', async () => {
  const store = await openStore({ dir });
  await store.commit(mutation(['s', 'a', 1]));
  await store.close();
  await writeFile(path.join(dir, 'snapshots', '.s.json.123.1.tmp'), 'half');
  const reopened = await openStore({ dir });
  expect(await readdir(path.join(dir, 'snapshots'))).toEqual(['s.json']);
  await reopened.close();
});

it('cuts a torn line written into space allocated ahead (zero padding after it)', async () => {
  const store = await openStore({ dir, checkpointAfterMs: 60_000 });
  await store.commit(mutation(['s', 'a', 1]));
  await store.checkpoint();
  await store.commit(mutation(['s', 'b', 2]));
  simulateCrash(store);
  const active = path.join(dir, 'journal', '000000000002.log');
  const bytes = await readFile(active);
  expect(bytes.length).toBeGreaterThanOrEqual(256 * 1024);
  const dataEnd = bytes.indexOf(0);
  const torn = encodeEntry({ ...mutation(['s', 'c', 3]), seq: 3, at: 'x' }).line.subarray(0, 40);
  torn.copy(bytes, dataEnd);
  await writeFile(active, bytes);

  const reopened = await openStore({ dir, preload: ['s'] });
  expect(reopened.problems.map((p) => p.kind)).toEqual(['torn-journal-tail']);
  expect(await readFile(reopened.problems[0]!.setAsideAt!)).toEqual(torn);
  expect(reopened.all('s')).toEqual([1, 2]);
  await reopened.commit(mutation(['s', 'c', 'again']));
  await reopened.close();
  const third = await openStore({ dir, preload: ['s'] });
  expect(third.problems).toEqual([]);
  expect(third.all('s')).toEqual([1, 2, 'again']);
  await third.close();
});
