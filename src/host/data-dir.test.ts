import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';

describe('defaultDataDir', () => {
  it('prefers CHANNEL_DESK_DATA_DIR, made absolute', () => {
    expect(defaultDataDir({ CHANNEL_DESK_DATA_DIR: 'rel/desk' }, 'linux', '/home/ed')).toBe(
      resolve('rel/desk'),
    );
  });

  it('uses ~/.config on Linux, or XDG_CONFIG_HOME when set', () => {
    expect(defaultDataDir({}, 'linux', '/home/ed')).toBe('/home/ed/.config/Channel Desk');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ed')).toBe(
      '/xdg/Channel Desk',
    );
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/ed')).toBe(
      '/Users/ed/Library/Application Support/Channel Desk',
    );
  });

  it('uses APPDATA on Windows', () => {
    expect(
      defaultDataDir({ APPDATA: 'C:\\Users\\ed\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ed'),
    ).toBe('C:\\Users\\ed\\AppData\\Roaming\\Channel Desk');
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\ed')).toBe(
      'C:\\Users\\ed\\AppData\\Roaming\\Channel Desk',
    );
  });
});
