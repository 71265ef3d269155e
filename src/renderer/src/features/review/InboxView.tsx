// The review inbox: stories waiting for a decision (and those sent back for changes), from this
// desk, and the comments that mention me, from the hub. Opening an item opens its story.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InboxItem, ReviewQueueItem } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { desk } from '../../api/desk-client';
import { describeError, isDeskError } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { channelColour } from '../../lib/channel-colour';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { reviewKeys, reviewQueries, useReviewQueue } from './review-queries';

interface InboxViewProps {
  channels: Channel[];
  onOpen: (storyId: string) => void;
}

/** The inbox page. */
export function InboxView({ channels, onOpen }: InboxViewProps) {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const waiting = (queue.data ?? []).filter((i) => i.state === 'in_review');
  const sentBack = (queue.data ?? []).filter((i) => i.state === 'changes_requested');

  return (
    <section className="view view-inbox" aria-labelledby="inbox-title" data-testid="inbox-view">
      <header className="view-header">
        <div>
          <h1 id="inbox-title">{t('review.inbox.title')}</h1>
          <p className="view-subtitle">{t('review.inbox.subtitle')}</p>
        </div>
      </header>
      <div className="scroll-area">
        <section aria-labelledby="inbox-waiting" data-testid="inbox-waiting">
          <h2 id="inbox-waiting" className="inbox-section-title">
            {t('review.inbox.waiting')}
          </h2>
          {queue.isError ? (
            <p role="alert" className="inline-error">
              {describeError(queue.error, t)}
            </p>
          ) : null}
          {queue.isSuccess && waiting.length === 0 ? (
            <p className="muted small">{t('review.inbox.noneWaiting')}</p>
          ) : null}
          <QueueList items={waiting} channels={channels} onOpen={onOpen} />
        </section>
        {sentBack.length > 0 ? (
          <section aria-labelledby="inbox-sent-back" data-testid="inbox-sent-back">
            <h2 id="inbox-sent-back" className="inbox-section-title">
              {t('review.inbox.sentBack')}
            </h2>
            <QueueList items={sentBack} channels={channels} onOpen={onOpen} />
          </section>
        ) : null}
        <Mentions onOpen={onOpen} />
      </div>
    </section>
  );
}

function QueueList(props: {
  items: ReviewQueueItem[];
  channels: Channel[];
  onOpen: (storyId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byId = new Map(props.channels.map((c) => [c.id, c]));
  const who = (item: ReviewQueueItem) => item.by.name || t('review.inbox.someone');
  const when = (item: ReviewQueueItem) => formatInstant(item.at, EDITOR_ZONE, locale, 'short');
  return (
    <ul className="inbox-list">
      {props.items.map((item) => (
        <li key={item.storyId} data-testid="inbox-story" data-story-id={item.storyId}>
          <button type="button" className="inbox-item" onClick={() => props.onOpen(item.storyId)}>
            <span className="row-main">
              <strong className="row-title">{item.title || t('row.untitled')}</strong>
              <span className="row-excerpt">
                {item.state === 'in_review'
                  ? t('review.inbox.submittedBy', { name: who(item), when: when(item) })
                  : t('review.inbox.sentBackBy', { name: who(item), when: when(item) })}
                {item.note ? ` — ${item.note}` : ''}
              </span>
            </span>
            <span className="row-badges">
              {item.channelIds.map((id) => (
                <span key={id} className="badge badge-channel">
                  <span className="channel-dot" style={{ background: channelColour(id) }} />
                  {byId.get(id)?.name ?? '—'}
                </span>
              ))}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function Mentions({ onOpen }: { onOpen: (storyId: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const inbox = useInfiniteQuery(reviewQueries.inbox());
  const items: InboxItem[] = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = inbox.data?.pages[0]?.unread ?? 0;
  const offline = isDeskError(inbox.error) && inbox.error.code === 'hub_unreachable';

  const markRead = useMutation({
    mutationFn: () => desk.markInboxRead({}),
    onSuccess: () => void client.invalidateQueries({ queryKey: reviewKeys.inbox }),
  });

  return (
    <section aria-labelledby="inbox-mentions" data-testid="inbox-mentions">
      <div className="inbox-heading">
        <h2 id="inbox-mentions" className="inbox-section-title">
          {t('review.inbox.mentions')}{' '}
          {unread > 0 ? (
            <span className="badge" data-testid="inbox-unread">
              {t('review.inbox.unread', { n: unread })}
            </span>
          ) : null}
        </h2>
        {unread > 0 ? (
          <button
            type="button"
            className="button button-small"
            disabled={markRead.isPending}
            onClick={() => markRead.mutate()}
            data-testid="inbox-mark-read"
          >
            {t('review.inbox.markRead')}
          </button>
        ) : null}
      </div>
      {inbox.isError ? (
        <p role="alert" className="inline-error">
          {offline ? t('review.inbox.offline') : describeError(inbox.error, t)}
        </p>
      ) : null}
      {markRead.isError ? (
        <p role="alert" className="inline-error">
          {describeError(markRead.error, t)}
        </p>
      ) : null}
      {inbox.isSuccess && items.length === 0 ? (
        <p className="muted small">{t('review.inbox.noMentions')}</p>
      ) : null}
      <ul className="inbox-list">
        {items.map((item) => (
          <li key={item.id} data-testid="inbox-mention" data-story-id={item.storyId}>
            <button type="button" className="inbox-item" onClick={() => onOpen(item.storyId)}>
              <span className="row-main">
                <span className="row-title-line">
                  {item.unread ? <span className="badge">{t('review.inbox.new')}</span> : null}{' '}
                  <strong className="row-title">{item.storyTitle || t('row.untitled')}</strong>
                </span>
                <span className="row-excerpt">
                  {t('review.inbox.mentionedBy', {
                    name: item.author?.name || t('review.comments.formerMember'),
                    when: formatInstant(item.at, EDITOR_ZONE, locale, 'short'),
                  })}
                </span>
                <span className="row-excerpt">{item.body}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {inbox.hasNextPage ? (
        <button
          type="button"
          className="button button-small"
          disabled={inbox.isFetchingNextPage}
          onClick={() => void inbox.fetchNextPage()}
          data-testid="inbox-more"
        >
          {t('review.inbox.more')}
        </button>
      ) : null}
    </section>
  );
}
