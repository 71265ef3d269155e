// Small labels used in every list: platform, sync state, status.
import { useTranslation } from 'react-i18next';
import type { Platform, SyncState } from '../../../shared/domain';
import { platformLabel, syncLabel } from '../i18n/labels';
import { LocalIcon, PlatformIcon } from './icons';

/** The platform's icon and name. */
export function PlatformBadge({ platform, compact }: { platform: Platform; compact?: boolean }) {
  const { t } = useTranslation();
  const label = platformLabel(platform, t);
  return (
    <span className={`badge badge-platform badge-${platform}`} title={label}>
      <PlatformIcon platform={platform} size={13} />
      {compact ? <span className="visually-hidden">{label}</span> : <span>{label}</span>}
    </span>
  );
}

/** Where a copy stands with the hub; the tooltip explains what that means. */
export function SyncBadge({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  const { label, hint } = syncLabel(state, t);
  return (
    <span className={`badge badge-sync badge-sync-${state}`} title={hint} data-testid="sync-badge">
      {state === 'local' ? <LocalIcon /> : null}
      <span>{label}</span>
      <span className="visually-hidden">{` — ${hint}`}</span>
    </span>
  );
}
