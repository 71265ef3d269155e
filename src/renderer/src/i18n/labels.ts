// Words for domain values, kept as literal keys so the key check can find them.
import type { TFunction } from 'i18next';
import type { Locale, Platform, SyncState, UpdateStatus } from '../../../shared/domain';

/** The name of a platform. */
export function platformLabel(p: Platform, t: TFunction): string {
  switch (p) {
    case 'telegram':
      return t('platform.telegram');
    case 'whatsapp':
      return t('platform.whatsapp');
    case 'webhook':
      return t('platform.webhook');
    case 'feed':
      return t('platform.feed');
  }
}

/** The name of an update status. */
export function statusLabel(s: UpdateStatus, t: TFunction): string {
  switch (s) {
    case 'draft':
      return t('status.draft');
    case 'scheduled':
      return t('status.scheduled');
  }
}

/** A short label and a longer explanation for a sync state. */
export function syncLabel(s: SyncState, t: TFunction): { label: string; hint: string } {
  switch (s) {
    case 'local':
      return { label: t('sync.local'), hint: t('sync.localHint') };
    case 'pending':
      return { label: t('sync.pending'), hint: t('sync.pendingHint') };
    case 'synced':
      return { label: t('sync.synced'), hint: t('sync.syncedHint') };
    case 'failed':
      return { label: t('sync.failed'), hint: t('sync.failedHint') };
    case 'changed':
      return { label: t('sync.changed'), hint: t('sync.changedHint') };
  }
}

/** The name of a language, written in that language (as language pickers do). */
export function languageName(l: Locale): string {
  switch (l) {
    case 'en':
      return 'English';
    case 'it':
      return 'Italiano';
    case 'fr':
      return 'Français';
  }
}

/** Weekday names, Monday first (ISO 1–7), in the given locale. */
export function weekdayNames(locale: string, width: 'long' | 'short'): string[] {
  const fmt = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => fmt.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** A byte count as "1.2 MB", in the given locale. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}
