// The embedded catalog served from the test's own process, for a Nansen started with METADATA_URL and
// SEARCH_URL (which then runs no catalog of its own): the same code and HTTP APIs, trusting the access
// tokens of that Nansen's development provider, whose port is chosen before either starts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveCatalog } from '../server/catalog/serve-catalog';
import { createMemoryLogger } from '../server/http/logger';
import { getFreePort } from '../server/testing/free-port';

export interface ServedTestCatalog {
  metadataUrl: string;
  searchUrl: string;
  close(): Promise<void>;
}

/** The audience the development provider puts in access tokens (server/main.ts). */
const DEV_CATALOG_AUDIENCE = 'urn:nansen:catalog';

export async function serveCatalogFor(options: { idpOrigin: string; demoTables: number; name: string }): Promise<ServedTestCatalog> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nansen-e2e-${options.name}-catalog-`));
  const [metadataPort, searchPort] = [await getFreePort(), await getFreePort()];
  const served = await serveCatalog(
    {
      dbPath: path.join(dir, 'catalog.sqlite'),
      demoTables: options.demoTables,
      issuer: options.idpOrigin,
      audience: DEV_CATALOG_AUDIENCE,
      allowInsecureHttp: true,
      host: '127.0.0.1',
      metadataPort,
      searchPort,
      machineClients: [],
    },
    createMemoryLogger(),
  );
  return {
    metadataUrl: `http://127.0.0.1:${metadataPort}`,
    searchUrl: `http://127.0.0.1:${searchPort}`,
    async close() {
      await served.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
