// Keyboard shortcuts of the formatting toolbar.

export type FormatAction =
  'bold' | 'italic' | 'strike' | 'code' | 'codeblock' | 'quote' | 'bullets' | 'numbers' | 'link';

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Shortcuts as shown to people (Ctrl is ⌘ on macOS). */
export const FORMAT_SHORTCUTS: Record<FormatAction, string> = {
  bold: 'Ctrl+B',
  italic: 'Ctrl+I',
  strike: 'Ctrl+Shift+X',
  code: 'Ctrl+E',
  codeblock: 'Ctrl+Shift+C',
  quote: 'Ctrl+Shift+9',
  bullets: 'Ctrl+Shift+8',
  numbers: 'Ctrl+Shift+7',
  link: 'Ctrl+K',
};

const PLAIN: Record<string, FormatAction> = { b: 'bold', i: 'italic', e: 'code', k: 'link' };
const SHIFTED: Record<string, FormatAction> = { x: 'strike', c: 'codeblock' };
const DIGITS: Record<string, FormatAction> = { '9': 'quote', '8': 'bullets', '7': 'numbers' };

/** The formatting action a key press asks for, or null. */
export function formatActionFor(e: KeyLike): FormatAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  // Letters follow the keyboard layout (e.key); digits with Shift follow the key's position
  // (e.code), because Shift+9 types "(" or "ç" depending on the layout.
  const letter = e.key.length === 1 ? e.key.toLowerCase() : '';
  if (!e.shiftKey) return PLAIN[letter] ?? null;
  const digit = /^Digit(\d)$/.exec(e.code)?.[1] ?? (/^\d$/.test(e.key) ? e.key : '');
  return SHIFTED[letter] ?? DIGITS[digit] ?? null;
}

/** The `aria-keyshortcuts` value for an action. */
export function ariaShortcut(action: FormatAction): string {
  const keys = FORMAT_SHORTCUTS[action].replace('Ctrl+', '');
  return `Control+${keys} Meta+${keys}`;
}
