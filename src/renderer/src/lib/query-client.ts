// The query cache: the engine pushes `changed`, so data stays fresh without polling or focus refetches.
import { QueryClient } from '@tanstack/react-query';

/** A query client tuned for a local engine that announces its own changes. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        // A local engine either answers or has a real error: retrying hides it.
        retry: false,
      },
      mutations: { retry: false },
    },
  });
}
