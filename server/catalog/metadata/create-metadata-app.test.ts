import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_HEADER, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';

const USER_FIELDS = [
  'user_id', 'email', 'first_name', 'last_name', 'full_name', 'display_name', 'is_active', 'github_username',
  'team_name', 'slack_id', 'employee_type', 'manager_fullname', 'manager_email', 'manager_id', 'role_name',
  'profile_url', 'other_key_values',
].sort();
const TABLE_FIELDS = [
  'database', 'cluster', 'schema', 'name', 'key', 'tags', 'badges', 'table_readers', 'description', 'columns',
  'owners', 'watermarks', 'table_writer', 'table_apps', 'resource_reports', 'last_updated_timestamp', 'source',
  'is_view', 'programmatic_descriptions', 'common_joins', 'common_filters',
  // The embedded catalog's extension: its schema's description (Amundsen's table answer has none).
  'schema_description',
].sort();
const COLUMN_FIELDS = ['name', 'key', 'description', 'col_type', 'sort_order', 'stats', 'badges', 'type_metadata'].sort();

let catalog: TestCatalog;
const api = () => request(catalog.metadataApp);
const get = (path: string) => api().get(path).set(...AUTH_HEADER);

beforeAll(() => {
  catalog = openTestCatalog({ demoTables: 40 });
});
afterAll(() => catalog.cleanup());

describe('metadata GET /table/KEY', () => {
  it('serves a raw key with every Amundsen Table field', async () => {
    const res = await get('/table/hive://gold.core/customers');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text.endsWith('\n')).toBe(true);
    expect(Object.keys(res.body).sort()).toEqual(TABLE_FIELDS);
    expect(res.body).toMatchObject({
      database: 'hive', cluster: 'gold', schema: 'core', name: 'customers', key: 'hive://gold.core/customers',
      description: 'One row per customer, with contact details and lifecycle status', is_view: false,
    });
    const columns = res.body.columns as { name: string; col_type: string; stats: unknown[] }[];
    for (const c of columns) expect(Object.keys(c).sort()).toEqual(COLUMN_FIELDS);
    expect(columns.map((c) => [c.name, c.col_type])).toEqual(expect.arrayContaining([
      ['customer_id', 'bigint'], ['email', 'string'], ['signup_date', 'date'], ['lifecycle_stage', 'string'],
    ]));
    expect(columns[0]).toMatchObject({ name: 'customer_id', key: 'hive://gold.core/customers/customer_id', sort_order: 0,
      badges: [{ badge_name: 'PK', category: 'column' }], type_metadata: null });
    expect(columns[0].stats).toContainEqual(expect.objectContaining({ stat_type: 'num_nulls', stat_val: '0' }));
  });

  it('lists owners and readers as complete User objects with the demo people', async () => {
    const res = await get('/table/hive://gold.core/customers');
    expect(res.body.owners).toHaveLength(1);
    const [owner] = res.body.owners;
    expect(Object.keys(owner).sort()).toEqual(USER_FIELDS);
    expect(owner).toMatchObject({ user_id: 'roald.amundsen@example.org', email: 'roald.amundsen@example.org',
      full_name: 'Roald Amundsen', is_active: true, other_key_values: {} });
    expect(res.body.table_readers.length).toBe(5);
    for (const reader of res.body.table_readers) {
      expect(Object.keys(reader).sort()).toEqual(['read_count', 'user']);
      expect(Object.keys(reader.user).sort()).toEqual(USER_FIELDS);
    }
    const counts = res.body.table_readers.map((r: { read_count: number }) => r.read_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(res.body.tags).toContainEqual({ tag_type: 'default', tag_name: 'pii' });
    expect(res.body.badges).toEqual([{ badge_name: 'certified', category: 'table_status' }]);
    expect(res.body.table_writer).toMatchObject({ name: 'Airflow', kind: 'Producing', id: 'core_hive/customers' });
    expect(res.body.table_apps).toEqual([res.body.table_writer]);
    expect(res.body.watermarks.map((w: { watermark_type: string }) => w.watermark_type).sort()).toEqual(['high_watermark', 'low_watermark']);
    expect(res.body.common_joins).toEqual([]);
    expect(res.body.common_filters).toEqual([]);
  });

  it('serves a fully percent-encoded key identically', async () => {
    const raw = await get('/table/hive://gold.sales/orders');
    const encoded = await get(`/table/${encodeURIComponent('hive://gold.sales/orders')}`);
    expect(encoded.status).toBe(200);
    expect(encoded.body).toEqual(raw.body);
    expect(raw.body.owners[0].user_id).toBe('fridtjof.nansen@example.org');
  });

  it('answers 404 with the Amundsen message for an unknown key', async () => {
    const res = await get('/table/hive://gold.core/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: 'table_uri hive://gold.core/nope does not exist' });
  });

  it('answers 400 JSON for a malformed percent-encoding', async () => {
    const res = await get('/table/hive%3');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/percent-encoding/);
  });
});

describe('metadata popular endpoints', () => {
  it('ranks customers then orders first in /popular_tables/', async () => {
    const res = await get('/popular_tables/?limit=3');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['popular_tables']);
    expect(res.body.popular_tables.map((t: { name: string }) => t.name)).toEqual(['customers', 'orders', 'monthly_revenue']);
    expect(Object.keys(res.body.popular_tables[0]).sort()).toEqual(['cluster', 'database', 'description', 'name', 'schema']);
  });

  it('defaults to 10 results and accepts a user id', async () => {
    const res = await get('/popular_tables/roald.amundsen@example.org');
    expect(res.status).toBe(200);
    expect(res.body.popular_tables).toHaveLength(10);
  });

  it('redirects the slash-less path with 308 like Werkzeug, keeping the query', async () => {
    const res = await get('/popular_tables?limit=2');
    expect(res.status).toBe(308);
    expect(res.headers.location).toBe('/popular_tables/?limit=2');
  });

  it('rejects a limit that is not a number', async () => {
    const res = await get('/popular_tables/?limit=ten');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/limit/);
  });

  it('answers popular_resources with capitalised keys and {} for types not asked for', async () => {
    const res = await get('/popular_resources/?limit=2');
    expect(res.status).toBe(200);
    expect(res.body.Dashboard).toEqual({});
    expect(res.body.Table).toHaveLength(2);
    expect(res.body.Table[0]).toEqual({
      database: 'hive', cluster: 'gold', schema: 'core', name: 'customers',
      description: 'One row per customer, with contact details and lifecycle status',
      schema_description: 'Conformed core entities shared by every team',
    });
    const both = await get('/popular_resources/?types=table,dashboard&limit=1');
    expect(both.body).toEqual({ Table: [expect.objectContaining({ name: 'customers' })], Dashboard: [expect.objectContaining({ uri: expect.any(String) })] });
    expect(Object.keys(both.body.Dashboard[0]).sort()).toEqual(
      ['chart_names', 'cluster', 'description', 'group_name', 'group_url', 'last_successful_run_timestamp', 'name', 'product', 'uri', 'url'],
    );
  });

  it('rejects an unknown resource type in popular_resources', async () => {
    const res = await get('/popular_resources/?types=table,spaceship');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('spaceship');
  });
});

describe('metadata routing and auth', () => {
  it('serves GET /healthcheck without a token', async () => {
    const res = await api().get('/healthcheck');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('answers 401 without a token on every other route', async () => {
    for (const path of ['/table/hive://gold.core/customers', '/popular_tables/', '/popular_resources/', '/no/such/url']) {
      const res = await api().get(path);
      expect(res.status, path).toBe(401);
    }
    const wrong = await api().get('/popular_tables/').set('Authorization', 'Bearer wrong');
    expect(wrong.status).toBe(401);
  });

  it('answers 404 JSON for an unknown URL and for /healthcheck/ with a slash', async () => {
    for (const path of ['/no/such/url', '/healthcheck/', '/TABLE/hive://gold.core/customers']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.message).toMatch(/not found/);
    }
  });

  it('answers 405 JSON for a wrong method on a known route', async () => {
    const res = await api().post('/popular_tables/').set(...AUTH_HEADER);
    expect(res.status).toBe(405);
    expect(res.body).toEqual({ message: 'The method is not allowed for the requested URL.' });
  });
});
