// i18next with the three bundled languages; the engine's setting, else the browser's language, picks one.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../shared/domain';
import { LOCALES } from '../../../shared/domain';
import en from './en.json';
import fr from './fr.json';
import it from './it.json';

/** The first supported language among the browser's preferences, else English. */
export function browserLocale(languages: readonly string[] = navigator.languages): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    const hit = LOCALES.find((l) => l === base);
    if (hit) return hit;
  }
  return 'en';
}

/** Starts i18next synchronously (the resources are bundled) in the given language. */
export async function initI18n(locale: Locale): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, it: { translation: it }, fr: { translation: fr } },
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = locale;
}

/** Switches the interface language at once. */
export async function changeLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
