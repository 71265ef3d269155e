import { describe, expect, it } from 'vitest';
import type { KeyLike, ShortcutDef } from './shortcuts';
import {
  ariaKeyShortcuts,
  chordCaps,
  findConflicts,
  isTextField,
  listStep,
  matchesChord,
  matchesShortcut,
  parseChord,
  platformOf,
  SECTION_SHORTCUTS,
  SEQUENCE_TIMEOUT_MS,
  shortcutCaps,
  shortcutOf,
  ShortcutMatcher,
  SHORTCUTS,
} from './shortcuts';

const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code: /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...extra,
});
const NAMES = { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', enter: 'Enter', escape: 'Esc' };
const IDLE = { typing: false, openDialog: null };

describe('chords', () => {
  it('reads Mod as ⌘ on macOS and as Ctrl elsewhere', () => {
    expect(parseChord('Mod+K', 'mac')).toEqual({
      key: 'k',
      ctrl: false,
      meta: true,
      alt: false,
      shift: false,
    });
    expect(parseChord('Mod+K', 'other')).toMatchObject({ key: 'k', ctrl: true, meta: false });
    expect(() => parseChord('Hyper+K', 'mac')).toThrow(/Hyper/);
    expect(() => parseChord('Mod+Space', 'mac')).toThrow(/Space/);
  });

  it('matches the platform’s modifier and no other', () => {
    expect(matchesShortcut('palette', key('k', { metaKey: true }), 'mac')).toBe(true);
    expect(matchesShortcut('palette', key('k', { ctrlKey: true }), 'mac')).toBe(false);
    expect(matchesShortcut('palette', key('k', { ctrlKey: true }), 'other')).toBe(true);
    expect(matchesShortcut('palette', key('k', { metaKey: true }), 'other')).toBe(false);
    expect(matchesShortcut('palette', key('K', { ctrlKey: true, shiftKey: true }), 'other')).toBe(
      false,
    );
    expect(matchesShortcut('palette', key('k', { ctrlKey: true, altKey: true }), 'other')).toBe(
      false,
    );
    expect(matchesShortcut('palette', key('k'), 'other')).toBe(false);
  });

  it('takes ? with the Shift it needs on any layout', () => {
    expect(matchesShortcut('help', key('?', { shiftKey: true, code: 'Slash' }), 'other')).toBe(
      true,
    );
    expect(matchesShortcut('help', key('?', { shiftKey: true, code: 'Minus' }), 'mac')).toBe(true);
    expect(matchesShortcut('help', key('/', { code: 'Slash' }), 'other')).toBe(false);
  });

  it('falls back to the physical key only when the layout changed the character', () => {
    // ⌥J on macOS types ∆; J on a Cyrillic layout types о.
    expect(matchesChord(parseChord('Alt+J', 'mac'), key('∆', { altKey: true, code: 'KeyJ' }))).toBe(
      true,
    );
    expect(listStep(key('о', { code: 'KeyJ' }), 'other')).toBe(1);
    // On AZERTY the key labelled A sends KeyQ: it is A, never Q.
    expect(matchesChord(parseChord('Q', 'other'), key('a', { code: 'KeyQ' }))).toBe(false);
    expect(matchesChord(parseChord('A', 'other'), key('a', { code: 'KeyQ' }))).toBe(true);
    // Ctrl+[ is Ctrl+è on an Italian keyboard (same physical key).
    const ctrlE = key('è', { ctrlKey: true, code: 'BracketLeft' });
    expect(matchesShortcut('channelPrevious', ctrlE, 'other')).toBe(true);
    expect(matchesShortcut('channelNext', ctrlE, 'other')).toBe(false);
  });

  it('tells list moves from queue moves', () => {
    expect(listStep(key('j'), 'other')).toBe(1);
    expect(listStep(key('ArrowDown'), 'mac')).toBe(1);
    expect(listStep(key('k'), 'other')).toBe(-1);
    expect(listStep(key('ArrowUp', { altKey: true }), 'other')).toBe(0);
    expect(listStep(key('J', { shiftKey: true }), 'other')).toBe(0);
    expect(matchesShortcut('queueEarlier', key('ArrowUp', { altKey: true }), 'other')).toBe(true);
    expect(matchesShortcut('publish', key('Enter', { metaKey: true }), 'mac')).toBe(true);
    expect(matchesShortcut('publish', key('Enter'), 'mac')).toBe(false);
  });
});

describe('the global matcher', () => {
  it('fires a letter shortcut only outside text fields, and a modified one anywhere', () => {
    const m = new ShortcutMatcher('other');
    const typing = { typing: true, openDialog: null };
    expect(m.handle(key('?', { shiftKey: true }), typing, 0)).toBeNull();
    expect(m.handle(key('?', { shiftKey: true }), IDLE, 0)).toEqual({ kind: 'match', id: 'help' });
    expect(m.handle(key('n', { ctrlKey: true }), typing, 0)).toEqual({
      kind: 'match',
      id: 'newUpdate',
    });
    expect(m.handle(key('g'), typing, 0)).toBeNull();
  });

  it('stays quiet behind a modal dialog, except for the dialog’s own key', () => {
    const m = new ShortcutMatcher('mac');
    const composer = { typing: false, openDialog: 'composer' };
    expect(m.handle(key('n', { metaKey: true }), composer, 0)).toBeNull();
    expect(m.handle(key('k', { metaKey: true }), composer, 0)).toBeNull();
    const palette = { typing: true, openDialog: 'command-palette' };
    expect(m.handle(key('k', { metaKey: true }), palette, 0)).toEqual({
      kind: 'match',
      id: 'palette',
    });
    expect(m.handle(key('n', { metaKey: true }), palette, 0)).toBeNull();
    const help = { typing: false, openDialog: 'shortcuts-help' };
    expect(m.handle(key('?', { shiftKey: true }), help, 0)).toEqual({ kind: 'match', id: 'help' });
    expect(m.handle(key('k', { metaKey: true }), help, 0)).toBeNull();
  });

  it('reads G then a letter as a section, within the time allowed', () => {
    const m = new ShortcutMatcher('other');
    expect(m.handle(key('g'), IDLE, 1000)).toEqual({ kind: 'pending' });
    expect(m.handle(key('r'), IDLE, 1500)).toEqual({ kind: 'match', id: 'goArchive' });
    // Too slow: the second key is a key of its own (R alone is nothing).
    expect(m.handle(key('g'), IDLE, 5000)).toEqual({ kind: 'pending' });
    expect(m.handle(key('r'), IDLE, 5001 + SEQUENCE_TIMEOUT_MS)).toBeNull();
    // A key that continues no sequence starts afresh.
    expect(m.handle(key('g'), IDLE, 9000)).toEqual({ kind: 'pending' });
    expect(m.handle(key('?', { shiftKey: true }), IDLE, 9001)).toEqual({
      kind: 'match',
      id: 'help',
    });
    expect(m.handle(key('t'), IDLE, 9002)).toBeNull();
    // Reset forgets the first key.
    expect(m.handle(key('g'), IDLE, 9100)).toEqual({ kind: 'pending' });
    m.reset();
    expect(m.handle(key('t'), IDLE, 9101)).toBeNull();
  });

  it('has a sequence for every section, each one distinct', () => {
    const m = new ShortcutMatcher('other');
    const reached = new Set<string>();
    for (const [section, id] of Object.entries(SECTION_SHORTCUTS)) {
      const [sequence] = shortcutOf(id).keys;
      const [first, second] = sequence!.split(' ');
      expect(m.handle(key(first!.toLowerCase()), IDLE, 0)).toEqual({ kind: 'pending' });
      expect(m.handle(key(second!.toLowerCase()), IDLE, 0)).toEqual({ kind: 'match', id });
      reached.add(section);
    }
    expect(reached.size).toBe(10);
  });

  it('does not take list, composer or dialog keys', () => {
    const m = new ShortcutMatcher('other');
    expect(m.handle(key('j'), IDLE, 0)).toBeNull();
    expect(m.handle(key('Enter', { ctrlKey: true }), IDLE, 0)).toBeNull();
    expect(m.handle(key('Escape'), IDLE, 0)).toBeNull();
  });
});

describe('the typing rule', () => {
  it('knows text fields from other controls', () => {
    expect(isTextField({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTextField({ tagName: 'input', type: 'search' })).toBe(true);
    expect(isTextField({ tagName: 'INPUT' })).toBe(true);
    expect(isTextField({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextField({ tagName: 'SELECT' })).toBe(true);
    expect(isTextField({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextField({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextField({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextField({ tagName: 'DIV', isContentEditable: false })).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});

describe('conflicts', () => {
  it('the desk’s table has none, on either platform', () => {
    expect(findConflicts(SHORTCUTS)).toEqual([]);
  });

  it('finds two actions on one key, one chord written two ways, and a key that starts a sequence', () => {
    const base = SHORTCUTS.filter((d) => d.id !== 'search');
    const twice: ShortcutDef[] = [
      ...base,
      { id: 'search', group: 'general', scope: 'global', keys: ['Mod+K'] },
    ];
    expect(findConflicts(twice)).toContainEqual({
      keys: 'Mod+K',
      ids: ['palette', 'search'],
      platform: 'mac',
    });
    const spelled: ShortcutDef[] = [
      ...base,
      { id: 'search', group: 'general', scope: 'global', keys: ['Ctrl+K'] },
    ];
    const found = findConflicts(spelled);
    expect(found.map((c) => c.platform)).toEqual(['other']);
    const prefix: ShortcutDef[] = [
      ...base,
      { id: 'search', group: 'general', scope: 'global', keys: ['G'] },
    ];
    expect(findConflicts(prefix).some((c) => c.ids.includes('goTimeline'))).toBe(true);
  });

  it('lets the composer reuse a page key, but not one of its own', () => {
    // Ctrl+K is the palette on the page and a link in the composer's text: never both at once.
    expect(shortcutOf('format:link').keys).toEqual(['Mod+K']);
    const bold: ShortcutDef[] = [
      ...SHORTCUTS.filter((d) => d.id !== 'save'),
      { id: 'save', group: 'composer', scope: 'composer', keys: ['Mod+B'] },
    ];
    expect(findConflicts(bold).map((c) => c.ids)).toEqual([
      ['format:bold', 'save'],
      ['format:bold', 'save'],
    ]);
  });
});

describe('key names', () => {
  it('shows each platform’s caps', () => {
    expect(shortcutCaps(shortcutOf('palette'), 'mac', NAMES)).toEqual([[['⌘', 'K']]]);
    expect(shortcutCaps(shortcutOf('palette'), 'other', NAMES)).toEqual([[['Ctrl', 'K']]]);
    expect(shortcutCaps(shortcutOf('goArchive'), 'other', NAMES)).toEqual([[['G'], ['R']]]);
    expect(shortcutCaps(shortcutOf('publish'), 'mac', NAMES)).toEqual([[['⌘', '↩']]]);
    expect(shortcutCaps(shortcutOf('publish'), 'other', { ...NAMES, enter: 'Invio' })).toEqual([
      [['Ctrl', 'Invio']],
    ]);
    expect(chordCaps(parseChord('Mod+Alt+Shift+ArrowUp', 'mac'), 'mac', NAMES)).toEqual([
      '⌥',
      '⇧',
      '⌘',
      '↑',
    ]);
  });

  it('says single chords in aria-keyshortcuts and leaves sequences out', () => {
    expect(ariaKeyShortcuts('newUpdate', 'other')).toBe('Control+N');
    expect(ariaKeyShortcuts('newUpdate', 'mac')).toBe('Meta+N');
    expect(ariaKeyShortcuts('itemNext', 'mac')).toBe('J ArrowDown');
    expect(ariaKeyShortcuts('goWeek', 'mac')).toBeUndefined();
  });

  it('recognises macOS', () => {
    expect(platformOf({ platform: 'MacIntel' })).toBe('mac');
    expect(platformOf({ platform: 'Linux x86_64', userAgent: 'Mozilla/5.0 (X11; Linux)' })).toBe(
      'other',
    );
    expect(platformOf({ platform: 'Win32' })).toBe('other');
    expect(platformOf(undefined)).toBe('other');
  });
});
