import { describe, expect, it } from 'vitest';
import { insertMention, matchMembers, mentionQueryAt, mentionedIds } from './mention-text';

const olga = { id: 'u1', name: 'Olga Owner' };
const jose = { id: 'u2', name: 'José Ortega' };
const eddie = { id: 'u3', name: 'Eddie Editor' };

describe('mentionQueryAt', () => {
  it('finds an @ at the start or after a space, up to the caret', () => {
    expect(mentionQueryAt('@ol', 3)).toEqual({ start: 0, query: 'ol' });
    expect(mentionQueryAt('Ask @Olga O', 11)).toEqual({ start: 4, query: 'Olga O' });
    expect(mentionQueryAt('Ask @', 5)).toEqual({ start: 4, query: '' });
    // The caret decides: text after it is not part of the query.
    expect(mentionQueryAt('Ask @Olga today', 7)).toEqual({ start: 4, query: 'Ol' });
  });

  it('ignores e-mail addresses, finished lines and no @ at all', () => {
    expect(mentionQueryAt('write to a@b.org', 16)).toBeNull();
    expect(mentionQueryAt('@olga\nnext', 10)).toBeNull();
    expect(mentionQueryAt('@ olga', 6)).toBeNull();
    expect(mentionQueryAt('plain text', 10)).toBeNull();
    expect(mentionQueryAt(`@${'x'.repeat(41)}`, 42)).toBeNull();
  });
});

describe('matchMembers', () => {
  it('matches the start of any word, without case or accents', () => {
    const all = [olga, jose, eddie];
    expect(matchMembers(all, 'o')).toEqual([olga, jose]);
    expect(matchMembers(all, 'JOSE')).toEqual([jose]);
    expect(matchMembers(all, 'edi')).toEqual([eddie]);
    expect(matchMembers(all, '')).toEqual(all);
    expect(matchMembers(all, 'zz')).toEqual([]);
    expect(matchMembers(all, '', 2)).toEqual([olga, jose]);
  });
});

describe('insertMention', () => {
  it('replaces the typed query with the name and a space, keeping what follows', () => {
    const text = 'Ask @ol about it';
    const m = mentionQueryAt(text, 7)!;
    expect(insertMention(text, m, 7, 'Olga Owner')).toEqual({
      text: 'Ask @Olga Owner about it',
      caret: 16,
    });
    expect(insertMention('@', { start: 0, query: '' }, 1, 'Eddie Editor')).toEqual({
      text: '@Eddie Editor ',
      caret: 14,
    });
  });
});

describe('mentionedIds', () => {
  it('keeps only colleagues still named in the text, once each', () => {
    expect(mentionedIds('@Olga Owner and @José Ortega', [olga, jose, olga])).toEqual(['u1', 'u2']);
    expect(mentionedIds('Olga Owner, no at sign', [olga])).toEqual([]);
    expect(mentionedIds('@José Ortega only', [olga, jose])).toEqual(['u2']);
  });
});
