// The current interface language as a Locale, for Intl formatting.
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/domain';
import { LOCALES } from '../../../shared/domain';

/** The language the interface is shown in right now. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return LOCALES.find((l) => l === lang) ?? 'en';
}

/** The Intl locale for an interface language (British English: day-month order, 24-hour clock). */
export function intlTag(locale: Locale): string {
  switch (locale) {
    case 'en':
      return 'en-GB';
    case 'it':
      return 'it-IT';
    case 'fr':
      return 'fr-FR';
  }
}
