import { describe, expect, it, vi } from 'vitest';
import { MENU_ACTIONS, MENU_SECTIONS } from '../../../shared/native-shell';
import type { Section } from './Sidebar';
import { runMenuAction, spellcheckLanguageOf } from './native-actions';

const handlers = () => ({
  newUpdate: vi.fn(),
  newChannel: vi.fn(),
  showSection: vi.fn(),
  showShortcuts: vi.fn(),
});

describe('runMenuAction', () => {
  it('runs the matching handler for the File and Help items', () => {
    const h = handlers();
    runMenuAction('newUpdate', h);
    runMenuAction('newChannel', h);
    runMenuAction('showShortcuts', h);
    runMenuAction('import', h);
    runMenuAction('export', h);
    expect(h.newUpdate).toHaveBeenCalledTimes(1);
    expect(h.newChannel).toHaveBeenCalledTimes(1);
    expect(h.showShortcuts).toHaveBeenCalledTimes(1);
    expect(h.showSection.mock.calls).toEqual([['transfer'], ['transfer']]);
  });

  it('opens each View section by its sidebar id', () => {
    const h = handlers();
    for (const action of MENU_ACTIONS.filter((a) => a.startsWith('show:')))
      runMenuAction(action, h);
    const shown: Section[] = h.showSection.mock.calls.map(([s]) => s as Section);
    expect(shown).toEqual([...MENU_SECTIONS]);
  });
});

describe('spellcheckLanguageOf', () => {
  it('follows the channels when they agree, else the page', () => {
    expect(spellcheckLanguageOf(['it'])).toBe('it');
    expect(spellcheckLanguageOf(['fr', 'fr'])).toBe('fr');
    expect(spellcheckLanguageOf(['fr', 'en'])).toBeNull();
    expect(spellcheckLanguageOf([])).toBeNull();
  });
});
