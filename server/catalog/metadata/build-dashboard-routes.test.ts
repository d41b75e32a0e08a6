import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_HEADER, openTestCatalog, TEST_EDITOR, type TestCatalog } from '../testing/open-test-catalog';
import { ALICE, buildMetadataFixture, OPS_DASHBOARD, ORDERS, REVENUE_DASHBOARD } from '../testing/metadata-fixture';

const DETAIL_FIELDS = [
  'uri', 'cluster', 'group_name', 'group_url', 'product', 'name', 'url', 'description', 'created_timestamp',
  'updated_timestamp', 'last_successful_run_timestamp', 'last_run_timestamp', 'last_run_state', 'owners',
  'frequent_users', 'chart_names', 'query_names', 'queries', 'tables', 'tags', 'badges', 'recent_view_count',
].sort();

let catalog: TestCatalog;
const api = () => request(catalog.metadataApp);
const get = (path: string) => api().get(path).set(...AUTH_HEADER);
const put = (path: string, body?: string) => {
  const req = api().put(path).set(...AUTH_HEADER);
  return body === undefined ? req : req.send(body);
};

beforeEach(() => {
  catalog = openTestCatalog(buildMetadataFixture());
});
afterEach(() => catalog.cleanup());

describe('GET /dashboard/KEY', () => {
  it('answers a DashboardDetail with charts, queries, tables, owners, last run and view count', async () => {
    const res = await get(`/dashboard/${REVENUE_DASHBOARD}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(DETAIL_FIELDS);
    expect(res.body).toMatchObject({
      uri: REVENUE_DASHBOARD, cluster: 'gold', group_name: 'Sales', group_url: 'https://mode.example/sales', product: 'mode',
      name: 'Revenue', url: 'https://mode.example/sales/revenue', description: 'Revenue overview',
      created_timestamp: 1592333799, updated_timestamp: 1592351454, last_successful_run_timestamp: 1592351193,
      last_run_timestamp: 1593351193, last_run_state: 'failed',
      chart_names: ['Revenue by day', 'Top customers'], query_names: ['first query'],
      queries: [{ name: 'first query', url: 'https://mode.example/q/1', query_text: 'SELECT 1' }],
      tables: [
        { database: 'hive', cluster: 'gold', schema: 'core', name: 'orders', description: 'All orders' },
        { database: 'hive', cluster: 'gold', schema: 'mart', name: 'revenue', description: null },
      ],
      tags: [{ tag_type: 'default', tag_name: 'finance' }], badges: [], recent_view_count: 35,
    });
    expect(res.body.owners.map((u: { user_id: string }) => u.user_id)).toEqual([ALICE]);
    expect(res.body.owners[0]).toMatchObject({ full_name: 'Alice Anders', manager_id: 'bob@example.org', manager_fullname: 'Bob Berg' });
    // Neo4j always answers []; we list the top viewers.
    expect(res.body.frequent_users.map((u: { user_id: string }) => u.user_id)).toEqual(['bob@example.org', 'carol@example.org']);
  });

  it('serves a fully encoded key and 404s for an unknown one', async () => {
    expect((await get(`/dashboard/${encodeURIComponent(OPS_DASHBOARD)}`)).body).toMatchObject({ product: 'tableau', recent_view_count: 3 });
    const res = await get('/dashboard/mode_dashboard://gold.x/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: 'dashboard_id mode_dashboard://gold.x/nope does not exist' });
  });
});

describe('dashboard description, tags and badges', () => {
  it('reads and writes the description, logging the edit', async () => {
    expect((await get(`/dashboard/${REVENUE_DASHBOARD}/description`)).body).toEqual({ description: 'Revenue overview' });
    const res = await put(`/dashboard/${REVENUE_DASHBOARD}/description`, '{"description":"Money"}');
    expect(res.status).toBe(200);
    expect(res.body).toBeNull();
    expect((await get(`/dashboard/${REVENUE_DASHBOARD}`)).body.description).toBe('Money');
    const log = (await get(`/edits?resource_key=${encodeURIComponent(REVENUE_DASHBOARD)}`)).body.edits;
    expect(log).toEqual([expect.objectContaining({ resource_type: 'dashboard', field: 'description', before: 'Revenue overview', after: 'Money', user_id: TEST_EDITOR })]);
    expect((await get('/dashboard/mode_dashboard://gold.x/nope/description')).status).toBe(404);
    expect((await put('/dashboard/mode_dashboard://gold.x/nope/description', '{"description":"x"}')).status).toBe(404);
  });

  it('adds and removes tags and badges', async () => {
    expect((await put(`/dashboard/${REVENUE_DASHBOARD}/tag/kpi`)).status).toBe(200);
    expect((await get(`/dashboard/${REVENUE_DASHBOARD}`)).body.tags.map((t: { tag_name: string }) => t.tag_name)).toEqual(['finance', 'kpi']);
    expect((await api().delete(`/dashboard/${REVENUE_DASHBOARD}/tag/finance`).set(...AUTH_HEADER)).status).toBe(200);
    expect((await put(`/dashboard/${REVENUE_DASHBOARD}/badge/certified?category=table_status`)).status).toBe(200);
    const detail = (await get(`/dashboard/${REVENUE_DASHBOARD}`)).body;
    expect(detail.tags).toEqual([{ tag_type: 'default', tag_name: 'kpi' }]);
    expect(detail.badges).toEqual([{ badge_name: 'certified', category: 'table_status' }]);
    expect((await put(`/dashboard/${REVENUE_DASHBOARD}/badge/certified`)).status).toBe(400);
    expect((await put('/dashboard/mode_dashboard://gold.x/nope/tag/kpi')).status).toBe(404);
    // Tag usage counts dashboards too.
    expect((await get('/tags/')).body.tag_usages).toContainEqual({ tag_name: 'kpi', tag_count: 1 });
    expect((await get(`/table/${ORDERS}/dashboard/`)).body.dashboards[0].uri).toBe(REVENUE_DASHBOARD);
  });
});
