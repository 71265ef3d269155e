// One row of the timeline, memoised: scrolling re-renders only the rows that come into view.
import type { KeyboardEvent, ReactNode } from 'react';
import { memo } from 'react';
import type { UpdateSummary } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { UpdateRow } from '../../components/UpdateRow';

/** The row's translated button labels, from the list (one lookup per list, not per row). */
export interface TimelineItemLabels {
  earlier: string;
  later: string;
  reschedule: string;
  shareNext: string;
}

interface TimelineItemProps {
  summary: UpdateSummary;
  channel: Channel;
  index: number;
  size: number;
  busy: boolean;
  onOpen: (storyId: string) => void;
  onMove: (updateId: string, direction: 'earlier' | 'later') => void;
  onReschedule: (s: UpdateSummary) => void;
  onShareNext: (s: UpdateSummary) => void;
  /** The drag handle, on rows of the movable queue. */
  handle?: ReactNode;
  onKey: (s: UpdateSummary, e: KeyboardEvent<HTMLDivElement>) => void;
  labels: TimelineItemLabels;
}

/** A timeline row with its queue and reschedule actions; callbacks and labels must be stable. */
export const TimelineItem = memo(function TimelineItem(props: TimelineItemProps) {
  const { summary: s, labels } = props;
  // Once the hub has it in hand (sending, out, due on WhatsApp, withdrawn), its time is history:
  // only a failed copy can be given another.
  if (s.delivery !== null && s.delivery.state !== 'failed') {
    return (
      <UpdateRow
        summary={s}
        channel={props.channel}
        timeStyle="time"
        onOpen={props.onOpen}
        onKeyDown={(e) => props.onKey(s, e)}
        index={props.index}
        size={props.size}
        actions={null}
      />
    );
  }
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
          {props.handle ?? null}
          {s.at ? (
            <>
              <button
                type="button"
                className="icon-button"
                aria-label={labels.earlier}
                title={labels.earlier}
                disabled={props.busy}
                onClick={() => props.onMove(s.id, 'earlier')}
                data-testid="move-earlier"
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={labels.later}
                title={labels.later}
                disabled={props.busy}
                onClick={() => props.onMove(s.id, 'later')}
                data-testid="move-later"
              >
                ↓
              </button>
            </>
          ) : null}
          {s.at === null || s.mode === 'queue' ? (
            <button
              type="button"
              className="button button-small"
              disabled={props.busy}
              onClick={() => props.onShareNext(s)}
              data-testid="share-next"
            >
              {labels.shareNext}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-small"
            onClick={() => props.onReschedule(s)}
            data-testid="reschedule"
          >
            {labels.reschedule}
          </button>
        </>
      }
    />
  );
});
