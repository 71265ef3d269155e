// The audit trail's pages, read from the hub through the desk ("Load more" asks for the next one).
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditPage } from '../../../../shared/audit/protocol';
import { desk } from '../../api/desk-client';
import type { AuditFilters } from './audit-filters';

/** Entries one page of the screen holds. */
export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  all: ['audit'] as const,
  trail: (filters: AuditFilters) => ['audit', filters] as const,
};

/** Query factories for the audit trail. */
export const auditQueries = {
  trail: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: auditKeys.trail(filters),
      queryFn: ({ pageParam }) =>
        desk.getAudit({ ...filters, limit: AUDIT_PAGE_SIZE, cursor: pageParam }),
      initialPageParam: null as string | null,
      getNextPageParam: (last: AuditPage) => last.nextCursor,
      // The trail grows on the hub, where the desk hears nothing of it: read afresh on each visit.
      staleTime: 0,
    }),
};
