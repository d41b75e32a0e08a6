// Amundsen's answers as the BFF parses them: lenient where real services differ (a missing list is
// [], a missing value null, a legacy shape unwrapped), strict where the BFF needs a field, and
// faithful: a value that is there comes through unchanged.
import { describe, expect, it } from 'vitest';
import {
  AmundsenBadgeSchema, AmundsenDashboardDetailSchema, AmundsenLineageSchema, AmundsenTableSchema, AmundsenTagSchema, AmundsenUserSchema,
  BadgesSchema, LatestUpdatedSchema, PopularResourcesSchema, SearchDashboardHitSchema, SearchResponseSchema, SearchTableHitSchema,
  SearchUserHitSchema, TableDashboardsSchema, TagUsagesSchema, UpdateDocumentResponseSchema, UserReadsSchema, UserResourcesSchema,
} from './amundsen-schemas';

const ORDERS = 'hive://gold.sales/orders';
const user = {
  user_id: 'roald', email: 'roald@example.org', first_name: 'Roald', last_name: 'Amundsen', full_name: 'Roald Amundsen', display_name: 'Roald',
  is_active: true, github_username: 'roald', team_name: 'Polar', slack_id: 'U1', employee_type: 'fte', manager_fullname: 'Fridtjof Nansen',
  manager_email: 'fridtjof@example.org', manager_id: 'fridtjof', role_name: 'Explorer', profile_url: 'https://example.org/roald',
  other_key_values: { ship: 'Fram' },
};
const userNulls = Object.fromEntries(Object.keys(user).filter((k) => k !== 'is_active' && k !== 'other_key_values').map((k) => [k, null]));
const table = { database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders' };
const dashboard = { uri: 'mode_dashboard://gold.sales/revenue', cluster: 'gold', name: 'revenue' };
const dashboardNulls = { group_name: null, group_url: null, product: null, url: null, description: null, last_successful_run_timestamp: null, chart_names: [] };

describe('metadata answers', () => {
  it('keep a user as sent, unknown fields too, and make missing values null', () => {
    expect(AmundsenUserSchema.parse({ ...user, extra: 1 })).toEqual({ ...user, extra: 1 });
    expect(AmundsenUserSchema.parse({})).toEqual(userNulls);
  });

  it('default a tag\'s type and a badge\'s category, and need their names', () => {
    expect(AmundsenTagSchema.parse({ tag_name: 'pii', tag_type: 'badge' })).toEqual({ tag_name: 'pii', tag_type: 'badge' });
    expect(AmundsenTagSchema.parse({ tag_name: 'pii', tag_type: null })).toEqual({ tag_name: 'pii', tag_type: 'default' });
    expect(AmundsenBadgeSchema.parse({ badge_name: 'gold', category: 'table_status' })).toEqual({ badge_name: 'gold', category: 'table_status' });
    expect(AmundsenBadgeSchema.parse({ badge_name: 'gold' })).toEqual({ badge_name: 'gold', category: '' });
    expect(AmundsenTagSchema.safeParse({}).success).toBe(false);
    expect(AmundsenBadgeSchema.safeParse({ category: 'x' }).success).toBe(false);
  });

  it('fill a table\'s missing parts', () => {
    expect(AmundsenTableSchema.parse(table)).toEqual({
      ...table, key: null, description: null, is_view: false, last_updated_timestamp: null, tags: [], badges: [], columns: [], owners: [],
      table_readers: [], watermarks: [], table_writer: null, table_apps: null, resource_reports: null, source: null, programmatic_descriptions: [],
      // The embedded catalog's extension (Amundsen sends none).
      schema_description: null,
    });
    for (const field of ['database', 'cluster', 'schema', 'name'] as const) {
      expect(AmundsenTableSchema.safeParse({ ...table, [field]: undefined }).success, field).toBe(false);
    }
  });

  it('keep every part of a full table', () => {
    const app = { application_url: 'https://airflow', description: 'dag', id: 'dag-1', name: 'Airflow', kind: 'producing' };
    const full = {
      ...table, key: ORDERS, description: 'Orders.', is_view: true, last_updated_timestamp: 1_700_000_000,
      tags: [{ tag_type: 'default', tag_name: 'finance' }], badges: [{ badge_name: 'gold', category: 'table_status' }],
      columns: [{
        name: 'address', key: `${ORDERS}/address`, description: 'Where.', col_type: 'struct', sort_order: 3,
        stats: [{ stat_type: 'nulls', stat_val: '0', start_epoch: 1, end_epoch: 2, is_metric: true }], badges: [{ badge_name: 'pk', category: 'column' }],
        type_metadata: {
          kind: 'struct', name: 'address', key: `${ORDERS}/address/type/address`, description: 'Nested.', data_type: 'struct', sort_order: 0, badges: [],
          children: [{ kind: 'scalar', name: 'city', key: `${ORDERS}/address/type/address/city`, description: null, data_type: 'string', sort_order: 0, badges: [], children: [] }],
        },
      }],
      owners: [user], table_readers: [{ user, read_count: 7 }],
      watermarks: [{ watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2026-12-01', create_time: 'then' }],
      table_writer: app, table_apps: [app], resource_reports: [{ name: 'Report', url: 'https://r' }], source: { source_type: 'github', source: 'https://g' },
      programmatic_descriptions: [{ source: 'quality', text: 'Checked.' }], schema_description: 'Orders and returns.',
    };
    expect(AmundsenTableSchema.parse(full)).toEqual(full);
  });

  it('fill a column\'s and a reader\'s missing parts', () => {
    const parsed = AmundsenTableSchema.parse({ ...table, columns: [{ name: 'id' }], table_readers: [{ user: {} }] });
    expect(parsed.columns).toEqual([{ name: 'id', key: null, description: null, col_type: '', sort_order: 0, stats: [], badges: [], type_metadata: null }]);
    expect(parsed.table_readers).toEqual([{ user: userNulls, read_count: 0 }]);
    const stat = AmundsenTableSchema.parse({ ...table, columns: [{ name: 'id', stats: [{ stat_type: 'nulls' }] }] }).columns[0]!.stats[0];
    expect(stat).toEqual({ stat_type: 'nulls', stat_val: null, start_epoch: null, end_epoch: null, is_metric: null });
  });

  it('fill a dashboard\'s missing parts, and keep a full one', () => {
    expect(AmundsenDashboardDetailSchema.parse(dashboard)).toEqual({
      ...dashboard, ...dashboardNulls, created_timestamp: null, updated_timestamp: null, last_run_timestamp: null, last_run_state: null,
      owners: [], frequent_users: [], query_names: [], queries: [], tables: [], tags: [], badges: [], recent_view_count: 0,
    });
    const full = {
      ...dashboard, group_name: 'Sales', group_url: 'https://g', product: 'mode', url: 'https://d', description: 'Revenue.', last_successful_run_timestamp: 5,
      chart_names: ['by month'], created_timestamp: 1, updated_timestamp: 2, last_run_timestamp: 3, last_run_state: 'succeeded', owners: [user],
      frequent_users: [user], query_names: ['q'], queries: [{ name: 'q', url: 'https://q', query_text: 'select 1' }],
      tables: [{ ...table, description: 'Orders.' }], tags: [{ tag_type: 'default', tag_name: 'finance' }], badges: [], recent_view_count: 9,
    };
    expect(AmundsenDashboardDetailSchema.parse(full)).toEqual(full);
    expect(TableDashboardsSchema.parse({})).toEqual({ dashboards: [] });
  });

  it('read popular resources, with a type not asked for sent as {}', () => {
    expect(PopularResourcesSchema.parse({ Table: [{ ...table, description: null, schema_description: 'Sales.' }], Dashboard: {} })).toEqual({
      Table: [{ ...table, description: null, schema_description: 'Sales.' }], Dashboard: [],
    });
    expect(PopularResourcesSchema.parse({})).toEqual({ Table: [], Dashboard: [] });
    expect(PopularResourcesSchema.parse({ Dashboard: [dashboard] }).Dashboard).toEqual([{ ...dashboard, ...dashboardNulls }]);
  });

  it('read a person\'s lists, tag usages, badges and the last update', () => {
    expect(UserResourcesSchema.parse({ table: [table] })).toEqual({ table: [{ ...table, description: null }], dashboard: [] });
    expect(UserReadsSchema.parse({})).toEqual({ table: [] });
    expect(TagUsagesSchema.parse({ tag_usages: [{ tag_name: 'pii', tag_count: 3 }] })).toEqual({ tag_usages: [{ tag_name: 'pii', tag_count: 3 }] });
    expect(TagUsagesSchema.parse({})).toEqual({ tag_usages: [] });
    expect(BadgesSchema.parse({ badges: null })).toEqual({ badges: [] });
    expect(LatestUpdatedSchema.parse(null)).toBeNull();
    expect(LatestUpdatedSchema.parse({ neo4j_latest_timestamp: 7 })).toEqual({ neo4j_latest_timestamp: 7 });
  });

  it('read lineage leniently where Neo4j leaves fields out', () => {
    expect(AmundsenLineageSchema.parse({ key: ORDERS, direction: 'both', depth: 1, upstream_entities: [{ key: 'hive://gold.raw/orders', level: 1, badges: null }] })).toEqual({
      key: ORDERS, direction: 'both', depth: 1, downstream_entities: [], upstream_count: null, downstream_count: null,
      upstream_entities: [{ key: 'hive://gold.raw/orders', level: 1, source: null, badges: [], usage: null, parent: null, link: null, in_amundsen: null }],
    });
    const item = { key: 'k', level: 2, source: 'hive', badges: [], usage: 3, parent: 'p', link: 'l', in_amundsen: false };
    expect(AmundsenLineageSchema.parse({ key: ORDERS, direction: 'upstream', depth: 2, upstream_entities: [item], downstream_entities: [], upstream_count: 1, downstream_count: 0 }).upstream_entities).toEqual([item]);
  });

  it('keep the msg of a search document update, or none', () => {
    expect(UpdateDocumentResponseSchema.parse({ msg: 'Updated', extra: 1 })).toEqual({ msg: 'Updated', extra: 1 });
    expect(UpdateDocumentResponseSchema.parse({})).toEqual({});
    expect(UpdateDocumentResponseSchema.safeParse({ msg: 5 }).success).toBe(false);
  });
});

describe('search answers', () => {
  const tableHit = { key: ORDERS, schema: 'sales', table: 'orders', database: 'hive', cluster: 'gold' };

  it('fill a table hit\'s missing lists and keep a full one', () => {
    // Amundsen's hits have no date (decision 107: the embedded catalog's): null.
    expect(SearchTableHitSchema.parse(tableHit)).toEqual({ ...tableHit, description: null, badges: [], tag: [], column: [], search_score: null, highlight: {}, last_updated_timestamp: null });
    const full = { ...tableHit, description: 'Orders.', badges: ['gold'], tag: ['pii'], column: ['id'], search_score: 1.5, highlight: { name: ['<em>orders</em>'] }, last_updated_timestamp: 1_750_000_000 };
    expect(SearchTableHitSchema.parse(full)).toEqual(full);
  });

  it('unwrap a legacy index\'s {tag_name} lists in a dashboard hit, and fill what either proxy leaves out', () => {
    expect(SearchDashboardHitSchema.parse({ uri: dashboard.uri, name: 'revenue', tag: [{ tag_name: 'finance' }, 'pii'], chart_names: ['c'], badges: null })).toEqual({
      uri: dashboard.uri, name: 'revenue', tag: ['finance', 'pii'], chart_names: ['c'], query_names: [], badges: [], key: null, description: null, url: null,
      last_successful_run_timestamp: null, group_name: null, product: null, cluster: null, group_url: null, search_score: null, highlight: {},
    });
  });

  it('fill a person hit\'s missing values', () => {
    expect(SearchUserHitSchema.parse({ email: 'roald@example.org', highlight: { email: ['x'] } })).toEqual({
      email: 'roald@example.org', full_name: null, first_name: null, last_name: null, user_id: null, search_score: null, highlight: { email: ['x'] },
      // Amundsen's search service sends these for people; a service that does not reads as none.
      team_name: null, role_name: null, is_active: null,
    });
  });

  it('read the groups it knows and pass others through', () => {
    const parsed = SearchResponseSchema.parse({
      msg: 'Success', status_code: 200, did_you_mean: 'orders', page_index: 0, results_per_page: 10,
      results: { table: { total_results: 1, results: [tableHit] }, feature: { anything: true } },
    });
    expect(parsed.results.table!.results[0]!.tag).toEqual([]);
    expect(parsed.results).toMatchObject({ feature: { anything: true } });
    expect(parsed).toMatchObject({ msg: 'Success', status_code: 200, did_you_mean: 'orders', page_index: 0, results_per_page: 10 });
    expect(SearchResponseSchema.safeParse({ results: { table: { results: [] } } }).success).toBe(false);
    expect(SearchResponseSchema.safeParse({ results: { user: { total_results: 1, results: [{ highlight: 'x' }] } } }).success).toBe(false);
  });
});
