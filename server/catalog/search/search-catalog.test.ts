import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../create-catalog';
import { createCatalogStore } from '../store/create-catalog-store';
import { createSearchIndexMaintainer } from '../store/search-index';
import { AUTH_HEADER, makeReaders, makeTable, requireTestToken } from '../testing/open-test-catalog';

// A small catalog where every table exists to pin one ranking or filter rule. Popularity is
// steered with readers (more readers ⇒ more popular).
const TABLES = [
  makeTable('hive://gold.sales/orders', { readers: makeReaders(1), description: 'All orders, one row per order', tags: ['sales'] }),
  makeTable('hive://gold.sales/orders_daily', { readers: makeReaders(3), tags: ['sales', 'kpi'] }),
  makeTable('hive://gold.sales/orders_weekly', { readers: makeReaders(8), tags: ['sales'] }),
  makeTable('snowflake://prod.sales/customer_orders', { readers: makeReaders(20) }),
  makeTable('snowflake://prod.finance/payments', { readers: makeReaders(30), description: 'Payments for orders & <refunds> placed in the "shop"', tags: ['finance'] }),
  makeTable('postgres://shop_db.core/shipments', { readers: makeReaders(40),
    columns: [{ name: 'shipment_id', col_type: 'bigint' }, { name: 'carrier', col_type: 'text', description: 'Company delivering the orders' }] }),
  makeTable('bigquery://prod.marketing/campaigns', { readers: makeReaders(2), badges: [{ badge_name: 'beta', category: 'table_status' }],
    columns: [{ name: 'campaign_id', col_type: 'INT64' }, { name: 'utm_source', col_type: 'STRING' }] }),
  makeTable('hive://gold.core/customer_orders', { readers: makeReaders(4) }),
];

const USERS = [
  { user_id: 'ada.lovelace@example.org', email: 'ada.lovelace@example.org', first_name: 'Ada', last_name: 'Lovelace', full_name: 'Ada Lovelace', team_name: 'Analytics' },
  { user_id: 'grace.hopper@example.org', email: 'grace.hopper@example.org', first_name: 'Grace', last_name: 'Hopper', full_name: 'Grace Hopper', team_name: 'Platform', role_name: 'Admiral' },
  { user_id: 'alan.turing@example.org', email: 'alan.turing@example.org', first_name: 'Alan', last_name: 'Turing', is_active: false },
  { user_id: 'jorgen@example.org', email: 'jorgen@example.org', first_name: 'Jørgen', last_name: 'Ødegård', full_name: 'Jørgen Ødegård' },
];

let dir: string;
let catalog: Catalog;
const search = (body: unknown) => request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send(body as object);
const document = (method: 'post' | 'delete', body: unknown) =>
  request(catalog.searchApp)[method]('/v2/document').set(...AUTH_HEADER).send(body as object);
const keysOf = (res: request.Response, type = 'table') =>
  (res.body.results[type].results as { key?: string; email?: string }[]).map((h) => h.key ?? h.email);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-search-'));
  const dbPath = join(dir, 'catalog.db');
  const store = createCatalogStore(dbPath);
  store.writer.writeUsers(USERS);
  store.writer.writeTables(TABLES);
  const db = store.db;
  const group = (key: string, product: string, name: string) =>
    db.prepare("INSERT INTO dashboard_groups (key, product, cluster, name, url) VALUES (?, ?, 'gold', ?, ?) RETURNING id").pluck()
      .get(key, product, name, `https://${product}.example.org/${name}`) as number;
  const finance = group('mode_dashboard://gold.finance', 'mode', 'Finance');
  const growth = group('tableau_dashboard://gold.growth', 'tableau', 'Growth');
  const dashboard = (groupId: number, key: string, name: string, views: number, charts: string[], tags: string[]) => {
    const id = db.prepare('INSERT INTO dashboards (key, group_id, name, url, description, popularity) VALUES (?, ?, ?, ?, ?, ?) RETURNING id')
      .pluck().get(key, groupId, name, `https://example.org/${name}`, `${name} for the team`, views) as number;
    charts.forEach((c, i) => db.prepare('INSERT INTO dashboard_charts (dashboard_id, sort_order, name) VALUES (?, ?, ?)').run(id, i, c));
    for (const tag of tags) {
      const tagId = db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id').pluck().get(tag);
      db.prepare('INSERT INTO dashboard_tags (dashboard_id, tag_id) VALUES (?, ?)').run(id, tagId);
    }
    return id;
  };
  const ids = [
    dashboard(finance, 'mode_dashboard://gold.finance/revenue', 'Revenue Overview', 5, ['Revenue Trend', 'Refund Rate'], ['kpi', 'finance']),
    dashboard(finance, 'mode_dashboard://gold.finance/revenue_by_region', 'Revenue by Region', 50, ['Region Map'], ['finance']),
    dashboard(growth, 'tableau_dashboard://gold.growth/funnel', 'Signup Funnel', 10, ['Conversion by Step'], ['kpi']),
  ];
  createSearchIndexMaintainer(db).refreshDashboards(ids);
  store.close();
  catalog = openCatalog({ dbPath, demoTables: 0, authenticate: requireTestToken, log: { error() {} } });
});
afterAll(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('table ranking', () => {
  it('ranks exact name, then name prefix, then a word of the name, then description and column matches', async () => {
    const res = await search({ query_term: 'orders', resource_types: ['table'] });
    expect(keysOf(res)).toEqual([
      'hive://gold.sales/orders', // exact name, least popular of all
      'hive://gold.sales/orders_weekly', // name prefix: usage decides between the two
      'hive://gold.sales/orders_daily',
      'snowflake://prod.sales/customer_orders', // a word of the name
      'hive://gold.core/customer_orders',
      'postgres://shop_db.core/shipments', // column description ("orders"), most popular of all
      'snowflake://prod.finance/payments', // description
    ]);
    expect(res.body.results.table.total_results).toBe(7);
  });

  it('treats a multi-word query that spells the whole name as exact, with the last word a prefix elsewhere', async () => {
    const exact = await search({ query_term: 'customer orders', resource_types: ['table'] });
    expect(keysOf(exact)).toEqual(['snowflake://prod.sales/customer_orders', 'hive://gold.core/customer_orders']);
    const typing = await search({ query_term: 'customer or', resource_types: ['table'] });
    expect(keysOf(typing)).toEqual(['snowflake://prod.sales/customer_orders', 'hive://gold.core/customer_orders']);
    expect(typing.body.results.table.results[0].search_score).toBeLessThan(exact.body.results.table.results[0].search_score);
  });

  it('matches column names by prefix', async () => {
    const res = await search({ query_term: 'utm', resource_types: ['table'] });
    expect(keysOf(res)).toEqual(['bigquery://prod.marketing/campaigns']);
  });

  it('falls back to the nearest name words when a typo finds nothing, and says so', async () => {
    const res = await search({ query_term: 'shipmnets', resource_types: ['table'] });
    expect(keysOf(res)).toEqual(['postgres://shop_db.core/shipments']);
    expect(res.body.did_you_mean).toBe('shipments');
    expect(res.body.msg).toMatch(/showing results for "shipments"/);
    const typing = await search({ query_term: 'custmer ord', resource_types: ['table'] });
    expect(typing.body.did_you_mean).toBe('customer ord');
    expect(keysOf(typing)).toContain('snowflake://prod.sales/customer_orders');
  });

  it('corrects every misspelt word, two edits away for words of six letters or more', async () => {
    const res = await search({ query_term: 'custmer ordrs', resource_types: ['table'] });
    expect(res.body.did_you_mean).toBe('customer orders');
    expect(keysOf(res)).toEqual(['snowflake://prod.sales/customer_orders', 'hive://gold.core/customer_orders']);
    const twoEdits = await search({ query_term: 'custmr ordrs', resource_types: ['table'] });
    expect(twoEdits.body.did_you_mean).toBe('customer orders');
    const short = await search({ query_term: 'shpmnts', resource_types: ['table'] }); // 7 letters: 2 edits
    expect(short.body.did_you_mean).toBe('shipments');
  });

  it('finds a name with a letter FTS5 keeps (ø) typed as a plain letter, without "nothing matched"', async () => {
    for (const term of ['odegard', 'Jorgen Odegard', 'ødegard']) {
      const res = await search({ query_term: term, resource_types: ['user'] });
      expect(keysOf(res, 'user'), term).toEqual(['jorgen@example.org']);
      expect(res.body, term).not.toHaveProperty('did_you_mean');
      expect(res.body.msg, term).toBe('Success');
    }
  });

  it('answers a source or cluster name that finds nothing with its tables, and names the filter', async () => {
    const res = await search({ query_term: 'Snowflake', resource_types: ['table'] });
    expect(res.body.did_you_mean).toBe('database:snowflake');
    expect(keysOf(res).sort()).toEqual(['snowflake://prod.finance/payments', 'snowflake://prod.sales/customer_orders']);
    const cluster = await search({ query_term: 'shop_db', resource_types: ['table'] });
    expect(cluster.body.did_you_mean).toBe('cluster:shop_db');
    expect(keysOf(cluster)).toEqual(['postgres://shop_db.core/shipments']);
    // With the request's own filters: only when the two together find something.
    const filtered = await search({ query_term: 'snowflake', resource_types: ['table'], filters: [{ name: 'schema', values: ['marketing'] }] });
    expect(filtered.body).not.toHaveProperty('did_you_mean');
    expect(filtered.body.results.table.total_results).toBe(0);
  });

  it('leaves correct queries and hopeless ones unmarked', async () => {
    const fine = await search({ query_term: 'orders', resource_types: ['table'] });
    expect(fine.body).not.toHaveProperty('did_you_mean');
    expect(fine.body.msg).toBe('Success');
    const hopeless = await search({ query_term: 'xylophone', resource_types: ['table'] });
    expect(hopeless.body).not.toHaveProperty('did_you_mean');
    expect(hopeless.body.results.table).toEqual({ total_results: 0, results: [] });
  });
});

describe('table filters with a query', () => {
  it('applies facet filters (exact and wildcard) inside every tier', async () => {
    const tagged = await search({ query_term: 'orders', resource_types: ['table'], filters: [{ name: 'tag', values: ['kpi', 'fin*'], operation: 'OR' }] });
    expect(keysOf(tagged)).toEqual(['hive://gold.sales/orders_daily', 'snowflake://prod.finance/payments']);
    const both = await search({ query_term: 'orders', resource_types: ['table'], filters: [{ name: 'tag', values: ['kpi', 'sales'], operation: 'AND' }] });
    expect(keysOf(both)).toEqual(['hive://gold.sales/orders_daily']);
    const column = await search({ query_term: 'or', resource_types: ['table'], filters: [{ name: 'column', values: ['carrier'], operation: 'OR' }] });
    expect(keysOf(column)).toEqual(['postgres://shop_db.core/shipments']);
  });

  it('finds nothing when a wildcard matches no known value, and ignores empty values', async () => {
    const none = await search({ query_term: 'orders', resource_types: ['table'], filters: [{ name: 'schema', values: ['nope*'], operation: 'OR' }] });
    expect(none.body.results.table).toEqual({ total_results: 0, results: [] });
    const empty = await search({ query_term: 'orders', resource_types: ['table'], filters: [{ name: 'schema', values: [''], operation: 'OR' }] });
    expect(empty.body.results.table.total_results).toBe(7);
  });

  it('combines residual SQL filters (table name, description) with facets', async () => {
    const res = await search({ query_term: 'orders', resource_types: ['table'], filters: [
      { name: 'table', values: ['orders_*'], operation: 'OR' }, { name: 'cluster', values: ['gold'], operation: 'OR' }] });
    expect(keysOf(res)).toEqual(['hive://gold.sales/orders_weekly', 'hive://gold.sales/orders_daily']);
    expect(res.body.results.table.total_results).toBe(2);
  });
});

describe('pagination', () => {
  it('pages through tiers without gaps or repeats and keeps total_results', async () => {
    const all = keysOf(await search({ query_term: 'orders', resource_types: ['table'], results_per_page: 50 }));
    const paged: string[] = [];
    for (let page = 0; page < 3; page++) {
      const res = await search({ query_term: 'orders', resource_types: ['table'], page_index: page, results_per_page: 3 });
      expect(res.body.results.table.total_results).toBe(7);
      paged.push(...(keysOf(res) as string[]));
    }
    expect(paged).toEqual(all);
  });
});

describe('highlight', () => {
  it('wraps matching words in <em> for the page\'s hits only, escaping everything else', async () => {
    const res = await search({ query_term: 'orders', resource_types: ['table'], results_per_page: 7,
      highlight_options: { table: { enable_highlight: true } } });
    const hits = res.body.results.table.results as { key: string; highlight: Record<string, string[]> }[];
    const byKey = new Map(hits.map((h) => [h.key, h.highlight]));
    expect(byKey.get('hive://gold.sales/orders_weekly')).toEqual({ name: ['<em>orders</em>_weekly'] });
    expect(byKey.get('snowflake://prod.finance/payments')).toEqual({
      description: ['Payments for <em>orders</em> &amp; &lt;refunds&gt; placed in the &quot;shop&quot;'],
    });
    expect(byKey.get('hive://gold.sales/orders')).toEqual({ name: ['<em>orders</em>'], description: ['All <em>orders</em>, one row per order'] });
    for (const h of hits) {
      const markup = JSON.stringify(h.highlight).match(/<[^>]*>/g) ?? [];
      expect(markup.every((m) => m === '<em>' || m === '</em>'), h.key).toBe(true);
    }
  });

  it('highlights matching column names, and nothing unless asked', async () => {
    const asked = await search({ query_term: 'camp', resource_types: ['table'], highlight_options: { table: { enable_highlight: true } } });
    expect(asked.body.results.table.results[0].highlight).toEqual({ name: ['<em>campaigns</em>'], columns: ['<em>campaign</em>_id'] });
    const plain = await search({ query_term: 'camp', resource_types: ['table'] });
    expect(plain.body.results.table.results[0].highlight).toEqual({});
  });

  it('highlights the column description a hit was found by, and nothing when highlighting is off', async () => {
    const shipments = 'postgres://shop_db.core/shipments';
    const asked = await search({ query_term: 'delivering', resource_types: ['table'], highlight_options: { table: { enable_highlight: true } } });
    expect(keysOf(asked)).toEqual([shipments]); // found only through "Company delivering the orders"
    expect(asked.body.results.table.results[0].highlight).toEqual({ column_descriptions: ['Company <em>delivering</em> the orders'] });
    // Next to the other keys, not instead of them.
    const orders = await search({ query_term: 'orders', resource_types: ['table'], results_per_page: 7,
      highlight_options: { table: { enable_highlight: true } } });
    const hit = (orders.body.results.table.results as { key: string; highlight: Record<string, string[]> }[]).find((h) => h.key === shipments);
    expect(hit?.highlight).toEqual({ column_descriptions: ['Company delivering the <em>orders</em>'] });

    for (const highlight_options of [undefined, { table: { enable_highlight: false } }, { dashboard: { enable_highlight: true } }]) {
      const res = await search({ query_term: 'delivering', resource_types: ['table'], highlight_options });
      expect(keysOf(res), JSON.stringify(highlight_options)).toEqual([shipments]);
      expect(res.body.results.table.results[0].highlight, JSON.stringify(highlight_options)).toEqual({});
    }
  });
});

describe('dashboard search', () => {
  const DASHBOARD_FIELDS = ['key', 'description', 'resource_type', 'url', 'uri', 'last_successful_run_timestamp', 'group_name',
    'chart_names', 'query_names', 'name', 'tag', 'product', 'cluster', 'group_url', 'badges', 'search_score', 'highlight'].sort();

  it('ranks by name tiers and usage, with Amundsen\'s dashboard hit shape', async () => {
    const res = await search({ query_term: 'revenue', resource_types: ['dashboard'] });
    expect(keysOf(res, 'dashboard')).toEqual(['mode_dashboard://gold.finance/revenue_by_region', 'mode_dashboard://gold.finance/revenue']);
    const hit = res.body.results.dashboard.results[1];
    expect(Object.keys(hit).sort()).toEqual(DASHBOARD_FIELDS);
    expect(hit).toMatchObject({ name: 'Revenue Overview', group_name: 'Finance', product: 'mode', uri: hit.key,
      chart_names: ['Revenue Trend', 'Refund Rate'], tag: ['finance', 'kpi'], resource_type: 'dashboard' });
  });

  it('finds dashboards by chart name and filters by product, group and tag', async () => {
    expect(keysOf(await search({ query_term: 'conversion', resource_types: ['dashboard'] }), 'dashboard'))
      .toEqual(['tableau_dashboard://gold.growth/funnel']);
    const kpi = await search({ query_term: '', resource_types: ['dashboard'], filters: [{ name: 'tag', values: ['kpi'], operation: 'OR' }] });
    expect(keysOf(kpi, 'dashboard')).toEqual(['tableau_dashboard://gold.growth/funnel', 'mode_dashboard://gold.finance/revenue']);
    const and = await search({ query_term: '', resource_types: ['dashboard'], filters: [
      { name: 'tag', values: ['kpi', 'finance'], operation: 'AND' }, { name: 'product', values: ['mo*'], operation: 'OR' }] });
    expect(keysOf(and, 'dashboard')).toEqual(['mode_dashboard://gold.finance/revenue']);
    const group = await search({ query_term: 're', resource_types: ['dashboard'], filters: [{ name: 'group_name', values: ['growth', 'fin*'], operation: 'OR' }] });
    expect(group.body.results.dashboard.total_results).toBe(2);
  });

  it('filters dashboards by name (wildcards, case-insensitive, OR and AND)', async () => {
    // Without the filter "revenue" finds both revenue dashboards and a browse finds all three.
    const overview = await search({ query_term: 'revenue', resource_types: ['dashboard'],
      filters: [{ name: 'name', values: ['*OVERVIEW'], operation: 'OR' }] });
    expect(keysOf(overview, 'dashboard')).toEqual(['mode_dashboard://gold.finance/revenue']);
    const either = await search({ query_term: '', resource_types: ['dashboard'],
      filters: [{ name: 'name', values: ['signup funnel', 'revenue by *'], operation: 'OR' }] });
    expect(keysOf(either, 'dashboard')).toEqual(['mode_dashboard://gold.finance/revenue_by_region', 'tableau_dashboard://gold.growth/funnel']);
    expect(either.body.results.dashboard.total_results).toBe(2);
    const both = await search({ query_term: '', resource_types: ['dashboard'],
      filters: [{ name: 'name', values: ['revenue*', '*region'], operation: 'AND' }] });
    expect(keysOf(both, 'dashboard')).toEqual(['mode_dashboard://gold.finance/revenue_by_region']);
  });
});

describe('user search', () => {
  it('finds users by name prefix and email, with Amundsen\'s user hit shape', async () => {
    const res = await search({ query_term: 'grac', resource_types: ['user'] });
    expect(keysOf(res, 'user')).toEqual(['grace.hopper@example.org']);
    expect(res.body.results.user.results[0]).toMatchObject({ full_name: 'Grace Hopper', email: 'grace.hopper@example.org',
      first_name: 'Grace', last_name: 'Hopper', resource_type: 'user', team_name: 'Platform', role_name: 'Admiral', is_active: true });
    const derived = await search({ query_term: 'alan turing', resource_types: ['user'] });
    expect(derived.body.results.user.results[0]).toMatchObject({ full_name: 'Alan Turing', email: 'alan.turing@example.org', team_name: null, role_name: null, is_active: false });
  });

  it('says when a person was found by their team or role (team_name and role_name highlights)', async () => {
    const res = await search({ query_term: 'admiral', resource_types: ['user'], highlight_options: { user: { enable_highlight: true } } });
    expect(keysOf(res, 'user')).toEqual(['grace.hopper@example.org']);
    expect(res.body.results.user.results[0].highlight).toEqual({ role_name: ['<em>Admiral</em>'] });
    const team = await search({ query_term: 'analytics', resource_types: ['user'], highlight_options: { user: { enable_highlight: true } } });
    expect(team.body.results.user.results[0].highlight).toEqual({ team_name: ['<em>Analytics</em>'] });
  });

  it('filters users by first_name, last_name and email wildcards, AND and OR', async () => {
    const or = await search({ query_term: '', resource_types: ['user'], filters: [{ name: 'first_name', values: ['ada', 'grace'], operation: 'OR' }] });
    expect((keysOf(or, 'user') as string[]).sort()).toEqual(['ada.lovelace@example.org', 'grace.hopper@example.org']);
    const and = await search({ query_term: '', resource_types: ['user'], filters: [{ name: 'email', values: ['*@example.org', 'a*'], operation: 'AND' }] });
    expect((keysOf(and, 'user') as string[]).sort()).toEqual(['ada.lovelace@example.org', 'alan.turing@example.org']);
    const last = await search({ query_term: 'a', resource_types: ['user'], filters: [{ name: 'last_name', values: ['T?ring'], operation: 'OR' }] });
    expect(keysOf(last, 'user')).toEqual(['alan.turing@example.org']);
  });

  it('answers an empty feature group (the catalog holds no ML features)', async () => {
    const res = await search({ query_term: 'orders', resource_types: ['feature', 'table'] });
    expect(res.body.results.feature).toEqual({ total_results: 0, results: [] });
    expect(res.body.results.table.total_results).toBe(7);
  });
});

describe('/v2/document', () => {
  const tagged = async (tag: string) =>
    keysOf(await search({ query_term: '', resource_types: ['table'], filters: [{ name: 'tag', values: [tag], operation: 'OR' }] }));
  const base = { resource_key: 'bigquery://prod.marketing/campaigns', resource_type: 'table', field: 'tag', operation: 'add' };

  it('adds, overwrites and deletes a table tag, and search follows', async () => {
    const added = await document('post', { ...base, value: 'pii' });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ msg: 'tag added to table bigquery://prod.marketing/campaigns' });
    expect(await tagged('pii')).toEqual(['bigquery://prod.marketing/campaigns']);
    expect(keysOf(await search({ query_term: 'pii', resource_types: ['table'] }))).toEqual(['bigquery://prod.marketing/campaigns']);

    await document('post', { ...base, value: 'gdpr', operation: 'overwrite' });
    expect(await tagged('pii')).toEqual([]);
    expect(await tagged('gdpr')).toEqual(['bigquery://prod.marketing/campaigns']);

    const removed = await document('delete', { ...base, value: 'gdpr' });
    expect(removed.status).toBe(200);
    expect(await tagged('gdpr')).toEqual([]);
    const hit = (await search({ query_term: 'campaigns', resource_types: ['table'] })).body.results.table.results[0];
    expect(hit.tag).toEqual([]);
  });

  it('overwrites and blanks a description', async () => {
    await document('post', { ...base, field: 'description', value: 'Quarterly zeppelin budget', operation: 'overwrite' });
    expect(keysOf(await search({ query_term: 'zeppelin', resource_types: ['table'] }))).toEqual(['bigquery://prod.marketing/campaigns']);
    await document('delete', { ...base, field: 'description', value: '', operation: 'overwrite' });
    expect(keysOf(await search({ query_term: 'zeppelin', resource_types: ['table'] }))).toEqual([]);
  });

  it('edits dashboard and user documents', async () => {
    await document('post', { resource_key: 'tableau_dashboard://gold.growth/funnel', resource_type: 'dashboard', field: 'chart_names', value: 'Walrus Chart', operation: 'add' });
    expect(keysOf(await search({ query_term: 'walrus', resource_types: ['dashboard'] }), 'dashboard')).toEqual(['tableau_dashboard://gold.growth/funnel']);
    await document('post', { resource_key: 'alan.turing@example.org', resource_type: 'user', field: 'full_name', value: 'Alan Mathison Turing', operation: 'overwrite' });
    expect(keysOf(await search({ query_term: 'mathison', resource_types: ['user'] }), 'user')).toEqual(['alan.turing@example.org']);
  });

  it('answers 404 for unknown resources and 400 naming the field for bad bodies', async () => {
    const missing = await document('post', { ...base, resource_key: 'hive://gold.nope/nothing', value: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/hive:\/\/gold\.nope\/nothing/);
    expect((await document('post', { ...base, resource_type: 'feature', value: 'x' })).status).toBe(404);
    const cases: [unknown, RegExp][] = [
      [{ ...base }, /value/],
      [{ ...base, value: 'x', operation: 'append' }, /operation/],
      [{ ...base, value: 'x', resource_type: 'spaceship' }, /resource_type/],
      [{ ...base, value: 'x', field: 'name' }, /field "name"/],
      [{ ...base, value: 'x', resource_key: '' }, /resource_key/],
      [{ ...base, value: 'x', extra: 1 }, /extra/],
      [{ ...base, field: 'description', value: ['a', 'b'] }, /value/],
      [['not', 'an', 'object'], /JSON object/],
    ];
    for (const [body, message] of cases) {
      const res = await document('post', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.message, JSON.stringify(body)).toMatch(message);
    }
  });

  it('needs a bearer token', async () => {
    const res = await request(catalog.searchApp).post('/v2/document').send({ ...base, value: 'x' });
    expect(res.status).toBe(401);
  });
});
