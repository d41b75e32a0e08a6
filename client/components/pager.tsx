// Paging through a list that is already loaded (a person's lists): Previous / "11–20 of 54" / Next
// as buttons, no URL per page. `pageOf` clamps the page index, so a list that shrank never shows an
// empty page.
import { Button } from './button';
import { computePagination } from './pagination-state';
import './pagination.css';
import { formatWholeNumber } from '../lib/format-number';

export interface Page<T> {
  items: T[];
  /** Zero-based, clamped to the last page. */
  pageIndex: number;
  totalPages: number;
  firstItem: number;
  lastItem: number;
}

export function pageOf<T>(items: readonly T[], pageIndex: number, perPage: number): Page<T> {
  const size = Math.max(1, Math.floor(perPage));
  const lastIndex = Math.max(0, Math.ceil(items.length / size) - 1);
  const index = Math.min(Math.max(0, Math.floor(pageIndex)), lastIndex);
  const state = computePagination(index, size, items.length);
  return { items: items.slice(index * size, (index + 1) * size), pageIndex: index, totalPages: state.totalPages, firstItem: state.firstItem, lastItem: state.lastItem };
}

export function Pager({ page, totalItems, onPageChange, label }: { page: Page<unknown>; totalItems: number; onPageChange: (pageIndex: number) => void; label: string }) {
  if (page.totalPages <= 1) return null;
  const isFirst = page.pageIndex === 0;
  const isLast = page.pageIndex >= page.totalPages - 1;
  return (
    <nav className="pagination" aria-label={label}>
      <Button size="sm" disabled={isFirst} aria-label="Previous page" onClick={() => onPageChange(page.pageIndex - 1)}>
        Previous
      </Button>
      <span className="pagination__status" aria-live="polite">
        {page.firstItem}–{page.lastItem} of {formatWholeNumber(totalItems)}
        <span className="visually-hidden">
          {' '}
          (page {page.pageIndex + 1} of {page.totalPages})
        </span>
      </span>
      <Button size="sm" disabled={isLast} aria-label="Next page" onClick={() => onPageChange(page.pageIndex + 1)}>
        Next
      </Button>
    </nav>
  );
}
