import { describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../../contract/api-dashboard';
import type { TableSummary } from '../../../contract/api-table';
import type { ResourceLists } from '../../../contract/api-user-lists';
import { isBookmarked, withBookmark, withoutBookmark } from './bookmark-lists';

const table = (name: string): TableSummary => ({ type: 'table', key: `hive://gold.sales/${name}`, cluster: 'gold', database: 'hive', schema: 'sales', name, description: null, schema_description: null });
const dashboard = (name: string): DashboardSummary => ({
  type: 'dashboard', key: `mode_dashboard://prod.sales/${name}`, uri: `mode_dashboard://prod.sales/${name}`, cluster: 'prod', group_name: null, group_url: null,
  product: 'mode', name, url: null, description: null, last_successful_run_timestamp: null, chart_names: [],
});
const lists = (tables: string[], dashboards: string[] = []): ResourceLists => ({ table: tables.map(table), dashboard: dashboards.map(dashboard) });
const names = (l: ResourceLists) => [...l.table, ...l.dashboard].map((i) => i.name);

describe('bookmark lists', () => {
  it('tells whether a resource is bookmarked by its type and key', () => {
    const mine = lists(['orders'], ['revenue']);
    expect(isBookmarked(mine, { type: 'table', key: 'hive://gold.sales/orders' })).toBe(true);
    expect(isBookmarked(mine, { type: 'dashboard', key: 'hive://gold.sales/orders' })).toBe(false);
    expect(isBookmarked(mine, dashboard('revenue'))).toBe(true);
  });

  it('adds a bookmark first among its type, and only once', () => {
    expect(names(withBookmark(lists(['orders'], ['revenue']), table('payments')))).toEqual(['payments', 'orders', 'revenue']);
    expect(names(withBookmark(lists(['orders'], ['revenue']), dashboard('churn')))).toEqual(['orders', 'churn', 'revenue']);
    const mine = lists(['orders']);
    expect(withBookmark(mine, table('orders'))).toBe(mine);
  });

  it('takes a bookmark out, leaving the lists alone when it was not there', () => {
    expect(names(withoutBookmark(lists(['orders', 'payments']), table('orders')))).toEqual(['payments']);
    const mine = lists(['orders']);
    expect(withoutBookmark(mine, table('payments'))).toBe(mine);
  });
});
