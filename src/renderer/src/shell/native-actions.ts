// The desktop shell's side of the page: `window.deskShell` (Electron's preload; absent in browser
// mode) and what each menu action does here.
import type { Locale } from '../../../shared/domain';
import type {
  MenuAction,
  MenuSection,
  ShellEventName,
  ShellEvents,
  ShellMessage,
} from '../../../shared/native-shell';

/** The bridge the preload puts on `window.deskShell`. */
export interface DeskShellBridge {
  on<E extends ShellEventName>(event: E, cb: (payload: ShellEvents[E]) => void): () => void;
  tell(message: ShellMessage): void;
}

declare global {
  interface Window {
    deskShell?: DeskShellBridge;
  }
}

/** What the page does for menu actions. */
export interface MenuActionHandlers {
  newUpdate: () => void;
  newChannel: () => void;
  showSection: (section: MenuSection) => void;
  showShortcuts: () => void;
}

/** Carries out one menu action. Import and export both live on the transfer screen. */
export function runMenuAction(action: MenuAction, handlers: MenuActionHandlers): void {
  switch (action) {
    case 'newUpdate':
      return handlers.newUpdate();
    case 'newChannel':
      return handlers.newChannel();
    case 'import':
    case 'export':
      return handlers.showSection('transfer');
    case 'showShortcuts':
      return handlers.showShortcuts();
    default:
      return handlers.showSection(action.slice('show:'.length) as MenuSection);
  }
}

/** Tells the desktop app which language to check spelling in (null: the page's); no-op in a browser. */
export function tellSpellcheckLanguage(language: Locale | null): void {
  window.deskShell?.tell({ kind: 'spellcheck', language });
}

/**
 * The spellcheck language for the composer: that of the channels whose text is being edited —
 * one copy's channel, or all of them on the shared tab — when they agree; otherwise null.
 */
export function spellcheckLanguageOf(languages: readonly Locale[]): Locale | null {
  const distinct = new Set(languages);
  return distinct.size === 1 ? [...distinct][0]! : null;
}
