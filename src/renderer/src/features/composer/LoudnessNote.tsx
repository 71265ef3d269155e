// Under a copy's schedule: whether it will ring or go out silently on its channel (quiet hours, the
// loud caps, counting the channel's other copies), and the "send silently" toggle for a minor
// follow-up. The hub decides again when it sends; this says beforehand what it will decide.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Update } from '../../../../shared/domain';
import { channelWorkflowOf } from '../../../../shared/workflow/copy-rules';
import { desk } from '../../api/desk-client';
import { useNotices } from '../../shell/Notices';
import { timelineKeys, timelineQueries } from '../timeline/timeline-queries';
import { copyLoudness } from './loudness-plan';
import { storyKeys } from './story-queries';

interface LoudnessNoteProps {
  copy: Pick<Update, 'id' | 'schedule' | 'silent' | 'delivery' | 'deletedAt'>;
  storyId: string;
  channel: Channel;
}

/** The copy's sound on its channel, and the toggle to send it silently. */
export function LoudnessNote({ copy, storyId, channel }: LoudnessNoteProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const notices = useNotices();
  const hintId = useId();
  const timeline = useQuery(timelineQueries.channel(channel.id));
  // Shown from the click on: the saved copy reaches the composer only after the refetch.
  const [picked, setPicked] = useState<boolean | null>(null);
  const silent = picked ?? copy.silent ?? false;
  const toggle = useMutation({
    mutationFn: (next: boolean) => desk.setCopySilent({ updateId: copy.id, silent: next }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: storyKeys.one(storyId) }),
        client.invalidateQueries({ queryKey: timelineKeys.channel(channel.id) }),
      ]);
      setPicked(null);
    },
    onError: (err) => {
      setPicked(null);
      notices.error(err);
    },
  });

  const state = copy.delivery?.state;
  // Out already (its notification is history), in the trash, or a feed (nobody is notified).
  if (copy.deletedAt !== null || state === 'published' || state === 'publishing') return null;
  if (channel.platform === 'feed') return null;

  const at = copy.schedule.kind === 'at' ? copy.schedule.at : null;
  const decision = timeline.data
    ? copyLoudness({ id: copy.id, at, silent }, timeline.data, channel)
    : null;
  const workflow = channelWorkflowOf(channel);
  const notes: string[] = [];
  for (const reason of decision?.reasons ?? []) {
    if (reason === 'quiet-hours' && workflow.quietHours) {
      notes.push(
        t('loudness.quietHours', { from: workflow.quietHours.from, to: workflow.quietHours.to }),
      );
    } else if (reason === 'hour-cap' && workflow.loudPerHour !== null) {
      notes.push(t('loudness.hourCap', { n: decision!.loudInHour + 1, cap: workflow.loudPerHour }));
    } else if (reason === 'day-cap' && workflow.loudPerDay !== null) {
      notes.push(t('loudness.dayCap', { n: decision!.loudInDay + 1, cap: workflow.loudPerDay }));
    }
  }

  return (
    <div className="loudness-note" data-testid="loudness-note">
      <label className="check">
        <input
          type="checkbox"
          checked={silent}
          disabled={toggle.isPending}
          aria-describedby={hintId}
          onChange={(e) => {
            setPicked(e.target.checked);
            toggle.mutate(e.target.checked);
          }}
          data-testid="copy-silent"
        />
        {t('loudness.sendSilently')}
      </label>
      <p id={hintId} className="hint">
        {channel.platform === 'whatsapp' ? t('loudness.whatsappHint') : t('loudness.silentHint')}
      </p>
      {/* The live region wraps the list: a list given another role loses its items' meaning. */}
      <div role="status">
        {notes.length > 0 ? (
          <ul className="loudness-reasons" data-testid="loudness-reasons">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
