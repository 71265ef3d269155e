// The archive: searched on the desk (offline too), kept fresh from the engine's `changed` events;
// a copy's published versions come from the hub, asked again whenever a copy is opened.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CommandInput } from '../../../../shared/contract';
import { desk } from '../../api/desk-client';

export const archiveKeys = {
  all: ['archive'] as const,
  search: ['archive', 'search'] as const,
  versions: (updateId: string) => ['archive', 'versions', updateId] as const,
  members: ['archive', 'members'] as const,
};

/** Colleagues rarely change while the archive is open. */
const MEMBERS_STALE_MS = 5 * 60_000;

/** Query factories for the archive. */
export const archiveQueries = {
  search: (params: CommandInput<'searchArchive'>) =>
    queryOptions({
      queryKey: [...archiveKeys.search, params] as const,
      queryFn: () => desk.searchArchive(params),
      placeholderData: keepPreviousData,
    }),
  versions: (updateId: string) =>
    queryOptions({
      queryKey: archiveKeys.versions(updateId),
      queryFn: () => desk.getPublishedVersions({ updateId }),
      // The hub may have sent a correction since: ask again each time the copy is opened.
      staleTime: 0,
      retry: false,
    }),
  /** The workspace's members (for the author filter); fails quietly when offline. */
  members: () =>
    queryOptions({
      queryKey: archiveKeys.members,
      queryFn: () => desk.listMembers({}),
      staleTime: MEMBERS_STALE_MS,
      retry: false,
    }),
};

/** Archive search results (the shell's change invalidation keeps them fresh). */
export function useArchiveSearch(params: CommandInput<'searchArchive'>) {
  return useQuery(archiveQueries.search(params));
}
