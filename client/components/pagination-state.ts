// Page arithmetic (contract/pagination-state.ts: the BFF's first-results preview counts the same way),
// and which page numbers a pager shows.
export { computePagination, type PaginationState } from '../../contract/pagination-state';

/**
 * A page number a pager shows, or a gap (`page` null) for the pages it leaves out. `only`: shown by
 * the wide pager alone or the narrow one alone (pagination.css); otherwise by both.
 */
export interface PagerItem {
  page: number | null;
  key: string;
  only?: 'wide' | 'narrow';
}

/**
 * The page numbers around `current` (one-based) of `total`: the first, the last, the current page and,
 * in a wide pager, the two either side of it (1 … 4 5 6 7 8 … 27); a narrow pager keeps the first, the
 * current and the last (1 … 6 … 27). A gap of a single page shows that page instead.
 */
export function pagerItems(current: number, total: number): PagerItem[] {
  const shows = (around: number) => (p: number) =>
    p === 1 || p === total || Math.abs(p - current) <= around || (p === 2 && current - around === 3) || (p === total - 1 && current + around === total - 2);
  const wide = shows(2);
  const narrow = shows(0);
  const pages = [...new Set([1, 2, current - 3, current - 2, current - 1, current, current + 1, current + 2, current + 3, total - 1, total])]
    .filter((p) => p >= 1 && p <= total && wide(p))
    .sort((a, b) => a - b);
  const items: PagerItem[] = [];
  pages.forEach((p, i) => {
    items.push({ page: p, key: `${p}`, only: narrow(p) ? undefined : 'wide' });
    const next = pages[i + 1];
    if (next === undefined) return;
    const wideGap = next > p + 1;
    const narrowGap = narrow(p) && pages.slice(i + 1).find(narrow)! > p + 1;
    if (wideGap || narrowGap) items.push({ page: null, key: `after ${p}`, only: !narrowGap ? 'wide' : !wideGap ? 'narrow' : undefined });
  });
  return items;
}
