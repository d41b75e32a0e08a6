import { gunzipSync } from 'node:zlib';
import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiMethodNotAllowed, apiNotFound, createErrorMiddleware } from './error-middleware';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotAuthenticatedError,
  NotFoundError,
  UpstreamError,
  UpstreamTokenRejectedError,
} from './errors';
import { createMemoryLogger } from './logger';

/** An app whose one route fails with `error`, behind the API's 404 and the error middleware. */
function failWith(error: unknown) {
  const logger = createMemoryLogger();
  const app = express();
  app.post('/api/thing', express.json(), () => {
    throw error;
  });
  app.use('/api', apiNotFound);
  app.use(createErrorMiddleware(logger));
  return { app, logger };
}

async function answerTo(error: unknown) {
  const { app, logger } = failWith(error);
  const response = await request(app).post('/api/thing');
  return { status: response.status, body: response.body, logged: logger.lines };
}

describe('the error middleware', () => {
  it("adds a conflict's extra fields beside the error, which they cannot replace", async () => {
    const current = { description: 'Theirs', edited_by: 'Ann', edited_at: '2025-06-01T10:00:00.000Z' };
    expect(await answerTo(new ConflictError('Someone else changed it.', 'edit_conflict', { current, error: 'not this' }))).toEqual({
      status: 409,
      body: { current, error: { name: 'ConflictError', message: 'Someone else changed it.', code: 'edit_conflict' } },
      logged: [],
    });
  });

  it('answers each business error with its status and the one body shape, naming the error and its code', async () => {
    expect(await answerTo(new InputError('The query parameter "key" is required.', 'missing_parameter'))).toEqual({
      status: 400,
      body: { error: { name: 'InputError', message: 'The query parameter "key" is required.', code: 'missing_parameter' } },
      logged: [],
    });
    expect((await answerTo(new NotAllowedError('No.', 'forbidden'))).body).toEqual({ error: { name: 'NotAllowedError', message: 'No.', code: 'forbidden' } });
    expect(await answerTo(new NotAllowedError('No.'))).toMatchObject({ status: 403 });
    expect(await answerTo(new NotFoundError('No such table.'))).toMatchObject({ status: 404, body: { error: { name: 'NotFoundError' } } });
    expect(await answerTo(new ConflictError('Changed meanwhile.'))).toMatchObject({ status: 409, body: { error: { name: 'ConflictError' } } });
  });

  it('leaves the code out when the error has none', async () => {
    expect((await answerTo(new NotFoundError('No such table.'))).body).toEqual({ error: { name: 'NotFoundError', message: 'No such table.' } });
  });

  it('tells a visitor without a session to log in again', async () => {
    expect(await answerTo(new NotAuthenticatedError())).toEqual({
      status: 401,
      body: { error: { name: 'NotAuthenticatedError', message: 'Your session has ended; log in again.', code: 'not_authenticated' } },
      logged: [],
    });
  });

  it('answers an upstream failure with 502 by default, or the status it names, and logs it', async () => {
    const unavailable = await answerTo(new UpstreamError('The metadata service did not answer.'));
    expect(unavailable.status).toBe(502);
    expect(unavailable.body).toEqual({ error: { name: 'UpstreamError', message: 'The metadata service did not answer.', code: 'upstream_unavailable' } });
    expect(unavailable.logged).toHaveLength(1);
    // Expected now and then: one line, without a stack trace.
    expect(unavailable.logged[0]).toMatch(/ error POST \/api\/thing → 502 — UpstreamError: The metadata service did not answer\.$/);
    expect((await answerTo(new UpstreamError('Busy.', 'idp_unavailable', 503))).status).toBe(503);
    expect((await answerTo(new UpstreamError('Broke.', 'upstream_failed', 500))).logged).toEqual([expect.stringMatching(/ error POST \/api\/thing → 500 — UpstreamError: Broke\.$/)]);
    // Its cause stays on the one line (the session store's own error, say), still without a stack.
    const storeDown = new UpstreamError('The session store is unavailable.', 'session_store_unavailable', 503);
    (storeDown as { cause?: unknown }).cause = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    expect((await answerTo(storeDown)).logged).toEqual([expect.stringMatching(/ → 503 — UpstreamError: The session store is unavailable\.; caused by Error: connect ECONNREFUSED 127\.0\.0\.1:6379$/)]);
    // Below 500 nothing is logged, whatever the error.
    expect((await answerTo(new UpstreamError('Too many.', 'upstream_busy', 429))).logged).toEqual([]);
  });

  it('says what to check when a service refuses a token fresh from a login', async () => {
    const { status, body } = await answerTo(new UpstreamTokenRejectedError('search service'));
    expect(status).toBe(502);
    expect(body.error).toEqual({
      name: 'UpstreamTokenRejectedError',
      message: expect.stringMatching(/^The search service refused Nansen's access token, fresh from your login\. .*CATALOG_TOKEN_AUDIENCE/),
      code: 'upstream_rejected_token',
    });
  });

  it('hides an unexpected error behind a generic 500 and logs it with the route, never sending the stack', async () => {
    const { status, body, logged } = await answerTo(new Error('secret internals at /srv/nansen'));
    expect(status).toBe(500);
    expect(body).toEqual({ error: { name: 'InternalError', message: 'Something went wrong on our side; try again in a moment.' } });
    expect(JSON.stringify(body)).not.toContain('internals');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/ error POST \/api\/thing → 500 — Error: secret internals[^\n]*\n\s+at /);
  });

  it('answers a body that is not JSON with 400 invalid_json, without logging it', async () => {
    const { app, logger } = failWith(new Error('not reached'));
    const response = await request(app).post('/api/thing').set('Content-Type', 'application/json').send('{"name": ');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { name: 'InputError', message: 'The request body is not valid JSON.', code: 'invalid_json' } });
    expect(logger.lines).toEqual([]);
  });

  it('answers a 5 MB JSON body with 413 body_too_large naming the limit, not 500 (issue 14: it answered 500)', async () => {
    const logger = createMemoryLogger();
    const app = express();
    app.post('/api/thing', express.json({ limit: '100kb' }), (_req, res) => {
      res.json({ reached: true });
    });
    app.use(createErrorMiddleware(logger));
    const response = await request(app)
      .post('/api/thing')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ description: 'x'.repeat(5 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: { name: 'InputError', message: 'The request body is too large: the limit is 100 kB.', code: 'body_too_large' } });
    expect(logger.lines).toEqual([]);
  });

  it('names a limit of a megabyte or more in MB', async () => {
    const app = express();
    app.post('/api/thing', express.json({ limit: '1mb' }), (_req, res) => {
      res.json({ reached: true });
    });
    app.use(createErrorMiddleware(createMemoryLogger()));
    const response = await request(app).post('/api/thing').set('Content-Type', 'application/json').send(JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe('The request body is too large: the limit is 1 MB.');
  });

  it("answers a body in a charset or Content-Encoding express.json cannot read with 415, naming it, not 500", async () => {
    const { app, logger } = failWith(new Error('not reached'));
    const charset = await request(app).post('/api/thing').set('Content-Type', 'application/json; charset=latin1').send('{"a":1}');
    expect(charset.status).toBe(415);
    expect(charset.body).toEqual({
      error: { name: 'InputError', message: 'The request body\'s charset "latin1" is not supported; send UTF-8.', code: 'unsupported_charset' },
    });
    const encoding = await request(app).post('/api/thing').set('Content-Type', 'application/json').set('Content-Encoding', 'zstd-bogus').send('{"a":1}');
    expect(encoding.status).toBe(415);
    expect(encoding.body.error).toMatchObject({ code: 'unsupported_encoding', message: expect.stringContaining('"zstd-bogus"') });
    expect(logger.lines).toEqual([]);
  });

  it('answers a body that is not the gzip its Content-Encoding says with 400 invalid_body, not 500', async () => {
    const { app } = failWith(new Error('not reached'));
    const response = await request(app).post('/api/thing').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"a":1}');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { name: 'InputError', message: 'The request body is not valid data for its Content-Encoding.', code: 'invalid_body' } });
  });

  it('treats an error that merely has a status like any unexpected error', async () => {
    expect((await answerTo({ status: 400, type: 'entity.too.large' })).status).toBe(500);
    expect((await answerTo(Object.assign(new Error('x'), { status: 418 }))).status).toBe(500);
  });

  it('answers anything thrown that is not an error object (a string, a number) with the generic 500', async () => {
    for (const thrown of ['plain text', 42]) {
      const { status, body } = await answerTo(thrown);
      expect(status).toBe(500);
      expect(body).toEqual({ error: { name: 'InternalError', message: 'Something went wrong on our side; try again in a moment.' } });
    }
  });

  it('answers an API path nobody handles with a JSON 404 naming the method and path', async () => {
    const { app } = failWith(new Error('not reached'));
    const response = await request(app).get('/api/nothing/here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { name: 'NotFoundError', message: 'No API route for GET /nothing/here', code: 'no_route' } });
  });
  it('answers a wrong method on a real API route with a JSON 405 and an Allow header, and an unknown path with the JSON 404', async () => {
    const router = express.Router();
    router.get('/metadata/v0/table', (_req, res) => {
      res.json({});
    });
    router.put('/metadata/v0/table', (_req, res) => {
      res.json({});
    });
    router.use(apiMethodNotAllowed(router));
    const app = express();
    app.use('/api', router);
    app.use(createErrorMiddleware(createMemoryLogger()));
    const wrong = await request(app).delete('/api/metadata/v0/table');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD, PUT');
    expect(wrong.body).toEqual({ error: { name: 'MethodNotAllowedError', message: 'DELETE is not allowed on /api/metadata/v0/table; it answers GET, HEAD, PUT.', code: 'method_not_allowed' } });
    const unknown = await request(app).delete('/api/metadata/v0/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.allow).toBeUndefined();
    expect(unknown.body).toEqual({ error: { name: 'NotFoundError', message: 'No API route for DELETE /metadata/v0/nothing', code: 'no_route' } });
  });

  it('answers a urlencoded body with more parameters than allowed with 413 body_too_large', async () => {
    const logger = createMemoryLogger();
    const app = express();
    app.post('/api/thing', express.urlencoded({ parameterLimit: 2 }), (_req, res) => {
      res.json({ reached: true });
    });
    app.use(createErrorMiddleware(logger));
    const response = await request(app).post('/api/thing').type('form').send('a=1&b=2&c=3');
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: { name: 'InputError', message: 'The request body has too many parameters.', code: 'body_too_large' } });
    expect(logger.lines).toEqual([]);
  });

  it("answers a body express.json's verify refused with 400 invalid_body, not its 403", async () => {
    const logger = createMemoryLogger();
    const app = express();
    const verify = () => {
      throw new Error('refused by verify');
    };
    app.post('/api/thing', express.json({ verify }), (_req, res) => {
      res.json({ reached: true });
    });
    app.use(createErrorMiddleware(logger));
    const response = await request(app).post('/api/thing').set('Content-Type', 'application/json').send('{"a":1}');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { name: 'InputError', message: 'The request body was refused.', code: 'invalid_body' } });
    expect(logger.lines).toEqual([]);
  });

  it('names at most 40 characters of an unsupported charset or Content-Encoding', async () => {
    const { app } = failWith(new Error('not reached'));
    const charset = await request(app).post('/api/thing').set('Content-Type', `application/json; charset=${'c'.repeat(60)}`).send('{"a":1}');
    expect(charset.status).toBe(415);
    expect(charset.body.error.message).toBe(`The request body's charset "${'c'.repeat(40)}" is not supported; send UTF-8.`);
    const encoding = await request(app).post('/api/thing').set('Content-Type', 'application/json').set('Content-Encoding', 'e'.repeat(60)).send('{"a":1}');
    expect(encoding.status).toBe(415);
    expect(encoding.body).toEqual({
      error: {
        name: 'InputError',
        message: `The request body's Content-Encoding "${'e'.repeat(40)}" is not supported; send it uncompressed, or as gzip, deflate or br.`,
        code: 'unsupported_encoding',
      },
    });
  });

  // body-parser raises these with no limit, charset or encoding only if its callers change; the answers
  // then leave the detail out rather than saying "NaN kB" or an empty name.
  it('leaves out the limit, charset or encoding when a body-parser error names none', async () => {
    const typed = (type: string, status: number) => Object.assign(new Error(type), { type, status, expose: true });
    expect(await answerTo(typed('entity.too.large', 413))).toEqual({
      status: 413,
      body: { error: { name: 'InputError', message: 'The request body is too large.', code: 'body_too_large' } },
      logged: [],
    });
    expect(await answerTo(typed('charset.unsupported', 415))).toEqual({
      status: 415,
      body: { error: { name: 'InputError', message: "The request body's charset is not supported; send UTF-8.", code: 'unsupported_charset' } },
      logged: [],
    });
    expect(await answerTo(typed('encoding.unsupported', 415))).toEqual({
      status: 415,
      body: {
        error: {
          name: 'InputError',
          message: "The request body's Content-Encoding is not supported; send it uncompressed, or as gzip, deflate or br.",
          code: 'unsupported_encoding',
        },
      },
      logged: [],
    });
  });

  // raw-body's errors for a client that stops sending, or sends other than its Content-Length, as raw-body
  // builds them (a closed connection cannot read an answer, so the route throws them here).
  it('answers a body that was cut off or does not match its Content-Length with 400', async () => {
    const rawBody = (type: string, message: string) => Object.assign(new Error(message), { type, status: 400, expose: true, expected: 10, received: 3 });
    expect(await answerTo(Object.assign(rawBody('request.aborted', 'request aborted'), { code: 'ECONNABORTED' }))).toEqual({
      status: 400,
      body: { error: { name: 'InputError', message: 'The request body ended before it was complete.', code: 'request_aborted' } },
      logged: [],
    });
    expect(await answerTo(rawBody('request.size.invalid', 'request size did not match content length'))).toEqual({
      status: 400,
      body: { error: { name: 'InputError', message: "The request body's length does not match its Content-Length.", code: 'invalid_body' } },
      logged: [],
    });
  });

  it('answers an error whose type is no body-parser answer, even a name every object has, with the JSON 500', async () => {
    const internal = { error: { name: 'InternalError', message: 'Something went wrong on our side; try again in a moment.' } };
    // Only a string type counts: a list that would turn into "entity.too.large" as a key does not.
    for (const type of ['stream.encoding.set', 'constructor', 'toString', 'hasOwnProperty', ['entity.too.large']]) {
      const answer = await answerTo(Object.assign(new Error(`typed ${String(type)}`), { type, status: 400, code: 'oops' }));
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual(internal);
      expect(answer.logged).toHaveLength(1);
    }
    // With no type at all, and a status of 400, but no zlib code: still ours.
    for (const code of [undefined, 42, 'ECONNRESET', 'EZ_NOT_ZLIB']) {
      const answer = await answerTo(Object.assign(new Error('status 400 without a type'), { status: 400, code }));
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual(internal);
      expect(answer.logged).toHaveLength(1);
    }
  });

  it("keeps zlib's own error a logged 500 when it is not about the request's body (no status, or a typed one)", async () => {
    const internal = { error: { name: 'InternalError', message: 'Something went wrong on our side; try again in a moment.' } };
    let zlibError: unknown;
    try {
      gunzipSync(Buffer.from('not gzip at all'));
    } catch (error) {
      zlibError = error;
    }
    expect(zlibError).toMatchObject({ code: 'Z_DATA_ERROR' });
    const unzipping = await answerTo(zlibError);
    expect(unzipping.status).toBe(500);
    expect(unzipping.body).toEqual(internal);
    expect(unzipping.logged).toHaveLength(1);
    const typed = await answerTo(Object.assign(new Error('typed zlib'), { type: 'stream.encoding.set', status: 400, code: 'Z_DATA_ERROR' }));
    expect(typed.status).toBe(500);
    expect(typed.body).toEqual(internal);
  });

  it('hands an error after the answer has started on to Express unchanged, without answering or logging', async () => {
    const logger = createMemoryLogger();
    const failure = new Error('failed half-way');
    const handedOn: unknown[] = [];
    const app = express();
    app.get('/api/thing', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('partial');
      throw failure;
    });
    app.use(createErrorMiddleware(logger));
    // Four parameters make it an error handler to Express.
    const after: ErrorRequestHandler = (err, _req, res, _next) => {
      handedOn.push(err);
      res.end();
    };
    app.use(after);
    const response = await request(app).get('/api/thing');
    expect(response.status).toBe(200);
    expect(response.text).toBe('partial');
    expect(handedOn).toEqual([failure]);
    expect(handedOn[0]).toBe(failure);
    expect(logger.lines).toEqual([]);
  });
});

describe('the error middleware answering a browser\'s page request', () => {
  const NAVIGATION = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'sec-fetch-mode': 'navigate' };

  function appFailingWith(error: unknown) {
    const logger = createMemoryLogger();
    const app = express();
    app.get(['/auth', '/api/thing'], () => {
      throw error;
    });
    app.use(createErrorMiddleware(logger));
    return { app, logger };
  }

  it('answers a page request that failed with a page in words, same status, no stack, no error text; the log keeps the stack', async () => {
    const { app, logger } = appFailingWith(new Error('redis://admin:s3cret@cache:6379 ClientClosedError'));
    const page = await request(app).get('/auth?code=the-code&state=s').set(NAVIGATION);
    expect(page.status).toBe(500);
    expect(page.type).toBe('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<h1>Something went wrong on Nansen&#39;s side</h1>');
    expect(page.text).toContain('<a class="button" href="/">Go to the start page</a>');
    expect(page.text).not.toMatch(/s3cret|ClientClosedError|the-code|InternalError|\bat /);
    expect(logger.lines.join('\n')).toMatch(/GET \/auth → 500 — Error: .*ClientClosedError\n\s+at /);
  });

  it('keeps the JSON error for /api, even asked for HTML, and for a request that does not prefer HTML', async () => {
    const { app } = appFailingWith(new Error('boom'));
    const api = await request(app).get('/api/thing').set(NAVIGATION);
    expect(api.status).toBe(500);
    expect(api.body).toEqual({ error: { name: 'InternalError', message: 'Something went wrong on our side; try again in a moment.' } });
    for (const accept of ['*/*', 'application/json', 'application/json, text/html;q=0.5']) {
      const script = await request(app).get('/auth').set('accept', accept);
      expect(script.type, accept).toBe('application/json');
    }
  });

  it('says a 4xx in general words with its status, not the error\'s message', async () => {
    const { app } = appFailingWith(new NotAllowedError('Only https://internal.example.com may do this.', 'forbidden'));
    const page = await request(app).get('/auth').set(NAVIGATION);
    expect(page.status).toBe(403);
    expect(page.text).toContain('<h1>Nansen could not answer this request</h1>');
    expect(page.text).toContain('(HTTP 403)');
    expect(page.text).not.toContain('internal.example.com');
  });
});
