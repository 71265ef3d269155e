// Parsing and printing of UTC instants and zone-less wall-clock times, by plain arithmetic.
// A wall time is carried as "local milliseconds": the wall clock read as if it were UTC.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const WALL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

// toISOString() switches to six-digit signed years outside this range, which is not the agreed form.
const YEAR_MIN = 0;
const YEAR_MAX = 9999;

/** Milliseconds of a calendar date and clock time read as UTC, or null if the fields do not form a real date. */
function fieldsToMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime();
}

/** Parses an ISO instant that carries an offset ("Z" or ±HH:mm) into epoch milliseconds; throws RangeError otherwise. */
export function parseInstantMs(iso: string): number {
  const match = typeof iso === 'string' ? INSTANT_PATTERN.exec(iso.trim()) : null;
  if (!match) throw new RangeError(`not an ISO instant with an offset: ${String(iso)}`);
  const [, y, mo, d, h, mi, s, frac, zulu, sign, offH, offM] = match;
  // Digits beyond milliseconds are dropped (truncated), as Date would.
  const millis = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
  const local = fieldsToMs(
    Number(y),
    Number(mo),
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
    millis,
  );
  if (local === null) throw new RangeError(`not a real date and time: ${iso}`);
  let offsetMin = 0;
  if (!zulu) {
    const hours = Number(offH);
    const minutes = Number(offM);
    if (hours > 23 || minutes > 59) throw new RangeError(`not a valid offset: ${iso}`);
    offsetMin = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const ms = local - offsetMin * MINUTE_MS;
  const year = new Date(ms).getUTCFullYear();
  if (year < YEAR_MIN || year > YEAR_MAX) throw new RangeError(`instant out of range: ${iso}`);
  return ms;
}

/** Epoch milliseconds → the Date.prototype.toISOString() form. */
export function formatInstantMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** Parses 'YYYY-MM-DDTHH:mm' into local milliseconds; null when malformed or not a real date. */
export function parseWallMs(wall: string): number | null {
  const match = typeof wall === 'string' ? WALL_PATTERN.exec(wall) : null;
  if (!match) return null;
  const [, y, mo, d, h, mi] = match;
  return fieldsToMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), 0, 0);
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Local milliseconds → 'YYYY-MM-DDTHH:mm' (seconds are dropped). */
export function formatWallMs(localMs: number): string {
  const date = new Date(localMs);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}`
  );
}

/** Days since 1970-01-01 of the local date holding `localMs`. */
export function localDayNumber(localMs: number): number {
  return Math.floor(localMs / DAY_MS);
}

/** ISO weekday (Monday = 1 … Sunday = 7) of a day number; 1970-01-01 was a Thursday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
