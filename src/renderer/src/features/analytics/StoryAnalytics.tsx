// In the composer's publishing area: the story's numbers channel by channel and gathered (polls
// summed when every channel asked the same one), and each copy's timeline of states. The numbers
// are the desk's own; the full timeline comes from the hub's history, and offline the copy tells
// what it knows.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PollResults, StorySummary } from '../../../../shared/analytics';
import {
  formatCount,
  formatRate,
  summarizeStory,
  timelineFromCopy,
  timelineFromHistory,
} from '../../../../shared/analytics';
import type { Channel, Locale, Update } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { sortedReactions } from '../publishing/engagement-view';
import { useNow } from '../publishing/use-clock';
import { syncQueries } from '../sync/sync-queries';
import '../../styles/analytics.css';
import { stepActor, stepLabel } from './copy-timeline-words';

interface StoryAnalyticsProps {
  storyId: string;
  copies: Update[];
  byId: Map<string, Channel>;
}

function reactionsText(reactions: Record<string, number>, tag: string): string {
  return sortedReactions(reactions)
    .map((r) => `${r.emoji} ${formatCount(r.count, tag)}`)
    .join('  ');
}

function PollTable({ poll, tag, caption }: { poll: PollResults; tag: string; caption: string }) {
  const total = poll.votes.reduce((a, b) => a + b, 0);
  return (
    <table className="story-numbers-poll">
      <caption>{caption}</caption>
      <tbody>
        {poll.options.map((option, i) => (
          <tr key={i}>
            <th scope="row">{option}</th>
            <td>{formatCount(poll.votes[i] ?? 0, tag)}</td>
            <td>{formatRate(total > 0 ? (poll.votes[i] ?? 0) / total : 0, tag, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Per channel and gathered: views, reactions by emoji, forwards, rate, and the polls. */
function StoryNumbers({ summary, locale }: { summary: StorySummary; locale: Locale }) {
  const { t } = useTranslation();
  const tag = intlTag(locale);
  const headingId = useId();
  const { gathered, perChannel } = summary;
  const count = (n: number | null) => (n === null ? '—' : formatCount(n, tag));
  const rate = (r: number | null) => (r === null ? '—' : formatRate(r, tag));
  return (
    <section className="story-numbers" aria-labelledby={headingId} data-testid="story-numbers">
      <h4 id={headingId}>{t('storyNumbers.title')}</h4>
      <div className="story-numbers-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('storyNumbers.channel')}</th>
              <th scope="col">{t('storyNumbers.views')}</th>
              <th scope="col">{t('storyNumbers.reactions')}</th>
              <th scope="col">{t('storyNumbers.forwards')}</th>
              <th scope="col">{t('storyNumbers.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {perChannel.map((row) => (
              <tr key={row.updateId} data-channel-id={row.channelId}>
                <th scope="row">{row.channelName ?? t('analytics.ranked.goneChannel')}</th>
                <td>{count(row.views)}</td>
                <td>{reactionsText(row.reactions, tag) || '—'}</td>
                <td>{count(row.forwards)}</td>
                <td>{rate(row.responseRate)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="story-numbers-gathered">
              <th scope="row">{t('storyNumbers.gathered', { count: gathered.posts })}</th>
              <td>{count(gathered.views)}</td>
              <td>{reactionsText(gathered.reactions, tag) || '—'}</td>
              <td>{count(gathered.forwards)}</td>
              <td>{rate(gathered.responseRate)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {gathered.poll ? (
        <div data-testid="story-numbers-poll">
          <PollTable
            poll={gathered.poll}
            tag={tag}
            caption={t('storyNumbers.pollGathered', { question: gathered.poll.question })}
          />
        </div>
      ) : null}
      {gathered.pollsDiffer ? (
        <div data-testid="story-numbers-polls-differ">
          <p className="hint">{t('storyNumbers.pollsDiffer')}</p>
          {perChannel.map((row) =>
            row.poll ? (
              <PollTable
                key={row.updateId}
                poll={row.poll}
                tag={tag}
                caption={t('storyNumbers.pollOf', {
                  channel: row.channelName ?? t('analytics.ranked.goneChannel'),
                  question: row.poll.question,
                })}
              />
            ) : null,
          )}
        </div>
      ) : null}
    </section>
  );
}

/** One copy's steps: from the hub's history once opened, else from the copy itself. */
function CopyTimelineBody({ copy, channel }: { copy: Update; channel: Channel }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const history = useQuery(syncQueries.history('update', copy.id));
  if (history.isPending) return <p className="muted">{t('copyTimeline.loading')}</p>;
  const timeline = history.isSuccess
    ? timelineFromHistory(copy, history.data, now)
    : timelineFromCopy(copy, now);
  return (
    <>
      {!timeline.fromHistory ? (
        <p className="hint" data-testid="copy-timeline-offline">
          {t('copyTimeline.offline')}
        </p>
      ) : null}
      <ol className="copy-timeline" data-testid="copy-timeline-steps">
        {timeline.steps.map((step, i) => {
          const who = stepActor(step, t);
          return (
            <li
              key={i}
              className={`copy-timeline-step copy-timeline-${step.kind}`}
              data-step={step.kind}
            >
              <span className="copy-timeline-what">{stepLabel(step, channel.platform, t)}</span>
              {step.at ? (
                <time dateTime={step.at} className="muted">
                  {formatInstant(step.at, EDITOR_ZONE, locale, 'short')}
                </time>
              ) : null}
              {who ? <span className="muted">{who}</span> : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function CopyTimeline({ copy, channel }: { copy: Update; channel: Channel }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="copy-timeline-box"
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid="copy-timeline"
      data-update-id={copy.id}
    >
      <summary>{t('copyTimeline.title', { channel: channel.name })}</summary>
      {/* The history is asked of the hub only when someone opens it. */}
      {open ? <CopyTimelineBody copy={copy} channel={channel} /> : null}
    </details>
  );
}

export function StoryAnalytics({ storyId, copies, byId }: StoryAnalyticsProps) {
  const locale = useLocale();
  const summary = summarizeStory(storyId, copies, [...byId.values()]);
  const live = copies.filter((c) => c.deletedAt === null && byId.has(c.channelId));
  return (
    <div className="story-analytics">
      {summary.perChannel.length > 1 ? <StoryNumbers summary={summary} locale={locale} /> : null}
      {live.map((copy) => (
        <CopyTimeline key={copy.id} copy={copy} channel={byId.get(copy.channelId)!} />
      ))}
    </div>
  );
}
