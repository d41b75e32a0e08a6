// Opens the embedded catalog and serves its metadata and search APIs on CATALOG_HOST (loopback by default): the same code runs
// in its own process (catalog-main.ts, the default) or inside server/main.ts (CATALOG_PROCESS=in-process).
import type { Server } from 'node:http';
import type { Logger } from '../http/logger';
import { createBearerAuth } from './auth/create-bearer-auth';
import type { CatalogProcessSettings } from './catalog-process-protocol';
import { openCatalog } from './create-catalog';
import { listenError } from '../start-up/start-up-error';

export interface ServedCatalog {
  /** Stops accepting requests, lets those in flight finish, closes the database. */
  close(): Promise<void>;
}

function listen(app: { listen: (port: number, host: string, cb: (err?: Error) => void) => Server }, host: string, port: number, setting: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Express 5 calls the listen callback with the error when listening fails.
    const server = app.listen(port, host, (err?: NodeJS.ErrnoException) => (err ? reject(listenError(err, port, setting, { host, setting: 'CATALOG_HOST' })) : resolve(server)));
  });
}

const closeServer = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The start-up line of a catalog without a table: what to run to load some into this file (docs/ingest.md). */
export function describeEmptyCatalog(dbPath: string): string {
  const db = /^[\w./-]+$/.test(dbPath) ? dbPath : JSON.stringify(dbPath);
  return `catalog: ${dbPath} has no tables yet, so searches find nothing; load some with npm run catalog:import -- dbt --manifest target/manifest.json --db ${db} ` +
    `(or postgres, sqlite, openlineage), or npm run catalog:ingest -- --db ${db} records.ndjson (docs/ingest.md)`;
}

export async function serveCatalog(settings: CatalogProcessSettings, logger: Logger): Promise<ServedCatalog> {
  const authenticate = createBearerAuth({ issuer: settings.issuer, audience: settings.audience, allowInsecureHttp: settings.allowInsecureHttp });
  const catalog = openCatalog({
    dbPath: settings.dbPath,
    demoTables: settings.demoTables,
    authenticate,
    log: logger,
    onProgress: (message) => logger.info(`catalog: ${message}`),
    machineClients: settings.machineClients,
  });
  if (catalog.countTables() === 0) logger.info(describeEmptyCatalog(settings.dbPath));
  const servers: Server[] = [];
  const close = async () => {
    await Promise.all(servers.map(closeServer));
    catalog.close();
  };
  try {
    servers.push(await listen(catalog.metadataApp, settings.host, settings.metadataPort, 'CATALOG_METADATA_PORT'));
    servers.push(await listen(catalog.searchApp, settings.host, settings.searchPort, 'CATALOG_SEARCH_PORT'));
  } catch (err) {
    await close();
    throw err;
  }
  return { close };
}
