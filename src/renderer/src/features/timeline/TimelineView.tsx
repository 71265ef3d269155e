// A channel's timeline: scheduled copies grouped by day in the channel's zone, then drafts.
// Virtualised, so a channel with 10,000 copies scrolls as smoothly as one with ten.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateSummary } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { offsetLabel } from '../../../../shared/schedule';
import { PlatformBadge } from '../../components/Badges';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { useNotices } from '../../shell/Notices';
import { desk } from '../../api/desk-client';
import { RescheduleDialog } from '../composer/RescheduleDialog';
import { TimelineItem } from './TimelineItem';
import { buildTimelineRows, rowIndexOf } from './timeline-rows';
import { timelineKeys, timelineQueries } from './timeline-queries';

const HEADER_ROW_PX = 40;
const UPDATE_ROW_PX = 68;
/** Rows rendered beyond each edge of the viewport (see bench/timeline-bench.ts). */
const OVERSCAN_ROWS = 3;

interface TimelineViewProps {
  channel: Channel;
  channels: Channel[];
  onOpen: (storyId: string) => void;
  onEditChannel: () => void;
  onNewUpdate: () => void;
}

/** The timeline of one channel. */
export function TimelineView({ channel, onOpen, onEditChannel, onNewUpdate }: TimelineViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = useNotices();
  const client = useQueryClient();
  const query = useQuery(timelineQueries.channel(channel.id));
  const rows = useMemo(
    () => buildTimelineRows(query.data ?? [], channel.timeZone),
    [query.data, channel.timeZone],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const [rescheduling, setRescheduling] = useState<UpdateSummary | null>(null);
  const dayFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(intlTag(locale), {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: channel.timeZone,
      }),
    [locale, channel.timeZone],
  );

  // A new getItemKey makes the virtualizer recompute the offsets of every row (10,000 here) on the
  // next render, and it renders on every scroll event: keep both callbacks until the rows change.
  const estimateSize = useCallback(
    (i: number) => (rows[i]?.kind === 'update' ? UPDATE_ROW_PX : HEADER_ROW_PX),
    [rows],
  );
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows]);
  // TanStack Virtual returns fresh functions each render; the React Compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    // A fast wheel replaces every row each frame, so each overscan row is paid for every frame;
    // three still cover a keyboard move to the next row.
    overscan: OVERSCAN_ROWS,
  });

  /** Scrolls a row into view and focuses it once it is rendered. */
  const focusRow = (updateId: string) => {
    const index = rowIndexOf(rows, updateId);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-update-id="${updateId}"]`)?.focus();
    });
  };

  // After a move the row sits at a new index: follow it with the focus.
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id || rowIndexOf(rows, id) < 0) return;
    pendingFocus.current = null;
    const index = rowIndexOf(rows, id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-update-id="${id}"]`)?.focus();
    });
  }, [rows, virtualizer]);

  const move = useMutation({
    mutationFn: (v: { updateId: string; direction: 'earlier' | 'later' }) => desk.moveInQueue(v),
    onSuccess: (_updates, v) => {
      pendingFocus.current = v.updateId;
      void client.invalidateQueries({ queryKey: timelineKeys.channel(channel.id) });
    },
    onError: notices.error,
  });

  // Looked up once here rather than in every row: each row that mounts while scrolling would
  // otherwise pay for its own useTranslation (react-i18next copies the i18n instance per mount).
  const rowLabels = useMemo(
    () => ({
      earlier: t('timeline.earlier'),
      later: t('timeline.later'),
      reschedule: t('timeline.reschedule'),
    }),
    [t],
  );

  const counts = useMemo(() => {
    const all = query.data ?? [];
    const scheduled = all.filter((x) => x.at !== null).length;
    return { scheduled, drafts: all.length - scheduled };
  }, [query.data]);

  // Row callbacks stay the same function for the list's lifetime (TimelineItem is memoised) and
  // reach the latest state through this ref.
  const latest = useRef({ rows, move, focusRow });
  useEffect(() => {
    latest.current = { rows, move, focusRow };
  });
  const onMove = useCallback(
    (updateId: string, direction: 'earlier' | 'later') =>
      latest.current.move.mutate({ updateId, direction }),
    [],
  );
  const onKey = useCallback((s: UpdateSummary, e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const arrow = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
    if (arrow === 0 || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (e.altKey) {
      if (s.at)
        latest.current.move.mutate({ updateId: s.id, direction: arrow < 0 ? 'earlier' : 'later' });
      return;
    }
    const { rows: current, focusRow: focus } = latest.current;
    for (let i = rowIndexOf(current, s.id) + arrow; i >= 0 && i < current.length; i += arrow) {
      const row = current[i];
      if (row?.kind === 'update') {
        focus(row.summary.id);
        return;
      }
    }
  }, []);

  return (
    <section
      className="view view-timeline"
      aria-labelledby="timeline-title"
      data-testid="timeline-view"
    >
      <header className="view-header">
        <div>
          <h1 id="timeline-title">{channel.name}</h1>
          <p className="view-subtitle">
            <PlatformBadge platform={channel.platform} />
            <span>
              {channel.timeZone} ({offsetLabel(new Date().toISOString(), channel.timeZone)})
            </span>
            <span data-testid="timeline-counts">
              {`${t('timeline.scheduledCount', { count: counts.scheduled })} · ${t(
                'timeline.draftCount',
                { count: counts.drafts },
              )}`}
            </span>
            {channel.archived ? <span className="badge">{t('channel.archivedBadge')}</span> : null}
          </p>
        </div>
        <div className="view-actions">
          <button
            type="button"
            className="button"
            onClick={onEditChannel}
            data-testid="edit-channel"
          >
            {t('timeline.editChannel')}
          </button>
          {!channel.archived ? (
            <button type="button" className="button button-primary" onClick={onNewUpdate}>
              {t('nav.newUpdate')}
            </button>
          ) : null}
        </div>
      </header>
      {query.isError ? (
        <p role="alert" className="inline-error">
          {t('timeline.loadFailed')}
        </p>
      ) : null}
      {query.isSuccess && rows.length === 0 ? (
        <div className="empty-state">
          <p>{t('timeline.empty')}</p>
        </div>
      ) : null}
      <p className="visually-hidden" id="timeline-keys">
        {t('timeline.keyboardHelp')}
      </p>
      <div
        ref={scrollRef}
        className="virtual-scroll"
        role="list"
        aria-label={t('timeline.listLabel', { name: channel.name })}
        aria-describedby="timeline-keys"
        data-testid="timeline-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index]!;
            const style = {
              position: 'absolute' as const,
              top: 0,
              left: 0,
              right: 0,
              height: v.size,
              transform: `translateY(${v.start}px)`,
            };
            if (row.kind === 'day') {
              return (
                <div key={v.key} role="listitem" className="list-heading" style={style}>
                  <h2>{dayFormat.format(new Date(row.firstAt))}</h2>
                </div>
              );
            }
            if (row.kind === 'drafts') {
              return (
                <div key={v.key} role="listitem" className="list-heading" style={style}>
                  <h2>{t('timeline.drafts', { n: row.count })}</h2>
                </div>
              );
            }
            return (
              <div key={v.key} style={style} className="virtual-row">
                <TimelineItem
                  summary={row.summary}
                  channel={channel}
                  index={v.index}
                  size={rows.length}
                  busy={move.isPending}
                  onOpen={onOpen}
                  onMove={onMove}
                  onReschedule={setRescheduling}
                  onKey={onKey}
                  labels={rowLabels}
                />
              </div>
            );
          })}
        </div>
      </div>
      {rescheduling ? (
        <RescheduleDialog
          summary={rescheduling}
          channel={channel}
          onClose={() => setRescheduling(null)}
        />
      ) : null}
    </section>
  );
}
