// Time-zone and posting-slot maths shared by the engine and the renderer.
export { formatInstant } from './format-instant';
export type { InstantStyle } from './format-instant';
export { nextFreeSlot, normalizeSlots, slotInstants } from './slot-instants';
export {
  addDays,
  instantToWallTime,
  normalizeInstant,
  offsetLabel,
  startOfWeek,
  wallTimeToInstant,
} from './zone-calendar';
