// Where a store keeps its files inside its folder.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { shardFileName } from './snapshot-file';
import type { ShardKey } from './store-types';

/** Paths of one store folder. */
export interface StoreLayout {
  dir: string;
  journalDir: string;
  snapshotsDir: string;
  quarantineDir: string;
  metaFile: string;
}

/** The layout of the store in `dir` (absolute paths). */
export function storeLayout(dir: string): StoreLayout {
  const root = path.resolve(dir);
  return {
    dir: root,
    journalDir: path.join(root, 'journal'),
    snapshotsDir: path.join(root, 'snapshots'),
    quarantineDir: path.join(root, 'quarantine'),
    metaFile: path.join(root, 'meta.json'),
  };
}

/** Creates the folders of a layout if they are missing. */
export async function createLayoutDirs(layout: StoreLayout): Promise<void> {
  for (const dir of [layout.dir, layout.journalDir, layout.snapshotsDir, layout.quarantineDir]) {
    await mkdir(dir, { recursive: true });
  }
}

/** The snapshot file of a shard. */
export function shardPath(layout: StoreLayout, key: ShardKey): string {
  return path.join(layout.snapshotsDir, shardFileName(key));
}
