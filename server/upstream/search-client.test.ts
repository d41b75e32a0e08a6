import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { AmundsenSearchRequest } from '../../contract/amundsen-shapes';
import { UpstreamError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import { createSearchClient, findSearchFailure } from './search-client';
import { createUpstreamHttp } from './upstream-http';

const request: AmundsenSearchRequest = { query_term: 'x', resource_types: ['table', 'user'], page_index: 0, results_per_page: 10, filters: [], highlight_options: {} };
const group = { total_results: 0, results: [] };

describe('a search answer that is a failure in disguise (Amundsen answers 200)', () => {
  it('status_code 500: Elasticsearch failed for the last resource; its msg says why', () => {
    expect(findSearchFailure(request, { msg: 'all shards failed', status_code: 500, results: { table: group, user: group } })).toBe('all shards failed');
    expect(findSearchFailure(request, { msg: '', status_code: 503, results: { table: group } })).toBe('status_code 503');
  });

  it('no results for any resource asked for: the Elasticsearch call itself failed', () => {
    expect(findSearchFailure(request, { msg: '', status_code: 200, results: {} })).toBe('no results for any resource asked for');
  });

  it('zero hits, a missing status_code or one resource left out is not a failure', () => {
    expect(findSearchFailure(request, { msg: 'Success', status_code: 200, results: { table: group, user: group } })).toBeUndefined();
    expect(findSearchFailure(request, { results: { table: group } })).toBeUndefined();
    expect(findSearchFailure({ ...request, resource_types: [] }, { results: {} })).toBeUndefined();
  });
});

describe('the search document update after a tag change', () => {
  it('POSTs an add or an overwrite and DELETEs a removal to /v2/document, every key present, and answers the msg', async () => {
    const seen: { method: string; url: string; contentType?: string; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, contentType: req.headers['content-type'], body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"msg": "Updated 1 document"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const upstream = createUpstreamHttp({ name: 'search service', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 2000, logger: createMemoryLogger() });
    try {
      const search = createSearchClient(upstream);
      const update = { resource_key: 'hive://gold.s/t', resource_type: 'table', field: 'tag', value: 'pii' } as const;
      await expect(search.updateDocument('t', 'add', update)).resolves.toBe('Updated 1 document');
      await search.updateDocument('t', 'remove', update);
      await search.updateDocument('t', 'overwrite', { ...update, field: 'description', value: 'New text' });
      const body = JSON.stringify({ ...update, operation: 'add' });
      expect(seen).toEqual([
        { method: 'POST', url: '/v2/document', contentType: 'application/json', body },
        { method: 'DELETE', url: '/v2/document', contentType: 'application/json', body },
        { method: 'POST', url: '/v2/document', contentType: 'application/json', body: JSON.stringify({ ...update, field: 'description', value: 'New text', operation: 'overwrite' }) },
      ]);
    } finally {
      await upstream.close();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('a search', () => {
  /** A search service that answers `answer` to every POST /v2/search and records the requests. */
  async function withService(answer: unknown, run: (search: ReturnType<typeof createSearchClient>, seen: { url: string; body: string }[], logger: ReturnType<typeof createMemoryLogger>) => Promise<void>) {
    const seen: { url: string; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ url: `${req.method} ${req.url}`, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const logger = createMemoryLogger();
    const upstream = createUpstreamHttp({ name: 'search service', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 2000, logger });
    try {
      await run(createSearchClient(upstream, logger), seen, logger);
    } finally {
      await upstream.close();
      await new Promise((r) => server.close(r));
    }
  }
  const asked = { query_term: 'orders', resource_types: ['table', 'user'], page_index: 0, results_per_page: 10, filters: [], highlight_options: {} };

  it('POSTs the request to /v2/search and answers the parsed results', async () => {
    await withService({ msg: 'Success', results: { table: { total_results: 0, results: [] } } }, async (search, seen) => {
      await expect(search.search('t', asked)).resolves.toMatchObject({ msg: 'Success', results: { table: { total_results: 0, results: [] } } });
      expect(seen).toEqual([{ url: 'POST /v2/search', body: JSON.stringify(asked) }]);
    });
  });

  it('turns a failure inside a 200 into a 502, with the service\'s words in the log and not in the error', async () => {
    await withService({ msg: `all shards failed on es-1.internal ${'x'.repeat(600)}`, status_code: 500, results: {} }, async (search, _seen, logger) => {
      const err = await search.search('t', asked).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamError);
      expect(err).toMatchObject({ code: 'search_failed', status: 502 });
      expect((err as Error).message).toBe('The search service failed to search; try again in a moment. If it keeps failing, an administrator should check the search service and its Elasticsearch.');
      const log = logger.lines.join('\n');
      expect(log).toContain(`search service: the search for table, user failed: all shards failed on es-1.internal ${'x'.repeat(465)}`);
      expect(log).not.toContain('x'.repeat(466));
    });
    await withService({ status_code: 500, results: {} }, async (search, _seen, logger) => {
      const { resource_types: _all, ...everything } = asked;
      // The type requires resource_types; the client still reads a request without them as "everything".
      await expect(search.search('t', everything as unknown as AmundsenSearchRequest)).rejects.toMatchObject({ code: 'search_failed' });
      await expect(search.search('t', { ...asked, resource_types: [] })).rejects.toMatchObject({ code: 'search_failed' });
      expect(logger.lines.filter((l) => l.includes('the search for'))).toEqual([
        expect.stringContaining('search service: the search for everything failed: status_code 500'),
        expect.stringContaining('search service: the search for everything failed: status_code 500'),
      ]);
    });
  });

  it('reads a request without resource types as one for everything: no group missing is a failure then', async () => {
    await withService({ results: {} }, async (search) => {
      const { resource_types: _all, ...everything } = asked;
      await expect(search.search('t', everything as unknown as AmundsenSearchRequest)).resolves.toMatchObject({ results: {} });
    });
  });

  it('fails a search the same way without a logger', async () => {
    const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status_code": 500, "results": {}}'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const upstream = createUpstreamHttp({ name: 'search service', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 2000, logger: createMemoryLogger() });
    try {
      await expect(createSearchClient(upstream).search('t', asked)).rejects.toMatchObject({ code: 'search_failed', status: 502 });
    } finally {
      await upstream.close();
      await new Promise((r) => server.close(r));
    }
  });
});

