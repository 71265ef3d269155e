// Human-readable instants in a channel's zone and the desk's language.
import { parseInstantMs } from './instant-text';
import { requireZone } from './zone-timeline';

/** How much of an instant formatInstant shows. */
export type InstantStyle = 'short' | 'long' | 'time';

// British English gives day-month order and abbreviations such as "CEST" and "BST" that en-US lacks.
const LOCALE_TAGS: Record<string, string> = { en: 'en-GB', it: 'it-IT', fr: 'fr-FR' };
const FALLBACK_LOCALE_TAG = 'en-GB';

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const STYLE_OPTIONS: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  short: {
    ...CLOCK,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZoneName: 'short',
  },
  long: {
    ...CLOCK,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZoneName: 'long',
  },
  time: CLOCK,
};

// Building an Intl formatter costs far more than using one (luxon's toFormat took ~150 µs a call),
// and lists format hundreds of instants in a handful of zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tag: string, zone: string, style: InstantStyle): Intl.DateTimeFormat {
  const key = `${tag} ${zone} ${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, { ...STYLE_OPTIONS[style], timeZone: zone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an instant for people, in `zone` and `locale` ('en' | 'it' | 'fr'; anything else reads
 * as 'en'): 'short' "Sun 29 Mar 2026, 03:30 CEST", 'long' "Sunday 29 March 2026, 03:30 Central
 * European Summer Time", 'time' "03:30". Zone names are the locale's own, or an offset where it has none.
 */
export function formatInstant(
  iso: string,
  zone: string,
  locale: string,
  style: InstantStyle = 'short',
): string {
  const ms = parseInstantMs(iso);
  if (!Object.hasOwn(STYLE_OPTIONS, style)) throw new RangeError(`unknown style: ${String(style)}`);
  requireZone(zone);
  const tag = LOCALE_TAGS[locale] ?? FALLBACK_LOCALE_TAG;
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(tag, zone, style).formatToParts(ms))
    parts[part.type] = part.value;
  const clock = `${parts.hour}:${parts.minute}`;
  if (style === 'time') return clock;
  // One order for all three languages (they all write day before month), whatever Intl's punctuation.
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${clock} ${parts.timeZoneName}`;
}
