// The store's bulk write path: upsert users and whole tables (with everything attached) in one
// transaction per call, with prepared statements. Popularity and the tables' search documents are
// computed in JS from the records themselves (a table write replaces its readers, so the record
// says everything), which spares reading back what was just written. Callers batch (e.g. 2 000
// tables per call).
import type { CatalogDatabase } from './open-catalog-database';
import { buildSchemaKey, buildTableKey, type BadgeRecord, type TableRecord, type UserRecord } from './catalog-records';
import { computePopularity, createSearchIndexMaintainer, type TableDocumentSource } from './search-index';

export interface TableWriter {
  writeUsers(users: readonly UserRecord[]): void;
  /**
   * Upserts each table by key; its columns, tags, badges, owners, readers, … are replaced, and its
   * popularity and search document are rewritten. Returns table ids. With `deferSearchIndex` (bulk
   * loads), the search documents of users created on the way and the final merge of the full-text
   * index wait for `rebuildSearchIndex()`.
   */
  writeTables(tables: readonly TableRecord[], options?: { deferSearchIndex?: boolean }): number[];
  /**
   * Finishes a bulk load: table documents are already current, so this rebuilds the (few) dashboard
   * and user documents and merges the FTS segments. A from-scratch rebuild of everything is
   * `createSearchIndexMaintainer(db).rebuildAll()`.
   */
  rebuildSearchIndex(): void;
}

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

  const upsertUser = db.prepare(`
    INSERT INTO users (user_id, email, first_name, last_name, full_name, display_name, is_active, github_username,
      team_name, slack_id, employee_type, manager_user_id, role_name, profile_url, other_key_values)
    VALUES (@user_id, @email, @first_name, @last_name, @full_name, @display_name, @is_active, @github_username,
      @team_name, @slack_id, @employee_type, @manager_user_id, @role_name, @profile_url, @other_key_values)
    ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name,
      last_name = excluded.last_name, full_name = excluded.full_name, display_name = excluded.display_name,
      is_active = excluded.is_active, github_username = excluded.github_username, team_name = excluded.team_name,
      slack_id = excluded.slack_id, employee_type = excluded.employee_type, manager_user_id = excluded.manager_user_id,
      role_name = excluded.role_name, profile_url = excluded.profile_url, other_key_values = excluded.other_key_values
    RETURNING id`).pluck();
  const findUser = db.prepare('SELECT id FROM users WHERE user_id = ?').pluck();
  const insertBareUser = db.prepare('INSERT INTO users (user_id, email) VALUES (?, ?) RETURNING id').pluck();
  const newUserIds: number[] = [];

  const upsertSchema = db.prepare(`
    INSERT INTO schemas (key, database, cluster, name, description) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET description = coalesce(excluded.description, schemas.description)
    RETURNING id`).pluck();
  const findTable = db.prepare('SELECT id FROM tables WHERE key = ?').pluck();
  const insertTable = db.prepare(`
    INSERT INTO tables (key, schema_id, name, description, description_source, is_view, last_updated_timestamp, source_type,
      source_url, total_reads, reader_count, popularity)
    VALUES (@key, @schema_id, @name, @description, @description_source, @is_view, @last_updated_timestamp, @source_type,
      @source_url, @total_reads, @reader_count, @popularity)`);
  const updateTable = db.prepare(`
    UPDATE tables SET schema_id = @schema_id, name = @name, description = @description,
      description_source = @description_source, is_view = @is_view, last_updated_timestamp = @last_updated_timestamp,
      source_type = @source_type, source_url = @source_url, total_reads = @total_reads, reader_count = @reader_count,
      popularity = @popularity
    WHERE id = @id`);
  const deleteChildren = CHILD_TABLES.map((name) => db.prepare(`DELETE FROM ${name} WHERE table_id = ?`));

  const insertStat = db.prepare(
    'INSERT OR REPLACE INTO column_stats (column_id, stat_type, stat_val, start_epoch, end_epoch, is_metric) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertColumnBadge = db.prepare('INSERT OR IGNORE INTO column_badges (column_id, badge_id) VALUES (?, ?)');
  const findTag = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
  const insertTag = db.prepare("INSERT INTO tags (name, tag_type) VALUES (?, 'default') RETURNING id").pluck();
  const findBadge = db.prepare('SELECT id FROM badges WHERE name = ? AND category = ?').pluck();
  const insertBadge = db.prepare('INSERT INTO badges (name, category) VALUES (?, ?) RETURNING id').pluck();
  const insertTableTag = db.prepare('INSERT OR IGNORE INTO table_tags (table_id, tag_id) VALUES (?, ?)');
  const insertTableBadge = db.prepare('INSERT OR IGNORE INTO table_badges (table_id, badge_id) VALUES (?, ?)');
  const insertOwner = db.prepare('INSERT OR IGNORE INTO table_owners (table_id, user_id) VALUES (?, ?)');
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
  const insertReaders = multiRow('INSERT INTO table_readers (table_id, user_id, read_count)', 3);
  const insertWatermark = db.prepare(
    'INSERT OR REPLACE INTO watermarks (table_id, watermark_type, partition_key, partition_value, create_time) VALUES (?, ?, ?, ?, ?)',
  );
  const insertProgrammatic = db.prepare(
    'INSERT OR REPLACE INTO programmatic_descriptions (table_id, source, text) VALUES (?, ?, ?)',
  );
  const upsertApplication = db.prepare(`
    INSERT INTO applications (app_key, name, description, application_url) VALUES (?, ?, ?, ?)
    ON CONFLICT (app_key) DO UPDATE SET name = excluded.name, description = excluded.description,
      application_url = excluded.application_url
    RETURNING id`).pluck();
  const insertTableApplication = db.prepare(
    'INSERT OR REPLACE INTO table_applications (table_id, application_id, kind) VALUES (?, ?, ?)',
  );
  const insertReport = db.prepare('INSERT OR REPLACE INTO resource_reports (table_id, name, url) VALUES (?, ?, ?)');

  // Small caches: tags, badges and users repeat across thousands of tables.
  const tagIds = new Map<string, number>();
  const badgeIds = new Map<string, number>();
  const userIds = new Map<string, number>();
  const schemaIds = new Map<string, number>();

  function resolveTag(name: string): number {
    let id = tagIds.get(name);
    if (id === undefined) {
      id = (findTag.get(name) as number | undefined) ?? (insertTag.get(name) as number);
      tagIds.set(name, id);
    }
    return id;
  }
  function resolveBadge(badge: BadgeRecord): number {
    const cacheKey = `${badge.category}\u0000${badge.badge_name}`;
    let id = badgeIds.get(cacheKey);
    if (id === undefined) {
      id = (findBadge.get(badge.badge_name, badge.category) as number | undefined) ??
        (insertBadge.get(badge.badge_name, badge.category) as number);
      badgeIds.set(cacheKey, id);
    }
    return id;
  }
  function resolveUser(userId: string): number {
    let id = userIds.get(userId);
    if (id === undefined) {
      id = findUser.get(userId) as number | undefined;
      if (id === undefined) {
        id = insertBareUser.get(userId, userId) as number;
        newUserIds.push(id);
      }
      userIds.set(userId, id);
    }
    return id;
  }
  function resolveSchema(t: TableRecord): number {
    const key = buildSchemaKey(t);
    let id = schemaIds.get(key);
    if (id === undefined || t.schema_description != null) {
      id = upsertSchema.get(key, t.database, t.cluster, t.schema, t.schema_description ?? null) as number;
      schemaIds.set(key, id);
    }
    return id;
  }

  function writeOneTable(t: TableRecord, docs: TableDocumentSource[], replaced: number[]): number {
    const key = buildTableKey(t);
    // Readers as the store will hold them: repeated user ids are summed (see insertReader).
    const reads = new Map<string, number>();
    for (const r of t.readers ?? []) reads.set(r.user_id, (reads.get(r.user_id) ?? 0) + r.read_count);
    let totalReads = 0;
    for (const n of reads.values()) totalReads += n;
    const popularity = computePopularity(reads.size, totalReads);
    const row = {
      key,
      schema_id: resolveSchema(t),
      name: t.name,
      description: t.description ?? null,
      description_source: t.description_source ?? null,
      is_view: t.is_view ? 1 : 0,
      last_updated_timestamp: t.last_updated_timestamp ?? null,
      source_type: t.source?.source_type ?? null,
      source_url: t.source?.source ?? null,
      total_reads: totalReads,
      reader_count: reads.size,
      popularity,
    };
    const existingId = findTable.get(key) as number | undefined;
    let tableId: number;
    if (existingId === undefined) {
      tableId = Number(insertTable.run(row).lastInsertRowid);
    } else {
      tableId = existingId;
      updateTable.run({ ...row, id: tableId });
      for (const del of deleteChildren) del.run(tableId);
      replaced.push(tableId);
    }

    // Columns in multi-row INSERTs (≤ 500 rows each): rowids of a VALUES list are assigned in order,
    // so the ids of a chunk are its last n rowids.
    const columnIds: number[] = [];
    for (let from = 0; from < t.columns.length; from += 500) {
      const chunk = t.columns.slice(from, from + 500);
      const params: unknown[] = [];
      chunk.forEach((c, i) => params.push(tableId, c.name, c.description ?? null, c.col_type, c.sort_order ?? from + i));
      const last = Number(insertColumns(chunk.length).run(params).lastInsertRowid);
      for (let i = 0; i < chunk.length; i++) columnIds.push(last - chunk.length + 1 + i);
    }
    t.columns.forEach((c, index) => {
      const columnId = columnIds[index];
      for (const s of c.stats ?? []) {
        insertStat.run(columnId, s.stat_type, s.stat_val, s.start_epoch ?? null, s.end_epoch ?? null,
          s.is_metric == null ? null : s.is_metric ? 1 : 0);
      }
      for (const b of c.badges ?? []) insertColumnBadge.run(columnId, resolveBadge(b));
    });
    for (const tag of t.tags ?? []) insertTableTag.run(tableId, resolveTag(tag));
    for (const b of t.badges ?? []) insertTableBadge.run(tableId, resolveBadge(b));
    for (const owner of t.owners ?? []) insertOwner.run(tableId, resolveUser(owner));
    if (reads.size) {
      const readerParams: unknown[] = [];
      for (const [userId, count] of reads) readerParams.push(tableId, resolveUser(userId), count);
      insertReaders(reads.size).run(readerParams);
    }
    for (const w of t.watermarks ?? []) {
      insertWatermark.run(tableId, w.watermark_type, w.partition_key, w.partition_value, w.create_time);
    }
    for (const p of t.programmatic_descriptions ?? []) insertProgrammatic.run(tableId, p.source, p.text);
    for (const a of t.applications ?? []) {
      const appId = upsertApplication.get(a.id, a.name, a.description, a.application_url) as number;
      insertTableApplication.run(tableId, appId, a.kind);
    }
    for (const r of t.resource_reports ?? []) insertReport.run(tableId, r.name, r.url);
    docs.push({
      tableId,
      key,
      database: t.database,
      cluster: t.cluster,
      schema: t.schema,
      name: t.name,
      description: row.description,
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
      ids.push(upsertUser.get({
        user_id: u.user_id,
        email: u.email ?? u.user_id,
        first_name: u.first_name ?? null,
        last_name: u.last_name ?? null,
        full_name: u.full_name ?? (u.first_name && u.last_name ? `${u.first_name} ${u.last_name}` : null),
        display_name: u.display_name ?? null,
        is_active: u.is_active === false ? 0 : 1,
        github_username: u.github_username ?? null,
        team_name: u.team_name ?? null,
        slack_id: u.slack_id ?? null,
        employee_type: u.employee_type ?? null,
        manager_user_id: u.manager_user_id ?? null,
        role_name: u.role_name ?? null,
        profile_url: u.profile_url ?? null,
        other_key_values: JSON.stringify(u.other_key_values ?? {}),
      }) as number);
      userIds.set(u.user_id, ids[ids.length - 1]);
    }
    searchIndex.refreshUsers(ids);
  });

  const writeTablesInTransaction = db.transaction((tables: readonly TableRecord[], defer: boolean): number[] => {
    const docs: TableDocumentSource[] = [];
    const replaced: number[] = [];
    const ids = tables.map((t) => writeOneTable(t, docs, replaced));
    // A key repeated within one call: only its last version counts.
    const last = new Map(docs.map((d) => [d.tableId, d]));
    searchIndex.writeTableDocuments([...last.values()], { replace: replaced.length > 0 || last.size < docs.length });
    if (!defer && newUserIds.length) searchIndex.refreshUsers(newUserIds.splice(0));
    return ids;
  });
  const writeTables = (tables: readonly TableRecord[], options?: { deferSearchIndex?: boolean }): number[] => {
    try {
      return writeTablesInTransaction(tables, options?.deferSearchIndex === true);
    } catch (err) {
      // Ids created inside the rolled-back transaction are gone: forget them.
      for (const cache of [tagIds, badgeIds, userIds, schemaIds]) cache.clear();
      newUserIds.length = 0;
      throw err;
    }
  };

  return {
    writeUsers: (users) => writeUsers(users),
    writeTables,
    rebuildSearchIndex: db.transaction(() => {
      newUserIds.length = 0;
      searchIndex.refreshAllDashboardsAndUsers();
      searchIndex.optimize();
    }),
  };
}
