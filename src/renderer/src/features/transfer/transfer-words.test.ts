import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  IMPORT_ERROR_CODES,
  importErrorText as englishText,
} from '../../../../shared/transfer/import-errors';
import { importError } from '../../../../shared/transfer/import-format';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import it_ from '../../i18n/it.json';
import { importErrorText, toBase64 } from './transfer-words';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, it: { translation: it_ }, fr: { translation: fr } },
  lng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

describe('importErrorText', () => {
  it('says every import error code in English as the desk does, and in Italian and French', () => {
    const params = {
      ...{ sign: '=', name: 'Roma', value: 'x', zone: 'Europe/Rome', row: 3, id: 'a1', maxMb: 20 },
      ...{ order: 'little-endian', line: 2, detail: 'oops', max: 9, where: ' (near line 2)' },
      ...{ columns: 'text', known: 'channel, text', cells: 8, header: 7, story: 's1' },
      ...{ channel: 'Roma Live', until: '2026-05-01T00:00:00Z' },
    };
    for (const code of IMPORT_ERROR_CODES) {
      const error = importError(2, code, params);
      // The English translation matches the desk's own words for the same code and params.
      expect(importErrorText(error, i18n.getFixedT('en')), code).toBe(englishText(code, params));
      for (const lang of ['it', 'fr']) {
        expect(i18n.exists(`transfer.errors.${code}`, { lng: lang }), `${lang} ${code}`).toBe(true);
        const translated = importErrorText(error, i18n.getFixedT(lang));
        expect(translated, `${lang} ${code}`).not.toMatch(/\{\{/);
        if (code !== 'bad_cell')
          expect(translated, `${lang} ${code}`).not.toBe(englishText(code, params));
      }
    }
  });

  it('names the column and fills the params', () => {
    const error = importError(4, 'past_time', { value: '2024-01-01 10:00' }, 'schedule');
    expect(importErrorText(error, i18n.getFixedT('it'))).toBe(
      'schedule: "2024-01-01 10:00" è nel passato',
    );
    expect(importErrorText(error, i18n.getFixedT('fr'))).toBe(
      'schedule : « 2024-01-01 10:00 » est dans le passé',
    );
  });
});

describe('toBase64', () => {
  it('encodes bytes as Node does, also past one slice', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
