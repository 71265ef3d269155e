import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: {
  options: Record<string, unknown>;
  loadURL: ReturnType<typeof vi.fn>;
  loadFile: ReturnType<typeof vi.fn>;
}[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    loadURL = vi.fn(async () => undefined);
    loadFile = vi.fn(async () => undefined);
    once = vi.fn();
    show = vi.fn();
    constructor(options: Record<string, unknown>) {
      created.push({ options, loadURL: this.loadURL, loadFile: this.loadFile });
    }
  },
}));

const { createMainWindow, mainWindowWebPreferences } = await import('./window');

beforeEach(() => {
  created.length = 0;
});

describe('mainWindowWebPreferences', () => {
  it('isolates and sandboxes the page and keeps Node out of it', () => {
    const prefs = mainWindowWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('createMainWindow', () => {
  it('creates the window with those preferences and loads the built page', () => {
    createMainWindow({
      preloadPath: '/p.cjs',
      devServerUrl: undefined,
      rendererFile: '/r/index.html',
    });
    expect(created).toHaveLength(1);
    expect(created[0]?.options.webPreferences).toEqual(mainWindowWebPreferences('/p.cjs'));
    expect(created[0]?.options.show).toBe(false);
    expect(created[0]?.loadFile).toHaveBeenCalledWith('/r/index.html');
    expect(created[0]?.loadURL).not.toHaveBeenCalled();
  });

  it('loads the dev server when there is one', () => {
    createMainWindow({
      preloadPath: '/p.cjs',
      devServerUrl: 'http://localhost:5173',
      rendererFile: '/r/index.html',
    });
    expect(created[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(created[0]?.loadFile).not.toHaveBeenCalled();
  });
});
