import type { QueryClient } from '@tanstack/react-query';
import type { Params } from 'react-router';

export interface PrefetchArgs {
  params: Params;
  searchParams: URLSearchParams;
  /** The matched location's path, still percent-encoded (what `useLocation().pathname` gives the page). */
  pathname: string;
}

/** A page module's optional export: start the page's queries as soon as a navigation matches it. */
export type Prefetch = (queryClient: QueryClient, args: PrefetchArgs) => void;
