// "Ask for changes": the reviewer says what should change; the note travels with the story's
// review to its author (never published).
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story } from '../../../../shared/domain';
import { desk } from '../../api/desk-client';
import { Dialog } from '../../components/Dialog';
import { DialogFooter } from '../../components/DialogFooter';
import { describeError } from '../../i18n/describe-error';

interface ReviewDialogProps {
  storyId: string;
  onSaved: (story: Story) => void;
  onClose: () => void;
}

export function ReviewDialog({ storyId, onSaved, onClose }: ReviewDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const ask = useMutation({
    mutationFn: () => desk.reviewStory({ storyId, decision: 'request_changes', note }),
    onSuccess: (s) => {
      onSaved(s);
      onClose();
    },
  });
  const blank = note.trim() === '';
  return (
    <Dialog
      title={t('workflow.requestTitle')}
      onClose={onClose}
      className="dialog-small"
      testId="review-dialog"
      footer={
        <DialogFooter
          actionLabel={t('workflow.requestSend')}
          disabled={blank || ask.isPending}
          onAction={() => ask.mutate()}
          onCancel={onClose}
          testId="review-send"
        />
      }
    >
      <div className="field">
        <label htmlFor={id}>{t('workflow.requestLabel')}</label>
        <textarea
          id={id}
          value={note}
          maxLength={2000}
          rows={4}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !blank) ask.mutate();
          }}
          data-testid="review-note-input"
        />
        <p className="field-hint">{t('workflow.requestHint')}</p>
      </div>
      {ask.isError ? (
        <p role="alert" className="field-error">
          {describeError(ask.error, t)}
        </p>
      ) : null}
    </Dialog>
  );
}
