// Poll editor: question, 2–12 options, single or multiple answers, and a quiz answer where Telegram will carry it.
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Poll } from '../../../../shared/domain';
import type { PollProblem } from './poll-validation';
import {
  POLL_MAX_OPTIONS,
  POLL_MIN_OPTIONS,
  isPollValid,
  removeOption,
  validatePoll,
} from './poll-validation';

function problemText(p: PollProblem, t: TFunction): string {
  switch (p) {
    case 'questionEmpty':
      return t('issues.pollQuestion');
    case 'questionLong':
      return t('poll.questionLong');
    case 'optionEmpty':
      return t('issues.pollOptionEmpty');
    case 'optionLong':
      return t('poll.optionLong');
    case 'optionDuplicate':
      return t('issues.pollOptionsDiffer');
    case 'tooFewOptions':
      return t('poll.tooFew');
    case 'tooManyOptions':
      return t('poll.tooMany');
    case 'quizOption':
      return t('issues.quizOption');
    case 'quizSingle':
      return t('issues.quizSingle');
  }
}

interface PollEditorProps {
  poll: Poll | null;
  /** Called with each valid poll (and null when removed); incomplete polls stay here. */
  onChange: (poll: Poll | null) => void;
  /** Quizzes exist only on Telegram. */
  quizAllowed: boolean;
  /** Shown by the quiz option (the shared tab explains where a quiz goes). */
  quizNote?: string;
}

/** Edits the optional poll of a copy. */
export function PollEditor({ poll, onChange, quizAllowed, quizNote }: PollEditorProps) {
  const { t } = useTranslation();
  // An incomplete poll lives here until it is valid; otherwise the editor shows the copy's poll,
  // which may change underneath (the shared poll reaching a copy that follows it).
  const [incomplete, setIncomplete] = useState<Poll | null>(null);
  const draft = incomplete ?? poll;
  const base = useId();

  const update = (next: Poll | null) => {
    if (next !== null && !isPollValid(validatePoll(next))) {
      setIncomplete(next);
      return;
    }
    setIncomplete(null);
    onChange(next);
  };

  if (!draft) {
    return (
      <div className="poll-editor poll-empty">
        <button
          type="button"
          className="button"
          onClick={() =>
            update({
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

  const problems = validatePoll(draft);
  const valid = isPollValid(problems);
  const isQuiz = draft.quizCorrectOption !== null;
  return (
    <fieldset className="poll-editor" data-testid="poll-editor">
      <legend>{t('poll.title')}</legend>
      <div className="field">
        <label htmlFor={`${base}-q`}>{t('poll.question')}</label>
        <input
          id={`${base}-q`}
          value={draft.question}
          maxLength={300}
          onChange={(e) => update({ ...draft, question: e.target.value })}
          aria-invalid={problems.question ? true : undefined}
          aria-describedby={problems.question ? `${base}-q-err` : undefined}
          data-testid="poll-question"
        />
        {problems.question ? (
          <p id={`${base}-q-err`} className="field-error">
            {problemText(problems.question, t)}
          </p>
        ) : null}
      </div>
      <ol className="poll-options">
        {draft.options.map((option, i) => {
          const err = problems.options[i];
          return (
            <li key={i} className="poll-option">
              {isQuiz ? (
                <input
                  type="radio"
                  name={`${base}-correct`}
                  checked={draft.quizCorrectOption === i}
                  onChange={() => update({ ...draft, quizCorrectOption: i })}
                  aria-label={t('poll.correctAnswer', { n: i + 1 })}
                />
              ) : null}
              <input
                value={option}
                maxLength={100}
                aria-label={t('poll.option', { n: i + 1 })}
                aria-invalid={err ? true : undefined}
                onChange={(e) =>
                  update({
                    ...draft,
                    options: draft.options.map((o, j) => (j === i ? e.target.value : o)),
                  })
                }
                data-testid="poll-option"
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('poll.removeOption', { n: i + 1 })}
                disabled={draft.options.length <= POLL_MIN_OPTIONS}
                onClick={() => update(removeOption(draft, i))}
              >
                ×
              </button>
              {err ? <p className="field-error">{problemText(err, t)}</p> : null}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-small"
        disabled={draft.options.length >= POLL_MAX_OPTIONS}
        onClick={() => update({ ...draft, options: [...draft.options, ''] })}
        data-testid="poll-add-option"
      >
        {t('poll.addOption')}
      </button>
      <div className="poll-settings">
        <label className="check">
          <input
            type="checkbox"
            checked={draft.multipleAnswers}
            disabled={isQuiz}
            onChange={(e) => update({ ...draft, multipleAnswers: e.target.checked })}
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
                update({
                  ...draft,
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
      {problems.general.map((p) => (
        <p key={p} className="field-error">
          {problemText(p, t)}
        </p>
      ))}
      <div className="poll-footer">
        <span className={valid ? 'muted small' : 'warning-text small'} data-testid="poll-state">
          {valid ? t('poll.saved') : t('poll.incomplete')}
        </span>
        <button
          type="button"
          className="button button-small"
          onClick={() => update(null)}
          data-testid="poll-remove"
        >
          {t('poll.remove')}
        </button>
      </div>
    </fieldset>
  );
}
