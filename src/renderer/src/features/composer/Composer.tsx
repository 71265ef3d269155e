// The composer of one story: target channels, a tab for the shared text and one per copy, previews,
// attachments, poll and schedules. Every keystroke is saved in the background.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Platform, Story } from '../../../../shared/domain';
import { titleOf } from '../../../../shared/formatting';
import { desk } from '../../api/desk-client';
import { Dialog } from '../../components/Dialog';
import { PlatformIcon } from '../../components/icons';
import { describeError } from '../../i18n/describe-error';
import type { SaveState } from '../../lib/save-queue';
import { useNotices } from '../../shell/Notices';
import { ChannelPicker } from './ChannelPicker';
import type { PreviewTarget } from './ContentPanel';
import { ContentPanel } from './ContentPanel';
import { ScheduleEditor } from './ScheduleEditor';
import { storyKeys, storyQueries } from './story-queries';

const SHARED_TAB = 'shared';

interface ComposerProps {
  storyId: string;
  channels: Channel[];
  onClose: () => void;
  onOpenStory: (storyId: string) => void;
}

/** The composer dialog. */
export function Composer({ storyId, channels, onClose, onOpenStory }: ComposerProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const query = useQuery(storyQueries.one(storyId));
  const [tab, setTab] = useState(SHARED_TAB);
  const [saveStates, setSaveStates] = useState<Record<string, SaveState>>({});
  const byId = new Map(channels.map((c) => [c.id, c]));
  const story = query.data;

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
      onClose={onClose}
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
          channelsBusy={setChannels.isPending}
          pendingChannels={setChannels.isPending ? setChannels.variables : undefined}
          onChannels={(ids) => setChannels.mutate(ids)}
          onSaveState={(key, s) => setSaveStates((m) => (m[key] === s ? m : { ...m, [key]: s }))}
        />
      ) : null}
    </Dialog>
  );
}

interface BodyProps {
  story: Story;
  byId: Map<string, Channel>;
  channels: Channel[];
  tab: string;
  onTab: (id: string) => void;
  channelsBusy: boolean;
  /** The selection being saved, shown at once so the checkbox follows the click. */
  pendingChannels: string[] | undefined;
  onChannels: (ids: string[]) => void;
  onSaveState: (key: string, s: SaveState) => void;
}

function ComposerBody({
  story,
  byId,
  channels,
  tab,
  onTab,
  channelsBusy,
  pendingChannels,
  onChannels,
  onSaveState,
}: BodyProps) {
  const { t } = useTranslation();
  const copies = story.copies.filter((c) => byId.has(c.channelId));
  const tabs = [SHARED_TAB, ...copies.map((c) => c.id)];

  // Shared previews: one per platform, for the channels that follow the shared text.
  const followers = copies.filter((c) => !c.customized);
  const sharedPreviews: PreviewTarget[] = [];
  const platforms = new Map<Platform, string[]>();
  for (const c of followers) {
    const ch = byId.get(c.channelId)!;
    platforms.set(ch.platform, [...(platforms.get(ch.platform) ?? []), ch.name]);
  }
  for (const [platform, names] of platforms)
    sharedPreviews.push({ platform, heading: names.join(', ') });
  const anyTelegram = copies.some((c) => byId.get(c.channelId)?.platform === 'telegram');

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = tabs.indexOf(tab);
    let next: string | undefined;
    if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
    else if (e.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
    else if (e.key === 'Home') next = tabs[0];
    else if (e.key === 'End') next = tabs[tabs.length - 1];
    if (!next) return;
    e.preventDefault();
    onTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <div className="composer">
      <ChannelPicker
        channels={channels}
        selected={pendingChannels ?? copies.map((c) => c.channelId)}
        busy={channelsBusy}
        onChange={onChannels}
      />
      <div className="tabs" role="tablist" aria-label={t('composer.tabs')}>
        {tabs.map((id) => {
          const copy = copies.find((c) => c.id === id);
          const ch = copy ? byId.get(copy.channelId) : undefined;
          return (
            <button
              key={id}
              id={`tab-${id}`}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => onTab(id)}
              onKeyDown={onTabKey}
              data-testid={copy ? 'copy-tab' : 'shared-tab'}
              data-channel-id={ch?.id}
            >
              {ch ? <PlatformIcon platform={ch.platform} size={13} /> : null}
              <span>{ch ? ch.name : t('composer.allChannels')}</span>
              {copy?.customized ? (
                <span className="tab-dot" title={t('composer.customisedShort')}>
                  <span className="visually-hidden">{t('composer.customisedShort')}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      {tabs.map((id) => {
        const copy = copies.find((c) => c.id === id) ?? null;
        const ch = copy ? byId.get(copy.channelId)! : null;
        const keyOf = (c: typeof copy) =>
          c
            ? `${c.id}:${c.schedule.kind === 'at' ? `${c.schedule.at}:${c.schedule.mode}` : 'none'}`
            : '';
        return (
          <div
            key={id}
            id={`panel-${id}`}
            role="tabpanel"
            aria-labelledby={`tab-${id}`}
            hidden={tab !== id}
            className="tab-panel"
            data-testid={copy ? 'copy-panel' : 'shared-panel'}
          >
            {copy && ch ? (
              <ContentPanel
                story={story}
                copy={copy}
                textLabel={t('composer.textFor', { channel: ch.name })}
                previews={[{ platform: ch.platform, heading: ch.name }]}
                quizAllowed={ch.platform === 'telegram'}
                onSaveState={(s) => onSaveState(id, s)}
                footer={
                  <section className="schedule-section" aria-label={t('schedule.title')}>
                    <h3>{t('schedule.title')}</h3>
                    <ScheduleEditor
                      key={keyOf(copy)}
                      updateId={copy.id}
                      storyId={story.storyId}
                      channel={ch}
                      at={copy.schedule.kind === 'at' ? copy.schedule.at : null}
                      mode={copy.schedule.kind === 'at' ? copy.schedule.mode : null}
                    />
                  </section>
                }
              />
            ) : (
              <ContentPanel
                story={story}
                copy={null}
                textLabel={t('composer.textShared')}
                previews={sharedPreviews}
                quizAllowed={anyTelegram}
                quizNote={t('poll.quizSharedNote')}
                onSaveState={(s) => onSaveState(id, s)}
                footer={
                  <section className="schedule-section" aria-label={t('schedule.title')}>
                    <h3>{t('schedule.perChannel')}</h3>
                    <ul className="schedule-list">
                      {copies.map((c) => {
                        const cch = byId.get(c.channelId)!;
                        return (
                          <li key={c.id}>
                            <div className="schedule-list-head">
                              <PlatformIcon platform={cch.platform} size={13} />
                              <strong>{cch.name}</strong>
                              {c.customized ? (
                                <span className="badge badge-custom">{t('row.customized')}</span>
                              ) : null}
                            </div>
                            <ScheduleEditor
                              key={keyOf(c)}
                              compact
                              updateId={c.id}
                              storyId={story.storyId}
                              channel={cch}
                              at={c.schedule.kind === 'at' ? c.schedule.at : null}
                              mode={c.schedule.kind === 'at' ? c.schedule.mode : null}
                            />
                          </li>
                        );
                      })}
                    </ul>
                  </section>
                }
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
