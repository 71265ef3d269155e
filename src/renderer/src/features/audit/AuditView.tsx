// The audit trail: who did what to which copy or channel, and when, read from the hub a page at a
// time, filtered by channel, days and story, and exported as a CSV file.
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/audit/protocol';
import type { Channel } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { ChannelFilter, DayFilter } from '../../components/FilterFields';
import { desk } from '../../api/desk-client';
import { describeError, isDeskError } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import type { AuditFilters } from './audit-filters';
import { auditFiltersOf, exportFileName } from './audit-filters';
import { auditQueries } from './audit-queries';
import { actionText, outcomeText, whoText } from './audit-words';
import { downloadText } from './download-file';
import './audit.css';

interface AuditViewProps {
  channels: Channel[];
  /** Opens a story in the composer. */
  onOpen: (storyId: string) => void;
}

/** The trail's words for what a command threw: offline gets the screen's own sentence. */
function errorText(error: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  return isDeskError(error) && error.code === 'hub_unreachable'
    ? t('audit.offline')
    : describeError(error, t);
}

function AuditRow({
  entry,
  onOpen,
  onOnlyStory,
}: {
  entry: AuditEntry;
  onOpen: (storyId: string) => void;
  onOnlyStory: (storyId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { storyId } = entry;
  const title = entry.embargoed
    ? t('audit.embargoed')
    : (entry.title ?? (entry.record.kind === 'channel' ? '' : t('audit.untitled')));
  return (
    <tr data-testid="audit-entry">
      <td className="audit-when">
        <time dateTime={entry.at}>{formatInstant(entry.at, EDITOR_ZONE, locale, 'short')}</time>
      </td>
      <td>{whoText(entry, t)}</td>
      <td>
        {actionText(entry, t)}
        {entry.outcome !== 'applied' ? (
          <span className="badge audit-outcome">{outcomeText(entry.outcome, t)}</span>
        ) : null}
      </td>
      <td>{entry.channel?.name ?? t('audit.goneChannel')}</td>
      <td>
        {storyId ? (
          <div className="audit-copy">
            <button type="button" className="link-button" onClick={() => onOpen(storyId)}>
              {title}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => onOnlyStory(storyId)}
              aria-label={t('audit.onlyStoryNamed', { title })}
            >
              {t('audit.onlyStory')}
            </button>
          </div>
        ) : (
          <span className="muted">{title || t('audit.channelEntry')}</span>
        )}
      </td>
    </tr>
  );
}

/** The audit page. */
export function AuditView({ channels, onOpen }: AuditViewProps) {
  const { t } = useTranslation();
  const [channelId, setChannelId] = useState('');
  const [storyId, setStoryId] = useState<string | null>(null);
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const ids = { channel: useId(), from: useId(), to: useId(), range: useId() };

  const filters = auditFiltersOf({ channelId, storyId, fromDate, toDate }, EDITOR_ZONE);
  const noRange: AuditFilters = { channelId: null, storyId: null, from: null, to: null };
  const trail = useInfiniteQuery({ ...auditQueries.trail(filters ?? noRange), enabled: !!filters });
  const exporting = useMutation({
    mutationFn: (f: AuditFilters) => desk.exportAudit(f),
    onSuccess: ({ csv }) => downloadText(csv, exportFileName(new Date()), 'text/csv;charset=utf-8'),
  });
  const entries = trail.data?.pages.flatMap((p) => p.entries) ?? [];

  let body;
  if (!filters) body = null;
  else if (trail.isPending) body = <p className="muted">{t('audit.loading')}</p>;
  else if (trail.isError && entries.length === 0)
    body = (
      <p role="alert" className="inline-error" data-testid="audit-error">
        {errorText(trail.error, t)}
      </p>
    );
  else if (entries.length === 0)
    body = (
      <p className="muted" data-testid="audit-empty">
        {t('audit.none')}
      </p>
    );
  else
    body = (
      <table className="audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.col.when')}</th>
            <th scope="col">{t('audit.col.who')}</th>
            <th scope="col">{t('audit.col.what')}</th>
            <th scope="col">{t('audit.col.channel')}</th>
            <th scope="col">{t('audit.col.copy')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <AuditRow key={e.version} entry={e} onOpen={onOpen} onOnlyStory={setStoryId} />
          ))}
        </tbody>
      </table>
    );

  return (
    <section className="view view-audit" aria-labelledby="audit-title" data-testid="audit-view">
      <header className="view-header">
        <div>
          <h1 id="audit-title">{t('audit.title')}</h1>
          <p className="muted small">{t('audit.intro')}</p>
        </div>
        <div className="audit-actions">
          <button
            type="button"
            className="button"
            onClick={() => void trail.refetch()}
            disabled={!filters || trail.isFetching}
            data-testid="audit-refresh"
          >
            {t('audit.refresh')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => filters && exporting.mutate(filters)}
            disabled={!filters || exporting.isPending}
            aria-busy={exporting.isPending || undefined}
            data-testid="audit-export"
          >
            {exporting.isPending ? t('audit.exporting') : t('audit.export')}
          </button>
        </div>
      </header>
      <form className="search-form" onSubmit={(e) => e.preventDefault()}>
        <ChannelFilter
          label={t('audit.channel')}
          anyLabel={t('audit.anyChannel')}
          channels={channels}
          value={channelId}
          onChange={setChannelId}
          testId="audit-channel"
        />
        <DayFilter
          label={t('audit.from')}
          value={fromDate}
          onChange={setFromDate}
          testId="audit-from"
          describedBy={filters ? undefined : ids.range}
        />
        <DayFilter
          label={t('audit.to')}
          value={toDate}
          onChange={setToDate}
          testId="audit-to"
          invalid={!filters}
          describedBy={filters ? undefined : ids.range}
        />
        {storyId ? (
          <p className="audit-story-filter">
            {t('audit.storyFilter')}
            <button
              type="button"
              className="button button-small"
              onClick={() => setStoryId(null)}
              data-testid="audit-clear-story"
            >
              {t('audit.clearStory')}
            </button>
          </p>
        ) : null}
      </form>
      {filters ? null : (
        <p id={ids.range} role="alert" className="field-error">
          {t('audit.badRange')}
        </p>
      )}
      <div role="status" className="audit-status">
        {exporting.isSuccess ? t('audit.exported', { count: exporting.data.rows }) : null}
      </div>
      {exporting.isError ? (
        <p role="alert" className="inline-error" data-testid="audit-export-error">
          {errorText(exporting.error, t)}
        </p>
      ) : null}
      <div className="audit-scroll" aria-live="polite" aria-busy={trail.isFetching || undefined}>
        {body}
        {trail.hasNextPage ? (
          <button
            type="button"
            className="button audit-more"
            onClick={() => void trail.fetchNextPage()}
            disabled={trail.isFetchingNextPage}
            data-testid="audit-more"
          >
            {trail.isFetchingNextPage ? t('audit.loading') : t('audit.more')}
          </button>
        ) : null}
        {trail.isError && entries.length > 0 ? (
          <p role="alert" className="inline-error">
            {errorText(trail.error, t)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
