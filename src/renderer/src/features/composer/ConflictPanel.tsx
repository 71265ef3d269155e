// Two editors' texts that did not merge, side by side above the editor: keep one, or write the text
// that joins them. Nothing is dropped until the editor chooses.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextConflict, Update } from '../../../../shared/domain';
import { desk } from '../../api/desk-client';
import { describeError } from '../../i18n/describe-error';
import { useNotices } from '../../shell/Notices';
import { storyKeys } from './story-queries';

interface ConflictPanelProps {
  storyId: string;
  /** The copy that holds the conflict (for the shared text: any copy that follows it). */
  copy: Update & { conflict: TextConflict };
  /** "the shared text" or "the text for Morning news". */
  target: string;
  /** The story was reloaded with the chosen text. */
  onResolved: () => void;
}

/** One side of the conflict: whose text it is, the text, and the button that keeps it. */
function ConflictSide(props: {
  heading: string;
  text: string;
  choose: string;
  busy: boolean;
  onChoose: () => void;
  testId: string;
}) {
  const headingId = useId();
  return (
    <div className="conflict-side" data-testid={props.testId}>
      <h4 id={headingId}>{props.heading}</h4>
      <div className="conflict-text" tabIndex={0} role="region" aria-labelledby={headingId}>
        {props.text}
      </div>
      <button
        type="button"
        className="button button-small"
        disabled={props.busy}
        onClick={props.onChoose}
        aria-describedby={headingId}
        data-testid={`${props.testId}-use`}
      >
        {props.choose}
      </button>
    </div>
  );
}

/** The side-by-side chooser for one conflict. */
export function ConflictPanel({ storyId, copy, target, onResolved }: ConflictPanelProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const notices = useNotices();
  const { conflict } = copy;
  const [merged, setMerged] = useState(conflict.kept.text);
  const headingId = useId();
  const mergedId = useId();

  const resolve = useMutation({
    mutationFn: (text: string) => desk.resolveConflict({ updateId: copy.id, text }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: storyKeys.one(storyId) });
      notices.info(t('conflict.resolved'));
      onResolved();
    },
  });

  return (
    <section className="conflict-panel" aria-labelledby={headingId} data-testid="conflict-panel">
      <h3 id={headingId}>{t('conflict.title', { target })}</h3>
      <p className="hint">{t('conflict.hint')}</p>
      <div className="conflict-sides">
        <ConflictSide
          heading={t('conflict.kept', { name: conflict.kept.by.name })}
          text={conflict.kept.text}
          choose={t('conflict.useLeft')}
          busy={resolve.isPending}
          onChoose={() => resolve.mutate(conflict.kept.text)}
          testId="conflict-kept"
        />
        <ConflictSide
          heading={t('conflict.incoming', { name: conflict.incoming.by.name })}
          text={conflict.incoming.text}
          choose={t('conflict.useRight')}
          busy={resolve.isPending}
          onChoose={() => resolve.mutate(conflict.incoming.text)}
          testId="conflict-incoming"
        />
      </div>
      <details className="conflict-base">
        <summary>{t('conflict.base')}</summary>
        <div className="conflict-text">{conflict.base}</div>
      </details>
      <div className="field">
        <label htmlFor={mergedId}>{t('conflict.merged')}</label>
        <textarea
          id={mergedId}
          className="conflict-merged"
          value={merged}
          onChange={(e) => setMerged(e.target.value)}
          rows={6}
          data-testid="conflict-merged"
        />
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={resolve.isPending}
          onClick={() => resolve.mutate(merged)}
          data-testid="conflict-use-merged"
        >
          {t('conflict.useMerged')}
        </button>
      </div>
      {resolve.error ? (
        <p role="alert" className="field-error">
          {describeError(resolve.error, t)}
        </p>
      ) : null}
    </section>
  );
}
