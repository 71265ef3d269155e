import { describe, expect, it } from 'vitest';
import { spellcheckLanguagesFor } from './spellcheck';

const WINDOWS = ['en-US', 'it-IT', 'fr-FR'];
const HUNSPELL = ['en-GB', 'en-US', 'fr', 'it', 'de'];

describe('spellcheckLanguagesFor', () => {
  it('maps each channel language to a dictionary Electron has', () => {
    expect(spellcheckLanguagesFor('it', HUNSPELL)).toEqual(['it']);
    expect(spellcheckLanguagesFor('fr', HUNSPELL)).toEqual(['fr']);
    expect(spellcheckLanguagesFor('en', HUNSPELL)).toEqual(['en-GB']);
    expect(spellcheckLanguagesFor('it', WINDOWS)).toEqual(['it-IT']);
    expect(spellcheckLanguagesFor('en', WINDOWS)).toEqual(['en-US']);
  });

  it('gives nothing rather than a code Electron would refuse', () => {
    expect(spellcheckLanguagesFor('fr', ['en-US', 'de'])).toEqual([]);
    expect(spellcheckLanguagesFor('en', [])).toEqual([]);
  });
});
