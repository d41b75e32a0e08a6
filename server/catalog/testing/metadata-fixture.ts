// A small hand-made catalog for the metadata contract tests: tables whose keys need encoding
// (`'`, space, `%`), a complex column type, lineage in and out of the catalog, two dashboards and a
// handful of readers arranged so that personalised popularity differs from the global ranking.
import type { TestCatalogContent } from './open-test-catalog';
import { makeTable } from './open-test-catalog';

export const ORDERS = 'hive://gold.core/orders';
export const CUSTOMERS = 'hive://gold.core/customers';
export const RAW_ORDERS = 'hive://gold.staging/raw_orders';
export const REVENUE = 'hive://gold.mart/revenue';
export const REVENUE_DAILY = 'hive://gold.mart/revenue_daily';
export const S3_RAW = 's3://bucket.landing/raw';
export const QUOTED = "hive://gold.core/test's table";
export const PERCENT = 'hive://gold.core/100%_done';
export const REVENUE_DASHBOARD = 'mode_dashboard://gold.sales_group/revenue_dash';
export const OPS_DASHBOARD = 'tableau_dashboard://gold.ops/ops_dash';
export const PAYLOAD_TYPE = `${ORDERS}/payload/type/payload`;

export const ALICE = 'alice@example.org';

/** The raw path form the stock frontend sends: `/` and `:` kept, everything else escaped. */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}

export function buildMetadataFixture(): TestCatalogContent {
  return {
    users: [
      { user_id: ALICE, email: ALICE, first_name: 'Alice', last_name: 'Anders', team_name: 'Sales', manager_user_id: 'bob@example.org' },
      { user_id: 'bob@example.org', first_name: 'Bob', last_name: 'Berg' },
      { user_id: 'carol@example.org' },
      { user_id: 'dave@example.org' },
      { user_id: 'eve@example.org' },
      { user_id: 'frank@example.org' },
      { user_id: 'gone@example.org', is_active: false },
    ],
    tables: [
      makeTable(ORDERS, {
        description: 'All orders',
        columns: [
          { name: 'order_id', col_type: 'bigint', description: 'Order id', badges: [{ badge_name: 'PK', category: 'column' }],
            stats: [{ stat_type: 'distinct values', stat_val: '8', start_epoch: 1, end_epoch: 2, is_metric: false }] },
          { name: 'payload', col_type: 'struct<amount:decimal,items:array<string>>' },
          { name: 'customer_id', col_type: 'bigint' },
        ],
        tags: ['sales'],
        badges: [{ badge_name: 'certified', category: 'table_status' }],
        owners: [ALICE],
        readers: [{ user_id: ALICE, read_count: 10 }, { user_id: 'bob@example.org', read_count: 5 }, { user_id: 'carol@example.org', read_count: 3 }],
      }),
      makeTable(CUSTOMERS, {
        description: 'Customers',
        readers: [{ user_id: 'bob@example.org', read_count: 20 }, { user_id: 'dave@example.org', read_count: 7 }],
        tags: ['sales', 'pii'],
      }),
      makeTable(RAW_ORDERS, { readers: [{ user_id: 'eve@example.org', read_count: 100 }], badges: [{ badge_name: 'beta', category: 'table_status' }] }),
      makeTable(REVENUE, {
        columns: [{ name: 'order_count', col_type: 'bigint' }],
        readers: [{ user_id: 'eve@example.org', read_count: 4 }, { user_id: 'bob@example.org', read_count: 2 }, { user_id: 'frank@example.org', read_count: 1 }],
      }),
      makeTable(REVENUE_DAILY),
      makeTable(QUOTED, { description: 'quoted' }),
      makeTable(PERCENT),
    ],
    typeMetadata: [{
      table: ORDERS, column: 'payload',
      type: {
        kind: 'struct', name: 'payload', data_type: 'struct<amount:decimal,items:array<string>>',
        children: [
          { kind: 'scalar', name: 'amount', data_type: 'decimal', description: 'Order total', badges: [{ badge_name: 'money', category: 'column' }] },
          { kind: 'array', name: 'items', data_type: 'array<string>' },
        ],
      },
    }],
    lineage: {
      tables: [[S3_RAW, RAW_ORDERS], [RAW_ORDERS, ORDERS], [ORDERS, REVENUE], [REVENUE, REVENUE_DAILY], [CUSTOMERS, REVENUE]],
      columns: [[`${RAW_ORDERS}/id`, `${ORDERS}/order_id`], [`${ORDERS}/order_id`, `${REVENUE}/order_count`]],
    },
    dashboards: [
      {
        product: 'mode', cluster: 'gold', group_id: 'sales_group', group_name: 'Sales', group_url: 'https://mode.example/sales',
        dashboard_id: 'revenue_dash', name: 'Revenue', url: 'https://mode.example/sales/revenue', description: 'Revenue overview',
        created_timestamp: 1592333799, updated_timestamp: 1592351454, last_successful_run_timestamp: 1592351193,
        last_run_timestamp: 1593351193, last_run_state: 'failed',
        owners: [ALICE], tags: ['finance'], charts: ['Revenue by day', 'Top customers'],
        queries: [{ name: 'first query', url: 'https://mode.example/q/1', query_text: 'SELECT 1' }],
        tables: [ORDERS, REVENUE],
        viewers: [{ user_id: 'bob@example.org', view_count: 30 }, { user_id: 'carol@example.org', view_count: 5 }],
      },
      {
        product: 'tableau', cluster: 'gold', group_id: 'ops', group_name: 'Operations', dashboard_id: 'ops_dash', name: 'Ops',
        tables: [CUSTOMERS], viewers: [{ user_id: 'dave@example.org', view_count: 3 }],
      },
    ],
  };
}
