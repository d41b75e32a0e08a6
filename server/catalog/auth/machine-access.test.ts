// Which tokens are machine tokens, and what the catalog lets a machine client do: load metadata
// through POST /ingest, POST /import/dbt and POST /api/v1/lineage, and nothing else.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../create-catalog';
import { chainAuth, classifyCaller, createMachineAccess, readClientId } from './machine-access';
import type { TokenPrincipal } from './create-bearer-auth';
import { MINIMAL_START, PG, runEvent } from '../import/openlineage/openlineage-test-events';

const LISTED = new Set(['nansen-pipeline']);

describe('telling a machine token from a person\'s', () => {
  it.each([
    // [provider, claims, expected]
    ['oidc-provider, client credentials', { sub: 'nansen-pipeline', client_id: 'nansen-pipeline' }, { kind: 'machine', clientId: 'nansen-pipeline', listed: true }],
    ['oidc-provider, a person', { sub: 'roald', client_id: 'nansen-bff', email: 'roald.amundsen@example.org' }, { kind: 'person' }],
    ['Okta, client credentials', { sub: '0oa1pipeline', cid: '0oa1pipeline' }, { kind: 'machine', clientId: '0oa1pipeline', listed: false }],
    ['Okta, a person', { sub: 'roald@example.org', cid: '0oa1nansen', uid: '00u1' }, { kind: 'person' }],
    ['Auth0, client credentials', { sub: 'AbC123@clients', azp: 'AbC123', gty: 'client-credentials' }, { kind: 'machine', clientId: 'AbC123', listed: false }],
    ['Keycloak, a service account', { sub: '5f0c…', azp: 'etl', preferred_username: 'service-account-etl' }, { kind: 'machine', clientId: 'etl', listed: false }],
    ['Keycloak, a person', { sub: '8a1d…', azp: 'nansen', preferred_username: 'roald' }, { kind: 'person' }],
    ['Entra ID, an app-only token', { sub: '77aa…', oid: '77aa…', azp: 'c0ffee', idtyp: 'app' }, { kind: 'machine', clientId: 'c0ffee', listed: false }],
    ['a listed client, whatever its sub', { sub: 'someone', azp: 'nansen-pipeline' }, { kind: 'machine', clientId: 'nansen-pipeline', listed: true }],
  ])('%s', (_provider, claims, expected) => {
    expect(classifyCaller({ claims }, LISTED)).toEqual(expected);
  });
});

describe('reading the client id', () => {
  it('skips a client id claim that is empty or not a string, and takes the next one', () => {
    expect(readClientId({ client_id: '', azp: 'etl' })).toBe('etl');
    expect(readClientId({ client_id: 7, cid: '0oa1' })).toBe('0oa1');
    expect(readClientId({ client_id: '' })).toBeUndefined();
  });
});

describe('the machine check without a principal', () => {
  it('lets the request on as a person\'s when the authenticate step set none (the tests\' stand-ins)', () => {
    const access = createMachineAccess(['nansen-pipeline']);
    for (const middleware of [access.peopleOnly, access.allowLoaders]) {
      const res = { locals: {} };
      let passed: unknown[] | undefined;
      middleware({} as never, res as never, ((...args: unknown[]) => (passed = args)) as never);
      expect(passed).toEqual([]);
      expect(res.locals).toEqual({});
    }
  });
});

describe('each rule that makes a token a machine\'s, on its own', () => {
  // One test rather than a table: the table above is not credited to these lines by Stryker's runner.
  it('tells each provider\'s client-credentials shape from a person\'s by that shape alone', () => {
    const kind = (claims: Record<string, unknown>) => classifyCaller({ claims }, LISTED);
    expect(kind({ sub: '0oa1job', cid: '0oa1job' })).toEqual({ kind: 'machine', clientId: '0oa1job', listed: false });
    expect(kind({ sub: 'AbC123@clients', azp: 'AbC123' })).toEqual({ kind: 'machine', clientId: 'AbC123', listed: false });
    expect(kind({ sub: 'someone', azp: 'AbC123', gty: 'client-credentials' })).toEqual({ kind: 'machine', clientId: 'AbC123', listed: false });
    expect(kind({ sub: 'someone', azp: 'c0ffee', idtyp: 'app' })).toEqual({ kind: 'machine', clientId: 'c0ffee', listed: false });
    expect(kind({ sub: 'someone', azp: 'etl', preferred_username: 'service-account-etl' })).toEqual({ kind: 'machine', clientId: 'etl', listed: false });
    expect(kind({ sub: 'someone', azp: 'nansen-pipeline' })).toEqual({ kind: 'machine', clientId: 'nansen-pipeline', listed: true });
    expect(kind({ sub: 'roald', azp: 'nansen-bff', preferred_username: 'roald' })).toEqual({ kind: 'person' });
    expect(kind({ sub: 'nansen-bff@clients' })).toEqual({ kind: 'person' });
  });
});

/** Stands in for the bearer check: `Bearer <base64url of the claims>` becomes the principal, as the real check makes it. */
const claimsAuth: RequestHandler = (req, res, next) => {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token) {
    res.status(401).json({ message: 'no token' });
    return;
  }
  const claims = JSON.parse(Buffer.from(token, 'base64url').toString()) as Record<string, unknown>;
  const principal: TokenPrincipal = { subject: claims.sub as string, email: typeof claims.email === 'string' ? claims.email : null, claims };
  res.locals.principal = principal;
  next();
};
const bearer = (claims: Record<string, unknown>) => ['Authorization', `Bearer ${Buffer.from(JSON.stringify(claims)).toString('base64url')}`] as const;
const PIPELINE = bearer({ sub: 'nansen-pipeline', client_id: 'nansen-pipeline' });
const STRANGER = bearer({ sub: 'other-job', client_id: 'other-job' });
const PERSON = bearer({ sub: 'roald', client_id: 'nansen-bff', email: 'roald.amundsen@example.org' });

const TABLE_RECORD = JSON.stringify({ type: 'table', database: 'postgres', cluster: 'shop', schema: 'public', name: 'orders', columns: [{ name: 'id', col_type: 'bigint' }] });
const ORDERS = 'postgres://shop.public/orders';

let dir: string;
let catalog: Catalog;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-machine-'));
  catalog = openCatalog({ dbPath: join(dir, 'catalog.sqlite'), demoTables: 0, authenticate: claimsAuth, log: { error() {} }, machineClients: ['nansen-pipeline'] });
});
afterEach(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

const ingest = (auth: readonly ['Authorization', string]) =>
  request(catalog.metadataApp).post('/ingest').set(...auth).set('Content-Type', 'application/x-ndjson').send(TABLE_RECORD);
const DBT_FIXTURES = join(import.meta.dirname, '..', 'import', 'dbt', 'fixtures');
const FCT_VOYAGES = 'snowflake://analytics.marts/fct_voyages';
const dbtArtifacts = (): { manifest: any; catalog: unknown } => ({
  manifest: JSON.parse(readFileSync(join(DBT_FIXTURES, 'manifest-v12.json'), 'utf8')),
  catalog: JSON.parse(readFileSync(join(DBT_FIXTURES, 'catalog-v12.json'), 'utf8')),
});
const importDbt = (auth: readonly ['Authorization', string], body: object) =>
  request(catalog.metadataApp).post('/import/dbt').set(...auth).set('Content-Type', 'application/json').send(body);
const lineage = (auth: readonly ['Authorization', string], body: object = runEvent({ inputs: [{ namespace: PG, name: 'shop.public.orders' }], outputs: [{ namespace: PG, name: 'shop.marts.fct_orders' }] })) =>
  request(catalog.metadataApp).post('/api/v1/lineage').set(...auth).send(body);

describe('a machine client on CATALOG_MACHINE_CLIENTS', () => {
  it('loads metadata through POST /ingest and POST /api/v1/lineage, recorded in the edit log under its client id', async () => {
    const loaded = await ingest(PIPELINE);
    expect(loaded.status).toBe(200);
    expect(loaded.body.loaded.table).toBe(1);
    const posted = await lineage(PIPELINE);
    expect(posted.status).toBe(201);

    const edits = await request(catalog.metadataApp).get('/edits?resource_type=ingest').set(...PERSON);
    expect(edits.body.edits.map((e: { resource_key: string; user_id: string }) => [e.resource_key, e.user_id]))
      .toEqual([['openlineage', 'nansen-pipeline'], [expect.any(String), 'nansen-pipeline']]);
  });

  it.each([
    ['PUT a table description', (a: readonly ['Authorization', string]) => request(catalog.metadataApp).put(`/table/${ORDERS}/description`).set(...a).set('Content-Type', 'text/plain').send('{"description":"x"}')],
    ['PUT a column description', (a: readonly ['Authorization', string]) => request(catalog.metadataApp).put(`/table/${ORDERS}/column/id/description`).set(...a).set('Content-Type', 'text/plain').send('{"description":"x"}')],
    ['PUT a tag', (a: readonly ['Authorization', string]) => request(catalog.metadataApp).put(`/table/${ORDERS}/tag/finance`).set(...a)],
    ['DELETE a tag', (a: readonly ['Authorization', string]) => request(catalog.metadataApp).delete(`/table/${ORDERS}/tag/finance`).set(...a)],
    ['PUT an owner', (a: readonly ['Authorization', string]) => request(catalog.metadataApp).put(`/table/${ORDERS}/owner/liv.arnesen@example.org`).set(...a)],
    ['DELETE an owner', (a: readonly ['Authorization', string]) => request(catalog.metadataApp).delete(`/table/${ORDERS}/owner/liv.arnesen@example.org`).set(...a)],
    ['GET a table', (a: readonly ['Authorization', string]) => request(catalog.metadataApp).get(`/table/${ORDERS}`).set(...a)],
    ['GET the edit log', (a: readonly ['Authorization', string]) => request(catalog.metadataApp).get('/edits').set(...a)],
    ['search', (a: readonly ['Authorization', string]) => request(catalog.searchApp).post('/v2/search').set(...a).send({ query_term: 'orders', resource_types: ['table'] })],
  ])('gets 403 on %s, which a person may do', async (_what, call) => {
    await ingest(PERSON);
    const machine = await call(PIPELINE);
    expect(machine.status).toBe(403);
    expect(machine.body.message).toMatch(/^Machine client "nansen-pipeline" may only load metadata \(POST \/ingest, POST \/import\/dbt, POST \/api\/v1\/lineage\); [A-Z]+ \/\S* is for people\.$/);
    const person = await call(PERSON);
    expect(person.status).toBeLessThan(300);
  });

  it('imports dbt artifacts through POST /import/dbt (loading metadata, decision 033), recorded under its client id', async () => {
    const res = await importDbt(PIPELINE, dbtArtifacts());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ project: 'fram_analytics', tables: { added: 6 }, bad: [] });
    const edits = await request(catalog.metadataApp).get('/edits?resource_type=ingest').set(...PERSON);
    expect(edits.body.edits.map((e: { resource_key: string; user_id: string }) => [e.resource_key, e.user_id]))
      .toEqual([['dbt:fram_analytics', 'nansen-pipeline']]);
  });

  it('cannot overwrite a description a person edited through /import/dbt: the person\'s stays, the import lists it as kept', async () => {
    expect((await importDbt(PIPELINE, dbtArtifacts())).status).toBe(200);
    const put = await request(catalog.metadataApp).put(`/table/${FCT_VOYAGES}/description`).set(...PERSON)
      .set('Content-Type', 'text/plain').send(JSON.stringify({ description: 'Voyages, checked by Roald.' }));
    expect(put.status).toBe(200);
    const changed = dbtArtifacts();
    changed.manifest.nodes['model.fram_analytics.fct_voyages'].description = 'Voyages, as the pipeline says.';
    const res = await importDbt(PIPELINE, changed);
    expect(res.status).toBe(200);
    expect(res.body.skipped).toEqual([expect.objectContaining({ resource_key: FCT_VOYAGES, field: 'description', edited_by: 'roald.amundsen@example.org' })]);
    const read = await request(catalog.metadataApp).get(`/table/${FCT_VOYAGES}/description`).set(...PERSON);
    expect(read.body).toEqual({ description: 'Voyages, checked by Roald.' });
  });

  it('gets 403 on POST /import/sqlite, which stays people\'s (an uploaded database file, decision 033)', async () => {
    const res = await request(catalog.metadataApp).post('/import/sqlite?cluster=shop').set(...PIPELINE)
      .set('Content-Type', 'application/vnd.sqlite3').send(Buffer.from('SQLite format 3\0'));
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('Machine client "nansen-pipeline" may only load metadata (POST /ingest, POST /import/dbt, POST /api/v1/lineage); POST /import/sqlite is for people.');
  });

  it('changes nothing with a refused write', async () => {
    await ingest(PERSON);
    await request(catalog.metadataApp).put(`/table/${ORDERS}/description`).set(...PIPELINE).set('Content-Type', 'text/plain').send('{"description":"from a pipeline"}');
    const read = await request(catalog.metadataApp).get(`/table/${ORDERS}/description`).set(...PERSON);
    expect(read.body).toEqual({ description: null });
  });
});

describe('a client-credentials token of a client not on the list', () => {
  it('is refused on the loading endpoints too, naming CATALOG_MACHINE_CLIENTS, and loads nothing', async () => {
    for (const res of [await ingest(STRANGER), await lineage(STRANGER, MINIMAL_START)]) {
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('The access token is a client\'s (client "other-job"), not a person\'s, and that client is not one of the catalog\'s machine clients (CATALOG_MACHINE_CLIENTS).');
    }
    const read = await request(catalog.metadataApp).get(`/table/${ORDERS}`).set(...PERSON);
    expect(read.status).toBe(404);
  });

  it('is refused on reads, naming CATALOG_MACHINE_CLIENTS (not as a listed client that may only load)', async () => {
    const res = await request(catalog.searchApp).post('/v2/search').set(...STRANGER).send({ query_term: 'orders' });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('The access token is a client\'s (client "other-job"), not a person\'s, and that client is not one of the catalog\'s machine clients (CATALOG_MACHINE_CLIENTS).');
  });

  it('says so when the token names no client at all', async () => {
    const res = await request(catalog.searchApp).post('/v2/search').set(...bearer({ sub: 'job@clients', gty: 'client-credentials' })).send({ query_term: 'orders' });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('The access token is a client\'s (no client id), not a person\'s, and that client is not one of the catalog\'s machine clients (CATALOG_MACHINE_CLIENTS).');
  });
});

describe('a person', () => {
  it('may load through both endpoints, recorded under their email', async () => {
    expect((await lineage(PERSON)).status).toBe(201);
    const edits = await request(catalog.metadataApp).get('/edits?resource_type=ingest').set(...PERSON);
    expect(edits.body.edits[0].user_id).toBe('roald.amundsen@example.org');
  });
});

describe('chainAuth (the bearer check, then the machine check)', () => {
  /** Runs the chain once with a check that records whether it ran; resolves with what reached `next`. */
  function runChain(authenticate: RequestHandler): Promise<{ checked: boolean; passed: unknown[] }> {
    let checked = false;
    const check: RequestHandler = (_req, _res, next) => {
      checked = true;
      next();
    };
    return new Promise((resolve) => {
      const next = (...args: unknown[]) => resolve({ checked, passed: args });
      void chainAuth(authenticate, check)({} as never, { locals: {} } as never, next as never);
    });
  }

  it('fails closed: an error from the bearer check goes to the error handler and the machine check never runs', async () => {
    const broken = new Error('the key set could not be read');
    expect(await runChain((_req, _res, next) => next(broken))).toEqual({ checked: false, passed: [broken] });
  });

  it('fails closed when the bearer check rejects instead of calling next', async () => {
    const broken = new Error('boom');
    const rejecting = (() => Promise.reject(broken)) as unknown as RequestHandler;
    expect(await runChain(rejecting)).toEqual({ checked: false, passed: [broken] });
  });

  it('runs the machine check after a bearer check that passed', async () => {
    expect(await runChain((_req, _res, next) => next())).toEqual({ checked: true, passed: [] });
  });

  it('runs the machine check after next(null) too, which Express takes as no error', async () => {
    expect(await runChain((_req, _res, next) => next(null as never))).toEqual({ checked: true, passed: [] });
  });
});
