// Ingest's SQL: applies one validated record to the store. Tables and users go through the store's
// bulk writer (store/write-tables.ts), dashboards and their owners, tags and viewers through the
// dashboard writer (store/write-dashboards.ts); lineage, table usage, owners and tags are written here.
// Every record runs in its own savepoint inside the caller's batch transaction, so a record that
// fails leaves no trace and the batch goes on. Ids of touched tables, dashboards and users are kept
// so the search index is refreshed once, after the load.
import type { CatalogDatabase } from '../store/open-catalog-database';
import { buildTableKey, type BadgeRecord, type TableRecord } from '../store/catalog-records';
import { createTableWriter } from '../store/write-tables';
import { createDashboardWriter } from '../store/write-dashboards';
import { createSearchIndexMaintainer } from '../store/search-index';
import { createEditLog } from '../store/edit-log';
import { createCatalogOverview } from '../store/read-catalog-overview';
import { createUserRows } from '../store/user-rows';
import { createTagBadgeRows } from '../store/tag-badge-rows';
import { createLineageRows } from '../store/lineage-rows';
import { buildColumnTypeTree, ColumnTreeError } from './build-column-type-tree';
import type {
  DashboardIngestRecord,
  IngestRecord,
  LineageIngestRecord,
  OwnerIngestRecord,
  TableIngestRecord,
  TagIngestRecord,
  UsageIngestRecord,
  UserIngestRecord,
} from './ingest-record-schemas';
import { createTableKeyCheck } from './table-key-check';

/** catalog_settings flag: an ingest wrote tables whose search documents it has not written yet. */
export const SEARCH_DOCUMENTS_PENDING = 'search_documents_pending';

/** A record that is well-formed but cannot be applied (e.g. it names a table not in the catalog). */
export class RejectedRecordError extends Error {
  override name = 'RejectedRecordError';
}

export interface IngestWriter {
  /**
   * Applies one record in a savepoint; throws RejectedRecordError (or a constraint error) to reject it.
   * Returns warnings about a record it loaded (a table key that differs only in case from another, …).
   */
  applyRecord(record: IngestRecord): string[];
  /** Runs `fn` in one transaction (a batch of records). */
  runBatch(fn: () => void): void;
  /** Refreshes popularity and search documents of everything touched; `rebuilt` if it rebuilt all. */
  refreshSearchIndex(): SearchIndexRefresh;
  /**
   * The same, one transaction per step (a chunk of tables, dashboards or users), pausing between
   * steps so the caller can let other work run: a server stays responsive while a big ingest's
   * documents are written. A full rebuild is one step. The pending mark is counted out last.
   */
  refreshSearchIndexSteps(): Generator<void, SearchIndexRefresh, void>;
}

export type SearchIndexRefresh = 'refreshed' | 'rebuilt' | 'unchanged';

export interface IngestWriterOptions {
  /**
   * Rebuild the whole index instead of refreshing what was touched when more than this many tables
   * (dashboards, users) were touched AND more than half of the catalog's: a rebuild costs the whole
   * catalog, a refresh what was touched. Default 20 000.
   */
  rebuildThreshold?: number;
  /** Tables (dashboards, users) per refresh step; default 2 000 (~0.2 s). */
  refreshChunk?: number;
}

/** Past this many touched ids of a kind the ids are not kept (memory); the whole index is rebuilt. */
const TOUCHED_LIMIT = 2_000_000;

export function createIngestWriter(db: CatalogDatabase, options: IngestWriterOptions = {}): IngestWriter {
  const rebuildThreshold = options.rebuildThreshold ?? 20_000;
  const refreshChunk = options.refreshChunk ?? 2000;
  const tableWriter = createTableWriter(db);
  const dashboardWriter = createDashboardWriter(db);
  const searchIndex = createSearchIndexMaintainer(db);

  const findTable = db.prepare('SELECT id FROM tables WHERE key = ?').pluck();
  const userRows = createUserRows(db);
  const tagBadgeRows = createTagBadgeRows(db);

  // What a table keeps when a table record leaves a list out.
  const tagsOfTable = db.prepare(
    'SELECT g.name FROM table_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.table_id = ? ORDER BY g.name',
  ).pluck();
  const badgesOfTable = db.prepare(
    'SELECT b.name AS badge_name, b.category FROM table_badges tb JOIN badges b ON b.id = tb.badge_id WHERE tb.table_id = ?',
  );
  const ownersOfTable = db.prepare(
    'SELECT u.user_id FROM table_owners o JOIN users u ON u.id = o.user_id WHERE o.table_id = ?',
  ).pluck();
  const readersOfTable = db.prepare(
    'SELECT u.user_id, r.read_count FROM table_readers r JOIN users u ON u.id = r.user_id WHERE r.table_id = ?',
  );
  const watermarksOfTable = db.prepare(
    'SELECT watermark_type, partition_key, partition_value, create_time FROM watermarks WHERE table_id = ?',
  );
  const programmaticOfTable = db.prepare('SELECT source, text FROM programmatic_descriptions WHERE table_id = ?');
  const applicationsOfTable = db.prepare(`
    SELECT a.app_key AS id, a.name, a.description, a.application_url, ta.kind
    FROM table_applications ta JOIN applications a ON a.id = ta.application_id WHERE ta.table_id = ?`);
  const reportsOfTable = db.prepare('SELECT name, url FROM resource_reports WHERE table_id = ?');

  const lineageRows = createLineageRows(db);

  const setReader = db.prepare(`
    INSERT INTO table_readers (table_id, user_id, read_count) VALUES (?, ?, ?)
    ON CONFLICT (table_id, user_id) DO UPDATE SET read_count = excluded.read_count`);
  const deleteReader = db.prepare('DELETE FROM table_readers WHERE table_id = ? AND user_id = ?');
  const insertTableOwner = db.prepare('INSERT OR IGNORE INTO table_owners (table_id, user_id) VALUES (?, ?)');
  const insertTableTag = db.prepare('INSERT OR IGNORE INTO table_tags (table_id, tag_id) VALUES (?, ?)');

  // Touched ids; `null` once a set grew past TOUCHED_LIMIT (then the whole index is rebuilt).
  let touchedTables: Set<number> | null = new Set();
  let touchedDashboards: Set<number> | null = new Set();
  let touchedUsers: Set<number> | null = new Set();
  const touch = (set: Set<number> | null, id: number): Set<number> | null => {
    if (set === null) return null;
    set.add(id);
    return set.size > TOUCHED_LIMIT ? null : set;
  };
  const countRows = {
    tables: db.prepare('SELECT count(*) FROM tables').pluck(),
    dashboards: db.prepare('SELECT count(*) FROM dashboards').pluck(),
    users: db.prepare('SELECT count(*) FROM users').pluck(),
  };
  const mustRebuild = (set: Set<number> | null, kind: keyof typeof countRows) =>
    set === null || (set.size > rebuildThreshold && set.size > (countRows[kind].get() as number) / 2);
  const forgetTouched = () => {
    touchedTables = new Set();
    touchedDashboards = new Set();
    touchedUsers = new Set();
  };
  const touchTable = (id: number) => (touchedTables = touch(touchedTables, id));
  const touchDashboard = (id: number) => (touchedDashboards = touch(touchedDashboards, id));
  const touchUser = (id: number) => (touchedUsers = touch(touchedUsers, id));

  // No id caches here: a savepoint that rolls back would leave them pointing at rows that are gone.
  function resolveUser(userId: string): number {
    const { id } = userRows.ensure(userId);
    touchUser(id);
    return id;
  }
  const resolveTag = (name: string) => tagBadgeRows.ensureTag(name);
  const resolveBadge = (b: BadgeRecord) => tagBadgeRows.ensureBadge(b);

  // Warnings about table keys, and the other spellings of keys this writer wrote.
  const keyCheck = createTableKeyCheck(db, TOUCHED_LIMIT);

  function requireTable(key: string): number {
    const id = findTable.get(key) as number | undefined;
    if (id === undefined) {
      const lower = key.toLowerCase();
      const twin = lower !== key && findTable.get(lower) !== undefined ? lower : keyCheck.twin(key);
      const hint = twin === undefined ? '' : `; the catalog has "${twin}", which differs only in case: keys are case-sensitive`;
      throw new RejectedRecordError(`unknown table "${key}" (load the table record first${hint})`);
    }
    return id;
  }
  function requireDashboard(key: string): number {
    const id = dashboardWriter.findDashboard(key);
    if (id === undefined) throw new RejectedRecordError(`unknown dashboard "${key}" (load the dashboard record first)`);
    return id;
  }

  function applyTable(r: TableIngestRecord): string[] {
    const { type: _type, ...fields } = r;
    const key = buildTableKey(r);
    const warnings = keyCheck.warnings(r, key);
    const record: TableRecord = { ...fields, columns: r.columns.map((c) => withTypeTree(key, c)) };
    const existingId = findTable.get(key) as number | undefined;
    if (existingId !== undefined) {
      // The bulk writer replaces every list; keep the ones this record leaves out, and usage always.
      record.tags ??= tagsOfTable.all(existingId) as string[];
      record.badges ??= badgesOfTable.all(existingId) as BadgeRecord[];
      record.owners ??= ownersOfTable.all(existingId) as string[];
      record.watermarks ??= watermarksOfTable.all(existingId) as TableRecord['watermarks'];
      record.programmatic_descriptions ??= programmaticOfTable.all(existingId) as TableRecord['programmatic_descriptions'];
      record.applications ??= applicationsOfTable.all(existingId) as TableRecord['applications'];
      record.resource_reports ??= reportsOfTable.all(existingId) as TableRecord['resource_reports'];
      record.readers = readersOfTable.all(existingId) as TableRecord['readers'];
    }
    for (const owner of record.owners ?? []) resolveUser(owner);
    // Last step of the savepoint: the bulk writer caches ids and must not see a rollback after it.
    // No search document per record: FTS5 flushes its pending terms at every savepoint, so one
    // document per savepoint made a segment per table. refreshSearchIndex writes them after the load.
    const [id] = tableWriter.writeTables([record], { deferSearchIndex: true, withoutSearchDocuments: true });
    touchTable(id);
    keyCheck.note(key);
    return warnings;
  }

  /** The column with its nested type (from `col_type` and `nested_fields`); a bad one rejects the record. */
  function withTypeTree(tableKey: string, column: TableIngestRecord['columns'][number]): TableRecord['columns'][number] {
    const { nested_fields: _nested, ...rest } = column;
    try {
      const tree = buildColumnTypeTree(column);
      return tree ? { ...rest, type_metadata: tree } : rest;
    } catch (err) {
      if (err instanceof ColumnTreeError) throw new RejectedRecordError(`table "${tableKey}" ${err.message}`);
      throw err;
    }
  }

  function applyUser(r: UserIngestRecord): void {
    const userId = (r.user_id ?? r.email) as string;
    tableWriter.writeUsers([
      {
        user_id: userId,
        email: r.email ?? userId,
        first_name: r.first_name,
        last_name: r.last_name,
        full_name: r.full_name,
        display_name: r.display_name,
        is_active: r.is_active,
        github_username: r.github_username,
        team_name: r.team_name,
        slack_id: r.slack_id,
        employee_type: r.employee_type,
        manager_user_id: r.manager_user_id ?? r.manager_email,
        manager_fullname: r.manager_fullname,
        manager_email: r.manager_email,
        role_name: r.role_name,
        profile_url: r.profile_url,
        other_key_values: r.other_key_values,
      },
    ]);
    touchUser(userRows.find(userId)!);
  }

  function applyDashboard(r: DashboardIngestRecord): void {
    // Check every reference before writing anything. Viewers come as usage records.
    const tableIds = r.tables?.map(requireTable);
    const id = dashboardWriter.writeDashboard({
      ...r,
      dashboard_id: r.id,
      table_ids: tableIds,
      owner_ids: r.owners?.map(resolveUser),
      tag_ids: r.tags?.map(resolveTag),
      badge_ids: r.badges?.map(resolveBadge),
    });
    touchDashboard(id);
  }

  function applyLineage(r: LineageIngestRecord): void {
    if (r.upstream === r.downstream) throw new RejectedRecordError(`upstream and downstream are the same key "${r.upstream}"`);
    lineageRows.addEdge(r.level, r.upstream, r.downstream);
  }

  function applyUsage(r: UsageIngestRecord): void {
    if (r.table_key !== undefined) {
      const tableId = requireTable(r.table_key);
      const userId = resolveUser(r.user_email);
      if (r.read_count === 0) deleteReader.run(tableId, userId);
      else setReader.run(tableId, userId, r.read_count);
      touchTable(tableId);
    } else {
      const dashboardId = requireDashboard(r.dashboard_key as string);
      const userId = resolveUser(r.user_email);
      dashboardWriter.setViewCount(dashboardId, userId, r.read_count);
      touchDashboard(dashboardId);
    }
  }

  function applyOwner(r: OwnerIngestRecord): void {
    if (r.resource_type === 'table') {
      const tableId = requireTable(r.resource_key);
      insertTableOwner.run(tableId, resolveUser(r.user_email));
      touchTable(tableId);
    } else {
      const dashboardId = requireDashboard(r.resource_key);
      dashboardWriter.addOwner(dashboardId, resolveUser(r.user_email));
      touchDashboard(dashboardId);
    }
  }

  function applyTag(r: TagIngestRecord): void {
    if (r.resource_type === 'table') {
      const tableId = requireTable(r.resource_key);
      insertTableTag.run(tableId, resolveTag(r.tag));
      touchTable(tableId);
    } else {
      const dashboardId = requireDashboard(r.resource_key);
      dashboardWriter.addTag(dashboardId, resolveTag(r.tag));
      touchDashboard(dashboardId);
    }
  }

  const applyInSavepoint = db.transaction((record: IngestRecord): string[] | void => {
    switch (record.type) {
      case 'table': return applyTable(record);
      case 'user': return applyUser(record);
      case 'dashboard': return applyDashboard(record);
      case 'lineage': return applyLineage(record);
      case 'usage': return applyUsage(record);
      case 'owner': return applyOwner(record);
      case 'tag': return applyTag(record);
    }
  });

  // SEARCH_DOCUMENTS_PENDING counts the ingests that have committed records whose search documents
  // are not written yet: each counts itself in with its first batch and out when it has refreshed
  // the index (ingests may overlap, over HTTP or from two processes). If a process dies in between,
  // the count stays above 0 and the search app rebuilds every document on its next start. A full
  // rebuild answers every pending ingest at once and removes the count.
  const countIn = db.prepare(`INSERT INTO catalog_settings (name, value) VALUES ('${SEARCH_DOCUMENTS_PENDING}', '1')
    ON CONFLICT (name) DO UPDATE SET value = CAST(value AS INTEGER) + 1`);
  const countOut = db.prepare(`UPDATE catalog_settings SET value = CAST(value AS INTEGER) - 1 WHERE name = '${SEARCH_DOCUMENTS_PENDING}'`);
  const dropZeroCount = db.prepare(
    `DELETE FROM catalog_settings WHERE name = '${SEARCH_DOCUMENTS_PENDING}' AND CAST(value AS INTEGER) <= 0`);
  let countedIn = false;

  // BEGIN IMMEDIATE: take the write lock before the first read, so another process writing the same
  // file makes us wait (busy_timeout) instead of failing a read-then-write with SQLITE_BUSY.
  const batchTransaction = db.transaction((fn: () => void) => {
    if (!countedIn) countIn.run();
    fn();
  });

  function* refreshSearchIndexSteps(): Generator<void, SearchIndexRefresh, void> {
    if (mustRebuild(touchedTables, 'tables') || mustRebuild(touchedDashboards, 'dashboards') || mustRebuild(touchedUsers, 'users')) {
      searchIndex.rebuildAll(); // answers every pending mark (see above)
      countedIn = false;
      forgetTouched();
      return 'rebuilt';
    }
    const [tables, dashboards, users] = [touchedTables, touchedDashboards, touchedUsers] as Set<number>[];
    const steps: (() => void)[] = [];
    const chunked = (ids: Set<number>, refresh: (chunk: number[]) => void) => {
      const all = [...ids];
      for (let i = 0; i < all.length; i += refreshChunk) {
        const chunk = all.slice(i, i + refreshChunk);
        steps.push(() => refresh(chunk));
      }
    };
    chunked(tables, (ids) => {
      searchIndex.refreshPopularity(ids);
      searchIndex.refreshDocuments(ids);
    });
    chunked(dashboards, (ids) => searchIndex.refreshDashboards(ids));
    chunked(users, (ids) => searchIndex.refreshUsers(ids));
    // Each step commits on its own; the last one (or the only one, when nothing was touched) also
    // counts this ingest out, so a process that dies part-way leaves its mark for the next start.
    const last = Math.max(steps.length, 1) - 1;
    for (let i = 0; i <= last; i++) {
      db.transaction(() => {
        steps[i]?.();
        if (i === last && countedIn) {
          countOut.run();
          dropZeroCount.run();
        }
      }).immediate();
      if (i < last) yield;
    }
    countedIn = false;
    if (!steps.length) return 'unchanged';
    forgetTouched();
    return 'refreshed';
  }

  /**
   * A usage record of a table and a person the catalog has is one statement, and SQLite undoes a
   * failed statement by itself: it needs no savepoint of its own. Usage records are most of a
   * catalog's lines (552 284 of 652 824 in the 100 k benchmark file), and a savepoint costs about as
   * much as the write (docs/benchmarks.md, "Ingest"). False when it must go through the savepoint
   * (a dashboard, a person or table not there yet: more than one write, or a rejection to explain).
   */
  function applyUsageAlone(r: UsageIngestRecord): boolean {
    if (r.table_key === undefined) return false;
    const tableId = findTable.get(r.table_key) as number | undefined;
    const userId = tableId === undefined ? undefined : userRows.find(r.user_email);
    if (tableId === undefined || userId === undefined) return false;
    if (r.read_count === 0) deleteReader.run(tableId, userId);
    else setReader.run(tableId, userId, r.read_count);
    touchTable(tableId);
    touchUser(userId);
    return true;
  }

  return {
    applyRecord: (record) => (record.type === 'usage' && applyUsageAlone(record) ? [] : (applyInSavepoint(record) ?? [])),
    runBatch: (fn) => {
      batchTransaction.immediate(fn);
      countedIn = true; // only once a batch has committed (a rolled-back one took its count with it)
    },
    refreshSearchIndex() {
      const steps = refreshSearchIndexSteps();
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
      }
    },
    refreshSearchIndexSteps,
  };
}

/**
 * Notes one ingest in the edit log (who loaded what: one row per ingest, not per record) and moves
 * the catalog's "latest updated" time (GET /latest_updated_ts).
 */
export function recordIngest(
  db: CatalogDatabase,
  entry: { user_id: string; summary: { loaded: Record<string, number>; rejectedCount: number; linesRead: number } },
): void {
  const { loaded, rejectedCount, linesRead } = entry.summary;
  db.transaction(() => {
    createEditLog(db).record({
      resource_key: 'ingest',
      resource_type: 'ingest',
      action: 'create',
      field: 'records',
      before: null,
      after: { loaded, rejectedCount, linesRead },
      user_id: entry.user_id,
    });
    createCatalogOverview(db).setLatestUpdatedTimestamp(Math.floor(Date.now() / 1000));
  }).immediate();
}
