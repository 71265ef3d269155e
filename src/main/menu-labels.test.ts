import { describe, expect, it } from 'vitest';
import { LOCALES } from '../shared/domain';
import { MENU_SECTIONS } from '../shared/native-shell';
import { SHELL_WORDS, fillWords, shellLocaleOf } from './menu-labels';

/** Every leaf of a words table as [path, text]. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, path ? `${path}.${k}` : k),
  );
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('SHELL_WORDS', () => {
  const en = new Map(leaves(SHELL_WORDS.en));

  it('has every English entry in Italian and French, non-empty, with the same placeholders', () => {
    for (const locale of LOCALES) {
      const table = new Map(leaves(SHELL_WORDS[locale]));
      expect([...table.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [path, text] of table) {
        expect(text.trim(), `${locale} ${path}`).not.toBe('');
        expect(placeholders(text), `${locale} ${path}`).toEqual(placeholders(en.get(path) ?? ''));
      }
    }
  });

  it('names every View section, and is really translated (not English copied)', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(SHELL_WORDS[locale].menu.sections).sort()).toEqual(
        [...MENU_SECTIONS].sort(),
      );
    }
    for (const locale of ['it', 'fr'] as const) {
      const same = leaves(SHELL_WORDS[locale]).filter(([p, text]) => en.get(p) === text);
      // "File" and "Documentation" happen to be the same word; most entries must differ.
      expect(same.length, same.map(([p]) => p).join(', ')).toBeLessThanOrEqual(3);
    }
  });
});

describe('shellLocaleOf', () => {
  it.each([
    ['it-IT', 'it'],
    ['fr_CA', 'fr'],
    ['FR', 'fr'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('%s → %s', (os, locale) => {
    expect(shellLocaleOf(os)).toBe(locale);
  });
});

describe('fillWords', () => {
  it('fills each placeholder once and leaves inserted text alone', () => {
    expect(fillWords('{a} and {b}', { a: '{b}', b: 'x' })).toBe('{b} and x');
    expect(fillWords('{missing}', {})).toBe('{missing}');
  });
});
