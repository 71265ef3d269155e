// A stable colour per channel, so the same channel looks the same in every list and the calendar.

const PALETTE = [
  '#2563eb',
  '#0f766e',
  '#b45309',
  '#7c3aed',
  '#be123c',
  '#15803d',
  '#0369a1',
  '#a16207',
];

/** A palette colour chosen from the channel id. */
export function channelColour(channelId: string): string {
  // FNV-1a: neighbouring ids (UUIDs differ in a few characters) still spread over the palette.
  let h = 0x811c9dc5;
  for (let i = 0; i < channelId.length; i++)
    h = Math.imul(h ^ channelId.charCodeAt(i), 0x01000193) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#2563eb';
}
