// A restart of the development IdP must not strand the BFF's sessions. The BFF side is openid-client
// set up as server/auth/oidc-client.ts sets it up (ID token signatures checked, RS256 pinned), and it
// keeps its discovery and JWKS cache across the IdP's restart, as a running BFF does. The IdP is
// stopped and a new one started on the same port and dataDir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CookieJar, createCookieJar } from '../testing/create-cookie-jar';
import { obtainDevIdpTokens, TEST_AUDIENCE, TEST_CLIENT } from '../testing/dev-idp-fixture';
import { SIGNING_ALGORITHM } from './create-signing-key';
import { DEV_IDP_FILES, getDevIdpDir, readOrCreateDevIdpClientSecret } from './dev-idp-files';
import { type DevIdp, startDevIdp } from './start-dev-idp';

const POST_LOGOUT_REDIRECT_URI = TEST_CLIENT.postLogoutRedirectUris[0];

function startIdp(options: { port: number; dataDir?: string; clientSecret: string }): Promise<DevIdp> {
  return startDevIdp({
    mode: 'test',
    port: options.port,
    dataDir: options.dataDir,
    client: { ...TEST_CLIENT, clientSecret: options.clientSecret },
    accessTokenAudience: TEST_AUDIENCE,
  });
}

/** openid-client as the BFF configures it for the dev IdP (server/auth/oidc-client.ts). */
function discoverAsBff(idp: DevIdp, clientSecret: string): Promise<oidc.Configuration> {
  return oidc.discovery(
    new URL(idp.issuer),
    TEST_CLIENT.clientId,
    { id_token_signed_response_alg: SIGNING_ALGORITHM },
    oidc.ClientSecretBasic(clientSecret),
    { execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] },
  );
}

type Tokens = Awaited<ReturnType<typeof obtainDevIdpTokens>>;

async function fetchWithJar(url: string | URL, jar: CookieJar, init: RequestInit = {}): Promise<Response> {
  const target = new URL(url);
  const headers = new Headers(init.headers);
  const cookie = jar.headerFor(target);
  if (cookie) headers.set('cookie', cookie);
  const response = await fetch(target, { ...init, headers, redirect: 'manual' });
  jar.store(response);
  return response;
}

/** Follow the IdP's redirects; the redirect_uri with a code when the IdP still knows the person, else undefined. */
async function loginSilently(url: string, jar: CookieJar): Promise<string | undefined> {
  let next = new URL(url);
  for (let step = 0; step < 10; step += 1) {
    const response = await fetchWithJar(next, jar);
    const location = response.headers.get('location');
    await response.body?.cancel();
    if (!location) return undefined;
    next = new URL(location, next);
    if (next.href.startsWith(TEST_CLIENT.redirectUris[0])) return next.href;
  }
  return undefined;
}

async function fetchPublicKeys(idp: DevIdp) {
  return (await (await fetch(`${idp.issuer}/jwks`)).json()) as { keys: { kid: string; n: string; d?: string }[] };
}

describe('the development IdP with a dataDir, across a restart', () => {
  let dataDir: string;
  let clientSecret: string;
  let idp: DevIdp | undefined;
  let port: number;
  let config: oidc.Configuration;
  const jar = createCookieJar();
  let before: Tokens;
  let publicKeysBefore: Awaited<ReturnType<typeof fetchPublicKeys>>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-dev-idp-restart-'));
    clientSecret = readOrCreateDevIdpClientSecret(dataDir);
    idp = await startIdp({ port: 0, dataDir, clientSecret });
    port = idp.port;
    config = await discoverAsBff(idp, clientSecret);
    before = await obtainDevIdpTokens(config, 'fridtjof', jar);
    publicKeysBefore = await fetchPublicKeys(idp);

    await idp.close();
    idp = undefined;
    // The old provider is gone: nothing answers on its port.
    await expect(fetch(`http://localhost:${port}/jwks`)).rejects.toThrow();
    idp = await startIdp({ port, dataDir, clientSecret: readOrCreateDevIdpClientSecret(dataDir) });
  });
  afterAll(async () => {
    await idp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its state in owner-only files of DATA_DIR/dev-idp', () => {
    const dir = getDevIdpDir(dataDir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of Object.values(DEV_IDP_FILES)) expect(fs.statSync(path.join(dir, name)).mode & 0o777).toBe(0o600);
  });

  it('publishes the same public keys, and never the private parts', async () => {
    const after = await fetchPublicKeys(idp!);
    expect(after).toEqual(publicKeysBefore);
    expect(after.keys.every((key) => key.d === undefined)).toBe(true);
  });

  it("the old access token's signature still verifies against the new JWKS", async () => {
    const keys = createLocalJWKSet(await fetchPublicKeys(idp!));
    const { payload } = await jwtVerify(before.access_token, keys, { issuer: idp!.issuer, audience: TEST_AUDIENCE, algorithms: [SIGNING_ALGORITHM] });
    expect(payload.sub).toBe('fridtjof');
  });

  it('the first token refresh after the restart succeeds, and its ID token keeps the sub', async () => {
    const refreshed = await oidc.refreshTokenGrant(config, before.refresh_token!);

    // openid-client checked the new ID token's signature (non-repudiation) with the JWKS it fetched
    // before the restart.
    expect(refreshed.id_token).toEqual(expect.any(String));
    expect(refreshed.claims()).toMatchObject({ sub: 'fridtjof', iss: idp!.issuer, aud: TEST_CLIENT.clientId });
    expect(refreshed.claims()!.sub).toBe(before.claims()!.sub);
    expect(refreshed.access_token).not.toBe(before.access_token);
    expect(decodeJwt(refreshed.access_token)).toMatchObject({ sub: 'fridtjof', aud: TEST_AUDIENCE });
  });

  it('the person is still logged in at the IdP: a new login needs no form', async () => {
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: TEST_CLIENT.redirectUris[0],
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
    });
    const callback = await loginSilently(url.href, jar);
    expect(callback).toBeDefined();
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback!), { pkceCodeVerifier: codeVerifier, expectedState: state });
    expect(tokens.claims()!.sub).toBe('fridtjof');
  });

  it('accepts RP-initiated logout with the old id_token_hint, and then refuses the refresh token', async () => {
    const logoutUrl = oidc.buildEndSessionUrl(config, { id_token_hint: before.id_token!, post_logout_redirect_uri: POST_LOGOUT_REDIRECT_URI });
    const page = await fetchWithJar(logoutUrl, jar);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toContain('id_token_hint');
    expect(html).toContain('<h1>Sign out of Nansen development login?</h1>');

    const action = /<form[^>]*action="([^"]+)"/.exec(html)![1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    const confirm = await fetchWithJar(action, jar, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(POST_LOGOUT_REDIRECT_URI);

    await expect(oidc.refreshTokenGrant(config, before.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

describe('the development IdP without a dataDir (tests)', () => {
  let idp: DevIdp | undefined;
  afterEach(async () => {
    await idp?.close();
    idp = undefined;
  });

  it('forgets everything on a restart: new keys, and the refresh token is refused', async () => {
    const clientSecret = TEST_CLIENT.clientSecret;
    idp = await startIdp({ port: 0, clientSecret });
    const { port } = idp;
    const config = await discoverAsBff(idp, clientSecret);
    const tokens = await obtainDevIdpTokens(config, 'liv');
    const keysBefore = await fetchPublicKeys(idp);
    await idp.close();

    idp = await startIdp({ port, clientSecret });
    expect((await fetchPublicKeys(idp)).keys[0].kid).not.toBe(keysBefore.keys[0].kid);
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});

describe('the development IdP with another dataDir', () => {
  it('makes its own keys: a fresh dataDir gets new ones, the same dataDir keeps them', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-dev-idp-keys-'));
    try {
      const kidOf = async (dataDir: string) => {
        const idp = await startIdp({ port: 0, dataDir, clientSecret: readOrCreateDevIdpClientSecret(dataDir) });
        try {
          return (await fetchPublicKeys(idp)).keys.map((key) => key.kid);
        } finally {
          await idp.close();
        }
      };
      const first = await kidOf(path.join(root, 'a'));
      expect(await kidOf(path.join(root, 'a'))).toEqual(first);
      expect(await kidOf(path.join(root, 'b'))).not.toEqual(first);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
