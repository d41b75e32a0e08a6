import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError, UpstreamError, UpstreamPreconditionFailedError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import { createUpstreamHttp, encodeKeyForPath, type UpstreamHttp } from './upstream-http';

describe('upstream HTTP client', () => {
  let server: http.Server;
  let client: UpstreamHttp;
  const logger = createMemoryLogger();
  const seen: { url: string; auth: string | undefined; contentType: string | undefined; body: string; ifMatch?: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ url: req.url!, auth: req.headers.authorization, contentType: req.headers['content-type'], body, ...(req.headers['if-match'] ? { ifMatch: req.headers['if-match'] } : {}) });
        const path = req.url!.replace(/^\/base/, '');
        const send = (status: number, payload: string, type = 'application/json') => res.writeHead(status, { 'content-type': type }).end(payload);
        if (path.startsWith('/ok')) return send(200, JSON.stringify({ value: 1 }));
        if (path.startsWith('/tagged')) return res.writeHead(200, { 'content-type': 'application/json', etag: '"d-abc"' }).end('{"value": 2}');
        if (path.startsWith('/stale')) return send(412, JSON.stringify({ message: 'The description changed since it was read' }));
        if (path.startsWith('/no-content')) return res.writeHead(204).end();
        if (path.startsWith('/missing')) return send(404, JSON.stringify({ message: 'table_uri x does not exist' }));
        if (path.startsWith('/bad-input')) return send(400, JSON.stringify({ message: 'query_term is required' }));
        if (path.startsWith('/unauthorized')) return send(401, JSON.stringify({ message: 'invalid token' }));
        if (path.startsWith('/redirect')) return res.writeHead(302, { location: '/logout' }).end();
        if (path.startsWith('/broken')) return send(500, '<html>oops</html>', 'text/html');
        if (path.startsWith('/slow')) return setTimeout(() => send(200, '{}'), 2500);
        return send(200, JSON.stringify({ unexpected: true }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    client = createUpstreamHttp({ name: 'metadata service', baseUrl: `http://127.0.0.1:${port}/base/`, timeoutMs: 1000, logger });
  });
  afterAll(async () => {
    await client.close();
    await new Promise((r) => server.close(r));
  });

  const schema = z.object({ value: z.number() });

  it('sends the bearer token under the base path and parses the answer', async () => {
    await expect(client.call({ method: 'POST', path: '/ok', token: 'tok-123', query: { limit: 5, skip: undefined }, body: { a: 1 }, schema })).resolves.toEqual({ value: 1 });
    expect(seen.at(-1)).toEqual({ url: '/base/ok?limit=5', auth: 'Bearer tok-123', contentType: 'application/json', body: '{"a":1}' });
  });

  it('sends a GET with a JSON body and its content type, as Amundsen\'s lineage GETs need', async () => {
    await expect(client.call({ method: 'GET', path: '/ok/lineage', token: 't', query: { depth: 2 }, body: {}, schema })).resolves.toEqual({ value: 1 });
    expect(seen.at(-1)).toEqual({ url: '/base/ok/lineage?depth=2', auth: 'Bearer t', contentType: 'application/json', body: '{}' });
  });

  it('reads an empty answer (a 204) as null for the schema to judge', async () => {
    await expect(client.call({ method: 'GET', path: '/no-content', token: 't', schema: schema.nullable() })).resolves.toBeNull();
  });

  it('maps 404 to NotFoundError with the service message, and 400 to InputError', async () => {
    await expect(client.call({ method: 'GET', path: '/missing', token: 't', schema })).rejects.toMatchObject({ name: 'NotFoundError', message: 'table_uri x does not exist' });
    await expect(client.call({ method: 'GET', path: '/bad-input', token: 't', schema })).rejects.toBeInstanceOf(InputError);
  });

  it('treats a 401 or a redirect (flaskoidc) as a refused token, without logging the token', async () => {
    for (const path of ['/unauthorized', '/redirect']) {
      const err = await client.call({ method: 'GET', path, token: 'secret-token-value', schema }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamError);
      expect((err as UpstreamError).code).toBe('upstream_rejected_token');
    }
    expect(logger.lines.join('\n')).not.toContain('secret-token-value');
  });

  it('reports a failing, slow or nonsensical service as a bad gateway', async () => {
    await expect(client.call({ method: 'GET', path: '/broken', token: 't', schema })).rejects.toMatchObject({ status: 502, code: 'upstream_failed' });
    await expect(client.call({ method: 'GET', path: '/slow', token: 't', schema })).rejects.toMatchObject({ status: 504, code: 'upstream_timeout' });
    await expect(client.call({ method: 'GET', path: '/other', token: 't', schema })).rejects.toMatchObject({ code: 'upstream_bad_response' });
  });

  it("answers the service's ETag (null when it sends none) and sends extra headers such as If-Match", async () => {
    await expect(client.callWithEtag({ method: 'GET', path: '/tagged', token: 't', schema })).resolves.toEqual({ body: { value: 2 }, etag: '"d-abc"' });
    await expect(client.callWithEtag({ method: 'GET', path: '/ok', token: 't', schema })).resolves.toEqual({ body: { value: 1 }, etag: null });
    await client.call({ method: 'PUT', path: '/ok', token: 't', headers: { 'if-match': '"d-abc"' }, body: {}, schema });
    expect(seen.at(-1)).toMatchObject({ ifMatch: '"d-abc"', auth: 'Bearer t' });
  });

  it('maps 412 (a stale If-Match) to UpstreamPreconditionFailedError for the write routes to turn into a conflict', async () => {
    const err = await client.call({ method: 'PUT', path: '/stale', token: 't', schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamPreconditionFailedError);
    expect(err).toMatchObject({ code: 'upstream_precondition_failed' });
  });

  it('encodes keys the way Amundsen expects: slashes and colons kept, the rest escaped', () => {
    expect(encodeKeyForPath("hive://gold.test_schema/test's_table4")).toBe("hive://gold.test_schema/test's_table4");
    expect(encodeKeyForPath('hive://gold.s/a b?#%')).toBe('hive://gold.s/a%20b%3F%23%25');
  });
});
