// The desk's shell: sidebar, the current view, the composer and the channel dialog.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../shared/domain';
import { desk } from './api/desk-client';
import { AnalyticsView } from './features/analytics/AnalyticsView';
import { ArchiveView } from './features/archive/ArchiveView';
import { AuditView } from './features/audit/AuditView';
import { ChannelDialog } from './features/channels/ChannelDialog';
import { channelQueries } from './features/channels/channel-queries';
import { Composer } from './features/composer/Composer';
import { InboxView } from './features/review/InboxView';
import { SearchView } from './features/search/SearchView';
import { SettingsView } from './features/settings/SettingsView';
import { TimelineView } from './features/timeline/TimelineView';
import { TransferView } from './features/transfer/TransferView';
import { TrashView } from './features/trash/TrashView';
import { WeekView } from './features/week/WeekView';
import { Onboarding } from './features/onboarding/Onboarding';
import { ViewErrorBoundary } from './components/ViewErrorBoundary';
import { DeliveryNotifications } from './features/publishing/DeliveryNotifications';
import { needsOnboarding } from './features/sync/sync-status-view';
import { syncQueries } from './features/sync/sync-queries';
import { NoticeStatusArea, useNotices } from './shell/Notices';
import type { Section } from './shell/Sidebar';
import { Sidebar } from './shell/Sidebar';
import { StatusBanner } from './shell/StatusBanner';
import { SyncIndicator } from './shell/SyncIndicator';
import { useChangeInvalidation } from './shell/use-change-invalidation';

/** True when a modal dialog is open (the page behind it must not react to shortcuts). */
const dialogOpen = () => document.querySelector('dialog[open]') !== null;

/** The whole desk. */
export function App() {
  const { t } = useTranslation();
  const notices = useNotices();
  useChangeInvalidation();
  const channelsQuery = useQuery(channelQueries.list());
  const syncQuery = useQuery(syncQueries.status());
  // Set while an onboarding choice is carried out: the screen stays until the hub is ready.
  const [onboardingBusy, setOnboardingBusy] = useState(false);
  const [section, setSection] = useState<Section>('timeline');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [storyId, setStoryId] = useState<string | null>(null);
  const [freshStoryId, setFreshStoryId] = useState<string | null>(null);
  const [channelDialog, setChannelDialog] = useState<{ channel: Channel | null } | null>(null);
  const [searchFocusSignal, setSearchFocusSignal] = useState(0);

  const channels = channelsQuery.data ?? [];
  const active = channels.filter((c) => !c.archived);
  const selected = channels.find((c) => c.id === selectedId) ?? active[0] ?? null;

  const createStory = useMutation({
    mutationFn: (channelId: string) => desk.createStory({ channelIds: [channelId], text: '' }),
    onSuccess: (story) => {
      setFreshStoryId(story.storyId);
      setStoryId(story.storyId);
    },
    onError: notices.error,
  });

  const newUpdate = () => {
    const target = selected && !selected.archived ? selected : active[0];
    if (!target) {
      notices.info(t('app.needChannel'));
      setChannelDialog({ channel: null });
      return;
    }
    createStory.mutate(target.id);
  };

  const syncStatus = syncQuery.data;
  const onboarding = !!syncStatus && (needsOnboarding(syncStatus) || onboardingBusy);
  // Until the engine says how it syncs, neither screen shows; an engine that cannot say (an error)
  // still opens the workspace.
  const deciding = !onboarding && (syncQuery.isPending || syncStatus?.mode === 'none');
  const workspace = !onboarding && !deciding;

  // The shortcut handler reads the latest closure without re-subscribing on every render.
  const shortcuts = useRef({ enabled: false, newUpdate, focusSearch: () => {} });
  useEffect(() => {
    shortcuts.current = {
      enabled: workspace,
      newUpdate,
      focusSearch: () => {
        setSection('search');
        setSearchFocusSignal((n) => n + 1);
      },
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!shortcuts.current.enabled) return;
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === 'n') {
        e.preventDefault();
        shortcuts.current.newUpdate();
      } else if (key === 'f' && !dialogOpen()) {
        e.preventDefault();
        shortcuts.current.focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (onboarding && syncStatus) {
    return <Onboarding status={syncStatus} onBusyChange={setOnboardingBusy} />;
  }
  if (deciding) return <div className="app-opening" data-testid="app-opening" />;

  let view;
  switch (section) {
    case 'timeline':
      view = selected ? (
        <TimelineView
          key={selected.id}
          channel={selected}
          channels={channels}
          onOpen={setStoryId}
          onEditChannel={() => setChannelDialog({ channel: selected })}
          onNewUpdate={newUpdate}
        />
      ) : (
        <div className="empty-state" data-testid="no-channels">
          <h1>{t('app.welcomeTitle')}</h1>
          <p>{t('app.welcomeText')}</p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setChannelDialog({ channel: null })}
          >
            {t('nav.newChannel')}
          </button>
        </div>
      );
      break;
    case 'week':
      view = <WeekView channels={channels} onOpen={setStoryId} />;
      break;
    case 'search':
      view = <SearchView channels={channels} onOpen={setStoryId} focusSignal={searchFocusSignal} />;
      break;
    case 'inbox':
      view = <InboxView channels={channels} onOpen={setStoryId} />;
      break;
    case 'analytics':
      view = <AnalyticsView channels={channels} onOpen={setStoryId} />;
      break;
    case 'archive':
      view = <ArchiveView channels={channels} onOpen={setStoryId} />;
      break;
    case 'transfer':
      view = <TransferView channels={channels} />;
      break;
    case 'audit':
      view = <AuditView channels={channels} onOpen={setStoryId} />;
      break;
    case 'trash':
      view = <TrashView channels={channels} />;
      break;
    case 'settings':
      view = <SettingsView />;
      break;
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="side">
        <Sidebar
          channels={channels}
          selectedChannelId={selected?.id ?? null}
          section={section}
          onSection={setSection}
          onSelectChannel={(id) => {
            setSelectedId(id);
            setSection('timeline');
          }}
          onNewChannel={() => setChannelDialog({ channel: null })}
          onEditChannel={(c) => setChannelDialog({ channel: c })}
          onNewUpdate={newUpdate}
          creating={createStory.isPending}
        />
        <SyncIndicator />
        <NoticeStatusArea />
        <DeliveryNotifications channels={channels} onOpenStory={setStoryId} />
      </div>
      <main className="main" id="main" tabIndex={-1}>
        <StatusBanner />
        {channelsQuery.isError ? (
          <p role="alert" className="inline-error">
            {t('app.loadFailed')}
          </p>
        ) : null}
        <ViewErrorBoundary key={section}>{view}</ViewErrorBoundary>
      </main>
      {storyId ? (
        <Composer
          key={storyId}
          storyId={storyId}
          channels={channels}
          discardIfBlank={storyId === freshStoryId}
          onClose={() => setStoryId(null)}
          onOpenStory={setStoryId}
        />
      ) : null}
      {channelDialog ? (
        <ChannelDialog
          channel={channelDialog.channel}
          onClose={() => setChannelDialog(null)}
          onSaved={(c) => {
            if (!channelDialog.channel) {
              setSelectedId(c.id);
              setSection('timeline');
            }
          }}
        />
      ) : null}
    </div>
  );
}
