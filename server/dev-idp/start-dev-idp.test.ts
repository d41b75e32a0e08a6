import { base64url, decodeJwt } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../demo/demo-people';
import { discoverTestClient, obtainDevIdpTokens, startTestDevIdp, TEST_AUDIENCE, TEST_CLIENT } from '../testing/dev-idp-fixture';
import { type CookieJar, createCookieJar } from '../testing/create-cookie-jar';
import { completeDevIdpLogin, logOutAtDevIdp } from '../testing/dev-idp-login';
import { type DevIdp, startDevIdp } from './start-dev-idp';

let idp: DevIdp;
let config: oidc.Configuration;

beforeAll(async () => {
  idp = await startTestDevIdp();
  config = await discoverTestClient(idp);
});
afterAll(() => idp?.close());

async function buildAuthorizationUrl(overrides: Record<string, string> = {}) {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: TEST_CLIENT.redirectUris[0],
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: oidc.randomState(),
    ...overrides,
  });
  return url;
}

/** Follow the IdP's redirects (keeping cookies) until it shows a page; return that page. */
async function openLoginPage(authorizationUrl: URL) {
  const first = await fetch(authorizationUrl, { redirect: 'manual' });
  const cookies = first.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  const pageUrl = new URL(first.headers.get('location')!, authorizationUrl);
  const page = await fetch(pageUrl, { headers: { cookie: cookies } });
  return { pageUrl, cookies, html: await page.text(), status: page.status };
}

describe('the development IdP', () => {
  it('starts on a free port and advertises S256 PKCE, the endpoints and end_session', async () => {
    expect(idp.port).toBeGreaterThan(0);
    expect(idp.issuer).toBe(`http://localhost:${idp.port}`);
    const discovery = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(idp.issuer);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.authorization_endpoint).toBe(`${idp.issuer}/auth`);
    expect(discovery.token_endpoint).toBe(`${idp.issuer}/token`);
    expect(discovery.userinfo_endpoint).toBe(`${idp.issuer}/me`);
    expect(discovery.jwks_uri).toBe(`${idp.issuer}/jwks`);
    expect(discovery.end_session_endpoint).toBe(`${idp.issuer}/session/end`);
    expect(discovery.token_endpoint_auth_methods_supported).toContain('client_secret_basic');
  });

  it('refuses to start in production mode', async () => {
    await expect(
      startDevIdp({ mode: 'production', port: 0, client: TEST_CLIENT, accessTokenAudience: TEST_AUDIENCE }),
    ).rejects.toThrow(/never runs in production/);
  });

  it('shows a login page that names every demo person and warns it is for development only', async () => {
    const { html, status } = await openLoginPage(await buildAuthorizationUrl());
    expect(status).toBe(200);
    expect(html).toContain('<h1>Nansen development login</h1>');
    expect(html).toMatch(/development only/i);
    for (const person of DEMO_PEOPLE) expect(html).toContain(`<code>${person.login}</code>`);
    expect(html).toContain('<label for="login">');
    expect(html).toContain('<label for="password">');
  });

  it('re-shows the form with an escaped error for an unknown log-in name', async () => {
    const { pageUrl, cookies, html } = await openLoginPage(await buildAuthorizationUrl());
    const action = /action="([^"]+)"/.exec(html)![1];
    const response = await fetch(new URL(action, pageUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: '<script>scott</script>', password: 'x' }),
    });
    expect(response.status).toBe(200);
    const errorPage = await response.text();
    expect(errorPage).toContain('role="alert"');
    expect(errorPage).toContain('&quot;&lt;script&gt;scott&lt;/script&gt;&quot; is not a demo person');
    expect(errorPage).not.toContain('<script>scott');
    expect(errorPage).toContain('<h1>Nansen development login</h1>');
  });

  it('takes a log-in name in any case, as the same demo person', async () => {
    const tokens = await obtainDevIdpTokens(config, 'LIV');
    expect(tokens.claims()).toMatchObject({ sub: 'liv', email: 'liv.arnesen@example.org' });
  });

  it('the helper reports an unknown log-in name instead of hanging', async () => {
    await expect(completeDevIdpLogin((await buildAuthorizationUrl()).href, 'scott')).rejects.toThrow(/"scott" is not a demo person/);
  });

  it('runs the code + PKCE flow: ID token with profile claims and groups, JWT access token for the catalog, a refresh token that refreshes', async () => {
    const tokens = await obtainDevIdpTokens(config, 'fridtjof');

    const idClaims = tokens.claims()!;
    expect(idClaims).toMatchObject({
      iss: idp.issuer,
      aud: TEST_CLIENT.clientId,
      sub: 'fridtjof',
      name: 'Fridtjof Nansen',
      given_name: 'Fridtjof',
      family_name: 'Nansen',
      preferred_username: 'fridtjof',
      email: 'fridtjof.nansen@example.org',
      email_verified: true,
      groups: ['analytics', 'data-stewards'],
    });

    const accessClaims = decodeJwt(tokens.access_token);
    expect(accessClaims).toMatchObject({ iss: idp.issuer, aud: TEST_AUDIENCE, sub: 'fridtjof', email: 'fridtjof.nansen@example.org' });
    expect(accessClaims.exp! - accessClaims.iat!).toBe(600);
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(decodeJwt(refreshed.access_token)).toMatchObject({ aud: TEST_AUDIENCE, sub: 'fridtjof' });
    expect(refreshed.access_token).not.toBe(tokens.access_token);
  });

  it('Back after logging in: the finished login page sends a browser logged in here to Nansen\'s home, any other to a page that links there', async () => {
    const jar = createCookieJar();
    const visited: string[] = [];
    const recording: CookieJar = { store: (response) => { visited.push(response.url); jar.store(response); }, headerFor: (url) => jar.headerFor(url) };
    await completeDevIdpLogin((await buildAuthorizationUrl()).href, 'liv', recording);
    const loginPage = visited.map((url) => new URL(url)).find((url) => /^\/interaction\/[^/]+$/.test(url.pathname))!;
    expect(loginPage).toBeDefined();

    const back = await fetch(loginPage, { redirect: 'manual', headers: { cookie: jar.headerFor(loginPage)! } });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('http://127.0.0.1:5999/');
    expect(back.headers.get('cache-control')).toBe('no-store');

    // Another browser (no session here), or this one after logging out here: the error page, its link to Nansen.
    await logOutAtDevIdp(idp.issuer, TEST_CLIENT.clientId, jar);
    for (const cookie of [undefined, jar.headerFor(loginPage)]) {
      const elsewhere = await fetch(loginPage, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      expect(elsewhere.status).toBe(400);
      const html = await elsewhere.text();
      expect(html).toContain('This login attempt has expired or was started in another browser.');
      expect(html).toContain('<a href="http://127.0.0.1:5999/">Go back to Nansen</a> and start again.');
    }
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = await buildAuthorizationUrl();
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(TEST_CLIENT.redirectUris[0]);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('refuses a plain PKCE challenge', async () => {
    const url = await buildAuthorizationUrl({ code_challenge_method: 'plain' });
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a redirect URI that is not registered exactly, without redirecting to it', async () => {
    const url = await buildAuthorizationUrl({ redirect_uri: `${TEST_CLIENT.redirectUris[0]}/evil` });
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const html = await response.text();
    expect(html).toContain('redirect_uri');
    expect(html).toContain('<h1>Login failed</h1>');
    expect(html).toContain('<a href="http://127.0.0.1:5999/">Go back to Nansen</a>');
  });

  it('refuses a logout whose id_token_hint it cannot validate with a page that leads back to Nansen', async () => {
    // Unsigned, as if from a provider that forgot its keys.
    const claims = { iss: idp.issuer, aud: TEST_CLIENT.clientId, sub: 'liv', iat: Math.floor(Date.now() / 1000) };
    const idTokenHint = `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify(claims))}.`;
    const endSessionUrl = oidc.buildEndSessionUrl(config, { id_token_hint: idTokenHint });
    const response = await fetch(endSessionUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<h1>Sign-out failed</h1>');
    expect(html).toContain('could not validate id_token_hint');
    expect(html).toContain('<a href="http://127.0.0.1:5999/">Go back to Nansen</a>');
  });

  it('signs out through end_session and returns to the registered post-logout URI', async () => {
    const jar = createCookieJar();
    const tokens = await obtainDevIdpTokens(config, 'liv', jar);
    const endSessionUrl = oidc.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: TEST_CLIENT.postLogoutRedirectUris[0],
      state: 'bye',
    });
    const page = await fetch(endSessionUrl, { headers: { cookie: jar.headerFor(endSessionUrl)! } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1>Sign out of Nansen development login?</h1>');
    expect(html).toContain('f.submit()');

    const action = new URL(/<form[^>]*action="([^"]+)"/.exec(html)![1]);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1];
    const confirm = await fetch(action, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.headerFor(action)!, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }),
    });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(`${TEST_CLIENT.postLogoutRedirectUris[0]}?state=bye`);
    jar.store(confirm);

    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('signs out without asking when the client sends its session\'s sid as logout_hint (as Auth0 takes it), and asks otherwise', async () => {
    // With back-channel logout registered, as Nansen registers it, ID tokens carry the sid.
    const withSid = await startDevIdp({ mode: 'test', port: 0, client: { ...TEST_CLIENT, backchannelLogoutUri: 'http://127.0.0.1:5999/auth/backchannel-logout' }, accessTokenAudience: TEST_AUDIENCE });
    try {
      const sidConfig = await discoverTestClient(withSid);
      const jar = createCookieJar();
      const sid = decodeJwt((await obtainDevIdpTokens(sidConfig, 'liv', jar)).id_token!).sid as string;
      expect(sid).toBeTruthy();
      const logoutPage = async (hint?: string) => {
        const url = oidc.buildEndSessionUrl(sidConfig, { client_id: TEST_CLIENT.clientId, post_logout_redirect_uri: TEST_CLIENT.postLogoutRedirectUris[0]!, ...(hint ? { logout_hint: hint } : {}) });
        const page = await fetch(url, { headers: { cookie: jar.headerFor(url)! } });
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain('<h1>Sign out of Nansen development login?</h1>');
        return html;
      };
      expect(await logoutPage()).not.toContain('f.submit()');
      expect(await logoutPage('another-session')).not.toContain('f.submit()');
      expect(await logoutPage(sid)).toContain('f.submit()');
    } finally {
      await withSid.close();
    }
  });
});
