import { describe, expect, it } from 'vitest';
import { pagerItems } from './pagination-state';

/** What each pager shows, as text: `…` for a gap, the current page in brackets. */
function shown(current: number, total: number, width: 'wide' | 'narrow') {
  return pagerItems(current, total)
    .filter((item) => item.only === undefined || item.only === width)
    .map((item) => (item.page === null ? '…' : item.page === current ? `[${item.page}]` : `${item.page}`))
    .join(' ');
}

describe('the page numbers a pager shows', () => {
  it('are the first, the last, the current page and two either side of it, gaps between', () => {
    expect(shown(6, 27, 'wide')).toBe('1 … 4 5 [6] 7 8 … 27');
    expect(shown(1, 27, 'wide')).toBe('[1] 2 3 … 27');
    expect(shown(27, 27, 'wide')).toBe('1 … 25 26 [27]');
    expect(shown(14, 27, 'wide')).toBe('1 … 12 13 [14] 15 16 … 27');
  });

  it('show a lone page instead of a gap for it, and every page when there are few', () => {
    expect(shown(5, 27, 'wide')).toBe('1 2 3 4 [5] 6 7 … 27');
    expect(shown(23, 27, 'wide')).toBe('1 … 21 22 [23] 24 25 26 27');
    expect(shown(4, 27, 'wide')).toBe('1 2 3 [4] 5 6 … 27');
    expect(shown(2, 2, 'wide')).toBe('1 [2]');
    expect(shown(3, 5, 'wide')).toBe('1 2 [3] 4 5');
    expect(shown(1, 1, 'wide')).toBe('[1]');
  });

  it('are fewer in a narrow pager: the first, the current and the last', () => {
    expect(shown(6, 27, 'narrow')).toBe('1 … [6] … 27');
    expect(shown(1, 27, 'narrow')).toBe('[1] … 27');
    expect(shown(2, 27, 'narrow')).toBe('1 [2] … 27');
    expect(shown(3, 27, 'narrow')).toBe('1 2 [3] … 27');
    expect(shown(4, 27, 'narrow')).toBe('1 … [4] … 27');
    expect(shown(26, 27, 'narrow')).toBe('1 … [26] 27');
    expect(shown(25, 27, 'narrow')).toBe('1 … [25] 26 27');
    expect(shown(3, 5, 'narrow')).toBe('1 2 [3] 4 5');
    expect(shown(2, 3, 'narrow')).toBe('1 [2] 3');
  });

  it('have keys of their own, so a page link stays the same element when the window moves', () => {
    const keys = pagerItems(6, 27).map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(pagerItems(7, 27).find((item) => item.page === 6)?.key).toBe(pagerItems(6, 27).find((item) => item.page === 6)?.key);
  });
});
