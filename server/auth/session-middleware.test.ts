import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionMiddleware, throttleTouches } from './session-middleware';

function appWith(secureCookie: boolean, store = new session.MemoryStore()) {
  const app = express();
  if (secureCookie) app.set('trust proxy', true);
  app.use(
    createSessionMiddleware({
      secrets: ['s'.repeat(32)],
      store,
      secureCookie,
      idleTimeoutMinutes: 30,
      absoluteTimeoutMs: 3_600_000,
      endSession: async () => {},
    }),
  );
  app.get('/login', (req, res) => {
    req.session.user = { user_id: 'u' } as never;
    req.session.createdAt = Date.now();
    res.end();
  });
  app.get('/me', (req, res) => res.json({ user: req.session.user?.user_id ?? null }));
  return app;
}

describe('session cookie', () => {
  it('on https is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and rolling', async () => {
    const res = await request(appWith(true)).get('/login').set('X-Forwarded-Proto', 'https');
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^__Host-nansen\.sid=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Domain=/);
    expect(cookie).toMatch(/; Expires=/);
  });

  it('on http (development) is plain, and still HttpOnly and SameSite=Lax', async () => {
    const cookie = (await request(appWith(false)).get('/login')).headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^nansen\.sid=/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
  });

  it('is not set for a visitor with nothing to keep', async () => {
    expect((await request(appWith(false)).get('/me')).headers['set-cookie']).toBeUndefined();
  });
});

describe('throttleTouches', () => {
  it('lets a session\'s touch through at most once a minute', () => {
    const store = new session.MemoryStore();
    const touch = vi.fn((_sid: string, _sess: unknown, cb?: () => void) => cb?.());
    store.touch = touch as never;
    let now = 0;
    throttleTouches(store, 60_000, () => now);
    const done = vi.fn();
    for (let i = 0; i < 50; i += 1) store.touch!('a', {} as never, done);
    expect(touch).toHaveBeenCalledTimes(1);
    expect(done).toHaveBeenCalledTimes(50);
    store.touch!('b', {} as never);
    expect(touch).toHaveBeenCalledTimes(2);
    now = 59_999;
    store.touch!('a', {} as never);
    expect(touch).toHaveBeenCalledTimes(2);
    now = 60_000;
    store.touch!('a', {} as never);
    expect(touch).toHaveBeenCalledTimes(3);
  });

  it('writes the store once for many requests of a signed-in session', async () => {
    const store = new session.MemoryStore();
    const writes = { set: 0, touch: 0 };
    const set = store.set.bind(store);
    const touch = store.touch.bind(store);
    store.set = (sid, sess, cb) => (writes.set++, set(sid, sess, cb));
    store.touch = (sid, sess, cb) => (writes.touch++, touch(sid, sess, cb));
    const agent = request.agent(appWith(false, store));
    await agent.get('/login');
    for (let i = 0; i < 20; i += 1) expect((await agent.get('/me')).body.user).toBe('u');
    expect(writes).toEqual({ set: 1, touch: 1 });
  });
});

describe('the absolute session timeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** An app whose sessions end an hour after login; `ended` counts the sessions it ended. */
  function appWithTimeout(endSession: (req: express.Request) => Promise<unknown> = async (req) => {
    req.session.user = undefined;
  }) {
    const ended: string[] = [];
    const app = express();
    app.use(
      createSessionMiddleware({
        secrets: ['s'.repeat(32)],
        store: new session.MemoryStore(),
        secureCookie: false,
        idleTimeoutMinutes: 600,
        absoluteTimeoutMs: 3_600_000,
        endSession: async (req) => {
          ended.push(req.sessionID);
          await endSession(req);
        },
      }),
    );
    app.get('/login', (req, res) => {
      req.session.user = { user_id: 'u' } as never;
      if (req.query.withoutTime === undefined) req.session.createdAt = Date.now();
      res.end();
    });
    app.get('/me', (req, res) => res.json({ user: req.session.user?.user_id ?? null }));
    app.use(((err, _req, res, _next) => res.status(500).json({ error: (err as Error).message })) as express.ErrorRequestHandler);
    return { app, ended };
  }

  it('keeps a session up to an hour after its login, however active, and ends it after', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    const { app, ended } = appWithTimeout();
    const agent = request.agent(app);
    await agent.get('/login');
    vi.setSystemTime(1_000_000 + 3_600_000);
    expect((await agent.get('/me')).body.user).toBe('u');
    expect(ended).toEqual([]);
    vi.setSystemTime(1_000_000 + 3_600_001);
    expect((await agent.get('/me')).body.user).toBeNull();
    expect(ended).toHaveLength(1);
  });

  it('ends a signed-in session that has no login time (made before the timeout was kept)', async () => {
    const { app, ended } = appWithTimeout();
    const agent = request.agent(app);
    await agent.get('/login?withoutTime');
    expect((await agent.get('/me')).body.user).toBeNull();
    expect(ended).toHaveLength(1);
  });

  it('leaves visitors without a user alone', async () => {
    const { app, ended } = appWithTimeout();
    expect((await request(app).get('/me')).body.user).toBeNull();
    expect(ended).toEqual([]);
  });

  it('passes on a failure to end the session', async () => {
    const { app } = appWithTimeout(async () => {
      throw new Error('token store down');
    });
    const agent = request.agent(app);
    await agent.get('/login?withoutTime');
    const response = await agent.get('/me');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: 'token store down' });
  });

  it('renews the idle timeout on every response', async () => {
    const { app } = appWithTimeout();
    const agent = request.agent(app);
    await agent.get('/login');
    const expires = (await agent.get('/me')).headers['set-cookie']?.[0]?.match(/Expires=([^;]+)/)?.[1];
    expect(new Date(expires!).getTime() - Date.now()).toBeGreaterThan(599 * 60_000);
    expect(new Date(expires!).getTime() - Date.now()).toBeLessThanOrEqual(600 * 60_000);
  });
});

describe('throttleTouches, for a store that cannot touch', () => {
  it('leaves the store as it is', () => {
    const store = new session.MemoryStore();
    (store as { touch?: unknown }).touch = undefined;
    expect(throttleTouches(store)).toBe(store);
    expect(store.touch).toBeUndefined();
  });
});
