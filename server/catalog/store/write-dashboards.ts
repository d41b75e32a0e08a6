// The one writer of dashboards and what hangs off them: test fixtures (write-related-records.ts),
// NDJSON ingest (ingest/write-ingest-records.ts) and the demo data (demo/seed-demo-catalog.ts) all
// write through it.
//
// One rule for everything attached to a dashboard — tables, owners, tags, badges, queries, charts,
// viewers — and for total_views: a list that is given replaces what is attached (`[]` empties it);
// a list left out keeps what is attached. The group's name, url and description follow the same
// rule (left out or null keeps the stored value; they are shared by the group's dashboards). The
// dashboard's own fields (name, url, description, timestamps, run state) are always replaced.
//
// References come in as row ids (tables, users, tags, badges): the caller decides what an unknown
// one means — fixtures skip unknown tables, ingest rejects the record, the demo knows its ids.
// The writer opens no transaction and refreshes no search document: each caller runs it inside its
// own transaction (ingest batches many records) and refreshes the dashboards it wrote.
import type { Statement } from 'better-sqlite3';
import type { CatalogDatabase } from './open-catalog-database';
import { buildDashboardGroupKey, buildDashboardKey, type DashboardRecord } from './catalog-records';

/** A dashboard as written: its fields and group, and the lists to replace (left out = kept). */
export interface DashboardWrite
  extends Omit<DashboardRecord, 'owners' | 'tags' | 'badges' | 'queries' | 'tables' | 'viewers'> {
  group_description?: string | null;
  /** `tables.id` of the tables the dashboard uses. */
  table_ids?: readonly number[];
  /** `users.id` of the owners. */
  owner_ids?: readonly number[];
  tag_ids?: readonly number[];
  badge_ids?: readonly number[];
  queries?: readonly { name?: string | null; url?: string | null; query_text?: string | null }[];
  viewers?: readonly { user_row_id: number; view_count: number }[];
}

export interface DashboardWriter {
  /** Upserts the group and the dashboard by key and replaces the lists given; returns the dashboard id. */
  writeDashboard(dashboard: DashboardWrite): number;
  /** The id of the dashboard with this key, if there is one. */
  findDashboard(key: string): number | undefined;
  /** Deletes a dashboard by key, its links and search document with it; false when there was none. */
  removeDashboard(key: string): boolean;
  /** Adds one owner (`users.id`); an owner already there stays once. */
  addOwner(dashboardId: number, userRowId: number): void;
  /** Adds one tag; a tag already there stays once. */
  addTag(dashboardId: number, tagId: number): void;
  /** Sets (does not add to) one viewer's view count; 0 removes the viewer. */
  setViewCount(dashboardId: number, userRowId: number, viewCount: number): void;
}

export function createDashboardWriter(db: CatalogDatabase): DashboardWriter {
  const upsertGroup = db.prepare(`
    INSERT INTO dashboard_groups (key, product, cluster, name, url, description) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET name = coalesce(excluded.name, name), url = coalesce(excluded.url, url),
      description = coalesce(excluded.description, description)
    RETURNING id`).pluck();
  const upsertDashboard = db.prepare(`
    INSERT INTO dashboards (key, group_id, name, url, description, created_timestamp, updated_timestamp,
      last_successful_run_timestamp, last_run_timestamp, last_run_state, total_views)
    VALUES (@key, @group_id, @name, @url, @description, @created_timestamp, @updated_timestamp,
      @last_successful_run_timestamp, @last_run_timestamp, @last_run_state, coalesce(@total_views, 0))
    ON CONFLICT (key) DO UPDATE SET group_id = excluded.group_id, name = excluded.name, url = excluded.url,
      description = excluded.description, created_timestamp = excluded.created_timestamp,
      updated_timestamp = excluded.updated_timestamp,
      last_successful_run_timestamp = excluded.last_successful_run_timestamp,
      last_run_timestamp = excluded.last_run_timestamp, last_run_state = excluded.last_run_state,
      total_views = coalesce(@total_views, total_views)
    RETURNING id`).pluck();
  const findDashboard = db.prepare('SELECT id FROM dashboards WHERE key = ?').pluck();
  const deleteDashboard = db.prepare('DELETE FROM dashboards WHERE key = ?');

  const clearList = (table: string) => db.prepare(`DELETE FROM ${table} WHERE dashboard_id = ?`);
  const clear = {
    tables: clearList('dashboard_tables'),
    owners: clearList('dashboard_owners'),
    tags: clearList('dashboard_tags'),
    badges: clearList('dashboard_badges'),
    queries: clearList('dashboard_queries'),
    charts: clearList('dashboard_charts'),
    viewers: clearList('dashboard_viewers'),
  };
  const insertTable = db.prepare('INSERT OR IGNORE INTO dashboard_tables (dashboard_id, table_id) VALUES (?, ?)');
  const insertOwner = db.prepare('INSERT OR IGNORE INTO dashboard_owners (dashboard_id, user_id) VALUES (?, ?)');
  const insertTag = db.prepare('INSERT OR IGNORE INTO dashboard_tags (dashboard_id, tag_id) VALUES (?, ?)');
  const insertBadge = db.prepare('INSERT OR IGNORE INTO dashboard_badges (dashboard_id, badge_id) VALUES (?, ?)');
  const insertQuery = db.prepare('INSERT INTO dashboard_queries (dashboard_id, sort_order, name, url, query_text) VALUES (?, ?, ?, ?, ?)');
  const insertChart = db.prepare('INSERT INTO dashboard_charts (dashboard_id, sort_order, name) VALUES (?, ?, ?)');
  const setViewer = db.prepare(`
    INSERT INTO dashboard_viewers (dashboard_id, user_id, view_count) VALUES (?, ?, ?)
    ON CONFLICT (dashboard_id, user_id) DO UPDATE SET view_count = excluded.view_count`);
  const deleteViewer = db.prepare('DELETE FROM dashboard_viewers WHERE dashboard_id = ? AND user_id = ?');

  /** Replaces one list when it is given; a list left out is kept. */
  function replaceList<T>(clearStatement: Statement, id: number, list: readonly T[] | undefined, insert: (item: T, i: number) => void) {
    if (list === undefined) return;
    clearStatement.run(id);
    list.forEach(insert);
  }

  return {
    writeDashboard(d) {
      const groupId = upsertGroup.get(buildDashboardGroupKey(d), d.product, d.cluster, d.group_name ?? null,
        d.group_url ?? null, d.group_description ?? null) as number;
      const id = upsertDashboard.get({
        key: buildDashboardKey(d), group_id: groupId, name: d.name, url: d.url ?? null, description: d.description ?? null,
        created_timestamp: d.created_timestamp ?? null, updated_timestamp: d.updated_timestamp ?? null,
        last_successful_run_timestamp: d.last_successful_run_timestamp ?? null,
        last_run_timestamp: d.last_run_timestamp ?? null, last_run_state: d.last_run_state ?? null,
        total_views: d.total_views ?? null,
      }) as number;
      replaceList(clear.tables, id, d.table_ids, (tableId) => insertTable.run(id, tableId));
      replaceList(clear.owners, id, d.owner_ids, (userRowId) => insertOwner.run(id, userRowId));
      replaceList(clear.tags, id, d.tag_ids, (tagId) => insertTag.run(id, tagId));
      replaceList(clear.badges, id, d.badge_ids, (badgeId) => insertBadge.run(id, badgeId));
      replaceList(clear.queries, id, d.queries, (q, i) => insertQuery.run(id, i, q.name ?? null, q.url ?? null, q.query_text ?? null));
      replaceList(clear.charts, id, d.charts, (name, i) => insertChart.run(id, i, name));
      replaceList(clear.viewers, id, d.viewers, (v) => setViewer.run(id, v.user_row_id, v.view_count));
      return id;
    },
    findDashboard: (key) => findDashboard.get(key) as number | undefined,
    removeDashboard: (key) => deleteDashboard.run(key).changes > 0,
    addOwner: (dashboardId, userRowId) => void insertOwner.run(dashboardId, userRowId),
    addTag: (dashboardId, tagId) => void insertTag.run(dashboardId, tagId),
    setViewCount(dashboardId, userRowId, viewCount) {
      if (viewCount === 0) deleteViewer.run(dashboardId, userRowId);
      else setViewer.run(dashboardId, userRowId, viewCount);
    },
  };
}
