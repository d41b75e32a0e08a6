// The store: one SQLite database behind read and write interfaces. No HTTP here.
import { openCatalogDatabase, type CatalogDatabase } from './open-catalog-database';
import { createTableReader, type TableReader } from './read-tables';
import { createTableWriter, type TableWriter } from './write-tables';

export interface CatalogStore {
  db: CatalogDatabase;
  tables: TableReader;
  writer: TableWriter;
  countTables(): number;
  checkHealth(): boolean;
  close(): void;
}

export function createCatalogStore(dbPath: string): CatalogStore {
  const db = openCatalogDatabase(dbPath);
  const count = db.prepare('SELECT count(*) FROM tables').pluck();
  const ping = db.prepare('SELECT 1').pluck();
  return {
    db,
    tables: createTableReader(db),
    writer: createTableWriter(db),
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
