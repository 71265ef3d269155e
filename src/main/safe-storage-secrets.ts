// The hub token in Electron: encrypted with the OS keychain (safeStorage) before it touches disk.
import { join } from 'node:path';
import { safeStorage } from 'electron';
import type { SecretStore } from '../core/secret-store';
import { fileSecretStore } from '../core/secret-store';

export function createSafeStorageSecrets(dataDir: string): SecretStore {
  const dir = join(dataDir, 'secrets');
  // Without a keychain (some Linux desktops) Electron cannot encrypt: fall back to a 0600 file
  // and say so on the settings screen rather than refusing to sync.
  if (!safeStorage.isEncryptionAvailable()) return fileSecretStore(dir);
  return fileSecretStore(dir, {
    protection: "encrypted with this computer's keychain",
    encode: (plain) => safeStorage.encryptString(plain),
    decode: (stored) => safeStorage.decryptString(stored),
  });
}
