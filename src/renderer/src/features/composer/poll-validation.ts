// The poll rules of the engine's schema, checked as the editor types. Every keystroke is saved, so
// these rules only say whether the poll is ready to publish and what is still missing.
import type { Poll } from '../../../../shared/domain';
import { pollSchema } from '../../../../shared/schemas';

export const POLL_MIN_OPTIONS = 2;
export const POLL_MAX_OPTIONS = 12;
const QUESTION_MAX_CHARS = 300;
const OPTION_MAX_CHARS = 100;

export type PollProblem =
  | 'questionEmpty'
  | 'questionLong'
  | 'optionEmpty'
  | 'optionLong'
  | 'optionDuplicate'
  | 'tooFewOptions'
  | 'tooManyOptions'
  | 'quizOption'
  | 'quizSingle';

export interface PollProblems {
  question?: PollProblem;
  /** Per option index. */
  options: Record<number, PollProblem>;
  /** About the option list or the answer settings as a whole. */
  general: PollProblem[];
}

/** Every rule a poll breaks; empty when the engine will accept it. */
export function validatePoll(poll: Poll): PollProblems {
  const out: PollProblems = { options: {}, general: [] };
  const question = poll.question.trim();
  if (!question) out.question = 'questionEmpty';
  else if (question.length > QUESTION_MAX_CHARS) out.question = 'questionLong';
  const seen = new Map<string, number>();
  poll.options.forEach((raw, i) => {
    const option = raw.trim();
    if (!option) out.options[i] = 'optionEmpty';
    else if (option.length > OPTION_MAX_CHARS) out.options[i] = 'optionLong';
    else if (seen.has(option)) out.options[i] = 'optionDuplicate';
    else seen.set(option, i);
  });
  if (poll.options.length < POLL_MIN_OPTIONS) out.general.push('tooFewOptions');
  if (poll.options.length > POLL_MAX_OPTIONS) out.general.push('tooManyOptions');
  if (poll.quizCorrectOption !== null) {
    if (poll.quizCorrectOption < 0 || poll.quizCorrectOption >= poll.options.length)
      out.general.push('quizOption');
    if (poll.multipleAnswers) out.general.push('quizSingle');
  }
  return out;
}

/** True when `validatePoll` found nothing. */
export function isPollValid(p: PollProblems): boolean {
  return !p.question && Object.keys(p.options).length === 0 && p.general.length === 0;
}

/** Removes option `index`, keeping the quiz answer on the same option (or clearing it). */
export function removeOption(poll: Poll, index: number): Poll {
  const options = poll.options.filter((_, i) => i !== index);
  let quiz = poll.quizCorrectOption;
  if (quiz !== null) {
    if (quiz === index) quiz = 0;
    else if (quiz > index) quiz -= 1;
  }
  return { ...poll, options, quizCorrectOption: quiz };
}

/** One thing to do before a poll can be published, in the order the note lists them. */
export type PollFix =
  | 'question'
  | 'questionLong'
  | 'emptyOptions'
  | 'longOptions'
  | 'duplicateOptions'
  | 'tooFewOptions'
  | 'tooManyOptions'
  | 'quizAnswer'
  | 'quizSingle'
  | 'other';

export interface PollReadiness {
  /** True when the engine will schedule a copy carrying this poll. */
  ready: boolean;
  fixes: PollFix[];
  /** 1-based numbers of the options still empty (for the 'emptyOptions' fix). */
  emptyOptions: number[];
}

/**
 * Whether a poll may be published, decided by the engine's own schema, and what is missing,
 * in words the editor can act on.
 */
export function pollReadiness(poll: Poll): PollReadiness {
  if (pollSchema.safeParse(poll).success) return { ready: true, fixes: [], emptyOptions: [] };
  const p = validatePoll(poll);
  const fixes: PollFix[] = [];
  if (p.question === 'questionEmpty') fixes.push('question');
  if (p.question === 'questionLong') fixes.push('questionLong');
  const byProblem = (kind: PollProblem) =>
    Object.entries(p.options)
      .filter(([, v]) => v === kind)
      .map(([i]) => Number(i) + 1)
      .sort((a, b) => a - b);
  const emptyOptions = byProblem('optionEmpty');
  if (emptyOptions.length > 0) fixes.push('emptyOptions');
  if (byProblem('optionLong').length > 0) fixes.push('longOptions');
  if (byProblem('optionDuplicate').length > 0) fixes.push('duplicateOptions');
  if (p.general.includes('tooFewOptions')) fixes.push('tooFewOptions');
  if (p.general.includes('tooManyOptions')) fixes.push('tooManyOptions');
  if (p.general.includes('quizOption')) fixes.push('quizAnswer');
  if (p.general.includes('quizSingle')) fixes.push('quizSingle');
  // Should the schema gain a rule this file does not know yet, still say the poll is not ready.
  if (fixes.length === 0) fixes.push('other');
  return { ready: false, fixes, emptyOptions };
}
