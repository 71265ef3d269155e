// Scheduled copies across channels in a time range (the week calendar).
import { queryOptions } from '@tanstack/react-query';
import { desk } from '../../api/desk-client';

export const rangeKeys = {
  all: ['range'] as const,
};

/** Query factories for the calendar. */
export const weekQueries = {
  range: (from: string, to: string) =>
    queryOptions({
      queryKey: [...rangeKeys.all, from, to] as const,
      queryFn: () => desk.listRange({ from, to }),
    }),
};
