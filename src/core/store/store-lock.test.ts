import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from './durable-store';
import { StoreLockedError } from './store-lock';
import { makeTempDir, mutation } from './store-test-support';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterEach(() => cleanup());

function lockFor(pid: number): string {
  return JSON.stringify({ pid, host: os.hostname(), at: '2025-01-01T00:00:00.000Z' }) + '\n';
}

it('refuses a folder whose LOCK is held by a live process, naming it', async () => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    await writeFile(path.join(dir, 'LOCK'), lockFor(child.pid!));
    const attempt = openStore({ dir });
    await expect(attempt).rejects.toBeInstanceOf(StoreLockedError);
    await expect(attempt).rejects.toThrow(new RegExp(`already open in process ${child.pid}`));
    expect(await readFile(path.join(dir, 'LOCK'), 'utf8')).toBe(lockFor(child.pid!));
  } finally {
    child.kill('SIGKILL');
  }
});

it('takes over a LOCK left by a process that has exited', async () => {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  await writeFile(path.join(dir, 'LOCK'), lockFor(child.pid!));
  const store = await openStore({ dir });
  expect(JSON.parse(await readFile(path.join(dir, 'LOCK'), 'utf8')).pid).toBe(process.pid);
  await store.commit(mutation(['s', 'r', 1]));
  await store.close();
  await expect(readFile(path.join(dir, 'LOCK'))).rejects.toThrow(/ENOENT/);
});

it('takes over an unreadable (torn) LOCK', async () => {
  await writeFile(path.join(dir, 'LOCK'), '');
  const store = await openStore({ dir });
  expect(JSON.parse(await readFile(path.join(dir, 'LOCK'), 'utf8')).pid).toBe(process.pid);
  await store.close();
});

it('refuses a second open of the same folder in this process until the first closes', async () => {
  const store = await openStore({ dir });
  await expect(openStore({ dir })).rejects.toThrow(/already open in this process/);
  await store.close();
  const again = await openStore({ dir });
  await again.close();
});
