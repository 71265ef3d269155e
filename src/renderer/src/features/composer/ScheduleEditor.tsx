// When one copy goes out: draft, an exact time in the channel's zone, or the channel's next free slot.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';
import { formatInstant, instantToWallTime } from '../../../../shared/schedule';
import { desk } from '../../api/desk-client';
import { describeError } from '../../i18n/describe-error';
import { useLocale } from '../../i18n/use-locale';
import { EDITOR_ZONE } from '../../lib/time-zones';
import { useNotices } from '../../shell/Notices';
import { timelineKeys } from '../timeline/timeline-queries';
import { readWallTime } from './schedule-text';
import { storyKeys } from './story-queries';

type Mode = 'none' | 'exact' | 'queue' | 'now';

interface ScheduleEditorProps {
  updateId: string;
  storyId: string;
  channel: Channel;
  at: string | null;
  mode: 'exact' | 'queue' | null;
  compact?: boolean;
  onDone?: () => void;
}

/** Schedules one copy through `scheduleCopy`, showing the result. */
export function ScheduleEditor(props: ScheduleEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const notices = useNotices();
  const zone = props.channel.timeZone;
  const [mode, setMode] = useState<Mode>(props.at ? (props.mode ?? 'exact') : 'none');
  const [wall, setWall] = useState(props.at ? instantToWallTime(props.at, zone) : '');
  const name = useId();
  const wallId = useId();
  const reading = readWallTime(wall, zone, EDITOR_ZONE, locale, t);

  const schedule = useMutation({
    mutationFn: () => {
      if (mode === 'none')
        return desk.scheduleCopy({ updateId: props.updateId, schedule: { kind: 'none' } });
      if (mode === 'queue')
        return desk.scheduleCopy({ updateId: props.updateId, schedule: { kind: 'queue' } });
      if (mode === 'now')
        return desk.scheduleCopy({ updateId: props.updateId, schedule: { kind: 'now' } });
      if (!reading.iso) throw new Error(t('schedule.pickTime'));
      return desk.scheduleCopy({
        updateId: props.updateId,
        schedule: { kind: 'at', at: reading.iso },
      });
    },
    onSuccess: (update) => {
      void client.invalidateQueries({ queryKey: storyKeys.one(props.storyId) });
      void client.invalidateQueries({ queryKey: timelineKeys.channel(props.channel.id) });
      if (update.schedule.kind === 'at') {
        setWall(instantToWallTime(update.schedule.at, zone));
        const when = formatInstant(update.schedule.at, zone, locale, 'short');
        notices.info(
          mode === 'now'
            ? t('schedule.publishedNow', { channel: props.channel.name })
            : update.schedule.mode === 'queue'
              ? t('schedule.queuedFor', { channel: props.channel.name, when })
              : t('schedule.scheduledFor', { channel: props.channel.name, when }),
        );
        // After "publish now" the copy shows its time like any scheduled one.
        if (mode === 'now') setMode('exact');
      } else {
        notices.info(t('schedule.unscheduled', { channel: props.channel.name }));
      }
      props.onDone?.();
    },
  });

  const currentWhen = props.at ? formatInstant(props.at, zone, locale, 'short') : '';
  const current = !props.at
    ? t('schedule.currentDraft')
    : props.mode === 'queue'
      ? t('schedule.currentQueued', { when: currentWhen })
      : t('schedule.currentAt', { when: currentWhen });
  const modes: { id: Mode; label: string }[] = [
    { id: 'none', label: t('schedule.modeDraft') },
    { id: 'exact', label: t('schedule.modeExact') },
    { id: 'queue', label: t('schedule.modeQueue') },
    { id: 'now', label: t('schedule.modeNow') },
  ];
  const applyLabel =
    mode === 'none'
      ? props.at
        ? t('schedule.applyUnschedule')
        : t('schedule.applyDraft')
      : mode === 'queue'
        ? t('schedule.applyQueue')
        : mode === 'now'
          ? t('schedule.applyNow')
          : t('schedule.applyExact');

  return (
    <div
      className={`schedule-editor${props.compact ? ' compact' : ''}`}
      role="group"
      aria-label={t('schedule.groupLabel', { channel: props.channel.name })}
      data-testid="schedule-editor"
      data-update-id={props.updateId}
    >
      <p className="schedule-current" data-testid="schedule-current">
        {current}
      </p>
      <div className="schedule-modes" role="radiogroup" aria-label={t('schedule.when')}>
        {modes.map((m) => (
          <label key={m.id} className="radio">
            <input
              type="radio"
              name={name}
              value={m.id}
              checked={mode === m.id}
              onChange={() => setMode(m.id)}
            />
            {m.label}
          </label>
        ))}
      </div>
      {mode === 'exact' ? (
        <div className="schedule-exact">
          <label htmlFor={wallId}>{t('schedule.timeIn', { zone })}</label>
          <input
            id={wallId}
            type="datetime-local"
            value={wall}
            onChange={(e) => setWall(e.target.value)}
            data-testid="schedule-datetime"
          />
          {reading.text ? (
            <p className="hint" data-testid="schedule-reading">
              {reading.text}
            </p>
          ) : null}
          {reading.shifted ? <p className="warning-text">{reading.shifted}</p> : null}
        </div>
      ) : null}
      {mode === 'now' ? (
        <p className="hint" data-testid="schedule-now-hint">
          {t('schedule.nowHint')}
        </p>
      ) : null}
      {mode === 'queue' ? (
        <p className="hint">
          {props.channel.slots.length > 0
            ? t('schedule.queueHint', { count: props.channel.slots.length })
            : t('schedule.queueNoSlots')}
        </p>
      ) : null}
      <div className="schedule-apply">
        <button
          type="button"
          className="button"
          disabled={schedule.isPending || (mode === 'exact' && !reading.iso)}
          onClick={() => schedule.mutate()}
          data-testid="schedule-apply"
        >
          {applyLabel}
        </button>
      </div>
      {schedule.error ? (
        <p className="field-error" role="alert">
          {describeError(schedule.error, t)}
        </p>
      ) : null}
    </div>
  );
}
