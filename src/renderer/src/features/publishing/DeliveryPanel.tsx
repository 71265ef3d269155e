// One copy's delivery in the composer: its state in words, the hub's reason, when it was published
// (in the channel's zone), the link to the post, corrections, the platform's windows counting down,
// Retry for a failure, the copy's engagement once published, and the hub's publications under
// "Details".
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicationsView } from '../../../../shared/contract';
import type { Channel, Update } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import type { Delivery } from '../../../../shared/sync/protocol';
import { desk } from '../../api/desk-client';
import { ClockIcon, PlatformIcon } from '../../components/icons';
import { describeError } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { useNotices } from '../../shell/Notices';
import { storyKeys } from '../composer/story-queries';
import { countdowns } from './countdown';
import { DeliveryBadge } from './DeliveryBadge';
import { canRetry, isOverdue } from './delivery-words';
import { EngagementBlock } from './EngagementBlock';
import { PublicationList } from './PublicationList';
import { ExternalIcon } from './PublishingIcons';
import { publishingKeys } from './publishing-queries';
import { useNow } from './use-clock';

interface DeliveryPanelProps {
  copy: Update;
  delivery: Delivery;
  channel: Channel;
}

/** After an action: the hub's answer feeds the details, and the story is read again. */
function useAfterAction(copy: Update) {
  const client = useQueryClient();
  return (view: PublicationsView) => {
    client.setQueryData(publishingKeys.publications(copy.id), view);
    void client.invalidateQueries({ queryKey: storyKeys.one(copy.storyId) });
  };
}

/** The state as a sentence with its time: "Published Fri 12 Jun 2026, 10:02 CEST". */
function StateLine({ delivery, zone, now }: { delivery: Delivery; zone: string; now: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = (iso: string) => formatInstant(iso, zone, locale, 'short');
  switch (delivery.state) {
    case 'publishing':
      return <>{t('delivery.line.publishing')}</>;
    case 'published':
      return (
        <>{t('delivery.line.published', { when: when(delivery.publishedAt ?? delivery.at) })}</>
      );
    case 'failed':
      return (
        <>
          {t('delivery.line.failed', { when: when(delivery.at) })}
          {delivery.attempts > 0
            ? ` · ${t('delivery.attempts', { count: delivery.attempts })}`
            : ''}
        </>
      );
    case 'due':
      return isOverdue(delivery, now) ? (
        <strong className="delivery-overdue-text">
          {t('delivery.line.overdue', { when: when(delivery.at) })}
        </strong>
      ) : (
        <>{t('delivery.line.due', { when: when(delivery.at) })}</>
      );
    case 'withdrawn':
      return <>{t('delivery.line.withdrawn', { when: when(delivery.at) })}</>;
  }
}

/** The panel for one copy that the hub has tried to publish. */
export function DeliveryPanel({ copy, delivery, channel }: DeliveryPanelProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const now = useNow();
  const [detailsOpen, setDetailsOpen] = useState(false);
  const after = useAfterAction(copy);

  const retry = useMutation({
    mutationFn: () => desk.retryPublication({ updateId: copy.id }),
    onSuccess: (view) => {
      after(view);
      notices.info(t('delivery.retried', { channel: channel.name }));
    },
  });
  const confirmThere = useMutation({
    mutationFn: () => desk.confirmPublication({ updateId: copy.id }),
    onSuccess: (view) => {
      after(view);
      notices.info(t('delivery.confirmedThere', { channel: channel.name }));
    },
  });
  const error = retry.error ?? confirmThere.error;
  const busy = retry.isPending || confirmThere.isPending;
  const windows = countdowns(delivery, channel.platform, now, t);

  return (
    <section
      className={`delivery-panel delivery-panel-${delivery.state}`}
      aria-label={t('delivery.panelLabel', { channel: channel.name })}
      data-testid="delivery-panel"
      data-update-id={copy.id}
      data-channel-id={channel.id}
    >
      <div className="delivery-head">
        <PlatformIcon platform={channel.platform} size={14} />
        <strong>{channel.name}</strong>
        <DeliveryBadge delivery={delivery} testId="delivery-state" />
        <span className="spacer" />
        {canRetry(delivery) ? (
          <button
            type="button"
            className="button button-small button-primary"
            disabled={busy}
            onClick={() => retry.mutate()}
            data-testid="delivery-retry"
          >
            {retry.isPending ? t('delivery.retrying') : t('delivery.retry')}
          </button>
        ) : null}
        {delivery.state === 'failed' ? (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => confirmThere.mutate()}
            title={t('delivery.confirmThereHint')}
            data-testid="delivery-confirm-there"
          >
            {t('delivery.confirmThere')}
          </button>
        ) : null}
      </div>
      <p className="delivery-line">
        <StateLine delivery={delivery} zone={channel.timeZone} now={now} />
        {delivery.url ? (
          <>
            {' · '}
            <a
              href={delivery.url}
              target="_blank"
              rel="noreferrer noopener"
              data-testid="delivery-link"
            >
              {t('delivery.openPost')}
              <ExternalIcon size={12} />
            </a>
          </>
        ) : null}
        {delivery.corrections > 0 ? (
          <>
            {' · '}
            <span data-testid="delivery-corrections">
              {t('delivery.corrections', { count: delivery.corrections })}
            </span>
          </>
        ) : null}
      </p>
      {delivery.reason ? (
        <p
          className={delivery.state === 'publishing' ? 'hint' : 'field-error'}
          data-testid="delivery-reason"
        >
          {delivery.reason}
        </p>
      ) : null}
      {windows.length > 0 ? (
        <ul className="delivery-countdowns">
          {windows.map((w) => (
            <li
              key={w.kind}
              className={w.expired ? 'muted' : undefined}
              data-testid="delivery-countdown"
              data-kind={w.kind}
              data-expired={w.expired || undefined}
            >
              <ClockIcon />
              {w.text}
            </li>
          ))}
        </ul>
      ) : null}
      {delivery.state === 'published' || delivery.state === 'withdrawn' ? (
        <EngagementBlock copy={copy} channel={channel} />
      ) : null}
      {error ? (
        <p role="alert" className="field-error" data-testid="delivery-error">
          {describeError(error, t)}
        </p>
      ) : null}
      <details
        className="delivery-details"
        onToggle={(e) => setDetailsOpen(e.currentTarget.open)}
        data-testid="delivery-details"
      >
        <summary>{t('delivery.details.title')}</summary>
        {detailsOpen ? <PublicationList updateId={copy.id} zone={channel.timeZone} /> : null}
      </details>
    </section>
  );
}
