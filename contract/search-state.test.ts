import { describe, expect, it } from 'vitest';
import { hasSearchableText, parsePageNumber, parseSearchState } from './search-state';

const parse = (query: string) => parseSearchState(new URLSearchParams(query));
const filtersOf = (filters: unknown) => parse(`term=x&filters=${encodeURIComponent(JSON.stringify(filters))}`).filters;

describe('parsePageNumber', () => {
  it('reads whole non-negative numbers, spaces around them allowed', () => {
    expect(parsePageNumber('3')).toBe(3);
    expect(parsePageNumber('0')).toBe(0);
    expect(parsePageNumber(' 3')).toBe(3);
    expect(parsePageNumber('3 ')).toBe(3);
  });

  it('refuses anything that is not only digits, even what Number() would read', () => {
    expect(parsePageNumber(null)).toBeNull();
    expect(parsePageNumber('')).toBeNull();
    expect(parsePageNumber('-3')).toBeNull();
    expect(parsePageNumber('1e3')).toBeNull();
    expect(parsePageNumber('0x10')).toBeNull();
    expect(parsePageNumber('3abc')).toBeNull();
    expect(parsePageNumber('1.5')).toBeNull();
  });

  it('refuses a number too large to count exactly', () => {
    expect(parsePageNumber('9007199254740993')).toBeNull();
  });
});

describe('parseSearchState: the page', () => {
  it('turns the one-based page into a zero-based index', () => {
    expect(parse('page=1').pageIndex).toBe(0);
    expect(parse('page=4').pageIndex).toBe(3);
  });

  it('reads page 0 as no page: the older parameters, else the first page', () => {
    expect(parse('page=0').pageIndex).toBe(0);
    expect(parse('page=0&pageIndex=3').pageIndex).toBe(3);
  });

  it('falls back to Nansen\'s old pageIndex, then Amundsen\'s index, then the first page', () => {
    expect(parse('').pageIndex).toBe(0);
    expect(parse('pageIndex=2&index=5').pageIndex).toBe(2);
    expect(parse('index=5').pageIndex).toBe(5);
    expect(parse('page=-2&index=5').pageIndex).toBe(5);
  });
});

describe('parseSearchState: the filters', () => {
  it('keeps the filters the resource knows, with an AND or OR operation', () => {
    expect(filtersOf({ database: { value: 'hive', filterOperation: 'OR' }, schema: { value: 'core', filterOperation: 'AND' }, tag: { value: 'pii' } })).toStrictEqual({
      database: { value: 'hive', filterOperation: 'OR' },
      schema: { value: 'core', filterOperation: 'AND' },
      tag: { value: 'pii' },
    });
  });

  it('drops an operation other than AND or OR, keeping the filter', () => {
    expect(filtersOf({ tag: { value: 'pii', filterOperation: '' } })).toStrictEqual({ tag: { value: 'pii' } });
    expect(filtersOf({ tag: { value: 'pii', filterOperation: 'or' } })).toStrictEqual({ tag: { value: 'pii' } });
  });

  it('reads no filters from JSON that is not an object of filters', () => {
    expect(filtersOf(null)).toStrictEqual({});
    expect(filtersOf([{ value: 'x' }])).toStrictEqual({});
    expect(filtersOf('database')).toStrictEqual({});
    expect(parse('filters=%7Bnot%20json').filters).toStrictEqual({});
    expect(parse('filters=').filters).toStrictEqual({});
  });

  it('skips a filter without a text value', () => {
    expect(filtersOf({ database: null, schema: { filterOperation: 'AND' }, tag: { value: 5 }, cluster: { value: '  ' }, column: { value: 'id' } })).toStrictEqual({
      column: { value: 'id' },
    });
  });

  it('joins a list of values (Amundsen\'s links) with commas, leaving out what is not text', () => {
    expect(filtersOf({ tag: { value: ['a', 1, null, 'b'] } })).toStrictEqual({ tag: { value: 'a,b' } });
    expect(filtersOf({ tag: { value: [1, 2] } })).toStrictEqual({});
  });

  it('cuts a value at 1000 characters', () => {
    expect(filtersOf({ tag: { value: 'x'.repeat(1200) } })).toStrictEqual({ tag: { value: 'x'.repeat(1000) } });
  });
});

describe('parseSearchState: the other tabs\' filters', () => {
  it('reads each tab\'s filters as that tab\'s own, leaving out the shown tab and anything malformed', () => {
    const tabFilters = (value: unknown, resource = 'table') => parse(`term=x&resource=${resource}&tabFilters=${encodeURIComponent(JSON.stringify(value))}`).tabFilters;
    expect(tabFilters({ dashboard: { product: { value: 'mode' }, schema: { value: 'sales' } }, table: { schema: { value: 'sales' } } })).toEqual({ dashboard: { product: { value: 'mode' } } });
    expect(tabFilters({ table: { schema: { value: 'sales' } } }, 'dashboard')).toEqual({ table: { schema: { value: 'sales' } } });
    expect(tabFilters({ dashboard: 'mode', robots: { tag: { value: 'x' } } })).toBeUndefined();
    expect(tabFilters([1, 2])).toBeUndefined();
    expect(tabFilters(null)).toBeUndefined();
    expect(tabFilters('dashboard')).toBeUndefined();
    expect(parse('term=x&tabFilters=%7Bnot json').tabFilters).toBeUndefined();
    expect('tabFilters' in parse('term=x')).toBe(false);
  });
});

describe('hasSearchableText', () => {
  it('needs a letter or a digit, in any script', () => {
    expect(hasSearchableText('%')).toBe(false);
    expect(hasSearchableText('_ - *')).toBe(false);
    expect(hasSearchableText('')).toBe(false);
    expect(hasSearchableText('a')).toBe(true);
    expect(hasSearchableText('%7')).toBe(true);
    expect(hasSearchableText('ø')).toBe(true);
    expect(hasSearchableText('数')).toBe(true);
  });
});
