// "Correct": one corrected text for a published story. Every published copy is edited where the
// platform allows (a task for a person on WhatsApp), optionally under a "Correction:" label in the
// channel's language; the correction is recorded in each copy's history.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Story } from '../../../../shared/domain';
import { correctionLabel } from '../../../../shared/workflow/correction';
import { desk } from '../../api/desk-client';
import { Dialog } from '../../components/Dialog';
import { DialogFooter } from '../../components/DialogFooter';
import { describeError } from '../../i18n/describe-error';
import { useNotices } from '../../shell/Notices';
import { storyKeys } from '../composer/story-queries';

interface CorrectStoryProps {
  story: Story;
  byId: Map<string, Channel>;
}

/** The header button (only once something is published) and its dialog. */
export function CorrectStory({ story, byId }: CorrectStoryProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const published = story.copies.filter(
    (c) => c.deletedAt === null && c.delivery?.state === 'published' && byId.has(c.channelId),
  );
  if (published.length === 0) return null;
  const labels = [
    ...new Set(published.map((c) => correctionLabel(byId.get(c.channelId)!.language))),
  ];
  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="story-correct"
      >
        {t('workflow.correct')}
      </button>
      {open ? (
        <CorrectDialog
          story={story}
          channels={published.map((c) => byId.get(c.channelId)!.name)}
          labels={labels}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

function CorrectDialog({
  story,
  channels,
  labels,
  onClose,
}: {
  story: Story;
  channels: string[];
  labels: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const textId = useId();
  const prefixId = useId();
  const [text, setText] = useState(story.shared.text);
  const [prefix, setPrefix] = useState(true);
  const correct = useMutation({
    mutationFn: () => desk.correctStory({ storyId: story.storyId, text, prefix }),
    onSuccess: (report) => {
      client.setQueryData(storyKeys.one(story.storyId), report.story);
      notices.info(t('workflow.correctDone', { count: report.corrected.length }));
      onClose();
    },
  });
  const blank = text.trim() === '';
  return (
    <Dialog
      title={t('workflow.correctTitle')}
      onClose={onClose}
      testId="correct-dialog"
      footer={
        <DialogFooter
          actionLabel={t('workflow.correctSend', { count: channels.length })}
          disabled={blank || correct.isPending}
          onAction={() => correct.mutate()}
          onCancel={onClose}
          testId="correct-send"
        />
      }
    >
      <p>{t('workflow.correctExplain', { channels: channels.join(', ') })}</p>
      <div className="field">
        <label htmlFor={textId}>{t('workflow.correctText')}</label>
        <textarea
          id={textId}
          value={text}
          rows={6}
          onChange={(e) => setText(e.target.value)}
          data-testid="correct-text"
        />
      </div>
      <div className="field field-check">
        <input
          id={prefixId}
          type="checkbox"
          checked={prefix}
          onChange={(e) => setPrefix(e.target.checked)}
          data-testid="correct-prefix"
        />
        <label htmlFor={prefixId}>
          {t('workflow.correctPrefix', { labels: labels.join(' / ') })}
        </label>
      </div>
      {correct.isError ? (
        <p role="alert" className="field-error" data-testid="correct-error">
          {describeError(correct.error, t)}
        </p>
      ) : null}
    </Dialog>
  );
}
