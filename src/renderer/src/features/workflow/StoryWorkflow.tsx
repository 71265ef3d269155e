// The composer's workflow strip: the story's review (submit, approve, ask for changes), copies the
// workflow holds (waiting for approval, missed their slot: publish now, next slot or a new time),
// its embargo, and its topics and areas with the channels they route to.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Story } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { desk } from '../../api/desk-client';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { useNotices } from '../../shell/Notices';
import { storyKeys } from '../composer/story-queries';
import { EmbargoControl } from './EmbargoControl';
import { HeldCopies } from './HeldCopies';
import { ReviewDialog } from './ReviewDialog';
import { TopicsControl } from './TopicsControl';
import { mayApprove, storyReview } from './workflow-view';

export const workflowKeys = { me: ['workflow', 'me'] as const };

interface StoryWorkflowProps {
  story: Story;
  byId: Map<string, Channel>;
  channels: Channel[];
  /** False before onboarding: without a hub there is nobody to review. */
  withHub: boolean;
}

/** The strip above the composer's tabs. */
export function StoryWorkflow({ story, byId, channels, withHub }: StoryWorkflowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = useNotices();
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const me = useQuery({
    queryKey: workflowKeys.me,
    queryFn: () => desk.getMe({}),
    enabled: withHub,
    staleTime: 60_000,
    retry: false,
  });
  const copies = story.copies.filter((c) => c.deletedAt === null && byId.has(c.channelId));
  const review = storyReview(copies);
  const open = copies.filter((c) => c.delivery?.state !== 'published');
  // Offline, the desk cannot know the member's role: it offers the step and the hub decides.
  const approver =
    me.data === undefined
      ? true
      : mayApprove(
          me.data,
          open.map((c) => c.channelId),
        );
  const saved = (s: Story) => client.setQueryData(storyKeys.one(story.storyId), s);
  const submit = useMutation({
    mutationFn: () => desk.submitStory({ storyId: story.storyId }),
    onSuccess: (s) => {
      saved(s);
      notices.info(t('workflow.submitted'));
    },
    onError: notices.error,
  });
  const approve = useMutation({
    mutationFn: () => desk.reviewStory({ storyId: story.storyId, decision: 'approve' }),
    onSuccess: (s) => {
      saved(s);
      notices.info(t('workflow.approved'));
    },
    onError: notices.error,
  });

  const when = (iso: string) => formatInstant(iso, EDITOR_ZONE, intlTag(locale), 'short');
  const state = review?.state ?? 'draft';
  const step = review ? { name: review.by.name, when: when(review.at) } : null;
  const stateText =
    review === null || step === null
      ? t('workflow.stateDraft')
      : review.state === 'in_review'
        ? t('workflow.state.in_review', step)
        : review.state === 'approved'
          ? t('workflow.state.approved', step)
          : t('workflow.state.changes_requested', step);

  return (
    <section className="workflow-strip" aria-label={t('workflow.region')} data-testid="workflow">
      {/* Once every copy is out, review is over: the strip keeps the embargo and topics only. */}
      {open.length === 0 ? null : (
        <div className="workflow-row">
          <span className={`review-state review-${state}`} role="status" data-testid="review-state">
            {stateText}
          </span>
          {review?.state === 'changes_requested' && review.note ? (
            <q className="review-note" data-testid="review-note">
              {review.note}
            </q>
          ) : null}
          <span className="workflow-actions">
            {open.length > 0 && state !== 'in_review' && state !== 'approved' ? (
              <button
                type="button"
                className="button button-small"
                disabled={submit.isPending}
                onClick={() => submit.mutate()}
                data-testid="review-submit"
              >
                {t('workflow.submit')}
              </button>
            ) : null}
            {open.length > 0 && approver && state !== 'approved' ? (
              <>
                <button
                  type="button"
                  className="button button-small button-primary"
                  disabled={approve.isPending}
                  onClick={() => approve.mutate()}
                  data-testid="review-approve"
                >
                  {t('workflow.approve')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setAsking(true)}
                  aria-haspopup="dialog"
                  data-testid="review-request-changes"
                >
                  {t('workflow.requestChanges')}
                </button>
              </>
            ) : null}
          </span>
        </div>
      )}
      <HeldCopies copies={copies} byId={byId} />
      <div className="workflow-row">
        <EmbargoControl story={story} copies={copies} />
        <TopicsControl story={story} copies={copies} channels={channels} />
      </div>
      {asking ? (
        <ReviewDialog storyId={story.storyId} onSaved={saved} onClose={() => setAsking(false)} />
      ) : null}
    </section>
  );
}
