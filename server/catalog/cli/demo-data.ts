// Fills a catalog database with demo data:
//   tsx server/catalog/cli/demo-data.ts --tables 300 --db data/catalog.db [--seed 20250601]
// Tables already in the file are upserted by key (same seed ⇒ same keys), so re-running is safe.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openCatalogDatabase } from '../store/open-catalog-database';
import { createDemoCatalogFile, seedDemoCatalog, type SeedDemoResult } from '../demo/seed-demo-catalog';
import { DEFAULT_DEMO_SEED } from '../demo/generate-demo-tables';

function parsePositiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      tables: { type: 'string', default: '300' },
      db: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.db) {
    process.stdout.write('usage: tsx server/catalog/cli/demo-data.ts --tables N --db path/to/catalog.db [--seed S]\n');
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const count = parsePositiveInt('tables', values.tables, 300);
  const seed = parsePositiveInt('seed', values.seed, DEFAULT_DEMO_SEED);
  const options = { count, seed, onProgress: (line: string) => process.stdout.write(`${line}\n`) };
  const done = (result: SeedDemoResult) =>
    process.stdout.write(`done: ${result.tables} tables, ${result.users} users, ${result.dashboards} dashboards in ${result.seconds.toFixed(2)} s → ${values.db}\n`);
  // A new file is built whole and renamed into place; an existing catalog is loaded in place.
  if (!existsSync(values.db)) {
    done(createDemoCatalogFile(values.db, options));
    return;
  }
  const db = openCatalogDatabase(values.db);
  try {
    done(seedDemoCatalog(db, options));
  } finally {
    db.close();
  }
}

try {
  main();
} catch (err) {
  process.stderr.write(`demo-data: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
