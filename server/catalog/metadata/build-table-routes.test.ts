import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_HEADER, authAs, makeTable, openTestCatalog, TEST_EDITOR, type TestCatalog } from '../testing/open-test-catalog';
import {
  ALICE, buildMetadataFixture, CUSTOMERS, encodeKey, ORDERS, PAYLOAD_TYPE, PERCENT, QUOTED, RAW_ORDERS, REVENUE,
  REVENUE_DAILY, S3_RAW,
} from '../testing/metadata-fixture';

let catalog: TestCatalog;
const api = () => request(catalog.metadataApp);
const get = (path: string) => api().get(path).set(...AUTH_HEADER);
const put = (path: string, body?: string) => {
  const req = api().put(path).set(...AUTH_HEADER);
  return body === undefined ? req : req.set('Content-Type', 'text/plain').send(body);
};
const del = (path: string) => api().delete(path).set(...AUTH_HEADER);
const edits = async (key: string) => (await get(`/edits?resource_key=${encodeURIComponent(key)}`)).body.edits;

beforeEach(() => {
  catalog = openTestCatalog({ ...buildMetadataFixture(), badgeWhitelist: [{ badge_name: 'gold', category: 'table_status' }] });
});
afterEach(() => catalog.cleanup());

describe('GET /table/KEY detail', () => {
  it('includes column stats, badges and the nested type_metadata tree', async () => {
    const res = await get(`/table/${ORDERS}`);
    expect(res.status).toBe(200);
    const [orderId, payload] = res.body.columns;
    expect(orderId).toMatchObject({
      name: 'order_id', badges: [{ badge_name: 'PK', category: 'column' }], type_metadata: null,
      stats: [{ stat_type: 'distinct values', stat_val: '8', start_epoch: 1, end_epoch: 2, is_metric: false }],
    });
    expect(payload.type_metadata).toEqual({
      kind: 'struct', name: 'payload', key: PAYLOAD_TYPE, description: null,
      data_type: 'struct<amount:decimal,items:array<string>>', sort_order: 0, badges: [],
      children: [
        { kind: 'scalar', name: 'amount', key: `${PAYLOAD_TYPE}/amount`, description: 'Order total', data_type: 'decimal',
          sort_order: 0, badges: [{ badge_name: 'money', category: 'column' }], children: [] },
        { kind: 'array', name: 'items', key: `${PAYLOAD_TYPE}/items`, description: null, data_type: 'array<string>',
          sort_order: 1, badges: [], children: [] },
      ],
    });
  });

  it('serves keys with a quote, a space and a percent sign, raw-ish and fully encoded', async () => {
    for (const key of [QUOTED, PERCENT]) {
      for (const path of [`/table/${encodeKey(key)}`, `/table/${encodeURIComponent(key)}`]) {
        const res = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.body.key).toBe(key);
      }
    }
  });
});

describe('table descriptions', () => {
  it('reads, writes (200 null) and re-reads a table description, logging who changed what', async () => {
    expect((await get(`/table/${ORDERS}/description`)).body).toEqual({ description: 'All orders' });
    const res = await put(`/table/${ORDERS}/description`, JSON.stringify({ description: 'Every order' }));
    expect(res.status).toBe(200);
    expect(res.text).toBe('null\n');
    expect((await get(`/table/${ORDERS}/description`)).body).toEqual({ description: 'Every order' });
    expect((await get(`/table/${ORDERS}`)).body.description).toBe('Every order');
    const [edit] = await edits(ORDERS);
    expect(edit).toMatchObject({ resource_key: ORDERS, resource_type: 'table', action: 'update', field: 'description',
      before: 'All orders', after: 'Every order', user_id: TEST_EDITOR });
    expect(Object.keys(edit).sort()).toEqual([
      'action', 'after', 'before', 'edited_at', 'field', 'id', 'parent_key', 'resource_key', 'resource_type', 'user_display_name', 'user_id',
    ]);
  });

  it('accepts a JSON body with or without Content-Type and works on percent-encoded odd keys', async () => {
    const res = await api().put(`/table/${encodeURIComponent(QUOTED)}/description`).set(...AUTH_HEADER)
      .set('Content-Type', 'application/json').send({ description: "it's 100% done" });
    expect(res.status).toBe(200);
    expect((await get(`/table/${encodeKey(QUOTED)}/description`)).body).toEqual({ description: "it's 100% done" });
    expect((await put(`/table/${encodeKey(PERCENT)}/description`, '{"description":"p"}')).status).toBe(200);
    expect((await get(`/table/${encodeURIComponent(PERCENT)}/description`)).body).toEqual({ description: 'p' });
  });

  it('answers 404 for an unknown table (Amundsen: 200 null) and 400 for a bad body (Amundsen: 500)', async () => {
    const missing = await get('/table/hive://gold.core/nope/description');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: 'table_uri hive://gold.core/nope does not exist' });
    expect((await put('/table/hive://gold.core/nope/description', '{"description":"x"}')).status).toBe(404);
    for (const body of ['', 'not json', '{"text":"x"}', '{"description":5}']) {
      const res = await put(`/table/${ORDERS}/description`, body);
      expect(res.status, body).toBe(400);
      expect(typeof res.body.message).toBe('string');
    }
    expect(await edits(ORDERS)).toEqual([]);
  });

  it('reads and writes column and type-metadata descriptions', async () => {
    expect((await get(`/table/${ORDERS}/column/order_id/description`)).body).toEqual({ description: 'Order id' });
    expect((await put(`/table/${ORDERS}/column/order_id/description`, '{"description":"The id"}')).status).toBe(200);
    expect((await get(`/table/${ORDERS}/column/order_id/description`)).body).toEqual({ description: 'The id' });
    const nope = await get(`/table/${ORDERS}/column/nope/description`);
    expect(nope.status).toBe(404);
    expect(nope.body).toEqual({ message: `table_uri ${ORDERS} with column nope does not exist` });
    const [edit] = await edits(`${ORDERS}/order_id`);
    expect(edit).toMatchObject({ resource_type: 'column', before: 'Order id', after: 'The id' });

    const tm = `/type_metadata/${PAYLOAD_TYPE}/amount/description`;
    expect((await get(tm)).body).toEqual({ description: 'Order total' });
    expect((await put(tm, '{"description":"Total in EUR"}')).status).toBe(200);
    expect((await get(tm)).body).toEqual({ description: 'Total in EUR' });
    expect((await get(`/table/${ORDERS}`)).body.columns[1].type_metadata.children[0].description).toBe('Total in EUR');
    expect((await get(`/type_metadata/${PAYLOAD_TYPE}/nope/description`)).status).toBe(404);
  });

  it('demands a token for writes and records nothing without one', async () => {
    expect((await api().put(`/table/${ORDERS}/description`).send('{"description":"x"}')).status).toBe(401);
    expect((await api().put(`/table/${ORDERS}/tag/x`)).status).toBe(401);
    expect((await get(`/table/${ORDERS}/description`)).body).toEqual({ description: 'All orders' });
    expect(await edits(ORDERS)).toEqual([]);
  });

  it('answers 405 for a wrong method on a description route', async () => {
    const res = await api().post(`/table/${ORDERS}/description`).set(...AUTH_HEADER);
    expect(res.status).toBe(405);
    expect(res.body.message).toMatch(/not allowed/);
  });
});

describe('table tags', () => {
  it('adds and removes a tag (with or without a JSON body), logging the tag lists before and after', async () => {
    const add = await api().put(`/table/${ORDERS}/tag/fresh?tag_type=default`).set(...authAs(ALICE))
      .set('Content-Type', 'application/json').send({});
    expect(add.status).toBe(200);
    expect(add.body.message).toMatch(/fresh.*added successfully/);
    expect((await get(`/table/${ORDERS}`)).body.tags).toEqual([
      { tag_type: 'default', tag_name: 'fresh' }, { tag_type: 'default', tag_name: 'sales' }]);
    const [edit] = await edits(ORDERS);
    expect(edit).toMatchObject({ action: 'add', field: 'tag', before: ['sales'], after: ['fresh', 'sales'], user_id: ALICE });

    const remove = await del(`/table/${ORDERS}/tag/fresh`);
    expect(remove.status).toBe(200);
    expect(remove.body.message).toMatch(/deleted successfully/);
    expect((await get(`/table/${ORDERS}`)).body.tags).toEqual([{ tag_type: 'default', tag_name: 'sales' }]);
    expect((await del(`/table/${ORDERS}/tag/never-there`)).status).toBe(200);
    expect((await edits(ORDERS)).map((e: { action: string }) => e.action)).toEqual(['remove', 'add']);
  });

  it('makes a new tag findable through /v2/search at once', async () => {
    const search = () => request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER)
      .send({ query_term: '', resource_types: ['table'], filters: [{ name: 'tag', values: ['brandnew'], operation: 'OR' }] });
    expect((await search()).body.results.table.total_results).toBe(0);
    expect((await put(`/table/${encodeURIComponent(QUOTED)}/tag/brandnew`)).status).toBe(200);
    const res = await search();
    expect(res.body.results.table.results.map((h: { key: string }) => h.key)).toEqual([QUOTED]);
    await del(`/table/${encodeKey(QUOTED)}/tag/brandnew`);
    expect((await search()).body.results.table.total_results).toBe(0);
  });

  it('refuses tag_type=badge with 406, a badge name with 409 and an unknown table with 404', async () => {
    expect((await put(`/table/${ORDERS}/tag/x?tag_type=badge`)).status).toBe(406);
    const conflict = await put(`/table/${ORDERS}/tag/certified`);
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toMatch(/badge/);
    expect((await put(`/table/${ORDERS}/tag/gold`)).status).toBe(409);
    const missing = await put('/table/hive://gold.core/nope/tag/x');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: 'table_uri hive://gold.core/nope does not exist' });
    expect((await del('/table/hive://gold.core/nope/tag/x')).status).toBe(404);
  });

  it('percent-decodes tag names', async () => {
    expect((await put(`/table/${ORDERS}/tag/${encodeURIComponent('needs review')}`)).status).toBe(200);
    expect((await get(`/table/${ORDERS}`)).body.tags).toContainEqual({ tag_type: 'default', tag_name: 'needs review' });
  });
});

describe('table and column badges', () => {
  it('requires category with Flask-RESTful\'s 400 body', async () => {
    for (const res of [await put(`/table/${ORDERS}/badge/beta`), await del(`/table/${ORDERS}/badge/beta`)]) {
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ message: { category: 'Missing required parameter in the JSON body or the post body or the query string' } });
    }
  });

  it('accepts a badge already in the catalog or in the configured whitelist, 404 otherwise', async () => {
    expect((await put(`/table/${ORDERS}/badge/beta?category=table_status`)).status).toBe(200);
    expect((await put(`/table/${ORDERS}/badge/gold?category=table_status`)).status).toBe(200);
    expect((await get(`/table/${ORDERS}`)).body.badges).toEqual([
      { badge_name: 'beta', category: 'table_status' }, { badge_name: 'certified', category: 'table_status' },
      { badge_name: 'gold', category: 'table_status' }]);
    expect((await put(`/table/${ORDERS}/badge/beta?category=column`)).status).toBe(404);
    expect((await put(`/table/${ORDERS}/badge/shiny?category=table_status`)).status).toBe(404);
    expect((await put(`/table/${ORDERS}/badge/beta?category=`)).status).toBe(404);
    expect((await put('/table/hive://gold.core/nope/badge/beta?category=table_status')).status).toBe(404);
    const [edit] = await edits(ORDERS);
    expect(edit).toMatchObject({ field: 'badge', action: 'add' });
    expect(edit.after).toContainEqual({ badge_name: 'gold', category: 'table_status' });

    expect((await del(`/table/${ORDERS}/badge/beta?category=table_status`)).status).toBe(200);
    expect((await get('/badges/')).body.badges).toContainEqual({ badge_name: 'gold', category: 'table_status' });
  });

  it('adds and removes column and type-metadata badges', async () => {
    expect((await put(`/table/${ORDERS}/column/customer_id/badge/PK?category=column`)).status).toBe(200);
    expect((await get(`/table/${ORDERS}`)).body.columns[2].badges).toEqual([{ badge_name: 'PK', category: 'column' }]);
    expect((await del(`/table/${ORDERS}/column/customer_id/badge/PK?category=column`)).status).toBe(200);
    expect((await get(`/table/${ORDERS}`)).body.columns[2].badges).toEqual([]);
    expect((await put(`/table/${ORDERS}/column/nope/badge/PK?category=column`)).status).toBe(404);
    expect((await put(`/type_metadata/${PAYLOAD_TYPE}/items/badge/money?category=column`)).status).toBe(200);
    expect((await get(`/table/${ORDERS}`)).body.columns[1].type_metadata.children[1].badges)
      .toEqual([{ badge_name: 'money', category: 'column' }]);
  });
});

describe('table owners', () => {
  it('adds an owner, creating the user, and removes them', async () => {
    const res = await put(`/table/${ORDERS}/owner/${encodeURIComponent('new.person@example.org')}`);
    expect(res.status).toBe(200);
    expect(res.body.message).toMatch(/added successfully/);
    const owners = (await get(`/table/${ORDERS}`)).body.owners.map((u: { user_id: string }) => u.user_id);
    expect(owners).toEqual([ALICE, 'new.person@example.org']);
    expect((await get('/user/new.person@example.org')).body).toMatchObject({ user_id: 'new.person@example.org', email: 'new.person@example.org' });
    const [edit] = await edits(ORDERS);
    expect(edit).toMatchObject({ field: 'owner', before: [ALICE], after: [ALICE, 'new.person@example.org'] });

    expect((await del(`/table/${ORDERS}/owner/${ALICE}`)).status).toBe(200);
    expect((await get(`/table/${ORDERS}`)).body.owners.map((u: { user_id: string }) => u.user_id)).toEqual(['new.person@example.org']);
    expect((await put(`/table/hive://gold.core/nope/owner/${ALICE}`)).status).toBe(404);
  });
});

describe('lineage', () => {
  it('walks both directions one hop by default with every LineageItem field and total counts', async () => {
    const res = await api().get(`/table/${ORDERS}/lineage`).set(...AUTH_HEADER).set('Content-Type', 'application/json').send({});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      key: ORDERS, direction: 'both', depth: 1,
      upstream_entities: [{ key: RAW_ORDERS, level: 1, source: 'hive', badges: [{ badge_name: 'beta', category: 'table_status' }],
        usage: 100, parent: ORDERS, link: null, in_amundsen: true }],
      downstream_entities: [{ key: REVENUE, level: 1, source: 'hive', badges: [], usage: 7, parent: ORDERS, link: null, in_amundsen: true }],
      upstream_count: 2,
      downstream_count: 2,
    });
  });

  it('follows depth and direction, including entities outside the catalog', async () => {
    const up = await get(`/table/${ORDERS}/lineage?direction=upstream&depth=5`);
    expect(up.body.downstream_entities).toEqual([]);
    expect(up.body.upstream_entities.map((e: { key: string; level: number; parent: string }) => [e.key, e.level, e.parent]))
      .toEqual([[RAW_ORDERS, 1, ORDERS], [S3_RAW, 2, RAW_ORDERS]]);
    expect(up.body.upstream_entities[1]).toMatchObject({ source: 's3', in_amundsen: false, usage: 0, badges: [] });

    const down = await get(`/table/${ORDERS}/lineage?direction=downstream&depth=2`);
    expect(down.body.upstream_entities).toEqual([]);
    expect(down.body.downstream_entities.map((e: { key: string; level: number }) => [e.key, e.level]))
      .toEqual([[REVENUE, 1], [REVENUE_DAILY, 2]]);

    const none = await get(`/table/${ORDERS}/lineage?depth=0&direction=sideways`);
    expect(none.body).toMatchObject({ direction: 'both', depth: 0, upstream_entities: [], downstream_entities: [], upstream_count: 2 });
    const fromRevenue = await get(`/table/${REVENUE}/lineage?direction=upstream`);
    expect(fromRevenue.body.upstream_entities.map((e: { key: string }) => e.key)).toEqual([CUSTOMERS, ORDERS]);
    expect(fromRevenue.body.upstream_count).toBe(4);
  });

  it('serves column lineage and 404s for unknown tables, columns and bad depths', async () => {
    const res = await get(`/table/${ORDERS}/column/order_id/lineage`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      key: `${ORDERS}/order_id`, upstream_count: 1, downstream_count: 1,
      upstream_entities: [{ key: `${RAW_ORDERS}/id`, level: 1, in_amundsen: true, parent: `${ORDERS}/order_id` }],
      downstream_entities: [{ key: `${REVENUE}/order_count`, level: 1, in_amundsen: true, usage: 7 }],
    });
    expect((await get('/table/hive://gold.core/nope/lineage')).status).toBe(404);
    expect((await get(`/table/${ORDERS}/column/nope/lineage`)).status).toBe(404);
    expect((await get(`/table/${ORDERS}/lineage?depth=-1`)).status).toBe(400);
  });
});

describe('GET /table/KEY/dashboard/', () => {
  it('lists the dashboards using a table as DashboardSummary objects, most viewed first', async () => {
    const res = await get(`/table/${REVENUE}/dashboard/`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ dashboards: [{
      uri: 'mode_dashboard://gold.sales_group/revenue_dash', cluster: 'gold', group_name: 'Sales',
      group_url: 'https://mode.example/sales', product: 'mode', name: 'Revenue', url: 'https://mode.example/sales/revenue',
      description: 'Revenue overview', last_successful_run_timestamp: 1592351193, chart_names: ['Revenue by day', 'Top customers'],
    }] });
    expect((await get(`/table/${REVENUE_DAILY}/dashboard/`)).body).toEqual({ dashboards: [] });
    expect((await get('/table/hive://gold.core/nope/dashboard/')).status).toBe(404);
  });

  it('answers 308 to the slash form without the trailing slash (API.md §0), keeping the key encoded as sent', async () => {
    const paths = [
      `/table/${REVENUE}/dashboard`,
      `/table/${encodeURIComponent(REVENUE)}/dashboard`,
      `/table/${encodeURIComponent(`${REVENUE}/dashboard`)}`, // the suffix's slash encoded too
      `/table/${encodeKey(QUOTED)}/dashboard`,
      `/table/${encodeURIComponent(PERCENT)}/dashboard`,
    ];
    for (const path of paths) {
      const res = await get(`${path}?x=1`);
      expect(res.status, path).toBe(308);
      expect(res.headers.location, path).toBe(`${path}/?x=1`);
      const followed = await get(res.headers.location);
      expect(followed.status, path).toBe(200);
      expect(followed.body, path).toHaveProperty('dashboards');
    }
    expect((await get(`/table/${REVENUE}/dashboard`)).headers.location).toBe(`/table/${REVENUE}/dashboard/`);
  });

  it('still serves the detail of a table whose key ends in /dashboard', async () => {
    const other = openTestCatalog({ tables: [makeTable('hive://gold.core/dashboard')] });
    try {
      const res = await request(other.metadataApp).get('/table/hive://gold.core/dashboard').set(...AUTH_HEADER);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ schema: 'core', name: 'dashboard' });
    } finally {
      other.cleanup();
    }
  });
});
