// The channel dialog's "Publishing" section: the settings the hub needs to publish on the channel's
// platform (Telegram chat and bot token, webhook address and signing secret, WhatsApp channel link),
// checked with the platform before they are saved; for feeds, where the hub serves them.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';
import { describeError } from '../../i18n/describe-error';
import { channelQueries } from '../channels/channel-queries';
import { useSyncStatus } from '../sync/sync-queries';
import { ConnectorForm } from './ConnectorForm';
import { feedUrls } from './connector-fields';
import { publishingQueries } from './publishing-queries';

interface ConnectorSectionProps {
  channel: Channel;
  /** The dialog's platform field no longer matches the saved channel. */
  platformChanged: boolean;
}

/** One feed address, read-only, selected whole on focus (to copy). */
function FeedUrl(props: { id: string; label: string; url: string; testId: string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        value={props.url}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        data-testid={props.testId}
      />
    </div>
  );
}

/** A feed channel: nothing to set up; the hub's feed addresses, or why there are none. */
function FeedFacts({ channelId }: { channelId: string }) {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const urls = feedUrls(status, channelId);
  const rssId = useId();
  const jsonId = useId();
  return (
    <div className="form" data-testid="connector-form" data-platform="feed">
      <p>{t('connector.feedIntro')}</p>
      {urls ? (
        <>
          <FeedUrl
            id={rssId}
            label={t('connector.feedRss')}
            url={urls.rss}
            testId="connector-feed-rss"
          />
          <FeedUrl
            id={jsonId}
            label={t('connector.feedJson')}
            url={urls.json}
            testId="connector-feed-json"
          />
          <p className="hint">{t('connector.feedPublic')}</p>
        </>
      ) : (
        <p className="callout" data-testid="connector-feed-solo">
          {t('connector.feedNeedsTeam')}
        </p>
      )}
    </div>
  );
}

/** The section; reads the settings from the hub when the dialog opens. */
export function ConnectorSection({ channel: opened, platformChanged }: ConnectorSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  // The channel as it is now: it may reach the hub while the dialog is open.
  const channels = useQuery(channelQueries.list()).data;
  const channel = channels?.find((c) => c.id === opened.id) ?? opened;
  const onHub = channel.hub !== undefined;
  const query = useQuery({ ...publishingQueries.connector(channel.id), enabled: onHub });

  let body;
  if (platformChanged) body = <p className="callout">{t('connector.platformChanged')}</p>;
  else if (channel.platform === 'feed') body = <FeedFacts channelId={channel.id} />;
  else if (!onHub)
    body = (
      <p className="callout" data-testid="connector-not-on-hub">
        {t('connector.notOnHub')}
      </p>
    );
  else if (query.isPending) body = <p className="muted">{t('connector.loading')}</p>;
  else if (query.isError)
    body = (
      <div className="connector-error">
        <p role="alert" className="field-error" data-testid="connector-load-error">
          {describeError(query.error, t)}
        </p>
        <button
          type="button"
          className="button button-small"
          disabled={query.isFetching}
          onClick={() => void query.refetch()}
        >
          {t('connector.tryAgain')}
        </button>
      </div>
    );
  else body = <ConnectorForm key={channel.id} channel={channel} view={query.data} />;

  return (
    <section
      className="settings-section connector-section"
      aria-labelledby={headingId}
      data-testid="connector-section"
    >
      <h3 id={headingId}>{t('connector.title')}</h3>
      {body}
    </section>
  );
}
