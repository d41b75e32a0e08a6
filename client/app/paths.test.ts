import { describe, expect, it } from 'vitest';
import { dashboardUriFromPath, lineageTableKeyFromPath, tableKeyFromPath, userIdFromPath } from './path-keys';
import {
  badgeSearchPath,
  dashboardPath,
  lineagePath,
  parseSearchState,
  searchPath,
  tagSearchPath,
  tablePath,
  userPath,
  resourceTabOf,
  withResourceTab,
} from './paths';
import { correctedLineageParams, parseLineageState } from './page-url-state';

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
    expect(tablePath('hive://gold.core/customers', { tab: 'history' })).toBe('/table_detail/gold/hive/core/customers?tab=history');
    expect(tablePath('hive://gold.core/customers', { column: 'id', tab: 'history' })).toBe('/table_detail/gold/hive/core/customers?column=id&tab=history');
  });

  it('turns a table page back into its key', () => {
    expect(tableKeyFromPath('/table_detail/gold/hive/core/customers')).toBe('hive://gold.core/customers');
    expect(tableKeyFromPath(tablePath('hive://gold.core/customers'))).toBe('hive://gold.core/customers');
    for (const path of ['/table_detail/gold', '/table_detail/gold/hive/core', '/table_detail/gold/hive/core/a/b', '/table_detail/gold//core/t', '/lineage/table/gold/hive/core/t', '/table_detail/g/h/s/%E0%A4%A']) {
      expect(tableKeyFromPath(path), path).toBeNull();
    }
  });

  it('encodes dashboard uris and user ids as one path segment', () => {
    expect(dashboardPath('mode_dashboard://gold.sales/revenue')).toBe('/dashboard/mode_dashboard%3A%2F%2Fgold.sales%2Frevenue');
    expect(userPath('liv.arnesen@example.org')).toBe('/user/liv.arnesen%40example.org');
    expect(userPath("o'brien/ä#1?x=y z")).toBe("/user/o'brien%2F%C3%A4%231%3Fx%3Dy%20z");
  });

  it('reads back every user id from its profile path: "/", "%2F" as text, dots, and the rest', () => {
    for (const id of ['a/b@x.org', "o'brien/ä#1?x=y z", '50%2F50', '100%', 'a%252F', 'x/../y', 'back\\slash', ' ', '/lead/', '👩‍🔬']) {
      expect(userIdFromPath(userPath(id)), id).toBe(id);
      expect(userIdFromPath(`${userPath(id)}/`), `${id} with a trailing slash`).toBe(id);
    }
    // (An id that is only "." or ".." has no profile URL: browsers resolve that segment, encoded or not.)
    // A browser shows a "/" typed into the path as a second segment: no profile, as no route matches it.
    for (const path of ['/user/', '/user', '/user/a/b', '/users/a', '/user/%E0%A4%A', '/table_detail/a']) expect(userIdFromPath(path), path).toBeNull();
    // As react-router matches: the fixed part in any case.
    expect(userIdFromPath('/USER/50%252F50')).toBe('50%2F50');
  });

  // Keys holding the text of a %-escape: react-router's params turn "%2F" into "/", so the pages read the path.
  const ODD_KEYS = ['50%2F50', 'a%2fb', '100%25', '100%', '%', '%%2F%', 'a%252F', 'ünïcødé/日本/👩‍🔬', 'x/../y', "o'brien/ä#1?x=y z", ' '];

  it('reads back every dashboard uri from its page path: "%2F", "%25" and "%" as text, unicode, "/" and the rest', () => {
    for (const uri of ['mode_dashboard://gold.sales/revenue', ...ODD_KEYS.map((k) => `mode_dashboard://gold.${k}/d`), ...ODD_KEYS]) {
      expect(dashboardUriFromPath(dashboardPath(uri)), uri).toBe(uri);
      expect(dashboardUriFromPath(`${dashboardPath(uri)}/`), `${uri} with a trailing slash`).toBe(uri);
    }
    // As react-router matches: the fixed part in any case.
    expect(dashboardUriFromPath('/Dashboard/a%252Fb')).toBe('a%2Fb');
    for (const path of ['/dashboard/', '/dashboard', '/dashboard/a/b', '/dashboards/a', '/dashboard/%E0%A4%A', '/user/a']) expect(dashboardUriFromPath(path), path).toBeNull();
  });

  it('reads back every table key from its table page and lineage page paths, whatever its parts hold', () => {
    for (const part of ODD_KEYS.filter((k) => k.trim() !== '')) {
      for (const coordinates of [
        { database: 'hive', cluster: 'gold', schema: 'core', name: part },
        { database: part.replaceAll(':', ''), cluster: `gold${part}`.replaceAll('.', ''), schema: part.replaceAll('.', '').replaceAll('/', ''), name: 't' },
      ]) {
        const key = `${coordinates.database}://${coordinates.cluster}.${coordinates.schema}/${coordinates.name}`;
        expect(tableKeyFromPath(tablePath(coordinates)), key).toBe(key);
        expect(tableKeyFromPath(tablePath(coordinates, { column: 'id', tab: 'history' }).split('?')[0]!), key).toBe(key);
        expect(lineageTableKeyFromPath(lineagePath(coordinates)), key).toBe(key);
        expect(lineageTableKeyFromPath(`${lineagePath(coordinates)}/`), key).toBe(key);
      }
    }
    expect(lineageTableKeyFromPath('/lineage/table/gold/hive/core')).toBeNull();
    expect(lineageTableKeyFromPath('/table_detail/gold/hive/core/t')).toBeNull();
  });
});

describe('lineage URLs', () => {
  it('builds Amundsen\'s lineage path from coordinates or a table key, with depth and column only when given', () => {
    expect(lineagePath('hive://gold.core/customers')).toBe('/lineage/table/gold/hive/core/customers');
    expect(lineagePath({ database: 'hive', cluster: 'gold', schema: 'core', name: "test's table" })).toBe("/lineage/table/gold/hive/core/test's%20table");
    expect(lineagePath('hive://gold.core/customers', { depth: 3 })).toBe('/lineage/table/gold/hive/core/customers?depth=3');
    expect(lineagePath('hive://gold.core/customers', { depth: 2, column: 'customer id' })).toBe('/lineage/table/gold/hive/core/customers?depth=2&column=customer+id');
    expect(lineagePath('hive://gold.core/customers', { column: null })).toBe('/lineage/table/gold/hive/core/customers');
    expect(lineagePath('hive://gold.core/customers', { view: 'list' })).toBe('/lineage/table/gold/hive/core/customers?view=list');
    expect(lineagePath('hive://gold.core/customers', { view: 'graph' })).toBe('/lineage/table/gold/hive/core/customers');
  });

  it('falls back to a search for a key that is no table key', () => {
    expect(lineagePath('s3://bucket/file.csv')).toBe('/search?term=s3%3A%2F%2Fbucket%2Ffile.csv');
  });

  it('reads depth and column, and takes the default depth for a missing, malformed or out-of-range one', () => {
    const read = (query: string) => parseLineageState(new URLSearchParams(query), { defaultDepth: 5, maxDepth: 10 });
    expect(read('depth=2&column=id')).toEqual({ depth: 2, column: 'id', view: 'graph' });
    expect(read('depth=10')).toEqual({ depth: 10, column: null, view: 'graph' });
    expect(read('')).toEqual({ depth: 5, column: null, view: 'graph' });
    expect(read('view=list').view).toBe('list');
    expect(read('view=table').view).toBe('graph');
    for (const bad of ['depth=0', 'depth=11', 'depth=-1', 'depth=2.5', 'depth=two', 'depth=']) expect(read(bad).depth).toBe(5);
    expect(read('column=%20%20').column).toBeNull();
  });

  it('round-trips what it builds', () => {
    const path = lineagePath('hive://gold.core/customers', { depth: 4, column: 'a&b=c', view: 'list' });
    const state = parseLineageState(new URL(path, 'http://x').searchParams, { defaultDepth: 5, maxDepth: 10 });
    expect(state).toEqual({ depth: 4, column: 'a&b=c', view: 'list' });
  });

  it('corrects a depth or view the page cannot show to what it shows, keeping the rest, and leaves a good URL alone', () => {
    const correct = (query: string) => correctedLineageParams(new URLSearchParams(query), { defaultDepth: 5, maxDepth: 10 })?.toString() ?? null;
    for (const bad of ['depth=99', 'depth=0', 'depth=abc', 'depth=', 'depth=-1', 'depth=2.5']) expect(correct(`${bad}&column=id`), bad).toBe('column=id');
    expect(correct('depth=%2003')).toBe('depth=3');
    expect(correct('view=table&depth=2')).toBe('depth=2');
    for (const good of ['', 'depth=2', 'depth=5', 'depth=10&view=list', 'column=id&view=list', 'other=x']) expect(correct(good), good).toBeNull();
  });
});

describe('a resource page’s tab in its URL', () => {
  it('reads the open tab, none being the overview', () => {
    expect(resourceTabOf(new URLSearchParams('tab=history'))).toBe('history');
    expect(resourceTabOf(new URLSearchParams('tab=%20'))).toBeNull();
    expect(resourceTabOf(new URLSearchParams('column=id'))).toBeNull();
  });

  it('sets and clears the tab, keeping the other parameters', () => {
    expect(withResourceTab(new URLSearchParams('column=id'), 'history').toString()).toBe('column=id&tab=history');
    expect(withResourceTab(new URLSearchParams('column=id&tab=history'), null).toString()).toBe('column=id');
  });
});
