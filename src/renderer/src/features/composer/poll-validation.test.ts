import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Poll } from '../../../../shared/domain';
import { pollSchema } from '../../../../shared/schemas';
import { isPollValid, pollReadiness, removeOption, validatePoll } from './poll-validation';

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

describe('pollReadiness', () => {
  it('says a complete poll is ready and lists nothing to do', () => {
    expect(pollReadiness(poll())).toEqual({ ready: true, fixes: [], emptyOptions: [] });
  });

  it('lists what an unfinished poll still needs, naming the empty options', () => {
    const r = pollReadiness(poll({ question: ' ', options: ['Elementare', '', ' '] }));
    expect(r.ready).toBe(false);
    expect(r.fixes).toEqual(['question', 'emptyOptions']);
    expect(r.emptyOptions).toEqual([2, 3]);
    expect(pollReadiness(poll({ options: ['only'] })).fixes).toEqual(['tooFewOptions']);
    expect(pollReadiness(poll({ options: [] })).fixes).toEqual(['tooFewOptions']);
    expect(pollReadiness(poll({ options: ['A', 'A'] })).fixes).toEqual(['duplicateOptions']);
    expect(
      pollReadiness(poll({ quizCorrectOption: 0, multipleAnswers: true, options: ['A', 'B'] }))
        .fixes,
    ).toEqual(['quizSingle']);
  });

  it('agrees with the engine’s schema on every poll (seeded)', () => {
    // Short texts from a tiny alphabet make empty, blank, duplicate and over-long options common.
    const text = (max: number) =>
      fc.oneof(
        fc.stringMatching(/^[ ab]{0,4}$/),
        fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), ` ${'x'.repeat(max)} `),
      );
    const polls = fc.record({
      question: text(300),
      options: fc.array(text(100), { maxLength: 14 }),
      multipleAnswers: fc.boolean(),
      quizCorrectOption: fc.option(fc.integer({ min: -1, max: 14 }), { nil: null }),
    });
    fc.assert(
      fc.property(polls, (p) => {
        const r = pollReadiness(p);
        expect(r.ready).toBe(pollSchema.safeParse(p).success);
        expect(r.ready).toBe(isPollValid(validatePoll(p)));
        expect(r.ready ? r.fixes.length === 0 : !r.fixes.includes('other')).toBe(true);
      }),
      { seed: 20251121, numRuns: 2000 },
    );
  });
});
