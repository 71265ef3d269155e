// File-system steps that survive a crash or a power cut: atomic replace (temp file, fsync, rename,
// fsync of the directory), and setting damaged files aside in quarantine instead of deleting them.
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { copyFile, link, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const TEMP_SUFFIX = '.tmp';
/** Bytes written between flushes when a large file is written in the background. */
const GENTLE_CHUNK_BYTES = 256 * 1024;
let tempCounter = 0;

/** Writes `data` to `file` so that a crash leaves either the old or the new content, never a mix. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  // A leading dot keeps temp names apart from real ones (shard file names never start with a dot).
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${++tempCounter}${TEMP_SUFFIX}`,
  );
  const handle = await open(temp, 'w');
  try {
    await writeGently(handle, data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dir);
}

/**
 * Writes `data` from the start of the file in chunks, flushing each one, so that a commit's own
 * flush (issued meanwhile) waits behind at most one chunk rather than megabytes of snapshot.
 */
export async function writeGently(handle: FileHandle, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  while (offset < bytes.length) {
    const end = Math.min(bytes.length, offset + GENTLE_CHUNK_BYTES);
    while (offset < end) {
      const { bytesWritten } = await handle.write(bytes, offset, end - offset, offset);
      offset += bytesWritten;
    }
    if (offset < bytes.length) await handle.datasync();
  }
}

/** Flushes a directory's entries (a rename or a new file is durable only after this). */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for syncing; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Synchronous `fsyncDir`, for the few steps that must not interleave with a commit. */
export function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Deletes temp files a crash left behind mid-write; they never hold the only copy of anything. */
export async function removeTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX))
      await rm(path.join(dir, name), { force: true });
  }
}

/** A fresh path in quarantine for `name`: `<timestamp>-<name>`, never overwriting an earlier one. */
export function quarantinePath(quarantineDir: string, name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = path.join(quarantineDir, `${stamp}-${name}`);
  for (let i = 2; existsSync(candidate); i++)
    candidate = path.join(quarantineDir, `${stamp}-${i}-${name}`);
  return candidate;
}

/** Moves a damaged file into quarantine and returns where it went. */
export async function moveAside(file: string, quarantineDir: string): Promise<string> {
  const target = quarantinePath(quarantineDir, path.basename(file));
  await rename(file, target);
  await fsyncDir(quarantineDir);
  await fsyncDir(path.dirname(file));
  return target;
}

/**
 * Keeps the current content of `file` in quarantine while the file itself stays in place, so it
 * can then be replaced atomically: there is no moment when neither copy exists.
 */
export async function keepAside(file: string, quarantineDir: string): Promise<string> {
  const target = quarantinePath(quarantineDir, path.basename(file));
  try {
    await link(file, target);
  } catch {
    // Some file systems have no hard links; a copy keeps the same bytes.
    await copyFile(file, target);
    const handle = await open(target, 'r+');
    await handle.sync().finally(() => handle.close());
  }
  await fsyncDir(quarantineDir);
  return target;
}

/** Writes `bytes` as a new file in quarantine (e.g. the torn end of a journal) and returns its path. */
export async function writeAside(
  quarantineDir: string,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  const target = quarantinePath(quarantineDir, name);
  const handle = await open(target, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsyncDir(quarantineDir);
  return target;
}
