// The analytics screen: a range and channels, the totals, posts per day (loud and silent), the
// response rate over time, the busiest hours and the best and worst posts. Days are read in the
// editor's zone; everything comes from the desk's own copies, so it works offline.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsReport } from '../../../../shared/analytics';
import { formatCount, formatRate } from '../../../../shared/analytics';
import type { Channel, Locale } from '../../../../shared/domain';
import { describeError } from '../../i18n/describe-error';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import '../../styles/analytics.css';
import { HoursChart, PostsChart, RateChart } from './AnalyticsCharts';
import type { RangeChoice } from './analytics-range';
import { resolveRange } from './analytics-range';
import { useAnalyticsReport } from './analytics-queries';
import { dayRows, hourRows } from './chart-data';
import { RangeControls } from './RangeControls';
import { RankedPosts } from './RankedPosts';

interface AnalyticsScreenProps {
  channels: Channel[];
  onOpen: (storyId: string) => void;
}

function Totals({ report, locale }: { report: AnalyticsReport; locale: Locale }) {
  const { t } = useTranslation();
  const tag = intlTag(locale);
  const { totals } = report;
  const cards: { key: string; label: string; value: string; note?: string }[] = [
    {
      key: 'posts',
      label: t('analytics.totals.posts'),
      value: formatCount(totals.posts, tag),
      note: t('analytics.totals.loudSilent', {
        loud: formatCount(totals.loud, tag),
        silent: formatCount(totals.silent, tag),
      }),
    },
    {
      key: 'views',
      label: t('analytics.totals.views'),
      value: formatCount(totals.views, tag),
      note: t('analytics.totals.withViews', {
        count: totals.postsWithViews,
        n: formatCount(totals.postsWithViews, tag),
      }),
    },
    {
      key: 'responses',
      label: t('analytics.totals.responses'),
      value: formatCount(totals.responses, tag),
    },
    {
      key: 'rate',
      label: t('analytics.totals.rate'),
      value: totals.responseRate === null ? '—' : formatRate(totals.responseRate, tag),
      note: t('analytics.totals.rateHint'),
    },
    {
      key: 'forwards',
      label: t('analytics.totals.forwards'),
      value: formatCount(totals.forwards, tag),
    },
  ];
  return (
    <dl className="analytics-totals" data-testid="analytics-totals">
      {cards.map((card) => (
        <div key={card.key} className="analytics-card" data-total={card.key}>
          <dt>{card.label}</dt>
          <dd className="analytics-card-value">{card.value}</dd>
          {card.note ? <dd className="analytics-card-note">{card.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

export function AnalyticsScreen({ channels, onOpen }: AnalyticsScreenProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [choice, setChoice] = useState<RangeChoice>({ kind: 'preset', days: 30 });
  const [chosen, setChosen] = useState<string[]>([]);
  // Chosen channels that were archived or removed since are left out of the question.
  const known = chosen.filter((id) => channels.some((c) => c.id === id));
  // Today is read once per choice: the range does not move under the editor while they look.
  const range = useMemo(() => resolveRange(choice, EDITOR_ZONE, new Date()), [choice]);
  const arg = range ? { ...range, zone: EDITOR_ZONE, channelIds: known } : null;
  const report = useAnalyticsReport(arg);
  const data = report.data;
  const days = useMemo(() => (data ? dayRows(data, locale) : []), [data, locale]);
  const hours = useMemo(() => (data ? hourRows(data, locale) : []), [data, locale]);

  return (
    <section
      className="view view-analytics"
      aria-labelledby="analytics-title"
      aria-busy={report.isFetching}
      data-testid="analytics-view"
    >
      <header className="view-header">
        <div>
          <h1 id="analytics-title">{t('analytics.title')}</h1>
          <p className="view-subtitle">{t('analytics.subtitle')}</p>
        </div>
      </header>
      <RangeControls
        choice={choice}
        onChoice={setChoice}
        shownRange={data ? { from: data.range.from, to: data.range.to } : range}
        channels={channels}
        chosen={known}
        onChosen={setChosen}
        zone={EDITOR_ZONE}
      />
      {report.isError ? (
        <p role="alert" className="inline-error" data-testid="analytics-error">
          {describeError(report.error, t)}
        </p>
      ) : null}
      {report.isPending && arg ? <p className="muted">{t('analytics.loading')}</p> : null}
      {data && data.totals.posts === 0 ? (
        <div className="empty-state" data-testid="analytics-empty">
          <p>{t('analytics.empty')}</p>
        </div>
      ) : null}
      {data && data.totals.posts > 0 ? (
        <div className="analytics-body scroll-area">
          <Totals report={data} locale={locale} />
          <div className="analytics-grid-charts">
            <PostsChart days={days} locale={locale} />
            <RateChart days={days} locale={locale} />
            <HoursChart hours={hours} locale={locale} />
          </div>
          {data.unrated > 0 ? (
            <p className="hint">
              {t('analytics.unrated', {
                count: data.unrated,
                n: formatCount(data.unrated, intlTag(locale)),
              })}
            </p>
          ) : null}
          <div className="analytics-ranked-pair">
            <RankedPosts
              title={t('analytics.ranked.best')}
              posts={data.best}
              zone={EDITOR_ZONE}
              locale={locale}
              testId="analytics-best"
              onOpen={onOpen}
            />
            <RankedPosts
              title={t('analytics.ranked.worst')}
              posts={data.worst}
              zone={EDITOR_ZONE}
              locale={locale}
              testId="analytics-worst"
              onOpen={onOpen}
            />
          </div>
        </div>
      ) : null}
    </section>
  );
}
