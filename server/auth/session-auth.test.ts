// Token refresh through the session accessor, against the real development IdP.
import type { Request } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevIdp } from '../dev-idp/start-dev-idp';
import { NotAuthenticatedError } from '../http/errors';
import { createMemoryLogger } from '../http/logger';
import { startTestDevIdp, TEST_CLIENT } from '../testing/dev-idp-fixture';
import { completeDevIdpLogin } from '../testing/dev-idp-login';
import { createOidcClient, type OidcClient } from './oidc-client';
import type { SessionTokens } from './session-data';
import { createSessionAuth } from './session-auth';
import { buildUserFromClaims } from './user-from-claims';

describe('session auth', () => {
  let idp: DevIdp;
  let oidc: OidcClient;
  const logger = createMemoryLogger();

  beforeAll(async () => {
    idp = await startTestDevIdp();
    oidc = createOidcClient({
      issuer: idp.issuer,
      clientId: TEST_CLIENT.clientId,
      clientSecret: TEST_CLIENT.clientSecret,
      redirectUri: TEST_CLIENT.redirectUris[0]!,
      postLogoutRedirectUri: TEST_CLIENT.postLogoutRedirectUris[0]!,
      scopes: 'openid email profile',
      idTokenSigningAlg: 'RS256',
    });
  });
  afterAll(() => idp.close());

  async function logIn(login: string) {
    const start = await oidc.startLogin('/');
    const callback = await completeDevIdpLogin(start.url, login);
    return oidc.finishLogin(new URL(callback), start.pending, start.state);
  }

  function fakeRequest(tokens: SessionTokens, claims: Record<string, unknown>) {
    const session = { user: buildUserFromClaims(claims, 'email'), tokens };
    return { session, sessionID: `sid-${Math.random()}` } as unknown as Request;
  }

  it('returns the current access token while it is fresh', async () => {
    const { tokens, claims } = await logIn('liv');
    const auth = createSessionAuth(oidc, logger);
    const req = fakeRequest(tokens, claims);
    expect(auth.requireUser(req).user_id).toBe('liv.arnesen@example.org');
    expect(await auth.getAccessToken(req)).toBe(tokens.accessToken);
  });

  it('refreshes an access token close to expiry once, even for concurrent requests', async () => {
    const { tokens, claims } = await logIn('roald');
    const auth = createSessionAuth(oidc, logger);
    const req = fakeRequest({ ...tokens, expiresAt: Date.now() + 1000 }, claims);
    const [a, b] = await Promise.all([auth.getAccessToken(req), auth.getAccessToken(req)]);
    expect(a).not.toBe(tokens.accessToken);
    expect(b).toBe(a);
    expect(req.session.tokens!.accessToken).toBe(a);
    expect(req.session.tokens!.expiresAt).toBeGreaterThan(Date.now() + 60_000);
    expect(req.session.tokens!.idToken).toBeTruthy();
  });

  it('ends the session when the refresh token is refused', async () => {
    const { tokens, claims } = await logIn('borge');
    const auth = createSessionAuth(oidc, logger);
    const req = fakeRequest({ ...tokens, refreshToken: 'not-a-real-refresh-token', expiresAt: Date.now() - 1 }, claims);
    await expect(auth.getAccessToken(req)).rejects.toBeInstanceOf(NotAuthenticatedError);
    expect(req.session.user).toBeUndefined();
    expect(() => auth.requireUser(req)).toThrow(NotAuthenticatedError);
    expect(logger.lines.join('\n')).not.toContain('not-a-real-refresh-token');
  });

  it('ends the session when the token expired and there is no refresh token', async () => {
    const { tokens, claims } = await logIn('fridtjof');
    const req = fakeRequest({ ...tokens, refreshToken: undefined, expiresAt: Date.now() - 1 }, claims);
    await expect(createSessionAuth(oidc, logger).getAccessToken(req)).rejects.toMatchObject({ code: 'session_expired' });
  });
});
