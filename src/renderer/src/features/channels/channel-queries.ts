// Channels, read through the desk client; one cached list (archived included) filtered by the views.
import { queryOptions } from '@tanstack/react-query';
import { desk } from '../../api/desk-client';

export const channelKeys = {
  all: ['channels'] as const,
};

/** Query factories for channels. */
export const channelQueries = {
  list: () =>
    queryOptions({
      queryKey: [...channelKeys.all, 'list'] as const,
      queryFn: () => desk.listChannels({ includeArchived: true }),
    }),
};
