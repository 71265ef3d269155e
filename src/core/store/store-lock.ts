// One writer per store folder: a LOCK file holding the owner's pid. A second process gets a clear
// error; a lock left behind by a process that died (crash, kill) is taken over.
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LOCK_FILE = 'LOCK';
const TAKEOVER_ATTEMPTS = 5;
/** A LOCK file that is still empty may be mid-write by its owner; wait this long before calling it stale. */
const EMPTY_LOCK_GRACE_MS = 50;

/** Folders locked by stores open in this process (a pid check cannot tell those apart). */
const lockedHere = new Set<string>();

interface LockHolder {
  pid: number;
  host: string;
  at: string;
}

/** Thrown when another live process (or another store in this process) holds the folder. */
export class StoreLockedError extends Error {
  readonly code = 'STORE_LOCKED';
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `The store in ${dir} is already open in process ${holder.pid} on ${holder.host} (since ${holder.at}). ` +
            `Only one Channel Desk may use a data folder at a time; close the other one first.`
        : `The store in ${dir} is already open in this process.`,
    );
    this.name = 'StoreLockedError';
  }
}

/** A held lock; `release` removes the LOCK file if it is still ours. */
export interface StoreLock {
  readonly path: string;
  release(): void;
  /** Drops the lock from this process's bookkeeping but leaves the file (as a crash would). */
  forget(): void;
}

/** Takes the folder's LOCK, taking over a stale one; throws `StoreLockedError` if a live process holds it. */
export function acquireStoreLock(dir: string): StoreLock {
  const key = path.resolve(dir);
  const lockPath = path.join(key, LOCK_FILE);
  if (lockedHere.has(key)) throw new StoreLockedError(key, null);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), at: new Date().toISOString() };
  const content = JSON.stringify(me) + '\n';
  for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt++) {
    if (tryCreate(lockPath, content)) {
      lockedHere.add(key);
      return {
        path: lockPath,
        release: () => release(key, lockPath, content),
        forget: () => void lockedHere.delete(key),
      };
    }
    const raw = readLock(lockPath);
    if (raw === null) continue; // vanished between our attempts: try again
    const holder = parseHolder(raw);
    if (holder === null) {
      if (changedAfterGrace(lockPath, raw)) continue;
    } else if (holderIsAlive(holder)) {
      throw new StoreLockedError(key, holder);
    }
    takeOver(lockPath, raw);
  }
  throw new Error(`Could not take the lock ${lockPath}: it kept changing hands.`);
}

function tryCreate(lockPath: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLock(lockPath: string): string | null {
  try {
    return readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    if (
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.at === 'string'
    ) {
      return { pid: value.pid, host: value.host, at: value.at };
    }
  } catch {
    // An unreadable LOCK (torn by a crash while it was written) is judged below.
  }
  return null;
}

/** True when an unreadable LOCK changed after a short wait (its owner was still writing it). */
function changedAfterGrace(lockPath: string, raw: string): boolean {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, EMPTY_LOCK_GRACE_MS);
  return readLock(lockPath) !== raw;
}

function holderIsAlive(holder: LockHolder): boolean {
  // On another machine (a shared folder) we cannot check the pid, so we must assume it is alive.
  if (holder.host !== os.hostname()) return true;
  // Our own pid in a lock we do not hold here: left by an earlier process that had the same pid.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale LOCK. It is renamed first and checked, so that if another process took it over
 * in between, we put its fresh lock back instead of deleting it.
 */
function takeOver(lockPath: string, staleRaw: string): void {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readLock(aside) !== staleRaw) {
    try {
      linkSync(aside, lockPath);
    } catch {
      // Someone created a new LOCK meanwhile; theirs stands.
    }
  }
  rmSync(aside, { force: true });
}

function release(key: string, lockPath: string, content: string): void {
  if (!lockedHere.delete(key)) return;
  if (readLock(lockPath) === content) rmSync(lockPath, { force: true });
}
