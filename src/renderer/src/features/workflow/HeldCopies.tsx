// Copies the workflow keeps from going out: waiting for an editor's approval, or approved after
// their planned time ("missed its slot" — publish now, take the next free slot, or pick a time).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Update } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { desk } from '../../api/desk-client';
import { Dialog } from '../../components/Dialog';
import { intlTag, useLocale } from '../../i18n/use-locale';
import { useNotices } from '../../shell/Notices';
import { ScheduleEditor } from '../composer/ScheduleEditor';
import { storyKeys } from '../composer/story-queries';
import type { CopyHold } from './workflow-view';
import { heldCopies } from './workflow-view';

interface HeldCopiesProps {
  copies: Update[];
  byId: Map<string, Channel>;
}

export function HeldCopies({ copies, byId }: HeldCopiesProps) {
  const held = heldCopies(copies, byId).filter((h) => h.hold.kind !== 'embargo');
  if (held.length === 0) return null;
  return (
    <ul className="held-copies" data-testid="held-copies">
      {held.map((h) => (
        <HeldCopy key={h.copy.id} held={h} />
      ))}
    </ul>
  );
}

function HeldCopy({ held }: { held: CopyHold }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notices = useNotices();
  const client = useQueryClient();
  const [picking, setPicking] = useState(false);
  const { copy, channel, hold } = held;
  const reschedule = useMutation({
    mutationFn: (kind: 'now' | 'queue') =>
      desk.scheduleCopy({ updateId: copy.id, schedule: { kind } }),
    onSuccess: () => client.invalidateQueries({ queryKey: storyKeys.one(copy.storyId) }),
    onError: notices.error,
  });
  const at = copy.schedule.kind === 'at' ? copy.schedule.at : null;
  const planned = at ? formatInstant(at, channel.timeZone, intlTag(locale), 'short') : '';
  if (hold.kind === 'needs-approval') {
    return (
      <li className="held-copy" data-testid="held-copy">
        {t('workflow.needsApproval', { channel: channel.name, when: planned })}
      </li>
    );
  }
  return (
    <li className="held-copy held-copy-missed" role="alert" data-testid="missed-slot">
      <span>{t('workflow.missedSlot', { channel: channel.name, when: planned })}</span>
      <span className="workflow-actions">
        <button
          type="button"
          className="button button-small button-primary"
          disabled={reschedule.isPending}
          onClick={() => reschedule.mutate('now')}
          data-testid="missed-publish-now"
        >
          {t('workflow.publishNow')}
        </button>
        {channel.slots.length > 0 ? (
          <button
            type="button"
            className="button button-small"
            disabled={reschedule.isPending}
            onClick={() => reschedule.mutate('queue')}
            data-testid="missed-next-slot"
          >
            {t('workflow.nextSlot')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-small"
          onClick={() => setPicking(true)}
          aria-haspopup="dialog"
          data-testid="missed-pick-time"
        >
          {t('workflow.pickTime')}
        </button>
      </span>
      {picking ? (
        <Dialog
          title={t('workflow.pickTitle', { channel: channel.name })}
          onClose={() => setPicking(false)}
          className="dialog-small"
          testId="missed-pick-dialog"
        >
          <ScheduleEditor
            updateId={copy.id}
            storyId={copy.storyId}
            channel={channel}
            at={at}
            mode="exact"
            onDone={() => setPicking(false)}
          />
        </Dialog>
      ) : null}
    </li>
  );
}
