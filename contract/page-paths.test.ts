import { describe, expect, it } from 'vitest';
import { badgeSearchPath, dashboardPath, searchPath, tablePath, tagSearchPath, userPath } from './page-paths';
import { parseSearchState } from './search-state';

describe('tablePath', () => {
  it('writes a table page from a key or from coordinates, each part encoded', () => {
    expect(tablePath('hive://gold.core/customers')).toBe('/table_detail/gold/hive/core/customers');
    expect(tablePath({ database: 'hive', cluster: 'gold eu', schema: 'a/b', name: 'c?d#e' })).toBe('/table_detail/gold%20eu/hive/a%2Fb/c%3Fd%23e');
    expect(tablePath('hive://gold.core/customers', { column: 'first name', tab: 'history' })).toBe(
      '/table_detail/gold/hive/core/customers?column=first+name&tab=history',
    );
  });

  it('searches for a string that is not a table key, rather than linking to a page that does not exist', () => {
    expect(tablePath('customers')).toBe('/search?term=customers');
    expect(tablePath(' orders & refunds ')).toBe('/search?term=orders+%26+refunds');
    expect(tablePath('hive://gold.core/')).toBe('/search?term=hive%3A%2F%2Fgold.core%2F');
  });
});

describe('dashboardPath and userPath', () => {
  it('encode the whole key as one path segment', () => {
    expect(dashboardPath('mode_dashboard://gold.sales/q1 ?x')).toBe('/dashboard/mode_dashboard%3A%2F%2Fgold.sales%2Fq1%20%3Fx');
    expect(userPath('ann@example.com')).toBe('/user/ann%40example.com');
  });
});

describe('searchPath', () => {
  it('writes the term trimmed, and always writes it', () => {
    expect(searchPath({ term: '  orders  ' })).toBe('/search?term=orders');
    expect(searchPath({})).toBe('/search?term=');
    expect(searchPath({ term: 'a+b &c' })).toBe('/search?term=a%2Bb+%26c');
  });

  it('leaves out the default resource and writes the others', () => {
    expect(searchPath({ term: 'x', resource: 'table' })).toBe('/search?term=x');
    expect(searchPath({ term: 'x', resource: 'dashboard' })).toBe('/search?term=x&resource=dashboard');
  });

  it('writes filters as JSON and leaves out those with a blank value', () => {
    expect(searchPath({ term: 'x', filters: { tag: { value: 'pii' }, schema: { value: '' }, database: { value: '   ' } } })).toBe(
      '/search?term=x&filters=%7B%22tag%22%3A%7B%22value%22%3A%22pii%22%7D%7D',
    );
    expect(searchPath({ term: 'x', filters: { schema: { value: '' } } })).toBe('/search?term=x');
    expect(searchPath({ term: 'x', filters: { schema: { value: ' \t ' } } })).toBe('/search?term=x');
    expect(searchPath({ term: 'x', filters: { schema: { value: 'a b&c', filterOperation: 'OR' } } })).toBe(
      '/search?term=x&filters=%7B%22schema%22%3A%7B%22value%22%3A%22a+b%26c%22%2C%22filterOperation%22%3A%22OR%22%7D%7D',
    );
  });

  it('writes the page one-based, and leaves out the first page and indexes below it', () => {
    expect(searchPath({ term: 'x', pageIndex: 2 })).toBe('/search?term=x&page=3');
    expect(searchPath({ term: 'x', pageIndex: 0 })).toBe('/search?term=x');
    expect(searchPath({ term: 'x', pageIndex: -1 })).toBe('/search?term=x');
    expect(searchPath({ term: 'x', pageIndex: -5 })).toBe('/search?term=x');
  });
});

describe('searchPath: the other tabs\' filters and resource=any', () => {
  it('writes the other tabs\' filters in tabFilters, without the shown tab\'s or blank ones, and reads them back', () => {
    const path = searchPath({
      term: 'x',
      resource: 'dashboard',
      filters: { product: { value: 'mode' } },
      tabFilters: { table: { schema: { value: 'sales', filterOperation: 'AND' }, tag: { value: ' ' } }, dashboard: { name: { value: 'gone' } }, user: { email: { value: '' } } },
    });
    expect(decodeURIComponent(path)).toBe('/search?term=x&resource=dashboard&filters={"product":{"value":"mode"}}&tabFilters={"table":{"schema":{"value":"sales","filterOperation":"AND"}}}');
    expect(parseSearchState(new URL(path, 'http://h').searchParams)).toEqual({
      term: 'x',
      resource: 'dashboard',
      filters: { product: { value: 'mode' } },
      pageIndex: 0,
      tabFilters: { table: { schema: { value: 'sales', filterOperation: 'AND' } } },
    });
  });

  it('leaves out the tables\' own filters from tabFilters when no resource is given (tables are shown)', () => {
    expect(searchPath({ term: 'x', tabFilters: { table: { schema: { value: 'sales' } } } })).toBe('/search?term=x');
    expect(decodeURIComponent(searchPath({ term: 'x', tabFilters: { table: { schema: { value: 'sales' } }, dashboard: { name: { value: 'mode' } } } }))).toBe(
      '/search?term=x&tabFilters={"dashboard":{"name":{"value":"mode"}}}',
    );
  });

  it('writes resource=any, which reads as tables asking for whichever tab has results', () => {
    const path = tagSearchPath('weekly', 'any');
    expect(decodeURIComponent(path)).toBe('/search?term=&resource=any&filters={"tag":{"value":"weekly"}}');
    expect(parseSearchState(new URL(path, 'http://h').searchParams)).toEqual({ term: '', resource: 'table', filters: { tag: { value: 'weekly' } }, pageIndex: 0, anyResource: true });
  });
});

describe('tagSearchPath and badgeSearchPath', () => {
  it('search tables (or dashboards) by one tag, with no term', () => {
    expect(tagSearchPath('pii & gdpr')).toBe('/search?term=&filters=%7B%22tag%22%3A%7B%22value%22%3A%22pii+%26+gdpr%22%7D%7D');
    expect(tagSearchPath('pii', 'dashboard')).toBe('/search?term=&resource=dashboard&filters=%7B%22tag%22%3A%7B%22value%22%3A%22pii%22%7D%7D');
  });

  it('search tables by one badge, with no term', () => {
    expect(badgeSearchPath('certified')).toBe('/search?term=&filters=%7B%22badges%22%3A%7B%22value%22%3A%22certified%22%7D%7D');
  });
});
