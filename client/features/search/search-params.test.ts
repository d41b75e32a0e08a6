import { describe, expect, it } from 'vitest';
import { buildSearchPath, parseSearchParams } from './search-params';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('parseSearchParams', () => {
  it('reads the term and page index', () => {
    expect(parse('term=customers&pageIndex=2')).toEqual({ term: 'customers', pageIndex: 2 });
  });

  it('defaults to an empty term on the first page', () => {
    expect(parse('')).toEqual({ term: '', pageIndex: 0 });
  });

  it('trims the term', () => {
    expect(parse('term=%20%20orders%20')).toEqual({ term: 'orders', pageIndex: 0 });
  });

  it('ignores a page index that is not a whole non-negative number', () => {
    expect(parse('term=a&pageIndex=-1').pageIndex).toBe(0);
    expect(parse('term=a&pageIndex=1.5').pageIndex).toBe(0);
    expect(parse('term=a&pageIndex=abc').pageIndex).toBe(0);
    expect(parse('term=a&pageIndex=').pageIndex).toBe(0);
  });

  it('caps a huge page index', () => {
    expect(parse('term=a&pageIndex=99999999').pageIndex).toBe(10_000);
  });

  it('accepts Amundsen links, whose page index is called index, and ignores resource', () => {
    expect(parse('resource=table&term=orders&index=3')).toEqual({ term: 'orders', pageIndex: 3 });
    expect(parse('resource=dashboard&term=orders')).toEqual({ term: 'orders', pageIndex: 0 });
  });

  it('prefers pageIndex over index', () => {
    expect(parse('term=a&index=3&pageIndex=1').pageIndex).toBe(1);
  });

  it('caps an overly long term', () => {
    expect(parse(`term=${'x'.repeat(600)}`).term).toHaveLength(500);
  });
});

describe('buildSearchPath', () => {
  it('leaves the page index out on the first page', () => {
    expect(buildSearchPath({ term: 'customers' })).toBe('/search?term=customers');
    expect(buildSearchPath({ term: 'customers', pageIndex: 0 })).toBe('/search?term=customers');
  });

  it('encodes the term and adds the page index', () => {
    expect(buildSearchPath({ term: 'a&b c', pageIndex: 2 })).toBe('/search?term=a%26b+c&pageIndex=2');
  });

  it('round-trips through parseSearchParams', () => {
    const path = buildSearchPath({ term: 'sales/2024 “q”', pageIndex: 4 });
    expect(parseSearchParams(new URL(path, 'http://x').searchParams)).toEqual({ term: 'sales/2024 “q”', pageIndex: 4 });
  });
});
