import { describe, expect, it } from 'vitest';
import type { Engagement } from '../../../../shared/sync/protocol';
import { engagementCountsSchema } from '../../../../shared/sync/protocol';
import type { EngagementFormState } from './engagement-form';
import {
  MAX_COUNT,
  countsToSend,
  initialForm,
  parseCount,
  parseForm,
  problemText,
  reactionRow,
} from './engagement-form';
import { tEn, tIt } from './test-i18n';

const engagement = (e: Partial<Engagement> = {}): Engagement => ({
  views: null,
  forwards: null,
  reactions: {},
  pollVotes: null,
  source: 'editor',
  at: '2026-06-12T08:00:00.000Z',
  ...e,
});
const form = (f: Partial<EngagementFormState> = {}): EngagementFormState => ({
  views: '',
  reactions: [],
  pollVotes: [],
  ...f,
});

describe('parseCount', () => {
  it('reads whole numbers, with or without thousands separators', () => {
    expect(parseCount('0')).toBe(0);
    expect(parseCount(' 1250 ')).toBe(1250);
    expect(parseCount('12,480')).toBe(12480);
    expect(parseCount('12.480')).toBe(12480);
    expect(parseCount('1 234 567')).toBe(1234567);
    expect(parseCount('12\u202f480')).toBe(12480);
    expect(parseCount("12'480")).toBe(12480);
    expect(parseCount(String(MAX_COUNT))).toBe(MAX_COUNT);
  });

  it('leaves an empty field empty and refuses anything that is not a whole count', () => {
    expect(parseCount('   ')).toBeNull();
    for (const text of ['-3', '1.5', '12,48', '1e3', '12k', 'ten', '0x10', '1,2345']) {
      expect(parseCount(text), text).toBe('notWhole');
    }
    expect(parseCount(String(MAX_COUNT + 1))).toBe('tooLarge');
  });
});

describe('initialForm', () => {
  it('starts from the copy’s numbers, reactions most first, one vote field per poll option', () => {
    const f = initialForm(
      engagement({ views: 900, reactions: { '👍': 4, '😢': 0, '❤️': 9 }, pollVotes: [3] }),
      2,
    );
    expect(f.views).toBe('900');
    expect(f.reactions.map((r) => [r.emoji, r.count])).toEqual([
      ['❤️', '9'],
      ['👍', '4'],
    ]);
    expect(f.pollVotes).toEqual(['3', '']);
    expect(initialForm(null, 0)).toEqual({ views: '', reactions: [], pollVotes: [] });
  });
});

describe('parseForm', () => {
  it('turns a filled form into counts the hub accepts', () => {
    const parsed = parseForm(
      form({
        views: '1,200',
        reactions: [reactionRow('👍', '40'), reactionRow('', ''), reactionRow(' ❤️ ', '12')],
        pollVotes: ['7', '0'],
      }),
    );
    expect(parsed).toEqual({
      ok: true,
      counts: { views: 1200, reactions: { '👍': 40, '❤️': 12 }, pollVotes: [7, 0] },
    });
    if (parsed.ok) expect(engagementCountsSchema.safeParse(parsed.counts).success).toBe(true);
  });

  it('sends no votes for a copy without a poll, and null for votes left all empty', () => {
    expect(parseForm(form({ views: '5' }))).toEqual({
      ok: true,
      counts: { views: 5, reactions: {} },
    });
    expect(parseForm(form({ views: '5', pollVotes: ['', ''] }))).toEqual({
      ok: true,
      counts: { views: 5, reactions: {}, pollVotes: null },
    });
  });

  it('names each field that cannot be sent', () => {
    const a = reactionRow('👍', '');
    const b = reactionRow('', '3');
    const c = reactionRow('❤', '2');
    const d = reactionRow('❤️', 'x');
    const e = reactionRow('x'.repeat(33), '1');
    const parsed = parseForm(
      form({ views: '1.5', reactions: [a, b, c, d, e], pollVotes: ['4', '', '-1'] }),
    );
    expect(parsed).toEqual({
      ok: false,
      problems: {
        views: 'notWhole',
        [`reaction.${a.key}.count`]: 'countMissing',
        [`reaction.${b.key}.emoji`]: 'emojiMissing',
        [`reaction.${d.key}.emoji`]: 'emojiTwice',
        [`reaction.${d.key}.count`]: 'notWhole',
        [`reaction.${e.key}.emoji`]: 'emojiLong',
        'poll.1': 'voteMissing',
        'poll.2': 'notWhole',
      },
    });
  });

  it('refuses an empty form', () => {
    expect(parseForm(form({ reactions: [reactionRow()], pollVotes: ['', ''] }))).toEqual({
      ok: false,
      problems: { form: 'nothing' },
    });
  });

  it('has words for every problem', () => {
    expect(problemText('notWhole', tEn)).toBe('Type a whole number, such as 1250.');
    expect(problemText('emojiLong', tEn)).toMatch(/at most 32 characters/);
    expect(problemText('voteMissing', tIt)).toBe(
      'Scrivi un conteggio per ogni opzione (0 se nessuno).',
    );
  });
});

describe('countsToSend', () => {
  const current = engagement({
    views: 100,
    reactions: { '👍': 4, '😢': 0 },
    pollVotes: [1, 2],
    source: 'telegram',
  });

  it('sends only what changed, so numbers arriving by themselves are not overwritten', () => {
    expect(
      countsToSend({ views: 250, reactions: { '👍': 4 }, pollVotes: [1, 2] }, current),
    ).toEqual({ views: 250 });
    expect(
      countsToSend({ views: 100, reactions: { '👍': 4, '❤️': 1 }, pollVotes: [1, 3] }, current),
    ).toEqual({ reactions: { '👍': 4, '❤️': 1 }, pollVotes: [1, 3] });
    expect(countsToSend({ views: null, reactions: { '👍': 4 } }, current)).toEqual({
      views: null,
    });
  });

  it('sends everything when nothing changed: the editor confirms the same numbers', () => {
    const same = { views: 100, reactions: { '👍': 4 }, pollVotes: [1, 2] };
    expect(countsToSend(same, current)).toEqual(same);
  });

  it('sends everything typed for a copy with no numbers yet', () => {
    expect(countsToSend({ views: 7, reactions: {} }, null)).toEqual({ views: 7 });
  });
});
