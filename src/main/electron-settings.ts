// The desktop app's settings: electron-store in the data folder (the file browser mode also reads).
import Store from 'electron-store';
import type { SettingsStore } from '../core/platform';
import { SETTINGS_FILE_NAME, settingsOverFile } from '../core/platform';
import type { DeskSettings } from '../shared/contract';
import type { WindowState } from './window-state';

/** A SettingsStore kept in `<dataDir>/settings.json`. */
export function createElectronSettings(dataDir: string): SettingsStore {
  const store = new Store<DeskSettings>({
    name: SETTINGS_FILE_NAME,
    cwd: dataDir,
    defaults: { locale: null },
    // Settings are trivially re-made; a damaged file must not keep the desk from starting.
    clearInvalidConfig: true,
  });
  return settingsOverFile({
    get: (key) => store.get(key as keyof DeskSettings),
    set: (key, value) => store.set(key, value),
  });
}

/** Where the main window's bounds are kept between runs (`<dataDir>/window-state.json`). */
export function createWindowStateStore(dataDir: string): {
  read: () => unknown;
  write: (state: WindowState) => void;
} {
  // Its own file: browser mode reads settings.json and has no window to place.
  const store = new Store<{ main?: WindowState }>({
    name: 'window-state',
    cwd: dataDir,
    clearInvalidConfig: true,
  });
  return {
    read: () => store.get('main'),
    write: (state) => store.set('main', state),
  };
}
