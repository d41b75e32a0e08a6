import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCookieSigner, createSessionMiddleware, readCookie, TouchThrottle } from './session-middleware';

const SECRET = 's'.repeat(32);

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

/** A MemoryStore that counts its writes. */
function countingStore() {
  const store = new session.MemoryStore();
  const writes = { set: 0, touch: 0, destroy: 0 };
  const [set, touch, destroy] = [store.set.bind(store), store.touch.bind(store), store.destroy.bind(store)];
  store.set = (sid, sess, cb) => (writes.set++, set(sid, sess, cb));
  store.touch = (sid, sess, cb) => (writes.touch++, touch(sid, sess, cb));
  store.destroy = (sid, cb) => (writes.destroy++, destroy(sid, cb));
  return { store, writes };
}

function appWith(secureCookie: boolean, options: { store?: session.Store; secrets?: string[]; idleTimeoutMinutes?: number } = {}) {
  const app = express();
  if (secureCookie) app.set('trust proxy', true);
  app.use(
    createSessionMiddleware({
      secrets: options.secrets ?? [SECRET],
      store: options.store ?? new session.MemoryStore(),
      secureCookie,
      idleTimeoutMinutes: options.idleTimeoutMinutes ?? 30,
      absoluteTimeoutMs: 3_600_000,
      endSession: async () => {},
    }),
  );
  // As the login does: a new id, the person, an explicit save.
  app.get('/login', async (req, res) => {
    await promisify((cb) => req.session.regenerate(cb));
    req.session.user = { user_id: 'u' } as never;
    req.session.createdAt = Date.now();
    await promisify((cb) => req.session.save(cb));
    res.end();
  });
  app.post('/logout', async (req, res) => {
    await promisify((cb) => req.session.destroy(cb));
    res.end();
  });
  app.get('/me', (req, res) => res.json({ user: req.session.user?.user_id ?? null, id: req.sessionID }));
  // Changed but not saved: nothing is kept.
  app.get('/unsaved', (req, res) => {
    req.session.user = { user_id: 'u' } as never;
    res.end();
  });
  app.use(((err, _req, res, _next) => res.status((err as { status?: number }).status ?? 500).json({ code: (err as { code?: string }).code, message: (err as Error).message })) as express.ErrorRequestHandler);
  return app;
}

const setCookieOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
const expiresOf = (res: request.Response) => new Date(/Expires=([^;]+)/.exec(setCookieOf(res) ?? '')?.[1] ?? NaN).getTime();

describe('session cookie', () => {
  it('on https is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/, with the idle expiry', async () => {
    const res = await request(appWith(true)).get('/login').set('X-Forwarded-Proto', 'https');
    const cookie = setCookieOf(res) ?? '';
    expect(cookie).toMatch(/^__Host-nansen\.sid=s%3A[\w-]{43}\.[\w%]{43,}; /);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Domain=/);
    expect(expiresOf(res) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(expiresOf(res) - Date.now()).toBeLessThanOrEqual(30 * 60_000);
  });

  it('is not sent as a Secure cookie over plain http when the app expects https', async () => {
    expect((await request(appWith(true)).get('/login')).headers['set-cookie']).toBeUndefined();
  });

  it('on http (development) is plain, and still HttpOnly and SameSite=Lax', async () => {
    const cookie = setCookieOf(await request(appWith(false)).get('/login')) ?? '';
    expect(cookie).toMatch(/^nansen\.sid=/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
  });

  it('is not set, and nothing is stored, for a visitor with nothing to keep or who did not save', async () => {
    const { store, writes } = countingStore();
    expect((await request(appWith(false, { store })).get('/me')).headers['set-cookie']).toBeUndefined();
    const agent = request.agent(appWith(false, { store }));
    expect((await agent.get('/unsaved')).headers['set-cookie']).toBeUndefined();
    expect((await agent.get('/me')).body.user).toBeNull();
    expect(writes).toEqual({ set: 0, touch: 0, destroy: 0 });
  });
});

describe('the session id', () => {
  it('is new at login (256 random bits), and the record of the one before is deleted', async () => {
    const { store, writes } = countingStore();
    const agent = request.agent(appWith(false, { store }));
    await agent.get('/login');
    const first = (await agent.get('/me')).body.id as string;
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);
    await agent.get('/login');
    const second = (await agent.get('/me')).body;
    expect(second).toEqual({ user: 'u', id: expect.not.stringMatching(first) });
    expect(writes.destroy).toBe(1);
    expect(await new Promise((resolve) => store.get(first, (_err, s) => resolve(s)))).toBeFalsy();
  });

  it('is refused when its signature is not one of the secrets\', or missing', async () => {
    const store = new session.MemoryStore();
    const agent = request.agent(appWith(false, { store }));
    const id = (await (await agent.get('/login'), agent.get('/me'))).body.id as string;
    const app = appWith(false, { store });
    const forged = createCookieSigner(['f'.repeat(32)]).sign(id);
    expect((await request(app).get('/me').set('Cookie', `nansen.sid=${encodeURIComponent(forged)}`)).body.user).toBeNull();
    expect((await request(app).get('/me').set('Cookie', `nansen.sid=${encodeURIComponent(`s:${id}`)}`)).body.user).toBeNull();
    expect((await request(app).get('/me').set('Cookie', `nansen.sid=${id}`)).body.user).toBeNull();
    const genuine = createCookieSigner([SECRET]).sign(id);
    expect((await request(app).get('/me').set('Cookie', `other=1; nansen.sid=${encodeURIComponent(genuine)}`)).body.user).toBe('u');
  });

  it('signed by an older secret of the rotation list is accepted, and re-signed with the newest when the cookie is next sent', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    const store = new session.MemoryStore();
    const OLD = 'o'.repeat(32);
    const NEW = 'n'.repeat(32);
    const before = request.agent(appWith(false, { store, secrets: [OLD] }));
    await before.get('/login');
    const id = (await before.get('/me')).body.id as string;
    const cookie = `nansen.sid=${encodeURIComponent(createCookieSigner([OLD]).sign(id))}`;
    vi.setSystemTime(1_000_000 + 61_000);
    const rotated = await request(appWith(false, { store, secrets: [NEW, OLD] })).get('/me').set('Cookie', cookie);
    expect(rotated.body.user).toBe('u');
    expect(readCookie(setCookieOf(rotated), 'nansen.sid')).toBe(createCookieSigner([NEW]).sign(id));
    expect((await request(appWith(false, { store, secrets: [NEW] })).get('/me').set('Cookie', cookie)).body.user).toBeNull();
  });

  it('of a session made by express-session (before this layer) is still read', async () => {
    const store = new session.MemoryStore();
    const before = express();
    before.use(session({ name: 'nansen.sid', secret: [SECRET], store, resave: false, saveUninitialized: false, cookie: { httpOnly: true, sameSite: 'lax', maxAge: 60_000 } }));
    before.get('/login', (req, res) => {
      req.session.user = { user_id: 'u' } as never;
      req.session.createdAt = Date.now();
      res.end();
    });
    const cookie = setCookieOf(await request(before).get('/login'))!.split(';')[0]!;
    expect((await request(appWith(false, { store })).get('/me').set('Cookie', cookie)).body.user).toBe('u');
  });
});

describe('the idle timeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('moves the store\'s expiry and re-sends the cookie at most once a minute per session, not on every answer', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    const { store, writes } = countingStore();
    const agent = request.agent(appWith(false, { store, idleTimeoutMinutes: 600 }));
    await agent.get('/login');
    for (let i = 0; i < 20; i += 1) {
      const me = await agent.get('/me');
      expect(me.body.user).toBe('u');
      expect(me.headers['set-cookie']).toBeUndefined();
    }
    expect(writes).toEqual({ set: 1, touch: 0, destroy: 0 });
    vi.setSystemTime(1_000_000 + 60_000);
    const renewed = await agent.get('/me');
    expect(writes.touch).toBe(1);
    expect(expiresOf(renewed)).toBe(Math.floor((1_000_000 + 60_000 + 600 * 60_000) / 1000) * 1000);
    expect((await agent.get('/me')).headers['set-cookie']).toBeUndefined();
    expect(writes.touch).toBe(1);
  });

  it('ends a session left idle longer than the timeout, however the browser kept its cookie', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    const app = appWith(false, { idleTimeoutMinutes: 30 });
    const agent = request.agent(app);
    const cookie = setCookieOf(await agent.get('/login'))!.split(';')[0]!;
    vi.setSystemTime(1_000_000 + 29 * 60_000);
    expect((await request(app).get('/me').set('Cookie', cookie)).body.user).toBe('u');
    // The store's expiry moved at that request: 30 minutes from then.
    vi.setSystemTime(1_000_000 + 58 * 60_000);
    expect((await request(app).get('/me').set('Cookie', cookie)).body.user).toBe('u');
    vi.setSystemTime(1_000_000 + 89 * 60_000);
    expect((await request(app).get('/me').set('Cookie', cookie)).body.user).toBeNull();
  });
});

describe('logout', () => {
  it('deletes the record: the cookie no longer opens a session', async () => {
    const store = new session.MemoryStore();
    const app = appWith(false, { store });
    const cookie = setCookieOf(await request(app).get('/login'))!.split(';')[0]!;
    expect((await request(app).get('/me').set('Cookie', cookie)).body.user).toBe('u');
    await request(app).post('/logout').set('Cookie', cookie);
    expect((await request(app).get('/me').set('Cookie', cookie)).body.user).toBeNull();
  });
});

describe('a session store that fails', () => {
  it('answers 503 session_store_unavailable when it cannot be read or touched', async () => {
    const store = new session.MemoryStore();
    const app = appWith(false, { store });
    const cookie = setCookieOf(await request(app).get('/login'))!.split(';')[0]!;
    const get = store.get.bind(store);
    store.get = (_sid, cb) => cb(new Error('connection refused'));
    const unreadable = await request(app).get('/me').set('Cookie', cookie);
    expect(unreadable.status).toBe(503);
    expect(unreadable.body.code).toBe('session_store_unavailable');
    store.get = get;
    store.touch = (_sid, _sess, cb) => (cb as unknown as (err: unknown) => void)(new Error('connection refused'));
    const fresh = appWith(false, { store });
    expect((await request(fresh).get('/me').set('Cookie', cookie)).status).toBe(503);
  });

  it('treats a missing record (ENOENT, as file stores say it) as no session', async () => {
    const store = new session.MemoryStore();
    const app = appWith(false, { store });
    const cookie = setCookieOf(await request(app).get('/login'))!.split(';')[0]!;
    store.get = (_sid, cb) => cb(Object.assign(new Error('gone'), { code: 'ENOENT' }));
    const res = await request(app).get('/me').set('Cookie', cookie);
    expect(res.status).toBe(200);
    expect(res.body.user).toBeNull();
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
        secrets: [SECRET],
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
    app.get('/login', async (req, res) => {
      req.session.user = { user_id: 'u' } as never;
      if (req.query.withoutTime === undefined) req.session.createdAt = Date.now();
      await promisify((cb) => req.session.save(cb));
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
});

describe('TouchThrottle', () => {
  it('lets a session\'s expiry move at most once per interval, each session on its own', () => {
    const throttle = new TouchThrottle(60_000);
    expect(throttle.due('a', 0)).toBe(true);
    expect(throttle.due('a', 59_999)).toBe(false);
    expect(throttle.due('b', 59_999)).toBe(true);
    expect(throttle.due('a', 60_000)).toBe(true);
    throttle.forget('a');
    expect(throttle.due('a', 60_001)).toBe(true);
  });

  it('stays bounded: past its size it drops the sessions whose interval has passed', () => {
    const throttle = new TouchThrottle(10, 3);
    for (const id of ['a', 'b', 'c']) throttle.due(id, 0);
    throttle.due('d', 20);
    // a, b and c were dropped, so each is due again at once.
    expect(throttle.due('a', 21)).toBe(true);
    expect(throttle.due('d', 21)).toBe(false);
  });
});

describe('readCookie', () => {
  it('finds the named cookie, not one whose name ends the same, and decodes it', () => {
    expect(readCookie('xnansen.sid=a; nansen.sid=s%3Ab.c', 'nansen.sid')).toBe('s:b.c');
    expect(readCookie('nansen.sid="q"', 'nansen.sid')).toBe('q');
    expect(readCookie('a=1;b=2', 'nansen.sid')).toBeUndefined();
    expect(readCookie('nansen.sid=%E0%A4%A', 'nansen.sid')).toBeUndefined();
    expect(readCookie(undefined, 'nansen.sid')).toBeUndefined();
  });
});

describe('createCookieSigner', () => {
  it('remembers only values that passed the check, a bounded number of them, and still refuses forgeries', () => {
    const signer = createCookieSigner([SECRET], 2);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => signer.sign(id));
    expect([a, b, c].map((v) => signer.verify(v!))).toEqual(['a', 'b', 'c']);
    expect([a, b, c].map((v) => signer.verify(v!))).toEqual(['a', 'b', 'c']);
    const forged = `${a!.slice(0, -1)}${a!.endsWith('A') ? 'B' : 'A'}`;
    expect(signer.verify(forged)).toBeUndefined();
    expect(signer.verify(forged)).toBeUndefined();
    expect(signer.verify('s:a')).toBeUndefined();
    expect(signer.verify('a.b')).toBeUndefined();
  });
});
