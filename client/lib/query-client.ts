// The query client, and the ONE place a 401 is handled: a query with nothing on screen yet sends the
// browser to log in and come back; a refresh of data already on screen (a background refetch, as on
// coming back to the tab) and a write keep the page and only tell (onUnauthorizedRefresh): a write's
// optimistic change is rolled back where the person sees it (a bookmark's star), not lost behind a
// login that returns to the page without it.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isSetUpWrong, isUnauthorized } from './api-error';

export interface QueryClientOptions {
  onUnauthorized: () => void;
  /** A refresh of data already on screen, or a write, met 401: what is on screen stays (QueryState keeps it), nothing navigates. */
  onUnauthorizedRefresh?: () => void;
}

const MAX_RETRIES = 2;

/** Retry network trouble and 5xx a couple of times; never a 4xx, which will not change on retry, nor a 504 (a timeout), nor a service set up wrong. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  // A timeout has already made the person wait the BFF's full upstream timeout: say so now, not after two more.
  if (isApiError(error) && error.status === 504) return false;
  if (isApiError(error) && error.name === 'InvalidResponse') return false;
  // A wrong METADATA_URL or SEARCH_URL (decision 078) stays wrong until someone changes it.
  if (isSetUpWrong(error)) return false;
  return true;
}

export function createQueryClient({ onUnauthorized, onUnauthorizedRefresh = onUnauthorized }: QueryClientOptions): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error)) (query.state.data === undefined ? onUnauthorized : onUnauthorizedRefresh)();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isUnauthorized(error)) onUnauthorizedRefresh();
      },
    }),
    defaultOptions: {
      // Coming back to a tab (window focus) refetches what is on screen and older than staleTime, so a
      // second tab shows what was changed in the first (tables, dashboards, bookmarks, search results).
      // The UI config cannot change while the app runs: its staleTime is Infinity, so it is never asked
      // again. An open editor keeps its text: it holds it in its own state (and its draft slot), not in
      // the cache (pinned by query-client-refetch-on-focus.test.tsx).
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
}
