// `npm start`: the desktop app where Electron's binary is installed, else browser mode.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT, runBrowserMode } from './browser-mode.mjs';

const require = createRequire(import.meta.url);

/** The Electron executable, or null when the package was installed without its binary. */
function electronBinary() {
  try {
    // The package exports the binary's path, and throws "Electron failed to install correctly"
    // when the download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD=1) or failed (offline).
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (electronBinary()) {
  // `preview` builds main, preload and renderer, then launches Electron on the build.
  const cli = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  );
  const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.error(
    "Electron's binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline) — starting browser mode instead; to get the desktop app run: node node_modules/electron/install.js",
  );
  await runBrowserMode();
}
