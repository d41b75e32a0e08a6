import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { sessionStoreUnavailable } from '../auth/session-middleware';
import { createErrorMiddleware } from './error-middleware';
import { createMemoryLogger } from './logger';
import { createSessionStoreOutageHandler, renderSessionStoreUnavailablePage } from './session-store-outage';

class AbortError extends Error {}

function appFailingWith(err: unknown) {
  const logger = createMemoryLogger();
  const app = express();
  app.use((_req, _res, next) => next(err));
  app.use(createSessionStoreOutageHandler({ storeName: 'Redis', logger }));
  app.use(createErrorMiddleware(logger));
  return { app, logger };
}

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('createSessionStoreOutageHandler', () => {
  it('answers a page request with a 503 page in words, Retry-After and a link to the same page', async () => {
    const { app, logger } = appFailingWith(sessionStoreUnavailable(new AbortError('The command was aborted')));
    const res = await request(app).get('/search?term=orders').set('Accept', HTML);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<title>Nansen cannot tell who you are just now · Nansen</title>');
    expect(res.text).toContain('<a class="button" href="/search?term=orders">Try again</a>');
    expect(logger.lines).toEqual([expect.stringMatching(/ error GET \/search → 503 — session store \(Redis\) unavailable: AbortError: The command was aborted$/)]);
  });

  it('keeps the JSON error for /api, even when the caller prefers HTML, and for requests that do not ask for a page', async () => {
    const { app, logger } = appFailingWith(sessionStoreUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:6379')));
    for (const [path, accept] of [['/api/auth_user', HTML], ['/search', '*/*']] as const) {
      const res = await request(app).get(path).set('Accept', accept);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toEqual({ error: { name: 'UpstreamError', message: 'The session store is unavailable, so Nansen cannot tell who you are; try again in a moment.', code: 'session_store_unavailable' } });
    }
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[0]).toMatch(/GET \/api\/auth_user → 503 — session store \(Redis\) unavailable: Error: connect ECONNREFUSED 127\.0\.0\.1:6379$/);
  });

  it('after a form\'s POST offers the start page, and never a link to another site', async () => {
    const post = await request(appFailingWith(sessionStoreUnavailable(new Error('x'))).app).post('/logout').set('Accept', HTML);
    expect(post.text).toContain('<a class="button" href="/">Try again</a>');
    const offsite = await request(appFailingWith(sessionStoreUnavailable(new Error('x'))).app).get('//evil.example/x').set('Accept', HTML);
    expect(offsite.text).toContain('<a class="button" href="/">Try again</a>');
  });

  it('hands every other error on to the error middleware', async () => {
    const { app, logger } = appFailingWith(new Error('a bug'));
    const res = await request(app).get('/search').set('Accept', HTML);
    expect(res.status).toBe(500);
    expect(res.headers['retry-after']).toBeUndefined();
    expect(logger.lines[0]).toMatch(/GET \/search → 500/);
    expect(logger.lines[0]).not.toContain('session store');
  });
});

describe('renderSessionStoreUnavailablePage', () => {
  it('says what happened, what to do and what to tell the administrator, and escapes the link', () => {
    const html = renderSessionStoreUnavailablePage('Redis', '/search?term="><script>');
    expect(html).toContain('<p>Nansen cannot reach the service where it remembers who is logged in, so it cannot show you this page.</p>');
    expect(html).toContain('<p>Nothing you did caused this. Try again in a moment (5 seconds or so).</p>');
    expect(html).toContain('<p>If this keeps happening, tell whoever runs Nansen: the session store (Redis) is unavailable.</p>');
    expect(html).not.toMatch(/ in in /);
    expect(html).not.toContain('<script>');
  });
});
