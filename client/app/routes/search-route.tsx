import { useSearchParams } from 'react-router';
import { myBookmarksQueryOptions } from '../../features/bookmarks/api/get-my-bookmarks';
import { useBookmarkToggles } from '../../features/bookmarks/components/bookmark-toggle';
import { dashboardSummaryOf, tableSummaryOf } from '../../features/bookmarks/to-summary';
import { seedFirstSearch } from '../../features/search/api/first-search';
import { searchQueryOptions } from '../../features/search/api/search-catalog';
import { SearchPage } from '../../features/search/components/search-page';
import { firstSearchInputs, planSearch } from '../../features/search/search-plan';
import { clientConfigQueryOptions } from '../app-data';
import { parseSearchState } from '../paths';
import type { Prefetch } from '../prefetch';

export function SearchRoute() {
  const [searchParams] = useSearchParams();
  // One bookmarks query and one mutation for the page's stars, not one per result.
  const bookmarkToggle = useBookmarkToggles();
  return (
    <SearchPage
      state={parseSearchState(searchParams)}
      resultAction={bookmarkToggle ? (result) => bookmarkToggle(result.type === 'table' ? tableSummaryOf(result) : dashboardSummaryOf(result), result.name) : undefined}
    />
  );
}

/** The requests need the UI config (page size, searchable resources): as soon as it is in. */
export const prefetch: Prefetch = (queryClient, { searchParams }) => {
  void queryClient.ensureQueryData(clientConfigQueryOptions()).then((config) => {
    const plan = planSearch(parseSearchState(searchParams), config);
    // The answers the BFF wrote into the page, when they answer exactly these requests: nothing to fetch.
    seedFirstSearch(queryClient, firstSearchInputs(plan));
    if (plan.overview) void queryClient.prefetchQuery(searchQueryOptions(plan.overview));
    if (plan.page && plan.page !== plan.overview) void queryClient.prefetchQuery(searchQueryOptions(plan.page));
    if (config.bookmarks.enabled && plan.page) void queryClient.prefetchQuery(myBookmarksQueryOptions());
  }, () => {});
};

export default SearchRoute;
