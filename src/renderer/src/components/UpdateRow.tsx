// One copy in a list (timeline, search): time, title, badges and actions.
import type { KeyboardEvent, ReactNode } from 'react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parseSource, toPlain } from '../../../shared/formatting';
import type { UpdateSummary } from '../../../shared/contract';
import type { Channel } from '../../../shared/domain';
import { formatInstant } from '../../../shared/schedule';
import { statusLabel } from '../i18n/labels';
import { useLocale } from '../i18n/use-locale';
import { channelColour } from '../lib/channel-colour';
import { excerptBeyondTitle } from '../lib/row-excerpt';
import { EDITOR_ZONE } from '../lib/time-zones';
import { DeliveryBadge } from '../features/publishing/DeliveryBadge';
import { ConflictBadge, PlatformBadge, SyncBadge } from './Badges';
import { AttachmentIcon, PollIcon } from './icons';

interface UpdateRowProps {
  summary: UpdateSummary;
  channel: Channel | undefined;
  /** Show the channel's name (lists across channels). */
  showChannel?: boolean;
  /** 'time' under a day heading, 'short' with the date. */
  timeStyle: 'time' | 'short';
  onOpen: (storyId: string) => void;
  actions?: ReactNode;
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
  /** Position in a virtualised list (0-based) and its length, for assistive technology. */
  index?: number;
  size?: number;
}

/** A focusable row; Enter opens the story. Memoised: pass stable callbacks where it matters. */
export const UpdateRow = memo(function UpdateRow(props: UpdateRowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { summary: s, channel } = props;
  const zone = channel?.timeZone ?? EDITOR_ZONE;
  const title = s.title.trim() || t('row.untitled');
  const when = s.at ? formatInstant(s.at, zone, locale, props.timeStyle) : null;
  // The excerpt is source text: show it without its markup, as a reader would see it, and
  // without the title it starts with.
  const excerpt = useMemo(
    () => excerptBeyondTitle(s.title.trim(), toPlain(parseSource(s.excerpt)).replace(/\s+/g, ' ')),
    [s.title, s.excerpt],
  );

  return (
    <div
      className={`update-row status-${s.status}`}
      role="listitem"
      tabIndex={0}
      aria-label={`${title}${when ? `, ${when}` : ''}${s.hasConflict ? `, ${t('syncBadge.conflict')}` : ''}`}
      aria-setsize={props.size}
      aria-posinset={props.index === undefined ? undefined : props.index + 1}
      data-testid="update-row"
      data-update-id={s.id}
      data-story-id={s.storyId}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) {
          e.preventDefault();
          props.onOpen(s.storyId);
        }
        props.onKeyDown?.(e);
      }}
      onDoubleClick={() => props.onOpen(s.storyId)}
    >
      <div className="row-time">
        {when ? (
          <>
            <span>{when}</span>
            {s.mode === 'queue' ? <span className="row-mode">{t('row.queued')}</span> : null}
          </>
        ) : (
          <span className="muted">{statusLabel(s.status, t)}</span>
        )}
      </div>
      <div className="row-main">
        <div className="row-title-line">
          <button
            type="button"
            className="row-title link-button"
            onClick={() => props.onOpen(s.storyId)}
            data-testid="open-update"
          >
            {title}
          </button>
          {/* In the title's line, so they stay visible when narrow windows hide the badges. */}
          {s.hasConflict ? <ConflictBadge /> : null}
          <DeliveryBadge delivery={s.delivery} />
        </div>
        {excerpt ? <p className="row-excerpt">{excerpt}</p> : null}
      </div>
      <div className="row-badges">
        {props.showChannel && channel ? (
          <span className="badge badge-channel">
            <span className="channel-dot" style={{ background: channelColour(channel.id) }} />
            {channel.name}
          </span>
        ) : null}
        {channel ? <PlatformBadge platform={channel.platform} compact /> : null}
        {s.attachmentCount > 0 ? (
          <span className="badge" title={t('row.attachments', { count: s.attachmentCount })}>
            <AttachmentIcon />
            <span>{s.attachmentCount}</span>
            <span className="visually-hidden">
              {t('row.attachments', { count: s.attachmentCount })}
            </span>
          </span>
        ) : null}
        {s.hasPoll ? (
          <span className="badge" title={t('row.poll')}>
            <PollIcon />
            <span className="visually-hidden">{t('row.poll')}</span>
          </span>
        ) : null}
        {s.customized ? <span className="badge badge-custom">{t('row.customized')}</span> : null}
        <SyncBadge state={s.syncState} note={s.syncNote} changedBy={s.changedBy} />
      </div>
      {props.actions ? <div className="row-actions">{props.actions}</div> : null}
    </div>
  );
});
