// The schedule editor for one copy, in a small dialog (from the timeline and the search results).
import { useTranslation } from 'react-i18next';
import type { UpdateSummary } from '../../../../shared/contract';
import type { Channel } from '../../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { ScheduleEditor } from './ScheduleEditor';

/** Reschedules the copy `summary` on `channel`. */
export function RescheduleDialog({
  summary,
  channel,
  onClose,
}: {
  summary: UpdateSummary;
  channel: Channel;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('schedule.rescheduleTitle', { title: summary.title || t('row.untitled') })}
      onClose={onClose}
      testId="reschedule-dialog"
      className="dialog-small"
    >
      <ScheduleEditor
        updateId={summary.id}
        storyId={summary.storyId}
        channel={channel}
        at={summary.at}
        mode={summary.mode}
        onDone={onClose}
      />
    </Dialog>
  );
}
