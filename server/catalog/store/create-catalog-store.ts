// The store: one SQLite database behind read and write interfaces. No HTTP here.
import { openCatalogDatabase, type CatalogDatabase } from './open-catalog-database';
import { createTableReader, type TableReader } from './read-tables';
import { createTableWriter, type TableWriter } from './write-tables';
import { createDashboardReader, type DashboardReader } from './read-dashboards';
import { createLineageReader, type LineageReader } from './read-lineage';
import { createUserReader, type UserReader } from './read-users';
import { createCatalogOverview, type CatalogOverview } from './read-catalog-overview';
import { createEditLog, type EditLog } from './edit-log';
import { createResourceEditor, type ResourceEditor } from './edit-resources';
import { createUserEditor, type UserEditor } from './edit-users';
import { createRelatedRecordWriter, type RelatedRecordWriter } from './write-related-records';
import { createSearchIndexMaintainer } from './search-index';

export interface CatalogStore {
  db: CatalogDatabase;
  tables: TableReader;
  writer: TableWriter;
  dashboards: DashboardReader;
  lineage: LineageReader;
  users: UserReader;
  overview: CatalogOverview;
  /** Metadata edits of tables, columns, type metadata and dashboards (transactional, logged). */
  resources: ResourceEditor;
  /** PUT /user and bookmarks (transactional, logged). */
  userEdits: UserEditor;
  editLog: EditLog;
  /** Lineage and complex types, for fixtures and loaders. */
  related: RelatedRecordWriter;
  countTables(): number;
  checkHealth(): boolean;
  close(): void;
}

export function createCatalogStore(dbPath: string): CatalogStore {
  const db = openCatalogDatabase(dbPath);
  const count = db.prepare('SELECT count(*) FROM tables').pluck();
  const ping = db.prepare('SELECT 1').pluck();
  const searchIndex = createSearchIndexMaintainer(db);
  const editLog = createEditLog(db);
  return {
    db,
    tables: createTableReader(db),
    writer: createTableWriter(db),
    dashboards: createDashboardReader(db),
    lineage: createLineageReader(db),
    users: createUserReader(db),
    overview: createCatalogOverview(db),
    resources: createResourceEditor(db, searchIndex, editLog),
    userEdits: createUserEditor(db, searchIndex, editLog),
    editLog,
    related: createRelatedRecordWriter(db),
    countTables: () => count.get() as number,
    checkHealth() {
      try {
        return ping.get() === 1;
      } catch {
        return false;
      }
    },
    close: () => db.close(),
  };
}
