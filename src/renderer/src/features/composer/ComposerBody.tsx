// The inside of the composer: channel picker, the tab list and one panel per tab.
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Platform, Story } from '../../../../shared/domain';
import { PlatformIcon } from '../../components/icons';
import type { SaveState } from '../../lib/save-queue';
import { ChannelPicker } from './ChannelPicker';
import type { PreviewTarget } from './ContentPanel';
import { ContentPanel } from './ContentPanel';
import { LoudnessNote } from './LoudnessNote';
import { ScheduleEditor } from './ScheduleEditor';

/** The id of the "All channels" tab. */
export const SHARED_TAB = 'shared';

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

/** Channels, tabs and panels of one loaded story. */
export function ComposerBody({
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
    // Arrows move from the tab that has the focus, which need not be the selected one.
    const i = tabs.indexOf(e.currentTarget.id.slice('tab-'.length));
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
                    <LoudnessNote copy={copy} storyId={story.storyId} channel={ch} />
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
