// Helpers shared by the store's tests: a fresh temp folder per test and short mutation builders.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Effect } from './store-types';

let mutationCounter = 0;

/** A new empty folder under the OS temp dir, and a function that removes it. */
export async function makeTempDir(
  prefix = 'store-test-',
): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A mutation that sets (or, with null, removes) one record per effect. */
export function mutation(...effects: [shard: string, id: string, record: unknown][]): {
  mutationId: string;
  name: string;
  args: unknown;
  effects: Effect[];
} {
  const mutationId = `m-${++mutationCounter}`;
  return {
    mutationId,
    name: 'test',
    args: { n: mutationCounter },
    effects: effects.map(([shard, id, record]) => ({ shard, id, record })),
  };
}
