import { useSearchParams } from 'react-router';
import type { ClientConfig } from '../../../contract/ui-config';
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

export const prefetch: Prefetch = (queryClient, { searchParams }) => {
  // The shell renders pages once the UI config is loaded, so it is in the cache here.
  const config = queryClient.getQueryData<ClientConfig>(clientConfigQueryOptions().queryKey);
  if (!config) return;
  const plan = planSearch(parseSearchState(searchParams), config);
  if (plan.overview) void queryClient.prefetchQuery(searchQueryOptions(plan.overview));
  if (plan.page && plan.page !== plan.overview) void queryClient.prefetchQuery(searchQueryOptions(plan.page));
};

export default SearchRoute;
