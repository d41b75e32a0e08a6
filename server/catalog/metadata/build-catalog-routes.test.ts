import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_HEADER, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { buildMetadataFixture, OPS_DASHBOARD, ORDERS, REVENUE_DASHBOARD } from '../testing/metadata-fixture';
import { createCatalogStore } from '../store/create-catalog-store';

let catalog: TestCatalog;
const api = () => request(catalog.metadataApp);
const get = (path: string) => api().get(path).set(...AUTH_HEADER);
const names = (list: { name: string }[]) => list.map((t) => t.name);

beforeEach(() => {
  catalog = openTestCatalog(buildMetadataFixture());
});
afterEach(() => catalog.cleanup());

describe('popular tables and resources', () => {
  it('ranks globally without a user and by co-readers with one', async () => {
    expect(names((await get('/popular_tables/')).body.popular_tables).slice(0, 4)).toEqual(['orders', 'customers', 'revenue', 'raw_orders']);
    // frank read revenue; its other readers (eve, bob) read raw_orders (eve: 100), customers, orders.
    expect(names((await get('/popular_tables/frank@example.org?limit=4')).body.popular_tables))
      .toEqual(['raw_orders', 'revenue', 'customers', 'orders']);
    // Unknown users and users without co-readers fall back to the global ranking.
    expect(names((await get('/popular_tables/nobody@example.org?limit=2')).body.popular_tables)).toEqual(['orders', 'customers']);
    // The personal list is topped up from the global ranking.
    const all = (await get('/popular_tables/frank@example.org?limit=7')).body.popular_tables;
    expect(all).toHaveLength(7);
    expect(new Set(names(all)).size).toBe(7);
  });

  it('answers popular_resources with Table summaries and Dashboard summaries', async () => {
    const res = await get('/popular_resources/frank@example.org?limit=2&types=table,dashboard');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['Dashboard', 'Table']);
    expect(res.body.Table).toEqual([
      { database: 'hive', cluster: 'gold', schema: 'staging', name: 'raw_orders', description: null, schema_description: null },
      { database: 'hive', cluster: 'gold', schema: 'mart', name: 'revenue', description: null, schema_description: null },
    ]);
    expect(res.body.Dashboard.map((d: { uri: string }) => d.uri)).toEqual([REVENUE_DASHBOARD, OPS_DASHBOARD]);
    expect(Object.keys(res.body.Dashboard[0]).sort()).toEqual([
      'chart_names', 'cluster', 'description', 'group_name', 'group_url', 'last_successful_run_timestamp', 'name', 'product', 'uri', 'url']);
    expect((await get('/popular_resources/?types=dashboard')).body.Table).toEqual({});
  });
});

describe('tags, badges, statistics, latest update', () => {
  it('counts default tags attached to something', async () => {
    const res = await get('/tags/');
    expect(res.body).toEqual({ tag_usages: [
      { tag_name: 'finance', tag_count: 1 }, { tag_name: 'pii', tag_count: 1 }, { tag_name: 'sales', tag_count: 2 }] });
    await api().delete(`/table/${ORDERS}/tag/sales`).set(...AUTH_HEADER);
    await api().delete('/table/hive://gold.core/customers/tag/pii').set(...AUTH_HEADER);
    expect((await get('/tags/')).body.tag_usages).toEqual([{ tag_name: 'finance', tag_count: 1 }, { tag_name: 'sales', tag_count: 1 }]);
    expect((await get('/tags')).status).toBe(308);
  });

  it('lists every badge', async () => {
    expect((await get('/badges/')).body).toEqual({ badges: [
      { badge_name: 'PK', category: 'column' }, { badge_name: 'beta', category: 'table_status' },
      { badge_name: 'certified', category: 'table_status' }, { badge_name: 'money', category: 'column' }] });
  });

  it('wraps statistics in "Statistics"', async () => {
    const res = await get('/system/statistics');
    expect(res.body).toEqual({ Statistics: {
      number_of_tables: 7, number_of_documented_tables: 3, number_of_documented_cols: 1, number_of_owners: 1,
      number_of_tables_with_owners: 1, number_of_documented_and_owned_tables: 1 } });
  });

  it('answers 204 with no body until a load time is recorded, then the epoch seconds', async () => {
    const none = await get('/latest_updated_ts');
    expect(none.status).toBe(204);
    expect(none.text).toBe('');
    const store = createCatalogStore(catalog.dbPath);
    store.overview.setLatestUpdatedTimestamp(1700000000);
    store.close();
    expect((await get('/latest_updated_ts')).body).toEqual({ neo4j_latest_timestamp: 1700000000 });
  });
});

describe('GET /edits', () => {
  it('pages through the edit log newest first, optionally for one resource', async () => {
    for (const tag of ['a', 'b', 'c']) await api().put(`/table/${ORDERS}/tag/${tag}`).set(...AUTH_HEADER);
    await api().put('/table/hive://gold.core/customers/tag/z').set(...AUTH_HEADER);
    const all = (await get('/edits')).body.edits;
    expect(all.map((e: { resource_key: string }) => e.resource_key)).toEqual(['hive://gold.core/customers', ORDERS, ORDERS, ORDERS]);
    expect(all[0].after).toEqual(['pii', 'sales', 'z']);
    const page1 = (await get(`/edits?resource_key=${encodeURIComponent(ORDERS)}&limit=2`)).body.edits;
    expect(page1.map((e: { after: string[] }) => e.after)).toEqual([['a', 'b', 'c', 'sales'], ['a', 'b', 'sales']]);
    const page2 = (await get(`/edits?resource_key=${encodeURIComponent(ORDERS)}&limit=2&before=${page1[1].id}`)).body.edits;
    expect(page2.map((e: { after: string[] }) => e.after)).toEqual([['a', 'sales']]);
    expect(page2[0].edited_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await get('/edits?before=x')).status).toBe(400);
    expect((await get('/edits?limit=-1')).status).toBe(400);
  });

  it('adds the total of the matching edits, all pages together, when asked with with_total', async () => {
    for (const tag of ['a', 'b', 'c']) await api().put(`/table/${ORDERS}/tag/${tag}`).set(...AUTH_HEADER);
    await api().put('/table/hive://gold.core/customers/tag/z').set(...AUTH_HEADER);
    const orders = `parent_key=${encodeURIComponent(ORDERS)}&resource_type=table,column`;
    const page1 = (await get(`/edits?${orders}&limit=2&with_total=true`)).body;
    expect(page1.edits).toHaveLength(2);
    expect(page1.total).toBe(3);
    // The total is the history's, not what is left after `before`.
    expect((await get(`/edits?${orders}&limit=2&before=${page1.edits[1].id}&with_total=1`)).body).toMatchObject({ total: 3 });
    expect((await get('/edits?with_total')).body.total).toBe(4);
    expect((await get(`/edits?parent_key=${encodeURIComponent(ORDERS)}&resource_type=dashboard&with_total=true`)).body).toEqual({ edits: [], total: 0 });
    // Without it, the answer is as before (no count is made).
    expect(Object.keys((await get(`/edits?${orders}`)).body)).toEqual(['edits']);
    expect(Object.keys((await get(`/edits?${orders}&with_total=false`)).body)).toEqual(['edits']);
    expect((await get('/edits?with_total=maybe')).status).toBe(400);
  });
});
