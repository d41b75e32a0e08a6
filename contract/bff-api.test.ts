// The SPA parses every answer of the BFF with these schemas, and a valibot object drops any field it does
// not name: a field missing from a schema would silently vanish from the page. Each answer below has
// every field filled, so parsing must give it back whole.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_ELEMENT_ID, BootstrapSchema } from './bootstrap';
import { toClientConfig, UiConfigFileSchema } from './ui-config';
import { normalizeUser } from './user';
import {
  AnnouncementsResponseSchema,
  ApiErrorBodySchema,
  AuthUserResponseSchema,
  BadgesResponseSchema,
  BookmarksResponseSchema,
  DashboardResponseSchema,
  DescriptionConflictBodySchema,
  DescriptionSavedResponseSchema,
  EditHistoryResponseSchema,
  LastIndexedResponseSchema,
  LineageResponseSchema,
  OwnedResponseSchema,
  PopularResourcesResponseSchema,
  ReadResponseSchema,
  RESOURCE_TYPES,
  ResourceTypeSchema,
  SearchRequestSchema,
  SearchResponseSchema,
  TableDashboardsResponseSchema,
  TableDetailResponseSchema,
  TagsResponseSchema,
  WriteResponseSchema,
} from './bff-api';

const roald = {
  ...normalizeUser({ user_id: 'roald', email: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen' })!,
  github_username: 'roald',
  team_name: 'Polar',
  slack_id: 'U123',
  employee_type: 'explorer',
  manager_fullname: 'Fridtjof Nansen',
  manager_email: 'fridtjof@example.org',
  manager_id: 'fridtjof',
  role_name: 'Lead',
  profile_url: 'https://example.org/roald',
  is_active: false,
  other_key_values: { office: 'Oslo' },
};
const tag = { tag_type: 'default', tag_name: 'finance' };
const badge = { badge_name: 'certified', category: 'table_status' };
const tableSummary = {
  type: 'table' as const,
  key: 'hive://gold.core/orders',
  cluster: 'gold',
  database: 'hive',
  schema: 'core',
  name: 'orders',
  description: 'Every order',
  schema_description: 'The core schema',
};
const dashboardSummary = {
  type: 'dashboard' as const,
  key: 'mode_dashboard://gold.sales/revenue',
  uri: 'mode_dashboard://gold.sales/revenue',
  cluster: 'gold',
  group_name: 'Sales',
  group_url: 'https://mode.example.com/sales',
  product: 'mode',
  name: 'Revenue',
  url: 'https://mode.example.com/sales/revenue',
  description: 'Revenue by day',
  last_successful_run_timestamp: 1_772_000_000,
  chart_names: ['By day'],
};
const lineageItem = {
  key: 'hive://gold.core/orders',
  level: 1,
  source: 'hive',
  badges: [badge],
  usage: 12,
  parent: 'hive://gold.core/customers',
  link: 'https://example.org/lineage',
  in_amundsen: true,
  database: 'hive',
  cluster: 'gold',
  schema: 'core',
  name: 'orders',
  column: 'order_id',
};

/** Parsing gives the answer back whole: no field dropped, none changed. */
function expectRoundTrip<S extends v.GenericSchema>(schema: S, answer: v.InferInput<S>) {
  const parsed = v.safeParse(schema, answer);
  expect(parsed.issues).toBeUndefined();
  expect(parsed.output).toEqual(answer);
}

describe('the answers the SPA reads', () => {
  it('keep every field of the signed-in user, of errors, tags, badges, the last update and announcements', () => {
    expectRoundTrip(AuthUserResponseSchema, { msg: 'Success', user: roald });
    expectRoundTrip(ApiErrorBodySchema, { error: { name: 'InputError', message: 'The query parameter "key" is required.', code: 'missing_parameter' } });
    expectRoundTrip(TagsResponseSchema, { msg: 'Success', tags: [{ tag_name: 'finance', tag_count: 3 }] });
    expectRoundTrip(BadgesResponseSchema, { msg: 'Success', badges: [badge] });
    expectRoundTrip(LastIndexedResponseSchema, { msg: 'Success', timestamp: 1_772_000_000 });
    expectRoundTrip(AnnouncementsResponseSchema, { msg: 'Success', posts: [{ date: '2026-03-01', title: 'Hello', html_content: '<p>Hi</p>' }] });
  });

  it('keep every field of a table page', () => {
    const typeMetadata = {
      kind: 'struct',
      name: 'address',
      key: 'hive://gold.core/orders/address/type/address',
      description: 'Where it goes',
      data_type: 'struct<city:string>',
      sort_order: 0,
      badges: [badge],
      children: [{ kind: 'scalar', name: 'city', key: 'hive://gold.core/orders/address/type/address/city', description: null, data_type: 'string', sort_order: 0, badges: [], children: [] }],
    };
    expectRoundTrip(TableDetailResponseSchema, {
      msg: 'Success',
      tableData: {
        key: 'hive://gold.core/orders',
        cluster: 'gold',
        database: 'hive',
        schema: 'core',
        schema_description: 'Conformed core entities',
        name: 'orders',
        description: 'Every order',
        is_view: true,
        is_editable: true,
        edit_rights: { descriptions: true, tags: false, owners: false, reason: 'Changing tags and owners of hive tables needs the editor role' },
        last_updated_timestamp: 1_772_000_000,
        tags: [tag],
        badges: [badge],
        columns: [
          {
            name: 'address',
            key: 'hive://gold.core/orders/address',
            description: 'Where it goes',
            col_type: 'struct<city:string>',
            sort_order: 3,
            stats: [{ stat_type: 'distinct_values', stat_val: '12', start_epoch: 1, end_epoch: 2, is_metric: true }],
            badges: [badge],
            type_metadata: typeMetadata,
          },
        ],
        owners: [roald],
        table_readers: [{ user: roald, read_count: 7 }],
        watermarks: [{ watermark_type: 'high_watermark', partition_key: 'ds', partition_value: '2026-03-01', create_time: '2026-03-01T00:00:00' }],
        table_writer: { application_url: 'https://airflow.example.org', description: 'Loads orders', id: 'load_orders', name: 'Airflow', kind: 'Producing' },
        table_apps: [{ application_url: null, description: null, id: 'spark', name: null, kind: null }],
        resource_reports: [{ name: 'Quality', url: 'https://example.org/report' }],
        source: { source_type: 'github', source: 'https://github.com/example/orders.sql' },
        programmatic_descriptions: [{ source: 'quality_service', text: 'All checks pass' }],
      },
    });
  });

  it('keep every field of lineage, in each direction', () => {
    for (const direction of ['upstream', 'downstream', 'both'] as const) {
      expectRoundTrip(LineageResponseSchema, {
        msg: 'Success',
        key: 'hive://gold.core/orders',
        direction,
        depth: 2,
        upstream_entities: [lineageItem],
        downstream_entities: [{ ...lineageItem, level: 2, column: null, in_amundsen: null }],
        upstream_count: 1,
        downstream_count: 1,
      });
    }
  });

  it('keep every field of a dashboard page and of a table\'s dashboards', () => {
    expectRoundTrip(DashboardResponseSchema, {
      msg: 'Success',
      dashboard: {
        ...dashboardSummary,
        created_timestamp: 1,
        updated_timestamp: 2,
        last_run_timestamp: 3,
        last_run_state: 'failed',
        owners: [roald],
        frequent_users: [roald],
        query_names: ['Daily revenue'],
        queries: [{ name: 'Daily revenue', url: 'https://mode.example.com/q/1', query_text: 'select 1' }],
        tables: [tableSummary],
        tags: [tag],
        badges: [badge],
        recent_view_count: 42,
        edit_rights: { descriptions: false, tags: true, owners: false, reason: null },
      },
    });
    expectRoundTrip(TableDashboardsResponseSchema, { msg: 'Success', dashboards: [dashboardSummary] });
  });

  it('keep every field of the write answers, a conflict and the edit history', () => {
    expectRoundTrip(WriteResponseSchema, { msg: 'Success' });
    expectRoundTrip(DescriptionSavedResponseSchema, { msg: 'Success', description: 'Every order, once' });
    expectRoundTrip(DescriptionConflictBodySchema, {
      error: { name: 'EditConflictError', message: 'Someone changed this description since you began', code: 'edit_conflict' },
      current: { description: 'Every order, twice', edited_by: 'nobile@example.org', edited_at: '2026-12-06T02:00:00.000Z' },
    });
    const entry = {
      id: '41', resource_type: 'column', resource_key: 'hive://gold.core/orders/id', parent_key: 'hive://gold.core/orders', subject: 'id',
      field: 'description', action: 'update', before: null, after: 'The order id', editor: { user_id: 'roald@example.org', display_name: 'Roald Amundsen' },
      edited_at: 1_772_000_000_000,
    } as const;
    const history: v.InferInput<typeof EditHistoryResponseSchema> = {
      msg: 'Success', available: true, next_before: '41',
      edits: [
        entry,
        { ...entry, id: '40', resource_type: 'table', resource_key: entry.parent_key, subject: null, field: 'tags', action: 'add', before: [], after: ['finance'] },
        {
          ...entry, id: '39', resource_type: 'dashboard', resource_key: 'mode_dashboard://gold.sales/revenue', parent_key: 'mode_dashboard://gold.sales/revenue',
          parent_name: 'Revenue', subject: null, field: 'owners', action: 'add', before: [], after: ['nobile@example.org', 'ghost'],
          people: [{ user_id: 'nobile@example.org', display_name: 'Umberto Nobile', is_active: false }, { user_id: 'wisting@example.org', display_name: null, is_active: true }],
        },
      ],
    };
    expectRoundTrip(EditHistoryResponseSchema, { ...history, total: 73 });
    expectRoundTrip(EditHistoryResponseSchema, { ...history, total: null });
    // A BFF older than the count sends none.
    expectRoundTrip(EditHistoryResponseSchema, history);
    for (const total of [-1, 1.5, '73']) expect(v.safeParse(EditHistoryResponseSchema, { ...history, total }).success, String(total)).toBe(false);
  });

  it('keep every field of the lists of tables and dashboards', () => {
    const lists = { table: [tableSummary], dashboard: [dashboardSummary] };
    expectRoundTrip(PopularResourcesResponseSchema, { msg: 'Success', results: lists });
    expectRoundTrip(BookmarksResponseSchema, { msg: 'Success', bookmarks: lists });
    expectRoundTrip(OwnedResponseSchema, { msg: 'Success', own: lists });
    expectRoundTrip(ReadResponseSchema, { msg: 'Success', read: [tableSummary] });
  });

  it('keep every field of search results, for each resource, and the corrected term', () => {
    expectRoundTrip(SearchResponseSchema, {
      search_term: 'ordrs',
      msg: 'Success',
      did_you_mean: 'orders',
      table: {
        page_index: 0,
        total_results: 1,
        results: [{
          type: 'table', key: 'hive://gold.core/orders', name: 'orders', cluster: 'gold', database: 'hive', schema: 'core',
          description: 'Every order', badges: [{ tag_name: 'certified' }], tags: ['finance'], search_score: 1.5,
          highlight: { name: ['<em>orders</em>'] },
        }],
      },
      dashboard: {
        page_index: 1,
        total_results: 11,
        results: [{
          type: 'dashboard', key: dashboardSummary.key, uri: dashboardSummary.uri, name: 'Revenue', cluster: 'gold', group_name: 'Sales',
          product: 'mode', url: dashboardSummary.url, description: 'Revenue by day', last_successful_run_timestamp: 1, chart_names: ['By day'],
          query_names: ['Daily revenue'], tags: ['finance'], badges: [{ tag_name: 'beta' }], search_score: null, highlight: {},
        }],
      },
      user: {
        page_index: 0,
        total_results: 1,
        results: [{
          type: 'user', user_id: 'roald', email: 'roald.amundsen@example.org', display_name: 'Roald Amundsen', full_name: 'Roald Amundsen',
          first_name: 'Roald', last_name: 'Amundsen', team_name: 'Polar', role_name: 'Leader', is_active: false, search_score: 2, highlight: { full_name: ['<em>Roald</em> Amundsen'] },
        }],
      },
    });
  });

  it('read a person found by a BFF older than the team, role and active fields as active, with no team or role', () => {
    const person = {
      type: 'user', user_id: 'roald', email: null, display_name: 'Roald Amundsen', full_name: null, first_name: null, last_name: null,
      search_score: null, highlight: {},
    } as const;
    const parsed = v.parse(SearchResponseSchema, { search_term: 'roald', msg: 'Success', user: { page_index: 0, total_results: 1, results: [person] } });
    expect(parsed.user?.results).toEqual([{ ...person, team_name: null, role_name: null, is_active: true }]);
  });

  it('keep the user and the UI config the page is served with, under an id the page can look up', () => {
    const config = toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Example SSO', indexUsers: true, indexDashboards: true, logoUrl: null });
    expectRoundTrip(BootstrapSchema, { user: roald, config });
    expect(BOOTSTRAP_ELEMENT_ID).toMatch(/^[a-z][a-z-]*$/);
  });

  it('refuse a result of one resource in the list of another', () => {
    const table = { type: 'table', key: 'k', name: 'n', cluster: 'c', database: 'd', schema: 's', description: null, badges: [], tags: [], search_score: null, highlight: {} };
    expect(v.safeParse(SearchResponseSchema, { search_term: '', msg: '', dashboard: { page_index: 0, total_results: 1, results: [table] } }).success).toBe(false);
    expect(v.safeParse(SearchResponseSchema, { search_term: '', msg: '', user: { page_index: 0, total_results: 1, results: [table] } }).success).toBe(false);
    expect(v.safeParse(ReadResponseSchema, { msg: '', read: [dashboardSummary] }).success).toBe(false);
  });
});

describe('the requests the SPA sends', () => {
  it('fill the search request\'s defaults: first page, 10 results, tables, no filters', () => {
    expect(v.parse(SearchRequestSchema, { searchTerm: 'orders' })).toEqual({
      searchTerm: 'orders', pageIndex: 0, resultsPerPage: 10, resources: ['table'], filters: {}, highlightingOptions: {},
    });
  });

  it('keep every field of a full search request, for every resource', () => {
    expectRoundTrip(SearchRequestSchema, {
      searchTerm: 'orders',
      pageIndex: 2,
      resultsPerPage: 25,
      resources: ['table', 'dashboard', 'user', 'feature'],
      filters: { table: { schema: { value: 'core,sales', filterOperation: 'OR' } }, dashboard: { product: { value: 'mode', filterOperation: 'AND' } } },
      highlightingOptions: { table: { enableHighlight: true } },
      searchType: 'search',
    });
  });

  it('name the three resource types the catalog serves', () => {
    expect(RESOURCE_TYPES).toEqual(['table', 'dashboard', 'user']);
    for (const type of RESOURCE_TYPES) expect(v.parse(ResourceTypeSchema, type)).toBe(type);
    expect(v.safeParse(ResourceTypeSchema, 'feature').success).toBe(false);
  });
});
