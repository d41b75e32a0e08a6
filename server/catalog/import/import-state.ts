// What the importers own, kept in two tables of their own in the catalog file (created here, on the
// first import that writes; the store's numbered migrations are left alone; named for the first
// importer, dbt, and shared by every importer since):
// - dbt_import_resources: per import scope (a dbt project, `postgres://{cluster}`, …), the tables,
//   dashboards and lineage edges its last import produced, so `--prune` knows what disappeared from
//   the source (and touches nothing else);
// - dbt_import_fields: per resource and field (description, tag, badge, owner), the edit-log position
//   when an import last wrote it. A human edit of that field in the edit log after that position wins
//   over the imported value.
import type { CatalogDatabase } from '../store/open-catalog-database';

export type OwnedResourceType = 'table' | 'dashboard' | 'lineage';

export interface OwnedResource {
  resource_type: OwnedResourceType;
  /** Table or dashboard key; for lineage `{upstream} -> {downstream}`. */
  resource_key: string;
  /** The source object it came from (a dbt node's unique_id, `schema.table`; for lineage, the downstream one). */
  unique_id: string;
}

export interface FieldMark {
  resource_key: string;
  field: string;
  mark: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS dbt_import_resources (
    project TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_key TEXT NOT NULL,
    unique_id TEXT NOT NULL,
    PRIMARY KEY (project, resource_type, resource_key)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS dbt_import_fields (
    resource_key TEXT NOT NULL,
    field TEXT NOT NULL,
    written_mark INTEGER NOT NULL,
    PRIMARY KEY (resource_key, field)
  ) WITHOUT ROWID;`;

/**
 * Whom the edit log names for the fields an import changed: the import's scope (`dbt:{project}`,
 * `postgres://{cluster}`, `sqlite://{cluster}`); the caller is in the import's own entry. Not a
 * person: these entries never hold a field back from the next import.
 */
export const importEditorId = (project: string) => `dbt:${project}`;
/** How the edit log's user_id of an import's entries starts (people's ids are emails). */
export const IMPORT_EDITOR_PREFIXES = ['dbt:', 'postgres:', 'sqlite:'] as const;

export const lineageResourceKey = (upstream: string, downstream: string) => `${upstream} -> ${downstream}`;

export function parseLineageResourceKey(key: string): { upstream: string; downstream: string } {
  const at = key.indexOf(' -> ');
  return { upstream: key.slice(0, at), downstream: key.slice(at + 4) };
}

export interface ImportState {
  owned(project: string): OwnedResource[];
  /** `{resource_key}\n{field}` → the edit-log id when the import last wrote it. */
  fieldMarks(): Map<string, number>;
  /** Replaces what `project` owns; creates the tables when needed. Call inside a transaction. */
  saveOwned(project: string, resources: OwnedResource[]): void;
  saveFieldMarks(marks: FieldMark[]): void;
}

export function createImportState(db: CatalogDatabase): ImportState {
  const exists = () =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dbt_import_fields'").get() !== undefined;
  const ensure = () => db.exec(SCHEMA);
  return {
    owned(project) {
      if (!exists()) return [];
      return db
        .prepare('SELECT resource_type, resource_key, unique_id FROM dbt_import_resources WHERE project = ? ORDER BY resource_type, resource_key')
        .all(project) as OwnedResource[];
    },
    fieldMarks() {
      if (!exists()) return new Map();
      const rows = db.prepare('SELECT resource_key, field, written_mark FROM dbt_import_fields').all() as
        { resource_key: string; field: string; written_mark: number }[];
      return new Map(rows.map((r) => [`${r.resource_key}\n${r.field}`, r.written_mark]));
    },
    saveOwned(project, resources) {
      ensure();
      db.prepare('DELETE FROM dbt_import_resources WHERE project = ?').run(project);
      const insert = db.prepare('INSERT OR REPLACE INTO dbt_import_resources (project, resource_type, resource_key, unique_id) VALUES (?, ?, ?, ?)');
      for (const r of resources) insert.run(project, r.resource_type, r.resource_key, r.unique_id);
    },
    saveFieldMarks(marks) {
      ensure();
      const upsert = db.prepare(`INSERT INTO dbt_import_fields (resource_key, field, written_mark) VALUES (?, ?, ?)
        ON CONFLICT (resource_key, field) DO UPDATE SET written_mark = excluded.written_mark`);
      for (const m of marks) upsert.run(m.resource_key, m.field, m.mark);
    },
  };
}
