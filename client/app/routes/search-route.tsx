import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ClientConfig } from '../../../contract/ui-config';
import { myBookmarksQueryOptions } from '../../features/bookmarks/api/get-my-bookmarks';
import { useBookmarkToggles } from '../../features/bookmarks/components/bookmark-toggle';
import { dashboardSummaryOf, tableSummaryOf } from '../../features/bookmarks/to-summary';
import { seedFirstSearch } from '../../features/search/api/first-search';
import { searchQueryOptions } from '../../features/search/api/search-catalog';
import { SearchPage } from '../../features/search/components/search-page';
import { firstSearchInputs, planSearch } from '../../features/search/search-plan';
import { withTypedFiltersOnAnyTab } from '../../../contract/typed-filters';
import { clientConfigQueryOptions, useUiConfig } from '../app-data';
import { parseSearchState, searchPath, type SearchState } from '../paths';
import type { Prefetch } from '../prefetch';

/**
 * A term with filters typed in it (`tag:pii orders`): the search with those as filters, else null; on
 * the tab whose filters they are (`group:sales` typed on the tables tab opens the dashboards tab).
 */
const typedSearch = (state: SearchState, config: ClientConfig) => withTypedFiltersOnAnyTab(state, config);

export function SearchRoute() {
  const [searchParams] = useSearchParams();
  const config = useUiConfig();
  // One bookmarks query and one mutation for the page's stars, not one per result.
  const bookmarkToggle = useBookmarkToggles();
  const state = parseSearchState(searchParams);
  // The URL says them as filters instead (replaced: Back goes to before the search). Not <Navigate>:
  // react-router's component would join the first page's code.
  const typed = typedSearch(state, config);
  const typedPath = typed && searchPath(typed);
  const navigate = useNavigate();
  useEffect(() => {
    if (typedPath) void navigate(typedPath, { replace: true });
  }, [typedPath]);
  if (typedPath) return null;
  return (
    <SearchPage
      state={state}
      resultAction={bookmarkToggle ? (result) => bookmarkToggle(result.type === 'table' ? tableSummaryOf(result) : dashboardSummaryOf(result), result.name) : undefined}
    />
  );
}

/** The requests need the UI config (page size, searchable resources): as soon as it is in. */
export const prefetch: Prefetch = (queryClient, { searchParams }) => {
  void queryClient.ensureQueryData(clientConfigQueryOptions()).then((config) => {
    const state = parseSearchState(searchParams);
    const plan = planSearch(typedSearch(state, config) ?? state, config);
    // The answers the BFF wrote into the page, when they answer exactly these requests: nothing to fetch.
    seedFirstSearch(queryClient, firstSearchInputs(plan));
    if (plan.overview) void queryClient.prefetchQuery(searchQueryOptions(plan.overview));
    if (plan.page && plan.page !== plan.overview) void queryClient.prefetchQuery(searchQueryOptions(plan.page));
    if (config.bookmarks.enabled && plan.page) void queryClient.prefetchQuery(myBookmarksQueryOptions());
  }, () => {});
};

export default SearchRoute;
