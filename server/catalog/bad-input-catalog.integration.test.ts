// Bad input against the embedded catalog's APIs (issue 14 §5): a seeded fuzz of the metadata API, the
// search API and POST /ingest over real HTTP on free ports, with the same hostile strings, malformed
// and wrong-typed bodies as the BFF's fuzz. Every answer is a 4xx with Amundsen's `{"message": …}`
// or a success — never a 5xx, never a dropped connection — and the catalog answers after each batch.
// (The bearer check is the test stand-in, open-test-catalog.ts: what is fuzzed is the input past it.)
import type { Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCase, fuzzCases, HOSTILE_STRINGS, MALFORMED_BODIES, type FuzzRoute } from '../testing/fuzz-inputs';
import { sendRaw, type RawAnswer, type RawRequest } from '../testing/raw-http';
import { AUTH_HEADER, openTestCatalog, type TestCatalog } from './testing/open-test-catalog';

const SEED = 14_005;
const BATCH = 25;
const ORDERS = 'hive://gold.sales/orders';
const AUTH = { [AUTH_HEADER[0].toLowerCase()]: AUTH_HEADER[1] };

/** The metadata API's routes, a key (`:key`) in the path where Amundsen puts it. */
const METADATA_ROUTES: readonly FuzzRoute[] = [
  { method: 'GET', path: '/table/:key' },
  { method: 'GET', path: '/table/:key/description' },
  { method: 'PUT', path: '/table/:key/description', body: { description: 'd' } },
  { method: 'PUT', path: `/table/${ORDERS}/column/:key/description`, body: { description: 'd' } },
  { method: 'PUT', path: '/table/:key/tag/x' },
  { method: 'DELETE', path: `/table/${ORDERS}/tag/:key` },
  { method: 'PUT', path: `/table/${ORDERS}/owner/:key` },
  { method: 'PUT', path: '/table/:key/badge/beta', body: { category: 'table_status' } },
  { method: 'GET', path: '/table/:key/dashboard/' },
  { method: 'GET', path: '/table/:key/lineage', query: ['depth', 'direction'] },
  { method: 'GET', path: '/popular_tables/', query: ['limit'] },
  { method: 'GET', path: '/popular_resources/:key', query: ['limit', 'types'] },
  { method: 'GET', path: '/tags/' },
  { method: 'GET', path: '/badges/' },
  { method: 'GET', path: '/edits', query: ['type', 'key', 'before', 'limit', 'user_id'] },
  { method: 'GET', path: '/user', query: ['user_id'] },
  { method: 'PUT', path: '/user', body: { user_id: 'a@example.org', email: 'a@example.org', display_name: 'A' } },
  { method: 'GET', path: '/user/:key' },
  { method: 'GET', path: '/user/:key/follow/' },
  { method: 'PUT', path: '/user/:key/follow/table/hive://gold.sales/orders' },
  { method: 'GET', path: '/dashboard/:key' },
  { method: 'GET', path: '/system/statistics' },
];
const SEARCH_ROUTES: readonly FuzzRoute[] = [
  { method: 'POST', path: '/v2/search', body: { query_term: 'orders', resource_types: ['table'], page_index: 0, results_per_page: 10, filters: [] } },
  { method: 'PUT', path: '/v2/document', body: { resource_type: 'table', resource_key: ORDERS, field: 'tag', operation: 'add', value: 'x' } },
];

/** Node's HTTP parser refuses what is not HTTP before Express sees it: 400 or 431, no body. */
const refusedByParser = (answer: RawAnswer) => (answer.status === 400 || answer.status === 431) && answer.text === '';

function problemWith(answer: RawAnswer): string | null {
  if (answer.status === 0) return 'no answer (connection dropped)';
  if (answer.status >= 500) return 'a 5xx';
  if (answer.status < 400 || refusedByParser(answer)) return null;
  try {
    const { message } = JSON.parse(answer.text) as { message?: unknown };
    // Flask-RESTful's reqparse answers a missing field as {"message": {"<field>": "Missing required parameter …"}}; so do we.
    const texts = typeof message === 'string' ? [message] : typeof message === 'object' && message !== null ? Object.values(message) : [];
    return texts.length > 0 && texts.every((t) => typeof t === 'string' && t.trim().length >= 10) ? null : 'a 4xx without a clear message';
  } catch {
    return 'a 4xx whose body is not JSON';
  }
}

describe("the catalog's APIs refuse bad input with a 4xx and stay up", () => {
  let catalog: TestCatalog;
  const servers: Server[] = [];
  let metadataPort: number;
  let searchPort: number;
  const listen = (app: Express) =>
    new Promise<number>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
      servers.push(server);
    });
  const expectUp = async () => {
    expect((await sendRaw(metadataPort, { method: 'GET', path: `/table/${ORDERS}`, headers: AUTH })).status).toBe(200);
    expect((await sendRaw(searchPort, { method: 'GET', path: '/healthcheck' })).status).toBe(200);
  };
  const run = async (port: number, routes: readonly FuzzRoute[], seed: number, count: number) => {
    const failures: string[] = [];
    let refused = 0;
    const cases = fuzzCases(routes, { seed, count, prefix: '', headers: AUTH });
    for (let start = 0; start < cases.length; start += BATCH) {
      for (const c of cases.slice(start, start + BATCH)) {
        const answer = await sendRaw(port, c.request);
        const problem = problemWith(answer);
        if (problem) failures.push(`${problem}: ${describeCase(c, answer)}`);
        if (answer.status >= 400 && answer.status < 500) refused++;
      }
      await expectUp();
    }
    return { failures, refused };
  };

  beforeAll(async () => {
    catalog = openTestCatalog({ demoTables: 40 });
    metadataPort = await listen(catalog.metadataApp);
    searchPort = await listen(catalog.searchApp);
  });
  afterAll(async () => {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    catalog?.cleanup();
  });

  it(`answers 300 fuzzed metadata requests (seed ${SEED}) with a 4xx and a message, or a success, never a 5xx`, async () => {
    const { failures, refused } = await run(metadataPort, METADATA_ROUTES, SEED, 300);
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(300 * 0.5);
  }, 300_000);

  it(`answers 150 fuzzed search requests (seed ${SEED + 1}) with a 4xx and a message, or a success, never a 5xx`, async () => {
    const { failures, refused } = await run(searchPort, SEARCH_ROUTES, SEED + 1, 150);
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(150 * 0.5);
  }, 300_000);

  it('answers bad ingest bodies (wrong type, encoding, garbage, a lying gzip, hostile names) with a 4xx or a summary of rejected lines', async () => {
    const ndjson = { ...AUTH, 'content-type': 'application/x-ndjson' };
    const cases: { what: string; request: RawRequest }[] = [
      { what: 'JSON, not NDJSON', request: { method: 'POST', path: '/ingest', headers: { ...AUTH, 'content-type': 'application/json' }, body: '{"type":"table"}' } },
      { what: 'no content type', request: { method: 'POST', path: '/ingest', headers: AUTH, body: '{"type":"table"}\n' } },
      { what: 'a charset nobody knows', request: { method: 'POST', path: '/ingest', headers: { ...ndjson, 'content-type': 'application/x-ndjson; charset=klingon' }, body: '{}\n' } },
      { what: 'gzip that is not gzip', request: { method: 'POST', path: '/ingest', headers: { ...ndjson, 'content-encoding': 'gzip' }, body: '{"type":"user"}\n' } },
      { what: 'an unknown encoding', request: { method: 'POST', path: '/ingest', headers: { ...ndjson, 'content-encoding': 'zstd-bogus' }, body: '{}\n' } },
      { what: 'truncated gzip', request: { method: 'POST', path: '/ingest', headers: { ...ndjson, 'content-encoding': 'gzip' }, body: gzipSync('{"type":"user","email":"t@example.org"}\n'.repeat(100)).subarray(0, 40) } },
      ...MALFORMED_BODIES.map((body, i) => ({ what: `malformed line ${i}`, request: { method: 'POST', path: '/ingest', headers: ndjson, body: `${body}\n` } })),
      ...HOSTILE_STRINGS.map((s, i) => ({
        what: `hostile table name ${i}`,
        request: { method: 'POST', path: '/ingest', headers: ndjson, body: `${JSON.stringify({ type: 'table', database: 'hive', cluster: 'fuzz', schema: s, name: s, columns: [{ name: s, col_type: s }] })}\n` },
      })),
      { what: 'every record of the wrong type', request: { method: 'POST', path: '/ingest', headers: ndjson, body: ['table', 'user', 'dashboard', 'lineage', 'usage', 'owner', 'tag'].map((type) => JSON.stringify({ type, key: 1, columns: 'x', email: [], upstream: {}, read_count: 'many' })).join('\n') } },
    ];
    const failures: string[] = [];
    for (const [index, c] of cases.entries()) {
      const answer = await sendRaw(metadataPort, c.request);
      const problem = problemWith(answer);
      if (problem) failures.push(`${problem}: ${describeCase({ index, ...c }, answer)}`);
      if (index % 10 === 9) await expectUp();
    }
    expect(failures).toEqual([]);
    await expectUp();
  }, 120_000);

  it('answers a 5 MB metadata body with 413 and a message, and stays up', async () => {
    const answer = await sendRaw(metadataPort, {
      method: 'PUT', path: `/table/${ORDERS}/description`, headers: AUTH, body: JSON.stringify({ description: 'x'.repeat(5 * 1024 * 1024) }),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toEqual({ message: 'The request body is too large.' });
    const search = await sendRaw(searchPort, {
      method: 'POST', path: '/v2/search', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ query_term: 'x'.repeat(5 * 1024 * 1024) }),
    });
    expect(search.status).toBe(413);
    await expectUp();
  });

  it('refuses headers larger than Node allows with 431, and a very long key with a 4xx, and stays up', async () => {
    expect((await sendRaw(metadataPort, { method: 'GET', path: `/table/${ORDERS}`, headers: { ...AUTH, 'x-filler': 'b'.repeat(64 * 1024) } })).status).toBe(431);
    const long = await sendRaw(metadataPort, { method: 'GET', path: `/table/hive://gold.sales/${'k'.repeat(10_000)}`, headers: AUTH });
    expect(long.status).toBe(404);
    expect(problemWith(long)).toBeNull();
    await expectUp();
  });
});
