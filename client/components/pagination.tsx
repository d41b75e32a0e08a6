// The one pager: Previous / "Page n of m" / Next as links, so every page has a URL (a reload, Back
// and a shared link find it again). The search pages through results with it (each page a new history
// entry, the page starting at the top); a profile pages through its lists with `replace` (the URL
// changes, the history and the scroll position stay: the list is one part of the page).
import { ButtonLink } from './button';
import { computePagination } from './pagination-state';
import './pagination.css';
import { formatWholeNumber } from '../lib/format-number';

export function Pagination({
  pageIndex,
  perPage,
  totalItems,
  hrefForPage,
  label = 'Pages',
  replace = false,
}: {
  pageIndex: number;
  perPage: number;
  totalItems: number;
  hrefForPage: (pageIndex: number) => string;
  label?: string;
  /** Replace the URL instead of adding a history entry (and keep the scroll position). */
  replace?: boolean;
}) {
  const state = computePagination(pageIndex, perPage, totalItems);
  if (state.totalPages <= 1 && !state.hasPrevious) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {state.hasPrevious ? (
        <ButtonLink to={hrefForPage(Math.min(pageIndex, state.totalPages) - 1)} rel="prev" replace={replace}>
          Previous
        </ButtonLink>
      ) : (
        <span className="btn btn--secondary" aria-disabled="true">
          Previous
        </span>
      )}
      <span className="pagination__status" aria-live="polite">
        Page {formatWholeNumber(Math.min(state.page, state.totalPages))} of {formatWholeNumber(state.totalPages)}
      </span>
      {state.hasNext ? (
        <ButtonLink to={hrefForPage(pageIndex + 1)} rel="next" replace={replace}>
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
