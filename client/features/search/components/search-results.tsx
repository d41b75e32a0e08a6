import { Link } from 'react-router';
import { Pagination } from '../../../components/pagination';
import { computePagination } from '../../../components/pagination-state';
import { SkeletonList } from '../../../components/skeleton';
import { EmptyState, ErrorState } from '../../../components/state';
import { RESULTS_PER_PAGE, useSearchTables } from '../api/search-tables';
import { searchPath } from '../../../app/paths';
import './search.css';
import { SearchResultItem } from './search-result-item';

/** Search services count matches up to 10,000 (as Elasticsearch does by default); more reads "10,000+". */
const COUNT_CAP = 10_000;
const plural = (n: number) => `${n.toLocaleString('en-US')}${n >= COUNT_CAP ? '+' : ''} ${n === 1 ? 'result' : 'results'}`;

export function SearchResults({ term, pageIndex }: { term: string; pageIndex: number }) {
  const query = useSearchTables({ term, pageIndex });

  if (!term) {
    return (
      <>
        <h1>Search tables</h1>
        <EmptyState>Type a table name, column, description word or tag in the search box above.</EmptyState>
      </>
    );
  }

  if (query.isPending) {
    return (
      <>
        <h1>Searching for “{term}”…</h1>
        <SkeletonList label={`Searching for ${term}`} />
      </>
    );
  }

  if (query.isError) {
    return (
      <>
        <h1>Search for “{term}”</h1>
        <ErrorState title="The search failed" error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const { totalResults, results, didYouMean } = query.data;
  const pages = computePagination(pageIndex, RESULTS_PER_PAGE, totalResults);
  const hrefForPage = (index: number) => searchPath({ term, pageIndex: index });

  return (
    <>
      <h1 aria-live="polite">
        {plural(totalResults)} for “{didYouMean ?? term}”
      </h1>
      {didYouMean && (
        <p className="did-you-mean" data-testid="did-you-mean">
          Nothing matched “{term}”, so these are the results for “{didYouMean}”.
        </p>
      )}
      {totalResults === 0 ? (
        <EmptyState>No tables match “{term}”. Try fewer words or a prefix.</EmptyState>
      ) : results.length === 0 || pages.isPastEnd ? (
        <EmptyState>
          This page is past the last page of results. <Link to={hrefForPage(0)}>Go to the first page</Link>.
        </EmptyState>
      ) : (
        <>
          <p className="results-range">
            Showing {pages.firstItem}–{pages.lastItem}
          </p>
          <ol className={`results${query.isPlaceholderData ? ' results--stale' : ''}`} aria-busy={query.isPlaceholderData}>
            {results.map((result) => (
              <SearchResultItem key={result.key} result={result} />
            ))}
          </ol>
        </>
      )}
      <Pagination pageIndex={pageIndex} perPage={RESULTS_PER_PAGE} totalItems={totalResults} hrefForPage={hrefForPage} />
    </>
  );
}
