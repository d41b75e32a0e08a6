import { ButtonLink } from './button';
import { computePagination } from './pagination-state';
import './pagination.css';
import { formatWholeNumber } from '../lib/format-number';

/** Previous / "Page n of m" / Next as links, so every page has a URL (and the back button works). */
export function Pagination({
  pageIndex,
  perPage,
  totalItems,
  hrefForPage,
  label = 'Pages',
}: {
  pageIndex: number;
  perPage: number;
  totalItems: number;
  hrefForPage: (pageIndex: number) => string;
  label?: string;
}) {
  const state = computePagination(pageIndex, perPage, totalItems);
  if (state.totalPages <= 1 && !state.hasPrevious) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {state.hasPrevious ? (
        <ButtonLink to={hrefForPage(Math.min(pageIndex, state.totalPages) - 1)} rel="prev">
          Previous
        </ButtonLink>
      ) : (
        <span className="btn btn--secondary" aria-disabled="true">
          Previous
        </span>
      )}
      <span className="pagination__status">
        Page {Math.min(state.page, state.totalPages)} of {formatWholeNumber(state.totalPages)}
      </span>
      {state.hasNext ? (
        <ButtonLink to={hrefForPage(pageIndex + 1)} rel="next">
          Next
        </ButtonLink>
      ) : (
        <span className="btn btn--secondary" aria-disabled="true">
          Next
        </span>
      )}
    </nav>
  );
}
