import { describe, expect, it } from 'vitest';
import { badgeSearchPath, dashboardPath, parseSearchState, searchPath, tableKeyFromParams, tagSearchPath, tablePath, userPath } from './paths';

const parse = (query: string) => parseSearchState(new URLSearchParams(query));
const parsePath = (path: string) => parseSearchState(new URL(path, 'http://x').searchParams);

describe('search URLs', () => {
  it('reads term, resource, filters and the one-based page', () => {
    expect(parse('term=orders&resource=dashboard&filters=%7B%22product%22%3A%7B%22value%22%3A%22mode%22%7D%7D&page=3')).toEqual({
      term: 'orders',
      resource: 'dashboard',
      filters: { product: { value: 'mode' } },
      pageIndex: 2,
    });
  });

  it('defaults to tables, no filters, the first page', () => {
    expect(parse('')).toEqual({ term: '', resource: 'table', filters: {}, pageIndex: 0 });
    expect(parse('resource=feature&page=0').resource).toBe('table');
  });

  it('accepts Amundsen links (zero-based index, values as a list) and old Nansen links (pageIndex)', () => {
    expect(parse('term=a&index=3')).toMatchObject({ pageIndex: 3 });
    expect(parse('term=a&pageIndex=2')).toMatchObject({ pageIndex: 2 });
    expect(parse(`filters=${encodeURIComponent('{"schema":{"value":["core","sales"]}}')}`).filters).toEqual({ schema: { value: 'core,sales' } });
  });

  it('drops filters that are malformed or do not belong to the resource', () => {
    expect(parse('filters=not-json').filters).toEqual({});
    expect(parse(`filters=${encodeURIComponent('{"product":{"value":"mode"},"schema":{"value":" "},"tag":{"value":"pii","filterOperation":"XOR"}}')}`).filters).toEqual({
      tag: { value: 'pii' },
    });
  });

  it('ignores a page that is not a whole number and caps a huge one', () => {
    expect(parse('page=-1').pageIndex).toBe(0);
    expect(parse('page=1.5').pageIndex).toBe(0);
    expect(parse('page=99999999').pageIndex).toBe(10_000);
  });

  it('caps an overly long term and trims it', () => {
    expect(parse(`term=${'x'.repeat(600)}`).term).toHaveLength(500);
    expect(parse('term=%20orders%20').term).toBe('orders');
  });

  it('leaves defaults out of the URL and round-trips everything else', () => {
    expect(searchPath({ term: 'customers' })).toBe('/search?term=customers');
    const state = { term: 'sales/2024 “q”', resource: 'dashboard' as const, filters: { tag: { value: 'kpi,finance', filterOperation: 'AND' as const } }, pageIndex: 4 };
    const path = searchPath(state);
    expect(path).toContain('page=5');
    expect(parsePath(path)).toEqual(state);
  });

  it('builds tag and badge searches', () => {
    expect(parsePath(tagSearchPath('pii'))).toEqual({ term: '', resource: 'table', filters: { tag: { value: 'pii' } }, pageIndex: 0 });
    expect(parsePath(tagSearchPath('kpi', 'dashboard')).resource).toBe('dashboard');
    expect(parsePath(badgeSearchPath('certified')).filters).toEqual({ badges: { value: 'certified' } });
  });
});

describe('resource URLs', () => {
  it('builds table pages in Amundsen\'s shape, encoding each part, with an optional column', () => {
    expect(tablePath('hive://gold.core/customers')).toBe('/table_detail/gold/hive/core/customers');
    expect(tablePath({ database: 'hive', cluster: 'gold', schema: 'core', name: "test's table" })).toBe("/table_detail/gold/hive/core/test's%20table");
    expect(tablePath('hive://gold.core/customers', { column: 'id' })).toBe('/table_detail/gold/hive/core/customers?column=id');
  });

  it('turns a table page back into its key', () => {
    expect(tableKeyFromParams({ cluster: 'gold', database: 'hive', schema: 'core', table: 'customers' })).toBe('hive://gold.core/customers');
    expect(tableKeyFromParams({ cluster: 'gold' })).toBeNull();
  });

  it('encodes dashboard uris and user ids as one path segment', () => {
    expect(dashboardPath('mode_dashboard://gold.sales/revenue')).toBe('/dashboard/mode_dashboard%3A%2F%2Fgold.sales%2Frevenue');
    expect(userPath('liv.arnesen@example.org')).toBe('/user/liv.arnesen%40example.org');
  });
});
