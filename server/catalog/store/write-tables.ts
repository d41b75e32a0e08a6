// The store's bulk write path: upsert users and whole tables (with everything attached) in one
// transaction per call, with prepared statements. Popularity and the tables' search documents are
// computed in JS from the records themselves (a table write replaces its readers, so the record
// says everything), which spares reading back what was just written. Child rows (columns, badges,
// readers, …) are buffered across the tables of a call and written with multi-row INSERTs. Callers
// batch (e.g. 2 000 tables per call; bulk loads 25 000).
import type { CatalogDatabase } from './open-catalog-database';
import { deriveFullName } from '../../../contract/user';
import { buildSchemaKey, buildTableKey, type BadgeRecord, type TableRecord, type UserRecord } from './catalog-records';
import { computePopularity, createSearchIndexMaintainer, type TableDocumentSource } from './search-index';
import { createTagBadgeRows } from './tag-badge-rows';
import { createUserRows } from './user-rows';
import { createTypeMetadataRows } from './type-metadata-rows';

export interface TableWriter {
  writeUsers(users: readonly UserRecord[]): void;
  /**
   * Upserts each table by key; its columns, tags, badges, owners, readers, … are replaced, and its
   * popularity and search document are rewritten. Returns table ids. With `deferSearchIndex` (bulk
   * loads), the search documents of users created on the way and the final merge of the full-text
   * index wait for `rebuildSearchIndex()`.
   */
  writeTables(tables: readonly TableRecord[], options?: WriteTablesOptions): number[];
  /**
   * Finishes a bulk load: table documents are already current, so this rebuilds the (few) dashboard
   * and user documents and merges the FTS segments. A from-scratch rebuild of everything is
   * `createSearchIndexMaintainer(db).rebuildAll()`.
   */
  rebuildSearchIndex(): void;
  /**
   * Deletes a table by key; its columns, links and search document go with it (cascades and
   * triggers). False when there was no such table.
   */
  removeTable(key: string): boolean;
}

export interface WriteTablesOptions {
  deferSearchIndex?: boolean;
  /**
   * The caller guarantees that no table of this call exists yet (a load into an empty catalog):
   * the per-table key lookup is skipped. A key that does exist fails the call (UNIQUE constraint).
   */
  newTables?: boolean;
  /**
   * Write no search documents: the caller refreshes the documents of these tables itself once it is
   * done (NDJSON ingest: `refreshDocuments` after the load). Until then a new table is not
   * searchable and a rewritten one is found by its old document.
   */
  withoutSearchDocuments?: boolean;
}

/** Rows per multi-row INSERT of child rows (×6 parameters at most: well under SQLite's limit). */
const ROWS_PER_INSERT = 128;

const CHILD_TABLES = [
  'columns',
  'table_tags',
  'table_badges',
  'table_owners',
  'table_readers',
  'watermarks',
  'programmatic_descriptions',
  'table_applications',
  'resource_reports',
] as const;

export function createTableWriter(db: CatalogDatabase): TableWriter {
  const searchIndex = createSearchIndexMaintainer(db);

  const userRows = createUserRows(db);
  const newUserIds: number[] = [];

  const upsertSchema = db.prepare(`
    INSERT INTO schemas (key, database, cluster, name, description) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET description = coalesce(excluded.description, schemas.description)
    RETURNING id`).pluck();
  const findTable = db.prepare('SELECT id FROM tables WHERE key = ?').pluck();
  const insertTable = db.prepare(`
    INSERT INTO tables (key, schema_id, name, description, description_source, is_view, last_updated_timestamp, source_type,
      source_url, total_reads, reader_count, popularity)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const updateTable = db.prepare(`
    UPDATE tables SET schema_id = @schema_id, name = @name, description = @description,
      description_source = @description_source, is_view = @is_view, last_updated_timestamp = @last_updated_timestamp,
      source_type = @source_type, source_url = @source_url, total_reads = @total_reads, reader_count = @reader_count,
      popularity = @popularity
    WHERE id = @id`);
  const deleteChildren = CHILD_TABLES.map((name) => db.prepare(`DELETE FROM ${name} WHERE table_id = ?`));

  const tagBadgeRows = createTagBadgeRows(db);
  // Multi-row INSERTs, one statement per row count (cached): one call per table instead of one per row.
  const multiRow = (head: string, width: number) => {
    const cache = new Map<number, ReturnType<CatalogDatabase['prepare']>>();
    const placeholders = `(${Array(width).fill('?').join(', ')})`;
    return (rows: number) => {
      let statement = cache.get(rows);
      if (!statement) {
        statement = db.prepare(`${head} VALUES ${Array(rows).fill(placeholders).join(', ')}`);
        if (rows <= 256) cache.set(rows, statement);
      }
      return statement;
    };
  };
  const insertColumns = multiRow('INSERT INTO columns (table_id, name, description, col_type, sort_order)', 5);
  // Child rows are buffered across the tables of a call and written with multi-row INSERTs (the
  // same conflict clauses, applied row by row in order). Buffers are flushed before any table is
  // replaced and at the end of the call, columns first (stats, badges and nested types need their ids).
  const rowBuffer = (head: string, width: number) => {
    const statement = multiRow(head, width);
    let params: unknown[] = [];
    let rows = 0;
    const flush = () => {
      if (!rows) return;
      statement(rows).run(params);
      params = [];
      rows = 0;
    };
    return {
      add(...values: unknown[]) {
        for (const v of values) params.push(v);
        if (++rows === ROWS_PER_INSERT) flush();
      },
      flush,
      clear() {
        params = [];
        rows = 0;
      },
    };
  };
  const stats = rowBuffer('INSERT OR REPLACE INTO column_stats (column_id, stat_type, stat_val, start_epoch, end_epoch, is_metric)', 6);
  const columnBadges = rowBuffer('INSERT OR IGNORE INTO column_badges (column_id, badge_id)', 2);
  const tableTags = rowBuffer('INSERT OR IGNORE INTO table_tags (table_id, tag_id)', 2);
  const tableBadges = rowBuffer('INSERT OR IGNORE INTO table_badges (table_id, badge_id)', 2);
  const owners = rowBuffer('INSERT OR IGNORE INTO table_owners (table_id, user_id)', 2);
  const readers = rowBuffer('INSERT INTO table_readers (table_id, user_id, read_count)', 3);
  const watermarks = rowBuffer('INSERT OR REPLACE INTO watermarks (table_id, watermark_type, partition_key, partition_value, create_time)', 5);
  const programmatic = rowBuffer('INSERT OR REPLACE INTO programmatic_descriptions (table_id, source, text)', 3);
  const tableApplications = rowBuffer('INSERT OR REPLACE INTO table_applications (table_id, application_id, kind)', 3);
  const reports = rowBuffer('INSERT OR REPLACE INTO resource_reports (table_id, name, url)', 3);
  const childBuffers = [stats, columnBadges, tableTags, tableBadges, owners, readers, watermarks, programmatic, tableApplications, reports];

  // Columns waiting to be inserted (5 parameters each), and those of them with stats or badges.
  let columnParams: unknown[] = [];
  let columnCount = 0;
  let columnsWithChildren: { index: number; column: TableRecord['columns'][number]; tableKey: string }[] = [];
  function flushColumns(): void {
    if (!columnCount) return;
    // Multi-row INSERTs (≤ ROWS_PER_INSERT rows each): rowids of a VALUES list are assigned in
    // order, so the ids of a chunk are its last n rowids.
    const columnIds: number[] = new Array(columnCount);
    for (let from = 0; from < columnCount; from += ROWS_PER_INSERT) {
      const n = Math.min(ROWS_PER_INSERT, columnCount - from);
      const last = Number(insertColumns(n).run(columnParams.slice(from * 5, (from + n) * 5)).lastInsertRowid);
      for (let i = 0; i < n; i++) columnIds[from + i] = last - n + 1 + i;
    }
    for (const { index, column, tableKey } of columnsWithChildren) {
      const columnId = columnIds[index];
      if (column.type_metadata) typeMetadataRows.insert(columnId, `${tableKey}/${column.name}`, column.type_metadata);
      for (const st of column.stats ?? []) {
        stats.add(columnId, st.stat_type, st.stat_val, st.start_epoch ?? null, st.end_epoch ?? null,
          st.is_metric == null ? null : st.is_metric ? 1 : 0);
      }
      for (const b of column.badges ?? []) columnBadges.add(columnId, resolveBadge(b));
    }
    columnParams = [];
    columnCount = 0;
    columnsWithChildren = [];
    typeMetadataRows.flush();
  }
  function flushRows(): void {
    flushColumns();
    for (const buffer of childBuffers) buffer.flush();
  }
  function dropBufferedRows(): void {
    columnParams = [];
    columnCount = 0;
    columnsWithChildren = [];
    typeMetadataRows.clear();
    for (const buffer of childBuffers) buffer.clear();
  }
  const typeMetadataRows = createTypeMetadataRows(db, (b) => resolveBadge(b));
  const upsertApplication = db.prepare(`
    INSERT INTO applications (app_key, name, description, application_url) VALUES (?, ?, ?, ?)
    ON CONFLICT (app_key) DO UPDATE SET name = excluded.name, description = excluded.description,
      application_url = excluded.application_url
    RETURNING id`).pluck();

  // Small caches: tags, badges and users repeat across thousands of tables.
  const tagIds = new Map<string, number>();
  const badgeIds = new Map<string, number>();
  const userIds = new Map<string, number>();
  const schemaIds = new Map<string, number>();
  /** Schema description last written by this writer, per schema key (see resolveSchema). */
  const schemaDescriptions = new Map<string, string>();

  function resolveTag(name: string): number {
    let id = tagIds.get(name);
    if (id === undefined) {
      id = tagBadgeRows.ensureTag(name);
      tagIds.set(name, id);
    }
    return id;
  }
  function resolveBadge(badge: BadgeRecord): number {
    const cacheKey = `${badge.category}\u0000${badge.badge_name}`;
    let id = badgeIds.get(cacheKey);
    if (id === undefined) {
      id = tagBadgeRows.ensureBadge(badge);
      badgeIds.set(cacheKey, id);
    }
    return id;
  }
  function resolveUser(userId: string): number {
    let id = userIds.get(userId);
    if (id === undefined) {
      const ensured = userRows.ensure(userId);
      id = ensured.id;
      if (ensured.created) newUserIds.push(id);
      userIds.set(userId, id);
    }
    return id;
  }
  function resolveSchema(t: TableRecord, newTables: boolean): number {
    const key = buildSchemaKey(t);
    let id = schemaIds.get(key);
    const description = t.schema_description;
    // In a load of new tables (nothing else writes meanwhile), a description this writer already
    // wrote needs no second upsert; otherwise a given description is always written.
    const written = newTables && description != null && schemaDescriptions.get(key) === description;
    if (id === undefined || (description != null && !written)) {
      id = upsertSchema.get(key, t.database, t.cluster, t.schema, description ?? null) as number;
      schemaIds.set(key, id);
      if (description != null) schemaDescriptions.set(key, description);
    }
    return id;
  }

  function writeOneTable(t: TableRecord, docs: TableDocumentSource[], replaced: number[], newTable: boolean): number {
    const key = buildTableKey(t);
    // Readers as the store will hold them: repeated user ids are summed (see insertReader).
    const reads = new Map<string, number>();
    for (const r of t.readers ?? []) reads.set(r.user_id, (reads.get(r.user_id) ?? 0) + r.read_count);
    let totalReads = 0;
    for (const n of reads.values()) totalReads += n;
    const popularity = computePopularity(reads.size, totalReads);
    const description = t.description ?? null;
    const row = [
      resolveSchema(t, newTable),
      t.name,
      description,
      t.description_source ?? null,
      t.is_view ? 1 : 0,
      t.last_updated_timestamp ?? null,
      t.source?.source_type ?? null,
      t.source?.source ?? null,
      totalReads,
      reads.size,
      popularity,
    ];
    const existingId = newTable ? undefined : (findTable.get(key) as number | undefined);
    let tableId: number;
    if (existingId === undefined) {
      tableId = Number(insertTable.run(key, ...row).lastInsertRowid);
    } else {
      tableId = existingId;
      // Rows still buffered may belong to this table (a key repeated in one call): write them first.
      flushRows();
      updateTable.run({
        id: tableId, schema_id: row[0], name: row[1], description: row[2], description_source: row[3], is_view: row[4],
        last_updated_timestamp: row[5], source_type: row[6], source_url: row[7], total_reads: row[8], reader_count: row[9],
        popularity: row[10],
      });
      for (const del of deleteChildren) del.run(tableId);
      replaced.push(tableId);
    }

    t.columns.forEach((c, i) => {
      columnParams.push(tableId, c.name, c.description ?? null, c.col_type, c.sort_order ?? i);
      if (c.stats?.length || c.badges?.length || c.type_metadata) columnsWithChildren.push({ index: columnCount, column: c, tableKey: key });
      columnCount++;
    });
    if (columnCount >= 4 * ROWS_PER_INSERT) flushColumns();
    for (const tag of t.tags ?? []) tableTags.add(tableId, resolveTag(tag));
    for (const b of t.badges ?? []) tableBadges.add(tableId, resolveBadge(b));
    for (const owner of t.owners ?? []) owners.add(tableId, resolveUser(owner));
    for (const [userId, count] of reads) readers.add(tableId, resolveUser(userId), count);
    for (const w of t.watermarks ?? []) {
      watermarks.add(tableId, w.watermark_type, w.partition_key, w.partition_value, w.create_time);
    }
    for (const p of t.programmatic_descriptions ?? []) programmatic.add(tableId, p.source, p.text);
    for (const a of t.applications ?? []) {
      const appId = upsertApplication.get(a.id, a.name, a.description, a.application_url) as number;
      tableApplications.add(tableId, appId, a.kind);
    }
    for (const r of t.resource_reports ?? []) reports.add(tableId, r.name, r.url);
    docs.push({
      tableId,
      key,
      database: t.database,
      cluster: t.cluster,
      schema: t.schema,
      name: t.name,
      description,
      popularity,
      columns: t.columns,
      tags: [...new Set(t.tags ?? [])].sort(),
      badges: [...new Set((t.badges ?? []).map((b) => b.badge_name))].sort(),
    });
    return tableId;
  }

  const writeUsers = db.transaction((users: readonly UserRecord[]) => {
    const ids: number[] = [];
    for (const u of users) {
      ids.push(userRows.upsert({
        user_id: u.user_id,
        email: u.email ?? u.user_id,
        first_name: u.first_name ?? null,
        last_name: u.last_name ?? null,
        full_name: deriveFullName(u),
        display_name: u.display_name ?? null,
        is_active: u.is_active === false ? 0 : 1,
        github_username: u.github_username ?? null,
        team_name: u.team_name ?? null,
        slack_id: u.slack_id ?? null,
        employee_type: u.employee_type ?? null,
        manager_user_id: u.manager_user_id ?? null,
        manager_fullname: u.manager_fullname ?? null,
        manager_email: u.manager_email ?? null,
        role_name: u.role_name ?? null,
        profile_url: u.profile_url ?? null,
        other_key_values: JSON.stringify(u.other_key_values ?? {}),
      }));
      userIds.set(u.user_id, ids[ids.length - 1]);
    }
    searchIndex.refreshUsers(ids);
  });

  const writeTablesInTransaction = db.transaction((tables: readonly TableRecord[], options: WriteTablesOptions): number[] => {
    const docs: TableDocumentSource[] = [];
    const replaced: number[] = [];
    const ids = tables.map((t) => writeOneTable(t, docs, replaced, options.newTables === true));
    flushRows();
    if (!options.withoutSearchDocuments) {
      // A key repeated within one call: only its last version counts.
      const last = new Map(docs.map((d) => [d.tableId, d]));
      searchIndex.writeTableDocuments([...last.values()], { replace: replaced.length > 0 || last.size < docs.length });
    }
    if (!options.deferSearchIndex && newUserIds.length) searchIndex.refreshUsers(newUserIds.splice(0));
    return ids;
  });
  const writeTables = (tables: readonly TableRecord[], options: WriteTablesOptions = {}): number[] => {
    try {
      return writeTablesInTransaction(tables, options);
    } catch (err) {
      dropBufferedRows();
      // Ids created inside the rolled-back transaction are gone: forget them.
      for (const cache of [tagIds, badgeIds, userIds, schemaIds, schemaDescriptions]) cache.clear();
      newUserIds.length = 0;
      throw err;
    }
  };

  const deleteTable = db.prepare('DELETE FROM tables WHERE key = ?');
  return {
    writeUsers: (users) => writeUsers(users),
    writeTables,
    removeTable: (key) => deleteTable.run(key).changes > 0,
    rebuildSearchIndex: db.transaction(() => {
      newUserIds.length = 0;
      searchIndex.refreshAllDashboardsAndUsers();
      searchIndex.optimize();
    }),
  };
}
