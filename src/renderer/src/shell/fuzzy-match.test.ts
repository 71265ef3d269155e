import { describe, expect, it } from 'vitest';
import { foldText, fuzzyFilter, fuzzyScore } from './fuzzy-match';

describe('fuzzy matching', () => {
  it('needs every letter, in order', () => {
    expect(fuzzyScore('nwup', 'New update')).not.toBeNull();
    expect(fuzzyScore('upnew', 'New update')).toBeNull();
    expect(fuzzyScore('newz', 'New update')).toBeNull();
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('ignores case, accents and spaces', () => {
    expect(foldText('Città Élite')).toBe('citta elite');
    expect(fuzzyScore('citta', 'Canale: Città')).not.toBeNull();
    expect(fuzzyScore('PAR AM', 'Paramètres')).not.toBeNull();
  });

  it('still matches when jumping to a word start would use up a later letter', () => {
    // "cab a": a word-start "a" at the end would leave no "b" after it.
    expect(fuzzyScore('ab', 'cab a')).not.toBeNull();
  });

  it('ranks word starts and runs above scattered letters', () => {
    const commands = ['Sync now', 'Go to Search', 'Settings', 'Show shortcuts'];
    expect(fuzzyFilter(commands, 'se', (c) => c)[0]).toBe('Settings');
    expect(fuzzyFilter(commands, 'gs', (c) => c)[0]).toBe('Go to Search');
    expect(fuzzyFilter(commands, 'sync', (c) => c)).toEqual(['Sync now']);
    expect(fuzzyFilter(commands, '', (c) => c)).toEqual(commands);
  });
});
