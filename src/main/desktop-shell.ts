// The desktop's own surfaces around the window: application menu, tray icon, OS notifications,
// spellcheck language. Electron glue only: the decisions are in menu.ts, tray.ts,
// notifications.ts and spellcheck.ts, which the tests cover.
import type { BrowserWindow, WebContents } from 'electron';
import { Menu, Notification, Tray, app, nativeImage, session } from 'electron';
import type { DeskEngine } from '../core/desk-engine';
import type { SyncStatus } from '../shared/contract';
import type { Locale } from '../shared/domain';
import type { ShellMessage } from '../shared/native-shell';
import { sendShellEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import { SHELL_WORDS, shellLocaleOf } from './menu-labels';
import type { NativeNoticeEvent } from './notifications';
import { createMentionWatcher, notificationFor } from './notifications';
import { spellcheckLanguagesFor } from './spellcheck';
import type { TrayIconName } from './tray';
import { trayIconBitmap, trayMenuTemplate, trayState } from './tray';

/** How often the hub is asked for new mentions of me (it does not push comments). */
const MENTION_CHECK_MS = 60_000;
const TRAY_ICON_PX = 16;

export interface DesktopShellOptions {
  engine: DeskEngine;
  isDev: boolean;
  isAppUrl: (url: string) => boolean;
  /** The main window, if open. */
  window: () => BrowserWindow | undefined;
  /** Opens the main window when there is none. */
  openWindow: () => void;
  targets: () => WebContents[];
}

function trayIcon(name: TrayIconName) {
  const image = nativeImage.createFromBitmap(trayIconBitmap(name, TRAY_ICON_PX), {
    width: TRAY_ICON_PX,
    height: TRAY_ICON_PX,
  });
  image.addRepresentation({
    scaleFactor: 2,
    width: TRAY_ICON_PX * 2,
    height: TRAY_ICON_PX * 2,
    buffer: trayIconBitmap(name, TRAY_ICON_PX * 2),
  });
  return image;
}

/** Sets the menu, the tray and the notifications up; returns what tears them down. */
export function startDesktopShell(options: DesktopShellOptions): {
  onMessage: (message: ShellMessage) => void;
  dispose: () => void;
} {
  const { engine, isAppUrl } = options;
  let locale: Locale = shellLocaleOf(app.getLocale());
  let status: SyncStatus | null = null;
  let tray: Tray | null = null;
  // A notification that is garbage-collected loses its click handler: keep each until it closes.
  const shown = new Map<string, Notification>();

  const bringWindow = () => {
    const win = options.window();
    if (!win) {
      options.openWindow();
      return;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  const setMenu = () => {
    const template = buildMenuTemplate({
      platform: process.platform,
      isDev: options.isDev,
      words: SHELL_WORDS[locale].menu,
      send: (action) => {
        bringWindow();
        sendShellEvent(options.targets(), isAppUrl, 'menu', { action });
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const updateTray = () => {
    if (!tray) return;
    const words = SHELL_WORDS[locale].tray;
    const state = trayState(status ?? { mode: 'solo', state: 'starting', pending: 0 }, words);
    tray.setImage(trayIcon(state.iconName));
    tray.setToolTip(state.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate(
        trayMenuTemplate(words, {
          open: bringWindow,
          syncNow: () => {
            engine.handlers.syncNow({}).catch((err: unknown) => console.warn('[desk]', err));
          },
          quit: () => app.quit(),
        }),
      ),
    );
  };

  try {
    tray = new Tray(trayIcon('tray-syncing'));
    tray.on('click', bringWindow);
  } catch (err) {
    // Some Linux desktops have no status area: the desk works without its icon.
    console.warn('[desk] no tray icon:', err);
  }

  const notify = (event: NativeNoticeEvent) => {
    if (!Notification.isSupported()) return;
    const win = options.window();
    const note = notificationFor(event, SHELL_WORDS[locale].notice, {
      windowFocused: !!win && win.isFocused() && win.isVisible(),
      platform: process.platform,
    });
    if (!note) return;
    shown.get(note.tag)?.close();
    const os = new Notification({ title: note.title, body: note.body });
    shown.set(note.tag, os);
    os.on('click', () => {
      bringWindow();
      sendShellEvent(options.targets(), isAppUrl, 'openStory', { storyId: note.storyId });
    });
    os.on('close', () => {
      if (shown.get(note.tag) === os) shown.delete(note.tag);
    });
    os.show();
  };

  const mentions = createMentionWatcher({
    fetchInbox: () => engine.handlers.getInbox({ limit: 20 }),
    onMention: (item) => notify({ kind: 'mentioned', item }),
  });
  const checkMentions = () => {
    // Only with a hub that answers; the watcher itself shrugs off failures.
    if (status && status.mode !== 'none' && (status.state === 'idle' || status.state === 'syncing'))
      void mentions.check();
  };
  const mentionTimer = setInterval(checkMentions, MENTION_CHECK_MS);

  const offStatus = engine.on('syncStatus', (next) => {
    const cameOnline = status?.state !== 'idle' && next.state === 'idle';
    status = next;
    updateTray();
    if (cameOnline) checkMentions();
  });
  const offDelivery = engine.on('delivery', (notice) => {
    engine.handlers
      .listChannels({ includeArchived: true })
      .then((channels) => {
        const channelName = channels.find((c) => c.id === notice.channelId)?.name ?? '';
        notify({ kind: 'delivery', notice, channelName });
      })
      .catch((err: unknown) => console.warn('[desk] no notification:', err));
  });
  engine.handlers
    .getSyncStatus({})
    .then((first) => {
      status ??= first;
      updateTray();
      checkMentions();
    })
    .catch((err: unknown) => console.warn('[desk]', err));

  setMenu();
  updateTray();

  const setSpellcheck = (language: Locale) => {
    // macOS checks spelling with the system's checker, which chooses the language itself.
    if (process.platform === 'darwin') return;
    const ses = session.defaultSession;
    const codes = spellcheckLanguagesFor(language, ses.availableSpellCheckerLanguages);
    if (codes.length > 0) ses.setSpellCheckerLanguages(codes);
  };

  return {
    onMessage: (message) => {
      if (message.kind === 'language') {
        if (message.language === locale) return;
        locale = message.language;
        setMenu();
        updateTray();
        setSpellcheck(locale);
      } else {
        setSpellcheck(message.language ?? locale);
      }
    },
    dispose: () => {
      clearInterval(mentionTimer);
      offStatus();
      offDelivery();
      for (const os of shown.values()) os.close();
      shown.clear();
      tray?.destroy();
      tray = null;
    },
  };
}
