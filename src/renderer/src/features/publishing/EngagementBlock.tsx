// A published copy's engagement inside its delivery panel: views, forwards, reactions by count,
// poll results as bars, the response rate and where the numbers came from — or, before there are
// any, where they will come from — and "Enter counts" for what only a person can read (WhatsApp).
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Locale, Update } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import type { Engagement } from '../../../../shared/sync/protocol';
import { useLocale } from '../../i18n/use-locale';
import { useNotices } from '../../shell/Notices';
import { storyKeys } from '../composer/story-queries';
import { EngagementForm } from './EngagementForm';
import {
  awaitingLine,
  formatCount,
  formatShare,
  hasNumbers,
  newerEngagement,
  pollResults,
  responseRate,
  sortedReactions,
  sourceLine,
  totalReactions,
  totalVotes,
} from './engagement-view';
import { useNow } from './use-clock';

interface EngagementBlockProps {
  copy: Update;
  channel: Channel;
}

/** Reactions as chips, most first. */
function ReactionChips({
  reactions,
  locale,
}: {
  reactions: Engagement['reactions'];
  locale: Locale;
}) {
  const { t } = useTranslation();
  const chips = sortedReactions(reactions);
  if (chips.length === 0) return null;
  return (
    <ul
      className="engagement-chips"
      aria-label={t('engagement.reactionsLabel')}
      data-testid="engagement-reactions"
    >
      {chips.map(({ emoji, count }) => (
        <li key={emoji} className="engagement-chip" data-emoji={emoji} data-count={count}>
          <span className="engagement-chip-emoji">{emoji}</span>
          <span className="engagement-chip-count">{formatCount(count, locale)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The poll's results: each option with a bar, its votes and its share. */
function PollBars({
  copy,
  votes,
  locale,
}: {
  copy: Update;
  votes: readonly number[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  const results = pollResults(copy.poll?.options ?? [], votes, (n) =>
    t('engagement.unnamedOption', { n }),
  );
  const total = totalVotes(votes);
  return (
    <div className="engagement-poll" data-testid="engagement-poll">
      <p className="engagement-poll-head">
        <strong>{copy.poll?.question ?? t('engagement.pollTitle')}</strong>
        <span className="muted">
          {t('engagement.votes', { count: total, n: formatCount(total, locale) })}
        </span>
      </p>
      <ol className="engagement-poll-rows">
        {results.map((r, i) => (
          <li
            key={i}
            className={`engagement-poll-row${r.leading ? ' engagement-poll-leading' : ''}`}
            data-votes={r.votes}
          >
            <span className="engagement-poll-option">{r.option}</span>
            <span className="engagement-poll-count">
              {t('engagement.optionResult', {
                votes: formatCount(r.votes, locale),
                share: formatShare(r.share, locale, 0),
              })}
            </span>
            <span className="engagement-bar" aria-hidden="true">
              <span className="engagement-bar-fill" style={{ width: `${r.share * 100}%` }} />
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The numbers themselves, once there are some. */
function EngagementNumbers({
  copy,
  engagement,
  channel,
}: {
  copy: Update;
  engagement: Engagement;
  channel: Channel;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const reactions = totalReactions(engagement.reactions);
  const rate = responseRate(engagement);
  const fmt = (n: number) => formatCount(n, locale);
  return (
    <>
      <ul className="engagement-stats">
        {engagement.views !== null ? (
          <li data-testid="engagement-views" data-count={engagement.views}>
            {t('engagement.views', { count: engagement.views, n: fmt(engagement.views) })}
          </li>
        ) : null}
        {engagement.forwards !== null ? (
          <li data-testid="engagement-forwards" data-count={engagement.forwards}>
            {t('engagement.forwards', { count: engagement.forwards, n: fmt(engagement.forwards) })}
          </li>
        ) : null}
        {reactions > 0 ? (
          <li data-testid="engagement-reactions-total" data-count={reactions}>
            {t('engagement.reactions', { count: reactions, n: fmt(reactions) })}
          </li>
        ) : null}
        {rate !== null ? (
          <li
            className="engagement-rate"
            title={t('engagement.rateHint')}
            data-testid="engagement-rate"
            data-rate={rate}
          >
            {t('engagement.rate', { rate: formatShare(rate, locale) })}
          </li>
        ) : null}
      </ul>
      <ReactionChips reactions={engagement.reactions} locale={locale} />
      {engagement.pollVotes !== null ? (
        <PollBars copy={copy} votes={engagement.pollVotes} locale={locale} />
      ) : null}
      {rate === null && engagement.views === null ? (
        <p className="hint">{t('engagement.rateNeedsViews')}</p>
      ) : null}
      <p
        className="hint"
        title={formatInstant(engagement.at, channel.timeZone, locale, 'short')}
        data-testid="engagement-source"
        data-source={engagement.source}
      >
        {sourceLine(engagement, now, locale, t)}
      </p>
    </>
  );
}

/** The block, for a copy that is (or was) published. */
export function EngagementBlock({ copy, channel }: EngagementBlockProps) {
  const { t } = useTranslation();
  const notices = useNotices();
  const client = useQueryClient();
  const heading = useId();
  const summaryRef = useRef<HTMLElement>(null);
  const [editing, setEditing] = useState(false);
  // The hub's answer to a save shows at once; the pulled copy takes over once it is as new.
  const [saved, setSaved] = useState<Engagement | null>(null);
  const engagement = newerEngagement(copy.engagement, saved);

  const onSaved = (value: Engagement) => {
    setSaved(value);
    setEditing(false);
    summaryRef.current?.focus();
    notices.info(t('engagement.saved', { channel: channel.name }));
    void client.invalidateQueries({ queryKey: storyKeys.one(copy.storyId) });
  };

  return (
    <section
      className="engagement"
      aria-labelledby={heading}
      data-testid="engagement"
      data-source={engagement?.source}
    >
      <h4 id={heading} className="engagement-title">
        {t('engagement.title')}
      </h4>
      {hasNumbers(engagement) ? (
        <EngagementNumbers copy={copy} engagement={engagement} channel={channel} />
      ) : (
        <p className="hint" data-testid="engagement-awaiting">
          {awaitingLine(channel.platform, t)}
        </p>
      )}
      <details
        className="engagement-edit"
        open={editing}
        onToggle={(e) => setEditing(e.currentTarget.open)}
      >
        <summary ref={summaryRef} data-testid="engagement-edit">
          {t('engagement.edit')}
        </summary>
        {editing ? (
          <EngagementForm
            copy={copy}
            engagement={engagement}
            onSaved={onSaved}
            onCancel={() => {
              setEditing(false);
              summaryRef.current?.focus();
            }}
          />
        ) : null}
      </details>
    </section>
  );
}
