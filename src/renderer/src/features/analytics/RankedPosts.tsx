// The best or worst posts of the range by response rate; each opens its story in the composer.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportPost } from '../../../../shared/analytics';
import { formatCount, formatRate } from '../../../../shared/analytics';
import type { Locale } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { intlTag } from '../../i18n/use-locale';
import { channelColour } from '../../lib/channel-colour';

interface RankedPostsProps {
  title: string;
  posts: ReportPost[];
  zone: string;
  locale: Locale;
  testId: string;
  onOpen: (storyId: string) => void;
}

export function RankedPosts({ title, posts, zone, locale, testId, onOpen }: RankedPostsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const tag = intlTag(locale);
  return (
    <section className="analytics-ranked" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId} className="analytics-section-title">
        {title}
      </h2>
      {posts.length === 0 ? (
        <p className="hint">{t('analytics.ranked.none')}</p>
      ) : (
        <ol className="analytics-ranked-list">
          {posts.map((post) => (
            <li key={post.updateId} data-update-id={post.updateId} data-rate={post.responseRate}>
              <button
                type="button"
                className="analytics-ranked-open"
                onClick={() => onOpen(post.storyId)}
              >
                <span className="analytics-ranked-text">
                  {post.excerpt || t('analytics.ranked.untitled')}
                </span>
                <span className="analytics-ranked-meta">
                  <span
                    className="channel-dot"
                    style={{ background: channelColour(post.channelId) }}
                    aria-hidden="true"
                  />
                  {post.channelName ?? t('analytics.ranked.goneChannel')}
                  {' · '}
                  <time dateTime={post.publishedAt}>
                    {formatInstant(post.publishedAt, zone, locale, 'short')}
                  </time>
                </span>
                <span className="analytics-ranked-rate">
                  {t('analytics.ranked.rate', {
                    rate: formatRate(post.responseRate, tag),
                    views: formatCount(post.views, tag),
                    count: post.views,
                  })}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
