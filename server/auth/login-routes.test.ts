// The login routes on their own: session middleware, the pending-login cookie, the session accessor and
// the OIDC client, real, against the development provider (and a hostile one we sign logout tokens
// for), with the app built inside each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import session from 'express-session';
import { SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevIdp } from '../dev-idp/start-dev-idp';
import { createMemoryLogger } from '../http/logger';
import { startTestDevIdp, TEST_CLIENT } from '../testing/dev-idp-fixture';
import { completeDevIdpLogin } from '../testing/dev-idp-login';
import { getFreePort } from '../testing/free-port';
import { HOSTILE_CLIENT, type HostileIdp, startHostileIdp } from '../testing/start-hostile-idp';
import { BACKCHANNEL_LOGOUT_PATH, createBackchannelLogoutRoute, createLoginRoutes, type LoginRoutesOptions } from './login-routes';
import { createOidcClient, type OidcClient } from './oidc-client';
import { createPendingLoginCookie } from './pending-login-cookie';
import { createSessionAuth } from './session-auth';
import { createSessionMiddleware, getSessionCookieName } from './session-middleware';
import { SqliteTokenStore } from './sqlite-token-store';
import { createTokenCipher } from './token-cipher';

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
  });
  afterAll(async () => {
    await Promise.all([idp.close(), hostile.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const devOidc = (issuer = idp.issuer) =>
    createOidcClient({
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
    app.get('/me', (req, res) => res.json({ user: req.session.user?.user_id ?? null, sessionID: req.sessionID }));
    return { app, logger, logins, agent: request.agent(app) };
  }

    /** Every Set-Cookie of a response, as one string. */
  const setCookies = (response: request.Response) => ([] as string[]).concat(response.headers['set-cookie'] ?? []).join(';');

  /** Log in through the provider's real login form; returns the callback response. */
  async function logIn(agent: ReturnType<typeof request.agent>, login = 'roald', returnTo = '/search?term=orders') {
    const start = await agent.get(`/login?returnTo=${encodeURIComponent(returnTo)}`);
    const callback = new URL(await completeDevIdpLogin(start.headers.location!, login));
    return agent.get(`${callback.pathname}${callback.search}`);
  }

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
    const { agent, logins } = createLoginApp();
    const before = (await agent.get('/me')).body.sessionID;
    const callback = await logIn(agent, 'roald', '/search?term=orders');
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/search?term=orders');
    expect(callback.headers['cache-control']).toBe('no-store');
    const me = (await agent.get('/me')).body;
    expect(me.user).toBe('roald.amundsen@example.org');
    expect(me.sessionID).not.toBe(before);
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

  it('says a login link has expired when its login is unknown, missing or already used', async () => {
    const { agent } = createLoginApp();
    const start = await agent.get('/login');
    const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
    await agent.get(`${callback.pathname}${callback.search}`);
    for (const query of [callback.search, '?code=x', '?code=x&state=unknown']) {
      const response = await agent.get(`${callback.pathname}${query}`);
      expect(response.status).toBe(400);
      expect(response.text).toContain('This login link has expired');
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('shows what the provider answered when the login was not completed', async () => {
    const { agent } = createLoginApp();
    const described = await agent.get(`${CALLBACK.pathname}?error=access_denied&error_description=${encodeURIComponent('The user said no')}`);
    expect(described.status).toBe(400);
    expect(described.text).toContain('Login was not completed');
    expect(described.text).toContain('Example SSO answered: The user said no');
    expect((await agent.get(`${CALLBACK.pathname}?error=access_denied`)).text).toContain('Example SSO answered: access_denied');
  });

  it('fails the login, naming the reason, when the provider\'s answer cannot be used', async () => {
    const { agent, logger } = createLoginApp();
    const start = await agent.get('/login');
    const callback = new URL(await completeDevIdpLogin(start.headers.location!, 'roald'));
    callback.searchParams.set('code', 'forged-code');
    const response = await agent.get(`${callback.pathname}${callback.search}`);
    expect(response.status).toBe(400);
    expect(response.text).toContain('Login failed');
    expect(response.text).toMatch(/could not be verified, so you were not logged in \(\w+\)/);
    expect((await agent.get('/me')).body.user).toBeNull();
    expect(logger.lines.join('\n')).toMatch(/warn login callback failed \(\w+\)/);
  });

  it('says which claim is missing when the user id claim is not sent', async () => {
    const { agent, logger } = createLoginApp({ userIdClaim: 'employee_number' });
    const response = await logIn(agent);
    expect(response.status).toBe(400);
    expect(response.text).toContain('Your account could not be identified');
    expect(response.text).toContain('did not send the &quot;employee_number&quot; claim');
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

  it('says the login service cannot be reached, offering to try again where the person was going', async () => {
    const { agent, logger } = createLoginApp({ oidc: devOidc(`http://127.0.0.1:${await getFreePort()}`) });
    const response = await agent.get('/login?returnTo=/search?term=a%26b');
    expect(response.status).toBe(502);
    expect(response.text).toContain('Cannot reach the login service');
    expect(response.text).toContain('Nansen could not reach Example SSO to log you in.');
    expect(response.text).toContain(`href="/login?returnTo=${encodeURIComponent('/search?term=a&b').replaceAll('&', '&amp;')}"`);
    expect(logger.lines.join('\n')).toMatch(/error cannot start a login/);
  });

  it('asks before logging out, with a form that posts', async () => {
    const { agent } = createLoginApp();
    const page = await agent.get('/logout');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('Log out of Nansen?');
    expect(page.text).toContain('<form method="post" action="/logout">');
  });

  it('logs out: the session ends, the refresh token is revoked, and the provider ends its session too', async () => {
    const { agent, logins } = createLoginApp();
    await logIn(agent, 'fridtjof');
    const sessionID = (await agent.get('/me')).body.sessionID;
    const response = await agent.post('/logout');
    expect(response.status).toBe(303);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(setCookies(response)).toMatch(/nansen\.sid=; Path=\/; Expires=Thu, 01 Jan 1970/);
    const target = new URL(response.headers.location!);
    expect(target.origin).toBe(new URL(idp.issuer).origin);
    expect(target.searchParams.get('id_token_hint')).toBeTruthy();
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
    expect(never.logger.lines.join('\n')).toMatch(/cannot build the provider logout URL; signing out of Nansen only/);
  });

  it('says the person is logged out, and what became of the provider\'s session', async () => {
    const { agent } = createLoginApp();
    const plain = await agent.get('/logged-out');
    expect(plain.status).toBe(200);
    expect(plain.text).toContain('You are logged out');
    expect(plain.text).toContain('<p>Your Nansen session has ended.</p><p><a class="button" href="/login">Log in again</a></p>');
    expect((await agent.get('/logged-out?provider=unreachable')).text).toContain('Example SSO could not be reached, so you may still be logged in there');
    expect((await agent.get('/logged-out?provider=kept')).text).toContain('You are still signed in to Example SSO, which does not let applications end its session');
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
  });
});
