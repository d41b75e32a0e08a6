// Writes the records that hang off tables — dashboards, lineage edges, complex column types — for
// fixtures and loaders. Upserts by key and replaces what is attached, one transaction per call.
import type { CatalogDatabase } from './open-catalog-database';
import {
  buildDashboardGroupKey, buildDashboardKey, type BadgeRecord, type DashboardRecord, type TypeMetadataRecord,
} from './catalog-records';
import { createImmediateRunner } from './run-immediate';
import { createUserRows } from './user-rows';
import { createSearchIndexMaintainer } from './search-index';

export interface RelatedRecordWriter {
  /** Returns dashboard ids. */
  writeDashboards(dashboards: readonly DashboardRecord[]): number[];
  /** Adds lineage edges `[upstream_key, downstream_key]`; either end may be outside the catalog. */
  writeLineage(edges: { tables?: readonly [string, string][]; columns?: readonly [string, string][] }): void;
  /** Replaces the type metadata of one column; false when the column does not exist. */
  writeTypeMetadata(tableKey: string, columnName: string, type: TypeMetadataRecord): boolean;
}

const DASHBOARD_CHILDREN = ['dashboard_tables', 'dashboard_owners', 'dashboard_tags', 'dashboard_badges',
  'dashboard_queries', 'dashboard_charts', 'dashboard_viewers'] as const;

export function createRelatedRecordWriter(db: CatalogDatabase): RelatedRecordWriter {
  const runImmediate = createImmediateRunner(db);
  const searchIndex = createSearchIndexMaintainer(db);
  const upsertGroup = db.prepare(`
    INSERT INTO dashboard_groups (key, product, cluster, name, url) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET name = excluded.name, url = excluded.url RETURNING id`).pluck();
  const upsertDashboard = db.prepare(`
    INSERT INTO dashboards (key, group_id, name, url, description, created_timestamp, updated_timestamp,
      last_successful_run_timestamp, last_run_timestamp, last_run_state, total_views)
    VALUES (@key, @group_id, @name, @url, @description, @created_timestamp, @updated_timestamp,
      @last_successful_run_timestamp, @last_run_timestamp, @last_run_state, @total_views)
    ON CONFLICT (key) DO UPDATE SET group_id = excluded.group_id, name = excluded.name, url = excluded.url,
      description = excluded.description, created_timestamp = excluded.created_timestamp,
      updated_timestamp = excluded.updated_timestamp, last_successful_run_timestamp = excluded.last_successful_run_timestamp,
      last_run_timestamp = excluded.last_run_timestamp, last_run_state = excluded.last_run_state,
      total_views = excluded.total_views
    RETURNING id`).pluck();
  const deleteChildren = DASHBOARD_CHILDREN.map((t) => db.prepare(`DELETE FROM ${t} WHERE dashboard_id = ?`));
  const tableId = db.prepare('SELECT id FROM tables WHERE key = ?').pluck();
  const insertTable = db.prepare('INSERT OR IGNORE INTO dashboard_tables (dashboard_id, table_id) VALUES (?, ?)');
  const insertOwner = db.prepare('INSERT OR IGNORE INTO dashboard_owners (dashboard_id, user_id) VALUES (?, ?)');
  const insertTag = db.prepare('INSERT OR IGNORE INTO dashboard_tags (dashboard_id, tag_id) VALUES (?, ?)');
  const insertBadge = db.prepare('INSERT OR IGNORE INTO dashboard_badges (dashboard_id, badge_id) VALUES (?, ?)');
  const insertQuery = db.prepare('INSERT INTO dashboard_queries (dashboard_id, sort_order, name, url, query_text) VALUES (?, ?, ?, ?, ?)');
  const insertChart = db.prepare('INSERT INTO dashboard_charts (dashboard_id, sort_order, name) VALUES (?, ?, ?)');
  const insertViewer = db.prepare('INSERT OR REPLACE INTO dashboard_viewers (dashboard_id, user_id, view_count) VALUES (?, ?, ?)');
  const userRows = createUserRows(db);
  const findTag = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
  const newTag = db.prepare("INSERT INTO tags (name, tag_type) VALUES (?, 'default') RETURNING id").pluck();
  const findBadge = db.prepare('SELECT id FROM badges WHERE name = ? AND category = ?').pluck();
  const newBadge = db.prepare('INSERT INTO badges (name, category) VALUES (?, ?) RETURNING id').pluck();
  const tableEdge = db.prepare('INSERT OR IGNORE INTO table_lineage (upstream_key, downstream_key) VALUES (?, ?)');
  const columnEdge = db.prepare('INSERT OR IGNORE INTO column_lineage (upstream_key, downstream_key) VALUES (?, ?)');
  const findColumn = db.prepare(`SELECT c.id, c.table_id FROM columns c JOIN tables t ON t.id = c.table_id
    WHERE t.key = ? AND c.name = ?`);
  const deleteTypeMetadata = db.prepare('DELETE FROM type_metadata WHERE column_id = ?');
  const insertTypeMetadata = db.prepare(`INSERT INTO type_metadata (column_id, parent_id, key, kind, name, description, data_type, sort_order)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`).pluck();
  const insertTypeBadge = db.prepare('INSERT OR IGNORE INTO type_metadata_badges (type_metadata_id, badge_id) VALUES (?, ?)');

  const userId = (id: string) => userRows.ensure(id).id;
  const tagId = (name: string) => (findTag.get(name) as number | undefined) ?? (newTag.get(name) as number);
  const badgeId = (b: BadgeRecord) =>
    (findBadge.get(b.badge_name, b.category) as number | undefined) ?? (newBadge.get(b.badge_name, b.category) as number);

  return {
    writeDashboards: (records) => runImmediate(() => {
      const ids = records.map((d) => {
        const groupId = upsertGroup.get(buildDashboardGroupKey(d), d.product, d.cluster, d.group_name ?? null, d.group_url ?? null) as number;
        const id = upsertDashboard.get({
          key: buildDashboardKey(d), group_id: groupId, name: d.name, url: d.url ?? null, description: d.description ?? null,
          created_timestamp: d.created_timestamp ?? null, updated_timestamp: d.updated_timestamp ?? null,
          last_successful_run_timestamp: d.last_successful_run_timestamp ?? null,
          last_run_timestamp: d.last_run_timestamp ?? null, last_run_state: d.last_run_state ?? null,
          total_views: d.total_views ?? 0,
        }) as number;
        for (const del of deleteChildren) del.run(id);
        for (const key of d.tables ?? []) {
          const t = tableId.get(key) as number | undefined;
          if (t !== undefined) insertTable.run(id, t);
        }
        for (const owner of d.owners ?? []) insertOwner.run(id, userId(owner));
        for (const tag of d.tags ?? []) insertTag.run(id, tagId(tag));
        for (const b of d.badges ?? []) insertBadge.run(id, badgeId(b));
        (d.queries ?? []).forEach((q, i) => insertQuery.run(id, i, q.name, q.url, q.query_text));
        (d.charts ?? []).forEach((name, i) => insertChart.run(id, i, name));
        for (const v of d.viewers ?? []) insertViewer.run(id, userId(v.user_id), v.view_count);
        return id;
      });
      searchIndex.refreshDashboards(ids);
      return ids;
    }),
    writeLineage: ({ tables = [], columns = [] }) => runImmediate(() => {
      for (const [up, down] of tables) tableEdge.run(up, down);
      for (const [up, down] of columns) columnEdge.run(up, down);
    }),
    writeTypeMetadata: (tableKey, columnName, type) => runImmediate(() => {
      const column = findColumn.get(tableKey, columnName) as { id: number; table_id: number } | undefined;
      if (!column) return false;
      deleteTypeMetadata.run(column.id);
      const insert = (node: TypeMetadataRecord, parentId: number | null, key: string, sortOrder: number) => {
        const id = insertTypeMetadata.get(column.id, parentId, key, node.kind, node.name, node.description ?? null,
          node.data_type, sortOrder) as number;
        for (const b of node.badges ?? []) insertTypeBadge.run(id, badgeId(b));
        (node.children ?? []).forEach((child, i) => insert(child, id, `${key}/${child.name}`, i));
      };
      insert(type, null, `${tableKey}/${columnName}/type/${type.name}`, 0);
      searchIndex.refreshDocuments([column.table_id]);
      return true;
    }),
  };
}
