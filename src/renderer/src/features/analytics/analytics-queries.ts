// The analytics report, read from the engine and refreshed when copies change (a pull brings new
// engagement numbers, a publication adds a post).
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CommandInput } from '../../../../shared/contract';
import { desk } from '../../api/desk-client';

/** Changes arrive in bursts during a sync: the report is built again at most this often. */
const REFRESH_BATCH_MS = 500;

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

/** The report for `arg` (none while `arg` is null), refetched as the engine announces changes. */
export function useAnalyticsReport(arg: CommandInput<'getAnalytics'> | null) {
  const client = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = desk.on('changed', () => {
      timer ??= setTimeout(() => {
        timer = null;
        void client.invalidateQueries({ queryKey: analyticsKeys.all });
      }, REFRESH_BATCH_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [client]);
  return useQuery({
    ...analyticsQueries.report(arg ?? { from: '', to: '', zone: '' }),
    enabled: arg !== null,
    // Changing the range keeps the last charts up until the new ones arrive (no flash of empty).
    placeholderData: (previous) => previous,
  });
}
