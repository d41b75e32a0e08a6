import { Link } from 'react-router';
import { computePagination } from './pagination-state';

export function Pagination({
  pageIndex,
  perPage,
  totalItems,
  hrefForPage,
}: {
  pageIndex: number;
  perPage: number;
  totalItems: number;
  hrefForPage: (pageIndex: number) => string;
}) {
  const state = computePagination(pageIndex, perPage, totalItems);
  if (state.totalPages <= 1 && !state.hasPrevious) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      {state.hasPrevious ? (
        <Link className="button" to={hrefForPage(Math.min(pageIndex, state.totalPages) - 1)} rel="prev">
          Previous
        </Link>
      ) : (
        <span className="button button--disabled" aria-disabled="true">
          Previous
        </span>
      )}
      <span className="pagination__status">
        Page {state.page} of {state.totalPages}
      </span>
      {state.hasNext ? (
        <Link className="button" to={hrefForPage(pageIndex + 1)} rel="next">
          Next
        </Link>
      ) : (
        <span className="button button--disabled" aria-disabled="true">
          Next
        </span>
      )}
    </nav>
  );
}
