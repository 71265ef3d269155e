// What the desktop shell (menu, tray, OS notifications, spellcheck) and the page say to each other.
// Apart from the desk contract: these never reach the engine, and browser mode has none of them.
import { z } from 'zod';
import { LOCALES } from './domain';

/** Sections the View menu can show; the same ids as the sidebar's. */
export const MENU_SECTIONS = [
  'timeline',
  'week',
  'search',
  'inbox',
  'analytics',
  'archive',
  'transfer',
  'audit',
  'trash',
  'settings',
] as const;
export type MenuSection = (typeof MENU_SECTIONS)[number];

/** Menu items the page carries out (the rest — roles, zoom, quit, docs — main handles itself). */
export const MENU_ACTIONS = [
  'newUpdate',
  'newChannel',
  'import',
  'export',
  'showShortcuts',
  ...MENU_SECTIONS.map((s) => `show:${s}` as const),
] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** True for a string that names a menu action. */
export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (MENU_ACTIONS as readonly string[]).includes(value);
}

/** Main → page. */
export interface ShellEvents {
  /** A menu item the page carries out was chosen. */
  menu: { action: MenuAction };
  /** An OS notification was clicked: open this story in the composer. */
  openStory: { storyId: string };
}
export type ShellEventName = keyof ShellEvents;

/** Page → main, one-way; main validates each with this schema before acting on it. */
export const shellMessageSchema = z.discriminatedUnion('kind', [
  /** The page's language: menu, tray and notifications follow it. */
  z.strictObject({ kind: z.literal('language'), language: z.enum(LOCALES) }),
  /** The language of the channel being edited, for the spellchecker (null: the page's). */
  z.strictObject({ kind: z.literal('spellcheck'), language: z.enum(LOCALES).nullable() }),
]);
export type ShellMessage = z.infer<typeof shellMessageSchema>;
