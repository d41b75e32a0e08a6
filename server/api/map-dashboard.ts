// Amundsen dashboards → the shapes the SPA reads (contract/api-dashboard.ts), the way the Amundsen
// frontend marshals them (`marshall_dashboard_partial` / `_full`): `type` and `key` (= the uri) added,
// owners normalised, the dashboard's tables turned into table summaries.
import type { DashboardDetail, DashboardSummary, EditRights } from '../../contract/bff-api';
import type { AmundsenDashboardDetail, AmundsenDashboardSummary } from '../upstream/amundsen-schemas';
import { toTableSummary, toUsers } from './map-table';

/** Amundsen's metadata service derives the product from the key: `mode_dashboard://…` → `mode` (API.md §1). */
export function deriveDashboardProduct(uri: string): string {
  return uri.split('_')[0]!;
}

export function toDashboardSummary(dashboard: AmundsenDashboardSummary): DashboardSummary {
  return {
    type: 'dashboard',
    key: dashboard.uri,
    uri: dashboard.uri,
    cluster: dashboard.cluster,
    group_name: dashboard.group_name,
    group_url: dashboard.group_url,
    product: dashboard.product ?? deriveDashboardProduct(dashboard.uri),
    name: dashboard.name,
    url: dashboard.url,
    description: dashboard.description,
    last_successful_run_timestamp: dashboard.last_successful_run_timestamp,
    chart_names: dashboard.chart_names,
  };
}

/** `rights`: what the signed-in person may change on this dashboard (server/api/edit-rights.ts). */
export function toDashboardDetail(dashboard: AmundsenDashboardDetail, rights: EditRights): DashboardDetail {
  return {
    ...toDashboardSummary(dashboard),
    created_timestamp: dashboard.created_timestamp,
    updated_timestamp: dashboard.updated_timestamp,
    last_run_timestamp: dashboard.last_run_timestamp,
    last_run_state: dashboard.last_run_state,
    owners: toUsers(dashboard.owners),
    frequent_users: toUsers(dashboard.frequent_users),
    query_names: dashboard.query_names,
    queries: dashboard.queries,
    tables: dashboard.tables.map(toTableSummary),
    tags: dashboard.tags,
    badges: dashboard.badges,
    recent_view_count: dashboard.recent_view_count,
    edit_rights: rights,
  };
}
