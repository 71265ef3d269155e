// A channel's timeline: scheduled copies grouped by day in the channel's zone, then drafts.
// Virtualised, so a channel with 10,000 copies scrolls as smoothly as one with ten.
import type { Announcements, DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Range } from '@tanstack/react-virtual';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent, ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateSummary } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { formatInstant, offsetLabel } from '../../../../shared/schedule';
import { PlatformBadge } from '../../components/Badges';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { useNotices } from '../../shell/Notices';
import { PLATFORM } from '../../shell/ShortcutsHelp';
import { listStep, matchesShortcut } from '../../shell/shortcuts';
import { desk } from '../../api/desk-client';
import { RescheduleDialog } from '../composer/RescheduleDialog';
import { rangeKeys } from '../week/week-queries';
import { SortableQueueRow, stayInPlace } from './SortableQueueRow';
import { TimelineItem } from './TimelineItem';
import { buildTimelineRows, queueIdsOf, rowIndexOf } from './timeline-rows';
import { timelineKeys, timelineQueries } from './timeline-queries';

const HEADER_ROW_PX = 40;
const UPDATE_ROW_PX = 68;
/** Rows rendered beyond each edge of the viewport (see bench/timeline-bench.ts). */
const OVERSCAN_ROWS = 3;
/** A pointer must travel this far before a drag starts, so a click on the handle stays a click. */
const DRAG_START_PX = 4;

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
  const [dragging, setDragging] = useState<string | null>(null);
  // The queue's order as the desk will number it; recomputed when the rows change.
  const queueIds = useMemo(() => queueIdsOf(rows, new Date()), [rows]);
  const inQueue = useMemo(() => new Set(queueIds), [queueIds]);
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
  // The dragged row stays rendered when it scrolls out of view, or the drag would end with it.
  const draggingIndex = dragging ? rowIndexOf(rows, dragging) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (draggingIndex < 0 || indexes.includes(draggingIndex)) return indexes;
      return [...indexes, draggingIndex].sort((x, y) => x - y);
    },
    [draggingIndex],
  );
  // TanStack Virtual returns fresh functions each render; the React Compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    rangeExtractor,
    // A fast wheel replaces every row each frame, so each overscan row is paid for every frame;
    // three still cover a keyboard move to the next row.
    overscan: OVERSCAN_ROWS,
  });

  /** Scrolls a row into view and focuses it once it is rendered. */
  const focusRow = (updateId: string) => {
    const index = rowIndexOf(rows, updateId);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // A row already rendered takes the focus now, so a key typed right after (Enter) reaches it;
    // one beyond the rendered range gets it once the scroll has rendered it.
    const row = () =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-update-id="${updateId}"]`);
    const now = row();
    if (now) now.focus();
    else requestAnimationFrame(() => row()?.focus());
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

  const afterQueueChange = (updateId: string) => {
    pendingFocus.current = updateId;
    void client.invalidateQueries({ queryKey: timelineKeys.channel(channel.id) });
    void client.invalidateQueries({ queryKey: rangeKeys.all });
  };
  const reorder = useMutation({
    mutationFn: (v: { updateId: string; toIndex: number }) => desk.reorderQueue(v),
    onSuccess: (_updates, v) => afterQueueChange(v.updateId),
    onError: notices.error,
  });
  const share = useMutation({
    mutationFn: (updateId: string) => desk.shareNext({ updateId }),
    onSuccess: ({ update, moved }) => {
      afterQueueChange(update.id);
      const at = update.schedule.kind === 'at' ? update.schedule.at : null;
      const when = at ? formatInstant(at, channel.timeZone, locale, 'short') : '';
      notices.info(
        moved.length > 0
          ? `${t('queue.sharedNext', { when })} ${t('queue.movedAlong', { count: moved.length })}`
          : t('queue.sharedNext', { when }),
      );
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
      shareNext: t('queue.shareNext'),
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
  const latest = useRef({ rows, move, share, focusRow });
  useEffect(() => {
    latest.current = { rows, move, share, focusRow };
  });
  const onShareNext = useCallback((s: UpdateSummary) => latest.current.share.mutate(s.id), []);
  const onMove = useCallback(
    (updateId: string, direction: 'earlier' | 'later') =>
      latest.current.move.mutate({ updateId, direction }),
    [],
  );
  const onKey = useCallback((s: UpdateSummary, e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    // J/K or the arrows move the focus; Alt+arrows move the copy in the queue (shell/shortcuts.ts).
    const arrow = listStep(e, PLATFORM);
    const shift = matchesShortcut('queueEarlier', e, PLATFORM)
      ? -1
      : matchesShortcut('queueLater', e, PLATFORM)
        ? 1
        : 0;
    if (arrow === 0 && shift === 0) return;
    e.preventDefault();
    if (shift !== 0) {
      if (s.at)
        latest.current.move.mutate({ updateId: s.id, direction: shift < 0 ? 'earlier' : 'later' });
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

  // Drag and drop within the queue: by pointer, or by keyboard on a row's handle.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: DRAG_START_PX } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOfId = (id: string | number): string => {
    const row = rows[rowIndexOf(rows, String(id))];
    return (row?.kind === 'update' && row.summary.title.trim()) || t('row.untitled');
  };
  const positionOf = (id: string | number) => queueIds.indexOf(String(id)) + 1;
  const total = queueIds.length;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('queue.pickedUp', { title: titleOfId(active.id), position: positionOf(active.id), total }),
    onDragOver: ({ active, over }) =>
      over
        ? t('queue.over', { title: titleOfId(active.id), position: positionOf(over.id), total })
        : t('queue.notOver', { title: titleOfId(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('queue.dropped', { title: titleOfId(active.id), position: positionOf(over.id), total })
        : t('queue.cancelled', { title: titleOfId(active.id) }),
    onDragCancel: ({ active }) => t('queue.cancelled', { title: titleOfId(active.id) }),
  };
  const onDragStart = ({ active }: DragStartEvent) => setDragging(String(active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    if (!over || over.id === active.id) return;
    const toIndex = queueIds.indexOf(String(over.id));
    if (toIndex >= 0) reorder.mutate({ updateId: String(active.id), toIndex });
  };
  const queueBusy = move.isPending || reorder.isPending || share.isPending;

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
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('queue.instructions') },
        }}
      >
        <SortableContext items={queueIds} strategy={stayInPlace}>
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
                const item = (handle?: ReactNode) => (
                  <TimelineItem
                    summary={row.summary}
                    channel={channel}
                    index={v.index}
                    size={rows.length}
                    busy={queueBusy}
                    onOpen={onOpen}
                    onMove={onMove}
                    onReschedule={setRescheduling}
                    onShareNext={onShareNext}
                    onKey={onKey}
                    labels={rowLabels}
                    handle={handle}
                  />
                );
                return (
                  <div key={v.key} style={style} className="virtual-row">
                    {inQueue.has(row.summary.id) ? (
                      <SortableQueueRow
                        id={row.summary.id}
                        handleLabel={t('queue.drag')}
                        roleDescription={t('queue.roleDescription')}
                      >
                        {item}
                      </SortableQueueRow>
                    ) : (
                      item()
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </SortableContext>
      </DndContext>
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
