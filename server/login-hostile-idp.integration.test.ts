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

  it('never writes a token to the log', () => {
    expect(logger.lines.join('\n')).not.toMatch(/eyJ[\w-]+\.[\w-]+\.|opaque-/);
  });
});
