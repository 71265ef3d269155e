// The channels a story goes to; changing them adds or removes copies at once.
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain';
import { PlatformIcon } from '../../components/icons';
import { platformLabel } from '../../i18n/labels';

interface ChannelPickerProps {
  channels: Channel[];
  selected: string[];
  busy: boolean;
  onChange: (ids: string[]) => void;
}

/** A checkbox per channel; the last one cannot be unticked (a story keeps one channel). */
export function ChannelPicker({ channels, selected, busy, onChange }: ChannelPickerProps) {
  const { t } = useTranslation();
  // Archived channels only show when the story is already on them.
  const shown = channels.filter((c) => !c.archived || selected.includes(c.id));
  return (
    <fieldset className="channel-picker" data-testid="channel-picker" aria-busy={busy}>
      <legend>{t('composer.channels')}</legend>
      {shown.map((c) => {
        const checked = selected.includes(c.id);
        return (
          <label key={c.id} className="check chip">
            <input
              type="checkbox"
              checked={checked}
              disabled={busy || (checked && selected.length === 1)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...selected, c.id] : selected.filter((id) => id !== c.id),
                )
              }
              data-testid="story-channel"
              data-channel-id={c.id}
            />
            <PlatformIcon platform={c.platform} size={13} />
            <span>{c.name}</span>
            <span className="visually-hidden">({platformLabel(c.platform, t)})</span>
          </label>
        );
      })}
    </fieldset>
  );
}
