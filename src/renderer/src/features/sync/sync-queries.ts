// Where the desk stands with its hub: fetched once, then kept fresh by the `syncStatus` event.
import type { QueryClient } from '@tanstack/react-query';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SyncStatus } from '../../../../shared/contract';
import { desk } from '../../api/desk-client';
import { useNotices } from '../../shell/Notices';

export const syncKeys = {
  status: ['sync', 'status'] as const,
  history: (kind: 'channel' | 'update', id: string) => ['sync', 'history', kind, id] as const,
};

/** Query factories for the sync status and a record's history on the hub. */
export const syncQueries = {
  status: () => queryOptions({ queryKey: syncKeys.status, queryFn: () => desk.getSyncStatus({}) }),
  /** The history lives on the hub: always asked afresh when the dialog opens. */
  history: (kind: 'channel' | 'update', id: string) =>
    queryOptions({
      queryKey: syncKeys.history(kind, id),
      queryFn: () => desk.getHistory({ kind, id }),
      staleTime: 0,
      gcTime: 0,
    }),
};

/** The latest sync status (undefined while the first answer is on its way). */
export function useSyncStatus(): SyncStatus | undefined {
  return useQuery(syncQueries.status()).data;
}

/**
 * Writes every pushed status into the cache and tells `onStatus` the previous and the new one.
 * Returns the unsubscribe; the shell's event subscription calls it once.
 */
export function subscribeSyncStatus(
  client: QueryClient,
  onStatus: (prev: SyncStatus | undefined, next: SyncStatus) => void,
): () => void {
  return desk.on('syncStatus', (next) => {
    const prev = client.getQueryData<SyncStatus>(syncKeys.status);
    client.setQueryData(syncKeys.status, next);
    onStatus(prev, next);
  });
}

/** "Retry" / "Sync now": one round at once; its outcome comes back as the new status. */
export function useSyncNow() {
  const client = useQueryClient();
  const notices = useNotices();
  return useMutation({
    mutationFn: () => desk.syncNow({}),
    onSuccess: (status) => client.setQueryData(syncKeys.status, status),
    onError: notices.error,
  });
}
