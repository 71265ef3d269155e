// What the engine needs from the platform it runs on, passed in by the shell (Electron or browser mode).
import type { DeskSettings } from '../shared/contract';

/** Small settings (electron-store in Electron, conf in browser mode). */
export interface SettingsStore {
  get(): DeskSettings;
  set(patch: Partial<DeskSettings>): DeskSettings;
}
