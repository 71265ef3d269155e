// Browser mode from the command line: build the renderer when it is missing or stale, then run the host.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT_PAGE = join(ROOT, 'out', 'renderer', 'index.html');
// What the built renderer is made from: its own code, shared/, the build config and the dependencies.
const RENDERER_INPUTS = [
  'src/renderer',
  'src/shared',
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
];

/** Newest modification time (ms) of a file or of any file below a folder; 0 when absent. */
function newestMtimeMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  }
  return newest;
}

/** True when out/renderer/index.html is missing or older than a renderer input. */
export function rendererIsStale() {
  if (!existsSync(BUILT_PAGE)) return true;
  const built = statSync(BUILT_PAGE).mtimeMs;
  return RENDERER_INPUTS.some((input) => newestMtimeMs(join(ROOT, input)) > built);
}

/** Runs `electron-vite build` (main, preload and renderer); exits the process if it fails. */
export function buildApp() {
  const require = createRequire(import.meta.url);
  const cli = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  );
  // The build talks on stderr, so stdout carries only the host's one "running at" line.
  const result = spawnSync(process.execPath, [cli, 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) {
    console.error('Building the desk failed (see above).');
    process.exit(result.status ?? 1);
  }
}

/** Builds the renderer if needed, then starts the host in this process (it reads process.argv). */
export async function runBrowserMode() {
  if (rendererIsStale()) {
    console.error('Building the desk’s page (out/renderer)…');
    buildApp();
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(join(ROOT, 'src', 'host', 'cli.ts'));
}
