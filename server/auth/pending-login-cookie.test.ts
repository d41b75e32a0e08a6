import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPendingLoginCookie, PENDING_LOGIN_TTL_MS, readCookie } from './pending-login-cookie';
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
    logins.add(req, res, String(req.query.state), { codeVerifier: `verifier-${req.query.state}`, nonce: 'n', returnTo: '/search', createdAt: Date.now() - ageMs });
    res.end();
  });
  app.get('/take', (req, res) => {
    res.json(logins.take(req, res, String(req.query.state)) ?? null);
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
    expect((await browse('/take?state=s1')).body).toEqual({ codeVerifier: 'verifier-s1', nonce: 'n', returnTo: '/search', createdAt: expect.any(Number) });
    expect((await browse('/take?state=s1')).body).toBeNull();
  });

  it('keeps several logins (one per tab), and clears itself when the last is taken', async () => {
    const browse = browserFor(createLoginApp());
    await browse('/add?state=a');
    await browse('/add?state=b');
    expect((await browse('/read')).body).toEqual(['a', 'b']);
    await browse('/take?state=a');
    const last = await browse('/take?state=b');
    expect(last.body.codeVerifier).toBe('verifier-b');
    expect(setCookieOf(last)).toEqual({ pair: 'nansen.login=', attributes: 'Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax' });
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

  it('expires with its oldest login, and lives at least a second', async () => {
    const app = createLoginApp();
    const fresh = setCookieOf(await request(app).get('/add?state=a'));
    expect(Number(/Max-Age=(\d+)/.exec(fresh.attributes)![1])).toBeGreaterThanOrEqual(599);
    expect(Number(/Max-Age=(\d+)/.exec(fresh.attributes)![1])).toBeLessThanOrEqual(600);
    const halfway = setCookieOf(await request(app).get(`/add?state=b&ageMs=${5 * MINUTE}`));
    const withNewer = setCookieOf(await request(app).get('/add?state=c').set('Cookie', halfway.pair));
    expect(Number(/Max-Age=(\d+)/.exec(withNewer.attributes)![1])).toBeGreaterThanOrEqual(299);
    expect(Number(/Max-Age=(\d+)/.exec(withNewer.attributes)![1])).toBeLessThanOrEqual(300);
    const almostGone = setCookieOf(await request(app).get(`/add?state=c&ageMs=${PENDING_LOGIN_TTL_MS - 10}`));
    expect(almostGone.attributes).toMatch(/^Max-Age=1; /);
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
