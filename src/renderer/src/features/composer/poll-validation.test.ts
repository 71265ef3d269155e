import { describe, expect, it } from 'vitest';
import type { Poll } from '../../../../shared/domain';
import { isPollValid, removeOption, validatePoll } from './poll-validation';

const poll = (p: Partial<Poll> = {}): Poll => ({
  question: 'Which line?',
  options: ['A', 'B'],
  multipleAnswers: false,
  quizCorrectOption: null,
  ...p,
});

describe('validatePoll', () => {
  it('accepts a complete poll and a complete quiz', () => {
    expect(isPollValid(validatePoll(poll()))).toBe(true);
    expect(isPollValid(validatePoll(poll({ quizCorrectOption: 1 })))).toBe(true);
  });

  it('names the question, each bad option and the list-wide problems', () => {
    const p = validatePoll(poll({ question: '  ', options: ['A', ' ', 'A ', 'x'.repeat(101)] }));
    expect(p.question).toBe('questionEmpty');
    expect(p.options).toEqual({ 1: 'optionEmpty', 2: 'optionDuplicate', 3: 'optionLong' });
    expect(isPollValid(p)).toBe(false);
    expect(validatePoll(poll({ options: ['only'] })).general).toEqual(['tooFewOptions']);
    expect(
      validatePoll(poll({ options: Array.from({ length: 13 }, (_, i) => `o${i}`) })).general,
    ).toEqual(['tooManyOptions']);
  });

  it('refuses a quiz with several answers or an answer outside the options', () => {
    expect(validatePoll(poll({ quizCorrectOption: 0, multipleAnswers: true })).general).toEqual([
      'quizSingle',
    ]);
    expect(validatePoll(poll({ quizCorrectOption: 2 })).general).toEqual(['quizOption']);
  });
});

describe('removeOption', () => {
  it('keeps the quiz answer on the same option text', () => {
    const after = removeOption(poll({ options: ['A', 'B', 'C'], quizCorrectOption: 2 }), 0);
    expect(after.options).toEqual(['B', 'C']);
    expect(after.options[after.quizCorrectOption!]).toBe('C');
    expect(
      removeOption(poll({ options: ['A', 'B', 'C'], quizCorrectOption: 1 }), 1).quizCorrectOption,
    ).toBe(0);
  });
});
