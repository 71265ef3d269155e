// What the engine needs from the platform it runs on, passed in by the shell (Electron or browser mode).
import type { DeskSettings } from '../shared/contract';
import { LOCALES } from '../shared/domain';

/** Small settings (electron-store in Electron, conf in browser mode). */
export interface SettingsStore {
  get(): DeskSettings;
  set(patch: Partial<DeskSettings>): DeskSettings;
}

/** The two calls every key-value settings library (conf, electron-store) offers. */
export interface KeyValueFile {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** File name (without .json) of the settings, shared by the desktop app and browser mode. */
export const SETTINGS_FILE_NAME = 'settings';

const LOCALE_VALUES: readonly string[] = LOCALES;

/** Settings over a key-value file that may have been edited by hand: nothing read is trusted. */
export function settingsOverFile(file: KeyValueFile): SettingsStore {
  const read = (): DeskSettings => {
    const locale = file.get('locale');
    return {
      locale:
        typeof locale === 'string' && LOCALE_VALUES.includes(locale)
          ? (locale as DeskSettings['locale'])
          : null,
    };
  };
  return {
    get: read,
    set(patch) {
      if (patch.locale !== undefined) file.set('locale', patch.locale);
      return read();
    },
  };
}
