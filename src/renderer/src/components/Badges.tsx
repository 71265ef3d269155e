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

interface SyncBadgeProps {
  state: SyncState;
  /** Why the hub refused the last change (state `failed`). */
  note?: string | undefined;
  /** Who changed it on the hub (state `changed`). */
  changedBy?: string | null | undefined;
}

/** Where a copy stands with the hub; the tooltip explains what that means (and why, or by whom). */
export function SyncBadge({ state, note, changedBy }: SyncBadgeProps) {
  const { t } = useTranslation();
  const words = syncLabel(state, t);
  const label =
    state === 'changed' && changedBy ? t('syncBadge.changedBy', { name: changedBy }) : words.label;
  const hint =
    state === 'failed' && note
      ? t('syncBadge.failedBecause', { reason: note })
      : state === 'changed' && changedBy
        ? t('syncBadge.changedByHint', { name: changedBy })
        : words.hint;
  return (
    <span
      className={`badge badge-sync badge-sync-${state}`}
      title={hint}
      data-testid="sync-badge"
      data-sync-state={state}
    >
      {state === 'local' ? <LocalIcon /> : null}
      <span>{label}</span>
      <span className="visually-hidden">{` — ${hint}`}</span>
    </span>
  );
}

/** Two texts wait for someone to choose between them: open the update to settle it. */
export function ConflictBadge() {
  const { t } = useTranslation();
  const hint = t('syncBadge.conflictHint');
  return (
    <span className="badge badge-conflict" title={hint} data-testid="conflict-badge">
      <span aria-hidden="true">⚠</span>
      <span>{t('syncBadge.conflict')}</span>
      <span className="visually-hidden">{` — ${hint}`}</span>
    </span>
  );
}
