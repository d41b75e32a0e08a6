// Page arithmetic for zero-based page indexes.

export interface PaginationState {
  /** One-based, for people. */
  page: number;
  totalPages: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** The first and last result shown, one-based; 0 and 0 when the page is empty. */
  firstItem: number;
  lastItem: number;
  /** True when the page index is past the last page. */
  isPastEnd: boolean;
}

export function computePagination(pageIndex: number, perPage: number, totalItems: number): PaginationState {
  const safeTotal = Math.max(0, Math.floor(totalItems));
  const safeIndex = Math.max(0, Math.floor(pageIndex));
  const totalPages = Math.max(1, Math.ceil(safeTotal / perPage));
  const firstItem = safeIndex * perPage + 1;
  const isPastEnd = safeIndex >= totalPages;
  return {
    page: safeIndex + 1,
    totalPages,
    hasPrevious: safeIndex > 0,
    hasNext: safeIndex + 1 < totalPages,
    firstItem: firstItem > safeTotal ? 0 : firstItem,
    lastItem: firstItem > safeTotal ? 0 : Math.min(safeTotal, (safeIndex + 1) * perPage),
    isPastEnd,
  };
}
