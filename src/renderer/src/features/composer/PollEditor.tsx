// Poll editor: question, up to 12 options, single or multiple answers, and a quiz answer where
// Telegram will carry it. Every keystroke is saved like the text; a note says what is still
// missing before the poll can be published.
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll } from '../../../../shared/domain';
import { intlTag, useLocale } from '../../i18n/use-locale';
import type { PollFix, PollProblem, PollReadiness } from './poll-validation';
import {
  POLL_MAX_OPTIONS,
  POLL_MIN_OPTIONS,
  pollReadiness,
  removeOption,
  validatePoll,
} from './poll-validation';

/** The words next to a field; empty fields are named in the readiness note instead. */
function fieldProblemText(p: PollProblem | undefined, t: TFunction): string | null {
  switch (p) {
    case 'questionLong':
      return t('poll.questionLong');
    case 'optionLong':
      return t('poll.optionLong');
    case 'optionDuplicate':
      return t('issues.pollOptionsDiffer');
    default:
      return null;
  }
}

function fixText(fix: PollFix, r: PollReadiness, t: TFunction, list: Intl.ListFormat): string {
  switch (fix) {
    case 'question':
      return t('poll.fixQuestion');
    case 'questionLong':
      return t('poll.fixQuestionLong');
    case 'emptyOptions':
      return t('poll.fixEmptyOptions', {
        count: r.emptyOptions.length,
        options: list.format(r.emptyOptions.map(String)),
      });
    case 'longOptions':
      return t('poll.fixLongOptions');
    case 'duplicateOptions':
      return t('poll.fixDuplicates');
    case 'tooFewOptions':
      return t('poll.fixTooFew');
    case 'tooManyOptions':
      return t('poll.fixTooMany');
    case 'quizAnswer':
      return t('poll.fixQuizAnswer');
    case 'quizSingle':
      return t('poll.fixQuizSingle');
    case 'other':
      return t('poll.fixOther');
  }
}

interface PollEditorProps {
  poll: Poll | null;
  /** Called on every change, finished or not (null when the poll is removed). */
  onChange: (poll: Poll | null) => void;
  /** Quizzes exist only on Telegram. */
  quizAllowed: boolean;
  /** Shown by the quiz option (the shared tab explains where a quiz goes). */
  quizNote?: string;
}

/** Edits the optional poll of a copy. */
export function PollEditor({ poll, onChange, quizAllowed, quizNote }: PollEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const base = useId();

  if (!poll) {
    return (
      <div className="poll-editor poll-empty">
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange({
              question: '',
              options: ['', ''],
              multipleAnswers: false,
              quizCorrectOption: null,
            })
          }
          data-testid="poll-add"
        >
          {t('poll.add')}
        </button>
      </div>
    );
  }

  const problems = validatePoll(poll);
  const readiness = pollReadiness(poll);
  const list = new Intl.ListFormat(intlTag(locale), { type: 'conjunction' });
  const fixes = list.format(readiness.fixes.map((f) => fixText(f, readiness, t, list)));
  const questionError = fieldProblemText(problems.question, t);
  const isQuiz = poll.quizCorrectOption !== null;
  return (
    <fieldset className="poll-editor" data-testid="poll-editor" aria-describedby={`${base}-state`}>
      <legend>{t('poll.title')}</legend>
      <div className="field">
        <label htmlFor={`${base}-q`}>{t('poll.question')}</label>
        <input
          id={`${base}-q`}
          value={poll.question}
          maxLength={300}
          onChange={(e) => onChange({ ...poll, question: e.target.value })}
          aria-invalid={questionError ? true : undefined}
          aria-describedby={questionError ? `${base}-q-err` : undefined}
          data-testid="poll-question"
        />
        {questionError ? (
          <p id={`${base}-q-err`} className="field-error">
            {questionError}
          </p>
        ) : null}
      </div>
      <ol className="poll-options">
        {poll.options.map((option, i) => {
          const err = fieldProblemText(problems.options[i], t);
          const errId = `${base}-o${i}-err`;
          return (
            <li key={i} className="poll-option">
              {isQuiz ? (
                <input
                  type="radio"
                  name={`${base}-correct`}
                  checked={poll.quizCorrectOption === i}
                  onChange={() => onChange({ ...poll, quizCorrectOption: i })}
                  aria-label={t('poll.correctAnswer', { n: i + 1 })}
                />
              ) : null}
              <input
                value={option}
                maxLength={100}
                aria-label={t('poll.option', { n: i + 1 })}
                aria-invalid={err ? true : undefined}
                aria-describedby={err ? errId : undefined}
                onChange={(e) =>
                  onChange({
                    ...poll,
                    options: poll.options.map((o, j) => (j === i ? e.target.value : o)),
                  })
                }
                data-testid="poll-option"
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('poll.removeOption', { n: i + 1 })}
                disabled={poll.options.length <= POLL_MIN_OPTIONS}
                onClick={() => onChange(removeOption(poll, i))}
              >
                ×
              </button>
              {err ? (
                <p id={errId} className="field-error">
                  {err}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-small"
        disabled={poll.options.length >= POLL_MAX_OPTIONS}
        onClick={() => onChange({ ...poll, options: [...poll.options, ''] })}
        data-testid="poll-add-option"
      >
        {t('poll.addOption')}
      </button>
      <div className="poll-settings">
        <label className="check">
          <input
            type="checkbox"
            checked={poll.multipleAnswers}
            disabled={isQuiz}
            onChange={(e) => onChange({ ...poll, multipleAnswers: e.target.checked })}
            data-testid="poll-multiple"
          />
          {t('poll.multiple')}
        </label>
        {quizAllowed || isQuiz ? (
          <label className="check">
            <input
              type="checkbox"
              checked={isQuiz}
              onChange={(e) =>
                onChange({
                  ...poll,
                  quizCorrectOption: e.target.checked ? 0 : null,
                  multipleAnswers: false,
                })
              }
              data-testid="poll-quiz"
            />
            {t('poll.quiz')}
          </label>
        ) : null}
      </div>
      {quizNote && (quizAllowed || isQuiz) ? <p className="hint">{quizNote}</p> : null}
      {isQuiz && !quizAllowed ? <p className="warning-text">{t('poll.quizNotHere')}</p> : null}
      <div className="poll-footer">
        <p
          id={`${base}-state`}
          className={readiness.ready ? 'muted small' : 'poll-not-ready'}
          data-testid="poll-state"
          data-ready={readiness.ready}
        >
          {readiness.ready ? t('poll.saved') : t('poll.notReady', { fixes })}
        </p>
        <button
          type="button"
          className="button button-small"
          onClick={() => onChange(null)}
          data-testid="poll-remove"
        >
          {t('poll.remove')}
        </button>
      </div>
    </fieldset>
  );
}
