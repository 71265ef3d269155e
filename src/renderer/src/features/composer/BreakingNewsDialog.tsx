// Breaking news: publish a story now on chosen channels, loud or silent on each, then say which
// queued updates stepped aside (the report stays until the editor dismisses it).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResults } from '../../../../shared/contract';
import type { Channel, Story } from '../../../../shared/domain';
import { formatInstant, instantToWallTime } from '../../../../shared/schedule';
import { channelWorkflowOf } from '../../../../shared/workflow/copy-rules';
import { desk } from '../../api/desk-client';
import { PlatformIcon } from '../../components/icons';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { timelineKeys } from '../timeline/timeline-queries';
import { rangeKeys } from '../week/week-queries';
import type { BreakingChoice } from './breaking-choices';
import { initialChoices } from './breaking-choices';
import { storyKeys } from './story-queries';

type Report = CommandResults['breakingNews'];

interface BreakingNewsDialogProps {
  story: Story;
  channels: Channel[];
  onClose: () => void;
}

/** The dialog: channels with loud/silent, one "Publish now", then the report of what moved. */
export function BreakingNewsDialog({ story, channels, onClose }: BreakingNewsDialogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const [choices, setChoices] = useState<BreakingChoice[]>(() =>
    initialChoices(story, channels, new Date()),
  );
  const [report, setReport] = useState<Report | null>(null);
  const dismissRef = useRef<HTMLButtonElement>(null);
  // The same dialog shows the report: the focus moves to its button, which the report stays behind.
  useEffect(() => {
    if (report) dismissRef.current?.focus();
  }, [report]);
  const byId = new Map(channels.map((c) => [c.id, c]));
  const chosen = choices.filter((c) => c.chosen);

  const publish = useMutation({
    mutationFn: () =>
      desk.breakingNews({
        storyId: story.storyId,
        channels: chosen.map(({ channelId, silent }) => ({ channelId, silent })),
      }),
    onSuccess: (result) => {
      client.setQueryData(storyKeys.one(story.storyId), result.story);
      void client.invalidateQueries({ queryKey: timelineKeys.all });
      void client.invalidateQueries({ queryKey: rangeKeys.all });
      setReport(result);
    },
  });
  const change = (channelId: string, patch: Partial<BreakingChoice>) =>
    setChoices((list) => list.map((c) => (c.channelId === channelId ? { ...c, ...patch } : c)));

  /** An instant in the channel's zone: the time alone when both ends fall on the same day. */
  const when = (at: string, other: string, zone: string) =>
    formatInstant(
      at,
      zone,
      locale,
      instantToWallTime(at, zone).slice(0, 10) === instantToWallTime(other, zone).slice(0, 10)
        ? 'time'
        : 'short',
    );

  if (report) {
    const names = report.story.copies
      .filter((c) => chosen.some((x) => x.channelId === c.channelId))
      .map((c) => byId.get(c.channelId)?.name ?? c.channelId);
    return (
      <Dialog
        title={t('breaking.reportTitle')}
        onClose={onClose}
        testId="breaking-report"
        className="dialog-small"
        footer={
          <button
            ref={dismissRef}
            type="button"
            className="button button-primary"
            onClick={onClose}
            data-testid="breaking-dismiss"
          >
            {t('common.dismiss')}
          </button>
        }
      >
        <div role="status">
          <p>{t('breaking.publishedOn', { channels: names.join(', ') })}</p>
          {report.moved.length === 0 ? (
            <p data-testid="breaking-nothing-moved">{t('breaking.nothingMoved')}</p>
          ) : (
            <>
              <h3>{t('breaking.movedHeading')}</h3>
              <ul data-testid="breaking-moved">
                {report.moved.map((m) => {
                  const zone = byId.get(m.channelId)?.timeZone ?? 'UTC';
                  const title = m.title.trim() || t('breaking.untitled');
                  return (
                    <li key={m.updateId} data-update-id={m.updateId}>
                      {t('breaking.movedLine', {
                        title,
                        from: when(m.from, m.to, zone),
                        to: when(m.to, m.from, zone),
                        channel: byId.get(m.channelId)?.name ?? m.channelId,
                      })}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('breaking.title')}
      onClose={onClose}
      testId="breaking-dialog"
      className="dialog-small"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={chosen.length === 0 || publish.isPending}
            onClick={() => publish.mutate()}
            data-testid="breaking-publish"
          >
            {publish.isPending ? t('breaking.publishing') : t('breaking.publish')}
          </button>
        </>
      }
    >
      <p className="hint">{t('breaking.intro')}</p>
      <fieldset className="form" data-testid="breaking-channels">
        <legend>{t('breaking.channels')}</legend>
        {choices.map((choice) => {
          const ch = byId.get(choice.channelId)!;
          const approval = channelWorkflowOf(ch).approvalRequired;
          return (
            <div
              key={ch.id}
              className="field"
              data-testid="breaking-channel"
              data-channel-id={ch.id}
            >
              <label className="check">
                <input
                  type="checkbox"
                  checked={choice.chosen}
                  onChange={(e) => change(ch.id, { chosen: e.target.checked })}
                />
                <PlatformIcon platform={ch.platform} size={13} />
                <span>{ch.name}</span>
              </label>
              <div role="radiogroup" aria-label={t('breaking.notify', { channel: ch.name })}>
                <label className="radio">
                  <input
                    type="radio"
                    name={`breaking-${ch.id}`}
                    checked={!choice.silent}
                    disabled={!choice.chosen}
                    onChange={() => change(ch.id, { silent: false })}
                  />
                  {t('breaking.loud')}
                </label>{' '}
                <label className="radio">
                  <input
                    type="radio"
                    name={`breaking-${ch.id}`}
                    checked={choice.silent}
                    disabled={!choice.chosen}
                    onChange={() => change(ch.id, { silent: true })}
                  />
                  {t('breaking.silent')}
                </label>
                {choice.quietNow ? <span className="badge">{t('breaking.quietNow')}</span> : null}
                {approval ? <span className="hint">{t('breaking.approvalNote')}</span> : null}
              </div>
            </div>
          );
        })}
      </fieldset>
      {chosen.length === 0 ? <p className="hint">{t('breaking.noneChosen')}</p> : null}
      {publish.isError ? (
        <p role="alert" className="field-error">
          {describeError(publish.error, t)}
        </p>
      ) : null}
    </Dialog>
  );
}

/** The composer header's button, and the dialog it opens. */
export function BreakingNewsButton({ story, channels }: { story: Story; channels: Channel[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-small button-danger"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        data-testid="story-breaking"
      >
        {t('breaking.open')}
      </button>
      {open ? (
        <BreakingNewsDialog story={story} channels={channels} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
