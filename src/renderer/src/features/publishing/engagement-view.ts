// What a published copy's engagement says, in numbers and words: reactions sorted by count, poll
// results with their shares, the response rate, where the numbers came from and how long ago, and
// where they will come from while there are none yet.
import type { TFunction } from 'i18next';
import type { Locale, Platform } from '../../../../shared/domain';
import type { Engagement } from '../../../../shared/sync/protocol';
import { intlTag } from '../../i18n/use-locale';
import { postResponseRate } from '../../../../shared/analytics';

/** One reaction chip. */
export interface ReactionCount {
  emoji: string;
  count: number;
}

/** One poll option's result; `share` is its part of all votes (0…1, 0 when nobody voted). */
export interface PollResult {
  option: string;
  votes: number;
  share: number;
  /** True for the option(s) with the most votes, once someone voted. */
  leading: boolean;
}

/** Reactions with a count, most first; equal counts keep the order the platform gave. */
export function sortedReactions(reactions: Record<string, number>): ReactionCount[] {
  return Object.entries(reactions)
    .filter(([, count]) => count > 0)
    .map(([emoji, count]) => ({ emoji, count }))
    .sort((a, b) => b.count - a.count);
}

/** Every reaction of every kind. */
export function totalReactions(reactions: Record<string, number>): number {
  return Object.values(reactions).reduce((sum, n) => sum + n, 0);
}

/** Every vote on every option (a voter of a multiple-answer poll counts once per option). */
export function totalVotes(pollVotes: readonly number[] | null): number {
  return (pollVotes ?? []).reduce((sum, n) => sum + n, 0);
}

/**
 * Each option with its votes and share. Options the counts do not reach show 0; counts past the
 * last option (the poll was shortened after the vote) are named by their position.
 */
export function pollResults(
  options: readonly string[],
  pollVotes: readonly number[],
  unnamed: (position: number) => string,
): PollResult[] {
  const total = totalVotes(pollVotes);
  const length = Math.max(options.length, pollVotes.length);
  const most = total > 0 ? Math.max(...pollVotes) : 0;
  return Array.from({ length }, (_, i) => {
    const votes = pollVotes[i] ?? 0;
    return {
      option: options[i] ?? unnamed(i + 1),
      votes,
      share: total > 0 ? votes / total : 0,
      leading: total > 0 && votes === most,
    };
  });
}

/**
 * (Reactions + poll votes) ÷ views, or null while the views are unknown or none: without them a
 * rate would mean nothing. It can pass 1 when a voter picks several options. The one definition
 * lives with the analytics, so a copy's card and the channel's charts always agree.
 */
export function responseRate(engagement: Engagement): number | null {
  return postResponseRate(engagement);
}

/** True when the engagement holds at least one number worth showing. */
export function hasNumbers(engagement: Engagement | null | undefined): engagement is Engagement {
  if (!engagement) return false;
  return (
    engagement.views !== null ||
    engagement.forwards !== null ||
    totalReactions(engagement.reactions) > 0 ||
    engagement.pollVotes !== null
  );
}

/** The later of two readings (the copy as pulled, and what the hub answered a save with). */
export function newerEngagement(
  a: Engagement | null | undefined,
  b: Engagement | null | undefined,
): Engagement | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(b.at) > Date.parse(a.at) ? b : a;
}

/** A count in the locale's digits: "12,480" / "12.480" / "12 480". */
export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag(locale)).format(n);
}

/** A share as a percentage: "4.2%" / "4,2%" / "4,2 %" (`digits` after the point at most). */
export function formatShare(share: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(intlTag(locale), {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(share);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long ago, in the locale's words ("5 minutes ago", "yesterday"); `justNow` under a minute. */
export function timeAgo(iso: string, nowMs: number, locale: Locale, justNow: string): string {
  const format = new Intl.RelativeTimeFormat(intlTag(locale), { numeric: 'auto' });
  // A reading stamped a little ahead of this computer's clock is "just now", not "in 10 seconds".
  const ago = Math.max(0, nowMs - Date.parse(iso));
  for (const [unit, size] of UNITS) {
    if (ago >= size) return format.format(-Math.floor(ago / size), unit);
  }
  return justNow;
}

/** "From Telegram, 5 minutes ago" — where the numbers came from, and when. */
export function sourceLine(
  engagement: Pick<Engagement, 'source' | 'at'>,
  nowMs: number,
  locale: Locale,
  t: TFunction,
): string {
  const when = timeAgo(engagement.at, nowMs, locale, t('engagement.justNow'));
  switch (engagement.source) {
    case 'telegram':
      return t('engagement.source.telegram', { when });
    case 'webhook':
      return t('engagement.source.webhook', { when });
    case 'editor':
      return t('engagement.source.editor', { when });
  }
}

/** While there are no numbers: where they will come from on this platform. */
export function awaitingLine(platform: Platform, t: TFunction): string {
  switch (platform) {
    case 'telegram':
      return t('engagement.awaiting.telegram');
    case 'webhook':
      return t('engagement.awaiting.webhook');
    case 'whatsapp':
      return t('engagement.awaiting.whatsapp');
    case 'feed':
      return t('engagement.awaiting.feed');
  }
}
