// Fills a catalog database with demo data, or writes it as NDJSON ingest records:
//   npm run catalog:demo -- --tables 300 --db data/catalog.db [--seed 20250601] [--now 2026-12-08T09:00:00Z]
//   npm run catalog:demo -- --tables 300 --ndjson demo.ndjson
// Tables already in the file are upserted by key (same seed ⇒ same keys), so re-running is safe.
// Every time in the demo is counted back from now, or from --now (decision 112).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openCatalogDatabase } from '../store/open-catalog-database';
import { createDemoCatalogFile, seedDemoCatalog, type SeedDemoResult } from '../demo/seed-demo-catalog';
import { DEFAULT_DEMO_SEED } from '../demo/generate-demo-tables';
import { writeDemoNdjson } from '../demo/write-demo-ndjson';
import { parseDemoNow, readDemoNow } from '../demo/demo-times';

function parsePositiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
}

const USAGE = 'usage: npm run catalog:demo -- --tables N (--db path/to/catalog.db | --ndjson path/to/out.ndjson) [--seed S] [--now TIME]\n' +
  '       --now TIME: the instant the demo\'s times are counted back from (ISO 8601 with a zone, e.g. 2026-12-08T09:00:00Z); the clock\'s by default\n';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tables: { type: 'string', default: '300' },
      db: { type: 'string' },
      ndjson: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || (values.db === undefined) === (values.ndjson === undefined)) {
    process.stdout.write(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const count = parsePositiveInt('tables', values.tables, 300);
  const seed = parsePositiveInt('seed', values.seed, DEFAULT_DEMO_SEED);
  const now = values.now === undefined ? undefined : parseDemoNow(values.now, readDemoNow());
  if (values.ndjson !== undefined) {
    const started = performance.now();
    const written = await writeDemoNdjson(values.ndjson, { count, seed, now });
    process.stdout.write(`done: ${written.tables} tables in ${written.records} records (${(written.bytes / 2 ** 20).toFixed(1)} MiB) ` +
      `in ${((performance.now() - started) / 1000).toFixed(2)} s → ${values.ndjson}\n`);
    return;
  }
  const dbPath = values.db as string; // exactly one of --db / --ndjson is given
  const options = { count, seed, now, onProgress: (line: string) => process.stdout.write(`${line}\n`) };
  const done = (result: SeedDemoResult) =>
    process.stdout.write(`done: ${result.tables} tables, ${result.users} users, ${result.dashboards} dashboards in ${result.seconds.toFixed(2)} s → ${dbPath}\n`);
  // A new file is built whole and renamed into place; an existing catalog is loaded in place.
  if (!existsSync(dbPath)) {
    done(createDemoCatalogFile(dbPath, options));
    return;
  }
  const db = openCatalogDatabase(dbPath);
  try {
    done(seedDemoCatalog(db, options));
  } finally {
    db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demo-data: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
