// The composer of one story: target channels, a tab for the shared text and one per copy, previews,
// attachments, poll and schedules. Every keystroke is saved in the background. Above the tabs: texts
// in conflict and schedules the hub does not have yet, then each copy's delivery (with the WhatsApp
// task, when a person must act); the header opens the copy's hub history and withdraws a story.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Story } from '../../../../shared/domain';
import { titleOf } from '../../../../shared/formatting';
import { desk } from '../../api/desk-client';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../i18n/describe-error';
import type { SaveState } from '../../lib/save-queue';
import { useNotices } from '../../shell/Notices';
import { PLATFORM } from '../../shell/ShortcutsHelp';
import { matchesShortcut } from '../../shell/shortcuts';
import { CopyDeliveries } from '../publishing/CopyDeliveries';
import { CommentsPanel } from '../review/CommentsPanel';
import { WithdrawStory } from '../publishing/WithdrawStory';
import { useSyncStatus } from '../sync/sync-queries';
import { CorrectStory } from '../workflow/CorrectStory';
import { StoryWorkflow } from '../workflow/StoryWorkflow';
import { BreakingNewsButton } from './BreakingNewsDialog';
import { ComposerBody, SHARED_TAB } from './ComposerBody';
import { ConflictPanel } from './ConflictPanel';
import { conflictTargets } from './copy-sync';
import { CopySyncNotes } from './CopySyncNotes';
import { HistoryDialog } from './HistoryDialog';
import { isBlankStory } from './story-blank';
import { storyKeys, storyQueries } from './story-queries';
import { spellcheckLanguageOf, tellSpellcheckLanguage } from '../../shell/native-actions';

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
  const [historyOpen, setHistoryOpen] = useState(false);
  // Bumped when a conflict is settled: the tabs start again from the chosen text.
  const [bodyKey, setBodyKey] = useState(0);
  const syncStatus = useSyncStatus();
  // Set in the click itself: the mutation's pending state and its result reach React a macrotask
  // later (TanStack's notify scheduler), and until then the controlled checkbox would flick back.
  // The choice is shown until its own change settles: a pull landing meanwhile (a new story
  // object) must not flick the box back.
  const [picked, setPicked] = useState<{ ids: string[] } | null>(null);
  const byId = new Map(channels.map((c) => [c.id, c]));
  const story = query.data;
  const pendingChannels = picked?.ids;

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
  const withHub = syncStatus !== undefined && syncStatus.mode !== 'none';
  const saveText = states.includes('error')
    ? t('composer.notSaved')
    : states.includes('saving')
      ? t('composer.saving')
      : withHub
        ? t('composer.saved')
        : t('composer.savedLocal');
  // Ctrl/⌘+Enter presses the schedule button of the copy being edited (every copy's on the shared
  // tab), as its radio choice says: schedule, queue or publish now. Ctrl/⌘+S says how the save is.
  const keys = useRef({ saveText });
  useEffect(() => {
    keys.current = { saveText };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const open = document.querySelectorAll('dialog[open]');
      const top = open[open.length - 1];
      // Only when the composer is the topmost dialog (not under a history or a confirmation).
      if (top?.getAttribute('data-testid') !== 'composer') return;
      if (matchesShortcut('save', e, PLATFORM)) {
        e.preventDefault();
        notices.info(keys.current.saveText);
      } else if (matchesShortcut('publish', e, PLATFORM)) {
        e.preventDefault();
        const here = document.activeElement?.closest('[data-testid="schedule-editor"]');
        const panel = top.querySelector('[role="tabpanel"]:not([hidden])');
        const editors = here
          ? [here]
          : [...(panel?.querySelectorAll('[data-testid="schedule-editor"]') ?? [])];
        for (const editor of editors)
          editor
            .querySelector<HTMLButtonElement>('[data-testid="schedule-apply"]:enabled')
            ?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [notices]);
  const copies = story ? story.copies.filter((c) => byId.has(c.channelId)) : [];
  const historyCopies = copies.map((c) => ({ id: c.id, label: byId.get(c.channelId)!.name }));
  // The desktop app checks spelling in the language of the channel(s) being written for.
  const editingCopy = copies.find((c) => c.id === tab);
  const spellLanguage = spellcheckLanguageOf(
    (editingCopy ? [editingCopy] : copies).map((c) => byId.get(c.channelId)!.language),
  );
  useEffect(() => {
    tellSpellcheckLanguage(spellLanguage);
    return () => tellSpellcheckLanguage(null);
  }, [spellLanguage]);
  const title = story
    ? titleOf(story.shared.text) || t('composer.untitled')
    : t('composer.loading');

  const header = (
    <>
      <span
        className={`save-state${states.includes('error') ? ' save-error' : ''}`}
        role="status"
        data-testid="save-state"
        title={withHub ? t('composer.savedHint') : t('composer.localHint')}
      >
        {saveText}
      </span>
      {withHub ? (
        <button
          type="button"
          className="button button-small"
          disabled={historyCopies.length === 0}
          onClick={() => setHistoryOpen(true)}
          aria-haspopup="dialog"
          data-testid="story-history"
        >
          {t('composer.history')}
        </button>
      ) : null}
      <button
        type="button"
        className="button button-small"
        disabled={!story || duplicate.isPending}
        onClick={() => duplicate.mutate()}
        data-testid="story-duplicate"
      >
        {t('composer.duplicate')}
      </button>
      {story ? <BreakingNewsButton story={story} channels={channels} /> : null}
      {story ? <CorrectStory story={story} byId={byId} /> : null}
      {story ? <WithdrawStory storyId={storyId} copies={copies} byId={byId} /> : null}
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
      {story ? <CopySyncNotes copies={copies} byId={byId} /> : null}
      {story ? <CopyDeliveries copies={copies} byId={byId} /> : null}
      {story ? (
        <StoryWorkflow story={story} byId={byId} channels={channels} withHub={withHub} />
      ) : null}
      {story
        ? conflictTargets(copies).map(({ copy, shared }) => (
            <ConflictPanel
              key={copy.id}
              storyId={storyId}
              copy={copy}
              target={
                shared
                  ? t('conflict.sharedText')
                  : t('conflict.copyText', { channel: byId.get(copy.channelId)!.name })
              }
              onResolved={() => setBodyKey((k) => k + 1)}
            />
          ))
        : null}
      {story ? (
        <ComposerBody
          key={bodyKey}
          story={story}
          byId={byId}
          channels={channels}
          tab={story.copies.some((c) => c.id === tab) ? tab : SHARED_TAB}
          onTab={setTab}
          channelsBusy={pendingChannels !== undefined || setChannels.isPending}
          pendingChannels={pendingChannels}
          onChannels={(ids) => {
            const pick = { ids };
            setPicked(pick);
            setChannels.mutate(ids, {
              onSettled: () => setPicked((current) => (current === pick ? null : current)),
            });
          }}
          onSaveState={(key, s) => setSaveStates((m) => (m[key] === s ? m : { ...m, [key]: s }))}
        />
      ) : null}
      {story && withHub ? <CommentsPanel storyId={storyId} /> : null}
      {historyOpen && historyCopies.length > 0 ? (
        <HistoryDialog
          copies={historyCopies}
          initialId={historyCopies.find((c) => c.id === tab)?.id ?? historyCopies[0]!.id}
          onClose={() => setHistoryOpen(false)}
        />
      ) : null}
    </Dialog>
  );
}
