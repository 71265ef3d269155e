// The platform's windows after publication, as live countdowns: how long a published copy can still
// be edited or deleted, and when the platform forgets it (the desk's archive keeps it).
import type { TFunction } from 'i18next';
import type { Platform } from '../../../../shared/domain';
import type { Delivery } from '../../../../shared/sync/protocol';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Below this, a duration is told in hours ("47 h"): a 48-hour window reads better that way. */
const HOURS_BELOW_MS = 2 * DAY_MS;

/**
 * A remaining time, rounded down: "29 d 23 h", "47 h", "12 min", "less than a minute".
 * `coarse` drops the hours from whole days ("29 d"), for far-off dates.
 */
export function remainingWords(ms: number, t: TFunction, coarse = false): string {
  if (ms < MINUTE_MS) return t('delivery.time.underMinute');
  if (ms < HOUR_MS) return t('delivery.time.minutes', { n: Math.floor(ms / MINUTE_MS) });
  if (ms < HOURS_BELOW_MS) return t('delivery.time.hours', { n: Math.floor(ms / HOUR_MS) });
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  if (coarse || hours === 0) return t('delivery.time.days', { n: days });
  return t('delivery.time.daysHours', { d: days, h: hours });
}

export type CountdownKind = 'edit' | 'delete' | 'retain';

export interface Countdown {
  kind: CountdownKind;
  /** "Can be edited for 29 d 23 h", or what holds once the window has closed. */
  text: string;
  expired: boolean;
}

const msLeft = (iso: string, nowMs: number) => Date.parse(iso) - nowMs;

/**
 * The countdowns of a published copy at `nowMs`, in the order edit · delete · retention; none for a
 * copy that is not published, nor for windows the platform does not have.
 */
export function countdowns(
  delivery: Pick<Delivery, 'state' | 'editableUntil' | 'deletableUntil' | 'retainedUntil'>,
  platform: Platform,
  nowMs: number,
  t: TFunction,
): Countdown[] {
  if (delivery.state !== 'published') return [];
  const out: Countdown[] = [];
  if (delivery.editableUntil) {
    const left = msLeft(delivery.editableUntil, nowMs);
    out.push(
      left > 0
        ? {
            kind: 'edit',
            text: t('delivery.editFor', { time: remainingWords(left, t) }),
            expired: false,
          }
        : { kind: 'edit', text: t('delivery.editClosed'), expired: true },
    );
  }
  if (delivery.deletableUntil) {
    const left = msLeft(delivery.deletableUntil, nowMs);
    out.push(
      left > 0
        ? {
            kind: 'delete',
            text: t('delivery.deleteFor', { time: remainingWords(left, t) }),
            expired: false,
          }
        : { kind: 'delete', text: t('delivery.deleteClosed'), expired: true },
    );
  }
  if (delivery.retainedUntil) {
    const left = msLeft(delivery.retainedUntil, nowMs);
    const whatsapp = platform === 'whatsapp';
    const time = remainingWords(left, t, true);
    let text: string;
    if (left > 0)
      text = whatsapp
        ? t('delivery.leavesWhatsApp', { time })
        : t('delivery.leavesPlatform', { time });
    else text = whatsapp ? t('delivery.expiredWhatsApp') : t('delivery.expiredPlatform');
    out.push({ kind: 'retain', text, expired: left <= 0 });
  }
  return out;
}
