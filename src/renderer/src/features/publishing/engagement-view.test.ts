import { describe, expect, it } from 'vitest';
import type { Engagement } from '../../../../shared/sync/protocol';
import {
  awaitingLine,
  formatCount,
  formatShare,
  hasNumbers,
  newerEngagement,
  pollResults,
  responseRate,
  sortedReactions,
  sourceLine,
  timeAgo,
  totalReactions,
  totalVotes,
} from './engagement-view';
import { tEn, tFr, tIt } from './test-i18n';

const AT = '2026-06-12T08:00:00.000Z';
const atMs = Date.parse(AT);
const engagement = (e: Partial<Engagement> = {}): Engagement => ({
  views: null,
  forwards: null,
  reactions: {},
  pollVotes: null,
  source: 'editor',
  at: AT,
  ...e,
});
const unnamed = (n: number) => `Option ${n}`;

describe('reactions', () => {
  it('sorts by count, most first, keeps the platform’s order for ties and drops zeros', () => {
    const chips = sortedReactions({ '😂': 3, '👍': 40, '❤️': 12, '🙏': 12, '😢': 0 });
    expect(chips).toEqual([
      { emoji: '👍', count: 40 },
      { emoji: '❤️', count: 12 },
      { emoji: '🙏', count: 12 },
      { emoji: '😂', count: 3 },
    ]);
    expect(totalReactions({ '😂': 3, '👍': 40, '❤️': 12 })).toBe(55);
    expect(totalReactions({})).toBe(0);
  });
});

describe('pollResults', () => {
  it('gives each option its votes and share of all votes, and marks the leader', () => {
    const results = pollResults(['Yes', 'No', 'Maybe'], [30, 10, 0], unnamed);
    expect(results.map((r) => [r.option, r.votes, r.share, r.leading])).toEqual([
      ['Yes', 30, 0.75, true],
      ['No', 10, 0.25, false],
      ['Maybe', 0, 0, false],
    ]);
    expect(totalVotes([30, 10, 0])).toBe(40);
  });

  it('shares nothing and leads nobody before the first vote; ties lead together', () => {
    expect(pollResults(['A', 'B'], [0, 0], unnamed).map((r) => [r.share, r.leading])).toEqual([
      [0, false],
      [0, false],
    ]);
    expect(pollResults(['A', 'B'], [5, 5], unnamed).map((r) => r.leading)).toEqual([true, true]);
  });

  it('copes with counts that do not match the options (the poll changed after the vote)', () => {
    expect(pollResults(['A', 'B', 'C'], [4], unnamed).map((r) => r.votes)).toEqual([4, 0, 0]);
    expect(pollResults(['A'], [1, 3], unnamed).map((r) => r.option)).toEqual(['A', 'Option 2']);
  });
});

describe('responseRate', () => {
  it('is reactions plus votes over views', () => {
    const e = engagement({ views: 1000, reactions: { '👍': 30, '❤️': 12 }, pollVotes: [5, 3] });
    expect(responseRate(e)).toBeCloseTo(0.05);
  });

  it('is unknown without views, or with none', () => {
    expect(responseRate(engagement({ reactions: { '👍': 30 } }))).toBeNull();
    expect(responseRate(engagement({ views: 0, reactions: { '👍': 30 } }))).toBeNull();
  });

  it('reads as a percentage in each language', () => {
    // French puts a no-break space (narrow or not, by ICU version) before % and between thousands.
    const spaced = (s: string) => s.replace(/\s/g, ' ');
    expect(formatShare(0.0425, 'en')).toBe('4.3%');
    expect(formatShare(0.0425, 'it')).toBe('4,3%');
    expect(spaced(formatShare(0.0425, 'fr'))).toBe('4,3 %');
    expect(formatShare(0.75, 'en', 0)).toBe('75%');
    expect(formatCount(12480, 'en')).toBe('12,480');
    expect(spaced(formatCount(12480, 'fr'))).toBe('12 480');
  });
});

describe('hasNumbers and newerEngagement', () => {
  it('calls an engagement empty until it holds a view, forward, reaction or vote count', () => {
    expect(hasNumbers(null)).toBe(false);
    expect(hasNumbers(undefined)).toBe(false);
    expect(hasNumbers(engagement())).toBe(false);
    expect(hasNumbers(engagement({ reactions: { '👍': 0 } }))).toBe(false);
    expect(hasNumbers(engagement({ views: 0 }))).toBe(true);
    expect(hasNumbers(engagement({ forwards: 2 }))).toBe(true);
    expect(hasNumbers(engagement({ reactions: { '👍': 1 } }))).toBe(true);
    expect(hasNumbers(engagement({ pollVotes: [0, 0] }))).toBe(true);
  });

  it('keeps the later reading of two', () => {
    const older = engagement({ views: 10 });
    const newer = engagement({ views: 20, at: '2026-06-12T08:05:00.000Z' });
    expect(newerEngagement(older, newer)).toBe(newer);
    expect(newerEngagement(newer, older)).toBe(newer);
    expect(newerEngagement(null, older)).toBe(older);
    expect(newerEngagement(older, undefined)).toBe(older);
    expect(newerEngagement(null, null)).toBeNull();
  });
});

describe('words', () => {
  it('says how long ago in each language', () => {
    expect(timeAgo(AT, atMs + 20_000, 'en', 'just now')).toBe('just now');
    expect(timeAgo(AT, atMs - 5_000, 'en', 'just now')).toBe('just now');
    expect(timeAgo(AT, atMs + 5 * 60_000 + 59_000, 'en', 'x')).toBe('5 minutes ago');
    expect(timeAgo(AT, atMs + 3 * 3_600_000, 'it', 'x')).toBe('3 ore fa');
    expect(timeAgo(AT, atMs + 26 * 3_600_000, 'fr', 'x')).toBe('hier');
  });

  it('names where the numbers came from', () => {
    const now = atMs + 2 * 60_000;
    expect(sourceLine(engagement({ source: 'telegram' }), now, 'en', tEn)).toBe(
      'From Telegram, 2 minutes ago',
    );
    expect(sourceLine(engagement({ source: 'webhook' }), now, 'en', tEn)).toBe(
      'From the receiver, 2 minutes ago',
    );
    expect(sourceLine(engagement({ source: 'editor' }), atMs, 'en', tEn)).toBe(
      'Typed in by an editor, just now',
    );
    expect(sourceLine(engagement({ source: 'editor' }), now, 'fr', tFr)).toBe(
      'Chiffres saisis par un rédacteur, il y a 2 minutes',
    );
  });

  it('says where numbers will come from on each platform', () => {
    expect(awaitingLine('telegram', tEn)).toMatch(/arrive here by themselves/);
    expect(awaitingLine('webhook', tEn)).toMatch(/receiving system sends its statistics/);
    expect(awaitingLine('whatsapp', tEn)).toMatch(/Enter counts/);
    expect(awaitingLine('whatsapp', tIt)).toMatch(/Inserisci i conteggi/);
    expect(awaitingLine('feed', tFr)).toMatch(/lecteurs de flux/);
  });

  it('counts views in the plural forms of each language', () => {
    expect(tEn('engagement.views', { count: 1, n: '1' })).toBe('1 view');
    expect(tEn('engagement.views', { count: 12480, n: formatCount(12480, 'en') })).toBe(
      '12,480 views',
    );
    expect(tIt('engagement.views', { count: 1_000_000, n: '1.000.000' })).toBe(
      '1.000.000 di visualizzazioni',
    );
    expect(tFr('engagement.views', { count: 0, n: '0' })).toBe('0 vue');
  });
});
