// Browser mode's settings: a small JSON file in the data folder, through `conf`.
import Conf from 'conf';
import type { SettingsStore } from '../core/platform';
import { SETTINGS_FILE_NAME, settingsOverFile } from '../core/platform';
import type { DeskSettings } from '../shared/contract';

export { SETTINGS_FILE_NAME };

/** A SettingsStore kept in `<dataDir>/settings.json`. */
export function createConfSettings(dataDir: string): SettingsStore {
  const store = new Conf<DeskSettings>({
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    projectName: 'channel-desk',
    defaults: { locale: null },
    // Settings are trivially re-made; a damaged file must not keep the desk from starting.
    clearInvalidConfig: true,
  });
  return settingsOverFile({
    get: (key) => store.get(key as keyof DeskSettings),
    set: (key, value) => store.set(key, value),
  });
}
