// The left column: new update, navigation and the channel list.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../shared/domain';
import { PlatformIcon } from '../components/icons';
import { platformLabel } from '../i18n/labels';
import { channelColour } from '../lib/channel-colour';
import { useReviewQueue } from '../features/review/review-queries';

export type Section =
  | 'timeline'
  | 'week'
  | 'search'
  | 'inbox'
  | 'analytics'
  | 'archive'
  | 'transfer'
  | 'audit'
  | 'trash'
  | 'settings';

interface SidebarProps {
  channels: Channel[];
  selectedChannelId: string | null;
  section: Section;
  onSection: (s: Section) => void;
  onSelectChannel: (id: string) => void;
  onNewChannel: () => void;
  onEditChannel: (c: Channel) => void;
  onNewUpdate: () => void;
  creating: boolean;
}

/** Navigation and channels. */
export function Sidebar(props: SidebarProps) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const visible = props.channels.filter((c) => showArchived || !c.archived);
  const archivedCount = props.channels.filter((c) => c.archived).length;
  const waiting = (useReviewQueue().data ?? []).filter((i) => i.state === 'in_review').length;
  const nav: { id: Section; label: string; badge?: string }[] = [
    { id: 'timeline', label: t('nav.timeline') },
    { id: 'week', label: t('nav.week') },
    { id: 'search', label: t('nav.search') },
    {
      id: 'inbox',
      label: t('review.nav.inbox'),
      ...(waiting > 0 ? { badge: t('review.nav.waiting', { n: waiting }) } : {}),
    },
    { id: 'analytics', label: t('analytics.nav') },
    { id: 'archive', label: t('archive.nav') },
    { id: 'transfer', label: t('transfer.nav') },
    { id: 'audit', label: t('audit.nav') },
    { id: 'trash', label: t('nav.trash') },
    { id: 'settings', label: t('nav.settings') },
  ];

  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">{t('app.name')}</div>
      <button
        type="button"
        className="button button-primary new-update"
        onClick={props.onNewUpdate}
        disabled={props.creating}
        data-testid="new-update"
        aria-keyshortcuts="Control+N Meta+N"
      >
        {t('nav.newUpdate')}
      </button>
      <ul className="nav-list">
        {nav.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={props.section === n.id ? 'page' : undefined}
              onClick={() => props.onSection(n.id)}
              data-testid={`nav-${n.id}`}
            >
              {n.label}
              {n.badge ? (
                <span className="badge" data-testid={`nav-${n.id}-badge`}>
                  {n.badge}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>

      <section className="sidebar-channels" aria-labelledby="channels-heading">
        <div className="sidebar-heading">
          <h2 id="channels-heading">{t('nav.channels')}</h2>
          <button
            type="button"
            className="button button-small"
            onClick={props.onNewChannel}
            data-testid="new-channel"
          >
            {t('nav.newChannel')}
          </button>
        </div>
        {visible.length === 0 ? <p className="muted small">{t('nav.noChannels')}</p> : null}
        <ul className="channel-list" data-testid="channel-list">
          {visible.map((c) => (
            <li key={c.id} className={c.archived ? 'archived' : undefined}>
              <button
                type="button"
                className="channel-link"
                aria-current={
                  props.section === 'timeline' && props.selectedChannelId === c.id
                    ? 'page'
                    : undefined
                }
                onClick={() => props.onSelectChannel(c.id)}
                data-testid="channel-link"
                data-channel-id={c.id}
              >
                <span className="channel-dot" style={{ background: channelColour(c.id) }} />
                <span className="channel-name">{c.name}</span>
                <span className="channel-platform" title={platformLabel(c.platform, t)}>
                  <PlatformIcon platform={c.platform} size={14} />
                  <span className="visually-hidden">{platformLabel(c.platform, t)}</span>
                </span>
                {c.archived ? <span className="badge">{t('channel.archivedBadge')}</span> : null}
              </button>
              <button
                type="button"
                className="icon-button channel-edit"
                aria-label={t('channel.editNamed', { name: c.name })}
                onClick={() => props.onEditChannel(c)}
              >
                ✎
              </button>
            </li>
          ))}
        </ul>
        {archivedCount > 0 ? (
          <label className="check small">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.target.checked)}
              data-testid="show-archived"
            />
            {t('nav.showArchived', { n: archivedCount })}
          </label>
        ) : null}
      </section>
    </nav>
  );
}
