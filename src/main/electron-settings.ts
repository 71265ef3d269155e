// The desktop app's settings: electron-store in the data folder (the file browser mode also reads).
import Store from 'electron-store';
import type { SettingsStore } from '../core/platform';
import { SETTINGS_FILE_NAME, settingsOverFile } from '../core/platform';
import type { DeskSettings } from '../shared/contract';

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
