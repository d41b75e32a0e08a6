import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_HEADER, makeReaders, makeTable, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';

// Amundsen's table hit fields (API.md §5.1), and Nansen's `last_updated_timestamp` (decision 107).
const HIT_FIELDS = ['key', 'description', 'badges', 'tag', 'schema', 'table', 'column', 'database', 'cluster',
  'resource_type', 'search_score', 'highlight', 'last_updated_timestamp'].sort();

// Popularity is steered with readers: more readers ⇒ more popular.
const TABLES = [
  makeTable('hive://gold.sales/orders', { readers: makeReaders(1), tags: ['kpi', 'sales'], badges: [{ badge_name: 'certified', category: 'table_status' }],
    columns: [{ name: 'order_id', col_type: 'bigint' }, { name: 'customer_id', col_type: 'bigint' }] }),
  makeTable('hive://gold.core/orders_archive', { readers: makeReaders(10), tags: ['kpi'] }),
  makeTable('snowflake://prod.sales/customer_orders', { readers: makeReaders(20), tags: ['sales'] }),
  makeTable('snowflake://prod.finance/payments', { readers: makeReaders(30), description: 'Payments for orders placed in the shop', tags: ['finance', 'kpi'] }),
  makeTable('postgres://shop_db.finance/invoices', { readers: makeReaders(5), tags: ['finance'],
    columns: [{ name: 'invoice_id', col_type: 'bigint' }, { name: 'customer_email', col_type: 'text' }] }),
  makeTable('bigquery://prod.marketing/campaigns', { readers: makeReaders(2), badges: [{ badge_name: 'beta', category: 'table_status' }] }),
  makeTable('hive://silver.events/page_views', { readers: [], tags: ['events'] }),
];
const BY_POPULARITY = [
  'snowflake://prod.finance/payments', 'snowflake://prod.sales/customer_orders', 'hive://gold.core/orders_archive',
  'postgres://shop_db.finance/invoices', 'bigquery://prod.marketing/campaigns', 'hive://gold.sales/orders', 'hive://silver.events/page_views',
];

let catalog: TestCatalog;
const search = (body: unknown) => request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send(body as object);
const keysOf = (res: request.Response) => (res.body.results.table.results as { key: string }[]).map((h) => h.key);

beforeAll(() => {
  catalog = openTestCatalog({ tables: TABLES });
});
afterAll(() => catalog.cleanup());

describe('POST /v2/search ranking', () => {
  it('puts the exact name first, then name prefix, then name tokens, then other matches', async () => {
    const res = await search({ query_term: 'orders', resource_types: ['table'] });
    expect(res.status).toBe(200);
    expect(keysOf(res)).toEqual([
      'hive://gold.sales/orders', // exact, although least popular
      'hive://gold.core/orders_archive', // name prefix, although less popular than customer_orders
      'snowflake://prod.sales/customer_orders', // name token
      'snowflake://prod.finance/payments', // description only
    ]);
    expect(res.body.results.table.total_results).toBe(4);
    const scores = (res.body.results.table.results as { search_score: number }[]).map((h) => h.search_score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('answers the Amundsen response shape with every hit field', async () => {
    const res = await search({ query_term: 'orders', resource_types: ['table'], page_index: 0, results_per_page: 1 });
    expect(res.body).toEqual({
      msg: 'Success', page_index: 0, results_per_page: 1, status_code: 200,
      results: { table: { total_results: 4, results: [expect.any(Object)] } },
    });
    const [hit] = res.body.results.table.results;
    expect(Object.keys(hit).sort()).toEqual(HIT_FIELDS);
    expect(hit).toMatchObject({
      key: 'hive://gold.sales/orders', database: 'hive', cluster: 'gold', schema: 'sales', table: 'orders',
      column: ['order_id', 'customer_id'], tag: ['kpi', 'sales'], badges: ['certified'], resource_type: 'table', highlight: {},
    });
  });

  it('matches prefixes of column names and is case-insensitive', async () => {
    const res = await search({ query_term: 'Customer_Em', resource_types: ['table'] });
    expect(keysOf(res)).toEqual(['postgres://shop_db.finance/invoices']);
  });

  it('returns no table hits for a term that matches nothing', async () => {
    const res = await search({ query_term: 'zebra', resource_types: ['table'] });
    expect(res.body.results.table).toEqual({ total_results: 0, results: [] });
  });

  it('treats FTS syntax in the query as plain text', async () => {
    const res = await search({ query_term: 'orders" OR NEAR(', resource_types: ['table'] });
    expect(res.status).toBe(200);
    expect(keysOf(res)).toEqual([]); // "near" matches nothing, and every token must match
  });
});

describe('POST /v2/search browse and pagination', () => {
  it('browses everything by popularity when query_term is empty', async () => {
    const res = await search({ query_term: '', resource_types: ['table'], results_per_page: 50 });
    expect(keysOf(res)).toEqual(BY_POPULARITY);
    expect(res.body.results.table.total_results).toBe(TABLES.length);
  });

  it('pages through browse results without gaps or repeats', async () => {
    const pages: string[] = [];
    for (let page = 0; page < 4; page++) {
      const res = await search({ query_term: '', resource_types: ['table'], page_index: page, results_per_page: 2 });
      expect(res.body.page_index).toBe(page);
      pages.push(...keysOf(res));
    }
    expect(pages).toEqual(BY_POPULARITY);
  });

  it('pages through ranked results across tiers', async () => {
    const first = await search({ query_term: 'orders', resource_types: ['table'], page_index: 0, results_per_page: 3 });
    const second = await search({ query_term: 'orders', resource_types: ['table'], page_index: 1, results_per_page: 3 });
    expect(keysOf(first)).toHaveLength(3);
    expect(keysOf(second)).toEqual(['snowflake://prod.finance/payments']);
    expect(second.body.results.table.total_results).toBe(4);
  });

  it('searches every resource type when none is given, with empty groups for non-table types', async () => {
    const res = await search({ query_term: 'orders' });
    expect(Object.keys(res.body.results).sort()).toEqual(['dashboard', 'feature', 'table', 'user']);
    expect(res.body.results.dashboard).toEqual({ total_results: 0, results: [] });
    expect(res.body.results.table.total_results).toBe(4);
  });
});

describe('POST /v2/search filters', () => {
  it('ORs wildcard values within a filter', async () => {
    const res = await search({ query_term: '', resource_types: ['table'], filters: [{ name: 'database', values: ['snow*', 'post*'], operation: 'OR' }] });
    expect(keysOf(res).sort()).toEqual(['postgres://shop_db.finance/invoices', 'snowflake://prod.finance/payments', 'snowflake://prod.sales/customer_orders']);
  });

  it('ANDs values of a list filter and ANDs separate filters', async () => {
    const tagsAnd = await search({ query_term: '', resource_types: ['table'], filters: [{ name: 'tag', values: ['kpi', 'sales'], operation: 'AND' }] });
    expect(keysOf(tagsAnd)).toEqual(['hive://gold.sales/orders']);
    const tagsOr = await search({ query_term: '', resource_types: ['table'], filters: [{ name: 'tag', values: ['kpi', 'sales'], operation: 'OR' }] });
    expect(keysOf(tagsOr)).toHaveLength(4);
    const combined = await search({ query_term: '', resource_types: ['table'], filters: [
      { name: 'tag', values: ['kpi'], operation: 'OR' }, { name: 'schema', values: ['fin?nce'], operation: 'OR' }] });
    expect(keysOf(combined)).toEqual(['snowflake://prod.finance/payments']);
    expect(combined.body.results.table.total_results).toBe(1);
  });

  it('filters on cluster, table, badges and column, combined with a query', async () => {
    const cases: [object, string[]][] = [
      [{ name: 'cluster', values: ['gold'], operation: 'OR' }, ['hive://gold.core/orders_archive', 'hive://gold.sales/orders']],
      [{ name: 'table', values: ['*orders'], operation: 'OR' }, ['snowflake://prod.sales/customer_orders', 'hive://gold.sales/orders']],
      [{ name: 'badges', values: ['certified'], operation: 'OR' }, ['hive://gold.sales/orders']],
      [{ name: 'column', values: ['order_*'], operation: 'OR' }, ['hive://gold.sales/orders']],
    ];
    for (const [filter, expected] of cases) {
      const res = await search({ query_term: 'orders', resource_types: ['table'], filters: [filter] });
      expect(keysOf(res).sort(), JSON.stringify(filter)).toEqual([...expected].sort());
    }
  });

  it('ignores filter names the table index does not know', async () => {
    const res = await search({ query_term: '', resource_types: ['table'], filters: [{ name: 'chart_names', values: ['x'], operation: 'OR' }] });
    expect(res.body.results.table.total_results).toBe(TABLES.length);
  });
});

describe('POST /v2/search errors and auth', () => {
  it('rejects an unknown resource type with Amundsen\'s message', async () => {
    const res = await search({ query_term: 'x', resource_types: ['table', 'spaceship'] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message: 'Search for invalid resource "spaceship" requested' });
  });

  it('rejects malformed bodies with 400 naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ resource_types: ['table'] }, /query_term/],
      [{ query_term: 'x', page_index: -1 }, /page_index/],
      [{ query_term: 'x', results_per_page: 'ten' }, /results_per_page/],
      [{ query_term: 'x', filters: [{ name: 'schema', values: 'core', operation: 'OR' }] }, /filters\.0\.values/],
      [{ query_term: 'x', filters: [{ name: 'schema', values: ['core'], operation: 'XOR' }] }, /filters\.0\.operation/],
      [{ query_term: 'x', surprise: true }, /surprise/],
      [['query_term'], /JSON object/],
    ];
    for (const [body, message] of cases) {
      const res = await search(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(message);
    }
  });

  it('rejects a body that is not JSON', async () => {
    const res = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER)
      .set('Content-Type', 'application/json').send('{"query_term": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message: 'The request body is not valid JSON at line 1, column 16: expected a value (a string, number, object, array, true, false or null), found the body ends.' });
  });

  it('needs a bearer token for search but not for the healthcheck', async () => {
    const denied = await request(catalog.searchApp).post('/v2/search').send({ query_term: '' });
    expect(denied.status).toBe(401);
    const health = await request(catalog.searchApp).get('/healthcheck');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
  });

  it('answers 404 JSON for unknown URLs and for /v2/search/ with a slash', async () => {
    for (const path of ['/v2/search/', '/v1/search']) {
      const res = await request(catalog.searchApp).post(path).set(...AUTH_HEADER).send({ query_term: '' });
      expect(res.status, path).toBe(404);
      expect(res.body.message).toMatch(/not found/);
    }
  });
});
