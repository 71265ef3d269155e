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
  let h = 0;
  for (let i = 0; i < channelId.length; i++) h = (h * 31 + channelId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#2563eb';
}
