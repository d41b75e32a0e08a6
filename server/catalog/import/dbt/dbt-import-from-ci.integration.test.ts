// docs/ingest.md's CI example for POST /import/dbt, run as written (bash, curl, jq) against the real
// development provider and the embedded catalog over HTTP, only with this test's token endpoint and
// catalog address: a pipeline's token from the client-credentials grant, dbt's two artifacts from
// target/ posted with it (decision 033). Then the same with a client the catalog does not list.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBearerAuth } from '../../auth/create-bearer-auth';
import { openCatalog, type Catalog } from '../../create-catalog';
import { DEV_MACHINE_CLIENT } from '../../../dev-idp/dev-machine-client';
import { startDevIdp, type DevIdp } from '../../../dev-idp/start-dev-idp';

const AUDIENCE = 'urn:nansen:catalog';
const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const DOCS = path.join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'ingest.md');
/** The placeholders of the docs' example this test points at its own provider and catalog. */
const DOCS_TOKEN_URL = 'https://login.example.com/oauth2/default/v1/token';
const DOCS_CATALOG_URL = 'http://catalog-host:5002';
const UNLISTED = { clientId: 'other-job', clientSecret: 'other-job-secret' };
const run = promisify(execFile);

/** docs/ingest.md's shell block that gets a token and posts the artifacts to /import/dbt. */
function readDocsExample(): string {
  const docs = fs.readFileSync(DOCS, 'utf8');
  const blocks = [...docs.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  const example = blocks.find((b) => b.includes('grant_type=client_credentials') && b.includes('/import/dbt'));
  if (!example) throw new Error('docs/ingest.md has no sh block that gets a client-credentials token and posts to /import/dbt');
  expect(example).toContain(DOCS_TOKEN_URL);
  expect(example).toContain(DOCS_CATALOG_URL);
  return example;
}

describe('a CI job importing dbt artifacts over HTTP, as docs/ingest.md shows it', () => {
  let dir: string;
  let idp: DevIdp;
  let catalog: Catalog;
  let server: Server;
  let script: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-dbt-ci-'));
    // The CI job's working directory: a dbt project after `dbt docs generate`.
    fs.mkdirSync(path.join(dir, 'project', 'target'), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, 'manifest-v12.json'), path.join(dir, 'project', 'target', 'manifest.json'));
    fs.copyFileSync(path.join(FIXTURES, 'catalog-v12.json'), path.join(dir, 'project', 'target', 'catalog.json'));
    idp = await startDevIdp({
      mode: 'test',
      port: 0,
      client: { clientId: 'nansen-bff', clientSecret: 'integration-test-secret', redirectUris: ['http://localhost:1/auth'], postLogoutRedirectUris: ['http://localhost:1/logged-out'] },
      machineClients: [DEV_MACHINE_CLIENT, UNLISTED],
      accessTokenAudience: AUDIENCE,
    });
    catalog = openCatalog({
      dbPath: path.join(dir, 'catalog.sqlite'),
      demoTables: 0,
      authenticate: createBearerAuth({ issuer: idp.issuer, audience: AUDIENCE, allowInsecureHttp: true }),
      machineClients: [DEV_MACHINE_CLIENT.clientId],
      log: { error() {} },
    });
    await new Promise<void>((resolve) => (server = catalog.metadataApp.listen(0, '127.0.0.1', () => resolve())));
    const catalogUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    script = readDocsExample().replaceAll(DOCS_TOKEN_URL, `${idp.issuer}/token`).replaceAll(DOCS_CATALOG_URL, catalogUrl);
  });

  afterAll(async () => {
    if (server) await new Promise((r) => server.close(r));
    catalog?.close();
    await idp?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const runExample = (client: { clientId: string; clientSecret: string }) =>
    run('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: path.join(dir, 'project'),
      env: { ...process.env, CLIENT_ID: client.clientId, CLIENT_SECRET: client.clientSecret },
      timeout: 30_000,
    });

  it('imports the project with the pipeline\'s token, recorded under its client id; a re-run with a model gone prunes it', async () => {
    const { stdout } = await runExample(DEV_MACHINE_CLIENT);
    expect(JSON.parse(stdout)).toMatchObject({
      source: 'dbt', project: 'fram_analytics', database: 'snowflake', prune: true, dryRun: false,
      tables: { added: 6, changed: 0, removed: 0 }, bad: [],
    });
    const db = new Database(path.join(dir, 'catalog.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM tables WHERE key LIKE 'snowflake://%'").pluck().get()).toBe(6);
      expect(db.prepare("SELECT resource_key, user_id FROM edit_log WHERE resource_type = 'ingest'").all())
        .toEqual([{ resource_key: 'dbt:fram_analytics', user_id: DEV_MACHINE_CLIENT.clientId }]);
    } finally {
      db.close();
    }

    // The next CI run, after the snapshot left the project: `prune=true` removes its table.
    const manifestPath = path.join(dir, 'project', 'target', 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    delete manifest.nodes['snapshot.fram_analytics.crew_snapshot'];
    fs.writeFileSync(manifestPath, JSON.stringify(manifest));
    const again = await runExample(DEV_MACHINE_CLIENT);
    expect(JSON.parse(again.stdout)).toMatchObject({ tables: { added: 0, changed: 0, unchanged: 5, removed: 1 } });
  });

  it('fails the job with the catalog\'s reason when the client is not in CATALOG_MACHINE_CLIENTS, and imports nothing', async () => {
    const before = fs.statSync(path.join(dir, 'catalog.sqlite')).mtimeMs;
    const failed = await runExample(UNLISTED).then(() => undefined, (err: { code: number; stdout: string }) => err);
    expect(failed?.code).toBe(22); // curl --fail-with-body: an HTTP error
    expect(JSON.parse(failed!.stdout)).toEqual({
      message: 'The access token is a client\'s (client "other-job"), not a person\'s, and that client is not one of the catalog\'s machine clients (CATALOG_MACHINE_CLIENTS).',
    });
    const db = new Database(path.join(dir, 'catalog.sqlite'), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM edit_log WHERE user_id = 'other-job'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    expect(fs.statSync(path.join(dir, 'catalog.sqlite')).mtimeMs).toBe(before);
  });
});
