// Where the desk keeps its hub session token. Electron passes a store encrypted with the OS
// keychain (safeStorage); browser mode uses a file only its owner can read (0600).
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SecretStore {
  /** What protects the secrets, for the settings screen ("OS keychain", "file readable only by you"). */
  readonly protection: string;
  get(name: string): Promise<string | null>;
  /** Stores a secret; null deletes it. */
  set(name: string, value: string | null): Promise<void>;
}

const SAFE_NAME = /^[a-z0-9-]{1,64}$/;

/**
 * Secrets as files in `dir`, each written through a temp file with mode 0600 in a 0700 folder.
 * `encode`/`decode` let a shell add encryption (Electron's safeStorage) over the same files.
 */
export function fileSecretStore(
  dir: string,
  codec: {
    protection: string;
    encode(plain: string): Buffer;
    decode(stored: Buffer): string;
  } = {
    protection: 'a file readable only by your user account',
    encode: (plain) => Buffer.from(plain, 'utf8'),
    decode: (stored) => stored.toString('utf8'),
  },
): SecretStore {
  const pathOf = (name: string) => {
    if (!SAFE_NAME.test(name)) throw new Error(`Not a secret name: ${name}`);
    return join(dir, name);
  };
  return {
    protection: codec.protection,
    async get(name) {
      try {
        return codec.decode(await readFile(pathOf(name)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async set(name, value) {
      const path = pathOf(name);
      if (value === null) {
        await rm(path, { force: true });
        return;
      }
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await chmod(dir, 0o700);
      const tmp = `${path}.tmp`;
      await writeFile(tmp, codec.encode(value), { mode: 0o600 });
      await chmod(tmp, 0o600);
      await rename(tmp, path);
    },
  };
}
