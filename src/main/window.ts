// The desk's window.
import { BrowserWindow } from 'electron';
import { mainWindowWebPreferences } from './web-preferences';

export { mainWindowWebPreferences };

const DEFAULT_WIDTH_PX = 1280;
const DEFAULT_HEIGHT_PX = 820;
const MIN_WIDTH_PX = 900;
const MIN_HEIGHT_PX = 600;

export interface MainWindowOptions {
  preloadPath: string;
  /** The dev server's URL while developing; otherwise the built index.html is loaded from disk. */
  devServerUrl: string | undefined;
  rendererFile: string;
}

/** Creates the main window, shown once its first paint is ready. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: DEFAULT_WIDTH_PX,
    height: DEFAULT_HEIGHT_PX,
    minWidth: MIN_WIDTH_PX,
    minHeight: MIN_HEIGHT_PX,
    title: 'Channel Desk',
    show: false,
    webPreferences: mainWindowWebPreferences(options.preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  const loading = options.devServerUrl
    ? win.loadURL(options.devServerUrl)
    : win.loadFile(options.rendererFile);
  loading.catch((err: unknown) => console.error('[desk] the window could not load its page:', err));
  return win;
}
