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
import { useNativeActions } from './shell/use-native-actions';
import { CommandPalette } from './shell/CommandPalette';
import { PLATFORM, ShortcutsHelp } from './shell/ShortcutsHelp';
import type { ShortcutId } from './shell/shortcuts';
import { isTextField, listStep, SECTION_SHORTCUTS, ShortcutMatcher } from './shell/shortcuts';
import './styles/focus.css';

/** The test id of the open modal dialog ('' when it has none), or null when none is open. */
const openDialog = (): string | null => {
  const dialog = document.querySelector('dialog[open]');
  return dialog ? (dialog.getAttribute('data-testid') ?? '') : null;
};
/** The rows J and K move through, in the timeline, search and the archive. */
const LIST_ROWS = '#main [data-testid="update-row"], #main [data-testid="archive-hit"]';

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
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);

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

  // The desktop app's menu and notification clicks (nothing in browser mode); onboarding first.
  useNativeActions({
    enabled: workspace,
    newUpdate,
    newChannel: () => setChannelDialog({ channel: null }),
    showSection: setSection,
    showShortcuts: () => setHelpOpen(true),
    openStory: setStoryId,
  });

  // Channels in the sidebar's order, for Ctrl/⌘+[ and ]: wraps around at either end.
  const switchChannel = (step: -1 | 1) => {
    if (active.length === 0) return;
    const at = selected ? active.findIndex((c) => c.id === selected.id) : -1;
    const next = active[(at + step + active.length) % active.length]!;
    setSelectedId(next.id);
    setSection('timeline');
  };
  const focusSearch = () => {
    setSection('search');
    setSearchFocusSignal((n) => n + 1);
  };
  const runShortcut = (id: ShortcutId) => {
    const target = Object.entries(SECTION_SHORTCUTS).find(([, s]) => s === id)?.[0];
    if (target) return setSection(target as Section);
    switch (id) {
      case 'palette':
        return setPaletteOpen((open) => !open);
      case 'help':
        return setHelpOpen((open) => !open);
      case 'newUpdate':
        return newUpdate();
      case 'search':
        return focusSearch();
      case 'channelPrevious':
        return switchChannel(-1);
      case 'channelNext':
        return switchChannel(1);
    }
  };

  // The shortcut handler reads the latest closure without re-subscribing on every render.
  const shortcuts = useRef({ enabled: false, run: runShortcut });
  useEffect(() => {
    shortcuts.current = { enabled: workspace, run: runShortcut };
  });
  useEffect(() => {
    const matcher = new ShortcutMatcher(PLATFORM);
    const onKey = (e: KeyboardEvent) => {
      // A list row or the composer that used the key has said so; a held key does not repeat.
      if (!shortcuts.current.enabled || e.defaultPrevented || e.repeat) return;
      const typing = isTextField(e.target instanceof HTMLElement ? e.target : null);
      const open = openDialog();
      const result = matcher.handle(e, { typing, openDialog: open }, Date.now());
      if (result) {
        e.preventDefault();
        if (result.kind === 'match') shortcuts.current.run(result.id);
      } else if (!typing && open === null && /^[a-z]$/i.test(e.key) && listStep(e, PLATFORM)) {
        // J or K with no row focused: start at the first row of the list on screen.
        const first = document.querySelector<HTMLElement>(LIST_ROWS);
        if (first) {
          e.preventDefault();
          first.focus();
        }
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
      {paletteOpen ? (
        <CommandPalette
          channels={channels}
          onClose={() => setPaletteOpen(false)}
          onSection={setSection}
          onNewUpdate={newUpdate}
          onNewChannel={() => setChannelDialog({ channel: null })}
          onChannel={(id) => {
            setSelectedId(id);
            setSection('timeline');
          }}
          onSearch={focusSearch}
          onHelp={() => setHelpOpen(true)}
        />
      ) : null}
      {helpOpen ? <ShortcutsHelp onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
