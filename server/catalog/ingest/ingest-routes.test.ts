import { gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestHandler } from 'express';
import { AUTH_HEADER, openTestCatalog, requireTestToken, type TestCatalog } from '../testing/open-test-catalog';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import { createIngestRoutes, type IngestRoutesDeps } from './ingest-routes';

let catalog: TestCatalog;
let db: CatalogDatabase;
beforeEach(() => {
  catalog = openTestCatalog();
  db = openCatalogDatabase(catalog.dbPath);
});
afterEach(() => {
  db.close();
  catalog.cleanup();
});

// Stands in for the bearer auth in front of the router: a valid token becomes a principal.
const withPrincipal: RequestHandler = (req, res, next) =>
  requireTestToken(req, res, () => {
    res.locals.principal = { subject: 'sub-1', email: 'loader@example.org' };
    next();
  });

const appWith = (deps: Partial<IngestRoutesDeps> = {}) => {
  const app = express();
  app.use(createIngestRoutes({ db, authenticate: withPrincipal, log: { error() {} }, ...deps }));
  return app;
};
const post = (body: string | Buffer, deps?: Partial<IngestRoutesDeps>, type = 'application/x-ndjson') =>
  request(appWith(deps)).post('/ingest').set(...AUTH_HEADER).set('Content-Type', type).send(body);

const lines = (...records: unknown[]) => records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
const table = (name: string) => ({ type: 'table', database: 'hive', cluster: 'gold', schema: 'core', name, columns: [{ name: 'id', col_type: 'int' }] });

describe('POST /ingest', () => {
  it('loads an NDJSON body and answers 200 with the summary; the table is then served by the metadata API', async () => {
    const res = await post(lines(table('orders'), { type: 'tag', resource_key: 'hive://gold.core/orders', tag: 'sales' }));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ loaded: { table: 1, tag: 1, user: 0 }, rejected: [], rejectedCount: 0, linesRead: 2 });
    const detail = await request(catalog.metadataApp).get('/table/hive://gold.core/orders').set(...AUTH_HEADER);
    expect(detail.status).toBe(200);
    expect(detail.body.tags).toEqual([{ tag_type: 'default', tag_name: 'sales' }]);
  });

  it('answers 200 with the rejected lines listed when some records are bad', async () => {
    const res = await post(lines(table('a'), '{oops', { type: 'usage', table_key: 'hive://gold.core/zzz', user_email: 'u@example.org', read_count: 3 }));
    expect(res.status).toBe(200);
    expect(res.body.loaded.table).toBe(1);
    expect(res.body.rejected).toEqual([
      { line: 2, reason: expect.stringMatching(/^invalid JSON/) },
      { line: 3, reason: 'unknown table "hive://gold.core/zzz" (load the table record first)' },
    ]);
    expect(res.body.rejectedCount).toBe(2);
  });

  it('notes who ingested in the edit log', async () => {
    await post(lines(table('logged')));
    const rows = db.prepare("SELECT user_id, after FROM edit_log WHERE resource_type = 'ingest'").all() as { user_id: string; after: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0].user_id).toBe('loader@example.org');
    expect(JSON.parse(rows[0].after)).toMatchObject({ loaded: { table: 1 }, rejectedCount: 0, linesRead: 1 });
  });

  it('refuses another content type with 400 and the catalog error envelope', async () => {
    const res = await post(lines(table('x')), {}, 'application/json');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      message: 'Send the records as Content-Type: application/x-ndjson (one JSON object per line); got "application/json".',
    });
    expect(db.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(0);
  });

  it('demands the bearer token', async () => {
    const res = await request(appWith()).post('/ingest').set('Content-Type', 'application/x-ndjson').send(lines(table('x')));
    expect(res.status).toBe(401);
  });

  it('answers 413 for a body over the limit, before reading it when Content-Length says so', async () => {
    const body = lines(...Array.from({ length: 50 }, (_, i) => table(`t${i}`)));
    const res = await post(body, { maxBytes: 1000 });
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/too large/);
    expect(db.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(0);
  });

  it('answers 413 when a gzip body grows past the limit, saying how far it got', async () => {
    const body = lines(...Array.from({ length: 200 }, (_, i) => table(`t${i}`)));
    const res = await post(gzipSync(body), { maxBytes: 4000 }, 'application/x-ndjson').set('Content-Encoding', 'gzip');
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/larger than 4000 bytes; lines 1–\d+ were processed/);
    const loaded = db.prepare('SELECT count(*) FROM tables').pluck().get() as number;
    expect(loaded).toBe(res.body.loaded.table);
    expect(loaded).toBeLessThan(200);
  });

  it('accepts a gzip body within the limit', async () => {
    const res = await post(gzipSync(lines(table('zipped'))), {}, 'application/x-ndjson').set('Content-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.body.loaded.table).toBe(1);
  });
});
