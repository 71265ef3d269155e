// What counts as a post, and the one definition of "response rate" every analytics view uses.
import type { Engagement, Update } from '../domain';
import { parseInstantMs } from '../schedule/instant-text';

/**
 * A copy counts as a post when its delivery is `published`, or `withdrawn` after it was published
 * (followers saw it before it came down, so its numbers are real). Drafts, scheduled copies and
 * failed or pending deliveries are not posts. Whether the copy sits in the desk's trash does not
 * matter: the platform still showed it.
 */
export function isPost(copy: Update): boolean {
  const delivery = copy.delivery;
  if (!delivery || delivery.publishedAt === null) return false;
  return delivery.state === 'published' || delivery.state === 'withdrawn';
}

/** When a post went out, in epoch milliseconds; null for a copy that is not a post. */
export function postedAtMs(copy: Update): number | null {
  const publishedAt = copy.delivery?.publishedAt;
  return publishedAt && isPost(copy) ? parseInstantMs(publishedAt) : null;
}

/** Sum of a copy's reactions over every emoji (0 without engagement). */
export function reactionTotal(engagement: Engagement | null | undefined): number {
  if (!engagement) return 0;
  let total = 0;
  for (const count of Object.values(engagement.reactions)) total += count;
  return total;
}

/** Sum of a copy's poll votes over every option (0 without a poll). */
export function pollVoteTotal(engagement: Engagement | null | undefined): number {
  if (!engagement?.pollVotes) return 0;
  let total = 0;
  for (const count of engagement.pollVotes) total += count;
  return total;
}

/**
 * Responses to a post: reactions (every emoji) + poll votes (every option). Forwards are reported
 * on their own and left out, as the copy card's rate already does (engagement-view.ts), so the
 * desk shows one rate for one post wherever it appears. Counts the platform does not give are 0.
 */
export function responsesOf(engagement: Engagement | null | undefined): number {
  if (!engagement) return 0;
  return reactionTotal(engagement) + pollVoteTotal(engagement);
}

/** Views of a post when the platform gives them (null when it does not, or no engagement yet). */
export function viewsOf(engagement: Engagement | null | undefined): number | null {
  return engagement?.views ?? null;
}

/** Responses and views added up over posts whose views are known, to derive a response rate. */
export interface RateParts {
  /** Responses of the posts whose views are known (posts without views are left out). */
  responses: number;
  views: number;
}

/** An empty tally, to add posts into with addRateParts. */
export function emptyRateParts(): RateParts {
  return { responses: 0, views: 0 };
}

/** Adds one post to a tally; a post without known views adds nothing (see responseRate). */
export function addRateParts(parts: RateParts, engagement: Engagement | null | undefined): void {
  const views = viewsOf(engagement);
  if (views === null) return;
  parts.responses += responsesOf(engagement);
  parts.views += views;
}

/**
 * Response rate: responses (reactions + poll votes, see responsesOf) divided by views, counted
 * only over posts whose views the platform gives. For several posts it is the sum of their
 * responses over the sum of their views (a weighted rate, not an average of rates). Null when no
 * post with known views is counted, or their views add up to 0. It can exceed 1 (a voter who picks several
 * options and reacts too).
 */
export function responseRate(parts: RateParts): number | null {
  return parts.views > 0 ? parts.responses / parts.views : null;
}

/** Response rate of one post (null when its views are unknown or 0). */
export function postResponseRate(engagement: Engagement | null | undefined): number | null {
  const parts = emptyRateParts();
  addRateParts(parts, engagement);
  return responseRate(parts);
}
