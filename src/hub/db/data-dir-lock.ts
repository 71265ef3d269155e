// One hub process per PGlite data folder: two would corrupt it, since PGlite has no server to share.
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

const LOCK_FILE = 'hub.lock';

/** Thrown when another live hub process holds the data folder. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  readonly code = 'DATA_DIR_LOCKED';
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DataDirLock {
  release(): Promise<void>;
}

const heldInThisProcess = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.host === 'string'
      ? (info as LockInfo)
      : null;
  } catch {
    return null;
  }
}

/** Takes the folder's lock file, replacing a stale one left by a process that is gone. */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  if (heldInThisProcess.has(path)) {
    throw new DataDirLockedError(`The hub data folder ${dir} is already open in this process.`);
  }
  const mine: LockInfo = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(mine));
      await handle.sync();
      await handle.close();
      heldInThisProcess.add(path);
      return {
        async release() {
          heldInThisProcess.delete(path);
          const current = await readLock(path);
          if (current?.pid === mine.pid && current.startedAt === mine.startedAt) {
            await unlink(path).catch(() => undefined);
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await readLock(path);
      // A lock from another machine (a shared folder) cannot be checked: never steal it.
      if (holder && (holder.host !== mine.host || isAlive(holder.pid))) {
        throw new DataDirLockedError(
          `The hub data folder ${dir} is in use by another hub (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}). Stop it, or choose another folder with --data-dir.`,
        );
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new DataDirLockedError(`Could not take the lock on the hub data folder ${dir}.`);
}
