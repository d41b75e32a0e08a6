import express from 'express';
import supertest from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { createErrorMiddleware } from './error-middleware';
import { TooManyRequestsError } from './errors';
import { createMemoryLogger } from './logger';
import { createRateLimiter, type RateLimit, type RateLimiterOptions } from './rate-limit';

function request(ip: string, sessionId?: string) {
  return { ip, socket: {}, sessionID: sessionId ?? 'fresh', session: sessionId ? { user: { user_id: 'x' } } : {} } as never;
}

describe('rate limiter', () => {
  it('lets callers in again when the minute turns, with Retry-After counting down to it', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ name: 'search', perSession: 0, perIp: 1 }, () => now);
    const res = { set: vi.fn() } as never;
    const next = vi.fn();
    limiter(request('10.0.0.1'), res, next);
    now += 45_000;
    limiter(request('10.0.0.1'), res, next);
    expect(next.mock.calls[0]).toEqual([]);
    const error = next.mock.calls[1]![0] as TooManyRequestsError;
    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect(error.retryAfterSeconds).toBe(15);
    expect((res as { set: ReturnType<typeof vi.fn> }).set).toHaveBeenCalledWith('Retry-After', '15');
    now = 1_060_000;
    limiter(request('10.0.0.1'), res, next);
    expect(next.mock.calls[2]).toEqual([]);
  });

  it('counts a session only when it is signed in, and turns a limit of 0 off', () => {
    const limiter = createRateLimiter({ name: 'login', perSession: 1, perIp: 0 }, () => 0);
    const next = vi.fn();
    const res = { set: vi.fn() } as never;
    for (let i = 0; i < 5; i++) limiter(request('10.0.0.2'), res, next);
    expect(next.mock.calls.every((call) => call.length === 0)).toBe(true);
    limiter(request('10.0.0.2', 'sid-1'), res, next);
    limiter(request('10.0.0.2', 'sid-1'), res, next);
    expect(next.mock.calls.at(-1)![0]).toBeInstanceOf(TooManyRequestsError);
  });
});

/** A real Express app: the limiter, then a 200; its refusals answered by the BFF's error middleware. */
function appWith(limit: RateLimit, options: { sessions?: boolean; trustProxy?: string; limiter?: RateLimiterOptions } = {}) {
  const app = express();
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  if (options.sessions !== false) {
    // Stands in for the session middleware: a request naming a session in X-Test-Session is signed in to it.
    app.use((req, _res, next) => {
      const id = req.get('x-test-session');
      Object.assign(req, { sessionID: id ?? 'anonymous', session: id ? { user: { user_id: id } } : {} });
      next();
    });
  }
  app.use(createRateLimiter(limit, () => 0, options.limiter));
  app.get('/', (_req, res) => {
    res.send('ok');
  });
  app.use(createErrorMiddleware(createMemoryLogger()));
  return app;
}

async function statuses(app: express.Express, count: number, headers: Record<string, string>): Promise<number[]> {
  const answers: number[] = [];
  for (let i = 0; i < count; i++) answers.push((await supertest(app).get('/').set(headers)).status);
  return answers;
}

describe('rate limiter in an Express app', () => {
  it('lets a signed-in session make exactly its limit of requests a minute, counts each session apart, and says which limit was hit', async () => {
    const app = appWith({ name: 'search', perSession: 2, perIp: 0 });
    expect(await statuses(app, 2, { 'X-Test-Session': 'sid-a' })).toEqual([200, 200]);
    const refused = await supertest(app).get('/').set('X-Test-Session', 'sid-a');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toEqual({
      error: { name: 'TooManyRequestsError', code: 'rate_limited', message: 'Too many search requests (at most 2 a minute per session); try again in 60 s.' },
    });
    expect(await statuses(app, 2, { 'X-Test-Session': 'sid-b' })).toEqual([200, 200]);
  });

  it('counts each client address apart, the client\'s own behind a trusted proxy, and says which limit was hit', async () => {
    const app = appWith({ name: 'login', perSession: 5, perIp: 2 }, { trustProxy: 'loopback' });
    expect(await statuses(app, 2, { 'X-Forwarded-For': '203.0.113.1' })).toEqual([200, 200]);
    const refused = await supertest(app).get('/').set('X-Forwarded-For', '203.0.113.1');
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toBe('Too many login requests (at most 2 a minute from one address); try again in 60 s.');
    expect(await statuses(app, 2, { 'X-Forwarded-For': '203.0.113.2' })).toEqual([200, 200]);
  });

  it('does not limit a signed-in session when its limit is 0', async () => {
    const app = appWith({ name: 'search', perSession: 0, perIp: 10 });
    expect(await statuses(app, 3, { 'X-Test-Session': 'sid-a' })).toEqual([200, 200, 200]);
  });

  it('limits by address on a request that has no session at all', async () => {
    const app = appWith({ name: 'login', perSession: 1, perIp: 1 }, { sessions: false });
    expect(await statuses(app, 2, {})).toEqual([200, 429]);
  });
});

describe('rate limiter with a page for browsers', () => {
  const NAVIGATION_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
  const page = vi.fn((_req: unknown, refusal: { over: string; limit: number; retryAfter: number }) => `<p>over the ${refusal.over} limit of ${refusal.limit}, ${refusal.retryAfter} s</p>`);

  it('answers a request that prefers HTML with the page, 429, Retry-After and no-store, and says which limit it was', async () => {
    const app = appWith({ name: 'login', perSession: 3, perIp: 1 }, { limiter: { page } });
    expect(await statuses(app, 1, {})).toEqual([200]);
    const refused = await supertest(app).get('/').set('Accept', NAVIGATION_ACCEPT);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.text).toBe('<p>over the address limit of 1, 60 s</p>');
    const bySession = appWith({ name: 'login', perSession: 1, perIp: 5 }, { limiter: { page } });
    await statuses(bySession, 1, { 'X-Test-Session': 'sid-a' });
    expect((await supertest(bySession).get('/').set({ Accept: NAVIGATION_ACCEPT, 'X-Test-Session': 'sid-a' })).text).toBe('<p>over the session limit of 1, 60 s</p>');
  });

  it('keeps the JSON error for a caller that asks for JSON or for anything (fetch, curl, the SPA)', async () => {
    const app = appWith({ name: 'login', perSession: 0, perIp: 1 }, { limiter: { page } });
    await statuses(app, 1, {});
    for (const accept of ['*/*', 'application/json', 'application/json, text/html;q=0.5']) {
      const refused = await supertest(app).get('/').set('Accept', accept);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('60');
      expect(refused.body.error).toMatchObject({ name: 'TooManyRequestsError', code: 'rate_limited' });
    }
    const noAccept = await supertest(app).get('/').unset('Accept');
    expect(noAccept.body.error.code).toBe('rate_limited');
  });

  it('keeps the JSON error for a browser when it has no page (the search limit under /api)', async () => {
    const app = appWith({ name: 'search', perSession: 0, perIp: 1 });
    await statuses(app, 1, {});
    // Under /api, as the search limit is: elsewhere the error middleware answers a browser's page request with a page.
    app.get('/api/search', (_req, res) => {
      res.send('ok');
    });
    const refused = await supertest(app).get('/api/search').set('Accept', NAVIGATION_ACCEPT);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
  });
});
