// Per-story analytics: each channel's numbers and the story's numbers gathered across channels.
import type { Channel, Platform, Update } from '../domain';
import {
  addRateParts,
  emptyRateParts,
  isPost,
  responseRate,
  responsesOf,
  viewsOf,
} from './post-metrics';

/** A poll's results: its options and the votes for each, in the options' order. */
export interface PollResults {
  question: string;
  options: string[];
  votes: number[];
}

/** One channel's numbers for a story's copy. */
export interface ChannelStoryNumbers {
  updateId: string;
  channelId: string;
  /** The channel's name and platform; null when the channel is not known to the desk. */
  channelName: string | null;
  platform: Platform | null;
  publishedAt: string;
  /** Null where the platform does not give views. */
  views: number | null;
  forwards: number;
  reactions: Record<string, number>;
  /** Null when the copy has no poll or the platform gave no results. */
  poll: PollResults | null;
  responses: number;
  responseRate: number | null;
}

/** A story's numbers over all its posts. */
export interface GatheredStoryNumbers {
  posts: number;
  /** Sum of views over posts that have them; null when no post has them. */
  views: number | null;
  /** How many posts the views (and the response rate) are counted over. */
  postsWithViews: number;
  forwards: number;
  /** Reactions by emoji, summed across channels. */
  reactions: Record<string, number>;
  /**
   * Poll votes summed option by option, when every post with poll results asked the same question
   * with the same options in the same order; otherwise null (see `pollsDiffer`).
   */
  poll: PollResults | null;
  /** True when posts carry polls with different questions or options: read them per channel. */
  pollsDiffer: boolean;
  responses: number;
  responseRate: number | null;
}

/** Analytics of one story: per channel (in channel-name order) and gathered. */
export interface StorySummary {
  storyId: string;
  perChannel: ChannelStoryNumbers[];
  gathered: GatheredStoryNumbers;
}

function pollResultsOf(copy: Update): PollResults | null {
  const votes = copy.engagement?.pollVotes;
  if (!copy.poll || !votes) return null;
  // A platform may report fewer counts than options (an option nobody picked): read those as 0.
  const options = copy.poll.options;
  return {
    question: copy.poll.question,
    options: [...options],
    votes: options.map((_, i) => votes[i] ?? 0),
  };
}

function samePoll(a: PollResults, b: PollResults): boolean {
  return (
    a.question === b.question &&
    a.options.length === b.options.length &&
    a.options.every((option, i) => option === b.options[i])
  );
}

function channelNumbers(copy: Update, channel: Channel | undefined): ChannelStoryNumbers {
  const engagement = copy.engagement ?? null;
  const parts = emptyRateParts();
  addRateParts(parts, engagement);
  return {
    updateId: copy.id,
    channelId: copy.channelId,
    channelName: channel?.name ?? null,
    platform: channel?.platform ?? null,
    publishedAt: copy.delivery?.publishedAt ?? '',
    views: viewsOf(engagement),
    forwards: engagement?.forwards ?? 0,
    reactions: { ...(engagement?.reactions ?? {}) },
    poll: pollResultsOf(copy),
    responses: responsesOf(engagement),
    responseRate: responseRate(parts),
  };
}

function gatherPolls(rows: ChannelStoryNumbers[]): { poll: PollResults | null; differ: boolean } {
  const polls = rows.flatMap((row) => (row.poll ? [row.poll] : []));
  const first = polls[0];
  if (!first) return { poll: null, differ: false };
  if (!polls.every((poll) => samePoll(poll, first))) return { poll: null, differ: true };
  const votes = first.options.map((_, i) => polls.reduce((sum, poll) => sum + poll.votes[i]!, 0));
  return { poll: { question: first.question, options: [...first.options], votes }, differ: false };
}

/**
 * Summarises a story's posts (see isPost; other copies are left out) per channel and gathered
 * across channels. `copies` may hold other stories' copies too: only `storyId`'s are read.
 */
export function summarizeStory(
  storyId: string,
  copies: readonly Update[],
  channels: readonly Channel[],
): StorySummary {
  const channelById = new Map(channels.map((channel) => [channel.id, channel]));
  const rows = copies
    .filter((copy) => copy.storyId === storyId && isPost(copy))
    .map((copy) => channelNumbers(copy, channelById.get(copy.channelId)))
    .sort(
      (a, b) =>
        (a.channelName ?? '').localeCompare(b.channelName ?? '') ||
        a.channelId.localeCompare(b.channelId) ||
        a.updateId.localeCompare(b.updateId),
    );

  const parts = emptyRateParts();
  const reactions: Record<string, number> = {};
  let views: number | null = null;
  let postsWithViews = 0;
  let forwards = 0;
  let responses = 0;
  for (const row of rows) {
    if (row.views !== null) {
      views = (views ?? 0) + row.views;
      postsWithViews += 1;
      parts.views += row.views;
      parts.responses += row.responses;
    }
    forwards += row.forwards;
    responses += row.responses;
    for (const [emoji, count] of Object.entries(row.reactions)) {
      reactions[emoji] = (reactions[emoji] ?? 0) + count;
    }
  }
  const polls = gatherPolls(rows);
  return {
    storyId,
    perChannel: rows,
    gathered: {
      posts: rows.length,
      views,
      postsWithViews,
      forwards,
      reactions,
      poll: polls.poll,
      pollsDiffer: polls.differ,
      responses,
      responseRate: responseRate(parts),
    },
  };
}
