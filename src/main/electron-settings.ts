// The desktop app's settings: electron-store in the data folder (the file browser mode also reads).
import Store from 'electron-store';
import type { SettingsStore } from '../core/platform';
import type { DeskSettings } from '../shared/contract';
import type { Locale } from '../shared/domain';
import { LOCALES } from '../shared/domain';

type StoredSettings = { locale: Locale | null };

const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** A SettingsStore kept in `<dataDir>/settings.json`. */
export function createElectronSettings(dataDir: string): SettingsStore {
  const store = new Store<StoredSettings>({
    name: 'settings',
    cwd: dataDir,
    defaults: { locale: null },
    // Settings are trivially re-made; a damaged file must not keep the desk from starting.
    clearInvalidConfig: true,
  });
  const read = (): DeskSettings => {
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
