// The login routes on their own: session middleware, the pending-login cookie, the session accessor and
// the OIDC client, real, against the development provider (and a hostile one we sign logout tokens
// for), with the app built inside each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import express from 'express';
import session from 'express-session';
import { SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DevIdp } from '../dev-idp/start-dev-idp';
import { createMemoryLogger } from '../http/logger';
import { startTestDevIdp, TEST_CLIENT } from '../testing/dev-idp-fixture';
import { completeDevIdpLogin } from '../testing/dev-idp-login';
import { getFreePort } from '../testing/free-port';
import { HOSTILE_CLIENT, type HostileIdp, startHostileIdp } from '../testing/start-hostile-idp';
import { BACKCHANNEL_LOGOUT_PATH, createBackchannelLogoutRoute, createLoginRoutes, type LoginRoutesOptions } from './login-routes';
import type { LogoutSettings } from '../config/config-schema';
import { createErrorMiddleware } from '../http/error-middleware';
import { AUTO_SUBMIT_SCRIPT_PATH } from '../http/html-page';
import { createSessionStoreOutageHandler } from '../http/session-store-outage';
import { createOidcClient, type OidcClient } from './oidc-client';
import { createPendingLoginCookie } from './pending-login-cookie';
import { createSessionAuth } from './session-auth';
import { createSessionMiddleware, getSessionCookieName } from './session-middleware';
import { SqliteTokenStore } from './sqlite-token-store';
import { createTokenCipher } from './token-cipher';
import { defaultClaimRules } from './user-from-claims';

const SECRETS = ['login-routes-secret-that-is-long-enough'];
const CALLBACK = new URL(TEST_CLIENT.redirectUris[0]!);

describe('the login routes', () => {
  let idp: DevIdp;
  let hostile: HostileIdp;
  let dir: string;
  let tokens: SqliteTokenStore;

  beforeAll(async () => {
    [idp, hostile] = await Promise.all([startTestDevIdp(), startHostileIdp()]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-login-routes-'));
  });
  beforeEach(() => {
    tokens = new SqliteTokenStore(path.join(dir, 'sessions.sqlite'), createTokenCipher(SECRETS));
  });
  afterEach(async () => {
    await tokens.close();
    hostile.addLoginIdTokenClaims({});
  });
  afterAll(async () => {
    await Promise.all([idp.close(), hostile.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const devOidc = (issuer = idp.issuer, logout?: LogoutSettings) =>
    createOidcClient({
      logout,
      issuer,
      clientId: TEST_CLIENT.clientId,
      clientSecret: TEST_CLIENT.clientSecret,
      redirectUri: CALLBACK.href,
      postLogoutRedirectUri: TEST_CLIENT.postLogoutRedirectUris[0]!,
      scopes: 'openid email profile',
      idTokenSigningAlg: 'RS256',
    });

  const hostileOidc = () =>
    createOidcClient({
      issuer: hostile.issuer,
      clientId: HOSTILE_CLIENT.clientId,
      clientSecret: HOSTILE_CLIENT.clientSecret,
      redirectUri: CALLBACK.href,
      postLogoutRedirectUri: `${CALLBACK.origin}/logged-out`,
      scopes: 'openid email',
      idTokenSigningAlg: 'RS256',
    });

  /** The routes in an app of their own, with /me telling who is signed in. */
  function createLoginApp(options: Partial<LoginRoutesOptions> & { oidc?: OidcClient } = {}) {
    const logger = createMemoryLogger();
    const oidc = options.oidc ?? devOidc();
    const store = new session.MemoryStore();
    const auth = createSessionAuth({
      oidc,
      tokens,
      logger,
      absoluteTimeoutMs: 3_600_000,
      destroySessionRecord: (sid) => new Promise((resolve, reject) => store.destroy(sid, (err) => (err ? reject(err) : resolve()))),
    });
    const logins: { user: string; refreshToken?: string }[] = [];
    const app = express();
    app.use(createBackchannelLogoutRoute({ oidc, auth, tokens, logger }));
    app.use(createSessionMiddleware({ secrets: SECRETS, store, secureCookie: false, idleTimeoutMinutes: 30, absoluteTimeoutMs: 3_600_000, endSession: (req) => auth.endSession(req) }));
    app.use(
      createLoginRoutes({
        oidc,
        auth,
        tokens,
        pendingLogins: createPendingLoginCookie({ cipher: createTokenCipher(SECRETS), secure: false }),
        redirectUri: CALLBACK.href,
        userIdClaim: 'email',
        providerName: 'Example SSO',
        sessionCookieName: getSessionCookieName(false),
        logger,
        onLogin: async (user, sessionTokens) => {
          logins.push({ user: user.user_id, refreshToken: sessionTokens.refreshToken });
        },
        ...options,
      }),
    );
    app.get('/me', (req, res) => res.json({ user: req.session.user?.user_id ?? null, team: req.session.user?.team_name ?? null, sessionID: req.sessionID }));
    // A session kept before any login (as any route may keep one, by saving it: decision 021): the login must not go on using it.
    app.get('/visit', (req, res) => {
      req.session.groups = [];
      req.session.save(() => res.json({ sessionID: req.sessionID }));
    });
    return { app, logger, logins, store, agent: request.agent(app) };
  }

    /** Every Set-Cookie of a response, as one string. */
  const setCookies = (response: request.Response) => ([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';');

  /** Log in at the hostile provider (everyone is "roald" there, no form); returns the callback response. */
  async function logInAtHostile(agent: ReturnType<typeof request.agent>) {
    const start = await agent.get('/login');
    const callback = new URL((await fetch(start.headers.location!, { redirect: 'manual' })).headers.get('location')!);
    return agent.get(`${callback.pathname}${callback.search}`);
  }

  /** Log in through the provider's real login form; returns the callback response. */
  async function logIn(agent: ReturnType<typeof request.agent>, login = 'roald', returnTo = '/search?term=orders') {
    const start = await agent.get(`/login?returnTo=${encodeURIComponent(returnTo)}`);
    const callback = new URL(await completeDevIdpLogin(start.headers.location!, login));
    return agent.get(`${callback.pathname}${callback.search}`);
  }

  describe('while the session store fails under the callback', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    /** The app with the outage handler and the error middleware behind it, as create-bff-app mounts them. */
    function withErrorHandlers() {
      const login = createLoginApp();
      login.app.use(createSessionStoreOutageHandler({ storeName: 'SQLite', logger: login.logger }));
      login.app.use(createErrorMiddleware(login.logger));
      return login;
    }

    // Each of the callback's store calls in turn: the one-time state, ending the old session's tokens,
    // replacing its record, keeping the new session's tokens and record.
    it.each([
      ['remembering the state', () => vi.spyOn(tokens, 'rememberOnce').mockRejectedValueOnce(new Error('SQLITE_BUSY: database is locked'))],
      ['ending the old session\'s tokens', () => vi.spyOn(tokens, 'delete').mockRejectedValueOnce(new Error('SQLITE_BUSY: database is locked'))],
      ['keeping the new session\'s tokens', () => vi.spyOn(tokens, 'write').mockRejectedValueOnce(new Error('SQLITE_BUSY: database is locked'))],
    ])('answers the session store\'s 503 when %s fails, not a 500, and starts no session', async (_step, fail) => {
      const { agent, logger } = withErrorHandlers();
      const start = await agent.get('/login?returnTo=/search');
      const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
      fail();
      const answer = await agent.get(`${callback.pathname}${callback.search}`);
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('5');
      expect(answer.body).toEqual({ error: expect.objectContaining({ name: 'UpstreamError', code: 'session_store_unavailable' }) });
      expect(logger.lines.filter((line) => line.includes('→ 5'))).toEqual([expect.stringMatching(/GET \/auth\/callback → 503 — session store \(SQLite\) unavailable: Error: SQLITE_BUSY: database is locked$/)]);
      expect(logger.lines.join('\n')).not.toMatch(/\n\s+at /);
      expect((await agent.get('/me')).body.user).toBeNull();
    });

    it('offers a browser a new login to the page it was for, never the spent callback URL', async () => {
      const { agent } = withErrorHandlers();
      const start = await agent.get('/login?returnTo=%2Fsearch%3Fterm%3Dorders');
      const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
      vi.spyOn(tokens, 'write').mockRejectedValueOnce(new Error('SQLITE_BUSY: database is locked'));
      const page = await agent.get(`${callback.pathname}${callback.search}`).set('accept', 'text/html,application/xhtml+xml');
      expect(page.status).toBe(503);
      expect(page.type).toBe('text/html');
      expect(page.text).toContain('<a class="button" href="/login?returnTo=%2Fsearch%3Fterm%3Dorders">Try again</a>');
      expect(page.text).not.toContain(callback.searchParams.get('code')!);
    });
  });

  it('sends a visitor to the provider, remembering the login in a cookie, not the session', async () => {
    const { agent } = createLoginApp();
    const response = await agent.get('/login?returnTo=/browse');
    expect(response.status).toBe(303);
    expect(response.headers['cache-control']).toBe('no-store');
    const target = new URL(response.headers.location!);
    expect(target.origin).toBe(new URL(idp.issuer).origin);
    expect(target.searchParams.get('redirect_uri')).toBe(CALLBACK.href);
    expect(target.searchParams.get('state')).toBeTruthy();
    expect(setCookies(response)).toMatch(/^nansen\.login=/);
    expect(setCookies(response)).not.toMatch(/nansen\.sid=/);
  });

  it('signs the person in on a new session id and returns them where they were going', async () => {
    const { agent, logins, store } = createLoginApp();
    const before = (await agent.get('/visit')).body.sessionID;
    expect((await agent.get('/me')).body.sessionID).toBe(before);
    const callback = await logIn(agent, 'roald', '/search?term=orders');
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/search?term=orders');
    expect(callback.headers['cache-control']).toBe('no-store');
    const me = (await agent.get('/me')).body;
    expect(me.user).toBe('roald.amundsen@example.org');
    expect(me.sessionID).not.toBe(before);
    expect(await new Promise((resolve) => store.get(before, (_err, record) => resolve(record ?? null)))).toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    expect(logins).toEqual([{ user: 'roald.amundsen@example.org', refreshToken: expect.any(String) }]);
    expect((await tokens.read(me.sessionID))?.tokens.obtainedBy).toBe('login');
  });

  it('sends a signed-in person straight back to where they were going, never off the site', async () => {
    const { agent } = createLoginApp();
    await logIn(agent);
    for (const [returnTo, location] of [['/browse', '/browse'], ['https://evil.example', '/']]) {
      const response = await agent.get(`/login?returnTo=${encodeURIComponent(returnTo)}`);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(location);
    }
  });

  it('logs in when nothing is to be recorded after the login', async () => {
    const { agent } = createLoginApp({ onLogin: undefined });
    expect((await logIn(agent, 'liv')).status).toBe(303);
    expect((await agent.get('/me')).body.user).toBe('liv.arnesen@example.org');
  });

  it('keeps the login when recording the person afterwards fails, and logs it', async () => {
    const { agent, logger } = createLoginApp({
      onLogin: async () => {
        throw new Error('metadata down');
      },
    });
    await logIn(agent, 'liv');
    expect((await agent.get('/me')).body.user).toBe('liv.arnesen@example.org');
    await new Promise((resolve) => setImmediate(resolve));
    expect(logger.lines.join('\n')).toMatch(/warn recording liv\.arnesen@example\.org after login failed — Error: metadata down/);
  });

  it("starts the session with the profiled user, or the claims' user when profiling fails", async () => {
    const profiled = createLoginApp({ profileUser: async (user) => ({ ...user, team_name: 'Growth' }) });
    await logIn(profiled.agent, 'liv');
    expect((await profiled.agent.get('/me')).body).toMatchObject({ user: 'liv.arnesen@example.org', team: 'Growth' });
    const failing = createLoginApp({
      profileUser: async () => {
        throw new Error('metadata down');
      },
    });
    await logIn(failing.agent, 'liv');
    expect((await failing.agent.get('/me')).body).toMatchObject({ user: 'liv.arnesen@example.org', team: null });
    expect(failing.logger.lines.join('\n')).toMatch(/warn looking up liv\.arnesen@example\.org's profile after login failed; the session keeps the provider's claims only — Error: metadata down/);
  });

  it('asks to log in again, to someone not logged in, when its login is unknown, missing or already used, and logs the replay', async () => {
    const { agent, logger } = createLoginApp();
    const start = await agent.get('/login');
    const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
    await agent.get(`${callback.pathname}${callback.search}`);
    await agent.post('/logout');
    for (const query of [callback.search, '?code=x', '?code=x&state=unknown']) {
      const response = await agent.get(`${callback.pathname}${query}`);
      expect(response.status).toBe(400);
      expect(response.text).toContain('<h1>Please log in again</h1><p>The login took too long or was already used — log in again.</p>');
      expect(response.text).not.toContain('Start again and it will work');
      expect(response.text).toContain('<a class="button" href="/login">Log in again</a>');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    expect((await agent.get('/me')).body.user).toBeNull();
    const replays = logger.lines.filter((l) => l.includes('login callback failed'));
    expect(replays).toHaveLength(3);
    for (const line of replays) expect(line).toMatch(/ warn login callback failed reason=no_pending_login check="no login of this browser is pending under this state \(.*\); nothing was sent to the provider"$/);
    expect(logger.lines.join('\n')).not.toContain(callback.searchParams.get('code')!);
    expect(logger.lines.join('\n')).not.toContain(callback.searchParams.get('state')!);
  });

  it('says, in the log line of a login finished on an instance with other SESSION_SECRETS, that the login cookie was sealed with a secret it does not have', async () => {
    const started = createLoginApp();
    const other = createLoginApp({ pendingLogins: createPendingLoginCookie({ cipher: createTokenCipher(['o'.repeat(32)]), secure: false }) });
    const start = await started.agent.get('/login');
    const loginCookie = ([] as string[]).concat(start.headers['set-cookie'] ?? []).find((c) => c.startsWith('nansen.login='))!.split(';')[0]!;
    const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
    const response = await request(other.app).get(`${callback.pathname}${callback.search}`).set('Cookie', loginCookie);
    expect(response.status).toBe(400);
    const line = other.logger.lines.find((l) => l.includes('login callback failed'))!;
    expect(line).toMatch(/ warn login callback failed reason=no_pending_login check="the pending-login cookie was sealed with a secret this instance does not have \(or altered\): do all instances share SESSION_SECRETS\? nothing was sent to the provider"$/);
    expect(other.logger.lines.join('\n')).not.toContain(loginCookie.split('=')[1]!);
  });

  /** The token endpoint requests made while `action` runs (openid-client calls the global fetch). */
  async function tokenRequestsDuring(action: () => Promise<unknown>): Promise<number> {
    const tokenEndpoint = `${idp.issuer}/token`;
    const spy = vi.spyOn(globalThis, 'fetch');
    try {
      await action();
      return spy.mock.calls.filter(([input]) => String(input instanceof Request ? input.url : input) === tokenEndpoint).length;
    } finally {
      spy.mockRestore();
    }
  }

  describe('a callback link of a login already finished (the Back button after logging in, the link opened again)', () => {
    it('sends someone logged in on to the page the login was for, never sending its code to the provider', async () => {
      const { agent, logins } = createLoginApp();
      const start = await agent.get(`/login?returnTo=${encodeURIComponent('/search?term=orders')}`);
      const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
      // The check below counts the calls the login itself makes.
      expect(await tokenRequestsDuring(() => agent.get(`${callback.pathname}${callback.search}`))).toBe(1);
      const me = (await agent.get('/me')).body;
      const sessionTokens = (await tokens.read(me.sessionID))?.tokens;
      let again: request.Response | undefined;
      expect(await tokenRequestsDuring(async () => {
        again = await agent.get(`${callback.pathname}${callback.search}`);
      })).toBe(0);
      expect(again!.status).toBe(303);
      expect(again!.headers.location).toBe('/search?term=orders');
      expect(again!.headers['cache-control']).toBe('no-store');
      // The same session, the same tokens: nothing was started, nothing replaced.
      expect((await agent.get('/me')).body).toEqual(me);
      expect((await tokens.read(me.sessionID))?.tokens).toEqual(sessionTokens);
      await new Promise((resolve) => setImmediate(resolve));
      expect(logins).toHaveLength(1);
    });

    it('sends someone logged in home from a callback link of no login this browser knows, and on from an error answer of a finished one', async () => {
      const { agent } = createLoginApp();
      const start = await agent.get(`/login?returnTo=${encodeURIComponent('/browse')}`);
      const state = new URL(start.headers.location!).searchParams.get('state')!;
      const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
      await agent.get(`${callback.pathname}${callback.search}`);
      for (const [query, location] of [
        ['?code=x&state=unknown', '/'],
        ['?code=x', '/'],
        ['', '/'],
        [`?error=access_denied&error_description=${encodeURIComponent('Your account is locked, call 555')}&state=unknown`, '/'],
        [`?error=access_denied&state=${state}`, '/browse'],
      ] as const) {
        let response: request.Response | undefined;
        expect(await tokenRequestsDuring(async () => {
          response = await agent.get(`${callback.pathname}${query}`);
        }), query).toBe(0);
        expect(response!.status, query).toBe(303);
        expect(response!.headers.location, query).toBe(location);
      }
      expect((await agent.get('/me')).body.user).toBe('roald.amundsen@example.org');
    });

    it('still finishes, while logged in, a login of this browser that can be finished (another tab\'s, as someone else)', async () => {
      const { agent } = createLoginApp();
      const startA = await agent.get(`/login?returnTo=${encodeURIComponent('/search?term=orders')}`);
      const startB = await agent.get(`/login?returnTo=${encodeURIComponent('/browse')}`);
      const callbackA = new URL(await completeDevIdpLogin(startA.headers.location!, 'liv'));
      const callbackB = new URL(await completeDevIdpLogin(startB.headers.location!, 'roald'));
      await agent.get(`${callbackB.pathname}${callbackB.search}`);
      expect((await agent.get('/me')).body.user).toBe('roald.amundsen@example.org');
      let response: request.Response | undefined;
      expect(await tokenRequestsDuring(async () => {
        response = await agent.get(`${callbackA.pathname}${callbackA.search}`);
      })).toBe(1);
      expect(response!.headers.location).toBe('/search?term=orders');
      expect((await agent.get('/me')).body.user).toBe('liv.arnesen@example.org');
    });

    it('sends someone logged in on to the page of a login of this browser that expired meanwhile (another tab logged in)', async () => {
      const { agent } = createLoginApp();
      const startA = await agent.get(`/login?returnTo=${encodeURIComponent('/search?term=orders')}`);
      const startB = await agent.get(`/login?returnTo=${encodeURIComponent('/browse')}`);
      const callbackA = new URL(await completeDevIdpLogin(startA.headers.location!, 'roald'));
      const callbackB = new URL(await completeDevIdpLogin(startB.headers.location!, 'roald'));
      expect((await agent.get(`${callbackB.pathname}${callbackB.search}`)).headers.location).toBe('/browse');
      // Tab A's provider form is sent 11 minutes later: its login expired; this browser is logged in.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
      try {
        let response: request.Response | undefined;
        expect(await tokenRequestsDuring(async () => {
          response = await agent.get(`${callbackA.pathname}${callbackA.search}`);
        })).toBe(0);
        expect(response!.status).toBe(303);
        expect(response!.headers.location).toBe('/search?term=orders');
        expect((await agent.get('/me')).body.user).toBe('roald.amundsen@example.org');
      } finally {
        vi.useRealTimers();
      }
    });

    it('refuses a finished login replayed with the cookie from before it, without asking the provider (one-time on the server)', async () => {
      const { app, agent } = createLoginApp();
      const start = await agent.get(`/login?returnTo=${encodeURIComponent('/browse')}`);
      // What a script keeps: the pending-login cookie as it was before the login finished.
      const cookieBefore = setCookies(start).split(';')[0]!;
      const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
      await agent.get(`${callback.pathname}${callback.search}`);
      expect((await agent.get('/me')).body.user).toBe('roald.amundsen@example.org');
      let replay: request.Response | undefined;
      expect(await tokenRequestsDuring(async () => {
        replay = await request(app).get(`${callback.pathname}${callback.search}`).set('Cookie', cookieBefore);
      })).toBe(0);
      expect(replay!.status).toBe(400);
      expect(replay!.text).toContain('<h1>Please log in again</h1>');
      expect(setCookies(replay!)).not.toMatch(/nansen\.sid|connect\.sid/);
    });

    it('after logging out, asks to log in again and offers to log in again to the page the login was for', async () => {
      const { agent } = createLoginApp();
      const start = await agent.get(`/login?returnTo=${encodeURIComponent('/search?term=orders&page=2')}`);
      const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
      await agent.get(`${callback.pathname}${callback.search}`);
      await agent.post('/logout');
      let response: request.Response | undefined;
      expect(await tokenRequestsDuring(async () => {
        response = await agent.get(`${callback.pathname}${callback.search}`);
      })).toBe(0);
      expect(response!.status).toBe(400);
      expect(response!.text).toContain('The login took too long or was already used — log in again.');
      expect(response!.text).toContain(`<a class="button" href="/login?returnTo=${encodeURIComponent('/search?term=orders&page=2')}">Log in again</a>`);
      expect((await agent.get('/me')).body.user).toBeNull();
    });
  });

  it('offers to log in again to the page asked for when the login expired (the provider\'s form left open over 10 minutes)', async () => {
    const { agent } = createLoginApp();
    const start = await agent.get(`/login?returnTo=${encodeURIComponent('/search?term=orders&page=2')}`);
    const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60_000 });
    try {
      const expired = await agent.get(`${callback.pathname}${callback.search}`);
      expect(expired.status).toBe(400);
      expect(expired.text).toContain('<h1>Please log in again</h1>');
      expect(expired.text).toContain(`<a class="button" href="/login?returnTo=${encodeURIComponent('/search?term=orders&page=2')}">Log in again</a>`);
      // An error answer for it too, with words of our own (the login can no longer be finished).
      const cancelled = await agent.get(`${callback.pathname}?error=access_denied&state=${callback.searchParams.get('state')}`);
      expect(cancelled.text).toContain('does not match a login started in this browser');
      expect(cancelled.text).toContain(`<a class="button" href="/login?returnTo=${encodeURIComponent('/search?term=orders&page=2')}">Log in again</a>`);
      expect((await agent.get('/me')).body.user).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  /** Start a login at the provider and come back with `error` (and perhaps a description) instead of a code, as a provider does. */
  async function comeBackWithError(agent: ReturnType<typeof request.agent>, returnTo: string, error: string, description?: string) {
    const start = await agent.get(`/login?returnTo=${encodeURIComponent(returnTo)}`);
    const state = new URL(start.headers.location!).searchParams.get('state')!;
    const query = new URLSearchParams({ error, ...(description === undefined ? {} : { error_description: description }), state });
    return agent.get(`${CALLBACK.pathname}?${query}`);
  }

  it('starts a sentence with the generic provider name capitalised ("Your identity provider said: …")', async () => {
    const { agent } = createLoginApp({ providerName: 'your identity provider' });
    const refused = await comeBackWithError(agent, '/', 'invalid_scope', 'scope not allowed');
    expect(refused.text).toContain("<p>Your identity provider refused Nansen&#39;s login request (invalid_scope): a setup problem.");
    expect(refused.text).toContain('<p>Your identity provider said: scope not allowed</p>');
    expect(refused.text).not.toMatch(/<p>your identity provider/);
  });

  it('shows what the provider answered, in words, when a login of this browser was not completed, offering to log in again to the page asked for', async () => {
    const { agent } = createLoginApp();
    const described = await comeBackWithError(agent, '/search?term=orders&page=2', 'access_denied', 'The user said no');
    expect(described.status).toBe(400);
    expect(described.text).toContain('Login was not completed');
    expect(described.headers['cache-control']).toBe('no-store');
    expect(described.text).toContain(
      '<p>You cancelled the login, or Example SSO did not allow it.</p><p>Example SSO said: The user said no</p><p>You can try logging in again.</p>',
    );
    expect(described.text).toContain(`<a class="button" href="/login?returnTo=${encodeURIComponent('/search?term=orders&page=2')}">Log in again</a>`);
    // A bare code is said in words, not shown raw.
    const bare = await comeBackWithError(agent, '/browse', 'access_denied');
    expect(bare.text).toContain('<p>You cancelled the login, or Example SSO did not allow it.</p><p>You can try logging in again.</p>');
    expect(bare.text).not.toContain('answered');
    expect(bare.text).toContain('<a class="button" href="/login?returnTo=%2Fbrowse">Log in again</a>');
    // Home needs no returnTo.
    expect((await comeBackWithError(agent, '/', 'temporarily_unavailable')).text).toContain(
      '<p>Example SSO is busy or down for maintenance at the moment.</p><p>You can try logging in again.</p><p><a class="button" href="/login">Log in again</a></p>',
    );
    // What the provider says is shown as text, never as markup, and not at any length.
    const hostileWords = await comeBackWithError(agent, '/', 'x', '<script>alert(1)</script>');
    expect(hostileWords.text).toContain('<p>Example SSO did not complete the login (x).</p><p>Example SSO said: &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(hostileWords.text).not.toContain('<script>');
    const long = await comeBackWithError(agent, '/', 'server_error', 'y'.repeat(1000));
    expect(long.text).toContain(`<p>Example SSO ran into an error of its own.</p><p>Example SSO said: ${'y'.repeat(299)}…</p>`);
  });

  it('says each standard OAuth error code in words', async () => {
    const { agent } = createLoginApp();
    const words: Record<string, string> = {
      login_required: 'Example SSO needs you to log in, but could not show its login page.',
      consent_required: 'Example SSO needs your consent before Nansen may use your account.',
      interaction_required: 'Example SSO needs something from you first (for example a second factor or accepting its terms).',
      account_selection_required: 'Example SSO needs you to choose an account.',
      server_error: 'Example SSO ran into an error of its own.',
      invalid_scope: "Example SSO refused Nansen&#39;s login request (invalid_scope): a setup problem. Ask your administrator to check Nansen&#39;s client settings at the provider.",
      unauthorized_client: "Example SSO refused Nansen&#39;s login request (unauthorized_client): a setup problem. Ask your administrator to check Nansen&#39;s client settings at the provider.",
    };
    for (const [code, sentence] of Object.entries(words)) {
      expect((await comeBackWithError(agent, '/', code, code)).text).toContain(`<p>${sentence}</p><p>You can try logging in again.</p>`);
    }
  });

  it('shows none of the words of an error answer that is not for a login this browser started, whatever its state', async () => {
    const { agent } = createLoginApp();
    const started = await agent.get('/login?returnTo=/browse');
    const state = new URL(started.headers.location!).searchParams.get('state')!;
    const attack = encodeURIComponent('Your account is locked. Call +1 555 0100 to unlock it.');
    // Without a state, with a made-up one, from another browser (no pending-login cookie), and once more after the login was used.
    const other = request(createLoginApp().app);
    const answers = [
      await agent.get(`${CALLBACK.pathname}?error=access_denied&error_description=${attack}`),
      await agent.get(`${CALLBACK.pathname}?error=access_denied&error_description=${attack}&state=abc`),
      await other.get(`${CALLBACK.pathname}?error=access_denied&error_description=${attack}&state=${state}`),
    ];
    expect((await agent.get(`${CALLBACK.pathname}?error=access_denied&state=${state}`)).text).toContain('cancelled');
    answers.push(await agent.get(`${CALLBACK.pathname}?error=access_denied&error_description=${attack}&state=${state}`));
    for (const [i, answer] of answers.entries()) {
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('Login was not completed');
      expect(answer.text).toContain(
        '<p>The login was not completed, and it does not match a login started in this browser (it may have been started too long ago, or already used).</p><p>Start again and it will work.</p>',
      );
      // The used login of this browser still knows its page (only the page: its state checked, nothing of the query).
      expect(answer.text).toContain(`<a class="button" href="/login${i === 3 ? '?returnTo=%2Fbrowse' : ''}">Log in again</a>`);
      expect(answer.text).not.toMatch(/locked|555|access_denied|cancelled/);
    }
  });

  it('a code the provider refuses (invalid_grant): asks the person to log in again, and logs the provider\'s error, its words and the check, never the code or state', async () => {
    const { agent, logger } = createLoginApp();
    const start = await agent.get('/login?returnTo=/browse');
    const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
    const state = callback.searchParams.get('state')!;
    callback.searchParams.set('code', 'forged-code-value');
    const response = await agent.get(`${callback.pathname}${callback.search}`);
    expect(response.status).toBe(400);
    expect(response.text).toContain('<h1>Please log in again</h1><p>The login took too long or was already used — log in again.</p>');
    expect(response.text).not.toMatch(/invalid_grant|OAUTH_RESPONSE_BODY_ERROR/);
    expect(response.text).not.toMatch(/administrator|OIDC client settings/);
    expect(response.text).toContain('<a class="button" href="/login?returnTo=%2Fbrowse">Log in again</a>');
    expect((await agent.get('/me')).body.user).toBeNull();
    const line = logger.lines.find((l) => l.includes('login callback failed'))!;
    expect(line).toMatch(
      /warn login callback failed reason=code_rejected oauth_error=invalid_grant oauth_error_description="grant request is invalid" status=400 code=OAUTH_RESPONSE_BODY_ERROR check="the provider refused the authorization code \(expired, already used, or not issued for this login\)"$/,
    );
    expect(logger.lines.join('\n')).not.toContain('forged-code-value');
    expect(logger.lines.join('\n')).not.toContain(state);
    expect(line).not.toMatch(/\n|at .*\.ts:\d+/);
  });

  it('a provider gone before the callback: says it could not be reached, and logs why', async () => {
    const downIdp = await startTestDevIdp();
    const { agent, logger } = createLoginApp({ oidc: devOidc(downIdp.issuer) });
    const start = await agent.get('/login');
    const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'liv'));
    await downIdp.close();
    const response = await agent.get(`${callback.pathname}${callback.search}`);
    expect(response.status).toBe(502);
    expect(response.text).toContain('<p>Nansen could not reach Example SSO to finish your login.</p>');
    expect(response.text).toContain('<a class="button" href="/login">Try again</a>');
    expect(logger.lines.join('\n')).toMatch(/warn login callback failed reason=provider_unreachable code=TypeError check="connect ECONNREFUSED 127\.0\.0\.1:\d+"/);
  });

  it('says which claim is missing when the user id claim is not sent', async () => {
    const { agent, logger } = createLoginApp({ userIdClaim: 'employee_number' });
    const response = await logIn(agent);
    expect(response.status).toBe(400);
    expect(response.text).toContain('Your account could not be identified');
    expect(response.text).toContain('<p>Example SSO did not send the &quot;employee_number&quot; claim, which Nansen uses as your user id.</p>');
    expect(response.text).toContain(
      '<p>An administrator can fix this by releasing that claim to Nansen at the provider, or by setting OIDC_USER_ID_CLAIM to a claim the provider sends (for example sub).</p>',
    );
    expect(logger.lines.join('\n')).toMatch(/"employee_number"/);
  });

  it('logs in with the ID token\'s claims when UserInfo fails', async () => {
    const { agent, logger } = createLoginApp({ oidc: hostileOidc() });
    const start = await agent.get('/login');
    const answer = await fetch(start.headers.location!, { redirect: 'manual' });
    const callback = new URL(answer.headers.get('location')!);
    expect((await agent.get(`${callback.pathname}${callback.search}`)).status).toBe(303);
    expect((await agent.get('/me')).body.user).toBe('roald@example.org');
    expect(logger.lines.join('\n')).toMatch(/UserInfo request failed; using ID token claims only/);
  });

  it('asks UserInfo nothing when the ID token holds every claim needed', async () => {
    hostile.addLoginIdTokenClaims({ name: 'Roald Amundsen' });
    const { agent, logger } = createLoginApp({ oidc: hostileOidc() });
    const before = hostile.hits('/userinfo');
    expect((await logInAtHostile(agent)).status).toBe(303);
    expect((await agent.get('/me')).body.user).toBe('roald@example.org');
    expect(hostile.hits('/userinfo')).toBe(before);
    expect(logger.lines.join('\n')).not.toMatch(/UserInfo/);
  });

  describe('groups the provider sends', () => {
    const claims = { ...defaultClaimRules('email'), maxGroups: 2 };
    /** The warnings logged, without their time. */
    const warnings = (logger: { lines: string[] }) => logger.lines.map((line) => line.replace(/^\S+ /, '')).filter((line) => line.startsWith('warn '));

    it('keeps them quietly when they fit', async () => {
      hostile.addLoginIdTokenClaims({ name: 'Roald Amundsen', groups: ['analysts', 'stewards'] });
      const { agent, logger } = createLoginApp({ oidc: hostileOidc(), claims });
      expect((await logInAtHostile(agent)).status).toBe(303);
      expect(warnings(logger)).toEqual([]);
    });

    it('says how many were left out, and why, when there are more than OIDC_GROUPS_MAX', async () => {
      hostile.addLoginIdTokenClaims({ name: 'Roald Amundsen', groups: ['analysts', 'stewards', 'admins'] });
      const { agent, logger } = createLoginApp({ oidc: hostileOidc(), claims });
      expect((await logInAtHostile(agent)).status).toBe(303);
      expect(warnings(logger)).toEqual([
        'warn kept 2 groups of roald@example.org and left 1 out (OIDC_GROUPS_MAX is 2; names over 256 characters are dropped)',
      ]);
    });

    it('says what to do when the provider sends a groups overage instead of the groups', async () => {
      hostile.addLoginIdTokenClaims({ name: 'Roald Amundsen', _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://graph.example/groups' } } });
      const { agent, logger } = createLoginApp({ oidc: hostileOidc(), claims });
      expect((await logInAtHostile(agent)).status).toBe(303);
      expect(warnings(logger)).toEqual([
        'warn Example SSO sent a groups overage for roald@example.org instead of the groups (too many to fit a token); filter the groups it sends to Nansen',
      ]);
    });
  });

  it('says the login service cannot be reached, offering to try again where the person was going', async () => {
    const { agent } = createLoginApp({ oidc: devOidc(`http://127.0.0.1:${await getFreePort()}`) });
    const response = await agent.get('/login?returnTo=/search?term=a%26b');
    expect(response.status).toBe(502);
    expect(response.text).toContain('Cannot reach the login service');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).toContain(
      '<p>Nansen could not reach Example SSO to log you in.</p><p>Try again in a moment. If this keeps happening, ask your administrator to check the OIDC_ISSUER setting and that the identity provider is running.</p>',
    );
    expect(response.text).toContain(`<a class="button" href="/login?returnTo=${encodeURIComponent('/search?term=a&b').replaceAll('&', '&amp;')}">Try again</a>`);
  });

  describe('the log when a login cannot start (decision 031: an expected failure is one line)', () => {
    const notReached = (issuer: string, cause: string) =>
      `error cannot start a login — IdpUnavailableError: Cannot reach the identity provider at ${issuer} (${cause}). Check OIDC_ISSUER and that the provider is running.`;
    /** The lines logged, without their time stamp. */
    const logged = (logger: { lines: string[] }) => logger.lines.map((line) => line.replace(/^\S+ /, ''));

    it('names the issuer and the refused address on one line, without a stack, when the provider was never reached', async () => {
      const issuer = `http://127.0.0.1:${await getFreePort()}`;
      const { agent, logger } = createLoginApp({ oidc: devOidc(issuer) });
      expect((await agent.get('/login')).status).toBe(502);
      expect(logged(logger)).toEqual([notReached(issuer, `connect ECONNREFUSED ${new URL(issuer).host}`)]);
    });

    it('says so on one line, with none of the earlier login\'s state or cookie, when the provider went away after a login started', async () => {
      const downIdp = await startTestDevIdp();
      const { agent, logger } = createLoginApp({ oidc: devOidc(downIdp.issuer) });
      const first = await agent.get('/login');
      const state = new URL(first.headers.location!).searchParams.get('state')!;
      const cookie = /nansen\.login=([^;]+)/.exec(setCookies(first))![1]!;
      await downIdp.close();
      const response = await agent.get('/login?returnTo=/browse');
      expect(response.status).toBe(502);
      expect(response.text).toContain('Cannot reach the login service');
      expect(response.text).toContain(`<a class="button" href="/login?returnTo=${encodeURIComponent('/browse')}">Try again</a>`);
      expect(logged(logger)).toHaveLength(1);
      // Refused, or an idle kept-alive connection the closing server cut (the discovery test allows both).
      expect(logged(logger)[0]).toMatch(new RegExp(`^error cannot start a login — IdpUnavailableError: Cannot reach the identity provider at ${downIdp.issuer} \\((connect ECONNREFUSED \\S+|other side closed)\\)\\. Check OIDC_ISSUER and that the provider is running\\.$`));
      expect(logger.lines.join('\n')).not.toContain(state);
      expect(logger.lines.join('\n')).not.toContain(cookie.slice(0, 40));
    });

    it('names the HTTP status the provider answered, on one line', async () => {
      const { agent, logger } = createLoginApp({ oidc: hostileOidc() });
      hostile.answerDiscovery({ status: 503, body: 'down for maintenance' });
      try {
        expect((await agent.get('/login')).status).toBe(502);
      } finally {
        hostile.reset();
      }
      expect(logged(logger)).toEqual([notReached(hostile.issuer, 'HTTP 503')]);
    });

    it('keeps the stack of anything else: a bug of ours is not the provider being away', async () => {
      const bug = new TypeError("Cannot read properties of undefined (reading 'seal')");
      const { agent, logger } = createLoginApp({
        pendingLogins: { ...createPendingLoginCookie({ cipher: createTokenCipher(SECRETS), secure: false }), add: () => { throw bug; } },
      });
      expect((await agent.get('/login')).status).toBe(502);
      expect(logger.lines).toHaveLength(1);
      expect(logger.lines[0]).toMatch(/^\S+ error cannot start a login — TypeError: Cannot read properties of undefined \(reading 'seal'\)\n {4}at /);
    });
  });

  it('asks before logging out, with a form that posts', async () => {
    const { agent } = createLoginApp();
    const page = await agent.get('/logout');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('Log out of Nansen?');
    expect(page.text).toContain('<p>You will also be logged out of your identity provider session for Nansen.</p>');
    expect(page.text).toContain('<form method="post" action="/logout"><button type="submit">Log out</button></form>');
  });

  it('offers a way back from the log-out question: to the page of ours the person came from, else home', async () => {
    const { agent } = createLoginApp();
    await logIn(agent);
    const stay = (text: string) => /<a class="secondary" href="([^"]*)">Stay logged in<\/a>/.exec(text)?.[1];
    expect(stay((await agent.get('/logout').set('Referer', `${CALLBACK.origin}/table_detail/gold/hive/core/orders?tab=columns`)).text)).toBe(
      '/table_detail/gold/hive/core/orders?tab=columns',
    );
    for (const referrer of [undefined, 'https://evil.example/page', `${CALLBACK.origin}/logged-out`, `${CALLBACK.origin}//evil.example`, 'not a url']) {
      const page = referrer === undefined ? await agent.get('/logout') : await agent.get('/logout').set('Referer', referrer);
      expect(stay(page.text)).toBe('/');
      expect(page.text).toContain('<form method="post" action="/logout"><button type="submit">Log out</button></form>');
    }
  });

  it('logs out: the session ends, the refresh token is revoked, and the provider ends its session too', async () => {
    const { agent, logins, logger } = createLoginApp();
    await logIn(agent, 'fridtjof');
    const sessionID = (await agent.get('/me')).body.sessionID;
    const response = await agent.post('/logout');
    expect(response.status).toBe(303);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(setCookies(response)).toMatch(/nansen\.sid=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax/);
    expect(setCookies(response)).not.toMatch(/Secure/);
    const target = new URL(response.headers.location!);
    expect(target.origin).toBe(new URL(idp.issuer).origin);
    // Never the ID token in a URL (decision 049): the client id says whose post-logout redirect URI it is.
    expect(target.href).not.toMatch(/id_token|eyJ/);
    expect(target.searchParams.get('client_id')).toBe(TEST_CLIENT.clientId);
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(TEST_CLIENT.postLogoutRedirectUris[0]);
    expect((await agent.get('/me')).body.user).toBeNull();
    expect(await tokens.read(sessionID)).toBeUndefined();
    // The revoked refresh token no longer renews anything.
    const refreshed = await fetch(`${idp.issuer}/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${TEST_CLIENT.clientId}:${TEST_CLIENT.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: logins[0]!.refreshToken! }),
    });
    expect(refreshed.status).toBe(400);
    expect(logger.lines.join('\n')).not.toMatch(/did not revoke/);
  });

  it('hands a provider that needs the ID token a form the browser POSTs, never a URL with it, and submits it with a script of its own origin', async () => {
    const { agent, logger } = createLoginApp({ oidc: devOidc(idp.issuer, { idTokenHint: 'form_post', sidAsLogoutHint: false }) });
    await logIn(agent, 'liv');
    const sessionID = (await agent.get('/me')).body.sessionID;
    const idToken = (await tokens.read(sessionID))!.tokens.idToken!;
    const response = await agent.post('/logout');
    expect(response.status).toBe(200);
    expect(response.headers.location).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(setCookies(response)).toMatch(/nansen\.sid=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    expect(await tokens.read(sessionID)).toBeUndefined();
    expect(response.text).toContain(
      `<form method="post" action="${idp.issuer}/session/end" data-auto-submit><input type="hidden" name="id_token_hint" value="${idToken}">` +
        `<input type="hidden" name="post_logout_redirect_uri" value="${TEST_CLIENT.postLogoutRedirectUris[0]}"><button type="submit">Log out of Example SSO</button></form>`,
    );
    expect(response.text).toContain(`<script src="${AUTO_SUBMIT_SCRIPT_PATH}"></script>`);
    // The script is a file of Nansen's origin (the CSP allows no inline script), and it submits that form.
    const script = await agent.get(AUTO_SUBMIT_SCRIPT_PATH);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.text).toContain("document.querySelector('form[data-auto-submit]')?.submit()");
    expect(logger.lines.join('\n')).not.toContain(idToken);
  });

  it('clears the https session cookie (__Host-) as it was set, Secure, or the browser would keep it', async () => {
    const { agent } = createLoginApp({ sessionCookieName: '__Host-nansen.sid' });
    const response = await agent.post('/logout');
    expect(response.status).toBe(303);
    expect(setCookies(response)).toMatch(/__Host-nansen\.sid=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax/);
  });

  it('logs out of Nansen and says the provider session stays when the provider cannot end it', async () => {
    const { agent } = createLoginApp({ oidc: hostileOidc() });
    const response = await agent.post('/logout');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/logged-out?provider=kept');
  });

  it('logs out of Nansen even when the provider cannot be reached, and says so', async () => {
    const downIdp = await startTestDevIdp();
    const { agent, logger } = createLoginApp({ oidc: devOidc(downIdp.issuer) });
    const start = await agent.get('/login');
    const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'liv'));
    await agent.get(`${callback.pathname}${callback.search}`);
    await downIdp.close();
    // The provider's address is known from the login: it is sent there, though it could not revoke.
    const afterLogin = await agent.post('/logout');
    expect(afterLogin.status).toBe(303);
    expect(afterLogin.headers.location).toMatch(new RegExp(`^${downIdp.issuer}/`));
    expect((await agent.get('/me')).body.user).toBeNull();
    expect(logger.lines.join('\n')).toMatch(/the provider did not revoke the refresh token at logout/);
    // Never reached since start-up: Nansen's logout page says the provider may still have a session.
    const never = createLoginApp({ oidc: devOidc(`http://127.0.0.1:${await getFreePort()}`) });
    const response = await never.agent.post('/logout');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/logged-out?provider=unreachable');
    expect(never.logger.lines.join('\n')).toMatch(/cannot build the provider logout request; signing out of Nansen only/);
  });

  it('says the person is logged out, and what became of the provider\'s session', async () => {
    const { agent } = createLoginApp();
    const plain = await agent.get('/logged-out');
    expect(plain.status).toBe(200);
    expect(plain.text).toContain('You are logged out');
    expect(plain.text).toContain('<p>Your Nansen session has ended.</p><p><a class="button" href="/login">Log in again</a></p>');
    expect((await agent.get('/logged-out?provider=unreachable')).text).toContain(
      '<p>Your Nansen session has ended.</p><p>Example SSO could not be reached, so you may still be logged in there; log out there too on a shared computer.</p>',
    );
    expect((await agent.get('/logged-out?provider=kept')).text).toContain(
      '<p>Your Nansen session has ended.</p><p>You are still signed in to Example SSO, which does not let applications end its session; sign out there too on a shared computer.</p>',
    );
  });

  it('says the person is still logged in when they reach the logged-out page with a session, offering the way back or to log out', async () => {
    const { agent } = createLoginApp();
    await logIn(agent, 'roald');
    for (const path of ['/logged-out', '/logged-out?provider=kept']) {
      const page = await agent.get(path);
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('<h1>You are still logged in</h1><p>You are logged in to Nansen as Roald Amundsen.</p>');
      expect(page.text).toContain(
        '<div class="actions"><p><a class="button" href="/">Back to Nansen</a></p><form method="post" action="/logout"><button type="submit" class="secondary">Log out</button></form></div>',
      );
      expect(page.text).not.toContain('session has ended');
    }
    expect((await agent.get('/me')).body.user).toBe('roald.amundsen@example.org');
  });

  describe('back-channel logout', () => {
    /** A logout token as the hostile provider would sign it for Nansen. */
    async function logoutToken(claims: Record<string, unknown>) {
      const key = hostile.currentKey();
      return new SignJWT({ iss: hostile.issuer, aud: HOSTILE_CLIENT.clientId, iat: Math.floor(Date.now() / 1000), jti: `jti-${Math.random()}`, events: { 'http://schemas.openid.net/event/backchannel-logout': {} }, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'logout+jwt' })
        .sign(key.privateKey);
    }
    const post = (app: express.Express, token?: string) =>
      request(app).post(BACKCHANNEL_LOGOUT_PATH).type('form').send(token === undefined ? {} : { logout_token: token });

    it('ends the sessions of the person the provider logged out, once per token', async () => {
      const { app, agent, logger } = createLoginApp({ oidc: hostileOidc() });
      const start = await agent.get('/login');
      const callback = new URL((await fetch(start.headers.location!, { redirect: 'manual' })).headers.get('location')!);
      await agent.get(`${callback.pathname}${callback.search}`);
      expect((await agent.get('/me')).body.user).toBe('roald@example.org');
      const token = await logoutToken({ sub: 'roald' });
      const response = await post(app, token);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect((await agent.get('/me')).body.user).toBeNull();
      // Every session of the subject ends: earlier tests' sessions of the same person included.
      expect(logger.lines.join('\n')).toMatch(/back-channel logout: ended [1-9]\d* session\(s\)/);
      const replay = await post(app, token);
      expect(replay.status).toBe(400);
      expect(replay.body).toEqual({ error: 'invalid_request', error_description: 'the logout token was already used' });
      expect(logger.lines.join('\n')).toMatch(/back-channel logout refused: the logout token was already used/);
    });

    it('refuses a request without a logout token, or with one that is not valid', async () => {
      const { app, logger } = createLoginApp({ oidc: hostileOidc() });
      const missing = await post(app);
      expect(missing.status).toBe(400);
      expect(missing.headers['cache-control']).toBe('no-store');
      expect(missing.body).toEqual({ error: 'invalid_request', error_description: 'logout_token is missing' });
      const invalid = await post(app, await logoutToken({ sub: 'roald', nonce: 'n' }));
      expect(invalid.status).toBe(400);
      expect(invalid.body).toEqual({ error: 'invalid_request', error_description: 'the logout token is not valid' });
      expect(logger.lines.join('\n')).toMatch(/back-channel logout refused: a logout token must not contain a nonce/);
    });

    it('answers at the address administrators register, also a request that has no body at all', async () => {
      const { app } = createLoginApp({ oidc: hostileOidc() });
      const bare = await request(app).post('/auth/backchannel-logout');
      expect(bare.status).toBe(400);
      expect(bare.body).toEqual({ error: 'invalid_request', error_description: 'logout_token is missing' });
    });

    it('refuses a body over 16 kB before reading a token from it', async () => {
      const { app } = createLoginApp({ oidc: hostileOidc() });
      expect((await post(app, 'x'.repeat(17 * 1024))).status).toBe(413);
      expect((await post(app, 'x'.repeat(15 * 1024))).status).toBe(400);
    });

    it('takes each logout token once: different tokens, one after the other', async () => {
      const { app } = createLoginApp({ oidc: hostileOidc() });
      expect((await post(app, await logoutToken({ sub: 'someone' }))).status).toBe(200);
      expect((await post(app, await logoutToken({ sub: 'someone' }))).status).toBe(200);
      expect((await post(app, await logoutToken({ sub: 'someone-else' }))).status).toBe(200);
    });

    it('refuses a replayed token for as long as it is valid, then forgets it', async () => {
      const { app } = createLoginApp({ oidc: hostileOidc() });
      const issuedAt = Date.now();
      const token = await logoutToken({ sub: 'replayed', iat: Math.floor(issuedAt / 1000) });
      expect((await post(app, token)).status).toBe(200);
      vi.useFakeTimers({ toFake: ['Date'], now: issuedAt });
      try {
        // Valid for 5 minutes from its iat: 2 minutes on, a replay is still refused.
        vi.setSystemTime(issuedAt + 2 * 60_000);
        const replay = await post(app, token);
        expect(replay.status).toBe(400);
        expect(replay.body.error_description).toBe('the logout token was already used');
        // Once it has expired nothing needs it remembered: the store lets it go.
        vi.setSystemTime(issuedAt + 5 * 60_000 + 2_000);
        expect((await post(app, token)).body.error_description).toBe('the logout token is not valid');
        tokens.sweep();
        const db = new Database(path.join(dir, 'sessions.sqlite'), { readonly: true });
        try {
          // (Other tests' finished logins are remembered in the same table, for 10 minutes.)
          expect(db.prepare("SELECT count(*) AS n FROM seen_once WHERE key LIKE 'logout-jti:%'").get()).toEqual({ n: 0 });
        } finally {
          db.close();
        }
      } finally {
        vi.useRealTimers();
      }
    });
  });
});
