// The session accessor against the real development IdP and a real token store: refresh near expiry
// (once, also across two "instances"), a refused service token renewed once, what ends a session and
// what keeps it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Request } from 'express';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevIdp } from '../dev-idp/start-dev-idp';
import { NotAuthenticatedError, UpstreamTokenRejectedError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import { startTestDevIdp } from '../testing/dev-idp-fixture';
import { completeDevIdpLogin } from '../testing/dev-idp-login';
import { devIdpOidcClient, signedInRequest } from '../testing/signed-in-request';
import type { OidcClient } from './oidc-client';
import type { SessionTokens } from './session-data';
import { createSessionAuth, notLoggedIn, type SessionAuth } from './session-auth';
import { SqliteTokenStore } from './sqlite-token-store';
import { createTokenCipher } from './token-cipher';
import type { TokenStore } from './token-store';
import { buildUserFromClaims } from './user-from-claims';

const oidcFor = (idp: DevIdp) => devIdpOidcClient(idp);

describe('session auth', () => {
  let idp: DevIdp;
  let oidc: OidcClient;
  let dir: string;
  let store: TokenStore;
  const logger = createMemoryLogger();
  const ended: string[] = [];

  // The provider once; the client and the store in each test, so the code that builds them is covered by
  // the tests that use it.
  beforeAll(async () => {
    idp = await startTestDevIdp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-auth-'));
  });
  beforeEach(() => {
    oidc = oidcFor(idp);
    store = new SqliteTokenStore(path.join(dir, 'sessions.sqlite'), createTokenCipher(['k'.repeat(32)]));
  });
  afterEach(async () => {
    await store.close();
  });
  afterAll(async () => {
    await idp.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const authWith = (client: OidcClient = oidc, tokens: TokenStore = store): SessionAuth =>
    createSessionAuth({ oidc: client, tokens, logger, absoluteTimeoutMs: 3_600_000, destroySessionRecord: async (id) => void ended.push(id) });

  /** A request as the session middleware leaves it, after a login stored its tokens. */
  const signedIn = (login: string, adjust: (t: SessionTokens) => SessionTokens = (t) => t) => signedInRequest(oidc, store, login, { adjust });

  const expiringSoon = (t: SessionTokens): SessionTokens => ({ ...t, expiresAt: Date.now() + 1000 });
  const oldLogin = (t: SessionTokens): SessionTokens => ({ ...t, obtainedAt: Date.now() - 10 * 60_000 });

  it('calls with the current access token while it is fresh', async () => {
    const { req, tokens } = await signedIn('liv');
    const auth = authWith();
    expect(auth.requireUser(req).user_id).toBe('liv.arnesen@example.org');
    expect(await auth.withAccessToken(req, async (t) => t)).toBe(tokens.accessToken);
  });

  it('refreshes a token close to expiry once, for concurrent requests and for two instances sharing the store', async () => {
    const { req, tokens } = await signedIn('roald', expiringSoon);
    const [a, b] = await Promise.all([authWith().withAccessToken(req, async (t) => t), authWith().withAccessToken(req, async (t) => t)]);
    expect(a).not.toBe(tokens.accessToken);
    expect(b).toBe(a);
    const stored = (await store.read(req.sessionID))!;
    expect(stored.tokens.accessToken).toBe(a);
    expect(stored.tokens.obtainedBy).toBe('refresh');
    expect(stored.tokens.expiresAt).toBeGreaterThan(Date.now() + 60_000);
    expect(stored.tokens.idToken).toBeTruthy();
  });

  it('renews a refused token once and calls again', async () => {
    const { req, tokens } = await signedIn('fridtjof', oldLogin);
    const seen: string[] = [];
    const result = await authWith().withAccessToken(req, async (t) => {
      seen.push(t);
      if (t === tokens.accessToken) throw new UpstreamTokenRejectedError('metadata service');
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(seen).toHaveLength(2);
    expect(seen[1]).not.toBe(tokens.accessToken);
  });

  it('ends the session when the renewed token is refused too', async () => {
    const { req } = await signedIn('borge', oldLogin);
    const auth = authWith();
    await expect(auth.withAccessToken(req, async () => Promise.reject(new UpstreamTokenRejectedError('metadata service')))).rejects.toMatchObject({
      code: 'session_expired',
    });
    expect(() => auth.requireUser(req)).toThrow(NotAuthenticatedError);
    expect(await store.read(req.sessionID)).toBeUndefined();
  });

  it('shows the configuration hint, and keeps the session, when a token fresh from a login is refused', async () => {
    const { req } = await signedIn('liv');
    const auth = authWith();
    let calls = 0;
    const error = await auth
      .withAccessToken(req, async () => {
        calls += 1;
        throw new UpstreamTokenRejectedError('metadata service');
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamTokenRejectedError);
    expect((error as Error).message).toMatch(/CATALOG_TOKEN_AUDIENCE/);
    expect(calls).toBe(1);
    expect(auth.requireUser(req).user_id).toBe('liv.arnesen@example.org');
  });

  it('ends the session when the provider refuses the refresh token (invalid_grant), without logging the token', async () => {
    const { req } = await signedIn('borge', (t) => expiringSoon({ ...t, refreshToken: 'not-a-real-refresh-token' }));
    const auth = authWith();
    await expect(auth.withAccessToken(req, async (t) => t)).rejects.toMatchObject({ code: 'session_expired' });
    expect(() => auth.requireUser(req)).toThrow(NotAuthenticatedError);
    expect(logger.lines.join('\n')).toContain('invalid_grant');
    expect(logger.lines.join('\n')).not.toContain('not-a-real-refresh-token');
  });

  it('ends the session when the token expired and there is no refresh token', async () => {
    const { req } = await signedIn('fridtjof', (t) => ({ ...t, refreshToken: undefined, expiresAt: Date.now() - 1 }));
    await expect(authWith().withAccessToken(req, async (t) => t)).rejects.toMatchObject({ code: 'session_expired' });
  });

  it('answers 503 and keeps the session when the provider cannot be reached to refresh', async () => {
    const downIdp = await startTestDevIdp();
    const downOidc = oidcFor(downIdp);
    const start = await downOidc.startLogin('/');
    const login = await downOidc.finishLogin(new URL(await completeDevIdpLogin(start.url, 'liv')), start.pending, start.state);
    const sessionID = `sid-down-${Math.random()}`;
    const session = { user: buildUserFromClaims(login.claims, 'email'), createdAt: Date.now(), regenerate: (cb: () => void) => cb(), save: (cb: () => void) => cb() };
    await store.write(sessionID, expiringSoon(login.tokens), { ttlMs: 3_600_000 });
    await downIdp.close();
    const req = { session, sessionID } as unknown as Request;
    const auth = authWith(downOidc);
    await expect(auth.withAccessToken(req, async (t) => t)).rejects.toMatchObject({ status: 503, code: 'idp_unavailable' });
    expect(auth.requireUser(req).user_id).toBe('liv.arnesen@example.org');
    expect((await store.read(sessionID))?.tokens.refreshToken).toBe(login.tokens.refreshToken);
    expect(logger.lines.join('\n')).toContain('token refresh failed; keeping the session for the next try');
  });

  it('ends sessions by id from outside a request (back-channel logout)', async () => {
    const { req } = await signedIn('roald');
    await authWith().endSessionsById([req.sessionID]);
    expect(await store.read(req.sessionID)).toBeUndefined();
    expect(ended).toContain(req.sessionID);
  });
});

describe('the 401 for a request without a signed-in user', () => {
  const requestWith = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as Request;

  it('says "not logged in" without a session cookie, and "session has ended" with one, on http or https', () => {
    for (const req of [requestWith(), requestWith('nansen.login=x; other=y'), requestWith('xnansen.sid=s%3Aa.b')]) {
      expect(notLoggedIn(req)).toMatchObject({ status: 401, code: 'not_authenticated', message: 'You are not logged in; log in to use Nansen.' });
    }
    for (const req of [requestWith('nansen.sid=s%3Aa.b'), requestWith('a=1; __Host-nansen.sid=s%3Aa.b')]) {
      expect(notLoggedIn(req)).toMatchObject({ status: 401, code: 'not_authenticated', message: 'Your session has ended; log in again.' });
    }
    expect(notLoggedIn(requestWith())).toBeInstanceOf(NotAuthenticatedError);
  });
});
