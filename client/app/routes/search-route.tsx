import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { SearchResults } from '../../features/search/components/search-results';
import { parseSearchParams } from '../../features/search/search-params';

export function SearchRoute() {
  const [searchParams] = useSearchParams();
  const { term, pageIndex } = parseSearchParams(searchParams);
  return (
    <div className="search-page">
      <PageTitle title={term ? `${term} – Search` : 'Search'} />
      <SearchResults term={term} pageIndex={pageIndex} />
    </div>
  );
}
