import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import it_ from '../../i18n/it.json';
import { MAX_VALUE_CHARS, entrySummary, fieldList, outcomeLabel, valueText } from './history-words';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, it: { translation: it_ } },
  lng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
const t = i18n.t;

describe('fieldList', () => {
  it('names each field once, in the editor’s words, and unknown ones as sent', () => {
    expect(fieldList(['schedule', 'status', 'text', 'shared', 'flavour'], t)).toBe(
      'schedule, text, shared text, flavour',
    );
    expect(fieldList(['attachments', 'poll'], i18n.getFixedT('it'))).toBe('allegati, sondaggio');
  });
});

describe('entrySummary', () => {
  it('says a record was created or brought to the hub instead of listing every field', () => {
    const all = ['customized', 'schedule', 'deletedAt', 'text', 'conflict'];
    expect(entrySummary({ mutation: 'createStory', fields: all }, t)).toBe('Created');
    expect(entrySummary({ mutation: 'import', fields: all }, t)).toBe(
      'Brought to the hub from a desk’s local work',
    );
  });

  it('lists the fields of an ordinary change, and says nothing when none changed', () => {
    expect(entrySummary({ mutation: 'scheduleCopy', fields: ['schedule', 'status'] }, t)).toBe(
      'Changed: schedule',
    );
    expect(entrySummary({ mutation: 'editCopy', fields: [] }, t)).toBeNull();
  });

  it('names the queue move that changed a copy’s time', () => {
    expect(entrySummary({ mutation: 'breakingNews', fields: ['schedule'] }, t)).toBe(
      'Breaking news — changed: schedule',
    );
    expect(
      entrySummary({ mutation: 'breakingNews', fields: ['schedule'] }, i18n.getFixedT('it')),
    ).toBe('Ultim’ora — modificato: programmazione');
    expect(entrySummary({ mutation: 'shareNext', fields: ['schedule', 'status'] }, t)).toBe(
      'Shared next — changed: schedule',
    );
  });
});

describe('outcomeLabel', () => {
  it('says how the hub took each change', () => {
    expect(
      ['applied', 'merged', 'conflict', 'refused'].map((o) => outcomeLabel(o as never, t)),
    ).toEqual(['Applied', 'Merged', 'Conflict', 'Refused']);
  });
});

describe('valueText', () => {
  it('shows texts as written and schedules as times in the zone', () => {
    expect(valueText('Road closed\nuntil 6', 'Europe/Rome', 'en', t)).toBe('Road closed\nuntil 6');
    expect(
      valueText(
        { kind: 'at', at: '2026-06-12T08:00:00.000Z', mode: 'exact' },
        'Europe/Rome',
        'en',
        t,
      ),
    ).toBe('Fri 12 Jun 2026, 10:00 CEST');
    expect(valueText({ kind: 'none' }, 'Europe/Rome', 'en', t)).toBe('(not scheduled)');
  });

  it('marks empty values and shows other values as JSON', () => {
    expect(valueText(null, 'UTC', 'en', t)).toBe('(empty)');
    expect(valueText('', 'UTC', 'en', t)).toBe('(empty)');
    expect(valueText(true, 'UTC', 'en', t)).toBe('true');
    expect(valueText({ question: 'Q?' }, 'UTC', 'en', t)).toBe('{\n  "question": "Q?"\n}');
  });

  it('cuts a very long value with an ellipsis', () => {
    const long = 'x'.repeat(MAX_VALUE_CHARS + 10);
    const shown = valueText(long, 'UTC', 'en', t);
    expect(shown).toHaveLength(MAX_VALUE_CHARS + 1);
    expect(shown.endsWith('…')).toBe(true);
  });
});
