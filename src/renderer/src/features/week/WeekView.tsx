// Monday to Sunday across every channel, in the editor's zone; drag an item (or use "Move…") to
// another day and it keeps its time of day in its channel's zone.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DragEvent } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateSummary } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { addDays, formatInstant, instantToWallTime } from '../../../../shared/schedule';
import { desk } from '../../api/desk-client';
import { AttachmentIcon, PlatformIcon, PollIcon } from '../../components/icons';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { channelColour } from '../../lib/channel-colour';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { useNotices } from '../../shell/Notices';
import { DeliveryBadge } from '../publishing/DeliveryBadge';
import { timelineKeys } from '../timeline/timeline-queries';
import { MoveDialog } from './MoveDialog';
import { dayIndexOf, movedInstant, weekOf } from './week-days';
import { rangeKeys, weekQueries } from './week-queries';

type Scheduled = UpdateSummary & { at: string };
const DRAG_TYPE = 'application/x-channel-desk-update';

interface WeekViewProps {
  channels: Channel[];
  onOpen: (storyId: string) => void;
}

/** The week calendar. */
export function WeekView({ channels, onOpen }: WeekViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = useNotices();
  const client = useQueryClient();
  const [anchor, setAnchor] = useState(() => new Date().toISOString());
  const [today] = useState(() =>
    instantToWallTime(new Date().toISOString(), EDITOR_ZONE).slice(0, 10),
  );
  const [dragOver, setDragOver] = useState<number | null>(null);
  const [moving, setMoving] = useState<Scheduled | null>(null);
  const { days, end } = useMemo(() => weekOf(anchor, EDITOR_ZONE), [anchor]);
  const query = useQuery(weekQueries.range(days[0]!.start, end));
  const byId = new Map(channels.map((c) => [c.id, c]));

  const columns: Scheduled[][] = days.map(() => []);
  for (const s of query.data ?? []) {
    if (!s.at) continue;
    const i = dayIndexOf(days, s.at, EDITOR_ZONE);
    if (i >= 0) columns[i]!.push(s as Scheduled);
  }

  const reschedule = useMutation({
    mutationFn: (v: { updateId: string; at: string }) =>
      desk.scheduleCopy({ updateId: v.updateId, schedule: { kind: 'at', at: v.at } }),
    onSuccess: (u) => {
      void client.invalidateQueries({ queryKey: rangeKeys.all });
      void client.invalidateQueries({ queryKey: timelineKeys.channel(u.channelId) });
    },
  });

  const dayHead = new Intl.DateTimeFormat(intlTag(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: EDITOR_ZONE,
  });
  const rangeTitle = new Intl.DateTimeFormat(intlTag(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: EDITOR_ZONE,
  }).formatRange(new Date(days[0]!.start), new Date(days[6]!.start));

  const drop = (e: DragEvent, target: number) => {
    e.preventDefault();
    setDragOver(null);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    const item = columns.flat().find((s) => s.id === id);
    const channel = item ? byId.get(item.channelId) : undefined;
    if (!item || !channel) return;
    const from = dayIndexOf(days, item.at, EDITOR_ZONE);
    if (from === target) return;
    const at = movedInstant(item.at, days[from]!.date, days[target]!.date, channel.timeZone);
    reschedule.mutate({ updateId: item.id, at }, { onError: notices.error });
  };

  return (
    <section className="view view-week" aria-labelledby="week-title" data-testid="week-view">
      <header className="view-header">
        <div>
          <h1 id="week-title">{rangeTitle}</h1>
          <p className="view-subtitle">{t('week.zoneNote', { zone: EDITOR_ZONE })}</p>
        </div>
        <div className="view-actions" role="group" aria-label={t('week.navigation')}>
          <button
            type="button"
            className="button"
            onClick={() => setAnchor(addDays(days[0]!.start, -7, EDITOR_ZONE))}
            data-testid="week-prev"
          >
            {t('week.previous')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setAnchor(new Date().toISOString())}
            data-testid="week-today"
          >
            {t('week.today')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setAnchor(addDays(days[0]!.start, 7, EDITOR_ZONE))}
            data-testid="week-next"
          >
            {t('week.next')}
          </button>
        </div>
      </header>
      {query.isError ? (
        <p role="alert" className="inline-error">
          {t('week.loadFailed')}
        </p>
      ) : null}
      <div className="week-grid">
        {days.map((d, i) => (
          <section
            key={d.date}
            className={`week-day${d.date === today ? ' today' : ''}${dragOver === i ? ' drop-target' : ''}`}
            aria-labelledby={`week-day-${d.date}`}
            data-testid="week-day"
            data-date={d.date}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (dragOver !== i) setDragOver(i);
            }}
            onDragLeave={() => setDragOver(null)}
            onDrop={(e) => drop(e, i)}
          >
            <h2 id={`week-day-${d.date}`} className="week-day-head">
              {dayHead.format(new Date(d.start))}
              {d.date === today ? (
                <span className="badge badge-today">{t('week.todayBadge')}</span>
              ) : null}
            </h2>
            {columns[i]!.length === 0 ? (
              <p className="muted small week-empty">{t('week.nothing')}</p>
            ) : null}
            <ul className="week-items">
              {columns[i]!.map((s) => {
                const channel = byId.get(s.channelId);
                return (
                  <li
                    key={s.id}
                    className="week-item"
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.setData(DRAG_TYPE, s.id);
                      e.dataTransfer.effectAllowed = 'move';
                    }}
                    style={{ borderLeftColor: channel ? channelColour(channel.id) : undefined }}
                    data-testid="week-item"
                    data-update-id={s.id}
                  >
                    <button
                      type="button"
                      className="week-item-open"
                      onClick={() => onOpen(s.storyId)}
                    >
                      <span className="week-item-time">
                        {formatInstant(s.at, EDITOR_ZONE, locale, 'time')}
                      </span>
                      <span className="week-item-channel">
                        {channel ? <PlatformIcon platform={channel.platform} size={12} /> : null}
                        {channel?.name ?? '—'}
                      </span>
                      <span className="week-item-title">{s.title || t('row.untitled')}</span>
                      <span className="week-item-icons">
                        {s.attachmentCount > 0 ? <AttachmentIcon /> : null}
                        {s.hasPoll ? <PollIcon /> : null}
                        <DeliveryBadge delivery={s.delivery} />
                      </span>
                    </button>
                    <button
                      type="button"
                      className="button button-small week-item-move"
                      aria-label={t('week.moveNamed', { title: s.title || t('row.untitled') })}
                      onClick={() => setMoving(s)}
                      data-testid="week-move"
                    >
                      {t('week.move')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      {moving && byId.get(moving.channelId) ? (
        <MoveDialog
          summary={moving}
          channel={byId.get(moving.channelId)!}
          onMove={(at) => reschedule.mutateAsync({ updateId: moving.id, at })}
          onClose={() => setMoving(null)}
        />
      ) : null}
    </section>
  );
}
