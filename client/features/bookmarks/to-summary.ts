// A table or dashboard as the bookmark list holds it (the summary "My bookmarks" shows), from what a
// page or a search result has: put in the list at once when bookmarked, before the list is read again.
import type { DashboardDetail, DashboardSummary } from '../../../contract/api-dashboard';
import type { DashboardSearchResult, TableSearchResult } from '../../../contract/api-search';
import type { TableDetail, TableSummary } from '../../../contract/api-table';

export function tableSummaryOf(table: Pick<TableDetail | TableSearchResult, 'key' | 'cluster' | 'database' | 'schema' | 'name' | 'description'>): TableSummary {
  const { key, cluster, database, schema, name, description } = table;
  return { type: 'table', key, cluster, database, schema, name, description, schema_description: null };
}

export function dashboardSummaryOf(dashboard: DashboardDetail | DashboardSearchResult): DashboardSummary {
  return {
    type: 'dashboard',
    key: dashboard.key,
    uri: dashboard.uri,
    cluster: dashboard.cluster ?? '',
    group_name: dashboard.group_name,
    group_url: 'group_url' in dashboard ? dashboard.group_url : null,
    product: dashboard.product ?? '',
    name: dashboard.name,
    url: dashboard.url,
    description: dashboard.description,
    last_successful_run_timestamp: dashboard.last_successful_run_timestamp,
    chart_names: dashboard.chart_names,
  };
}
