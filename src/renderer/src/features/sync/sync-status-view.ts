// Words and decisions drawn from a SyncStatus: the indicator's line, the clock note, when to onboard.
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../../shared/contract';
import type { Locale } from '../../../../shared/domain';
import { formatInstant } from '../../../../shared/schedule';
import { intlTag } from '../../i18n/use-locale';

/** A clock this far off the hub's (either way) is worth telling the editor about. */
export const CLOCK_OFFSET_SHOWN_MS = 2_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** How the indicator looks: its colour and icon follow the tone. */
export type IndicatorTone = 'ok' | 'busy' | 'waiting' | 'offline' | 'error';

export interface IndicatorView {
  tone: IndicatorTone;
  /** The short line: "Synced · 12:03", "3 changes waiting", "Offline — retrying at 12:05". */
  text: string;
  /** Offline or in error: a Retry button syncs now. */
  canRetry: boolean;
}

/** True when the desk has not been told how to work yet (and is not busy finding out). */
export function needsOnboarding(status: SyncStatus): boolean {
  return status.mode === 'none' && status.state !== 'starting';
}

/** The indicator's tone, line and Retry for a status; times are shown in `zone`. */
export function indicatorView(
  status: SyncStatus,
  locale: Locale,
  zone: string,
  t: TFunction,
): IndicatorView {
  const time = (iso: string) => formatInstant(iso, zone, locale, 'time');
  switch (status.state) {
    case 'starting':
      return { tone: 'busy', text: t('syncIndicator.starting'), canRetry: false };
    case 'syncing':
      return { tone: 'busy', text: t('syncIndicator.syncing'), canRetry: false };
    case 'offline':
      return {
        tone: 'offline',
        text: status.nextRetryAt
          ? t('syncIndicator.offlineRetry', { time: time(status.nextRetryAt) })
          : t('syncIndicator.offline'),
        canRetry: true,
      };
    case 'error':
      return { tone: 'error', text: t('syncIndicator.error'), canRetry: true };
    case 'signed-out':
      return { tone: 'error', text: t('syncIndicator.signedOut'), canRetry: false };
    case 'idle':
      if (status.pending > 0) {
        return {
          tone: 'waiting',
          text: t('syncIndicator.waiting', { count: status.pending }),
          canRetry: false,
        };
      }
      return {
        tone: 'ok',
        text: status.lastSyncAt
          ? t('syncIndicator.synced', { time: time(status.lastSyncAt) })
          : t('syncIndicator.notYet'),
        canRetry: false,
      };
  }
}

/** A duration as "5 seconds" / "3 minutes" / "2 hours", rounded, in the locale's own words. */
export function formatOffsetAmount(ms: number, locale: Locale): string {
  const abs = Math.abs(ms);
  const [unit, size] =
    abs < MINUTE_MS
      ? (['second', 1000] as const)
      : abs < HOUR_MS
        ? (['minute', MINUTE_MS] as const)
        : (['hour', HOUR_MS] as const);
  return new Intl.NumberFormat(intlTag(locale), {
    style: 'unit',
    unit,
    unitDisplay: 'long',
    maximumFractionDigits: 0,
  }).format(Math.round(abs / size));
}

/**
 * The clock note, or null when this computer's clock is close enough to the hub's.
 * `offsetMs` is the hub's clock minus this computer's: positive means this computer is behind.
 */
export function clockOffsetText(
  offsetMs: number | null,
  locale: Locale,
  t: TFunction,
): string | null {
  if (offsetMs === null || Math.abs(offsetMs) <= CLOCK_OFFSET_SHOWN_MS) return null;
  const amount = formatOffsetAmount(offsetMs, locale);
  return offsetMs > 0
    ? t('syncPanel.clockBehind', { amount })
    : t('syncPanel.clockAhead', { amount });
}

const refusalIds = (s: SyncStatus) => s.refusals.map((r) => r.id).join(',');

/**
 * True when a new status may change what rows show (local · pending · synced · failed): the hub
 * acknowledged changes, refused one, or the desk switched hub or user.
 */
export function statusAffectsRows(prev: SyncStatus | undefined, next: SyncStatus): boolean {
  if (!prev) return true;
  return (
    prev.mode !== next.mode ||
    prev.hub !== next.hub ||
    prev.user?.id !== next.user?.id ||
    next.pending < prev.pending ||
    refusalIds(prev) !== refusalIds(next)
  );
}

/** Percent of an upload done, 0–100 (an empty upload counts as done). */
export function uploadPercent(upload: { done: number; total: number }): number {
  if (upload.total <= 0) return 100;
  return Math.min(100, Math.max(0, Math.round((upload.done / upload.total) * 100)));
}
