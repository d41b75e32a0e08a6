// The BFF against a hostile provider that signs ID tokens the way an attacker would: every forgery ends
// on the "Login failed" page with no session, key rotation keeps working, and a refresh that names
// another person ends the session.
import * as v from 'valibot';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toClientConfig, UiConfigFileSchema } from '../contract/ui-config';
import { createBffApp } from './create-bff-app';
import { createMemoryLogger } from './http/logger';
import { BffBrowser } from './testing/bff-browser';
import { createTestSessionDeps } from './testing/test-session-deps';
import { getFreePort } from './testing/free-port';
import { HOSTILE_CLIENT, type HostileIdp, type IdTokenForgery, startHostileIdp } from './testing/start-hostile-idp';
import { createMetadataClient } from './upstream/metadata-client';
import { createSearchClient } from './upstream/search-client';
import { createUpstreamHttp, type UpstreamHttp } from './upstream/upstream-http';
import { createOidcClient } from './auth/oidc-client';

/** The hostile provider logs everyone in at once: follow its one redirect back to the callback. */
async function followHostileLogin(authorizationUrl: string): Promise<string> {
  const res = await fetch(authorizationUrl, { redirect: 'manual' });
  if (res.status !== 303) throw new Error(`the hostile provider answered ${res.status}`);
  return res.headers.get('location')!;
}

describe('ID token verification against a hostile provider', () => {
  let idp: HostileIdp;
  let dataDir: string;
  let server: Server;
  let sessionDeps: Awaited<ReturnType<typeof createTestSessionDeps>>;
  let upstream: UpstreamHttp;
  let base: string;
  const logger = createMemoryLogger();

  beforeAll(async () => {
    idp = await startHostileIdp();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-idtoken-'));
    const port = await getFreePort();
    base = `http://localhost:${port}`;
    // No catalog: recording the user after login fails (and is only logged); refresh happens before any upstream call.
    upstream = createUpstreamHttp({ name: 'metadata service', baseUrl: `http://127.0.0.1:${await getFreePort()}`, timeoutMs: 1000, logger });
    sessionDeps = await createTestSessionDeps(dataDir);
    const app = createBffApp({
      publicUrl: base,
      redirectUri: `${base}/auth`,
      userIdClaim: 'email',
      providerName: 'Hostile IdP',
      session: sessionDeps,
      oidc: createOidcClient({
        issuer: idp.issuer,
        clientId: HOSTILE_CLIENT.clientId,
        clientSecret: HOSTILE_CLIENT.clientSecret,
        redirectUri: `${base}/auth`,
        postLogoutRedirectUri: `${base}/logged-out`,
        scopes: 'openid email profile',
        idTokenSigningAlg: 'RS256',
      }),
      metadata: createMetadataClient(upstream),
      search: createSearchClient(upstream),
      clientConfig: toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Hostile IdP', indexUsers: false, indexDashboards: true, logoUrl: null }),
      announcements: null,
      logo: null,
      spaDistDir: path.join(dataDir, 'no-spa-built'),
      logger,
    });
    await new Promise<void>((resolve) => {
      server = app.listen(port, '127.0.0.1', () => resolve());
    });
  });

  afterEach(() => {
    idp.forgeIdTokens('valid');
    idp.overrideRefreshIdTokenClaims({});
    vi.useRealTimers();
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await upstream?.close();
    await sessionDeps?.close();
    await idp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const newBrowser = () => new BffBrowser(base, followHostileLogin);

  it('signs a person in when the ID token is signed with the published key (the control)', async () => {
    const browser = newBrowser();
    const back = await browser.logIn('roald', '/search');
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/search');
    const me = await browser.request('/api/auth_user');
    expect(me.status).toBe(200);
    expect((await me.json()).user.user_id).toBe('roald@example.org');
  });

  it.each<IdTokenForgery>(['broken-signature', 'alg-none', 'hs256-client-secret', 'hs256-public-key', 'es256-published-key'])(
    'refuses an ID token with %s: "Login failed" and no session',
    async (forgery) => {
      idp.forgeIdTokens(forgery);
      const browser = newBrowser();
      const back = await browser.logIn('roald', '/search');
      expect(back.status).toBe(400);
      const html = await back.text();
      expect(html).toContain('Login failed');
      expect(html).not.toMatch(/eyJ|at .*\.ts:\d+/);
      expect((await browser.request('/api/auth_user')).status).toBe(401);
    },
  );

  it('fetches the key set once for many logins, and picks up a rotated key from it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const before = idp.hits('/jwks');
    for (let i = 0; i < 3; i += 1) expect((await newBrowser().logIn('roald')).status).toBe(303);
    // The key set is cached (it may have been fetched by an earlier test already, but never per login).
    expect(idp.hits('/jwks') - before).toBeLessThanOrEqual(1);
    const cached = idp.hits('/jwks');

    await idp.rotateKeys();
    // openid-client looks up an unknown kid again once its cached key set is a minute old.
    vi.setSystemTime(Date.now() + 61_000);
    const browser = newBrowser();
    expect((await browser.logIn('roald')).status).toBe(303);
    expect((await browser.request('/api/auth_user')).status).toBe(200);
    expect(idp.hits('/jwks')).toBe(cached + 1);
  });

  /** Log in, then let the access token age past its refresh margin and call a route that needs it. */
  async function refreshThroughTheBff() {
    const browser = newBrowser();
    expect((await browser.logIn('roald')).status).toBe(303);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    const call = await browser.request('/api/metadata/v0/popular_resources?types=table');
    return { browser, call };
  }

  it('keeps the session after a refresh whose ID token names the same person (the control)', async () => {
    const { browser, call } = await refreshThroughTheBff();
    expect(call.status).not.toBe(401); // the refresh worked; the missing catalog answers 502
    expect((await browser.request('/api/auth_user')).status).toBe(200);
  });

  it('ends the session when a refresh returns an ID token for another person', async () => {
    idp.overrideRefreshIdTokenClaims({ sub: 'mallory', email: 'mallory@example.org' });
    const { browser, call } = await refreshThroughTheBff();
    expect(call.status).toBe(401);
    expect((await call.json()).error.code).toBe('session_expired');
    expect((await browser.request('/api/auth_user')).status).toBe(401);
  });

  it('ends the session when a refresh returns an ID token from another issuer', async () => {
    idp.overrideRefreshIdTokenClaims({ iss: 'https://evil.example' });
    const { browser, call } = await refreshThroughTheBff();
    expect(call.status).toBe(401);
    expect((await browser.request('/api/auth_user')).status).toBe(401);
  });

  it('ends the session when a refreshed ID token is forged', async () => {
    const browser = newBrowser();
    expect((await browser.logIn('roald')).status).toBe(303);
    idp.forgeIdTokens('alg-none');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    vi.setSystemTime(Date.now() + 10 * 60_000);
    expect((await browser.request('/api/metadata/v0/popular_resources?types=table')).status).toBe(401);
    expect((await browser.request('/api/auth_user')).status).toBe(401);
  });

  /** A login this browser started, up to the provider's answer: its callback URL, not yet sent to Nansen. */
  async function callbackOfALogin(browser: BffBrowser): Promise<URL> {
    const start = await browser.request('/login?returnTo=/search');
    return new URL(await followHostileLogin(start.headers.get('location')!), base);
  }

  /** Send the callback; the page, and the log lines it wrote, checked for the values they must never hold. */
  async function failedCallback(browser: BffBrowser, callback: URL) {
    const before = logger.lines.length;
    const cookieValues = (browser.jar.headerFor(new URL(base)) ?? '').split('; ').map((c) => c.slice(c.indexOf('=') + 1)).filter((v) => v.length >= 8);
    const response = await browser.request(`${callback.pathname}${callback.search}`);
    const html = await response.text();
    const lines = logger.lines.slice(before);
    const written = lines.join('\n');
    for (const secret of [callback.searchParams.get('code')!, callback.searchParams.get('state')!, ...cookieValues]) {
      expect(written).not.toContain(secret);
      expect(html).not.toContain(secret);
    }
    expect((await browser.request('/api/auth_user')).status).toBe(401);
    return { status: response.status, html, failures: lines.filter((line) => line.includes('login callback failed')) };
  }

  it('a code the provider refuses (invalid_grant): "log in again" in words, and one log line naming the error and the check, no code, state or cookie', async () => {
    const browser = newBrowser();
    const callback = await callbackOfALogin(browser);
    callback.searchParams.set('code', 'BADCODE-never-issued');
    const { status, html, failures } = await failedCallback(browser, callback);
    expect(status).toBe(400);
    expect(html).toContain('<h1>Please log in again</h1><p>The login took too long or was already used — log in again.</p>');
    expect(html).toContain('<a class="button" href="/login?returnTo=%2Fsearch">Log in again</a>');
    expect(html).not.toMatch(/administrator|OIDC_/);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /warn \[[\w-]+\] login callback failed reason=code_rejected oauth_error=invalid_grant status=400 code=OAUTH_RESPONSE_BODY_ERROR check="the provider refused the authorization code \(expired, already used, or not issued for this login\)"$/,
    );
  });

  it('a callback whose issuer is not the provider\'s (a mix-up): words that do not blame the settings, and the check that failed in the log', async () => {
    const browser = newBrowser();
    const callback = await callbackOfALogin(browser);
    // Untrusted: a line break (a forged log line) and far more than fits a line.
    callback.searchParams.set('iss', `https://evil.example/\nwarn forged${'x'.repeat(300)}`);
    const { status, html, failures } = await failedCallback(browser, callback);
    expect(status).toBe(400);
    expect(html).toContain('<p>The answer to this login did not come from the login service Nansen uses, so Nansen did not accept it.</p><p>Log in again; if it keeps happening, tell whoever runs Nansen.</p>');
    expect(html).not.toMatch(/client settings|OIDC_|slips in|OAUTH_INVALID_RESPONSE|evil\.example/);
    expect(html).toMatch(/<p>Reference: request [\w-]+\.<\/p>/);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /warn \[[\w-]+\] login callback failed reason=issuer_mismatch code=OAUTH_INVALID_RESPONSE check="issuer in the callback does not match" issuer_received="https:\/\/evil\.example\/ warn forgedx+…" issuer_expected=http:\/\/127\.0\.0\.1:\d+$/,
    );
    expect(/issuer_received="([^"]*)"/.exec(failures[0]!)![1]).toHaveLength(200);
  });

  it('never writes a token to the log', () => {
    expect(logger.lines.join('\n')).not.toMatch(/eyJ[\w-]+\.[\w-]+\.|opaque-/);
  });
});
