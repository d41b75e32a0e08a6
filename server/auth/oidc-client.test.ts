// The OIDC client against the development provider and a hostile one we control: what a login start
// carries, the tokens a login and a refresh yield, how a failed refresh is sorted (ends the session or
// not), revocation, the logout URL and logout tokens.
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DevIdp } from '../dev-idp/start-dev-idp';
import { startTestDevIdp, TEST_CLIENT } from '../testing/dev-idp-fixture';
import { completeDevIdpLogin } from '../testing/dev-idp-login';
import { getFreePort } from '../testing/free-port';
import { HOSTILE_CLIENT, type HostileIdp, startHostileIdp } from '../testing/start-hostile-idp';
import { hostileLogin, hostileOidcClient } from '../testing/hostile-oidc-client';
import { devIdpOidcClient } from '../testing/signed-in-request';
import { IdpUnavailableError, type OidcClient, type OidcSettings, RefreshRefusedError } from './oidc-client';
import type { SessionTokens } from './session-data';

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('the OIDC client', () => {
  let idp: DevIdp;
  let hostile: HostileIdp;
  beforeAll(async () => {
    [idp, hostile] = await Promise.all([startTestDevIdp(), startHostileIdp()]);
  });
  afterAll(async () => {
    await Promise.all([idp.close(), hostile.close()]);
  });
  afterEach(() => {
    hostile.forgeIdTokens('valid');
    hostile.overrideRefreshIdTokenClaims({});
  });

  const devClient = (overrides: Partial<OidcSettings> = {}) => devIdpOidcClient(idp, overrides);

  const hostileClient = (overrides: Partial<OidcSettings> = {}) => hostileOidcClient(hostile, overrides);

  async function devLogin(client: OidcClient, login = 'roald') {
    const start = await client.startLogin('/');
    return client.finishLogin(new URL(await completeDevIdpLogin(start.url, login)), start.pending, start.state);
  }

  it('starts a login with PKCE, state, nonce and the extra parameters of the setup', async () => {
    const before = Date.now();
    const start = await devClient({ authorizationParams: { audience: 'urn:nansen:catalog', access_type: 'offline' } }).startLogin('/search');
    const url = new URL(start.url);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: TEST_CLIENT.clientId,
      redirect_uri: TEST_CLIENT.redirectUris[0],
      scope: 'openid email profile',
      code_challenge_method: 'S256',
      state: start.state,
      nonce: start.pending.nonce,
      audience: 'urn:nansen:catalog',
      access_type: 'offline',
      response_type: 'code',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(start.pending).toEqual({ codeVerifier: expect.stringMatching(/^[\w-]{43,}$/), nonce: expect.any(String), returnTo: '/search', createdAt: expect.any(Number) });
    expect(start.pending.createdAt).toBeGreaterThanOrEqual(before);
  });

  it('finishes a login with the tokens, who they name, and the provider session', async () => {
    const before = Date.now();
    const { tokens, claims } = await devLogin(devClient(), 'liv');
    expect(tokens).toMatchObject({ obtainedBy: 'login', subject: 'liv', issuer: idp.issuer, accessToken: expect.any(String), refreshToken: expect.any(String), idToken: expect.any(String) });
    expect(tokens.obtainedAt).toBeGreaterThanOrEqual(before);
    expect(tokens.expiresAt).toBeGreaterThan(tokens.obtainedAt + 60_000);
    expect(claims).toMatchObject({ sub: 'liv', iss: idp.issuer });
  });

  it('counts a token\'s lifetime from the expires_in the provider sends', async () => {
    const before = Date.now();
    const { tokens } = await hostileLogin(hostileClient());
    // openid-client counts expires_in down in whole seconds from when the answer arrived: a busy machine
    // may cross a second boundary before Nansen reads it.
    expect(tokens.expiresAt - tokens.obtainedAt).toBeGreaterThanOrEqual(599_000);
    expect(tokens.expiresAt - tokens.obtainedAt).toBeLessThanOrEqual(600_000);
    expect(tokens.obtainedAt).toBeGreaterThanOrEqual(before);
    expect(tokens).not.toHaveProperty('providerSessionId');
  });

  it('refreshes, keeping who the tokens name', async () => {
    const client = devClient();
    const { tokens } = await devLogin(client, 'fridtjof');
    const fresh = await client.refresh(tokens);
    expect(fresh).toMatchObject({ obtainedBy: 'refresh', subject: 'fridtjof', issuer: idp.issuer });
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
  });

  it('ends the session when a refresh is impossible or its answer cannot be trusted', async () => {
    const client = hostileClient();
    const { tokens } = await hostileLogin(client);
    const refusal = async (t: SessionTokens) => {
      const error = await failureOf(client.refresh(t));
      expect(error).toBeInstanceOf(RefreshRefusedError);
      return error as RefreshRefusedError;
    };
    expect(await refusal({ ...tokens, refreshToken: undefined })).toMatchObject({ code: 'no_refresh_token', message: 'The session has no refresh token.' });
    expect(await refusal({ ...tokens, subject: undefined })).toMatchObject({ code: 'no_subject', message: 'The session does not record whom it was issued to.' });
    expect(await refusal({ ...tokens, issuer: undefined })).toMatchObject({ code: 'no_subject' });
    expect(await refusal({ ...tokens, refreshToken: 'unknown-refresh-token' })).toMatchObject({
      code: 'invalid_grant',
      message: 'The identity provider no longer accepts this session (invalid_grant).',
    });
    hostile.overrideRefreshIdTokenClaims({ sub: 'mallory' });
    expect(await refusal(tokens)).toMatchObject({ code: 'id_token_subject_changed', message: 'The refreshed ID token names another subject or issuer.' });
    hostile.overrideRefreshIdTokenClaims({});
    const { tokens: again } = await hostileLogin(client);
    expect(await refusal({ ...again, issuer: 'https://another.example' })).toMatchObject({ code: 'id_token_subject_changed' });
    hostile.forgeIdTokens('broken-signature');
    const forged = await refusal(again);
    expect(forged.message).toMatch(/^The identity provider's answer to a refresh could not be verified \(\w+\)\.$/);
  });

  it('keeps the session when the provider refuses the client, or cannot be reached, saying which', async () => {
    const wrongSecret = devClient({ clientSecret: 'not-the-registered-secret' });
    const { tokens } = await devLogin(devClient(), 'borge');
    const refused = await failureOf(wrongSecret.refresh(tokens));
    expect(refused).toBeInstanceOf(IdpUnavailableError);
    expect(refused).toMatchObject({ status: 503, code: 'idp_refused_client' });
    expect(refused.message).toMatch(/^The identity provider refused to renew the session \(invalid_client\)\. An administrator should check the OIDC client settings\.$/);

    const down = await startTestDevIdp();
    const client = devClient({ issuer: down.issuer });
    const { tokens: downTokens } = await devLogin(client, 'liv');
    await down.close();
    const unreachable = await failureOf(client.refresh(downTokens));
    expect(unreachable).toBeInstanceOf(IdpUnavailableError);
    expect(unreachable).toMatchObject({ status: 503, code: 'idp_unavailable', message: 'The identity provider could not be reached to renew your session; try again in a moment.' });
  });

  it('says the provider cannot be reached at start, and asks again next time', async () => {
    const issuer = `http://127.0.0.1:${await getFreePort()}`;
    const client = devClient({ issuer });
    const first = await failureOf(client.startLogin('/'));
    expect(first).toBeInstanceOf(IdpUnavailableError);
    expect(first).toMatchObject({ status: 502, code: 'idp_unreachable' });
    expect(first.message).toMatch(new RegExp(`^Cannot reach the identity provider at ${issuer} \\(.+\\)\\. Check OIDC_ISSUER and that the provider is running\\.$`));
    const second = await failureOf(client.startLogin('/'));
    expect(second).not.toBe(first);
  });

  it('talks plain http only to a provider on this machine', async () => {
    const error = await failureOf(devClient({ issuer: 'http://login.example.invalid' }).startLogin('/'));
    expect(error).toMatchObject({ code: 'idp_unreachable' });
    expect(error.message).toMatch(/HTTPS/i);
  });

  it('revokes a refresh token where the provider can, and says so otherwise', async () => {
    const client = devClient();
    const { tokens } = await devLogin(client, 'liv');
    expect(await client.revoke(tokens.refreshToken!)).toBe('revoked');
    expect(await hostileClient().revoke('any')).toBe('unsupported');
    expect(await devClient({ issuer: `http://127.0.0.1:${await getFreePort()}` }).revoke('any')).toBe('failed');
  });

  it('builds the provider\'s logout without the ID token in a URL: client_id by default, the ID token only in a POSTed form', async () => {
    const redirectUri = TEST_CLIENT.postLogoutRedirectUris[0]!;
    const login = { idToken: 'eyJhbGciOiJSUzI1NiJ9.an-id-token.sig', providerSessionId: 'provider-sid' };
    const endSession = `${idp.issuer}/session/end`;

    // Default (none): a redirect with client_id, never the ID token, and no logout_hint unless asked for.
    const plain = await devClient().buildLogout(login);
    expect(plain).toEqual({ method: 'GET', url: expect.any(String) });
    const plainUrl = new URL((plain as { url: string }).url);
    expect(`${plainUrl.origin}${plainUrl.pathname}`).toBe(endSession);
    expect([...plainUrl.searchParams.keys()].sort()).toEqual(['client_id', 'post_logout_redirect_uri']);
    expect(plainUrl.searchParams.get('client_id')).toBe(TEST_CLIENT.clientId);
    expect(plainUrl.searchParams.get('post_logout_redirect_uri')).toBe(redirectUri);
    expect(plainUrl.href).not.toMatch(/id_token|eyJ/);

    // Auth0 and the development provider read the login's sid as logout_hint; a login without one sends none.
    const withSid = devClient({ logout: { idTokenHint: 'none', sidAsLogoutHint: true } });
    const hinted = new URL(((await withSid.buildLogout(login)) as { url: string }).url);
    expect(hinted.searchParams.get('logout_hint')).toBe('provider-sid');
    expect(hinted.href).not.toMatch(/id_token|eyJ/);
    expect(new URL(((await withSid.buildLogout({ idToken: login.idToken })) as { url: string }).url).searchParams.has('logout_hint')).toBe(false);

    // form_post (Okta): the ID token goes in the form's fields, to the end-session endpoint as it is.
    const formPost = devClient({ logout: { idTokenHint: 'form_post', sidAsLogoutHint: false } });
    expect(await formPost.buildLogout(login)).toEqual({
      method: 'POST',
      action: endSession,
      fields: { id_token_hint: login.idToken, post_logout_redirect_uri: redirectUri },
    });
    // A session without an ID token (none was issued) still logs out, with client_id.
    const noToken = await formPost.buildLogout(undefined);
    expect(noToken).toMatchObject({ method: 'GET' });
    expect(new URL((noToken as { url: string }).url).searchParams.get('client_id')).toBe(TEST_CLIENT.clientId);

    expect(await hostileClient().buildLogout(login)).toBeNull();
  });

  describe('logout tokens', () => {
    const sign = async (claims: Record<string, unknown>, options: { alg?: string; key?: CryptoKey; kid?: string } = {}) => {
      const current = hostile.currentKey();
      return new SignJWT({ iss: hostile.issuer, aud: HOSTILE_CLIENT.clientId, iat: Math.floor(Date.now() / 1000), jti: `jti-${Math.random()}`, events: { [EVENT]: {} }, sub: 'roald', ...claims })
        .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? current.kid, typ: 'logout+jwt' })
        .sign(options.key ?? current.privateKey);
    };

    it('are verified against the provider\'s keys, issuer and Nansen\'s client id', async () => {
      const client = hostileClient();
      expect(await client.verifyLogoutToken(await sign({ sid: 'idp-session' }))).toMatchObject({ issuer: hostile.issuer, subject: 'roald', providerSessionId: 'idp-session' });
      const stranger = await generateKeyPair('RS256');
      await expect(client.verifyLogoutToken(await sign({}, { key: stranger.privateKey }))).rejects.toThrow();
      await expect(client.verifyLogoutToken(await sign({ aud: 'someone-else' }))).rejects.toThrow(/aud/);
      await expect(client.verifyLogoutToken(await sign({ iss: 'https://evil.example' }))).rejects.toThrow(/iss/);
    });

    it('must be recent, carry a jti and an iat, and use the algorithm the setup pins', async () => {
      const client = hostileClient();
      await expect(client.verifyLogoutToken(await sign({ iat: Math.floor(Date.now() / 1000) - 301 }))).rejects.toThrow(/iat|age/);
      await expect(client.verifyLogoutToken(await sign({ jti: undefined }))).rejects.toThrow(/jti/);
      await expect(client.verifyLogoutToken(await sign({ iat: undefined }))).rejects.toThrow(/iat/);
      await expect(hostileClient({ idTokenSigningAlg: 'ES256' }).verifyLogoutToken(await sign({}))).rejects.toThrow(/alg/i);
    });
  });
});
