// The tray (status) icon: the sync state at a glance, the pending count in its tooltip, and a
// short menu. Everything here is pure; desktop-shell.ts hands it to Electron.
import type { MenuItemConstructorOptions } from 'electron';
import type { SyncStatus } from '../shared/contract';
import type { ShellWords } from './menu-labels';
import { fillWords } from './menu-labels';

/** The tray icon's look: one colour per kind of state. */
export type TrayIconName = 'tray-ok' | 'tray-syncing' | 'tray-offline' | 'tray-error';

export interface TrayState {
  tooltip: string;
  iconName: TrayIconName;
}

/** What the tray shows for a sync status. */
export function trayState(
  status: Pick<SyncStatus, 'mode' | 'state' | 'pending'>,
  words: ShellWords['tray'],
): TrayState {
  let head: string;
  let iconName: TrayIconName;
  if (status.mode === 'none') {
    head = words.notSet;
    iconName = 'tray-offline';
  } else {
    switch (status.state) {
      case 'idle':
        head = words.idle;
        iconName = 'tray-ok';
        break;
      case 'syncing':
        head = words.syncing;
        iconName = 'tray-syncing';
        break;
      case 'starting':
        head = words.starting;
        iconName = 'tray-syncing';
        break;
      case 'offline':
        head = words.offline;
        iconName = 'tray-offline';
        break;
      case 'signed-out':
        head = words.signedOut;
        iconName = 'tray-error';
        break;
      case 'error':
        head = words.error;
        iconName = 'tray-error';
        break;
    }
  }
  const pending = Math.max(0, Math.floor(status.pending));
  if (pending === 0) return { tooltip: head, iconName };
  const line = fillWords(pending === 1 ? words.pendingOne : words.pendingMany, { count: pending });
  return { tooltip: `${head}\n${line}`, iconName };
}

export interface TrayMenuActions {
  open: () => void;
  syncNow: () => void;
  quit: () => void;
}

/** The tray's menu: open the window, sync now, quit. */
export function trayMenuTemplate(
  words: ShellWords['tray'],
  actions: TrayMenuActions,
): MenuItemConstructorOptions[] {
  return [
    { id: 'open', label: words.open, click: () => actions.open() },
    { id: 'syncNow', label: words.syncNow, click: () => actions.syncNow() },
    { type: 'separator' },
    { id: 'quit', label: words.quit, click: () => actions.quit() },
  ];
}

// A light ring around a coloured dot: readable on light and dark panels alike.
const ICON_COLOURS: Record<TrayIconName, [number, number, number]> = {
  'tray-ok': [46, 160, 67],
  'tray-syncing': [37, 99, 235],
  'tray-offline': [140, 140, 140],
  'tray-error': [220, 38, 38],
};

/**
 * The icon as raw BGRA pixels (what nativeImage.createFromBitmap takes): a dot in the state's
 * colour with a light ring, anti-aliased at the edge. Drawn in code, so no image file has to ship.
 */
export function trayIconBitmap(iconName: TrayIconName, size: number): Buffer {
  const [r, g, b] = ICON_COLOURS[iconName];
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const outer = size / 2 - 0.5;
  const ring = Math.max(1, size / 10);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - centre, y - centre);
      const coverage = Math.min(1, Math.max(0, outer - d + 0.5));
      if (coverage === 0) continue;
      const inRing = d > outer - ring;
      const i = (y * size + x) * 4;
      pixels[i] = inRing ? 245 : b;
      pixels[i + 1] = inRing ? 245 : g;
      pixels[i + 2] = inRing ? 245 : r;
      pixels[i + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}
