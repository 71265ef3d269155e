// The composer of one story: target channels, a tab for the shared text and one per copy, previews,
// attachments, poll and schedules. Every keystroke is saved in the background.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Story } from '../../../../shared/domain';
import { titleOf } from '../../../../shared/formatting';
import { desk } from '../../api/desk-client';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../i18n/describe-error';
import type { SaveState } from '../../lib/save-queue';
import { useNotices } from '../../shell/Notices';
import { ComposerBody, SHARED_TAB } from './ComposerBody';
import { isBlankStory } from './story-blank';
import { storyKeys, storyQueries } from './story-queries';

interface ComposerProps {
  storyId: string;
  channels: Channel[];
  /** The story was just made by "New update": closing it untouched removes it again. */
  discardIfBlank: boolean;
  onClose: () => void;
  onOpenStory: (storyId: string) => void;
}

/** The composer dialog. */
export function Composer({
  storyId,
  channels,
  discardIfBlank,
  onClose,
  onOpenStory,
}: ComposerProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const query = useQuery(storyQueries.one(storyId));
  const [tab, setTab] = useState(SHARED_TAB);
  const [saveStates, setSaveStates] = useState<Record<string, SaveState>>({});
  // Set in the click itself: the mutation's pending state and its result reach React a macrotask
  // later (TanStack's notify scheduler), and until then the controlled checkbox would flick back.
  // The choice is shown until the story it was made on is replaced by newer data.
  const [picked, setPicked] = useState<{ ids: string[]; base: Story } | null>(null);
  const byId = new Map(channels.map((c) => [c.id, c]));
  const story = query.data;
  const pendingChannels = picked && picked.base === story ? picked.ids : undefined;

  const setChannels = useMutation({
    mutationFn: (channelIds: string[]) => desk.setStoryChannels({ storyId, channelIds }),
    onSuccess: (s) => client.setQueryData(storyKeys.one(storyId), s),
    onError: notices.error,
  });
  const remove = useMutation({
    mutationFn: () => desk.deleteStory({ storyId }),
    onSuccess: () => {
      notices.info(t('composer.deleted'));
      onClose();
    },
    onError: notices.error,
  });
  const duplicate = useMutation({
    mutationFn: () => desk.duplicateStory({ storyId }),
    onSuccess: (s) => {
      notices.info(t('composer.duplicated'));
      onOpenStory(s.storyId);
    },
    onError: notices.error,
  });

  const states = Object.values(saveStates);
  const close = () => {
    const latest = client.getQueryData<Story>(storyKeys.one(storyId));
    const settled = states.every((x) => x === 'idle');
    // An empty draft left by Ctrl+N and closed at once would only clutter the timeline.
    if (discardIfBlank && settled && latest && isBlankStory(latest)) {
      desk
        .deleteStory({ storyId })
        .then(() => desk.purgeStory({ storyId }))
        .catch(notices.error);
    }
    onClose();
  };
  const saveText = states.includes('error')
    ? t('composer.notSaved')
    : states.includes('saving')
      ? t('composer.saving')
      : t('composer.savedLocal');
  const title = story
    ? titleOf(story.shared.text) || t('composer.untitled')
    : t('composer.loading');

  const header = (
    <>
      <span
        className={`save-state${states.includes('error') ? ' save-error' : ''}`}
        role="status"
        data-testid="save-state"
        title={t('composer.localHint')}
      >
        {saveText}
      </span>
      <button
        type="button"
        className="button button-small"
        disabled={!story || duplicate.isPending}
        onClick={() => duplicate.mutate()}
        data-testid="story-duplicate"
      >
        {t('composer.duplicate')}
      </button>
      <button
        type="button"
        className="button button-small button-danger"
        disabled={!story || remove.isPending}
        onClick={() => remove.mutate()}
        data-testid="story-delete"
      >
        {t('composer.delete')}
      </button>
    </>
  );

  return (
    <Dialog
      title={title}
      onClose={close}
      className="dialog-composer"
      testId="composer"
      headerExtra={header}
    >
      {query.isError ? (
        <p role="alert" className="inline-error">
          {describeError(query.error, t)}
        </p>
      ) : null}
      {story ? (
        <ComposerBody
          story={story}
          byId={byId}
          channels={channels}
          tab={story.copies.some((c) => c.id === tab) ? tab : SHARED_TAB}
          onTab={setTab}
          channelsBusy={pendingChannels !== undefined || setChannels.isPending}
          pendingChannels={pendingChannels}
          onChannels={(ids) => {
            setPicked({ ids, base: story });
            setChannels.mutate(ids, { onError: () => setPicked(null) });
          }}
          onSaveState={(key, s) => setSaveStates((m) => (m[key] === s ? m : { ...m, [key]: s }))}
        />
      ) : null}
    </Dialog>
  );
}
