// A real i18next instance with the desk's three dictionaries, for the words helpers' tests.
import i18next from 'i18next';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import it from '../../i18n/it.json';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, it: { translation: it }, fr: { translation: fr } },
  lng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

/** English, Italian and French translators. */
export const tEn = i18n.getFixedT('en');
export const tIt = i18n.getFixedT('it');
export const tFr = i18n.getFixedT('fr');
