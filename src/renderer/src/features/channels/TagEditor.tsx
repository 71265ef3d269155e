// A small tag editor: type and press Enter to add; each tag has its own remove button, so the
// keyboard reaches every one (Tab to it, Enter or Space removes); Backspace in the empty box
// removes the last tag.
import type { KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workflowErrorText } from './workflow-errors';
import type { WorkflowError } from './workflow-form';
import { checkNewTag } from './workflow-form';

interface TagEditorProps {
  label: string;
  hint: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  /** An error about the saved list (already in words). */
  error?: string | undefined;
  testId: string;
}

/** Edits a list of tags. */
export function TagEditor({ label, hint, tags, onChange, error, testId }: TagEditorProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [localError, setLocalError] = useState<WorkflowError | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const shownError = localError ? workflowErrorText(localError, t) : error;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // Enter adds a tag; it must not submit the whole dialog.
      e.preventDefault();
      const checked = checkNewTag(typed, tags);
      if (!checked.ok) {
        setLocalError(checked.error);
        return;
      }
      setLocalError(null);
      setTyped('');
      onChange([...tags, checked.tag]);
    } else if (e.key === 'Backspace' && typed === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="field" data-testid={testId}>
      <label htmlFor={inputId}>{label}</label>
      {tags.length > 0 ? (
        <ul className="tag-list" aria-label={label}>
          {tags.map((tag) => (
            <li key={tag} className="tag">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('channelWorkflow.removeTag', { tag })}
                onClick={() => onChange(tags.filter((x) => x !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={inputId}
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          setLocalError(null);
        }}
        onKeyDown={onKeyDown}
        placeholder={t('channelWorkflow.tagPlaceholder')}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={shownError ? `${hintId} ${errorId}` : hintId}
        autoComplete="off"
        data-testid={`${testId}-input`}
      />
      <p id={hintId} className="hint">
        {hint}
      </p>
      {shownError ? (
        <p id={errorId} className="field-error" role="alert">
          {shownError}
        </p>
      ) : null}
    </div>
  );
}
