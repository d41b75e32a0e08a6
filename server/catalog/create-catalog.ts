// The embedded catalog: an Amundsen-compatible metadata API and search API on one SQLite file.
// server/main.ts listens metadataApp on 5002 and searchApp on 5001 (Amundsen's defaults).
import { existsSync } from 'node:fs';
import express, { type Express, type RequestHandler } from 'express';
import { createCatalogStore } from './store/create-catalog-store';
import { createMetadataApp } from './metadata/create-metadata-app';
import { createSearchApp } from './search/create-search-app';
import { createDemoCatalogFile, seedDemoCatalog } from './demo/seed-demo-catalog';
import { createIngestRoutes } from './ingest/ingest-routes';
import { createDbtImportRoutes } from './import/dbt/dbt-import-routes';
import { createSqliteImportRoutes } from './import/database/sqlite-import-routes';
import { createOpenLineageRoutes } from './import/openlineage/openlineage-routes';
import { chainAuth, createMachineAccess } from './auth/machine-access';
import type { ErrorLog } from './http/handle-catalog-errors';
import type { BadgeRecord } from './store/catalog-records';

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
  /**
   * Badges a metadata PUT may attach in addition to those already in the catalog (Amundsen's
   * WHITELIST_BADGES; see metadata/create-badge-policy.ts). Default: none.
   */
  badgeWhitelist?: readonly BadgeRecord[];
  /**
   * Description ETags and If-Match (our extension; metadata/description-etag.ts). Default true; false
   * makes the descriptions behave as Amundsen's do, for tests of the BFF against such services.
   */
  descriptionEtags?: boolean;
  /**
   * Client ids whose client-credentials tokens may load metadata (POST /ingest, POST /import/dbt, POST /api/v1/lineage)
   * and nothing else (CATALOG_MACHINE_CLIENTS; auth/machine-access.ts). Default: none.
   */
  machineClients?: readonly string[];
}

export interface Catalog {
  metadataApp: Express;
  searchApp: Express;
  /** Tables in the catalog now. */
  countTables(): number;
  close(): void;
}

const stderrLog: ErrorLog = {
  error(message, err) {
    process.stderr.write(`${new Date().toISOString()} error ${message}${err instanceof Error ? ` — ${err.name}: ${err.message}` : ''}\n`);
  },
};

export function openCatalog(options: CatalogOptions): Catalog {
  // A catalog file that does not exist yet is built whole and renamed into place (crash-safe).
  if (options.demoTables > 0 && options.dbPath !== ':memory:' && !existsSync(options.dbPath)) {
    createDemoCatalogFile(options.dbPath, { count: options.demoTables, onProgress: options.onProgress });
  }
  const store = createCatalogStore(options.dbPath);
  try {
    if (options.demoTables > 0 && store.countTables() === 0) {
      seedDemoCatalog(store.db, { count: options.demoTables, onProgress: options.onProgress });
    }
  } catch (err) {
    store.close();
    throw err;
  }
  // Machine clients may load metadata through POST /ingest, POST /import/dbt and POST /api/v1/lineage
  // and do nothing else (decisions 015 and 033; POST /import/sqlite stays people's); people may do everything.
  const access = createMachineAccess(options.machineClients ?? []);
  const loaderAuth = chainAuth(options.authenticate, access.allowLoaders);
  const deps = { store, authenticate: chainAuth(options.authenticate, access.peopleOnly), log: options.log ?? stderrLog };
  // POST /ingest, POST /import/dbt, POST /import/sqlite and POST /api/v1/lineage (our extensions and OpenLineage's path,
  // docs/ingest.md) go before the metadata routes' catch-all.
  const metadataApp = express();
  metadataApp.disable('x-powered-by');
  metadataApp.use(createIngestRoutes({ db: store.db, authenticate: loaderAuth, log: deps.log }));
  metadataApp.use(createDbtImportRoutes({ db: store.db, authenticate: loaderAuth, log: deps.log }));
  metadataApp.use(createSqliteImportRoutes({ db: store.db, authenticate: deps.authenticate, log: deps.log }));
  metadataApp.use(createOpenLineageRoutes({ db: store.db, authenticate: loaderAuth, log: deps.log }));
  metadataApp.use(createMetadataApp({ ...deps, badgeWhitelist: options.badgeWhitelist, descriptionEtags: options.descriptionEtags }));
  return {
    metadataApp,
    searchApp: createSearchApp(deps),
    countTables: () => store.countTables(),
    close: () => store.close(),
  };
}
