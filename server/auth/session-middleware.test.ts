import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpstreamError } from '../http/errors';
import { createCookieSigner, createSessionMiddleware, readCookie, sessionStoreUnavailable, TouchThrottle } from './session-middleware';
import { sessionStoreKey } from './session-store-key';

// Counts the HMACs computed, to see which cookie values the signer remembers.
const hmacs = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, createHmac: (...args: Parameters<typeof actual.createHmac>) => (hmacs.count++, actual.createHmac(...args)) };
});

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

function appWith(secureCookie: boolean, options: { store?: session.Store; secrets?: string[]; idleTimeoutMinutes?: number; onUnknownSecret?: (name: string) => void } = {}) {
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
      onUnknownSecret: options.onUnknownSecret,
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
/** The session id in a `nansen.sid=s:<id>.<mac>` cookie (or Set-Cookie) value. */
const idInCookie = (cookie: string) => readCookie(cookie.split(';')[0], 'nansen.sid')!.slice(2).split('.')[0]!;
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
    const id = idInCookie(setCookieOf(await agent.get('/login'))!);
    expect(id).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    const first = (await agent.get('/me')).body.id as string;
    expect(first).toBe(sessionStoreKey(id));
    await agent.get('/login');
    const second = (await agent.get('/me')).body;
    expect(second).toEqual({ user: 'u', id: expect.not.stringMatching(first) });
    expect(writes.destroy).toBe(1);
    expect(await new Promise((resolve) => store.get(first, (_err, s) => resolve(s)))).toBeFalsy();
  });

  it('is refused when its signature is not one of the secrets\', or missing', async () => {
    const store = new session.MemoryStore();
    const agent = request.agent(appWith(false, { store }));
    const id = idInCookie(setCookieOf(await agent.get('/login'))!);
    const app = appWith(false, { store });
    const forged = createCookieSigner(['f'.repeat(32)]).sign(id);
    expect((await request(app).get('/me').set('Cookie', `nansen.sid=${encodeURIComponent(forged)}`)).body.user).toBeNull();
    expect((await request(app).get('/me').set('Cookie', `nansen.sid=${encodeURIComponent(`s:${id}`)}`)).body.user).toBeNull();
    expect((await request(app).get('/me').set('Cookie', `nansen.sid=${id}`)).body.user).toBeNull();
    const genuine = createCookieSigner([SECRET]).sign(id);
    expect((await request(app).get('/me').set('Cookie', `other=1; nansen.sid=${encodeURIComponent(genuine)}`)).body.user).toBe('u');
  });

  it('signed by a secret this instance does not have (another instance\'s) is said, by the cookie\'s name only; a malformed value is not', async () => {
    const heard: string[] = [];
    const app = appWith(false, { onUnknownSecret: (name) => void heard.push(name) });
    const otherInstance = createCookieSigner(['o'.repeat(32)]).sign('some-session-id');
    expect((await request(app).get('/me').set('Cookie', `nansen.sid=${encodeURIComponent(otherInstance)}`)).body.user).toBeNull();
    expect(heard).toEqual(['nansen.sid']);
    await request(app).get('/me').set('Cookie', 'nansen.sid=garbage');
    await request(app).get('/me').set('Cookie', `nansen.sid=${encodeURIComponent(createCookieSigner([SECRET]).sign('unknown-id'))}`);
    await request(app).get('/me');
    expect(heard).toEqual(['nansen.sid']);
  });

  it('signed by an older secret of the rotation list is accepted, and re-signed with the newest when the cookie is next sent', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    const store = new session.MemoryStore();
    const OLD = 'o'.repeat(32);
    const NEW = 'n'.repeat(32);
    const before = request.agent(appWith(false, { store, secrets: [OLD] }));
    const id = idInCookie(setCookieOf(await before.get('/login'))!);
    const cookie = `nansen.sid=${encodeURIComponent(createCookieSigner([OLD]).sign(id))}`;
    vi.setSystemTime(1_000_000 + 61_000);
    const rotated = await request(appWith(false, { store, secrets: [NEW, OLD] })).get('/me').set('Cookie', cookie);
    expect(rotated.body.user).toBe('u');
    expect(readCookie(setCookieOf(rotated), 'nansen.sid')).toBe(createCookieSigner([NEW]).sign(id));
    expect((await request(appWith(false, { store, secrets: [NEW] })).get('/me').set('Cookie', cookie)).body.user).toBeNull();
  });

  // Decision 050: records were kept under the id itself, by express-session and by this layer until then.
  // Its cookie is still a well-signed one, but the record is looked up under the id's hash and not found.
  it('of a session made by express-session, or by Nansen before decision 050 (kept under the id), opens no session', async () => {
    const store = new session.MemoryStore();
    const before = express();
    before.use(session({ name: 'nansen.sid', secret: [SECRET], store, resave: false, saveUninitialized: false, cookie: { httpOnly: true, sameSite: 'lax', maxAge: 60_000 } }));
    before.get('/login', (req, res) => {
      req.session.user = { user_id: 'u' } as never;
      req.session.createdAt = Date.now();
      res.end();
    });
    const cookie = setCookieOf(await request(before).get('/login'))!.split(';')[0]!;
    expect(await new Promise((resolve) => store.get(idInCookie(cookie), (_err, s) => resolve(s)))).toMatchObject({ user: { user_id: 'u' } });
    const after = await request(appWith(false, { store })).get('/me').set('Cookie', cookie);
    expect(after.body).toEqual({ user: null, id: expect.not.stringMatching(idInCookie(cookie)) });
    expect(after.headers['set-cookie']).toBeUndefined();
  });

  it('is kept in the store only as its SHA-256 (hex): the cookie\'s id is nowhere in it, and the key signed as a cookie opens nothing', async () => {
    const { store, writes } = countingStore();
    const app = appWith(false, { store, idleTimeoutMinutes: 600 });
    const login = await request(app).get('/login');
    const cookie = setCookieOf(login)!.split(';')[0]!;
    const id = idInCookie(cookie);
    const stored = await new Promise<Record<string, unknown>>((resolve, reject) => store.all((err, all) => (err ? reject(err) : resolve(all as never))));
    expect(Object.keys(stored)).toEqual([sessionStoreKey(id)]);
    expect(Object.keys(stored)[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(id);
    expect((await request(app).get('/me').set('Cookie', cookie)).body).toEqual({ user: 'u', id: sessionStoreKey(id) });
    // Someone who read the store (and knew the signing secret) signs the key they found: it is hashed again, and found nowhere.
    const forged = `nansen.sid=${encodeURIComponent(createCookieSigner([SECRET]).sign(sessionStoreKey(id)))}`;
    const refused = await request(app).get('/me').set('Cookie', forged);
    expect(refused.body.user).toBeNull();
    expect(refused.body.id).not.toBe(sessionStoreKey(id));
    // Logging out deletes the record under its key.
    await request(app).post('/logout').set('Cookie', cookie);
    expect(writes.destroy).toBe(1);
    expect(await new Promise((resolve) => store.length((_err, n) => resolve(n)))).toBe(0);
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

describe('createCookieSigner, in detail', () => {
  it('needs a secret', () => {
    expect(() => createCookieSigner([])).toThrow('a session cookie needs at least one secret');
  });

  it('accepts a value signed by any secret of the rotation list, and signs with the first', () => {
    const [first, middle, last] = ['1', '2', '3'].map((c) => c.repeat(32));
    const signer = createCookieSigner([first!, middle!, last!]);
    for (const secret of [first!, middle!, last!]) expect(signer.verify(createCookieSigner([secret]).sign('id1'))).toBe('id1');
    expect(signer.sign('id1')).toBe(createCookieSigner([first!]).sign('id1'));
    expect(signer.verify(createCookieSigner(['4'.repeat(32)]).sign('id1'))).toBeUndefined();
  });

  it('refuses a value without the `s:` prefix or without an id, and a signature of the wrong length, without throwing', () => {
    const signer = createCookieSigner([SECRET]);
    const good = signer.sign('abc');
    expect(signer.verify(`x${good.slice(1)}`)).toBeUndefined();
    expect(signer.verify(`xx${good.slice(2)}`)).toBeUndefined();
    // The id is empty: `s:.<mac of "">`.
    expect(signer.sign('')).toMatch(/^s:\./);
    expect(signer.verify(signer.sign(''))).toBeUndefined();
    expect(signer.verify('s:abc.short')).toBeUndefined();
    expect(signer.verify(`${good}A`)).toBeUndefined();
    expect(signer.verify(good.replace('abc', 'abd'))).toBeUndefined();
  });

  it('computes no HMAC for a remembered value, remembers no forgery, and forgets the oldest past its size', () => {
    const signer = createCookieSigner([SECRET], 2);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => signer.sign(id)) as [string, string, string];
    const cost = (value: string, expected: string | undefined) => {
      const before = hmacs.count;
      expect(signer.verify(value)).toBe(expected);
      return hmacs.count - before;
    };
    expect(cost(a, 'a')).toBe(1);
    expect(cost(a, 'a')).toBe(0);
    expect(cost(b, 'b')).toBe(1);
    // A forgery is checked every time and takes no place in the memory.
    const forged = `${a.slice(0, -1)}${a.endsWith('A') ? 'B' : 'A'}`;
    expect(cost(forged, undefined)).toBe(1);
    expect(cost(forged, undefined)).toBe(1);
    expect(cost(a, 'a')).toBe(0);
    expect(cost(b, 'b')).toBe(0);
    // c comes in, a (the oldest) goes out.
    expect(cost(c, 'c')).toBe(1);
    expect(cost(c, 'c')).toBe(0);
    expect(cost(b, 'b')).toBe(0);
    expect(cost(a, 'a')).toBe(1);
  });
});

describe('readCookie, in detail', () => {
  it('skips spaces and tabs before a name and trims the value; a lone or half quote is kept', () => {
    expect(readCookie('a=1;\tnansen.sid=v', 'nansen.sid')).toBe('v');
    expect(readCookie('; nansen.sid=v', 'nansen.sid')).toBe('v');
    expect(readCookie('nansen.sid= v ;a=1', 'nansen.sid')).toBe('v');
    expect(readCookie('nansen.sid="', 'nansen.sid')).toBe('"');
    expect(readCookie('nansen.sid="v', 'nansen.sid')).toBe('"v');
    expect(readCookie('nansen.sid=v"', 'nansen.sid')).toBe('v"');
    expect(readCookie('nansen.sid=', 'nansen.sid')).toBe('');
  });

  it('takes the first value of the name, even when it cannot be decoded', () => {
    expect(readCookie('nansen.sid=a; nansen.sid=b', 'nansen.sid')).toBe('a');
    expect(readCookie('nansen.sid=%E0%A4%A; nansen.sid=b', 'nansen.sid')).toBeUndefined();
  });
});

describe('TouchThrottle, in detail', () => {
  const sizeOf = (throttle: TouchThrottle) => (throttle as unknown as { last: Map<string, number> }).last.size;

  it('past its size drops only the sessions whose interval has passed, and stays bounded', () => {
    const throttle = new TouchThrottle(10, 3);
    throttle.due('a', 0);
    throttle.due('b', 0);
    throttle.due('c', 15);
    expect(sizeOf(throttle)).toBe(3);
    throttle.due('d', 20);
    // a and b were dropped; c, touched 5 ms before, is kept and not due yet.
    expect(sizeOf(throttle)).toBe(2);
    expect(throttle.due('c', 21)).toBe(false);
    // Below its size nothing is dropped, even sessions whose interval has passed.
    expect(throttle.due('e', 100)).toBe(true);
    expect(sizeOf(throttle)).toBe(3);
    for (let i = 0; i < 100; i += 1) throttle.due(`x${i}`, 1000 + i * 20);
    expect(sizeOf(throttle)).toBeLessThanOrEqual(3);
  });
});

describe('sessionStoreUnavailable', () => {
  it('is a 503 session_store_unavailable that says so and keeps its cause, and is not wrapped twice', () => {
    const cause = new Error('connection refused');
    const error = sessionStoreUnavailable(cause);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status: 503, code: 'session_store_unavailable', cause });
    expect(error.message).toMatch(/session store is unavailable/);
    expect(sessionStoreUnavailable(error)).toBe(error);
    const other = new UpstreamError('other', 'upstream_unavailable', 503);
    expect(sessionStoreUnavailable(other)).not.toBe(other);
    expect(sessionStoreUnavailable(other).cause).toBe(other);
  });
});

describe('req.session, in detail', () => {
  /** A MemoryStore whose calls are counted, and whose set, destroy, get or touch can be made to fail. */
  function failingStore() {
    const { store, writes } = countingStore();
    const fail = { set: false, destroy: false, get: false, touch: false };
    const gets = { count: 0 };
    const [set, destroy, get, touch] = [store.set, store.destroy, store.get.bind(store), store.touch];
    store.set = (sid, sess, cb) => (fail.set ? cb?.(new Error('down')) : set(sid, sess, cb));
    store.destroy = (sid, cb) => (fail.destroy ? cb?.(new Error('down')) : destroy(sid, cb));
    store.get = (sid, cb) => (gets.count++, fail.get ? cb(new Error('down')) : get(sid, cb));
    store.touch = (sid, sess, cb) => (fail.touch ? (cb as unknown as (e: unknown) => void)(new Error('down')) : touch(sid, sess, cb));
    return { store, writes, fail, gets };
  }

  function appOn(store: session.Store, secureCookie = false) {
    const app = express();
    if (secureCookie) app.set('trust proxy', true);
    app.use(createSessionMiddleware({ secrets: [SECRET], store, secureCookie, idleTimeoutMinutes: 30, absoluteTimeoutMs: 3_600_000, endSession: async () => {} }));
    const step = (req: express.Request, name: string) =>
      name === 'save' ? promisify((cb) => req.session.save(cb))
        : name === 'regenerate' ? promisify((cb) => req.session.regenerate(cb))
          : name === 'destroy' ? promisify((cb) => req.session.destroy(cb))
            : name === 'reload' ? promisify((cb) => req.session.reload(cb))
              : name === 'other' ? (req.res!.cookie('other', '1'), Promise.resolve())
                : name === 'user' ? ((req.session.user = { user_id: 'u' } as never), (req.session.createdAt = Date.now()), (req.session.groups = ['g']), Promise.resolve())
                  : Promise.reject(new Error(name));
    // Runs the listed steps in order, then answers with what the request's session holds.
    app.get('/do', async (req, res) => {
      for (const name of String(req.query.steps ?? '').split(',').filter(Boolean)) await step(req, name);
      const sess = req.session as (typeof req.session & { id: string }) | undefined;
      res.json(sess ? { id: req.sessionID, sameId: sess.id === req.sessionID, user: sess.user?.user_id ?? null, groups: sess.groups ?? null } : { id: null });
    });
    app.use(((err, _req, res, _next) => res.status((err as { status?: number }).status ?? 500).json({ code: (err as { code?: string }).code, message: (err as Error).message })) as express.ErrorRequestHandler);
    return app;
  }
  const cookiesOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const recordOf = (store: session.Store, id: string) => new Promise<Record<string, unknown> | null | undefined>((resolve) => store.get(id, (_e, s) => resolve(s as never)));

  it('saves the person, the login time and the groups in express-session\'s record, and reads them back', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    try {
      const { store } = failingStore();
      const app = appOn(store);
      const login = await request(app).get('/do?steps=user,save');
      expect(login.body).toMatchObject({ user: 'u', groups: ['g'], sameId: true });
      expect(await recordOf(store, login.body.id)).toEqual({
        cookie: { originalMaxAge: 30 * 60_000, expires: new Date(1_000_000 + 30 * 60_000).toISOString(), secure: false, httpOnly: true, path: '/', sameSite: 'lax' },
        user: { user_id: 'u' },
        createdAt: 1_000_000,
        groups: ['g'],
      });
      const cookie = cookiesOf(login)[0]!.split(';')[0]!;
      expect((await request(app).get('/do').set('Cookie', cookie)).body).toEqual({ id: login.body.id, sameId: true, user: 'u', groups: ['g'] });
    } finally {
      vi.useRealTimers();
    }
  });

  it('stores secure: true in the record on https, and a saved session\'s cookie there is exactly the __Host- one', async () => {
    const { store } = failingStore();
    const res = await request(appOn(store, true)).get('/do?steps=user,save').set('X-Forwarded-Proto', 'https');
    expect(((await recordOf(store, res.body.id))!.cookie as { secure: boolean }).secure).toBe(true);
    expect(cookiesOf(res)).toEqual([expect.stringMatching(/^__Host-nansen\.sid=s%3A[\w-]{43}\.[\w%]+; Path=\/; Expires=[^;]+ GMT; HttpOnly; Secure; SameSite=Lax$/)]);
  });

  it('on http the cookie is exactly nansen.sid, Path, Expires, HttpOnly and SameSite', async () => {
    const res = await request(appOn(failingStore().store)).get('/do?steps=user,save');
    expect(cookiesOf(res)).toEqual([expect.stringMatching(/^nansen\.sid=s%3A[\w-]{43}\.[\w%]+; Path=\/; Expires=[^;]+ GMT; HttpOnly; SameSite=Lax$/)]);
  });

  it('exposes its id and cookie as express-session does, and touch and resetMaxAge chain', async () => {
    const app = express();
    app.use(createSessionMiddleware({ secrets: [SECRET], store: new session.MemoryStore(), secureCookie: false, idleTimeoutMinutes: 30, absoluteTimeoutMs: 1, endSession: async () => {} }));
    app.get('/', (req, res) => {
      const expires = req.session.cookie.expires!.getTime() - Date.now();
      res.json({ id: req.session.id === req.sessionID, expires: expires > 29 * 60_000 && expires <= 30 * 60_000, httpOnly: req.session.cookie.httpOnly, chain: req.session.touch() === req.session && req.session.resetMaxAge() === req.session });
    });
    expect((await request(app).get('/')).body).toEqual({ id: true, expires: true, httpOnly: true, chain: true });
  });

  it('keeps the other cookies of the answer, and sends one session cookie however often it is saved', async () => {
    const app = appOn(failingStore().store);
    const res = await request(app).get('/do?steps=other,user,save,save');
    const cookies = cookiesOf(res);
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toMatch(/^other=1;/);
    expect(cookies[1]).toMatch(/^nansen\.sid=/);
    expect(cookiesOf(await request(app).get('/do?steps=user,save,other'))).toEqual([expect.stringMatching(/^nansen\.sid=/), expect.stringMatching(/^other=1;/)]);
  });

  it('takes back a session cookie set earlier in the request on destroy and regenerate, keeping the other cookies', async () => {
    const { store, writes } = failingStore();
    const app = appOn(store);
    const destroyed = await request(app).get('/do?steps=other,user,save,destroy');
    expect(cookiesOf(destroyed)).toEqual([expect.stringMatching(/^other=1;/)]);
    expect(destroyed.body).toEqual({ id: null });
    // Saved then destroyed in the same request: the record is gone.
    expect(writes).toMatchObject({ set: 1, destroy: 1 });
    expect(await new Promise((resolve) => store.length((_e, n) => resolve(n)))).toBe(0);
    expect(cookiesOf(await request(app).get('/do?steps=user,save,destroy'))).toEqual([]);
    const regenerated = await request(app).get('/do?steps=user,save,other,regenerate');
    expect(cookiesOf(regenerated)).toEqual([expect.stringMatching(/^other=1;/)]);
    expect(regenerated.body.user).toBeNull();
    expect(await new Promise((resolve) => store.length((_e, n) => resolve(n)))).toBe(0);
    expect(cookiesOf(await request(app).get('/do?steps=user,save,regenerate'))).toEqual([]);
  });

  it('does not call the store to destroy or regenerate a session it never stored', async () => {
    const { store, writes } = failingStore();
    const app = appOn(store);
    expect((await request(app).get('/do?steps=destroy')).body).toEqual({ id: null });
    const regenerated = await request(app).get('/do?steps=regenerate');
    expect(regenerated.status).toBe(200);
    expect(writes).toEqual({ set: 0, touch: 0, destroy: 0 });
  });

  it('answers 503 session_store_unavailable when the store cannot save, destroy (logout or regenerate) or touch', async () => {
    const { store, fail } = failingStore();
    const app = appOn(store);
    const cookie = cookiesOf(await request(app).get('/do?steps=user,save'))[0]!.split(';')[0]!;
    fail.set = true;
    const unsaved = await request(app).get('/do?steps=user,save');
    expect([unsaved.status, unsaved.body.code]).toEqual([503, 'session_store_unavailable']);
    expect(cookiesOf(unsaved)).toEqual([]);
    fail.set = false;
    fail.destroy = true;
    for (const steps of ['destroy', 'regenerate']) {
      const res = await request(appOn(store)).get(`/do?steps=${steps}`).set('Cookie', cookie);
      expect([res.status, res.body.code]).toEqual([503, 'session_store_unavailable']);
    }
    fail.destroy = false;
    fail.touch = true;
    const untouched = await request(appOn(store)).get('/do').set('Cookie', cookie);
    expect([untouched.status, untouched.body.code]).toEqual([503, 'session_store_unavailable']);
    // The failed touch is tried again on the next request, not a minute later.
    fail.touch = false;
    const app2 = appOn(store);
    fail.touch = true;
    expect((await request(app2).get('/do').set('Cookie', cookie)).status).toBe(503);
    fail.touch = false;
    const retried = await request(app2).get('/do').set('Cookie', cookie);
    expect(retried.body.user).toBe('u');
    expect(cookiesOf(retried)).toHaveLength(1);
  });

  it('reloads the record, fails to reload a deleted one, and answers 503 when the store cannot be read', async () => {
    const { store, fail } = failingStore();
    const app = appOn(store);
    const login = await request(app).get('/do?steps=user,save');
    const cookie = cookiesOf(login)[0]!.split(';')[0]!;
    const reloaded = await request(app).get('/do?steps=reload').set('Cookie', cookie);
    expect(reloaded.body).toMatchObject({ id: login.body.id, user: 'u', groups: ['g'] });
    const unsaved = await request(app).get('/do?steps=user,reload');
    expect([unsaved.status, unsaved.body.message]).toEqual([500, 'failed to load session']);
    // The record is read once by the middleware, then fails when reloaded.
    const app2 = appOn(store);
    const get = store.get;
    let calls = 0;
    store.get = (sid, cb) => (++calls === 2 ? cb(new Error('down')) : get(sid, cb));
    const failed = await request(app2).get('/do?steps=reload').set('Cookie', cookie);
    expect([failed.status, failed.body.code]).toEqual([503, 'session_store_unavailable']);
    fail.get = false;
  });

  it('does not read the store for a cookie whose signature fails', async () => {
    const { store, gets } = failingStore();
    const app = appOn(store);
    const cookie = cookiesOf(await request(app).get('/do?steps=user,save'))[0]!.split(';')[0]!;
    gets.count = 0;
    await request(app).get('/do').set('Cookie', cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    expect(gets.count).toBe(0);
  });

  it('gives a new id, and sends no cookie, when the signed id has no record any more', async () => {
    const { store, writes } = failingStore();
    const app = appOn(store);
    const login = await request(app).get('/do?steps=user,save');
    const cookie = cookiesOf(login)[0]!.split(';')[0]!;
    await new Promise((resolve) => store.destroy(login.body.id, resolve));
    const after = await request(appOn(store)).get('/do').set('Cookie', cookie);
    expect(after.body.user).toBeNull();
    expect(after.body.id).not.toBe(login.body.id);
    expect(cookiesOf(after)).toEqual([]);
    expect(writes.touch).toBe(0);
    // Saving then makes a new record under the new id, never under the old one.
    const saved = await request(appOn(store)).get('/do?steps=user,save').set('Cookie', cookie);
    expect(saved.body.id).not.toBe(login.body.id);
    expect(await recordOf(store, login.body.id)).toBeFalsy();
  });

  it('does not end a stored session without a person (no login yet) for want of a login time', async () => {
    const { store } = failingStore();
    const ended: string[] = [];
    const app = express();
    app.use(createSessionMiddleware({ secrets: [SECRET], store, secureCookie: false, idleTimeoutMinutes: 30, absoluteTimeoutMs: 1, endSession: async (req) => ended.push(req.sessionID) }));
    app.get('/save', (req, res) => req.session.save(() => res.end()));
    app.get('/me', (req, res) => res.json({ id: req.sessionID }));
    const saved = await request(app).get('/save');
    const cookie = cookiesOf(saved)[0]!.split(';')[0]!;
    const me = await request(app).get('/me').set('Cookie', cookie);
    expect(ended).toEqual([]);
    expect(me.body.id).toBe(sessionStoreKey(readCookie(cookie, 'nansen.sid')!.slice(2).split('.')[0]!));
  });
});
