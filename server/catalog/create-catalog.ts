// The embedded catalog: an Amundsen-compatible metadata API and search API on one SQLite file.
// server/main.ts listens metadataApp on 5002 and searchApp on 5001 (Amundsen's defaults).
import type { Express, RequestHandler } from 'express';
import { createCatalogStore } from './store/create-catalog-store';
import { createMetadataApp } from './metadata/create-metadata-app';
import { createSearchApp } from './search/create-search-app';
import { seedDemoCatalog } from './demo/seed-demo-catalog';
import type { ErrorLog } from './http/handle-catalog-errors';

export interface CatalogOptions {
  /** SQLite file; parent dir created if missing. */
  dbPath: string;
  /** If the DB has no tables, generate this many demo tables on open. */
  demoTables: number;
  /** Bearer-token middleware, applied to every route except GET /healthcheck. */
  authenticate: RequestHandler;
  /** Progress lines for long work (demo generation). */
  onProgress?: (message: string) => void;
  /** Where 5xx errors are logged; defaults to stderr. */
  log?: ErrorLog;
}

export interface Catalog {
  metadataApp: Express;
  searchApp: Express;
  close(): void;
}

const stderrLog: ErrorLog = {
  error(message, err) {
    process.stderr.write(`${new Date().toISOString()} error ${message}${err instanceof Error ? ` — ${err.name}: ${err.message}` : ''}\n`);
  },
};

export function openCatalog(options: CatalogOptions): Catalog {
  const store = createCatalogStore(options.dbPath);
  try {
    if (options.demoTables > 0 && store.countTables() === 0) {
      seedDemoCatalog(store.db, { count: options.demoTables, onProgress: options.onProgress });
    }
  } catch (err) {
    store.close();
    throw err;
  }
  const deps = { store, authenticate: options.authenticate, log: options.log ?? stderrLog };
  return {
    metadataApp: createMetadataApp(deps),
    searchApp: createSearchApp(deps),
    close: () => store.close(),
  };
}
