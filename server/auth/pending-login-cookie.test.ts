import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPendingLoginCookie, EXPIRED_LOGIN_REMEMBERED_MS, PENDING_LOGIN_TTL_MS, readCookie } from './pending-login-cookie';
import type { PendingLogin } from './session-data';
import { createTokenCipher } from './token-cipher';

const SECRET = 'p'.repeat(32);
/** Built where it is used, so the cipher's code is covered by the tests that use it. */
const cipherFor = () => createTokenCipher([SECRET]);
const MINUTE = 60_000;

/** An app that starts (/add), finishes (/take) and lists (/read) logins with the pending-login cookie. */
function createLoginApp(secure = false) {
  const logins = createPendingLoginCookie({ cipher: cipherFor(), secure });
  const app = express();
  app.get('/add', (req, res) => {
    const ageMs = Number(req.query.ageMs ?? 0);
    logins.add(req, res, String(req.query.state), { codeVerifier: `verifier-${req.query.state}`, nonce: 'n', returnTo: `/search?for=${req.query.state}`, createdAt: Date.now() - ageMs });
    res.end();
  });
  app.get('/take', (req, res) => {
    res.json(logins.take(req, res, String(req.query.state)) ?? null);
  });
  app.get('/remembered', (req, res) => {
    res.json(logins.rememberedReturnTo(req, String(req.query.state)) ?? null);
  });
  app.get('/read', (req, res) => {
    res.json(Object.keys(logins.read(req)).sort());
  });
  return app;
}

/** The cookie a response sets (name=value), and its attributes. */
function setCookieOf(response: request.Response): { pair: string; attributes: string } {
  const header = response.headers['set-cookie']?.[0] ?? '';
  const [pair, ...attributes] = header.split('; ');
  return { pair: pair!, attributes: attributes.join('; ') };
}

/** The logins a response's cookie holds, opened as the server would. */
function sealedLoginsOf(response: request.Response): Record<string, PendingLogin & { used?: true }> {
  const sealed = decodeURIComponent(setCookieOf(response).pair.split('=').slice(1).join('='));
  return JSON.parse(cipherFor().open(sealed, 'pending-logins')!) as Record<string, PendingLogin & { used?: true }>;
}

/** A browser that keeps the one pending-login cookie between requests, as long as it is set. */
function browserFor(app: express.Express) {
  let cookie = '';
  return async (path: string) => {
    const response = await request(app).get(path).set('Cookie', cookie);
    const set = setCookieOf(response);
    if (set.pair) cookie = /Expires=Thu, 01 Jan 1970/.test(set.attributes) ? '' : set.pair;
    return response;
  };
}

describe('the pending-login cookie', () => {
  it('keeps a login until its callback takes it, once', async () => {
    const browse = browserFor(createLoginApp());
    await browse('/add?state=s1');
    expect((await browse('/take?state=s1')).body).toEqual({ codeVerifier: 'verifier-s1', nonce: 'n', returnTo: '/search?for=s1', createdAt: expect.any(Number) });
    expect((await browse('/take?state=s1')).body).toBeNull();
  });

  it('keeps several logins (one per tab): taking one leaves the others to be finished', async () => {
    const browse = browserFor(createLoginApp());
    await browse('/add?state=a');
    await browse('/add?state=b');
    expect((await browse('/read')).body).toEqual(['a', 'b']);
    await browse('/take?state=a');
    expect((await browse('/read')).body).toEqual(['b']);
    const last = await browse('/take?state=b');
    expect(last.body.codeVerifier).toBe('verifier-b');
    expect((await browse('/read')).body).toEqual([]);
  });

  it('remembers where a used login was going, without its secrets, and never lets it be taken again', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000_000 });
    const browse = browserFor(createLoginApp());
    await browse('/add?state=a');
    await browse('/add?state=b');
    // Usable logins are not remembered ones: they can still be finished.
    expect((await browse('/remembered?state=a')).body).toBeNull();
    const taken = await browse('/take?state=a');
    expect(taken.body).toEqual({ codeVerifier: 'verifier-a', nonce: 'n', returnTo: '/search?for=a', createdAt: 1_000_000_000 });
    expect(sealedLoginsOf(taken)).toEqual({
      a: { codeVerifier: '', nonce: '', returnTo: '/search?for=a', createdAt: 1_000_000_000, used: true },
      b: { codeVerifier: 'verifier-b', nonce: 'n', returnTo: '/search?for=b', createdAt: 1_000_000_000 },
    });
    expect((await browse('/remembered?state=a')).body).toBe('/search?for=a');
    expect((await browse('/take?state=a')).body).toBeNull();
    // Still used (never usable again) when it is written once more, and forgotten an hour after its start.
    vi.setSystemTime(1_000_000_000 + MINUTE);
    const added = await browse('/add?state=c');
    expect(sealedLoginsOf(added).a).toEqual({ codeVerifier: '', nonce: '', returnTo: '/search?for=a', createdAt: 1_000_000_000, used: true });
    expect((await browse('/take?state=a')).body).toBeNull();
    vi.setSystemTime(1_000_000_000 + EXPIRED_LOGIN_REMEMBERED_MS);
    expect((await browse('/remembered?state=a')).body).toBeNull();
  });

  it('never lets a remembered login take the place of one a tab can still finish', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000_000 });
    const browse = browserFor(createLoginApp());
    // Five tabs start a login; a sixth starts one and finishes it: the newest is a used one.
    for (const [state, ageMinutes] of [['a', 6], ['b', 5], ['c', 4], ['d', 3], ['e', 2]] as const) {
      await browse(`/add?state=${state}&ageMs=${ageMinutes * MINUTE}`);
    }
    await browse(`/add?state=used&ageMs=${MINUTE}`);
    await browse('/take?state=used');
    expect((await browse('/read')).body).toEqual(['b', 'c', 'd', 'e']);
    expect((await browse('/remembered?state=used')).body).toBe('/search?for=used');
    // A seventh login: the used one goes, not b, the oldest that can still be finished.
    await browse('/add?state=f');
    expect((await browse('/read')).body).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect((await browse('/remembered?state=used')).body).toBeNull();
  });

  it('keeps the five most recent logins', async () => {
    const browse = browserFor(createLoginApp());
    for (const [state, ageMinutes] of [['oldest', 6], ['b', 5], ['c', 4], ['d', 3], ['e', 2], ['newest', 1]] as const) {
      await browse(`/add?state=${state}&ageMs=${ageMinutes * MINUTE}`);
    }
    expect((await browse('/read')).body).toEqual(['b', 'c', 'd', 'e', 'newest']);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('forgets a login 10 minutes after it started, and one that claims to start in the future', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000_000 });
    const browse = browserFor(createLoginApp());
    await browse(`/add?state=fresh&ageMs=${PENDING_LOGIN_TTL_MS - 1}`);
    await browse(`/add?state=expired&ageMs=${PENDING_LOGIN_TTL_MS}`);
    await browse(`/add?state=future&ageMs=${-MINUTE}`);
    expect((await browse('/read')).body).toEqual(['fresh']);
    expect(PENDING_LOGIN_TTL_MS).toBe(10 * MINUTE);
  });

  it('lives as long as its newest login is remembered (an hour from its start), and at least a second', async () => {
    const app = createLoginApp();
    const maxAge = (response: request.Response) => Number(/Max-Age=(\d+)/.exec(setCookieOf(response).attributes)![1]);
    const fresh = await request(app).get('/add?state=a');
    expect(maxAge(fresh)).toBeGreaterThanOrEqual(3599);
    expect(maxAge(fresh)).toBeLessThanOrEqual(3600);
    const older = setCookieOf(await request(app).get(`/add?state=b&ageMs=${30 * MINUTE}`));
    expect(maxAge(await request(app).get('/add?state=c').set('Cookie', older.pair))).toBeGreaterThanOrEqual(3599);
    const almostGone = setCookieOf(await request(app).get(`/add?state=c&ageMs=${EXPIRED_LOGIN_REMEMBERED_MS - 10}`));
    expect(almostGone.attributes).toMatch(/^Max-Age=1; /);
    expect(EXPIRED_LOGIN_REMEMBERED_MS).toBe(60 * MINUTE);
  });

  it('remembers where an expired login was going for an hour from its start, but never lets it finish', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000_000 });
    const browse = browserFor(createLoginApp());
    await browse(`/add?state=old&ageMs=${PENDING_LOGIN_TTL_MS}`);
    await browse(`/add?state=fresh&ageMs=${PENDING_LOGIN_TTL_MS - 1}`);
    await browse(`/add?state=gone&ageMs=${EXPIRED_LOGIN_REMEMBERED_MS}`);
    expect((await browse('/take?state=old')).body).toBeNull();
    expect((await browse('/remembered?state=old')).body).toBe('/search?for=old');
    expect((await browse('/remembered?state=gone')).body).toBeNull();
    expect((await browse('/remembered?state=unknown')).body).toBeNull();
    // A login that can still finish is not an expired one.
    expect((await browse('/remembered?state=fresh')).body).toBeNull();
    expect((await browse('/take?state=fresh')).body).toMatchObject({ returnTo: '/search?for=fresh' });
    // Taking the last usable login keeps the memory of the expired one.
    expect((await browse('/remembered?state=old')).body).toBe('/search?for=old');
    expect((await browse('/read')).body).toEqual([]);
  });

  it('keeps no PKCE verifier or nonce of an expired login', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000_000 });
    const browse = browserFor(createLoginApp());
    await browse(`/add?state=old&ageMs=${PENDING_LOGIN_TTL_MS + MINUTE}`);
    const logins = sealedLoginsOf(await browse('/add?state=new'));
    expect(logins.old).toEqual({ codeVerifier: '', nonce: '', returnTo: '/search?for=old', createdAt: 1_000_000_000 - PENDING_LOGIN_TTL_MS - MINUTE });
    expect(logins.new).toMatchObject({ codeVerifier: 'verifier-new', nonce: 'n' });
  });

  it('leaves the logins in progress alone when a callback names an unknown login', async () => {
    const app = createLoginApp();
    const { pair } = setCookieOf(await request(app).get('/add?state=a'));
    const response = await request(app).get('/take?state=unknown').set('Cookie', pair);
    expect(response.body).toBeNull();
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('is HttpOnly and SameSite=Lax for the whole site; on https, Secure and __Host- prefixed', async () => {
    expect(setCookieOf(await request(createLoginApp()).get('/add?state=a')).attributes).toMatch(/^Max-Age=\d+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    const secure = setCookieOf(await request(createLoginApp(true)).get('/add?state=a'));
    expect(secure.pair).toMatch(/^__Host-nansen\.login=v1\./);
    expect(secure.attributes).toMatch(/^Max-Age=\d+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('holds the logins sealed, so they can be neither read nor forged', async () => {
    const app = createLoginApp();
    const { pair } = setCookieOf(await request(app).get('/add?state=a'));
    expect(decodeURIComponent(pair)).not.toMatch(/verifier|search/);
    const forged = `nansen.login=${encodeURIComponent(createTokenCipher(['x'.repeat(32)]).seal(JSON.stringify({ a: { codeVerifier: 'v', nonce: 'n', returnTo: '/', createdAt: Date.now() } }), 'pending-logins'))}`;
    expect((await request(app).get('/read').set('Cookie', forged)).body).toEqual([]);
    const otherPurpose = `nansen.login=${encodeURIComponent(cipherFor().seal(JSON.stringify({ a: {} }), 'session-tokens'))}`;
    expect((await request(app).get('/read').set('Cookie', otherPurpose)).body).toEqual([]);
  });

  it('reads a sealed value that is not a list of logins as none', async () => {
    const app = createLoginApp();
    for (const json of ['not json', 'null', '42']) {
      const cookie = `nansen.login=${encodeURIComponent(cipherFor().seal(json, 'pending-logins'))}`;
      expect((await request(app).get('/read').set('Cookie', cookie)).body, json).toEqual([]);
    }
    const login: PendingLogin = { codeVerifier: 'v', nonce: 'n', returnTo: '/', createdAt: Date.now() };
    const valid = `nansen.login=${encodeURIComponent(cipherFor().seal(JSON.stringify({ sealed: login }), 'pending-logins'))}`;
    expect((await request(app).get('/read').set('Cookie', valid)).body).toEqual(['sealed']);
  });
});

describe('readCookie', () => {
  const withCookie = (cookie: string | undefined) => ({ headers: cookie === undefined ? {} : { cookie } }) as express.Request;

  it('finds one cookie among several, by its exact name, decoded', () => {
    expect(readCookie(withCookie('a=1; nansen.login=x%20y; b=2'), 'nansen.login')).toBe('x y');
    expect(readCookie(withCookie('  nansen.login = spaced ;x=1'), 'nansen.login')).toBe('spaced');
    expect(readCookie(withCookie('xnansen.login=1; nansen.login.old=2'), 'nansen.login')).toBeUndefined();
    expect(readCookie(withCookie('a=b=c'), 'a')).toBe('b=c');
  });

  it('finds nothing without a cookie header, in a part without a name, or in a value that does not decode', () => {
    expect(readCookie(withCookie(undefined), 'a')).toBeUndefined();
    expect(readCookie(withCookie('=a; a'), 'a')).toBeUndefined();
    expect(readCookie(withCookie('a=%E0%A4%A'), 'a')).toBeUndefined();
    expect(readCookie(withCookie('nansen.loginx'), 'nansen.login')).toBeUndefined();
  });

  it('reads the first cookie of a name (the most specific one a browser sends), even when it does not decode', () => {
    expect(readCookie(withCookie('a=first; a=second'), 'a')).toBe('first');
    expect(readCookie(withCookie('a=%E0%A4%A; a=second'), 'a')).toBeUndefined();
  });
});

describe('a pending-login cookie sealed with a secret this instance does not have', () => {
  it('is unreadable, and said by the cookie\'s name only; a readable or absent one is not', () => {
    const heard: string[] = [];
    const here = createPendingLoginCookie({ cipher: cipherFor(), secure: false, onUnknownSecret: (name) => void heard.push(name) });
    const elsewhere = createPendingLoginCookie({ cipher: createTokenCipher(['o'.repeat(32)]), secure: false });
    const sealedBy = (logins: typeof here) => {
      const cookies: string[] = [];
      const res = { cookie: (name: string, value: string) => void cookies.push(`${name}=${encodeURIComponent(value)}`) } as unknown as express.Response;
      logins.add({ headers: {} } as express.Request, res, 'state-1', { codeVerifier: 'v', nonce: 'n', returnTo: '/', createdAt: Date.now() });
      return { headers: { cookie: cookies[0] } } as express.Request;
    };
    const foreign = sealedBy(elsewhere);
    expect(here.unreadable(foreign)).toBe(true);
    expect(here.take(foreign, { cookie: () => {} } as unknown as express.Response, 'state-1')).toBeUndefined();
    expect(heard).toEqual(['nansen.login']);
    const own = sealedBy(here);
    expect(here.unreadable(own)).toBe(false);
    expect(here.unreadable({ headers: {} } as express.Request)).toBe(false);
    expect(Object.keys(here.read(own))).toEqual(['state-1']);
    expect(heard).toEqual(['nansen.login']);
  });
});
