// Search over every copy, by text, channel, status and dates.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CommandInput } from '../../../../shared/contract';
import { desk } from '../../api/desk-client';

export const searchKeys = {
  all: ['search'] as const,
};

/** Query factories for search. */
export const searchQueries = {
  results: (params: CommandInput<'search'>) =>
    queryOptions({
      queryKey: [...searchKeys.all, params] as const,
      queryFn: () => desk.search(params),
      placeholderData: keepPreviousData,
    }),
};
