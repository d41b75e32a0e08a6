import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
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
