// Browser mode's settings: a small JSON file in the data folder, through `conf`.
import Conf from 'conf';
import type { SettingsStore } from '../core/platform';
import type { DeskSettings } from '../shared/contract';
import type { Locale } from '../shared/domain';
import { LOCALES } from '../shared/domain';

/** File name (without .json) shared with the desktop app's electron-store, so both read one file. */
export const SETTINGS_FILE_NAME = 'settings';

type StoredSettings = { locale: Locale | null };

const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** A SettingsStore kept in `<dataDir>/settings.json`. */
export function createConfSettings(dataDir: string): SettingsStore {
  const store = new Conf<StoredSettings>({
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    projectName: 'channel-desk',
    defaults: { locale: null },
    // Settings are trivially re-made; a damaged file must not keep the desk from starting.
    clearInvalidConfig: true,
  });
  const read = (): DeskSettings => {
    // The file may have been edited by hand: trust nothing in it.
    const locale: unknown = store.get('locale');
    return { locale: isLocale(locale) ? locale : null };
  };
  return {
    get: read,
    set(patch) {
      if (patch.locale !== undefined) store.set('locale', patch.locale);
      return read();
    },
  };
}
