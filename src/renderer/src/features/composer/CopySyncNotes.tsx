// Above the composer's tabs: scheduled copies the hub does not have yet (they will not publish) and
// copies whose last change the hub refused, each named by channel.
import { useTranslation } from 'react-i18next';
import type { Channel, Update } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { useLocale } from '../../i18n/use-locale';
import { unsyncedSchedules } from './copy-sync';

interface CopySyncNotesProps {
  copies: Update[];
  byId: Map<string, Channel>;
}

/** A warning per copy that needs one; nothing when all is well. */
export function CopySyncNotes({ copies, byId }: CopySyncNotesProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const waiting = unsyncedSchedules(copies);
  const refused = copies.filter((c) => c.syncState === 'failed' && c.syncNote);
  if (waiting.length === 0 && refused.length === 0) return null;

  return (
    <ul className="copy-sync-notes" data-testid="copy-sync-notes">
      {waiting.map((c) => {
        const ch = byId.get(c.channelId);
        if (!ch || c.schedule.kind !== 'at') return null;
        return (
          <li key={`w-${c.id}`} className="warning-text" data-testid="schedule-not-on-hub">
            <strong>
              {t('copySync.scheduleOf', {
                channel: ch.name,
                when: formatInstant(c.schedule.at, ch.timeZone, locale, 'short'),
              })}
            </strong>{' '}
            {t('copySync.notOnHub')}
          </li>
        );
      })}
      {refused.map((c) => {
        const ch = byId.get(c.channelId);
        if (!ch) return null;
        return (
          <li key={`r-${c.id}`} className="field-error" data-testid="copy-refused">
            {t('copySync.refused', { channel: ch.name, reason: c.syncNote })}
          </li>
        );
      })}
    </ul>
  );
}
