// The store's read path for dashboards: Amundsen's DashboardDetail and DashboardSummary shapes.
import type { CatalogDatabase } from './open-catalog-database';
import type { AmundsenBadge, AmundsenDashboardDetail, AmundsenDashboardSummary, AmundsenPopularTable, AmundsenTag } from '../../../contract/amundsen-shapes';
import { toAmundsenUser, USER_COLUMNS, type UserRow } from './read-tables';

export type { AmundsenDashboardDetail, AmundsenDashboardSummary };

/** How many top viewers `frequent_users` lists (Neo4j always answers []). */
export const FREQUENT_USER_LIMIT = 5;

export interface DashboardReader {
  getDashboardDetail(key: string): AmundsenDashboardDetail | undefined;
  /** Dashboards using the table, most viewed first; undefined when the table does not exist. */
  listTableDashboards(tableKey: string): AmundsenDashboardSummary[] | undefined;
  /** Summaries in the order of the given ids (unknown ids skipped). */
  summarizeDashboards(ids: readonly number[]): AmundsenDashboardSummary[];
}

/** Sum of the viewers' counts; dashboards loaded without viewers fall back to `total_views`. */
export const DASHBOARD_VIEWS_SQL =
  'coalesce((SELECT sum(v.view_count) FROM dashboard_viewers v WHERE v.dashboard_id = d.id), d.total_views)';

const SUMMARY_COLUMNS = `d.id, d.key AS uri, g.cluster, g.name AS group_name, g.url AS group_url, d.name, d.url,
  d.description, d.last_successful_run_timestamp,
  (SELECT json_group_array(name) FROM (SELECT c.name FROM dashboard_charts c WHERE c.dashboard_id = d.id ORDER BY c.sort_order)) AS chart_names`;

interface SummaryRow extends Omit<AmundsenDashboardSummary, 'chart_names' | 'product'> {
  id: number;
  chart_names: string;
}

function toSummary(row: SummaryRow): AmundsenDashboardSummary {
  return {
    uri: row.uri,
    cluster: row.cluster,
    group_name: row.group_name,
    group_url: row.group_url,
    // Amundsen derives the product from the key, not the group: `mode_dashboard://…` → `mode`.
    product: row.uri.split('_')[0],
    name: row.name,
    url: row.url,
    description: row.description,
    last_successful_run_timestamp: row.last_successful_run_timestamp,
    chart_names: JSON.parse(row.chart_names) as string[],
  };
}

export function createDashboardReader(db: CatalogDatabase): DashboardReader {
  const detail = db.prepare(`
    SELECT ${SUMMARY_COLUMNS}, d.created_timestamp, d.updated_timestamp, d.last_run_timestamp, d.last_run_state,
      ${DASHBOARD_VIEWS_SQL} AS recent_view_count
    FROM dashboards d JOIN dashboard_groups g ON g.id = d.group_id WHERE d.key = ?`);
  const ownersOf = db.prepare(`
    SELECT ${USER_COLUMNS} FROM dashboard_owners o JOIN users u ON u.id = o.user_id
    LEFT JOIN users m ON m.user_id = u.manager_user_id WHERE o.dashboard_id = ? ORDER BY u.user_id`);
  const viewersOf = db.prepare(`
    SELECT ${USER_COLUMNS} FROM dashboard_viewers v JOIN users u ON u.id = v.user_id
    LEFT JOIN users m ON m.user_id = u.manager_user_id WHERE v.dashboard_id = ?
    ORDER BY v.view_count DESC, u.user_id LIMIT ${FREQUENT_USER_LIMIT}`);
  const queriesOf = db.prepare('SELECT name, url, query_text FROM dashboard_queries WHERE dashboard_id = ? ORDER BY sort_order');
  const tablesOf = db.prepare(`
    SELECT s.database, s.cluster, s.name AS schema, t.name, t.description FROM dashboard_tables dt
    JOIN tables t ON t.id = dt.table_id JOIN schemas s ON s.id = t.schema_id WHERE dt.dashboard_id = ? ORDER BY t.key`);
  const tagsOf = db.prepare(`
    SELECT g.tag_type, g.name AS tag_name FROM dashboard_tags x JOIN tags g ON g.id = x.tag_id
    WHERE x.dashboard_id = ? AND g.tag_type = 'default' ORDER BY g.name`);
  const badgesOf = db.prepare(`
    SELECT b.name AS badge_name, b.category FROM dashboard_badges x JOIN badges b ON b.id = x.badge_id
    WHERE x.dashboard_id = ? ORDER BY b.name`);
  const tableId = db.prepare('SELECT id FROM tables WHERE key = ?').pluck();
  const dashboardsOfTable = db.prepare(`
    SELECT ${SUMMARY_COLUMNS} FROM dashboard_tables dt JOIN dashboards d ON d.id = dt.dashboard_id
    JOIN dashboard_groups g ON g.id = d.group_id WHERE dt.table_id = ?
    ORDER BY ${DASHBOARD_VIEWS_SQL} DESC, d.key`);
  const summariesByIds = db.prepare(`
    SELECT ${SUMMARY_COLUMNS} FROM json_each(?) ids JOIN dashboards d ON d.id = ids.value
    JOIN dashboard_groups g ON g.id = d.group_id ORDER BY ids.key`);

  return {
    getDashboardDetail(key) {
      const row = detail.get(key) as (SummaryRow & {
        created_timestamp: number | null; updated_timestamp: number | null; last_run_timestamp: number | null;
        last_run_state: string | null; recent_view_count: number;
      }) | undefined;
      if (!row) return undefined;
      const queries = queriesOf.all(row.id) as AmundsenDashboardDetail['queries'];
      const summary = toSummary(row);
      return {
        uri: summary.uri,
        cluster: summary.cluster,
        group_name: summary.group_name,
        group_url: summary.group_url,
        product: summary.product,
        name: summary.name,
        url: summary.url,
        description: summary.description,
        created_timestamp: row.created_timestamp,
        updated_timestamp: row.updated_timestamp,
        last_successful_run_timestamp: summary.last_successful_run_timestamp,
        last_run_timestamp: row.last_run_timestamp,
        last_run_state: row.last_run_state,
        owners: (ownersOf.all(row.id) as UserRow[]).map(toAmundsenUser),
        frequent_users: (viewersOf.all(row.id) as UserRow[]).map(toAmundsenUser),
        chart_names: summary.chart_names,
        query_names: queries.map((q) => q.name).filter((n): n is string => n !== null),
        queries,
        tables: tablesOf.all(row.id) as AmundsenPopularTable[],
        tags: tagsOf.all(row.id) as AmundsenTag[],
        badges: badgesOf.all(row.id) as AmundsenBadge[],
        recent_view_count: row.recent_view_count,
      };
    },
    listTableDashboards(tableKey) {
      const id = tableId.get(tableKey) as number | undefined;
      if (id === undefined) return undefined;
      return (dashboardsOfTable.all(id) as SummaryRow[]).map(toSummary);
    },
    summarizeDashboards(ids) {
      if (!ids.length) return [];
      return (summariesByIds.all(JSON.stringify(ids)) as SummaryRow[]).map(toSummary);
    },
  };
}
