// Channels and a clock shared by the import tests (and usable by the desk's apply tests later).
import type { ImportContext } from './import-rows';

/** A desk with two Rome channels, one New York channel and an archived one, on 1 March 2026. */
export const IMPORT_TEST_CONTEXT: ImportContext = {
  now: new Date('2026-03-01T00:00:00Z'),
  channels: [
    { id: 'ch-roma-live', name: 'Roma Live', timeZone: 'Europe/Rome', archived: false },
    { id: 'ch-roma-flash', name: 'Roma Flash', timeZone: 'Europe/Rome', archived: false },
    { id: 'ch-city-desk', name: 'City Desk', timeZone: 'America/New_York', archived: false },
    { id: 'ch-old-news', name: 'Old News', timeZone: 'Europe/Rome', archived: true },
  ],
};

/** UTF-8 bytes of a text. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
