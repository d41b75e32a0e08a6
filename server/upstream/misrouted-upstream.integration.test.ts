// A METADATA_URL or SEARCH_URL with a wrong path (or at another app) answers 404 on every call. That
// is a setting to fix, not "there is no such table" (decision 078): against the embedded catalog, and
// against a stand-in for Amundsen's Flask (an HTML 404 for a URL it has no route for) and an Express app.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import { makeTable, openTestCatalog, TEST_TOKEN, type TestCatalog } from '../catalog/testing/open-test-catalog';
import { createMetadataClient } from './metadata-client';
import { createSearchClient } from './search-client';
import { createUpstreamHttp, type UpstreamHttp } from './upstream-http';

const TABLE = 'hive://gold.core/customers';
const MISCONFIGURED = { status: 502, code: 'upstream_misconfigured', message: 'The metadata service was not found where Nansen looks for it: Nansen is set up wrong. Tell whoever runs Nansen.' };
const FLASK_404 = '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';

async function listen(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

describe('a metadata or search URL that leads to the wrong place', () => {
  let catalog: TestCatalog;
  let metadataServer: Awaited<ReturnType<typeof listen>>;
  let searchServer: Awaited<ReturnType<typeof listen>>;
  const clients: UpstreamHttp[] = [];

  beforeAll(async () => {
    catalog = openTestCatalog({ tables: [makeTable(TABLE)], users: [{ user_id: 'ada@example.org', email: 'ada@example.org' }] });
    metadataServer = await listen(catalog.metadataApp);
    searchServer = await listen(catalog.searchApp);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await metadataServer.close();
    await searchServer.close();
    catalog.cleanup();
  });

  function upstream(name: 'metadata service' | 'search service', baseUrl: string, logger = createMemoryLogger()) {
    const client = createUpstreamHttp({ name, setting: name === 'metadata service' ? 'METADATA_URL' : 'SEARCH_URL', baseUrl, timeoutMs: 3000, logger });
    clients.push(client);
    return client;
  }
  const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('answered'); }, (e: unknown) => e as Error & { code?: string; status?: number });

  it('keeps the embedded catalog\'s genuine "not found" for a table, a column, a dashboard and a person', async () => {
    const metadata = createMetadataClient(upstream('metadata service', metadataServer.url));
    await expect(metadata.getTable(TEST_TOKEN, TABLE)).resolves.toMatchObject({ name: 'customers' });
    const table = await failure(metadata.getTable(TEST_TOKEN, 'hive://gold.core/nope'));
    expect(table).toBeInstanceOf(NotFoundError);
    expect(table).toMatchObject({ code: 'not_found', message: 'There is no table hive://gold.core/nope in the catalog.' });
    expect(await failure(metadata.getDescription(TEST_TOKEN, { type: 'column', tableKey: TABLE, column: 'nope' }))).toMatchObject({ code: 'not_found', message: `There is no column nope in the table ${TABLE}.` });
    expect(await failure(metadata.getDashboard(TEST_TOKEN, 'mode_dashboard://gold.g/nope'))).toMatchObject({ code: 'not_found', message: 'There is no dashboard mode_dashboard://gold.g/nope in the catalog.' });
    expect(await failure(metadata.getUser(TEST_TOKEN, 'nobody@example.org'))).toMatchObject({ code: 'not_found', message: 'There is no person nobody@example.org in the catalog.' });
  });

  it('answers a wrong path on the embedded catalog as a set-up error on every page, logged once naming METADATA_URL and the fix, without the token', async () => {
    const logger = createMemoryLogger();
    const metadata = createMetadataClient(upstream('metadata service', `http://reader:s3cret@127.0.0.1:${new URL(metadataServer.url).port}/wrong`, logger));
    expect(await failure(metadata.getTable(TEST_TOKEN, TABLE))).toMatchObject(MISCONFIGURED);
    expect(await failure(metadata.getDashboard(TEST_TOKEN, 'mode_dashboard://gold.g/d'))).toMatchObject(MISCONFIGURED);
    expect(await failure(metadata.getUser(TEST_TOKEN, 'ada@example.org'))).toMatchObject(MISCONFIGURED);
    expect(await failure(metadata.getBookmarks(TEST_TOKEN, 'ada@example.org'))).toMatchObject(MISCONFIGURED);
    // GET /edits is the embedded catalog's own route: Amundsen has none, so its 404 still means "no edit log".
    await expect(metadata.listEdits(TEST_TOKEN, { resourceKey: TABLE, resourceTypes: ['table'], limit: 5 })).resolves.toBeNull();
    expect(logger.lines).toHaveLength(1);
    const line = logger.lines[0]!;
    expect(line).toContain('metadata service GET /table/hive://gold.core/customers answered 404 with a web server\'s unknown-URL message, not the service\'s own "not found"');
    expect(line).toContain(`METADATA_URL (http://reader:***@127.0.0.1:${new URL(metadataServer.url).port}/wrong) does not lead to the metadata service`);
    expect(line).toContain("Set METADATA_URL to the metadata service's base URL");
    expect(line).not.toContain('s3cret');
    expect(line).not.toContain('Bearer');
  });

  it('answers SEARCH_URL at the metadata service the same way', async () => {
    const logger = createMemoryLogger();
    const search = createSearchClient(upstream('search service', metadataServer.url, logger));
    const request = { query_term: 'customers', resource_types: ['table'], page_index: 0, results_per_page: 10, filters: [], highlight_options: {} };
    expect(await failure(search.search(TEST_TOKEN, request))).toMatchObject({ ...MISCONFIGURED, message: MISCONFIGURED.message.replace('metadata', 'search') });
    expect(logger.lines.join('\n')).toContain('SEARCH_URL');
    const right = createSearchClient(upstream('search service', searchServer.url));
    await expect(right.search(TEST_TOKEN, request)).resolves.toBeDefined();
  });

  it("answers Flask's HTML 404 page (Amundsen's for a URL it has no route for) and Express's as a set-up error, not a missing table", async () => {
    const flask = await listen((_req, res) => res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(FLASK_404));
    const express = await listen((req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `Cannot ${req.method} ${req.url}`, error: 'Not Found', statusCode: 404 })));
    // A stand-in for Amundsen's metadata service itself: its own JSON for a table it does not have.
    const amundsen = await listen((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end(`${JSON.stringify({ message: `table_uri ${TABLE} does not exist` })}\n`));
    try {
      for (const url of [flask.url, express.url]) {
        const logger = createMemoryLogger();
        expect(await failure(createMetadataClient(upstream('metadata service', url, logger)).getTable(TEST_TOKEN, TABLE))).toMatchObject(MISCONFIGURED);
        expect(logger.lines.join('\n')).toMatch(/answered 404 with (HTML|JSON that is not the service's), not the service's own "not found": METADATA_URL/);
      }
      expect(await failure(createMetadataClient(upstream('metadata service', amundsen.url)).getTable(TEST_TOKEN, TABLE))).toMatchObject({ code: 'not_found', message: `There is no table ${TABLE} in the catalog.` });
    } finally {
      await Promise.all([flask.close(), express.close(), amundsen.close()]);
    }
  });
});
