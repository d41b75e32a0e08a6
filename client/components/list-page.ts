// One page of a list that is already loaded (a person's lists), for `<Pagination>`. `pageOf` clamps
// the page index, so a list that shrank (or a page number past the end in a URL) never shows an empty page.
import { computePagination } from './pagination-state';

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
