import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import it_ from '../../i18n/it.json';
import { auditFiltersOf, exportFileName } from './audit-filters';
import { actionText, whoText } from './audit-words';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, it: { translation: it_ }, fr: { translation: fr } },
  lng: 'en',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
const t = i18n.t;

describe('actionText', () => {
  it('puts the desk’s and the hub’s mutations in words, in every language', () => {
    expect(actionText({ action: 'approveStory', fields: ['review'] }, t)).toBe(
      'Approved the story',
    );
    expect(actionText({ action: 'hub:published', fields: ['delivery'] }, t)).toBe('Published');
    expect(actionText({ action: 'hub:engagement-webhook', fields: [] }, t)).toBe(
      'Engagement counts updated',
    );
    expect(actionText({ action: 'hub:mystery', fields: [] }, t)).toBe('Hub: mystery');
    expect(actionText({ action: 'scheduleCopy', fields: [] }, i18n.getFixedT('it'))).toBe(
      'Ha programmato la copia',
    );
    expect(actionText({ action: 'requestChanges', fields: [] }, i18n.getFixedT('fr'))).toBe(
      'A demandé des modifications',
    );
  });

  it('falls back to the fields an unknown mutation set, then to its name', () => {
    expect(actionText({ action: 'somethingNew', fields: ['text', 'schedule'] }, t)).toBe(
      'Changed: text, schedule',
    );
    expect(actionText({ action: 'somethingNew', fields: [] }, t)).toBe('somethingNew');
  });
});

describe('whoText', () => {
  it('names members as the hub does, and the hub and departed members in the interface language', () => {
    const fr_ = i18n.getFixedT('fr');
    expect(whoText({ who: { id: 'u1', name: 'Olga' }, action: 'hub:confirmed' }, t)).toBe('Olga');
    expect(whoText({ who: { id: '', name: 'the hub' }, action: 'hub:published' }, fr_)).toBe(
      'Le hub',
    );
    expect(whoText({ who: { id: '', name: 'a former member' }, action: 'editCopy' }, fr_)).toBe(
      'Un ancien membre',
    );
  });
});

describe('auditFiltersOf', () => {
  it('turns whole days in the editor’s zone into instants, the end day included', () => {
    expect(
      auditFiltersOf(
        { channelId: '', storyId: null, fromDate: '2031-03-29', toDate: '2031-03-30' },
        'Europe/Rome',
      ),
    ).toEqual({
      channelId: null,
      storyId: null,
      from: '2031-03-28T23:00:00.000Z',
      // Summer time starts on the 30th in Rome: the day after ends at 22:00 UTC.
      to: '2031-03-30T22:00:00.000Z',
    });
    expect(
      auditFiltersOf({ channelId: 'chan-1', storyId: 'story-1', fromDate: '', toDate: '' }, 'UTC'),
    ).toEqual({ channelId: 'chan-1', storyId: 'story-1', from: null, to: null });
  });

  it('finds nothing to ask when the end comes before the start', () => {
    const fields = { channelId: '', storyId: null, fromDate: '2031-03-02', toDate: '2031-03-01' };
    expect(auditFiltersOf(fields, 'UTC')).toBeNull();
    expect(auditFiltersOf({ ...fields, toDate: '2031-03-02' }, 'UTC')).not.toBeNull();
  });

  it('names exports by day', () => {
    expect(exportFileName(new Date('2031-03-02T23:59:00Z'))).toBe(
      'channel-desk-audit-2031-03-02.csv',
    );
  });
});
