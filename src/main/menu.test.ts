import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_ACTIONS, isMenuAction } from '../shared/native-shell';
import { buildMenuTemplate } from './menu';
import { SHELL_WORDS } from './menu-labels';

type Item = MenuItemConstructorOptions;

function build(platform: NodeJS.Platform, isDev = false, locale: 'en' | 'it' | 'fr' = 'en') {
  const send = vi.fn();
  const openDocs = vi.fn();
  const template = buildMenuTemplate({
    platform,
    isDev,
    words: SHELL_WORDS[locale].menu,
    send,
    openDocs,
  });
  return { template, send, openDocs };
}

const submenu = (item: Item | undefined): Item[] => (item?.submenu as Item[] | undefined) ?? [];
const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(submenu(i))]);
const click = (item: Item) => (item.click as unknown as () => void)();

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux, with Quit in File', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = build(platform);
      expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
      expect(submenu(template[0]).some((i) => i.role === 'quit')).toBe(true);
    }
  });

  it('puts the app menu first on macOS, with Quit there and not in File', () => {
    const { template } = build('darwin');
    expect(template.map((m) => m.label)).toEqual([
      'Channel Desk',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    expect(submenu(template[0]).some((i) => i.role === 'quit')).toBe(true);
    expect(submenu(template[1]).some((i) => i.role === 'quit')).toBe(false);
  });

  it('offers every page action once, and each item sends its own id', () => {
    const { template, send } = build('linux');
    const withIds = all(template).filter((i) => i.id !== undefined);
    expect(withIds.map((i) => i.id).sort()).toEqual([...MENU_ACTIONS].sort());
    for (const item of withIds) {
      send.mockClear();
      click(item);
      expect(send).toHaveBeenCalledWith(item.id);
      expect(isMenuAction(item.id)).toBe(true);
    }
  });

  it('lets the page keep its keys: hints never register an accelerator', () => {
    const { template } = build('linux');
    const newUpdate = all(template).find((i) => i.id === 'newUpdate');
    expect(newUpdate?.accelerator).toBe('CmdOrCtrl+N');
    expect(newUpdate?.registerAccelerator).toBe(false);
    for (const item of all(template).filter((i) => i.id && i.accelerator)) {
      expect(item.registerAccelerator).toBe(false);
    }
  });

  it('offers reload and developer tools only while developing', () => {
    const roles = (isDev: boolean) => all(build('linux', isDev).template).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
    expect(roles(false)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'copy']),
    );
  });

  it('opens the docs from Help, and speaks the language it is given', () => {
    const { template, openDocs } = build('win32', false, 'it');
    expect(template.map((m) => m.label)).toEqual([
      'File',
      'Modifica',
      'Vista',
      'Finestra',
      'Aiuto',
    ]);
    const docs = submenu(template[4]).find((i) => i.label === 'Documentazione');
    if (!docs) throw new Error('no docs item');
    click(docs);
    expect(openDocs).toHaveBeenCalledTimes(1);
    expect(all(template).find((i) => i.id === 'show:settings')?.label).toBe('Impostazioni');
  });

  it('has no documentation item until there is a place to open', () => {
    const template = buildMenuTemplate({
      platform: 'linux',
      isDev: false,
      words: SHELL_WORDS.en.menu,
      send: vi.fn(),
    });
    expect(submenu(template.at(-1)).map((i) => i.label)).toEqual(['Keyboard shortcuts']);
  });
});
