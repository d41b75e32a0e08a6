import { describe, expect, it } from 'vitest';
import { pageOf } from './list-page';

const items = Array.from({ length: 23 }, (_, i) => i + 1);

describe('pageOf', () => {
  it('cuts the first page', () => {
    expect(pageOf(items, 0, 10)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], pageIndex: 0, totalPages: 3, firstItem: 1, lastItem: 10 });
  });

  it('cuts a partial last page', () => {
    expect(pageOf(items, 2, 10)).toMatchObject({ items: [21, 22, 23], pageIndex: 2, firstItem: 21, lastItem: 23 });
  });

  it('clamps a page index past the end to the last page, and a negative one to the first', () => {
    expect(pageOf(items, 9, 10)).toMatchObject({ pageIndex: 2, items: [21, 22, 23] });
    expect(pageOf(items, -1, 10)).toMatchObject({ pageIndex: 0, firstItem: 1 });
  });

  it('has one empty page for an empty list', () => {
    expect(pageOf([], 3, 10)).toEqual({ items: [], pageIndex: 0, totalPages: 1, firstItem: 0, lastItem: 0 });
  });
});
