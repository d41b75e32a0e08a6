import { describe, expect, it } from 'vitest';
import { computePagination } from './pagination-state';

describe('computePagination', () => {
  it('describes the first of several pages', () => {
    expect(computePagination(0, 10, 35)).toEqual({
      page: 1,
      totalPages: 4,
      hasPrevious: false,
      hasNext: true,
      firstItem: 1,
      lastItem: 10,
      isPastEnd: false,
    });
  });

  it('describes a partial last page', () => {
    const state = computePagination(3, 10, 35);
    expect(state).toMatchObject({ page: 4, totalPages: 4, hasPrevious: true, hasNext: false, firstItem: 31, lastItem: 35 });
  });

  it('has no next page when results fill the last page exactly', () => {
    expect(computePagination(1, 10, 20)).toMatchObject({ totalPages: 2, hasNext: false });
  });

  it('counts one page when there are no results', () => {
    expect(computePagination(0, 10, 0)).toMatchObject({
      page: 1,
      totalPages: 1,
      hasPrevious: false,
      hasNext: false,
      firstItem: 0,
      lastItem: 0,
      isPastEnd: false,
    });
  });

  it('notices a page index past the last page', () => {
    expect(computePagination(7, 10, 35)).toMatchObject({ isPastEnd: true, hasNext: false, hasPrevious: true, firstItem: 0 });
  });

  it('shows nothing, not the last results, on a page past the end', () => {
    expect(computePagination(7, 10, 35)).toMatchObject({ firstItem: 0, lastItem: 0 });
  });

  it('counts the page just after the last one as past the end', () => {
    expect(computePagination(4, 10, 35)).toMatchObject({ page: 5, totalPages: 4, isPastEnd: true, firstItem: 0, lastItem: 0 });
    expect(computePagination(3, 10, 35)).toMatchObject({ isPastEnd: false });
    expect(computePagination(1, 10, 0)).toMatchObject({ totalPages: 1, isPastEnd: true });
  });

  it('shows a last page holding a single result', () => {
    expect(computePagination(3, 10, 31)).toMatchObject({ page: 4, totalPages: 4, firstItem: 31, lastItem: 31, isPastEnd: false });
    expect(computePagination(0, 10, 1)).toMatchObject({ firstItem: 1, lastItem: 1 });
  });
});
