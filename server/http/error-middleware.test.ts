import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { apiNotFound, createErrorMiddleware } from './error-middleware';
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
    expect(unavailable.logged[0]).toMatch(/ error POST \/api\/thing → 502 — UpstreamError: The metadata service did not answer\./);
    expect((await answerTo(new UpstreamError('Busy.', 'idp_unavailable', 503))).status).toBe(503);
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
    expect(logged[0]).toMatch(/ error POST \/api\/thing → 500 — Error: secret internals/);
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
});
