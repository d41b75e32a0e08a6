import { useSearchParams } from 'react-router';
import { searchQueryOptions } from '../../features/search/api/search-catalog';
import { SearchPage } from '../../features/search/components/search-page';
import { planSearch } from '../../features/search/search-plan';
import { clientConfigQueryOptions } from '../app-data';
import { parseSearchState } from '../paths';
import type { Prefetch } from '../prefetch';

export function SearchRoute() {
  const [searchParams] = useSearchParams();
  return <SearchPage state={parseSearchState(searchParams)} />;
}

/** The requests need the UI config (page size, searchable resources): as soon as it is in. */
export const prefetch: Prefetch = (queryClient, { searchParams }) => {
  void queryClient.ensureQueryData(clientConfigQueryOptions()).then((config) => {
    const plan = planSearch(parseSearchState(searchParams), config);
    if (plan.overview) void queryClient.prefetchQuery(searchQueryOptions(plan.overview));
    if (plan.page && plan.page !== plan.overview) void queryClient.prefetchQuery(searchQueryOptions(plan.page));
  }, () => {});
};

export default SearchRoute;
