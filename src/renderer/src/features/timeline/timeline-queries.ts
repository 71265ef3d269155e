// A channel's timeline: scheduled copies by time, then drafts.
import { queryOptions } from '@tanstack/react-query';
import { desk } from '../../api/desk-client';

export const timelineKeys = {
  all: ['timeline'] as const,
  channel: (channelId: string) => ['timeline', channelId] as const,
};

/** Query factories for timelines. */
export const timelineQueries = {
  channel: (channelId: string) =>
    queryOptions({
      queryKey: timelineKeys.channel(channelId),
      queryFn: () => desk.listTimeline({ channelId }),
    }),
};
