// Words for a chosen wall time: the instant in the channel's zone and in the editor's own.
import type { TFunction } from 'i18next';
import { formatInstant, instantToWallTime, wallTimeToInstant } from '../../../../shared/schedule';

export interface WallTimeReading {
  /** The UTC instant, or null when the field is empty or not a date. */
  iso: string | null;
  /** "09:00 Europe/Rome · 08:00 your time (Europe/London)". */
  text: string;
  /** Set when the wall time does not exist that day (clocks went forward) and was moved. */
  shifted: string | null;
}

/** Reads a datetime-local value in the channel's zone and says what it means for the editor. */
export function readWallTime(
  wall: string,
  channelZone: string,
  editorZone: string,
  locale: string,
  t: TFunction,
): WallTimeReading {
  const iso = wall ? wallTimeToInstant(wall, channelZone) : null;
  if (!iso) return { iso: null, text: '', shifted: null };
  const there = `${formatInstant(iso, channelZone, locale, 'time')} ${channelZone}`;
  let text = there;
  if (editorZone !== channelZone) {
    const sameDay =
      instantToWallTime(iso, editorZone).slice(0, 10) ===
      instantToWallTime(iso, channelZone).slice(0, 10);
    const mine = formatInstant(iso, editorZone, locale, sameDay ? 'time' : 'short');
    text = `${there} · ${t('schedule.yourTime', { time: mine, zone: editorZone })}`;
  }
  const actual = instantToWallTime(iso, channelZone);
  const shifted =
    actual !== wall.slice(0, 16)
      ? t('schedule.shifted', {
          wanted: wall.slice(11, 16),
          actual: actual.slice(11, 16),
          zone: channelZone,
        })
      : null;
  return { iso, text, shifted };
}
