import { describe, expect, it, vi } from 'vitest';
import { SHELL_WORDS } from './menu-labels';
import { trayIconBitmap, trayMenuTemplate, trayState } from './tray';

const words = SHELL_WORDS.en.tray;

describe('trayState', () => {
  it.each([
    ['idle', 'tray-ok', 'Channel Desk — up to date'],
    ['syncing', 'tray-syncing', 'Channel Desk — syncing…'],
    ['starting', 'tray-syncing', 'Channel Desk — starting'],
    ['offline', 'tray-offline', 'Channel Desk — offline'],
    ['error', 'tray-error', 'Channel Desk — sync problem'],
    ['signed-out', 'tray-error', 'Channel Desk — signed out of the hub'],
  ] as const)('%s shows %s', (state, iconName, tooltip) => {
    expect(trayState({ mode: 'team', state, pending: 0 }, words)).toEqual({ iconName, tooltip });
  });

  it('adds the pending count, singular and plural', () => {
    expect(trayState({ mode: 'team', state: 'offline', pending: 1 }, words).tooltip).toBe(
      'Channel Desk — offline\n1 change waiting to sync',
    );
    expect(trayState({ mode: 'solo', state: 'syncing', pending: 12 }, words).tooltip).toBe(
      'Channel Desk — syncing…\n12 changes waiting to sync',
    );
  });

  it('says the desk is not set up before onboarding, whatever the state', () => {
    expect(trayState({ mode: 'none', state: 'idle', pending: 0 }, words)).toEqual({
      iconName: 'tray-offline',
      tooltip: 'Channel Desk — not set up yet',
    });
  });

  it('speaks Italian and French', () => {
    const it_ = trayState({ mode: 'team', state: 'idle', pending: 2 }, SHELL_WORDS.it.tray);
    expect(it_.tooltip).toBe('Channel Desk — aggiornato\n2 modifiche da sincronizzare');
    const fr = trayState({ mode: 'team', state: 'idle', pending: 1 }, SHELL_WORDS.fr.tray);
    expect(fr.tooltip).toContain('1 modification en attente');
  });
});

describe('trayMenuTemplate', () => {
  it('offers open, sync now and quit, each doing its own thing', () => {
    const actions = { open: vi.fn(), syncNow: vi.fn(), quit: vi.fn() };
    const items = trayMenuTemplate(words, actions).filter((i) => i.id);
    expect(items.map((i) => i.label)).toEqual(['Open Channel Desk', 'Sync now', 'Quit']);
    for (const item of items) (item.click as unknown as () => void)();
    expect(actions.open).toHaveBeenCalledTimes(1);
    expect(actions.syncNow).toHaveBeenCalledTimes(1);
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });
});

describe('trayIconBitmap', () => {
  it('draws an opaque coloured dot in BGRA with transparent corners', () => {
    const size = 16;
    const px = trayIconBitmap('tray-error', size);
    expect(px.length).toBe(size * size * 4);
    const at = (x: number, y: number) => [
      ...px.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
    ];
    expect(at(0, 0)[3]).toBe(0);
    expect(at(8, 8)).toEqual([38, 38, 220, 255]);
    expect(trayIconBitmap('tray-ok', size).equals(px)).toBe(false);
  });
});
