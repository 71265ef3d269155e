// The security-relevant settings of every desk window, kept apart so a test can assert them.
import type { WebPreferences } from 'electron';

/** The webPreferences of the main window: isolated, sandboxed, no Node in the page. */
export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  };
}
