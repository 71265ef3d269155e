import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSecretStore } from './secret-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fileSecretStore', () => {
  it('keeps a secret in a file only its owner can read, in a folder only its owner can enter', async () => {
    const secrets = fileSecretStore(join(dir, 'secrets'));
    expect(await secrets.get('hub-token')).toBeNull();
    await secrets.set('hub-token', 'tok-123');
    expect(await secrets.get('hub-token')).toBe('tok-123');
    expect((await stat(join(dir, 'secrets', 'hub-token'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'secrets'))).mode & 0o777).toBe(0o700);
    await secrets.set('hub-token', null);
    expect(await secrets.get('hub-token')).toBeNull();
  });

  it('stores what the codec makes of it (Electron encrypts), never the plain text', async () => {
    const secrets = fileSecretStore(join(dir, 'enc'), {
      protection: 'test cipher',
      encode: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
      decode: (stored) => Buffer.from([...stored].map((b) => b ^ 0x5a)).toString(),
    });
    await secrets.set('hub-token', 'secret-token');
    const onDisk = await readFile(join(dir, 'enc', 'hub-token'));
    expect(onDisk.toString()).not.toContain('secret-token');
    expect(await secrets.get('hub-token')).toBe('secret-token');
  });

  it('refuses names that could leave its folder', async () => {
    const secrets = fileSecretStore(join(dir, 'secrets'));
    await expect(secrets.set('../escape', 'x')).rejects.toThrow(/Not a secret name/);
  });
});
