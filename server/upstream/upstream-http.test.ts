import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError, UpstreamError, UpstreamPreconditionFailedError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import { createUpstreamHttp, describeUnreachable, encodeKeyForPath, encodeUserIdForPath, type UpstreamHttp } from './upstream-http';

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
    await expect(client.call({ method: 'GET', path: '/missing', token: 't', schema })).rejects.toMatchObject({ name: 'NotFoundError', message: 'There is no table x in the catalog.' });
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
    await expect(client.call({ method: 'GET', path: '/slow', token: 't', schema })).rejects.toMatchObject({
      status: 504, code: 'upstream_timeout', message: 'The metadata service did not answer within 1000 ms; try again.',
    });
    await expect(client.call({ method: 'GET', path: '/other', token: 't', schema })).rejects.toMatchObject({ code: 'upstream_bad_response' });
    // A slow service is expected now and then: one line, no stack trace.
    expect(logger.lines.filter((line) => line.includes('GET /slow'))).toEqual([expect.stringMatching(/ warn metadata service GET \/slow failed: no answer within 1000 ms$/)]);
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

describe('upstream HTTP client: the answers it refuses, in words', () => {
  let server: http.Server;
  let port: number;
  const seen: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  /** Path → status, body, and content type (application/json unless given; a list is sent as that many headers). */
  const routes: Record<string, [number, string, (string | string[])?]> = {
    '/forbidden': [403, '{"message": "no"}'],
    '/moved': [301, ''],
    '/multiple-choices': [300, '{"value": 1}'],
    '/checked': [200, '{"value": 7}'],
    '/bad-input-object': [422, '{"message": {"query_term": "required"}}'],
    '/bad-input-plain': [400, '["not an object with a message"]'],
    '/missing-plain': [404, 'null'],
    '/missing-text': [404, '"gone"'],
    '/missing-html': [404, '<html><body>Not Found</body></html>'],
    '/missing-flask': [404, '{"message": "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."}'],
    '/missing-table': [404, '{"message": "table_uri hive://gold.s/t does not exist"}\n'],
    '/nested-shape': [200, '{"a": {"b": "x"}, "c": "x", "d": "x", "e": "x"}'],
    '/conflict': [409, '{"message": "taken"}'],
    '/teapot': [418, '{}'],
    '/not-json': [200, 'oops'],
    '/web-page-by-type': [200, 'Service Unavailable', 'Text/HTML; charset=utf-8'],
    '/plain-text': [200, 'ok', 'text/plain'],
    '/two-types': [200, 'ok', ['text/plain', 'text/html']],
    '/proxy-error': [502, '<html><body>Bad Gateway</body></html>', 'text/html'],
    '/wrong-shape': [200, '{"value": "one", "other": 2}'],
    '/healthcheck': [200, '{"status": "ok", "checks": {}}'],
  };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ url: req.url!, headers: req.headers, body });
        const [status, payload, type = 'application/json'] = routes[req.url!.replace(/^\/base/, '')] ?? [200, '{"value": 1}'];
        res.writeHead(status, { 'content-type': type }).end(payload);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  const schema = z.object({ value: z.number() });
  async function withClient(run: (client: UpstreamHttp, logger: ReturnType<typeof createMemoryLogger>) => Promise<void>, baseUrl = `http://127.0.0.1:${port}/base///`, setting?: string) {
    const logger = createMemoryLogger();
    const client = createUpstreamHttp({ name: 'metadata service', setting, baseUrl, timeoutMs: 1000, logger });
    try {
      await run(client, logger);
    } finally {
      await client.close();
    }
  }
  const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('answered'); }, (e: unknown) => e as Error & { code: string; status: number });

  it('drops trailing slashes of the base path, and sends a content type only with a body', async () => {
    await withClient(async (client) => {
      await client.call({ method: 'GET', path: '/ok', token: 't', schema });
      expect(seen.at(-1)!.url).toBe('/base/ok');
      expect(seen.at(-1)!.headers).toMatchObject({ authorization: 'Bearer t', accept: 'application/json' });
      expect(seen.at(-1)!.headers['content-type']).toBeUndefined();
      expect(seen.at(-1)!.body).toBe('');
    });
  });

  it('treats a 403 and any 3xx as a refused token, and logs which call it was', async () => {
    await withClient(async (client, logger) => {
      // 300 is the first of the 3xx: a JSON body with it is not an answer either.
      for (const path of ['/forbidden', '/moved', '/multiple-choices']) {
        expect(await failure(client.call({ method: 'GET', path, token: 't', schema }))).toBeInstanceOf(UpstreamError);
      }
      expect(logger.lines.join('\n')).toContain('metadata service refused the access token for GET /forbidden (403)');
      expect(logger.lines.join('\n')).toContain('metadata service refused the access token for GET /moved (301)');
    });
  });

  it('parses with zod itself what the fast path leaves to it (a schema with checks), and answers what zod gives', async () => {
    await withClient(async (client) => {
      const checked = z.object({ value: z.number().int().min(1) });
      expect(await client.callWithEtag({ method: 'GET', path: '/checked', token: 't', schema: checked })).toEqual({ body: { value: 7 }, etag: null });
    });
  });

  it('words a refused input and a missing resource from the service\'s message, or its own', async () => {
    await withClient(async (client) => {
      const objectMessage = await failure(client.call({ method: 'GET', path: '/bad-input-object', token: 't', schema }));
      expect(objectMessage).toBeInstanceOf(InputError);
      expect(objectMessage).toMatchObject({ code: 'upstream_rejected_input', message: '{"query_term":"required"}' });
      expect(await failure(client.call({ method: 'GET', path: '/bad-input-plain', token: 't', schema }))).toMatchObject({ message: 'The metadata service rejected the request' });
      // On a route the service may lack (GET /edits), any 404 is "not found"; with no message to take, in its own words.
      expect(await failure(client.call({ method: 'GET', path: '/missing-plain', token: 't', routeMayBeMissing: true, schema }))).toMatchObject({ name: 'NotFoundError', code: 'not_found', message: 'Not found in the metadata service' });
      // A body that is JSON but no object (a string) has no message to take.
      expect(await failure(client.call({ method: 'GET', path: '/missing-text', token: 't', routeMayBeMissing: true, schema }))).toMatchObject({ name: 'NotFoundError', message: 'Not found in the metadata service' });
    });
  });

  it('answers a 404 that is not the service\'s own {"message"} as a set-up error (decision 078), logged once', async () => {
    await withClient(async (client, logger) => {
      for (const path of ['/missing-plain', '/missing-text', '/missing-html', '/missing-flask']) {
        expect(await failure(client.call({ method: 'GET', path, token: 'tok-secret', schema }))).toMatchObject({
          name: 'UpstreamError', status: 502, code: 'upstream_misconfigured',
          message: 'The metadata service was not found where Nansen looks for it: Nansen is set up wrong. Tell whoever runs Nansen.',
        });
      }
      // The service's own "not found" is still one.
      expect(await failure(client.call({ method: 'GET', path: '/missing-table', token: 't', schema }))).toMatchObject({ name: 'NotFoundError', message: 'There is no table hive://gold.s/t in the catalog.' });
      expect(logger.lines).toHaveLength(1);
      expect(logger.lines[0]).toContain('metadata service GET /missing-plain answered 404 with JSON that is not the service\'s, not the service\'s own "not found": the URL configured for it');
      expect(logger.lines[0]).not.toContain('tok-secret');
    });
  });

  it('answers any other 4xx, and a 200 that is not JSON, as a failed service (502), logging the status', async () => {
    await withClient(async (client, logger) => {
      for (const [path, status] of [['/conflict', 409], ['/teapot', 418]] as const) {
        expect(await failure(client.call({ method: 'GET', path, token: 't', schema }))).toMatchObject({
          status: 502, code: 'upstream_failed', message: `The metadata service failed (HTTP ${status}); try again in a moment.`,
        });
      }
      // A 200 that is not JSON is not the service (a default page): "try again" would not help.
      expect(await failure(client.call({ method: 'GET', path: '/not-json', token: 't', schema }))).toMatchObject({ code: 'upstream_failed', message: 'The metadata service answered with text, not data: it is unavailable or Nansen is set up wrong. Tell whoever runs Nansen.' });
      const log = logger.lines.join('\n');
      expect(log).toContain('metadata service GET /conflict answered 409\n');
      expect(log).toContain('metadata service GET /not-json answered 200 with text, not JSON');
    });
  });

  it('tells a web page from other text by its content type (in any case) as well as by its first character', async () => {
    await withClient(async (client, logger) => {
      expect(await failure(client.call({ method: 'GET', path: '/web-page-by-type', token: 't', schema }))).toMatchObject({
        status: 502, code: 'upstream_failed', message: 'The metadata service answered with a web page, not data: it is unavailable or Nansen is set up wrong. Tell whoever runs Nansen.',
      });
      expect(await failure(client.call({ method: 'GET', path: '/plain-text', token: 't', schema }))).toMatchObject({ code: 'upstream_failed', message: expect.stringContaining('answered with text, not data') });
      // A content type sent twice is no one type: the body decides (here plain text), and nothing breaks.
      expect(await failure(client.call({ method: 'GET', path: '/two-types', token: 't', schema }))).toMatchObject({ code: 'upstream_failed', message: expect.stringContaining('answered with text, not data') });
      // Without a setting to name, the log line ends with what answered.
      expect(logger.lines).toEqual([
        expect.stringMatching(/metadata service GET \/web-page-by-type answered 200 with HTML, not JSON$/),
        expect.stringMatching(/metadata service GET \/plain-text answered 200 with text\/plain, not JSON$/),
        expect.stringMatching(/metadata service GET \/two-types answered 200 with text, not JSON$/),
      ]);
    });
    await withClient(async (client, logger) => {
      await failure(client.call({ method: 'GET', path: '/plain-text', token: 't', schema }));
      expect(logger.lines).toEqual([expect.stringMatching(/metadata service GET \/plain-text answered 200 with text\/plain, not JSON; check that METADATA_URL points at the metadata service$/)]);
    }, undefined, 'METADATA_URL');
  });

  it("answers a proxy's error page (a 5xx that is not JSON) as a failed service to try again, not as a wrong setting", async () => {
    await withClient(async (client, logger) => {
      expect(await failure(client.call({ method: 'GET', path: '/proxy-error', token: 't', schema }))).toMatchObject({
        status: 502, code: 'upstream_failed', message: 'The metadata service failed (HTTP 502); try again in a moment.',
      });
      expect(logger.lines).toEqual([expect.stringMatching(/metadata service GET \/proxy-error answered 502 with a non-JSON body$/)]);
    });
  });

  it('says why a user id with a "." or ".." between slashes is refused', () => {
    expect(() => encodeUserIdForPath('a/../b@example.org')).toThrow(
      new InputError('The user id "a/../b@example.org" has a "." or ".." between slashes, which the metadata service may not see as part of the id.', 'invalid_user_id'),
    );
  });

  it('refuses a user id with a line break or other control character in it, showing it escaped (decision 101)', () => {
    for (const id of ['a\nb', 'a\r\nb', 'a\tb', 'a\u2028b', 'a\u0000b', 'roald\n']) {
      expect(() => encodeUserIdForPath(id), JSON.stringify(id)).toThrow(
        new InputError(`The user id ${JSON.stringify(id)} holds a line break or another control character, which no person's id has.`, 'invalid_user_id'),
      );
    }
    expect(encodeUserIdForPath('a b/ä')).toBe('a%20b/%C3%A4');
  });

  it('refuses an answer of an unexpected shape, logging the first problems by path', async () => {
    await withClient(async (client, logger) => {
      expect(await failure(client.call({ method: 'GET', path: '/wrong-shape', token: 't', schema }))).toMatchObject({
        status: 502, code: 'upstream_bad_response', message: 'The metadata service sent an answer Nansen does not understand.',
      });
      expect(logger.lines.join('\n')).toMatch(/metadata service GET \/wrong-shape sent an unexpected shape: value: [^;\n]+$/m);
      const nested = z.object({ a: z.object({ b: z.number() }), c: z.number(), d: z.number(), e: z.number() });
      await failure(client.call({ method: 'GET', path: '/nested-shape', token: 't', schema: nested }));
      // The first three problems, each by its dotted path, separated by semicolons.
      expect(logger.lines.join('\n')).toMatch(/sent an unexpected shape: a\.b: [^;\n]+; c: [^;\n]+; d: [^;\n]+$/m);
    });
  });

  it('answers 503 when nothing answers, logging it as one line, and 504 naming its limit when the answer is too slow', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await withClient(async (client, logger) => {
      expect(await failure(client.call({ method: 'GET', path: '/ok', token: 't', schema }))).toMatchObject({
        status: 503, code: 'upstream_unavailable', message: 'The metadata service is unavailable; try again in a moment.',
      });
      // Expected (the service is stopped or restarting): one line, no stack trace.
      expect(logger.lines).toEqual([expect.stringMatching(/metadata service GET \/ok failed: connection failed \(ECONNREFUSED\)$/)]);
    }, `http://127.0.0.1:${deadPort}/`);
  });

  it('logs an unexpected failure of the call itself with its stack (here a header undici refuses to send)', async () => {
    await withClient(async (client, logger) => {
      expect(await failure(client.call({ method: 'GET', path: '/ok', token: 't', headers: { 'if-match': 'a\r\nb' }, schema }))).toMatchObject({ status: 503 });
      expect(logger.lines.join('\n')).toMatch(/metadata service GET \/ok failed — InvalidArgumentError: [^\n]+\n\s+at /);
    });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED'])(
    'counts %s as the service out of reach, an expected failure',
    (code) => {
      expect(describeUnreachable(Object.assign(new Error('x'), { code }))).toBe(`connection failed (${code})`);
    },
  );

  it('counts no other error as expected', () => {
    for (const err of [new Error('x'), Object.assign(new Error('x'), { code: 'UND_ERR_INVALID_ARG' }), Object.assign(new Error('x'), { code: 5 }), null, 'ECONNREFUSED']) {
      expect(describeUnreachable(err)).toBeUndefined();
    }
  });

  it('makes no more calls once closed', async () => {
    const client = createUpstreamHttp({ name: 'metadata service', baseUrl: `http://127.0.0.1:${port}/`, timeoutMs: 1000, logger: createMemoryLogger() });
    await client.call({ method: 'GET', path: '/ok', token: 't', schema });
    await client.close();
    const before = seen.length;
    await expect(client.call({ method: 'GET', path: '/ok', token: 't', schema })).rejects.toMatchObject({ code: 'upstream_unavailable' });
    expect(seen.length).toBe(before);
  });

  it('checks health: a 2xx passes, anything else throws with the status', async () => {
    await withClient(async (client) => {
      await expect(client.healthcheck(1000)).resolves.toBeUndefined();
      expect(seen.at(-1)!.url).toBe('/base/healthcheck');
    });
    for (const [status, ok] of [[204, true], [299, true], [300, false], [500, false]] as const) {
      routes['/healthcheck'] = [status, ''];
      await withClient(async (client) => {
        if (ok) await expect(client.healthcheck(1000), String(status)).resolves.toBeUndefined();
        else await expect(client.healthcheck(1000), String(status)).rejects.toThrow(`answered HTTP ${status}`);
      });
    }
  });

  it('fails the health check on a 2xx that is not JSON, saying what answered by its content type', async () => {
    for (const [type, answered] of [['Text/HTML', 'HTML'], ['text/plain; charset=utf-8', 'text/plain'], [['text/plain', 'text/html'], 'text']] as const) {
      routes['/healthcheck'] = [200, 'It works', typeof type === 'string' ? type : [...type]];
      await withClient(async (client) => {
        // No setting given: the message says only what answered.
        await expect(client.healthcheck(1000), String(type)).rejects.toMatchObject({ name: 'HealthcheckNotJsonError', message: `answered ${answered}, not JSON` });
      });
    }
    routes['/healthcheck'] = [200, 'It works', 'text/plain'];
    await withClient(async (client) => {
      await expect(client.healthcheck(1000)).rejects.toMatchObject({ message: 'answered text/plain, not JSON: check that METADATA_URL points at the metadata service' });
    }, undefined, 'METADATA_URL');
  });
});
