// Whether Electron's binary exists here: it is not downloaded on offline machines.
import { createRequire } from 'node:module';

/** The Electron binary's path, or why it cannot be used here. */
export function electronBinary(): { path: string } | { reason: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown as string;
    return { path };
  } catch {
    return {
      reason:
        "Electron's binary is not installed on this machine (installed without its download); " +
        '`node node_modules/electron/install.js` fetches it where the network allows',
    };
  }
}
