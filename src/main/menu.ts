// The application menu, built as a plain template so a test can read it without Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../shared/native-shell';
import { MENU_SECTIONS } from '../shared/native-shell';
import type { ShellWords } from './menu-labels';

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools only while developing: a reload loses unsaved composer text. */
  isDev: boolean;
  words: ShellWords['menu'];
  /** Sends a menu action to the page. */
  send: (action: MenuAction) => void;
  /** Opens the documentation; without it (no published docs address yet) Help has no such item. */
  openDocs?: (() => void) | undefined;
}

/** The menu template: File, Edit, View, Window, Help, and the app menu on macOS. */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { platform, isDev, words, send } = options;
  const mac = platform === 'darwin';
  // The page owns the desk's shortcuts (shell/shortcuts.ts): the menu shows a chord only as a hint
  // and never takes the key from the page.
  const action = (label: string, id: MenuAction, hint?: string): MenuItemConstructorOptions => ({
    id,
    label,
    click: () => send(id),
    ...(hint ? { accelerator: hint, registerAccelerator: false } : {}),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: 'Channel Desk',
    submenu: [
      { role: 'about', label: words.about },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: words.quit },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: words.file,
    submenu: [
      action(words.newUpdate, 'newUpdate', 'CmdOrCtrl+N'),
      action(words.newChannel, 'newChannel'),
      { type: 'separator' },
      action(words.import, 'import'),
      action(words.export, 'export'),
      // On macOS Quit lives in the app menu.
      ...(mac
        ? []
        : [{ type: 'separator' } as const, { role: 'quit', label: words.quit } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: words.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: words.view,
    submenu: [
      ...MENU_SECTIONS.map((section) => action(words.sections[section], `show:${section}`)),
      { type: 'separator' },
      ...(isDev
        ? [
            { role: 'reload', label: words.reload } as const,
            { role: 'toggleDevTools' } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: words.window,
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: words.help,
    submenu: [
      action(words.shortcuts, 'showShortcuts'),
      ...(options.openDocs ? [{ label: words.docs, click: options.openDocs }] : []),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, windowMenu, help];
}
