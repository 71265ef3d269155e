// Time zones for pickers, and the editor's own zone.

/** The zone of the machine the desk runs on. */
export const EDITOR_ZONE: string = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

let cached: string[] | null = null;

/** Every IANA zone the browser knows, UTC included, sorted. */
export function allTimeZones(): string[] {
  if (!cached) {
    const zones = new Set(Intl.supportedValuesOf('timeZone'));
    zones.add('UTC');
    cached = [...zones].sort();
  }
  return cached;
}

/** True when the browser can format dates in `zone`. */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.trim().length > 0;
  } catch {
    return false;
  }
}
