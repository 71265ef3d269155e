// A copy's publications and a channel's publishing settings: both live on the hub, so they are
// asked afresh whenever shown, and refreshed when the desk hears of a delivery change.
import { queryOptions } from '@tanstack/react-query';
import { desk } from '../../api/desk-client';

export const publishingKeys = {
  all: ['publishing'] as const,
  publicationsAll: ['publishing', 'publications'] as const,
  publications: (updateId: string) => ['publishing', 'publications', updateId] as const,
  connector: (channelId: string) => ['publishing', 'connector', channelId] as const,
};

/** Query factories for publishing. */
export const publishingQueries = {
  publications: (updateId: string) =>
    queryOptions({
      queryKey: publishingKeys.publications(updateId),
      queryFn: () => desk.getPublications({ updateId }),
      staleTime: 0,
    }),
  connector: (channelId: string) =>
    queryOptions({
      queryKey: publishingKeys.connector(channelId),
      queryFn: () => desk.getConnector({ channelId }),
      staleTime: 0,
    }),
};
