// Keeps the table search index (table_search + FTS5 + filter values) in step with the store.
// Everything is derived with set-based SQL from the normalized tables, so any write path (bulk
// ingest, a tag PUT, a new reader) calls the same two functions for the tables it touched.
import type { CatalogDatabase } from './open-catalog-database';

/** Quantisation of popularity inside doc_id: 0.001 steps, 31 bits. See migrations.ts. */
const RANK_SQL = `((2147483647 - min(CAST(round(t.popularity * 1000) AS INTEGER), 2147483647)) << 32) | t.id`;

export interface SearchIndexMaintainer {
  /** Recompute total_reads / reader_count / popularity of these tables from table_readers. */
  refreshPopularity(tableIds: readonly number[]): void;
  /** Rebuild the search documents of these tables (call after popularity). */
  refreshDocuments(tableIds: readonly number[]): void;
  /**
   * Recompute popularity of every table and rebuild the whole index in rank order (sequential
   * doc_ids make B-tree and FTS5 inserts appends: much faster than per-batch refreshes for bulk loads).
   */
  rebuildAll(): void;
  /** Rebuild the search documents of these dashboards (ids of `dashboards`). */
  refreshDashboards(dashboardIds: readonly number[]): void;
  /** Rebuild the search documents of these users (ids of `users`). */
  refreshUsers(userIds: readonly number[]): void;
}

export function createSearchIndexMaintainer(db: CatalogDatabase): SearchIndexMaintainer {
  const popularity = db.prepare(`
    UPDATE tables AS t SET total_reads = r.total, reader_count = r.readers,
      popularity = CASE WHEN r.total > 0 THEN r.readers * ln(1 + r.total) ELSE 0 END
    FROM (SELECT ids.value AS table_id, coalesce(sum(tr.read_count), 0) AS total, count(tr.user_id) AS readers
          FROM json_each(?) AS ids LEFT JOIN table_readers tr ON tr.table_id = ids.value
          GROUP BY ids.value) AS r
    WHERE t.id = r.table_id`);
  const deleteDocs = db.prepare('DELETE FROM table_search WHERE table_id IN (SELECT value FROM json_each(?))');
  const deleteValues = db.prepare('DELETE FROM table_search_values WHERE table_id IN (SELECT value FROM json_each(?))');
  const insertDocs = db.prepare(`
    INSERT INTO table_search (doc_id, table_id, key, database, cluster, schema_name, name, description,
      column_names, tag_names, badge_names, popularity, name_lc, key_lc, database_lc, cluster_lc, schema_lc)
    SELECT ${RANK_SQL}, t.id, t.key, s.database, s.cluster, s.name, t.name, t.description,
      (SELECT json_group_array(name) FROM (SELECT c.name FROM columns c WHERE c.table_id = t.id ORDER BY c.sort_order, c.name)),
      (SELECT json_group_array(name) FROM (SELECT g.name FROM table_tags tt JOIN tags g ON g.id = tt.tag_id
        WHERE tt.table_id = t.id AND g.tag_type = 'default' ORDER BY g.name)),
      (SELECT json_group_array(name) FROM (SELECT b.name FROM table_badges tb JOIN badges b ON b.id = tb.badge_id
        WHERE tb.table_id = t.id ORDER BY b.name)),
      t.popularity, lower(t.name), lower(t.key), lower(s.database), lower(s.cluster), lower(s.name)
    FROM json_each(?) AS ids JOIN tables t ON t.id = ids.value JOIN schemas s ON s.id = t.schema_id`);
  const allTableIds = db.prepare('SELECT id FROM tables ORDER BY popularity DESC, id').pluck();
  const popularityOfAll = db.prepare(`
    UPDATE tables AS t SET total_reads = r.total, reader_count = r.readers,
      popularity = CASE WHEN r.total > 0 THEN r.readers * ln(1 + r.total) ELSE 0 END
    FROM (SELECT table_id, sum(read_count) AS total, count(*) AS readers FROM table_readers GROUP BY table_id) AS r
    WHERE t.id = r.table_id`);
  const insertValues = db.prepare(`
    INSERT OR IGNORE INTO table_search_values (table_id, field, value)
    SELECT c.table_id, 'column', lower(c.name) FROM columns c WHERE c.table_id IN (SELECT value FROM json_each(@ids))
    UNION ALL
    SELECT tt.table_id, 'tag', lower(g.name) FROM table_tags tt JOIN tags g ON g.id = tt.tag_id
      WHERE tt.table_id IN (SELECT value FROM json_each(@ids)) AND g.tag_type = 'default'
    UNION ALL
    SELECT tb.table_id, 'badges', lower(b.name) FROM table_badges tb JOIN badges b ON b.id = tb.badge_id
      WHERE tb.table_id IN (SELECT value FROM json_each(@ids))`);

  const refreshDocuments = (tableIds: readonly number[]) => {
    if (!tableIds.length) return;
    const ids = JSON.stringify(tableIds);
    deleteDocs.run(ids);
    deleteValues.run(ids);
    insertDocs.run(ids);
    insertValues.run({ ids });
  };

  return {
    refreshPopularity(tableIds) {
      if (tableIds.length) popularity.run(JSON.stringify(tableIds));
    },
    refreshDocuments,
    // Dashboard and user search documents: filled in by the search work (issue 3).
    refreshDashboards() {},
    refreshUsers() {},
    rebuildAll: db.transaction(() => {
      db.exec(`UPDATE tables SET total_reads = 0, reader_count = 0, popularity = 0;
        DELETE FROM table_search; DELETE FROM table_search_values;
        INSERT INTO table_search_fts(table_search_fts) VALUES ('delete-all');`);
      popularityOfAll.run();
      const ids = allTableIds.all() as number[];
      for (let i = 0; i < ids.length; i += 5000) refreshDocuments(ids.slice(i, i + 5000));
    }),
  };
}
