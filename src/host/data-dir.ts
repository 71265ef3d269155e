// Where browser mode keeps its data when nobody says otherwise: the same folder the desktop app uses.
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

/** The folder name under the OS's per-user application-data folder. */
export const APP_FOLDER_NAME = 'Channel Desk';

/** The OS's per-user application-data folder, as Electron's `app.getPath('appData')` computes it. */
export function appDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'win32') return env.APPDATA || win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || posix.join(home, '.config');
}

/** CHANNEL_DESK_DATA_DIR when set, else the per-user app-data folder + "Channel Desk". */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const fromEnv = env.CHANNEL_DESK_DATA_DIR;
  if (fromEnv) return resolve(fromEnv);
  const join = platform === 'win32' ? win32.join : posix.join;
  return join(appDataDir(env, platform, home), APP_FOLDER_NAME);
}
