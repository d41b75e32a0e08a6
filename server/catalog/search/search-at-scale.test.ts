// Table search past its internal bounds: more than TOTAL_RESULTS_CAP text matches, thousands of
// name matches that a filter rejects, and name matches the text tier cannot see. Small catalogs
// never reach these paths; these tests make a catalog of ~16 000 tables that does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from '../store/create-catalog-store';
import type { TableRecord } from '../store/catalog-records';
import { makeReaders, makeTable } from '../testing/open-test-catalog';
import { createCatalogSearch } from './search-catalog';
import { parseSearchRequest } from './parse-search-request';
import { TOTAL_RESULTS_CAP } from './tiered-search';

// Popularity decides the order within a tier; every table here has none except `popular_thing`,
// so the tables written last come last.
const BULK = TOTAL_RESULTS_CAP + 50;
const tables: TableRecord[] = [
  // More "metric" text matches than the cap, and the one table named zz_* after all of them.
  ...Array.from({ length: BULK }, (_, i) => makeTable(`hive://gold.s1/bulk_${i}`, { description: 'metric value' })),
  makeTable('hive://gold.s1/zz_target', { description: 'metric value' }),
  // 6 000 names starting with "alpha" in schema s2, then one in s3, and a popular s3 table whose
  // description only says "alpha".
  ...Array.from({ length: 6000 }, (_, i) => makeTable(`hive://gold.s2/alpha_${i}`)),
  makeTable('hive://gold.s3/alpha_special', { columns: [{ name: 'id', col_type: 'bigint' }, { name: 'special_col', col_type: 'string' }] }),
  makeTable('hive://gold.s3/popular_thing', { description: 'alpha rocks', readers: makeReaders(5, 50) }),
  // Names the text tier misses when the first word is typed in part ("cust ord").
  ...Array.from({ length: 30 }, (_, i) => makeTable(`hive://gold.s4/customer_orders_${i}`)),
  // For "zeb qu": three name-only matches (zeb starts "zebra" but is not a word of them) and two
  // text-only ones (the word "zeb" in a description, no name match).
  ...Array.from({ length: 3 }, (_, i) => makeTable(`hive://gold.s5/zebra_quotes_${i}`)),
  ...Array.from({ length: 2 }, (_, i) => makeTable(`hive://gold.s5/misc_feed_${i}`, { description: 'zeb quality checks' })),
  // Non-ASCII filter values: an exact name match (tier 4) and a more popular prefix match (tier 3).
  makeTable('hive://gold.ÜBER/orders'),
  makeTable('hive://gold.ÜBER/orders_popular', { readers: makeReaders(3, 20) }),
  makeTable('hive://gold.s6/sizes', { columns: [{ name: 'Übung', col_type: 'string' }] }),
  makeTable('hive://gold.s6/sizes_popular', { columns: [{ name: 'Übung', col_type: 'string' }], readers: makeReaders(3, 20) }),
];

let dir: string;
let store: CatalogStore;
let searchCatalog: ReturnType<typeof createCatalogSearch>;

const find = (query: string, filters: Record<string, string[]> = {}, page = 0, perPage = 10) => {
  const response = searchCatalog.search(parseSearchRequest({
    query_term: query,
    resource_types: ['table'],
    page_index: page,
    results_per_page: perPage,
    filters: Object.entries(filters).map(([name, values]) => ({ name, values, operation: 'OR' })),
  }));
  const group = response.results.table!;
  return { total: group.total_results, keys: group.results.map((hit) => (hit as { key: string }).key) };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-search-scale-'));
  store = createCatalogStore(join(dir, 'catalog.db'));
  for (let i = 0; i < tables.length; i += 5000) store.writer.writeTables(tables.slice(i, i + 5000));
  searchCatalog = createCatalogSearch(store.db);
}, 120_000);
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('table search beyond its internal bounds', () => {
  it('finds a match of a table-name filter behind more than the cap of text matches', () => {
    expect(find('metric', { table: ['zz_*'] })).toEqual({ total: 1, keys: ['hive://gold.s1/zz_target'] });
    // The same filter with a facet filter and no words (a filtered browse).
    expect(find('', { schema: ['s1'], table: ['zz_*'] })).toEqual({ total: 1, keys: ['hive://gold.s1/zz_target'] });
  });

  it('counts a residual-filtered search exactly below the cap, and at the cap above it', () => {
    // bulk_1, bulk_10–19, bulk_100–199, bulk_1000–1999, bulk_10000–10049
    expect(find('metric', { table: ['bulk_1*'] }).total).toBe(1 + 10 + 100 + 1000 + 50);
    expect(find('metric', { table: ['*'] }).total).toBe(TOTAL_RESULTS_CAP);
  });

  it('keeps a name match first under a filter that rejects thousands of other name matches', () => {
    const { keys, total } = find('alpha', { schema: ['s3'] });
    expect(keys).toEqual(['hive://gold.s3/alpha_special', 'hive://gold.s3/popular_thing']);
    expect(total).toBe(2);
  });

  it('keeps a name match first under a column filter, which the name tiers check per candidate', () => {
    // popular_thing has no special_col: only alpha_special passes.
    expect(find('alpha', { column: ['special_col'] })).toEqual({ total: 1, keys: ['hive://gold.s3/alpha_special'] });
    expect(find('alph', { schema: ['s3'], column: ['special_col'] })).toEqual({ total: 1, keys: ['hive://gold.s3/alpha_special'] });
  });

  it('counts name matches the text tier cannot see, the same on every page', () => {
    const first = find('cust ord', {}, 0);
    const second = find('cust ord', {}, 1);
    const last = find('cust ord', {}, 2);
    expect([first.total, second.total, last.total]).toEqual([30, 30, 30]);
    const keys = [...first.keys, ...second.keys, ...last.keys];
    expect(new Set(keys).size).toBe(30);
    expect(keys.every((key) => key.startsWith('hive://gold.s4/customer_orders_'))).toBe(true);
  });

  it('counts name-only and text-only matches together, the same on every page', () => {
    const pages = [0, 1, 2].map((page) => find('zeb qu', {}, page, 2));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.flatMap((p) => p.keys).sort()).toEqual([
      'hive://gold.s5/misc_feed_0', 'hive://gold.s5/misc_feed_1',
      'hive://gold.s5/zebra_quotes_0', 'hive://gold.s5/zebra_quotes_1', 'hive://gold.s5/zebra_quotes_2',
    ]);
  });

  it('applies filters on non-ASCII values the same way in every tier', () => {
    // SQLite's own lower() leaves "Ü" as it is; a tier checking the filter in SQL must still agree
    // with the facet tokens (lowercased in JS), or the exact name match drops below the prefix one.
    expect(find('orders', { schema: ['über'] }).keys).toEqual(['hive://gold.ÜBER/orders', 'hive://gold.ÜBER/orders_popular']);
    expect(find('sizes', { column: ['übung'] }).keys).toEqual(['hive://gold.s6/sizes', 'hive://gold.s6/sizes_popular']);
  });

  it('pages past the cap of text matches with a filter checked per match', () => {
    // 10 051 "metric" tables pass `table = *`; the last page of 1 000 holds the last 51.
    expect(find('metric', { table: ['*'] }, 10, 1000).keys).toHaveLength(BULK + 1 - 10_000);
  });
});
