// For tests of the store's parts: a bare catalog database (schema, no catalog app; openTestCatalog is the
// whole catalog) in a folder of its own under the system's temp folder, closed and removed after each test
// (vitest's afterEach, registered by the call).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';

export function tempCatalogDatabases(prefix: string): { open(): CatalogDatabase } {
  const opened: { dir: string; db: CatalogDatabase }[] = [];
  afterEach(() => {
    for (const { dir, db } of opened.splice(0)) {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    open() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      const db = openCatalogDatabase(join(dir, 'catalog.db'));
      opened.push({ dir, db });
      return db;
    },
  };
}
