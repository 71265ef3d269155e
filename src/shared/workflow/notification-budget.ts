// A channel's notification budget: whether one post wakes followers (loud) or arrives without a
// sound (silent). Shared by the hub, which decides at send time, and the desk, which warns in the
// composer before anyone schedules. Pure: the caller says which other loud posts count.
//
// The windows, decided once for both sides:
// - "per hour" is a rolling 60 minutes ending at the post (a burst at 10:55 and 11:05 is one burst,
//   which is what followers feel; the clock hour would let 2 × cap posts through in ten minutes);
// - "per day" is the calendar day in the channel's zone (newsrooms plan "today", and a zone's day
//   may last 23 or 25 hours across a clock change: it is still one day).
// Quiet hours are wall-clock times in the channel's zone, from inclusive to exclusive, and may run
// past midnight (22:00→07:00). from = to is an empty window (the settings form refuses it).
import type { ChannelWorkflow } from '../schemas';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../schedule/instant-text';
import { ZoneTimeline } from '../schedule/zone-timeline';

/** The rolling window of the hourly cap. */
export const LOUD_WINDOW_MS = HOUR_MS;

/** Why a post goes out silently, most personal reason first. */
export type SilentReason = 'requested' | 'quiet-hours' | 'hour-cap' | 'day-cap';

/** The settings the budget reads (a channel's workflow has them all). */
export type BudgetSettings = Pick<ChannelWorkflow, 'quietHours' | 'loudPerHour' | 'loudPerDay'>;

export interface LoudnessQuery {
  /** When the post goes out (epoch milliseconds). */
  atMs: number;
  /** The channel's IANA time zone. */
  zone: string;
  settings: BudgetSettings;
  /** The copy itself asks for no sound (a minor follow-up). */
  requestedSilent: boolean;
  /**
   * When the channel's other loud posts went (or will go) out. Only those at or before `atMs`
   * count; the post itself must not be among them.
   */
  loudMs: readonly number[];
}

export interface LoudnessDecision {
  silent: boolean;
  /** Every reason that applies (empty when loud), so the desk can say why. */
  reasons: SilentReason[];
  /** Loud posts already in the rolling hour before this one. */
  loudInHour: number;
  /** Loud posts already on this calendar day (channel's zone) before this one. */
  loudInDay: number;
}

const minutesOf = (clock: string): number => {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
};

/** Whether a wall-clock minute of the day lies in quiet hours `from`–`to` (may wrap midnight). */
export function inQuietWindow(minuteOfDay: number, quiet: { from: string; to: string }): boolean {
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  return from < to
    ? minuteOfDay >= from && minuteOfDay < to
    : minuteOfDay >= from || minuteOfDay < to;
}

const localDay = (localMs: number): number => Math.floor(localMs / DAY_MS);
const minuteOfDay = (localMs: number): number =>
  Math.floor((localMs - localDay(localMs) * DAY_MS) / MINUTE_MS);

/** Decides whether one post goes out loud or silent, and why. Throws RangeError for an unknown zone. */
export function decideLoudness(q: LoudnessQuery): LoudnessDecision {
  const counted = q.loudMs.filter((ms) => ms <= q.atMs);
  const earliest = counted.reduce((min, ms) => Math.min(min, ms), q.atMs);
  const timeline = ZoneTimeline.covering(q.zone, earliest, q.atMs);
  const atLocal = timeline.toLocalMs(q.atMs);
  const day = localDay(atLocal);
  const loudInHour = counted.filter((ms) => ms > q.atMs - LOUD_WINDOW_MS).length;
  const loudInDay = counted.filter((ms) => localDay(timeline.toLocalMs(ms)) === day).length;

  const reasons: SilentReason[] = [];
  if (q.requestedSilent) reasons.push('requested');
  const quiet = q.settings.quietHours;
  if (quiet && inQuietWindow(minuteOfDay(atLocal), quiet)) reasons.push('quiet-hours');
  const { loudPerHour, loudPerDay } = q.settings;
  if (loudPerHour !== null && loudInHour >= loudPerHour) reasons.push('hour-cap');
  if (loudPerDay !== null && loudInDay >= loudPerDay) reasons.push('day-cap');
  return { silent: reasons.length > 0, reasons, loudInHour, loudInDay };
}

/** One post of a channel's plan. */
export interface PlannedPost {
  id: string;
  atMs: number;
  requestedSilent: boolean;
}

/**
 * Decides a whole plan in time order (ties by id, as the hub would take them), each post counting
 * the loud posts decided before it plus `alreadyLoudMs` (posts already out). What the composer
 * shows for a copy among the channel's other scheduled copies.
 */
export function planLoudness(
  posts: readonly PlannedPost[],
  zone: string,
  settings: BudgetSettings,
  alreadyLoudMs: readonly number[] = [],
): Map<string, LoudnessDecision> {
  const ordered = [...posts].sort((a, b) => a.atMs - b.atMs || (a.id < b.id ? -1 : 1));
  const loud = [...alreadyLoudMs];
  const decisions = new Map<string, LoudnessDecision>();
  for (const post of ordered) {
    const decision = decideLoudness({
      atMs: post.atMs,
      zone,
      settings,
      requestedSilent: post.requestedSilent,
      loudMs: loud,
    });
    decisions.set(post.id, decision);
    if (!decision.silent) loud.push(post.atMs);
  }
  return decisions;
}
