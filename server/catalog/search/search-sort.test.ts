// Table hits carry when the table was last updated, and come in another order than relevance when the
// request asks (Nansen's `sort`, decision 107). Amundsen's shape otherwise: dashboards and people are
// not sorted, and a request without `sort` is answered as before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../create-catalog';
import { createCatalogStore } from '../store/create-catalog-store';
import { AUTH_HEADER, makeReaders, makeTable, requireTestToken } from '../testing/open-test-catalog';

const DAY = 86_400;
const NOW = 1_750_000_000;
// Popularity (readers) gives the relevance order within a tier; names and dates give the others.
const TABLES = [
  makeTable('hive://gold.sales/orders', { readers: makeReaders(1), last_updated_timestamp: NOW - 30 * DAY }),
  makeTable('hive://gold.sales/Zeta_orders', { readers: makeReaders(9), last_updated_timestamp: NOW - 1 * DAY }),
  makeTable('hive://gold.sales/alpha_orders', { readers: makeReaders(5), last_updated_timestamp: NOW - 10 * DAY }),
  makeTable('hive://gold.core/beta_orders', { readers: makeReaders(7) }),
  makeTable('hive://gold.core/misc', { readers: makeReaders(20), description: 'Joins orders to refunds', last_updated_timestamp: NOW - 3 * DAY }),
];

let dir: string;
let catalog: Catalog;
const search = (body: object) => request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send(body);
const names = (res: request.Response) => (res.body.results.table.results as { table: string }[]).map((h) => h.table);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-search-sort-'));
  const dbPath = join(dir, 'catalog.db');
  const store = createCatalogStore(dbPath);
  store.writer.writeTables(TABLES);
  store.close();
  catalog = openCatalog({ dbPath, demoTables: 0, authenticate: requireTestToken, log: { error() {} } });
});
afterAll(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('last_updated_timestamp on table hits', () => {
  it('is the table\'s own, or null when the catalog does not know it', async () => {
    const res = await search({ query_term: 'orders', resource_types: ['table'] });
    const byName = Object.fromEntries((res.body.results.table.results as { table: string; last_updated_timestamp: number | null }[])
      .map((h) => [h.table, h.last_updated_timestamp]));
    expect(byName).toEqual({ orders: NOW - 30 * DAY, Zeta_orders: NOW - DAY, alpha_orders: NOW - 10 * DAY, beta_orders: null, misc: NOW - 3 * DAY });
  });
});

describe('sort', () => {
  it('is relevance without it, and with "relevance"', async () => {
    const plain = names(await search({ query_term: 'orders', resource_types: ['table'] }));
    expect(plain).toEqual(['orders', 'Zeta_orders', 'beta_orders', 'alpha_orders', 'misc']);
    expect(names(await search({ query_term: 'orders', resource_types: ['table'], sort: 'relevance' }))).toEqual(plain);
  });

  it('"name" orders every match by name, case aside, across tiers', async () => {
    const res = await search({ query_term: 'orders', resource_types: ['table'], sort: 'name' });
    expect(names(res)).toEqual(['alpha_orders', 'beta_orders', 'misc', 'orders', 'Zeta_orders']);
    expect(res.body.results.table.total_results).toBe(5);
  });

  it('"last_updated" puts the most recently updated first and the undated last', async () => {
    const res = await search({ query_term: 'orders', resource_types: ['table'], sort: 'last_updated' });
    expect(names(res)).toEqual(['Zeta_orders', 'misc', 'alpha_orders', 'orders', 'beta_orders']);
  });

  it('pages the sorted list, and keeps filters', async () => {
    const page = (i: number) => search({ query_term: 'orders', resource_types: ['table'], sort: 'name', results_per_page: 2, page_index: i });
    expect([...names(await page(0)), ...names(await page(1)), ...names(await page(2))]).toEqual(['alpha_orders', 'beta_orders', 'misc', 'orders', 'Zeta_orders']);
    expect(names(await page(3))).toEqual([]);
    const filtered = await search({ query_term: 'orders', resource_types: ['table'], sort: 'name', filters: [{ name: 'schema', values: ['sales'], operation: 'OR' }] });
    expect(names(filtered)).toEqual(['alpha_orders', 'orders', 'Zeta_orders']);
  });

  it('sorts a browse (no term, a filter) too', async () => {
    const res = await search({ query_term: '', resource_types: ['table'], sort: 'last_updated', filters: [{ name: 'schema', values: ['core'], operation: 'OR' }] });
    expect(names(res)).toEqual(['misc', 'beta_orders']);
  });

  it('refuses an unknown order with a 400 that names the field', async () => {
    const res = await search({ query_term: 'orders', resource_types: ['table'], sort: 'popularity' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/sort must be one of "relevance", "name", "last_updated"/);
  });
});
