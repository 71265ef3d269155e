// Spellcheck follows the language of the channel being edited (Windows and Linux; macOS uses the
// system's own checker, which picks the language itself).
import type { Locale } from '../shared/domain';

/** Dictionary codes to try for each language, best first. */
const DICTIONARIES: Record<Locale, readonly string[]> = {
  it: ['it', 'it-IT'],
  fr: ['fr', 'fr-FR'],
  en: ['en-GB', 'en-US', 'en'],
};

/**
 * The dictionaries to set for `language` among those Electron offers (`available`): the first
 * that exists, or none. An empty list leaves the current setting alone (never an error: Electron
 * throws on a code it does not have).
 */
export function spellcheckLanguagesFor(language: Locale, available: readonly string[]): string[] {
  const have = new Set(available);
  const pick = DICTIONARIES[language].find((code) => have.has(code));
  return pick ? [pick] : [];
}
