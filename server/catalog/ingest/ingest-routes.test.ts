import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip, gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestHandler } from 'express';
import { AUTH_HEADER, openTestCatalog, requireTestToken, type TestCatalog } from '../testing/open-test-catalog';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import { createIngestRoutes, type IngestRoutesDeps } from './ingest-routes';
import { SEARCH_DOCUMENTS_PENDING } from './write-ingest-records';

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
    const res = await post(lines(table('a'), '{oops', { type: 'usage', table_key: 'hive://gold.core/zzz', user_email: 'u@example.org', read_count: 3 }, '['.repeat(100_000), table('b')));
    expect(res.status).toBe(200);
    expect(res.body.loaded.table).toBe(2);
    expect(res.body.rejected).toEqual([
      { line: 2, reason: 'invalid JSON at column 2: expected a property name in double quotes, found "o"' },
      { line: 3, reason: 'unknown table "hive://gold.core/zzz" (load the table record first)' },
      // Too deep to scan for where it breaks: still one rejected line, in JSON.parse's words.
      { line: 4, reason: expect.stringMatching(/^invalid JSON: (?!at column)./) },
    ]);
    expect(res.body.rejectedCount).toBe(3);
  });

  it('refuses a body of another kind with 400, saying what it is and where to send it, and loads nothing', async () => {
    const manifest = JSON.stringify({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json', project_name: 'acme' }, nodes: {} });
    const event = { eventTime: '2026-01-01T00:00:00Z', eventType: 'COMPLETE', run: { runId: 'r1' }, job: { namespace: 'n', name: 'j' }, schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json' };
    const cases: [string | Buffer, RegExp][] = [
      [gzipSync(lines(table('zipped'))), /^The request body is gzip-compressed but was sent without Content-Encoding: gzip: nothing was loaded\. Add the header/],
      [manifest, /^The request body is one JSON document \(a dbt manifest\), not NDJSON: nothing was loaded\. To load a dbt project: POST \{"manifest": …, "catalog": …\} to \/import\/dbt/],
      [JSON.stringify(JSON.parse(manifest), null, 2), /^The request body is one JSON document \(a dbt manifest\)/],
      [lines(event, event), /^The request body holds OpenLineage events, not ingest records: nothing was loaded\. To load them: POST them to \/api\/v1\/lineage/],
      [JSON.stringify([table('a'), table('b')]), /^The request body is one JSON array, not NDJSON \(one JSON object a line\): nothing was loaded\. If it holds ingest records, write one a line: jq -c '\.\[\]'/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect({ status: res.status, body: res.body }, String(message)).toEqual({ status: 400, body: { message: expect.stringMatching(message) } });
    }
    expect(db.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM edit_log WHERE resource_type = 'ingest'").pluck().get()).toBe(0);
  });

  it('answers 422 when every record of the body was rejected, with the reasons, so `curl --fail` notices', async () => {
    const res = await post(lines('{oops', { type: 'usage', table_key: 'hive://gold.core/zzz', user_email: 'u@example.org', read_count: 3 }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      message: 'Nothing was loaded: all 2 record(s) were rejected (see rejected).',
      loaded: { table: 0 }, rejectedCount: 2,
      rejected: [{ line: 1, reason: expect.stringMatching(/^invalid JSON/) }, { line: 2, reason: 'unknown table "hive://gold.core/zzz" (load the table record first)' }],
    });
  });

  it('refuses a query parameter, as it takes none, loading nothing', async () => {
    const res = await request(appWith()).post('/ingest?dry_run=true').set(...AUTH_HEADER).set('Content-Type', 'application/x-ndjson').send(lines(table('a')));
    expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: { message: 'unknown parameter "dry_run" (POST /ingest takes none)' } });
    expect(db.prepare('SELECT count(*) FROM tables').pluck().get()).toBe(0);
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

  it('refuses an empty body, or one of blank lines only, with 400 in the catalog error envelope, loading nothing', async () => {
    const why = 'an empty export usually means the job that writes it failed). Send one JSON record per line (docs/ingest.md).';
    for (const [body, words, gzip] of [
      ['', 'is empty', false],
      ['\uFEFF\n  \n\r\n\n', 'has only blank lines', false],
      ['', 'is empty', true],
      ['\n'.repeat(200_000), 'has only blank lines', true],
    ] as const) {
      let req = request(appWith()).post('/ingest').set(...AUTH_HEADER).set('Content-Type', 'application/x-ndjson');
      if (gzip) req = req.set('Content-Encoding', 'gzip');
      const res = await req.send(gzip ? gzipSync(body) : body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ message: `No records in the request body: nothing loaded (the body ${words}; ${why}` });
    }
    expect(db.prepare("SELECT count(*) FROM edit_log WHERE resource_type = 'ingest'").pluck().get()).toBe(0);
    // A body with a record after blank lines still loads, its line numbers counted from the first line.
    const res = await post(`${'\n'.repeat(70_000)}${lines(table('late'), '{oops')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ loaded: { table: 1 }, rejected: [{ line: 70_002 }], linesRead: 70_002 });
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

describe('POST /ingest with Accept: application/x-ndjson (streamed progress)', () => {
  // Small batches and no rate limit on progress, so a few records make several progress lines.
  const streaming: Partial<IngestRoutesDeps> = { ingestOptions: { batchSize: 2, progressIntervalMs: 0 } };
  // supertest has no parser for NDJSON: keep the text (as res.body).
  type TextStream = { setEncoding(encoding: BufferEncoding): unknown; on(event: string, listener: (chunk: string) => void): unknown };
  const readText = (res: TextStream, done: (err: Error | null, body: string) => void) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => done(null, text));
  };
  const postStreamed = (body: string | Buffer, deps: Partial<IngestRoutesDeps> = streaming) =>
    post(body, deps).set('Accept', 'application/x-ndjson').buffer(true).parse(readText);
  const linesOf = (body: string) => {
    expect(body.endsWith('\n')).toBe(true);
    return body.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; [field: string]: unknown });
  };
  const countTables = () => db.prepare('SELECT count(*) FROM tables').pluck().get() as number;

  it('answers 200 at once, a line per progress event, and last the same summary the JSON answer has', async () => {
    const body = lines(...Array.from({ length: 5 }, (_, i) => table(`s${i}`)), '{oops');
    const res = await postStreamed(body);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['cache-control']).toBe('no-store');
    const streamed = linesOf(res.body);
    const last = streamed.at(-1)!;
    expect(last.type).toBe('summary');
    const progress = streamed.slice(0, -1);
    expect(progress.every((l) => l.type === 'progress')).toBe(true);
    const loading = progress.filter((l) => l.phase === 'loading');
    expect(loading.map((l) => l.recordsLoaded)).toEqual([2, 4, 5]);
    expect(loading[0]).toEqual({
      type: 'progress', phase: 'loading', linesRead: 2, bytesRead: expect.any(Number), recordsLoaded: 2, recordsRejected: 0,
      elapsedMs: expect.any(Number), recordsPerSecond: expect.any(Number),
    });
    expect(progress.map((l) => l.phase).slice(-2)).toEqual(['indexing', 'done']);

    // The same body again (an upsert: same counts) as a plain JSON answer.
    const json = await post(body, streaming);
    expect(json.status).toBe(200);
    const { type: _type, ...summary } = last;
    expect({ ...summary, durationMs: 0 }).toEqual({ ...json.body, durationMs: 0 });
    expect(summary).toMatchObject({ loaded: { table: 5 }, rejectedCount: 1, linesRead: 6 });
  });

  it('ends with an error line saying what a body of another kind is, and loads nothing', async () => {
    const res = await postStreamed(JSON.stringify([table('a')]));
    expect(res.status).toBe(200); // sent before the body was read
    expect(linesOf(res.body)).toEqual([{ type: 'error', status: 400, message: expect.stringMatching(/^The request body is one JSON array, not NDJSON/) }]);
    expect(countTables()).toBe(0);
  });

  it('keeps the JSON answer for Accept */*, application/json, one it cannot meet, or none', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'application/json, application/x-ndjson;q=0.5', 'text/html']) {
      const req = post(lines(table('plain')), streaming);
      const res = await (accept === undefined ? req : req.set('Accept', accept));
      expect(res.status, String(accept)).toBe(200);
      expect(res.headers['content-type'], String(accept)).toMatch(/^application\/json/);
      expect(res.body, String(accept)).toMatchObject({ loaded: { table: 1 }, rejectedCount: 0 });
    }
  });

  it('still answers 400 and 413 when the request is refused before loading starts', async () => {
    const badType = await post(lines(table('x')), streaming, 'text/plain').set('Accept', 'application/x-ndjson');
    expect(badType.status).toBe(400);
    expect(badType.headers['content-type']).toMatch(/^application\/json/);
    expect(badType.body.message).toMatch(/^Send the records as Content-Type/);
    const tooLarge = await post(lines(...Array.from({ length: 50 }, (_, i) => table(`t${i}`))), { ...streaming, maxBytes: 1000 })
      .set('Accept', 'application/x-ndjson');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.message).toMatch(/too large/);
    expect(countTables()).toBe(0);
  });

  it('answers an empty body with one error line of status 400 (the status line is sent before the body is read)', async () => {
    const res = await postStreamed('\n\n');
    expect(res.status).toBe(200);
    expect(linesOf(res.body)).toEqual([{
      type: 'error', status: 400,
      message: 'No records in the request body: nothing loaded (the body has only blank lines; an empty export usually means the job that writes it failed). Send one JSON record per line (docs/ingest.md).',
    }]);
    expect(db.prepare("SELECT count(*) FROM edit_log WHERE resource_type = 'ingest'").pluck().get()).toBe(0);
  });

  it('ends with an error line and the partial summary when the body grows past the limit mid-load', async () => {
    // ~27 kB unzipped, which the decompressor hands on in 16 KiB pieces: the first is loaded.
    const body = gzipSync(lines(...Array.from({ length: 200 }, (_, i) => table(`t${i}`))));
    const res = await postStreamed(body, { ...streaming, maxBytes: 20_000 }).set('Content-Encoding', 'gzip');
    expect(res.status).toBe(200); // sent before the limit was reached
    const streamed = linesOf(res.body);
    expect(streamed.filter((l) => l.type === 'progress' && l.phase === 'loading').length).toBeGreaterThan(0);
    expect(streamed.filter((l) => l.type === 'summary')).toEqual([]);
    const last = streamed.at(-1)!;
    expect(last).toMatchObject({ type: 'error', status: 413, message: expect.stringMatching(/larger than 20000 bytes; lines 1–\d+ were processed/) });
    expect((last.loaded as { table: number }).table).toBe(countTables());
    expect(countTables()).toBeGreaterThan(0);
    expect(countTables()).toBeLessThan(200);
  });

  it('ends with "Internal Server Error" (no detail) and the partial summary when the database fails mid-load', async () => {
    // A database error on the third table: the first two are committed, then the load stops.
    db.function('fail_storage', () => {
      throw new Error('disk on fire at /secret/path');
    });
    db.exec("CREATE TEMP TRIGGER fail_third BEFORE INSERT ON main.tables WHEN NEW.name = 't2' BEGIN SELECT fail_storage(); END");
    const log = { error: vi.fn() };
    const res = await postStreamed(lines(...Array.from({ length: 5 }, (_, i) => table(`t${i}`))), {
      ...streaming, log, ingestOptions: { batchSize: 1, progressIntervalMs: 0 },
    });
    expect(res.status).toBe(200);
    const streamed = linesOf(res.body);
    expect(streamed.filter((l) => l.phase === 'loading').map((l) => l.recordsLoaded)).toEqual([1, 2]);
    expect(streamed.at(-1)).toMatchObject({ type: 'error', status: 500, message: 'Internal Server Error', loaded: { table: 2 }, linesRead: 3 });
    expect(res.body).not.toMatch(/disk on fire|secret|stack|Bearer/);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0][0]).toBe('catalog POST /ingest failed');
    expect(countTables()).toBe(2);
  });

  it('notes the ingest and ends with the whole summary when only the final search index refresh fails', async () => {
    // Every record commits; the refresh writes the search documents, and that fails.
    db.function('fail_refresh', () => {
      throw new Error('disk on fire at /secret/path');
    });
    db.exec('CREATE TEMP TRIGGER fail_search_docs BEFORE INSERT ON main.table_search BEGIN SELECT fail_refresh(); END');
    const log = { error: vi.fn() };
    const res = await postStreamed(lines(table('t0'), table('t1')), { ...streaming, log });
    const last = linesOf(res.body).at(-1);
    expect(last).toMatchObject({ type: 'error', status: 500, message: 'Internal Server Error', loaded: { table: 2 }, linesRead: 2 });
    expect(res.body).not.toMatch(/disk on fire|secret/);
    expect(countTables()).toBe(2);
    expect(db.prepare("SELECT count(*) FROM edit_log WHERE resource_type = 'ingest'").pluck().get()).toBe(1);
  });

  describe('a client that disconnects mid-body', () => {
    let server: Server;
    afterEach(() => new Promise<void>((resolve) => {
      server.closeAllConnections(); // a load that hangs must fail its test, not the whole run
      server.close(() => resolve());
    }));

    const within5s = <T>(promise: Promise<T>, what: string) =>
      Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within 5 s`)), 5000).unref())]);

    // Sends the headers, expects the answer's status before any record; then sends a few lines (gzip
    // or not), hangs up once the first progress line has arrived, and waits for the load to finish on
    // the server: its edit log row is written last.
    const disconnectMidBody = async (gzip: boolean) => {
      const log = { error: vi.fn() };
      server = appWith({ ...streaming, log }).listen(0);
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const req = httpRequest({
        port, method: 'POST', path: '/ingest',
        headers: {
          [AUTH_HEADER[0]]: AUTH_HEADER[1], 'Content-Type': 'application/x-ndjson', Accept: 'application/x-ndjson',
          ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
        },
      });
      req.on('error', () => {}); // our own hang-up
      const response = new Promise<IncomingMessage>((resolve) => req.on('response', resolve));
      req.flushHeaders();
      const res = await within5s(response, 'status line before the body');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
      const firstLine = new Promise<string>((resolve) => res.once('data', (d: Buffer) => resolve(String(d))));
      const part = lines(...Array.from({ length: 4 }, (_, i) => table(`d${i}`)));
      if (gzip) {
        const zip = createGzip();
        zip.pipe(req);
        zip.write(part);
        zip.flush();
      } else {
        req.write(part);
      }
      expect(JSON.parse((await within5s(firstLine, 'progress line')).split('\n')[0])).toMatchObject({ type: 'progress', phase: 'loading' });
      req.destroy();
      const ingestRows = () => db.prepare("SELECT count(*) FROM edit_log WHERE resource_type = 'ingest'").pluck().get();
      await vi.waitFor(() => expect(ingestRows()).toBe(1), { timeout: 5000, interval: 20 });
      expect(countTables()).toBe(4);
      expect(db.prepare(`SELECT count(*) FROM catalog_settings WHERE name = '${SEARCH_DOCUMENTS_PENDING}'`).pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM table_search').pluck().get()).toBe(4);
      // The server is still fine.
      const after = await request(server).post('/ingest').set(...AUTH_HEADER).set('Content-Type', 'application/x-ndjson').send(lines(table('later')));
      expect(after.status).toBe(200);
      // A client hanging up is not a server failure.
      expect(log.error).not.toHaveBeenCalled();
    };

    it('stops the load where the body ended, refreshes the search index and keeps serving', () => disconnectMidBody(false));
    it('does the same for a gzip body (the decompressor hears about the hang-up)', () => disconnectMidBody(true));
  });
});
