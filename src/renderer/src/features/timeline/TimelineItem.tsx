// One row of the timeline, memoised: scrolling re-renders only the rows that come into view.
import type { KeyboardEvent } from 'react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateSummary } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { UpdateRow } from '../../components/UpdateRow';

interface TimelineItemProps {
  summary: UpdateSummary;
  channel: Channel;
  index: number;
  size: number;
  busy: boolean;
  onOpen: (storyId: string) => void;
  onMove: (updateId: string, direction: 'earlier' | 'later') => void;
  onReschedule: (s: UpdateSummary) => void;
  onKey: (s: UpdateSummary, e: KeyboardEvent<HTMLDivElement>) => void;
}

/** A timeline row with its queue and reschedule actions; callbacks must be stable. */
export const TimelineItem = memo(function TimelineItem(props: TimelineItemProps) {
  const { t } = useTranslation();
  const s = props.summary;
  return (
    <UpdateRow
      summary={s}
      channel={props.channel}
      timeStyle="time"
      onOpen={props.onOpen}
      onKeyDown={(e) => props.onKey(s, e)}
      index={props.index}
      size={props.size}
      actions={
        <>
          {s.at ? (
            <>
              <button
                type="button"
                className="icon-button"
                aria-label={t('timeline.earlier')}
                title={t('timeline.earlier')}
                disabled={props.busy}
                onClick={() => props.onMove(s.id, 'earlier')}
                data-testid="move-earlier"
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('timeline.later')}
                title={t('timeline.later')}
                disabled={props.busy}
                onClick={() => props.onMove(s.id, 'later')}
                data-testid="move-later"
              >
                ↓
              </button>
            </>
          ) : null}
          <button
            type="button"
            className="button button-small"
            onClick={() => props.onReschedule(s)}
            data-testid="reschedule"
          >
            {t('timeline.reschedule')}
          </button>
        </>
      }
    />
  );
});
