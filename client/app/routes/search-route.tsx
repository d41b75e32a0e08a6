import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { SearchResults } from '../../features/search/components/search-results';
import { searchTablesQueryOptions } from '../../features/search/api/search-tables';
import { parseSearchState } from '../paths';
import type { Prefetch } from '../prefetch';

export function SearchRoute() {
  const [searchParams] = useSearchParams();
  const { term, pageIndex } = parseSearchState(searchParams);
  return (
    <div className="search-page">
      <PageTitle title={term ? `${term} – Search` : 'Search'} />
      <SearchResults term={term} pageIndex={pageIndex} />
    </div>
  );
}

export const prefetch: Prefetch = (queryClient, { searchParams }) => {
  const { term, pageIndex } = parseSearchState(searchParams);
  if (term) void queryClient.prefetchQuery(searchTablesQueryOptions({ term, pageIndex }));
};

export default SearchRoute;
