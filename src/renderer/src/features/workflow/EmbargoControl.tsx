// A story's embargo: until when nothing about it may go out, set in the editor's own zone; lifting
// it or bringing it forward is for editors (the hub refuses others). "Release at the embargo" also
// schedules every copy at that instant, so the hub publishes them together.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story, Update } from '../../../../shared/domain';
import { formatInstant, instantToWallTime, wallTimeToInstant } from '../../../../shared/schedule';
import { desk } from '../../api/desk-client';
import { Dialog } from '../../components/Dialog';
import { DialogFooter } from '../../components/DialogFooter';
import { describeError } from '../../i18n/describe-error';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { useNotices } from '../../shell/Notices';
import { storyKeys } from '../composer/story-queries';
import { useNow } from '../publishing/use-clock';
import { storyEmbargo } from './workflow-view';

const DAY_MS = 86_400_000;

export function EmbargoControl({ story, copies }: { story: Story; copies: Update[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = useNotices();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const until = storyEmbargo(copies);
  const now = useNow();
  const active = until !== null && Date.parse(until) > now;
  const lift = useMutation({
    mutationFn: () => desk.setEmbargo({ storyId: story.storyId, until: null }),
    onSuccess: (s) => client.setQueryData(storyKeys.one(story.storyId), s),
    onError: notices.error,
  });
  return (
    <span className="embargo-control">
      {active ? (
        <>
          <span className="embargo-badge" role="status" data-testid="embargo-state">
            {t('workflow.embargoUntil', {
              when: formatInstant(until, EDITOR_ZONE, intlTag(locale), 'short'),
            })}
          </span>
          <button
            type="button"
            className="button button-small"
            disabled={lift.isPending}
            onClick={() => lift.mutate()}
            data-testid="embargo-lift"
          >
            {t('workflow.embargoLift')}
          </button>
        </>
      ) : null}
      <button
        type="button"
        className="button button-small"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="embargo-open"
      >
        {active ? t('workflow.embargoChange') : t('workflow.embargoSet')}
      </button>
      {open ? (
        <EmbargoDialog
          storyId={story.storyId}
          until={active ? until : null}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </span>
  );
}

function EmbargoDialog({
  storyId,
  until,
  onClose,
}: {
  storyId: string;
  until: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const whenId = useId();
  const releaseId = useId();
  // A day from now unless the story already has an embargo (the initialiser runs once).
  const [wall, setWall] = useState(() =>
    instantToWallTime(until ?? new Date(Date.now() + DAY_MS).toISOString(), EDITOR_ZONE),
  );
  const [release, setRelease] = useState(true);
  const instant = wallTimeToInstant(wall, EDITOR_ZONE);
  const save = useMutation({
    mutationFn: () => desk.setEmbargo({ storyId, until: instant, release }),
    onSuccess: (s) => {
      client.setQueryData(storyKeys.one(storyId), s);
      onClose();
    },
  });
  return (
    <Dialog
      title={t('workflow.embargoTitle')}
      onClose={onClose}
      className="dialog-small"
      testId="embargo-dialog"
      footer={
        <DialogFooter
          actionLabel={t('workflow.embargoSave')}
          disabled={instant === null || save.isPending}
          onAction={() => save.mutate()}
          onCancel={onClose}
          testId="embargo-save"
        />
      }
    >
      <p>{t('workflow.embargoExplain')}</p>
      <div className="field">
        <label htmlFor={whenId}>{t('workflow.embargoWhen', { zone: EDITOR_ZONE })}</label>
        <input
          id={whenId}
          type="datetime-local"
          value={wall}
          onChange={(e) => setWall(e.target.value)}
          data-testid="embargo-when"
        />
      </div>
      <div className="field field-check">
        <input
          id={releaseId}
          type="checkbox"
          checked={release}
          onChange={(e) => setRelease(e.target.checked)}
          data-testid="embargo-release"
        />
        <label htmlFor={releaseId}>{t('workflow.embargoRelease')}</label>
      </div>
      {save.isError ? (
        <p role="alert" className="field-error" data-testid="embargo-error">
          {describeError(save.error, t)}
        </p>
      ) : null}
    </Dialog>
  );
}
