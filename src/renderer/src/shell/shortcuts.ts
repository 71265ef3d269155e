// The desk's keyboard shortcuts, declared once: the global handler, the lists, the composer, the
// command palette and the help sheet all read this table, so a key shown is a key that works.
// Pure: no DOM, no React; events are read through the few fields every KeyboardEvent has.
//
// Notation: a chord is `Mod+K`, `Alt+ArrowUp`, `?`, `J`; `Mod` is ⌘ on macOS and Ctrl elsewhere.
// A sequence is chords separated by a space: `G T` is G, then T (sections are reached this way,
// as in Gmail or GitHub: it needs no modifier and works on every layout, where Alt+digit types
// characters on macOS and Italian/French keyboards).
import type { FormatAction } from '../features/composer/format-shortcuts';
import { FORMAT_SHORTCUTS } from '../features/composer/format-shortcuts';

/** What the modifier `Mod` means: ⌘ on macOS, Ctrl on Windows and Linux. */
export type Platform = 'mac' | 'other';

/** Every action with a shortcut. */
export type ShortcutId =
  | 'palette'
  | 'help'
  | 'newUpdate'
  | 'search'
  | 'goTimeline'
  | 'goWeek'
  | 'goSearch'
  | 'goInbox'
  | 'goAnalytics'
  | 'goArchive'
  | 'goTransfer'
  | 'goAudit'
  | 'goTrash'
  | 'goSettings'
  | 'channelPrevious'
  | 'channelNext'
  | 'itemNext'
  | 'itemPrevious'
  | 'itemOpen'
  | 'queueEarlier'
  | 'queueLater'
  | 'publish'
  | 'save'
  | 'close'
  | `format:${FormatAction}`;

/** How the help sheet groups the shortcuts. */
export type ShortcutGroup = 'general' | 'navigation' | 'lists' | 'composer' | 'formatting';

/**
 * Where a shortcut is handled: `global` by the window's handler (never while a modal dialog is
 * open, unless the dialog is the shortcut's own), `list` by a focused list row, `composer` and
 * `dialog` by the composer or any dialog itself, `editor` by the composer's text field.
 */
export type ShortcutScope = 'global' | 'list' | 'composer' | 'dialog' | 'editor';

/**
 * Scopes whose keys can reach the same press: the page's (no modal dialog open) and the
 * composer's (a modal dialog, so the page's keys are off). A key may serve one action in each.
 */
const CONTEXT_OF: Record<ShortcutScope, 'page' | 'composer'> = {
  global: 'page',
  list: 'page',
  composer: 'composer',
  dialog: 'composer',
  editor: 'composer',
};

/** One action and the chords that trigger it. */
export interface ShortcutDef {
  id: ShortcutId;
  group: ShortcutGroup;
  scope: ShortcutScope;
  /** Alternatives, each a chord or a sequence of chords (see the notation above). */
  keys: readonly string[];
  /** The test id of the dialog in which this shortcut still works (it closes that dialog). */
  ownDialog?: string;
}

/** The test ids of the palette and help dialogs, which own their toggling shortcut. */
export const PALETTE_DIALOG = 'command-palette';
export const HELP_DIALOG = 'shortcuts-help';

/** The section each `G` sequence opens, in the sidebar's order. */
export const SECTION_SHORTCUTS = {
  timeline: 'goTimeline',
  week: 'goWeek',
  search: 'goSearch',
  inbox: 'goInbox',
  analytics: 'goAnalytics',
  archive: 'goArchive',
  transfer: 'goTransfer',
  audit: 'goAudit',
  trash: 'goTrash',
  settings: 'goSettings',
} as const satisfies Record<string, ShortcutId>;

/** The desk's shortcuts, in the order the help sheet lists them. */
export const SHORTCUTS: readonly ShortcutDef[] = [
  { id: 'palette', group: 'general', scope: 'global', keys: ['Mod+K'], ownDialog: PALETTE_DIALOG },
  { id: 'help', group: 'general', scope: 'global', keys: ['?'], ownDialog: HELP_DIALOG },
  { id: 'newUpdate', group: 'general', scope: 'global', keys: ['Mod+N'] },
  { id: 'search', group: 'general', scope: 'global', keys: ['Mod+F'] },
  { id: 'goTimeline', group: 'navigation', scope: 'global', keys: ['G T'] },
  { id: 'goWeek', group: 'navigation', scope: 'global', keys: ['G W'] },
  { id: 'goSearch', group: 'navigation', scope: 'global', keys: ['G S'] },
  { id: 'goInbox', group: 'navigation', scope: 'global', keys: ['G I'] },
  { id: 'goAnalytics', group: 'navigation', scope: 'global', keys: ['G A'] },
  { id: 'goArchive', group: 'navigation', scope: 'global', keys: ['G R'] },
  { id: 'goTransfer', group: 'navigation', scope: 'global', keys: ['G E'] },
  { id: 'goAudit', group: 'navigation', scope: 'global', keys: ['G L'] },
  { id: 'goTrash', group: 'navigation', scope: 'global', keys: ['G D'] },
  { id: 'goSettings', group: 'navigation', scope: 'global', keys: ['G P'] },
  // Brackets, not Alt+arrows: on a focused timeline row Alt+arrows move the copy in the queue.
  { id: 'channelPrevious', group: 'navigation', scope: 'global', keys: ['Mod+['] },
  { id: 'channelNext', group: 'navigation', scope: 'global', keys: ['Mod+]'] },
  { id: 'itemNext', group: 'lists', scope: 'list', keys: ['J', 'ArrowDown'] },
  { id: 'itemPrevious', group: 'lists', scope: 'list', keys: ['K', 'ArrowUp'] },
  { id: 'itemOpen', group: 'lists', scope: 'list', keys: ['Enter'] },
  { id: 'queueEarlier', group: 'lists', scope: 'list', keys: ['Alt+ArrowUp'] },
  { id: 'queueLater', group: 'lists', scope: 'list', keys: ['Alt+ArrowDown'] },
  { id: 'publish', group: 'composer', scope: 'composer', keys: ['Mod+Enter'] },
  { id: 'save', group: 'composer', scope: 'composer', keys: ['Mod+S'] },
  { id: 'close', group: 'composer', scope: 'dialog', keys: ['Escape'] },
  // The text field's formatting keys are matched by format-shortcuts.ts; listed here for the sheet.
  ...(Object.entries(FORMAT_SHORTCUTS) as [FormatAction, string][]).map(
    ([action, keys]): ShortcutDef => ({
      id: `format:${action}`,
      group: 'formatting',
      scope: 'editor',
      keys: [keys.replace(/^Ctrl\+/, 'Mod+')],
    }),
  ),
];

/** One step of a chord, with `Mod` already resolved for a platform. */
export interface Chord {
  key: string;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** The fields of a keyboard event the matcher reads (DOM and React events both have them). */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const NAMED_KEYS = new Set(['Enter', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
/** Physical keys for characters that a layout may move (Ctrl+[ is Ctrl+è on an Italian keyboard). */
const CODE_OF: Record<string, string> = { '[': 'BracketLeft', ']': 'BracketRight' };

/** Reads one chord (`Mod+Shift+K`); throws on a notation mistake, which is a programming error. */
export function parseChord(text: string, platform: Platform): Chord {
  const parts = text.split('+');
  // `Mod++` would be a chord on the plus key; none is used, so a trailing empty part is an error.
  const key = parts.pop() ?? '';
  const chord: Chord = { key: '', ctrl: false, meta: false, alt: false, shift: false };
  for (const part of parts) {
    if (part === 'Mod') chord[platform === 'mac' ? 'meta' : 'ctrl'] = true;
    else if (part === 'Ctrl') chord.ctrl = true;
    else if (part === 'Meta') chord.meta = true;
    else if (part === 'Alt') chord.alt = true;
    else if (part === 'Shift') chord.shift = true;
    else throw new Error(`Unknown modifier "${part}" in shortcut "${text}"`);
  }
  if (NAMED_KEYS.has(key)) chord.key = key;
  else if (key.length === 1) chord.key = key.toLowerCase();
  else throw new Error(`Unknown key "${key}" in shortcut "${text}"`);
  return chord;
}

/** Reads a sequence (`G T`) into its chords. */
export function parseSequence(text: string, platform: Platform): Chord[] {
  return text.split(' ').map((step) => parseChord(step, platform));
}

const isAsciiLetter = (k: string) => /^[a-z]$/i.test(k);
/** Characters typed with Shift on some layouts: Shift is part of the character, not the chord. */
const shiftIsPartOfKey = (k: string) => k.length === 1 && !/^[a-z0-9]$/i.test(k);

/** True when the event is this chord. */
export function matchesChord(chord: Chord, e: KeyLike): boolean {
  if (e.ctrlKey !== chord.ctrl || e.metaKey !== chord.meta || e.altKey !== chord.alt) return false;
  if (!shiftIsPartOfKey(chord.key) && e.shiftKey !== chord.shift) return false;
  if (NAMED_KEYS.has(chord.key)) return e.key === chord.key;
  const typed = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (typed === chord.key) return true;
  // Option on macOS and non-Latin layouts change the character: fall back to the physical key.
  // Only then: on AZERTY the key labelled A sends code KeyQ, and must stay A.
  if (isAsciiLetter(chord.key))
    return !isAsciiLetter(typed) && e.code === `Key${chord.key.toUpperCase()}`;
  const code = CODE_OF[chord.key];
  return code !== undefined && typed !== chord.key && e.code === code && !isAsciiLetter(typed);
}

/** True when the chord holds Ctrl, ⌘ or Alt: such a chord may fire while the editor types. */
export const hasModifier = (c: Chord) => c.ctrl || c.meta || c.alt;

/** The shortcut with this id (the table is complete, so it always exists). */
export function shortcutOf(id: ShortcutId, table: readonly ShortcutDef[] = SHORTCUTS): ShortcutDef {
  const def = table.find((d) => d.id === id);
  if (!def) throw new Error(`No shortcut "${id}"`);
  return def;
}

/** True when the event is one of this shortcut's single-chord keys (lists, the composer). */
export function matchesShortcut(id: ShortcutId, e: KeyLike, platform: Platform): boolean {
  return shortcutOf(id).keys.some((k) => {
    const steps = parseSequence(k, platform);
    return steps.length === 1 && matchesChord(steps[0]!, e);
  });
}

/** +1 for "next item", -1 for "previous item", 0 for any other key. */
export function listStep(e: KeyLike, platform: Platform): -1 | 0 | 1 {
  if (matchesShortcut('itemNext', e, platform)) return 1;
  if (matchesShortcut('itemPrevious', e, platform)) return -1;
  return 0;
}

/** The minimal shape of an event target the typing rule reads. */
export interface TargetLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'radio',
  'submit',
  'reset',
  'file',
  'range',
  'color',
  'image',
]);

/** True when keys typed at this target are text (a text input, a textarea, editable content). */
export function isTextField(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
}

/** What surrounds a key press. */
export interface KeyContext {
  /** The focus is in a text field. */
  typing: boolean;
  /** The test id of the open modal dialog ('' for one without), or null when none is open. */
  openDialog: string | null;
}

/** The time a sequence's second key may follow its first. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/** The result of one key press: a shortcut, the first key of a sequence, or nothing. */
export type KeyResult = { kind: 'match'; id: ShortcutId } | { kind: 'pending' } | null;

/**
 * Resolves key presses to global shortcuts, remembering the first key of a sequence. One per
 * window; `handle` is pure apart from that memory.
 */
export class ShortcutMatcher {
  private readonly entries: { id: ShortcutId; steps: Chord[]; ownDialog?: string }[];
  private pending: { steps: number; at: number; candidates: number[] } | null = null;

  constructor(platform: Platform, table: readonly ShortcutDef[] = SHORTCUTS) {
    this.entries = table
      .filter((d) => d.scope === 'global')
      .flatMap((d) =>
        d.keys.map((k) => ({
          id: d.id,
          steps: parseSequence(k, platform),
          ...(d.ownDialog ? { ownDialog: d.ownDialog } : {}),
        })),
      );
  }

  /** The global shortcut this key press completes, if any. */
  handle(e: KeyLike, context: KeyContext, nowMs: number): KeyResult {
    const allowed = (i: number) => {
      const entry = this.entries[i]!;
      if (context.openDialog !== null && context.openDialog !== entry.ownDialog) return false;
      return !context.typing || hasModifier(entry.steps[0]!);
    };
    const pending = this.pending;
    this.pending = null;
    if (pending && nowMs - pending.at <= SEQUENCE_TIMEOUT_MS) {
      const next = this.advance(pending.candidates, pending.steps, e, nowMs, allowed);
      if (next) return next;
    }
    const all = this.entries.map((_, i) => i);
    return this.advance(all, 0, e, nowMs, allowed);
  }

  /** Forgets a started sequence (the focus moved, a dialog opened). */
  reset(): void {
    this.pending = null;
  }

  private advance(
    candidates: number[],
    step: number,
    e: KeyLike,
    nowMs: number,
    allowed: (i: number) => boolean,
  ): KeyResult {
    const hits = candidates.filter((i) => {
      const chord = this.entries[i]!.steps[step];
      return chord !== undefined && allowed(i) && matchesChord(chord, e);
    });
    const done = hits.find((i) => this.entries[i]!.steps.length === step + 1);
    if (done !== undefined) return { kind: 'match', id: this.entries[done]!.id };
    if (hits.length === 0) return null;
    this.pending = { steps: step + 1, at: nowMs, candidates: hits };
    return { kind: 'pending' };
  }
}

/** A key that two shortcuts share, or a key that is also the start of a sequence. */
export interface ShortcutConflict {
  keys: string;
  ids: ShortcutId[];
  platform: Platform;
}

const chordText = (c: Chord) =>
  `${c.ctrl ? 'C' : ''}${c.meta ? 'M' : ''}${c.alt ? 'A' : ''}${c.shift && !shiftIsPartOfKey(c.key) ? 'S' : ''}:${c.key}`;

/**
 * Every clash in a table, on both platforms and within each context (see CONTEXT_OF): two actions
 * on one key (or one chord written two ways, `Mod+K` and `Ctrl+K` on Windows), or a key that is
 * the first step of a sequence (the sequence could never be typed).
 */
export function findConflicts(table: readonly ShortcutDef[]): ShortcutConflict[] {
  const out: ShortcutConflict[] = [];
  for (const platform of ['mac', 'other'] as const) {
    const seen = new Map<string, ShortcutId>();
    const all: { id: ShortcutId; text: string }[] = [];
    for (const def of table) {
      for (const k of def.keys) {
        const text = `${CONTEXT_OF[def.scope]} ${parseSequence(k, platform).map(chordText).join(' ')}`;
        const before = seen.get(text);
        if (before !== undefined) out.push({ keys: k, ids: [before, def.id], platform });
        else seen.set(text, def.id);
        all.push({ id: def.id, text });
      }
    }
    for (const a of all)
      for (const b of all)
        if (b.text.startsWith(`${a.text} `))
          out.push({ keys: a.text, ids: [a.id, b.id], platform });
  }
  return out;
}

/** The words a platform's keys are named with (translated by the caller). */
export interface KeyNames {
  ctrl: string;
  alt: string;
  shift: string;
  enter: string;
  escape: string;
}

const ARROWS: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
};

/** The key caps of one chord as the platform labels them: ⌘ ⇧ K on macOS, Ctrl Shift K elsewhere. */
export function chordCaps(chord: Chord, platform: Platform, names: KeyNames): string[] {
  const caps: string[] = [];
  const key =
    ARROWS[chord.key] ??
    (chord.key === 'Enter'
      ? platform === 'mac'
        ? '↩'
        : names.enter
      : chord.key === 'Escape'
        ? names.escape
        : chord.key.toUpperCase());
  if (platform === 'mac') {
    // Apple's order: Control, Option, Shift, Command.
    if (chord.ctrl) caps.push('⌃');
    if (chord.alt) caps.push('⌥');
    if (chord.shift) caps.push('⇧');
    if (chord.meta) caps.push('⌘');
  } else {
    if (chord.ctrl) caps.push(names.ctrl);
    if (chord.alt) caps.push(names.alt);
    if (chord.shift) caps.push(names.shift);
    if (chord.meta) caps.push('Meta');
  }
  caps.push(key);
  return caps;
}

/** Each alternative of a shortcut, each as its steps, each step as its key caps. */
export function shortcutCaps(def: ShortcutDef, platform: Platform, names: KeyNames): string[][][] {
  return def.keys.map((k) => parseSequence(k, platform).map((c) => chordCaps(c, platform, names)));
}

/** The `aria-keyshortcuts` value of a shortcut (sequences cannot be said there, so they are left out). */
export function ariaKeyShortcuts(id: ShortcutId, platform: Platform): string | undefined {
  const values = shortcutOf(id)
    .keys.map((k) => parseSequence(k, platform))
    .filter((steps) => steps.length === 1)
    .map(([c]) => {
      const mods = [c!.ctrl && 'Control', c!.alt && 'Alt', c!.shift && 'Shift', c!.meta && 'Meta'];
      const key = c!.key.length === 1 ? c!.key.toUpperCase() : c!.key;
      return [...mods.filter(Boolean), key].join('+');
    });
  return values.length > 0 ? values.join(' ') : undefined;
}

/** The platform a browser reports (the app runs the same renderer in Electron and in a browser). */
export function platformOf(nav: { platform?: string; userAgent?: string } | undefined): Platform {
  const text = `${nav?.platform ?? ''} ${nav?.userAgent ?? ''}`;
  return /Mac|iPhone|iPad/.test(text) ? 'mac' : 'other';
}
