// The README's machine-access example, run as written (bash, curl, node) against the real development
// provider and the embedded catalog over HTTP, only with this test's ports: a pipeline's token from the
// client-credentials grant, an OpenLineage event posted with it. Then what the same token may not do.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBearerAuth } from './catalog/auth/create-bearer-auth';
import { openCatalog, type Catalog } from './catalog/create-catalog';
import { DEV_MACHINE_CLIENT } from './dev-idp/dev-machine-client';
import { startDevIdp, type DevIdp } from './dev-idp/start-dev-idp';
import { getFreePort } from './testing/free-port';

const AUDIENCE = 'urn:nansen:catalog';
const run = promisify(execFile);

/** The README's shell block that gets a token with the client-credentials grant and posts an event. */
function readReadmeExample(): string {
  const readme = fs.readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  const example = blocks.find((b) => b.includes('grant_type=client_credentials') && b.includes('/api/v1/lineage'));
  if (!example) throw new Error('README.md has no sh block that gets a client-credentials token and posts to /api/v1/lineage');
  return example;
}

describe('machine access with the development provider, as the README shows it', () => {
  let dataDir: string;
  let idp: DevIdp;
  let catalog: Catalog;
  let metadataUrl: string;
  const servers: Server[] = [];

  const listen = async (app: { listen: (port: number, host: string, cb: () => void) => Server }) => {
    const port = await getFreePort();
    await new Promise<void>((resolve) => servers.push(app.listen(port, '127.0.0.1', () => resolve())));
    return port;
  };

  const getToken = async () => {
    const res = await fetch(`${idp.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${DEV_MACHINE_CLIENT.clientId}:${DEV_MACHINE_CLIENT.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-machine-'));
    idp = await startDevIdp({
      mode: 'test',
      port: 0,
      client: { clientId: 'nansen-bff', clientSecret: 'integration-test-secret', redirectUris: ['http://localhost:1/auth'], postLogoutRedirectUris: ['http://localhost:1/logged-out'] },
      machineClients: [DEV_MACHINE_CLIENT],
      accessTokenAudience: AUDIENCE,
    });
    catalog = openCatalog({
      dbPath: path.join(dataDir, 'catalog.sqlite'),
      demoTables: 0,
      authenticate: createBearerAuth({ issuer: idp.issuer, audience: AUDIENCE, allowInsecureHttp: true }),
      machineClients: [DEV_MACHINE_CLIENT.clientId],
      log: { error() {} },
    });
    metadataUrl = `http://127.0.0.1:${await listen(catalog.metadataApp)}`;
  });

  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    catalog?.close();
    await idp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('gets a token and posts an event with the README\'s curl commands; the tables, the edge and the client\'s name land in the catalog', async () => {
    const script = readReadmeExample().replaceAll('http://localhost:5005', idp.issuer).replaceAll('http://127.0.0.1:5002', metadataUrl);
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], { timeout: 30_000 });
    expect(JSON.parse(stdout)).toMatchObject({ events: 1, tables: { added: 2, changed: 0 }, lineage: { added: 1 }, rejectedCount: 0 });

    const db = new Database(path.join(dataDir, 'catalog.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT key, description FROM tables ORDER BY key').all()).toEqual([
        { key: 'postgres://shop.marts/fct_orders', description: 'One row per order.' },
        { key: 'postgres://shop.public/orders', description: null },
      ]);
      expect(db.prepare('SELECT upstream_key, downstream_key FROM table_lineage').all())
        .toEqual([{ upstream_key: 'postgres://shop.public/orders', downstream_key: 'postgres://shop.marts/fct_orders' }]);
      expect(db.prepare("SELECT user_id FROM edit_log WHERE resource_type = 'ingest'").pluck().all()).toEqual([DEV_MACHINE_CLIENT.clientId]);
    } finally {
      db.close();
    }

    // The README says so: the same event again changes nothing.
    const again = await run('bash', ['-euo', 'pipefail', '-c', script], { timeout: 30_000 });
    expect(JSON.parse(again.stdout)).toMatchObject({ tables: { added: 0, changed: 0, unchanged: 2 }, lineage: { added: 0, unchanged: 1 } });
  });

  it('gives the pipeline\'s token 403 on a metadata write and a read, and lets it post NDJSON to /ingest', async () => {
    const token = await getToken();
    const key = 'postgres://shop.marts/fct_orders';
    const write = await fetch(`${metadataUrl}/table/${key}/description`, {
      method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ description: 'from a pipeline' }),
    });
    expect(write.status).toBe(403);
    const read = await fetch(`${metadataUrl}/table/${key}`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(403);
    const ingest = await fetch(`${metadataUrl}/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body: [
        { type: 'table', database: 'postgres', cluster: 'shop', schema: 'marts', name: 'fct_payments', columns: [{ name: 'id', col_type: 'bigint' }] },
        { type: 'tag', resource_key: 'postgres://shop.marts/fct_payments', tag: 'payments' },
      ].map((r) => `${JSON.stringify(r)}\n`).join(''),
    });
    expect(ingest.status).toBe(200);
    expect(await ingest.json()).toMatchObject({ loaded: { table: 1, tag: 1 }, rejectedCount: 0 });
  });
});
