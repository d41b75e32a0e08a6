// A catalog file written by this version and then marked as if the migrations from `version` on had
// not run yet, for tests of what those migrations do to an older catalog; and whether the search
// index is marked for a rebuild (the search app's `search_index_stale` setting).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { createCatalogStore } from '../store/create-catalog-store';
import { openCatalogDatabase } from '../store/open-catalog-database';
import type { makeTable } from './open-test-catalog';

export function catalogBeforeMigration(
  tables: ReturnType<typeof makeTable>[], version: number, makeOlder: (db: Database) => void = () => {},
): { dir: string; dbPath: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'nansen-migrate-'));
  const dbPath = join(dir, 'catalog.db');
  const store = createCatalogStore(dbPath);
  store.writer.writeTables(tables);
  store.close();
  const db = openCatalogDatabase(dbPath);
  db.prepare('DELETE FROM schema_version WHERE version >= ?').run(version);
  makeOlder(db);
  db.close();
  return { dir, dbPath, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** 1 when the catalog at `dbPath` (migrated as it is opened) has its search index marked for a rebuild, else 0. */
export function searchIndexStale(dbPath: string): unknown {
  const db = openCatalogDatabase(dbPath);
  try {
    return db.prepare("SELECT count(*) FROM catalog_settings WHERE name = 'search_index_stale'").pluck().get();
  } finally {
    db.close();
  }
}
