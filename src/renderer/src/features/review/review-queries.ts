// The review queue (from the desk's own replica), and comments, mentions and colleagues (from the
// hub). The hub does not push comment changes, so what comes from it is re-asked now and then.
import { infiniteQueryOptions, queryOptions, useQuery } from '@tanstack/react-query';
import { desk } from '../../api/desk-client';

/** How often an open thread or inbox asks the hub for new comments. */
const HUB_REFRESH_MS = 30_000;
/** Colleagues rarely change during a session. */
const MEMBERS_STALE_MS = 5 * 60_000;
/**
 * The desk keeps the engine's data until told it changed; the hub tells nothing about comments,
 * so they are re-asked whenever they are shown again (a thread reopened from a mention).
 */
const HUB_STALE_MS = 0;

export const reviewKeys = {
  all: ['review'] as const,
  queue: ['review', 'queue'] as const,
  comments: (storyId: string) => ['review', 'comments', storyId] as const,
  inbox: ['review', 'inbox'] as const,
  members: ['review', 'members'] as const,
};

/** Query factories for review. */
export const reviewQueries = {
  queue: () => queryOptions({ queryKey: reviewKeys.queue, queryFn: () => desk.listInReview({}) }),
  comments: (storyId: string) =>
    queryOptions({
      queryKey: reviewKeys.comments(storyId),
      queryFn: () => desk.listComments({ storyId }),
      refetchInterval: HUB_REFRESH_MS,
      staleTime: HUB_STALE_MS,
      retry: false,
    }),
  inbox: () =>
    infiniteQueryOptions({
      queryKey: reviewKeys.inbox,
      queryFn: ({ pageParam }) => desk.getInbox(pageParam === null ? {} : { before: pageParam }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextBefore,
      refetchInterval: HUB_REFRESH_MS,
      staleTime: HUB_STALE_MS,
      retry: false,
    }),
  members: () =>
    queryOptions({
      queryKey: reviewKeys.members,
      queryFn: () => desk.listMembers({}),
      staleTime: MEMBERS_STALE_MS,
      retry: false,
    }),
};

/**
 * The review queue, kept fresh by the shell's change invalidation (a submission or a decision,
 * here or pulled from the hub, changes the copies it is built from).
 */
export function useReviewQueue() {
  return useQuery(reviewQueries.queue());
}
