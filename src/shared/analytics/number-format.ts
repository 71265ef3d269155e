// Locale formatting of analytics numbers. Building an Intl formatter costs far more than using one,
// and a chart formats hundreds of numbers, so formatters are kept per locale and style.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(
  locale: string,
  key: string,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  const id = `${locale}|${key}`;
  let known = formatters.get(id);
  if (!known) {
    known = new Intl.NumberFormat(locale, options);
    formatters.set(id, known);
  }
  return known;
}

/** A count with the locale's grouping: 12,345 (en), 12.345 (it), 12 345 (fr). */
export function formatCount(value: number, locale: string): string {
  return formatter(locale, 'count', { maximumFractionDigits: 0 }).format(value);
}

/** A large count shortened the locale's way: 12.3K (en), 12,3K (it), 12,3 k (fr). */
export function formatCompactCount(value: number, locale: string): string {
  return formatter(locale, 'compact', { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A response rate (a ratio, 0.125) as a percent in the locale: 12.5% (en), 12,5% (it), 12,5 % (fr). */
export function formatRate(rate: number, locale: string, fractionDigits = 1): string {
  if (!Number.isInteger(fractionDigits) || fractionDigits < 0 || fractionDigits > 4) {
    throw new RangeError(`fractionDigits must be a whole number from 0 to 4: ${fractionDigits}`);
  }
  return formatter(locale, `rate${fractionDigits}`, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  }).format(rate);
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** An hour of the day (0–23) as the locale writes it: 9 PM (en), 21 (it), 21 h (fr). */
export function formatHourOfDay(hour: number, locale: string): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`hour must be a whole number from 0 to 23: ${hour}`);
  }
  let known = hourFormatters.get(locale);
  if (!known) {
    // Read in UTC so the hour printed is the hour given, whatever zone the app runs in.
    known = new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' });
    hourFormatters.set(locale, known);
  }
  return known.format(new Date(Date.UTC(2000, 0, 1, hour)));
}
