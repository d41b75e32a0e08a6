import fs from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express, { type Request } from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from './logger';
import { requestContext, routeLabel } from './request-context';

async function serve(trustProxy: boolean | string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.set('trust proxy', trustProxy);
  app.use(requestContext());
  app.get('/', (_req, res) => {
    res.send('ok');
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('request ids', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('keeps the X-Request-Id a trusted proxy sends when it is a short safe token', async () => {
    const s = await serve('loopback');
    server = s.server;
    for (const id of ['abc-123', '4bf92f3577b34da6a3ce929d0e0e4736', 'trace:1.2_3']) {
      const response = await fetch(s.url, { headers: { 'x-request-id': id } });
      expect(response.headers.get('x-request-id')).toBe(id);
    }
  });

  it('replaces an unsafe or overlong X-Request-Id even from a trusted proxy', async () => {
    const s = await serve('loopback');
    server = s.server;
    for (const id of ['<script>', 'a b', 'x'.repeat(129), '"quoted"', 'a/b', '../x%00']) {
      const response = await fetch(s.url, { headers: { 'x-request-id': id } });
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('replaces any X-Request-Id when no proxy is trusted', async () => {
    const s = await serve(false);
    server = s.server;
    const response = await fetch(s.url, { headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers.get('x-request-id')).not.toBe('abc-123');
  });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids from peers that are not a trusted proxy', () => {
  let server: Server | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    const s = server;
    server = undefined;
    if (s) await new Promise((resolve) => s.close(resolve));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the X-Request-Id of a peer outside the trusted list', async () => {
    const app = express();
    app.set('trust proxy', '10.0.0.1');
    app.use(requestContext());
    app.get('/', (_req, res) => void res.send('ok'));
    const response = await request(app).get('/').set('X-Request-Id', 'abc-123');
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('replaces the X-Request-Id of a peer with no address (a Unix socket), even when every proxy is trusted', async () => {
    const app = express();
    app.set('trust proxy', true);
    app.use(requestContext());
    app.get('/', (_req, res) => void res.send('ok'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'request-context-'));
    const socketPath = path.join(dir, 'bff.sock');
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(socketPath, () => resolve(s));
    });
    const id = await new Promise<string | string[] | undefined>((resolve, reject) => {
      http.get({ socketPath, path: '/', headers: { 'x-request-id': 'abc-123' } }, (response) => {
        response.resume();
        resolve(response.headers['x-request-id']);
      }).on('error', reject);
    });
    expect(id).toMatch(UUID);
  });
});

interface Finished { req: Request; requestId: string; durationMs: number; statusCode: number; label: string; loggedWithId: boolean }

/**
 * An app whose requestContext records each onFinish call (and logs a line from it), as the BFF's access log does;
 * `withRoutes` labels with the app's routes, as the BFF does.
 */
function recordingApp({ withRoutes = false } = {}): { app: express.Express; finished: Finished[]; next: () => Promise<Finished> } {
  const finished: Finished[] = [];
  const waiting: ((f: Finished) => void)[] = [];
  const logger = createMemoryLogger();
  const app = express();
  app.use(requestContext((req, requestId, durationMs, statusCode) => {
    logger.info('request');
    const entry = { req, requestId, durationMs, statusCode, label: routeLabel(req, statusCode, withRoutes ? app.router : undefined), loggedWithId: logger.lines.at(-1)?.includes(`[${requestId}]`) === true };
    finished.push(entry);
    waiting.shift()?.(entry);
  }));
  // 'finish' can come after the client has read the answer: wait for it.
  const next = () => new Promise<Finished>((resolve) => {
    const seen = finished.length;
    const check = () => (finished.length > seen ? resolve(finished[seen]!) : waiting.push(resolve));
    check();
  });
  return { app, finished, next };
}

describe('onFinish', () => {
  it('is called once the answer is sent, with the request, its id, the time taken in milliseconds and the status', async () => {
    const { app, finished, next } = recordingApp();
    let handlerWaitedMs = 0;
    app.get('/slow', async (_req, res) => {
      const before = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 25));
      handlerWaitedMs = performance.now() - before;
      res.status(201).send('made');
    });
    const started = performance.now();
    const done = next();
    const response = await request(app).get('/slow?key=secret');
    const call = await done;
    const clientWaitedMs = performance.now() - started;
    expect(finished).toHaveLength(1);
    expect(call.req.originalUrl).toBe('/slow?key=secret');
    expect(call.requestId).toBe(response.headers['x-request-id']);
    expect(call.statusCode).toBe(201);
    expect(call.durationMs).toBeGreaterThanOrEqual(handlerWaitedMs);
    expect(call.durationMs).toBeLessThanOrEqual(clientWaitedMs);
  });

  it('runs in the request\'s context: a line it logs carries the request id', async () => {
    const { app, next } = recordingApp();
    app.get('/', (_req, res) => void res.send('ok'));
    const done = next();
    await request(app).get('/');
    expect((await done).loggedWithId).toBe(true);
  });
});

describe('the request id on log lines', () => {
  it('is on a line a handler logs after an await', async () => {
    const logger = createMemoryLogger({ format: 'json' });
    const app = express();
    app.use(requestContext());
    app.get('/', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.warn('slow answer');
      res.send('ok');
    });
    const response = await request(app).get('/');
    expect(JSON.parse(logger.lines[0]!)).toMatchObject({ msg: 'slow answer', request_id: response.headers['x-request-id'] });
  });
});

describe('routeLabel', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function labelOf(app: express.Express, next: () => Promise<Finished>, send: (agent: ReturnType<typeof request>) => request.Test): Promise<Finished> {
    const done = next();
    await send(request(app));
    return done;
  }

  it('is the pattern of the route that answered, without the URL\'s keys or query', async () => {
    const { app, next } = recordingApp();
    app.get('/items/:id', (_req, res) => void res.send('item'));
    expect((await labelOf(app, next, (r) => r.get('/items/secret-key?q=1'))).label).toBe('/items/:id');
  });

  it('includes the mount paths of the routers the route sits in', async () => {
    const { app, next } = recordingApp();
    const api = express.Router();
    const v0 = express.Router();
    v0.get('/tables/:key', (_req, res) => void res.send('table'));
    api.use('/v0', v0);
    app.use('/api', api);
    expect((await labelOf(app, next, (r) => r.get('/api/v0/tables/hive.db.t'))).label).toBe('/api/v0/tables/:key');
  });

  it('keeps the full pattern when the route threw and an app-level error handler answered', async () => {
    const { app, next } = recordingApp();
    const api = express.Router();
    api.post('/boom/:id', () => {
      throw new Error('broken');
    });
    app.use('/api', api);
    app.use((_err: unknown, req: Request, res: express.Response, _next: express.NextFunction) => {
      expect(req.baseUrl).toBe(''); // the router has reset it: the label cannot be built now
      res.status(500).send('error');
    });
    const call = await labelOf(app, next, (r) => r.post('/api/boom/7'));
    expect(call.statusCode).toBe(500);
    expect(call.label).toBe('/api/boom/:id');
  });

  it('is the route\'s pattern even when the route answered 404 itself', async () => {
    const { app, next } = recordingApp();
    app.get('/items/:id', (_req, res) => void res.status(404).send('no such item'));
    expect((await labelOf(app, next, (r) => r.get('/items/9'))).label).toBe('/items/:id');
  });

  it('leaves req.route as Express set it for handlers to read', async () => {
    const { app } = recordingApp();
    app.get('/items/:id', (req, res) => void res.send(String((req.route as { path?: unknown } | undefined)?.path)));
    expect((await request(app).get('/items/1')).text).toBe('/items/:id');
  });

  it('is "(not found)" for a request no route or file answered, whatever its method', async () => {
    const { app, next } = recordingApp();
    expect((await labelOf(app, next, (r) => r.get('/nowhere/secret'))).label).toBe('(not found)');
    expect((await labelOf(app, next, (r) => r.post('/nowhere/secret'))).label).toBe('(not found)');
  });

  it('is "(static or page)" for a GET or HEAD answered without a route (static files, the SPA\'s pages)', async () => {
    const { app, next } = recordingApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'request-context-'));
    fs.writeFileSync(path.join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app.use(express.static(dir));
    const get = await labelOf(app, next, (r) => r.get('/logo.svg'));
    expect([get.statusCode, get.label]).toEqual([200, '(static or page)']);
    const head = await labelOf(app, next, (r) => r.head('/logo.svg'));
    expect([head.statusCode, head.label]).toEqual([200, '(static or page)']);
  });

  it('is "(other)" for another method answered without a route', async () => {
    const { app, next } = recordingApp();
    app.use((_req, res) => void res.status(403).send('refused'));
    const call = await labelOf(app, next, (r) => r.post('/api/anything'));
    expect([call.statusCode, call.label]).toEqual([403, '(other)']);
  });

  it('names a request refused before it reached its route (a 429) after the route it was aimed at, given the app\'s routes', async () => {
    const { app, next } = recordingApp({ withRoutes: true });
    const api = express.Router();
    // As the API router's JSON body parser refuses a body before any route: 400.
    api.use((req, res, next) => (req.get('x-refuse') === 'in-router' ? void res.status(400).send('bad body') : next()));
    api.post('/search/:kind', (_req, res) => void res.send('results'));
    app.use('/api', (req, res, next) => (req.get('x-refuse') === 'before' ? void res.status(429).send('slow down') : next()), api);
    app.use((_err: unknown, _req: Request, res: express.Response, _next: express.NextFunction) => void res.status(500).send('error'));
    const before = await labelOf(app, next, (r) => r.post('/api/search/tables?q=secret').set('x-refuse', 'before'));
    expect([before.statusCode, before.label]).toEqual([429, '/api/search/:kind']);
    // Answered by a middleware inside the mounted router, where req.url is cut to the mount: the whole path still counts.
    const inRouter = await labelOf(app, next, (r) => r.post('/api/search/tables').set('x-refuse', 'in-router'));
    expect([inRouter.statusCode, inRouter.label]).toEqual([400, '/api/search/:kind']);
    // Without the app's routes, as before: no route answered.
    const { app: bare, next: bareNext } = recordingApp();
    bare.use('/api', (_req, res) => void res.status(429).send('slow down'), api);
    expect((await labelOf(bare, bareNext, (r) => r.post('/api/search/tables'))).label).toBe('(other)');
  });

  it('looks for the route aimed at only for an error answer: a success without a route and a 404 keep their labels', async () => {
    const { app, next } = recordingApp({ withRoutes: true });
    app.use((req, res, next) => {
      if (req.get('x-answer') === 'ok') return void res.send('answered early');
      if (req.get('x-answer') === 'missing') return void res.status(404).send('none');
      next();
    });
    app.get('/items/:id', (_req, res) => void res.send('item'));
    expect((await labelOf(app, next, (r) => r.get('/items/1').set('x-answer', 'ok'))).label).toBe('(static or page)');
    expect((await labelOf(app, next, (r) => r.get('/items/1').set('x-answer', 'missing'))).label).toBe('(not found)');
    expect((await labelOf(app, next, (r) => r.get('/elsewhere').set('x-answer', 'none'))).label).toBe('(not found)');
  });

  it('uses the fallbacks for a route whose path is a regular expression, not the expression\'s text', async () => {
    const { app, next } = recordingApp();
    app.get(/^\/legacy\/.*$/, (_req, res) => void res.send('legacy'));
    const call = await labelOf(app, next, (r) => r.get('/legacy/secret-key'));
    expect([call.statusCode, call.label]).toEqual([200, '(static or page)']);
  });
});
