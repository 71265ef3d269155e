// Electron main: the composition root. Each concern lives in its own file next to this one.
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, screen, session } from 'electron';
import type { DeskEngine } from '../core/desk-engine';
import { createDeskEngine } from '../core/desk-engine';
import { CONTENT_SECURITY_POLICY_HEADER, DEV_CONTENT_SECURITY_POLICY_HEADER } from '../shared/csp';
import { createAppUrlCheck } from './app-url';
import { openSoloHub } from '../solo/solo-hub';
import { startDesktopShell } from './desktop-shell';
import { createElectronSettings, createWindowStateStore } from './electron-settings';
import { createSafeStorageSecrets } from './safe-storage-secrets';
import { registerDeskIpc, registerShellIpc } from './ipc';
import { applySessionSecurity, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { clampToDisplays, parseWindowState } from './window-state';

const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const RENDERER_FILE = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
// electron-vite sets this while developing; a packaged app never loads from a dev server.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isAppUrl = createAppUrlCheck(devServerUrl ?? pathToFileURL(RENDERER_FILE).href);

// Same folder as browser mode's default, so both see one desk; tests point it at a temp folder.
// Set before the single-instance lock, which lives in this folder.
const envDataDir = process.env.CHANNEL_DESK_DATA_DIR;
app.setPath(
  'userData',
  envDataDir ? resolve(envDataDir) : join(app.getPath('appData'), 'Channel Desk'),
);

let engine: DeskEngine | undefined;
let mainWindow: BrowserWindow | undefined;
let disposeIpc: (() => void) | undefined;
let disposeShell: (() => void) | undefined;
let shutdown: Promise<void> | undefined;

function openMainWindow(): void {
  const win = createMainWindow({
    preloadPath: PRELOAD_PATH,
    devServerUrl,
    rendererFile: RENDERER_FILE,
  });
  mainWindow = win;
  // Where it was last time, on a screen that is still there; placed before its first paint.
  const windowState = createWindowStateStore(app.getPath('userData'));
  const saved = parseWindowState(windowState.read());
  if (saved) {
    const [minWidth = 0, minHeight = 0] = win.getMinimumSize();
    const primary = screen.getPrimaryDisplay();
    const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
      (d) => d.workArea,
    );
    const bounds = clampToDisplays(saved.bounds, areas, { minWidth, minHeight });
    if (bounds) win.setBounds(bounds);
    if (saved.maximized) win.maximize();
  }
  win.on('close', () => {
    windowState.write({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
}

async function start(): Promise<void> {
  applySessionSecurity(
    session.defaultSession,
    devServerUrl ? DEV_CONTENT_SECURITY_POLICY_HEADER : CONTENT_SECURITY_POLICY_HEADER,
  );
  const dataDir = app.getPath('userData');
  engine = await createDeskEngine({
    dataDir,
    settings: createElectronSettings(dataDir),
    secrets: createSafeStorageSecrets(dataDir),
    openSoloHub,
    // The desktop app saves exports where people look for downloads.
    exportsDir: app.getPath('downloads'),
  });
  disposeIpc = registerDeskIpc({
    ipcMain,
    engine,
    isAppUrl,
    targets: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
  });
  const targets = () => BrowserWindow.getAllWindows().map((w) => w.webContents);
  const desktop = startDesktopShell({
    engine,
    isDev: !!devServerUrl,
    isAppUrl,
    window: () => mainWindow,
    openWindow: openMainWindow,
    targets,
  });
  const disposeShellIpc = registerShellIpc({ ipcMain, isAppUrl, onMessage: desktop.onMessage });
  disposeShell = () => {
    disposeShellIpc();
    desktop.dispose();
  };
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

/** Closes the engine once, so the store writes its checkpoint before the process ends. */
function closeEngine(): Promise<void> {
  shutdown ??= (async () => {
    disposeShell?.();
    disposeIpc?.();
    await engine?.close();
  })();
  return shutdown;
}

if (!app.requestSingleInstanceLock()) {
  // One writer per data folder: a second launch hands over to the first and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isAppUrl));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let engineClosed = false;
  app.on('before-quit', (event) => {
    if (engineClosed || !engine) return;
    event.preventDefault();
    closeEngine()
      .catch((err: unknown) => console.error('[desk] the store did not close cleanly:', err))
      .finally(() => {
        engineClosed = true;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[desk] could not start:', err);
      dialog.showErrorBox(
        'Channel Desk could not start',
        err instanceof Error ? err.message : String(err),
      );
      app.exit(1);
    });
}
