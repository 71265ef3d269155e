// The three charts (posts per day loud/silent, response rate per day, busiest hours), each a figure
// with a name, a one-sentence summary for screen readers and the numbers as a hidden table.
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCount, formatRate } from '../../../../shared/analytics';
import type { Locale } from '../../../../shared/domain';
import { intlTag } from '../../i18n/use-locale';
import type { DayRow, HourRow } from './chart-data';
import { peakRow, rateExtremes } from './chart-data';

const CHART_HEIGHT_PX = 220;
/** Fallback colours; the stylesheet paints the marks with the theme's variables. */
const LOUD_FILL = '#1f5fbf';
const SILENT_FILL = '#93a4bb';

interface ChartFigureProps {
  testId: string;
  title: string;
  /** What the chart shows, in a sentence, for screen readers. */
  summary: string;
  /** The numbers as a table (visually hidden). */
  table: ReactNode;
  legend?: ReactNode;
  children: ReactNode;
}

function ChartFigure({ testId, title, summary, table, legend, children }: ChartFigureProps) {
  const titleId = useId();
  return (
    <figure className="analytics-chart" aria-labelledby={titleId} data-testid={testId}>
      <figcaption id={titleId} className="analytics-chart-title">
        {title}
      </figcaption>
      {legend}
      <div className="analytics-chart-canvas" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
          {children}
        </ResponsiveContainer>
      </div>
      <div className="visually-hidden">{table}</div>
    </figure>
  );
}

/** A tooltip in the page's colours: a heading and one line per value. */
function ChartTip({
  active,
  heading,
  lines,
}: {
  active: boolean;
  heading: string;
  lines: string[];
}) {
  if (!active) return null;
  return (
    <div className="analytics-tooltip">
      <strong>{heading}</strong>
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </div>
  );
}

interface ChartsProps {
  days: DayRow[];
  hours: HourRow[];
  locale: Locale;
}

/** A chart's numbers as a table (the text alternative screen readers get): one row per point. */
function ChartTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; head: string; cells: string[] }[];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.head}</th>
            {r.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PostsChart({ days, locale }: Omit<ChartsProps, 'hours'>) {
  const { t } = useTranslation();
  const tag = intlTag(locale);
  const count = (n: number) => formatCount(n, tag);
  const total = days.reduce((n, d) => n + d.posts, 0);
  const peak = peakRow(days);
  const summary = peak
    ? t('analytics.posts.summary', {
        count: total,
        n: count(total),
        days: count(days.length),
        peak: peak.longLabel,
        peakPosts: count(peak.posts),
      })
    : t('analytics.posts.none');
  const loud = t('analytics.posts.loud');
  const silent = t('analytics.posts.silent');
  return (
    <ChartFigure
      testId="analytics-chart-posts"
      title={t('analytics.posts.title')}
      summary={summary}
      legend={
        <ul className="analytics-legend" aria-hidden="true">
          <li>
            <span className="analytics-swatch analytics-swatch-loud" /> {loud}
          </li>
          <li>
            <span className="analytics-swatch analytics-swatch-silent" /> {silent}
          </li>
        </ul>
      }
      table={
        <ChartTable
          caption={t('analytics.posts.title')}
          columns={[t('analytics.table.day'), loud, silent, t('analytics.table.posts')]}
          rows={days.map((d) => ({
            key: d.date,
            head: d.longLabel,
            cells: [count(d.loud), count(d.silent), count(d.posts)],
          }))}
        />
      }
    >
      <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} className="analytics-grid" />
        <XAxis dataKey="label" tickLine={false} minTickGap={12} />
        <YAxis allowDecimals={false} tickFormatter={(v: number) => count(v)} />
        <Tooltip
          cursor={{ className: 'analytics-cursor' }}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as DayRow | undefined;
            return row ? (
              <ChartTip
                active={active}
                heading={row.longLabel}
                lines={[`${loud}: ${count(row.loud)}`, `${silent}: ${count(row.silent)}`]}
              />
            ) : null;
          }}
        />
        <Bar dataKey="loud" stackId="posts" fill={LOUD_FILL} className="analytics-bar-loud" />
        <Bar dataKey="silent" stackId="posts" fill={SILENT_FILL} className="analytics-bar-silent" />
      </BarChart>
    </ChartFigure>
  );
}

export function RateChart({ days, locale }: Omit<ChartsProps, 'hours'>) {
  const { t } = useTranslation();
  const tag = intlTag(locale);
  const rate = (r: number) => formatRate(r, tag);
  const extremes = rateExtremes(days);
  const summary = extremes
    ? t('analytics.rate.summary', {
        low: rate(extremes.low.rate!),
        lowDay: extremes.low.longLabel,
        high: rate(extremes.high.rate!),
        highDay: extremes.high.longLabel,
      })
    : t('analytics.rate.none');
  return (
    <ChartFigure
      testId="analytics-chart-rate"
      title={t('analytics.rate.title')}
      summary={summary}
      table={
        <ChartTable
          caption={t('analytics.rate.title')}
          columns={[t('analytics.table.day'), t('analytics.table.rate')]}
          rows={days.map((d) => ({
            key: d.date,
            head: d.longLabel,
            cells: [d.rate === null ? t('analytics.table.noRate') : rate(d.rate)],
          }))}
        />
      }
    >
      <LineChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
        <CartesianGrid vertical={false} className="analytics-grid" />
        <XAxis dataKey="label" tickLine={false} minTickGap={12} />
        <YAxis tickFormatter={(v: number) => formatRate(v, tag, 1)} />
        <Tooltip
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as DayRow | undefined;
            return row ? (
              <ChartTip
                active={active}
                heading={row.longLabel}
                lines={[row.rate === null ? t('analytics.table.noRate') : rate(row.rate)]}
              />
            ) : null;
          }}
        />
        <Line
          type="monotone"
          dataKey="rate"
          stroke={LOUD_FILL}
          className="analytics-line"
          strokeWidth={2}
          dot={days.length <= 31}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}

export function HoursChart({ hours, locale }: Omit<ChartsProps, 'days'>) {
  const { t } = useTranslation();
  const tag = intlTag(locale);
  const count = (n: number) => formatCount(n, tag);
  const peak = peakRow(hours);
  const summary = peak
    ? t('analytics.hours.summary', { hour: peak.label, count: peak.posts, n: count(peak.posts) })
    : t('analytics.hours.none');
  return (
    <ChartFigure
      testId="analytics-chart-hours"
      title={t('analytics.hours.title')}
      summary={summary}
      table={
        <ChartTable
          caption={t('analytics.hours.title')}
          columns={[
            t('analytics.table.hour'),
            t('analytics.table.posts'),
            t('analytics.table.responses'),
          ]}
          rows={hours.map((h) => ({
            key: String(h.hour),
            head: h.label,
            cells: [count(h.posts), count(h.responses)],
          }))}
        />
      }
    >
      <BarChart data={hours} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} className="analytics-grid" />
        <XAxis dataKey="label" tickLine={false} interval="preserveStartEnd" minTickGap={8} />
        <YAxis allowDecimals={false} tickFormatter={(v: number) => count(v)} />
        <Tooltip
          cursor={{ className: 'analytics-cursor' }}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as HourRow | undefined;
            return row ? (
              <ChartTip
                active={active}
                heading={row.label}
                lines={[
                  t('analytics.hours.posts', { count: row.posts, n: count(row.posts) }),
                  t('analytics.hours.responses', { count: row.responses, n: count(row.responses) }),
                ]}
              />
            ) : null;
          }}
        />
        <Bar dataKey="posts" fill={LOUD_FILL} className="analytics-bar-loud" />
      </BarChart>
    </ChartFigure>
  );
}
