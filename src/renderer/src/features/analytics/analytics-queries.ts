// The analytics report, read from the engine and refreshed when copies change (a pull brings new
// engagement numbers, a publication adds a post).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CommandInput } from '../../../../shared/contract';
import { desk } from '../../api/desk-client';

export const analyticsKeys = {
  all: ['analytics'] as const,
  report: (arg: CommandInput<'getAnalytics'>) => ['analytics', 'report', arg] as const,
};

/** Query factories for the analytics screen. */
export const analyticsQueries = {
  report: (arg: CommandInput<'getAnalytics'>) =>
    queryOptions({
      queryKey: analyticsKeys.report(arg),
      queryFn: () => desk.getAnalytics(arg),
      // Not kept fresh while the screen is closed: reopening it reads the copies again.
      staleTime: 0,
    }),
};

/** The report for `arg` (none while `arg` is null), kept fresh by the shell's change invalidation. */
export function useAnalyticsReport(arg: CommandInput<'getAnalytics'> | null) {
  return useQuery({
    ...analyticsQueries.report(arg ?? { from: '', to: '', zone: '' }),
    enabled: arg !== null,
    // Changing the range keeps the last charts up until the new ones arrive (no flash of empty).
    placeholderData: (previous) => previous,
  });
}
