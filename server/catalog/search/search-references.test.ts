// What a search term matches beyond its words: the key a page shows (and a table's dotted name),
// and a column's whole name (decision 071).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_HEADER, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { ORDER_RANKING_TABLES } from '../testing/order-ranking-tables';

const TABLES = ORDER_RANKING_TABLES;

let catalog: TestCatalog;
const search = (query_term: string, extra: object = {}) =>
  request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term, resource_types: ['table'], ...extra });
const keysOf = (res: request.Response, type = 'table') => (res.body.results[type].results as { key: string }[]).map((h) => h.key);

beforeAll(() => {
  catalog = openTestCatalog({
    tables: TABLES,
    dashboards: [
      { product: 'mode', cluster: 'gold', group_id: 'finance', dashboard_id: 'revenue', name: 'Revenue Overview' },
      { product: 'mode', cluster: 'gold', group_id: 'finance', dashboard_id: 'orders', name: 'Orders', viewers: [{ user_id: 'ann@example.org', view_count: 50 }] },
    ],
  });
});
afterAll(() => catalog.cleanup());

describe('a term that names a resource exactly', () => {
  it('finds a table by the key its page shows, first', async () => {
    const res = await search('hive://gold.sales/orders');
    expect(keysOf(res)).toEqual(['hive://gold.sales/orders']);
    expect(res.body.results.table.total_results).toBe(1);
    expect(keysOf(await search('  HIVE://gold.sales/orders '))).toEqual(['hive://gold.sales/orders']);
  });

  it('finds a table by schema.table and cluster.schema.table, ahead of more popular word matches', async () => {
    const dotted = await search('sales.orders');
    // Both tables named sales.orders (two clusters) first, by usage; then the other word matches.
    expect(keysOf(dotted).slice(0, 2)).toEqual(['hive://gold.sales/orders', 'hive://silver.sales/orders']);
    expect(keysOf(await search('gold.sales.orders'))).toEqual(['hive://gold.sales/orders']);
    expect(keysOf(await search('silver.sales.orders'))).toEqual(['hive://silver.sales/orders']);
    expect(keysOf(await search('hive.sales.orders')).slice(0, 2)).toEqual(['hive://gold.sales/orders', 'hive://silver.sales/orders']);
  });

  it('keeps filters: a key the filters exclude finds nothing', async () => {
    const res = await search('hive://gold.sales/orders', { filters: [{ name: 'schema', values: ['finance'], operation: 'OR' }] });
    expect(keysOf(res)).toEqual([]);
    expect(res.body.results.table.total_results).toBe(0);
    const kept = await search('hive://gold.sales/orders', { filters: [{ name: 'schema', values: ['sales'], operation: 'OR' }] });
    expect(keysOf(kept)).toEqual(['hive://gold.sales/orders']);
  });

  it('finds a dashboard by its key', async () => {
    const res = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER)
      .send({ query_term: 'mode_dashboard://gold.finance/revenue', resource_types: ['dashboard'] });
    expect(keysOf(res, 'dashboard')).toEqual(['mode_dashboard://gold.finance/revenue']);
  });
});

describe('a term that is a whole column name', () => {
  it('ranks the tables with that column above text matches, name matches still first', async () => {
    const res = await search('order_id');
    expect(keysOf(res)).toEqual([
      'hive://gold.ops/order_id_map', // the name starts with the term, least popular of all
      'hive://gold.sales/orders', // the column order_id
      'hive://gold.sales/order_items', // the column Order_ID, less popular
      'hive://gold.core/customers', // the words "order" and "id" in its text, most popular
    ]);
    expect(res.body.results.table.total_results).toBe(4);
  });

  it('matches the column name whatever its case', async () => {
    expect(keysOf(await search('ORDER_ID'))).toEqual(keysOf(await search('order_id')));
  });
});
