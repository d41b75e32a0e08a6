// Writes the demo users and `count` demo tables into a catalog database in batched transactions,
// reporting progress as it goes.
import type { CatalogDatabase } from '../store/open-catalog-database';
import { createTableWriter } from '../store/write-tables';
import type { TableRecord } from '../store/catalog-records';
import { buildDemoUsers, DEFAULT_DEMO_SEED, generateDemoTables } from './generate-demo-tables';

export interface SeedDemoOptions {
  count: number;
  seed?: number;
  batchSize?: number;
  onProgress?: (message: string) => void;
}

export interface SeedDemoResult {
  tables: number;
  users: number;
  seconds: number;
}

export function seedDemoCatalog(db: CatalogDatabase, options: SeedDemoOptions): SeedDemoResult {
  const { count, seed = DEFAULT_DEMO_SEED, batchSize = 2000, onProgress } = options;
  const started = performance.now();
  const writer = createTableWriter(db);
  const users = buildDemoUsers();
  writer.writeUsers(users);

  const report = (done: number) => {
    const seconds = (performance.now() - started) / 1000;
    onProgress?.(`demo catalog: ${done}/${count} tables written (${Math.round(done / Math.max(seconds, 0.001))} tables/s)`);
  };
  let batch: TableRecord[] = [];
  let written = 0;
  let nextReport = 10_000;
  for (const table of generateDemoTables({ count, seed })) {
    batch.push(table);
    if (batch.length >= batchSize) {
      writer.writeTables(batch, { deferSearchIndex: true });
      written += batch.length;
      batch = [];
      if (written >= nextReport) {
        report(written);
        nextReport += 10_000;
      }
    }
  }
  if (batch.length) writer.writeTables(batch, { deferSearchIndex: true });
  written += batch.length;
  onProgress?.('demo catalog: building the search index');
  writer.rebuildSearchIndex();
  db.pragma('optimize');
  report(written);
  return { tables: written, users: users.length, seconds: (performance.now() - started) / 1000 };
}
