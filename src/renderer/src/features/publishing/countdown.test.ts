import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../../../shared/sync/protocol';
import { countdowns, remainingWords } from './countdown';
import { tEn, tFr, tIt } from './test-i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PUBLISHED_AT = Date.parse('2026-06-12T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A copy published at PUBLISHED_AT with the hub's windows for its platform. */
const published = (windows: Partial<Delivery>): Delivery => ({
  state: 'published',
  at: iso(PUBLISHED_AT),
  publishedAt: iso(PUBLISHED_AT),
  url: null,
  reason: null,
  attempts: 1,
  editableUntil: null,
  deletableUntil: null,
  retainedUntil: null,
  corrections: 0,
  task: null,
  ...windows,
});
const whatsapp = published({
  editableUntil: iso(PUBLISHED_AT + 30 * DAY),
  deletableUntil: iso(PUBLISHED_AT + 30 * DAY),
  retainedUntil: iso(PUBLISHED_AT + 30 * DAY),
});
const telegram = published({ deletableUntil: iso(PUBLISHED_AT + 48 * HOUR) });

describe('remainingWords', () => {
  it('rounds down: days and hours far off, hours under two days, then minutes', () => {
    expect(remainingWords(30 * DAY - 1, tEn)).toBe('29 d 23 h');
    expect(remainingWords(3 * DAY, tEn)).toBe('3 d');
    expect(remainingWords(48 * HOUR - 1, tEn)).toBe('47 h');
    expect(remainingWords(HOUR, tEn)).toBe('1 h');
    expect(remainingWords(59 * MINUTE + 59_000, tEn)).toBe('59 min');
    expect(remainingWords(59_000, tEn)).toBe('less than a minute');
  });

  it('drops the hours from far-off dates when asked, and speaks each language', () => {
    expect(remainingWords(30 * DAY - 1, tEn, true)).toBe('29 d');
    expect(remainingWords(47 * HOUR, tEn, true)).toBe('47 h');
    expect(remainingWords(30 * DAY - 1, tIt)).toBe('29 g 23 h');
    expect(remainingWords(30 * DAY - 1, tFr)).toBe('29 j 23 h');
  });
});

describe('countdowns', () => {
  it('counts a WhatsApp post’s edit, delete and retention windows from publication', () => {
    const now = PUBLISHED_AT + 1000;
    expect(countdowns(whatsapp, 'whatsapp', now, tEn).map((c) => c.text)).toEqual([
      'Can be edited for 29 d 23 h',
      'Can be deleted for 29 d 23 h',
      'Leaves WhatsApp in 29 d',
    ]);
  });

  it('says when each window has closed, and that the archive keeps what WhatsApp forgot', () => {
    const now = PUBLISHED_AT + 30 * DAY;
    const shown = countdowns(whatsapp, 'whatsapp', now, tEn);
    expect(shown.map((c) => [c.kind, c.text, c.expired])).toEqual([
      ['edit', 'Can no longer be edited', true],
      ['delete', 'Can no longer be deleted', true],
      ['retain', 'Expired on WhatsApp — kept in the archive', true],
    ]);
  });

  it('shows only Telegram’s 48-hour delete window (bots edit channel posts at any time)', () => {
    const now = PUBLISHED_AT + 30 * MINUTE;
    expect(countdowns(telegram, 'telegram', now, tEn)).toEqual([
      { kind: 'delete', text: 'Can be deleted for 47 h', expired: false },
    ]);
    expect(countdowns(telegram, 'telegram', now, tIt)[0]!.text).toBe('Eliminabile ancora per 47 h');
  });

  it('counts nothing for a copy that is not on the platform', () => {
    for (const state of ['publishing', 'failed', 'due', 'withdrawn'] as const) {
      expect(countdowns({ ...whatsapp, state }, 'whatsapp', PUBLISHED_AT, tEn)).toEqual([]);
    }
  });

  it('names the platform generically where retention is not WhatsApp’s', () => {
    const kept = published({ retainedUntil: iso(PUBLISHED_AT + 3 * DAY) });
    expect(countdowns(kept, 'webhook', PUBLISHED_AT, tEn)[0]!.text).toBe(
      'Leaves the platform in 3 d',
    );
  });
});
