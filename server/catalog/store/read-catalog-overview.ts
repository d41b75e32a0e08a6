// Catalog-wide reads: tag usage, badges, statistics, the last-ingest timestamp and the popular
// lists (personalised by co-readers when a user id is given).
import type { CatalogDatabase } from './open-catalog-database';
import type { AmundsenBadge, AmundsenTableSummary } from '../../../contract/amundsen-shapes';
import { createDashboardReader, type AmundsenDashboardSummary } from './read-dashboards';

/** `catalog_settings` row holding the epoch seconds of the last completed ingest. */
export const LATEST_UPDATED_SETTING = 'latest_updated_ts';

export interface CatalogStatistics {
  number_of_tables: number;
  number_of_documented_tables: number;
  number_of_documented_cols: number;
  number_of_owners: number;
  number_of_tables_with_owners: number;
  number_of_documented_and_owned_tables: number;
}

export interface CatalogOverview {
  listTagUsage(): { tag_name: string; tag_count: number }[];
  listBadges(): AmundsenBadge[];
  getStatistics(): CatalogStatistics;
  /** Epoch seconds, or undefined when no ingest has recorded one. */
  getLatestUpdatedTimestamp(): number | undefined;
  /** For ingest: record that the catalog was (re)loaded at this time. */
  setLatestUpdatedTimestamp(epochSeconds: number): void;
  /**
   * Popular tables. With a user id: first the tables most read by the user's co-readers (people who
   * read a table the user read), then the global ranking fills the rest.
   */
  listPopularTables(limit: number, userId?: string): AmundsenTableSummary[];
  /** Popular dashboards by viewers × ln(1 + views); personalised by the same co-readers. */
  listPopularDashboards(limit: number, userId?: string): AmundsenDashboardSummary[];
}

const TABLE_SUMMARY_COLUMNS = `s.database, s.cluster, s.name AS schema, t.name, t.description,
  s.description AS schema_description`;
const CO_READERS = `
  me AS (SELECT id FROM users WHERE user_id = @uid),
  co AS (SELECT DISTINCT r.user_id FROM table_readers r
         WHERE r.table_id IN (SELECT table_id FROM table_readers WHERE user_id = (SELECT id FROM me))
           AND r.user_id <> (SELECT id FROM me))`;

export function createCatalogOverview(db: CatalogDatabase): CatalogOverview {
  const dashboards = createDashboardReader(db);
  const tagUsage = db.prepare(`
    SELECT tag_name, tag_count FROM (
      SELECT g.name AS tag_name,
        (SELECT count(*) FROM table_tags x WHERE x.tag_id = g.id) + (SELECT count(*) FROM dashboard_tags x WHERE x.tag_id = g.id) AS tag_count
      FROM tags g WHERE g.tag_type = 'default')
    WHERE tag_count > 0 ORDER BY tag_name`);
  const badges = db.prepare('SELECT name AS badge_name, category FROM badges ORDER BY name, category');
  const statistics = db.prepare(`SELECT
      (SELECT count(*) FROM tables) AS number_of_tables,
      (SELECT count(*) FROM tables WHERE coalesce(description, '') <> '') AS number_of_documented_tables,
      (SELECT count(*) FROM columns WHERE coalesce(description, '') <> '') AS number_of_documented_cols,
      (SELECT count(DISTINCT user_id) FROM table_owners) AS number_of_owners,
      (SELECT count(DISTINCT table_id) FROM table_owners) AS number_of_tables_with_owners,
      (SELECT count(*) FROM tables t WHERE coalesce(t.description, '') <> ''
        AND EXISTS (SELECT 1 FROM table_owners o WHERE o.table_id = t.id)) AS number_of_documented_and_owned_tables`);
  const readSetting = db.prepare('SELECT value FROM catalog_settings WHERE name = ?').pluck();
  const writeSetting = db.prepare('INSERT INTO catalog_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');

  const globalTables = db.prepare(`
    SELECT t.key, ${TABLE_SUMMARY_COLUMNS} FROM tables t JOIN schemas s ON s.id = t.schema_id
    ORDER BY t.popularity DESC, t.key LIMIT ?`);
  const personalTables = db.prepare(`
    WITH ${CO_READERS},
    scored AS (SELECT r.table_id, count(*) AS readers, sum(r.read_count) AS reads FROM table_readers r
               WHERE r.user_id IN (SELECT user_id FROM co) GROUP BY r.table_id)
    SELECT t.key, ${TABLE_SUMMARY_COLUMNS} FROM scored JOIN tables t ON t.id = scored.table_id
    JOIN schemas s ON s.id = t.schema_id
    ORDER BY scored.readers * ln(1 + scored.reads) DESC, t.key LIMIT @limit`);
  const globalDashboards = db.prepare(`
    SELECT d.id FROM dashboards d
    LEFT JOIN (SELECT dashboard_id, count(*) AS viewers, sum(view_count) AS views FROM dashboard_viewers GROUP BY dashboard_id) v
      ON v.dashboard_id = d.id
    ORDER BY coalesce(v.viewers * ln(1 + v.views), 0) DESC, d.total_views DESC, d.key LIMIT ?`).pluck();
  const personalDashboards = db.prepare(`
    WITH ${CO_READERS},
    scored AS (SELECT v.dashboard_id, count(*) AS viewers, sum(v.view_count) AS views FROM dashboard_viewers v
               WHERE v.user_id IN (SELECT user_id FROM co) GROUP BY v.dashboard_id)
    SELECT d.id FROM scored JOIN dashboards d ON d.id = scored.dashboard_id
    ORDER BY scored.viewers * ln(1 + scored.views) DESC, d.key LIMIT @limit`).pluck();

  /** Personal picks first, then the global ranking, without duplicates. */
  function merge<T>(personal: T[], global: (n: number) => T[], limit: number, id: (item: T) => unknown): T[] {
    if (personal.length >= limit) return personal.slice(0, limit);
    const seen = new Set(personal.map(id));
    const rest = global(limit + personal.length).filter((item) => !seen.has(id(item)));
    return [...personal, ...rest].slice(0, limit);
  }

  return {
    listTagUsage: () => tagUsage.all() as { tag_name: string; tag_count: number }[],
    listBadges: () => badges.all() as AmundsenBadge[],
    getStatistics: () => statistics.get() as CatalogStatistics,
    getLatestUpdatedTimestamp() {
      const value = readSetting.get(LATEST_UPDATED_SETTING) as string | undefined;
      const n = value === undefined ? NaN : Number(value);
      return Number.isFinite(n) ? Math.trunc(n) : undefined;
    },
    setLatestUpdatedTimestamp(epochSeconds) {
      writeSetting.run(LATEST_UPDATED_SETTING, String(Math.trunc(epochSeconds)));
    },
    listPopularTables(limit, userId) {
      type Row = AmundsenTableSummary & { key: string };
      const personal = userId ? (personalTables.all({ uid: userId, limit }) as Row[]) : [];
      return merge(personal, (n) => globalTables.all(n) as Row[], limit, (t) => t.key)
        .map(({ database, cluster, schema, name, description, schema_description }) =>
          ({ database, cluster, schema, name, description, schema_description }));
    },
    listPopularDashboards(limit, userId) {
      const personal = userId ? (personalDashboards.all({ uid: userId, limit }) as number[]) : [];
      return dashboards.summarizeDashboards(merge(personal, (n) => globalDashboards.all(n) as number[], limit, (d) => d));
    },
  };
}
