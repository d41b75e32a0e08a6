// Each OIDC_PROVIDER preset against a real oidc-provider configured to behave like that provider (its
// issuer, claims, access tokens, refresh-token rules, missing endpoints, login pages), with the settings
// the README gives for it: login → a catalog call with the access token → a refresh → logout.
import * as v from 'valibot';
import { generateKeyPair, exportJWK, exportPKCS8, decodeJwt, decodeProtectedHeader } from 'jose';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthUserResponseSchema } from '../contract/bff-api';
import { OIDC_PROVIDERS, type OidcProviderId } from './config/provider-presets';
import { createCookieJar } from './testing/create-cookie-jar';
import { BffBrowser } from './testing/bff-browser';
import { followNansenLogout, providerStillSignedIn } from './testing/follow-nansen-logout';
import { completeProviderLogin } from './testing/preset-login';
import { PRESET_CLIENT, startPresetStack, type PresetStack } from './testing/start-preset-stack';
import { PRESET_CATALOG_AUDIENCE } from './testing/start-preset-provider';
import { sessionStoreKey } from './auth/session-store-key';

const TABLE = `/api/metadata/v0/table?key=${encodeURIComponent('hive://gold.core/customers')}`;

let stack: PresetStack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

// What the stores know the session by: the hash of the id in its cookie (decision 050).
const sessionIdOf = (cookie: string) => sessionStoreKey(decodeURIComponent(cookie.split('=')[1] ?? '').replace(/^s:/, '').split('.')[0]!);

async function signIn(s: PresetStack, login = s.provider.people[0]!.login, providerJar = createCookieJar()) {
  // The provider's cookies kept apart, as its session is what logging out must end.
  const browser = new BffBrowser(s.base, (url, person) => completeProviderLogin(url, person, providerJar));
  const back = await browser.logIn(login);
  if (back.status !== 303) throw new Error(`login answered ${back.status}: ${(await back.text()).slice(0, 400)}`);
  const sid = sessionIdOf(browser.sessionCookie);
  const tokens = async () => (await s.sessions.tokens.read(sid))!.tokens;
  return { browser, sid, tokens };
}

describe.each(OIDC_PROVIDERS.map((preset) => [preset] as [OidcProviderId]))('OIDC_PROVIDER=%s', (preset) => {
  it('logs in, reads the catalog with the access token, renews it and logs out, with the README settings', async () => {
    stack = await startPresetStack(preset);
    const { provider } = stack;
    const providerJar = createCookieJar();
    const { browser, sid, tokens } = await signIn(stack, undefined, providerJar);

    const me = v.parse(AuthUserResponseSchema, await (await browser.request('/api/auth_user')).json());
    expect(me.user).toMatchObject({ user_id: provider.people[0]!.userId, display_name: 'Roald Amundsen' });
    expect((await browser.request(TABLE)).status).toBe(200);

    // The access token runs out: the next call renews it with the refresh token, and the catalog takes the new one.
    const first = await tokens();
    expect(first.refreshToken).toBeTruthy();
    await stack.sessions.tokens.write(sid, { ...first, expiresAt: Date.now() }, { ttlMs: 3_600_000 });
    expect((await browser.request(TABLE)).status).toBe(200);
    const renewed = await tokens();
    expect(renewed.obtainedBy).toBe('refresh');
    expect(renewed.accessToken).not.toBe(first.accessToken);

    const out = await browser.request('/logout', { method: 'POST', headers: { origin: stack.base } });
    expect(await stack.sessions.tokens.read(sid)).toBeUndefined();
    expect((await browser.request('/api/auth_user')).status).toBe(401);
    const followed = await followNansenLogout(out, stack.base, providerJar);
    // The ID token is in no URL, no Location, at any step (decision 049).
    expect(followed.urls.filter((url) => /id_token_hint|eyJ/.test(url.href))).toEqual([]);
    if (preset === 'google') {
      // Google has no end-session endpoint: Nansen's session ends, and the page says Google's does not.
      expect(followed.landed.href).toBe(`${stack.base}/logged-out?provider=kept`);
      expect(await (await browser.request(followed.landed.href)).text()).toContain('You are still signed in to Google');
    } else {
      const toProvider = followed.urls[1]!;
      expect(toProvider.href.startsWith(provider.issuer.replace(/\/$/, ''))).toBe(true);
      // Okta refuses a logout without the ID token: it gets it in a form the browser POSTs; the others get client_id.
      expect(followed.postedForm).toBe(preset === 'okta');
      if (preset !== 'okta') {
        expect(toProvider.searchParams.get('client_id')).toBe(PRESET_CLIENT.clientId);
        expect(toProvider.searchParams.get('post_logout_redirect_uri')).toBe(`${stack.base}/logged-out`);
        // Auth0 ends its session without asking for the session's sid as logout_hint.
        expect(toProvider.searchParams.has('logout_hint')).toBe(preset === 'auth0');
      }
      expect(followed.landed.href).toBe(`${stack.base}/logged-out`);
      // The provider's session ended: a new login asks for the password.
      expect(await providerStillSignedIn((await browser.request('/login')).headers.get('location')!, providerJar)).toBe(false);
    }
    // The refresh token is revoked where the provider can (Entra has no revocation endpoint).
    expect(provider.hits('/token/revocation')).toBe(preset === 'entra' ? 0 : 1);
    expect(stack.logger.lines.join('\n')).not.toMatch(/eyJ|Bearer [^[]/);
  });
});

describe('what each preset does for its provider', () => {
  it('google: asks for offline access on a consent screen, which is the only way Google gives a refresh token', async () => {
    stack = await startPresetStack('google');
    const { tokens } = await signIn(stack);
    const request = stack.provider.authorizationRequests.at(-1)!;
    expect(request.get('access_type')).toBe('offline');
    expect(request.get('prompt')).toBe('consent');
    const held = await tokens();
    expect(held.refreshToken).toBeTruthy();
    // Google's access tokens are opaque: the catalog checks them at UserInfo, no audience to set.
    expect(held.accessToken.split('.')).toHaveLength(1);
    expect(stack.config.catalog.tokenAudience).toBeUndefined();
    await stack.close();

    // Without the preset the same provider gives no refresh token: the session could not outlive its first access token.
    stack = await startPresetStack('google', { env: { OIDC_PROVIDER: 'generic' } });
    const generic = await signIn(stack);
    expect(stack.provider.authorizationRequests.at(-1)!.get('access_type')).toBeNull();
    expect((await generic.tokens()).refreshToken).toBeUndefined();
  });

  it('okta: asks for offline_access, and the catalog takes its custom authorization server\'s JWTs with CATALOG_TOKEN_AUDIENCE=api://default', async () => {
    stack = await startPresetStack('okta');
    const { tokens } = await signIn(stack);
    expect(stack.provider.authorizationRequests.at(-1)!.get('scope')!.split(' ')).toContain('offline_access');
    expect(stack.config.oidc.providerName).toBe('Okta');
    const { accessToken, refreshToken } = await tokens();
    expect(refreshToken).toBeTruthy();
    expect(decodeProtectedHeader(accessToken).typ).toBeUndefined();
    expect(decodeJwt(accessToken).aud).toBe('api://default');
    await stack.close();

    stack = await startPresetStack('okta', { env: { OIDC_PROVIDER: 'generic', OIDC_SCOPES: 'openid email profile' } });
    expect((await (await signIn(stack)).tokens()).refreshToken).toBeUndefined();
  });

  it('keycloak: a realm issuer; its JWTs (typ JWT) are refused by the catalog until CATALOG_TOKEN_AUDIENCE names the audience its mapper adds', async () => {
    stack = await startPresetStack('keycloak', { env: { CATALOG_TOKEN_AUDIENCE: '' } });
    expect(stack.provider.issuer).toMatch(/\/realms\/nansen$/);
    const { browser, tokens } = await signIn(stack);
    expect(decodeProtectedHeader((await tokens()).accessToken).typ).toBe('JWT');
    const refused = await browser.request(TABLE);
    expect(refused.status).toBe(502);
    expect((await refused.json()).error.message).toMatch(/CATALOG_TOKEN_AUDIENCE/);
    await stack.close();

    stack = await startPresetStack('keycloak');
    expect(stack.config.catalog.tokenAudience).toBe(PRESET_CATALOG_AUDIENCE.keycloak);
    expect((await (await signIn(stack)).browser.request(TABLE)).status).toBe(200);
  });

  it('auth0: sends OIDC_AUDIENCE, gets a JWT for that API, and the catalog checks that audience without another setting', async () => {
    stack = await startPresetStack('auth0');
    expect(stack.config.oidc.issuer).toMatch(/\/$/);
    const { tokens } = await signIn(stack);
    expect(stack.provider.authorizationRequests.at(-1)!.get('audience')).toBe(PRESET_CATALOG_AUDIENCE.auth0);
    expect(stack.config.catalog.tokenAudience).toBe(PRESET_CATALOG_AUDIENCE.auth0);
    expect(decodeJwt((await tokens()).accessToken).aud).toContain(PRESET_CATALOG_AUDIENCE.auth0);
    await stack.close();

    // Without an audience Auth0's access token is opaque: the catalog can still check it at UserInfo.
    stack = await startPresetStack('auth0', { env: { OIDC_AUDIENCE: '' } });
    const opaque = await signIn(stack);
    expect((await opaque.tokens()).accessToken.split('.')).toHaveLength(1);
    expect((await opaque.browser.request(TABLE)).status).toBe(200);
  });

  it('entra: the tenant issuer, preferred_username as the user id, the API scope for a catalog token, and rotated refresh tokens', async () => {
    stack = await startPresetStack('entra');
    expect(stack.config.oidc.userIdClaim).toBe('preferred_username');
    const { sid, tokens, browser } = await signIn(stack);
    const { accessToken, refreshToken } = await tokens();
    expect(decodeJwt(accessToken).aud).toBe(PRESET_CATALOG_AUDIENCE.entra);
    await stack.sessions.tokens.write(sid, { ...(await tokens()), expiresAt: Date.now() }, { ttlMs: 3_600_000 });
    expect((await browser.request(TABLE)).status).toBe(200);
    expect((await tokens()).refreshToken).not.toBe(refreshToken);
  });

  it('generic with OIDC_RESOURCE: the resource (RFC 8707) goes with the authorization and token requests, and is the catalog audience', async () => {
    stack = await startPresetStack('generic');
    const { tokens } = await signIn(stack);
    expect(stack.provider.authorizationRequests.at(-1)!.get('resource')).toBe(PRESET_CATALOG_AUDIENCE.generic);
    expect(decodeJwt((await tokens()).accessToken).aud).toBe(PRESET_CATALOG_AUDIENCE.generic);
    expect(stack.config.catalog.tokenAudience).toBe(PRESET_CATALOG_AUDIENCE.generic);
  });
});

describe('client authentication at the token endpoint', () => {
  it('client_secret_post: the secret goes in the form, as the provider registered it', async () => {
    stack = await startPresetStack('keycloak', { env: { OIDC_CLIENT_AUTH_METHOD: 'client_secret_post' }, client: { tokenEndpointAuthMethod: 'client_secret_post' } });
    expect((await (await signIn(stack)).browser.request(TABLE)).status).toBe(200);
  });

  it('a method other than the registered one fails the login with a readable page', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    stack = await startPresetStack('keycloak', {
      client: { tokenEndpointAuthMethod: 'private_key_jwt', jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256', use: 'sig' }] } },
    });
    const browser = stack.browser();
    const back = await browser.logIn(stack.provider.people[0]!.login);
    expect(back.status).toBe(400);
    const page = await back.text();
    expect(page).toContain('Login failed');
    // The provider refused Nansen's client: the one failure that is the administrator's settings.
    expect(page).toContain('<p>Keycloak refused Nansen&#39;s login request, so you were not logged in.</p>');
    // The setting names are for whoever runs Nansen, in the log; trying again cannot help, so no button.
    expect(page).toMatch(/<p>Nansen&#39;s login is not set up correctly; tell whoever runs Nansen \(reference: request [\w-]+\)\.<\/p>/);
    expect(page).not.toMatch(/OIDC_|Try again|class="button"/);
    expect(stack.logger.lines.join('\n')).toMatch(/login callback failed reason=misconfigured oauth_error=invalid_client .*code=\w+ check="the provider refused Nansen's token request: check OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_CLIENT_AUTH_METHOD against the client at the provider"/);
    expect(page).not.toContain(stack.config.oidc.clientSecret);
  });

  it('private_key_jwt: signs its assertions with the key from OIDC_CLIENT_PRIVATE_KEY_FILE, at login and at every refresh', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-key-'));
    const keyFile = path.join(dir, 'nansen.key.pem');
    fs.writeFileSync(keyFile, await exportPKCS8(privateKey), { mode: 0o600 });
    try {
      stack = await startPresetStack('okta', {
        env: { OIDC_CLIENT_AUTH_METHOD: 'private_key_jwt', OIDC_CLIENT_PRIVATE_KEY_FILE: keyFile, OIDC_CLIENT_PRIVATE_KEY_ID: 'nansen-1', OIDC_CLIENT_SECRET: '' },
        client: { tokenEndpointAuthMethod: 'private_key_jwt', clientSecret: undefined, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'nansen-1', alg: 'ES256', use: 'sig' }] } },
      });
      const { browser, sid, tokens } = await signIn(stack);
      expect((await browser.request(TABLE)).status).toBe(200);
      await stack.sessions.tokens.write(sid, { ...(await tokens()), expiresAt: Date.now() }, { ttlMs: 3_600_000 });
      expect((await browser.request(TABLE)).status).toBe(200);
      expect((await tokens()).obtainedBy).toBe('refresh');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('behind a TLS-terminating proxy', () => {
  const PUBLIC = 'https://nansen.example';
  const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'nansen.example' };

  async function logInThroughProxy(s: PresetStack) {
    const browser = s.browser();
    const start = await browser.request('/login', { headers: proxied });
    const callback = new URL(await completeProviderLogin(start.headers.get('location')!, s.provider.people[0]!.login, createCookieJar()));
    expect(callback.origin).toBe(PUBLIC);
    const back = await browser.request(`${callback.pathname}${callback.search}`, { headers: proxied });
    return { browser, back };
  }

  const behindProxy = (env: Record<string, string> = {}) =>
    startPresetStack('generic', { env: { PUBLIC_URL: PUBLIC, ...env }, client: { redirectUris: [`${PUBLIC}/auth`], postLogoutRedirectUris: [`${PUBLIC}/logged-out`] } });

  it('by default trusts a proxy on this machine: its X-Forwarded-Proto makes the session cookie Secure and __Host-', async () => {
    stack = await behindProxy();
    expect(stack.config.http.trustProxy).toEqual(['loopback', 'linklocal', 'uniquelocal']);
    const { browser, back } = await logInThroughProxy(stack);
    expect(back.status).toBe(303);
    expect(back.headers.getSetCookie().join('\n')).toMatch(/__Host-nansen\.sid=[^;]+;.*Secure/);
    expect((await browser.request('/api/auth_user', { headers: proxied })).status).toBe(200);
  });

  it('with TRUST_PROXY naming another proxy, a forwarded https from here does not count: no Secure cookie is set', async () => {
    stack = await behindProxy({ TRUST_PROXY: '10.20.30.40' });
    const { browser, back } = await logInThroughProxy(stack);
    expect(back.headers.getSetCookie().join('\n')).not.toMatch(/__Host-nansen\.sid=/);
    expect((await browser.request('/api/auth_user', { headers: proxied })).status).toBe(401);
  });

  it('never builds the redirect URI from the Host header or X-Forwarded-Host', async () => {
    stack = await behindProxy();
    const forged: Record<string, string>[] = [{ host: 'evil.example' }, { ...proxied, 'x-forwarded-host': 'evil.example' }, { host: 'evil.example', 'x-forwarded-host': 'evil.example:443' }];
    for (const headers of forged) {
      // undici's request sends the Host header it is given (fetch would replace it).
      const response = await request(`${stack.base}/login?returnTo=/search`, { headers });
      await response.body.dump();
      const start = { status: response.statusCode, headers: new Headers(response.headers as Record<string, string>) };
      expect(start.status).toBe(303);
      const location = new URL(start.headers.get('location')!);
      expect(location.origin).toBe(new URL(stack.provider.issuer).origin);
      expect(location.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/auth`);
    }
  });
});
