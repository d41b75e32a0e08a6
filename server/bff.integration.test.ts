// The BFF against a real oidc-provider and the real embedded catalog, over real HTTP on free ports.
import * as v from 'valibot';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthUserResponseSchema, PopularResourcesResponseSchema, SearchResponseSchema, TableDetailResponseSchema } from '../contract/bff-api';
import { createOidcClient } from './auth/oidc-client';
import { createBearerAuth } from './catalog/auth/create-bearer-auth';
import { openCatalog, type Catalog } from './catalog/create-catalog';
import { toClientConfig, UiConfigFileSchema } from '../contract/ui-config';
import { createBffApp } from './create-bff-app';
import { startDevIdp, type DevIdp } from './dev-idp/start-dev-idp';
import { createMemoryLogger } from './http/logger';
import { BffBrowser } from './testing/bff-browser';
import { createTestSessionDeps } from './testing/test-session-deps';
import { getFreePort } from './testing/free-port';
import { createMetadataClient } from './upstream/metadata-client';
import { createSearchClient } from './upstream/search-client';
import { createUpstreamHttp, type UpstreamHttp } from './upstream/upstream-http';

const AUDIENCE = 'urn:nansen:catalog';

describe('BFF with a real OpenID provider and the embedded catalog', () => {
  let dataDir: string;
  let idp: DevIdp;
  let catalog: Catalog;
  let sessionDeps: Awaited<ReturnType<typeof createTestSessionDeps>>;
  let upstreams: UpstreamHttp[];
  const servers: Server[] = [];
  const logger = createMemoryLogger();
  let base: string;

  const listen = async (app: { listen: (port: number, host: string, cb: () => void) => Server }) => {
    const port = await getFreePort();
    await new Promise<void>((resolve) => servers.push(app.listen(port, '127.0.0.1', () => resolve())));
    return port;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-bff-'));
    const bffPort = await getFreePort();
    base = `http://localhost:${bffPort}`;
    const clientSecret = 'integration-test-secret';
    idp = await startDevIdp({
      mode: 'test',
      port: 0,
      client: { clientId: 'nansen-bff', clientSecret, redirectUris: [`${base}/auth`], postLogoutRedirectUris: [`${base}/logged-out`] },
      accessTokenAudience: AUDIENCE,
    });
    catalog = openCatalog({
      dbPath: path.join(dataDir, 'catalog.sqlite'),
      demoTables: 60,
      authenticate: createBearerAuth({ issuer: idp.issuer, audience: AUDIENCE, allowInsecureHttp: true }),
    });
    const metadataPort = await listen(catalog.metadataApp);
    const searchPort = await listen(catalog.searchApp);
    const metadataHttp = createUpstreamHttp({ name: 'metadata service', baseUrl: `http://127.0.0.1:${metadataPort}`, timeoutMs: 5000, logger });
    const searchHttp = createUpstreamHttp({ name: 'search service', baseUrl: `http://127.0.0.1:${searchPort}`, timeoutMs: 5000, logger });
    upstreams = [metadataHttp, searchHttp];
    sessionDeps = await createTestSessionDeps(dataDir);
    const app = createBffApp({
      publicUrl: base,
      redirectUri: `${base}/auth`,
      userIdClaim: 'email',
      providerName: 'Test IdP',
      session: sessionDeps,
      oidc: createOidcClient({
        issuer: idp.issuer,
        clientId: 'nansen-bff',
        clientSecret,
        redirectUri: `${base}/auth`,
        postLogoutRedirectUri: `${base}/logged-out`,
        scopes: 'openid email profile',
      idTokenSigningAlg: 'RS256',
      }),
      metadata: createMetadataClient(metadataHttp),
      search: createSearchClient(searchHttp),
      clientConfig: toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Test IdP', indexUsers: false, indexDashboards: true, logoUrl: null }),
      announcements: null,
      logo: null,
      spaDistDir: path.join(dataDir, 'no-spa-built'),
      logger,
    });
    await new Promise<void>((resolve) => servers.push(app.listen(bffPort, '127.0.0.1', () => resolve())));
  });

  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    for (const u of upstreams ?? []) await u.close();
    catalog?.close();
    await sessionDeps?.close();
    await idp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends a signed-out visitor of a page to log in, and answers API calls with a JSON 401', async () => {
    const browser = new BffBrowser(base);
    const page = await browser.request('/table_detail/gold/hive/core/customers');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/login?returnTo=${encodeURIComponent('/table_detail/gold/hive/core/customers')}`);
    const api = await browser.request('/api/auth_user');
    expect(api.status).toBe(401);
    expect(await api.json()).toEqual({ error: { name: 'NotAuthenticatedError', message: expect.any(String), code: 'not_authenticated' } });
  });

  it("answers a method an address does not take with a 405 page in Nansen's style, naming the methods it takes", async () => {
    const browser = new BffBrowser(base);
    await browser.logIn('roald', '/');
    for (const [method, path, allow] of [['POST', '/search', 'GET, HEAD'], ['POST', '/logged-out', 'GET, HEAD'], ['DELETE', '/logout', 'GET, HEAD, POST'], ['PUT', '/login', 'GET, HEAD']] as const) {
      const res = await browser.request(path, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain('<title>This address cannot do that · Nansen</title>');
      expect(html).toContain(`This address does not take ${method} requests; it answers ${allow}.`);
      expect(html).not.toContain('Cannot ');
    }
  });

  it('starts the login with PKCE S256, state and nonce at the provider', async () => {
    const res = await new BffBrowser(base).request('/login?returnTo=/search');
    const url = new URL(res.headers.get('location')!);
    expect(url.origin).toBe(new URL(idp.issuer).origin);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(`${base}/auth`);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
  });

  it('logs a user in, brings them back where they were going, with a new session id and the User object', async () => {
    const browser = new BffBrowser(base);
    await browser.request('/login?returnTo=/x'); // a session exists before login
    const before = browser.sessionCookie;
    const back = await browser.logIn('roald', '/search?term=orders');
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/search?term=orders');
    expect(browser.sessionCookie).not.toBe(before);

    const res = await browser.request('/api/auth_user');
    const text = await res.text();
    const body = v.parse(AuthUserResponseSchema, JSON.parse(text));
    expect(body.user).toMatchObject({
      user_id: 'roald.amundsen@example.org',
      email: 'roald.amundsen@example.org',
      first_name: 'Roald',
      last_name: 'Amundsen',
      display_name: 'Roald Amundsen',
    });
    expect(text).not.toMatch(/eyJ|access_token|refresh_token/);
  });

  it('reads tables, popular tables and search results from the catalog with the user token', async () => {
    const browser = new BffBrowser(base);
    await browser.logIn('fridtjof');

    const table = v.parse(TableDetailResponseSchema, await (await browser.request(`/api/metadata/v0/table?key=${encodeURIComponent('hive://gold.core/customers')}`)).json());
    expect(table.tableData).toMatchObject({ key: 'hive://gold.core/customers', name: 'customers', schema: 'core', database: 'hive', cluster: 'gold' });
    expect(table.tableData.columns.map((c) => c.name)).toContain('customer_id');
    expect(table.tableData.columns[0]!.key).toBe(`hive://gold.core/customers/${table.tableData.columns[0]!.name}`);
    expect(table.tableData.owners.map((o) => o.user_id)).toContain('roald.amundsen@example.org');

    const popular = v.parse(PopularResourcesResponseSchema, await (await browser.request('/api/metadata/v0/popular_resources?types=table')).json());
    expect(popular.results.table.map((t) => t.key)).toContain('hive://gold.core/customers');

    const search = await browser.request('/api/search/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ searchTerm: 'orders', pageIndex: 0, resultsPerPage: 10, resources: ['table'] }),
    });
    const results = v.parse(SearchResponseSchema, await search.json());
    expect(results.table!.results[0]).toMatchObject({ key: 'hive://gold.sales/orders', name: 'orders' });
    expect(results.table!.total_results).toBeGreaterThanOrEqual(1);
    expect(results.did_you_mean).toBeUndefined();

    const typo = await browser.request('/api/search/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ searchTerm: 'custmers' }),
    });
    const corrected = v.parse(SearchResponseSchema, await typo.json());
    expect(corrected.did_you_mean).toBe('customers');
    expect(corrected.table!.results[0]).toMatchObject({ name: 'customers' });
  });

  it('reads a person\'s profile from metadata through the user route', async () => {
    const browser = new BffBrowser(base);
    await browser.logIn('liv');
    const url = `/api/metadata/v0/user?user_id=${encodeURIComponent('liv.arnesen@example.org')}`;
    const res = await browser.request(url);
    expect(res.status).toBe(200);
    expect(v.parse(AuthUserResponseSchema, await res.json()).user).toMatchObject({ user_id: 'liv.arnesen@example.org', full_name: 'Liv Arnesen' });
    const unknown = await browser.request(`/api/metadata/v0/user?user_id=${encodeURIComponent('nobody@example.org')}`);
    expect(unknown.status).toBe(404);
  });

  it('answers bad input and unknown tables with the one error shape', async () => {
    const browser = new BffBrowser(base);
    await browser.logIn('liv');
    const missing = await browser.request(`/api/metadata/v0/table?key=${encodeURIComponent('hive://gold.core/no_such_table')}`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatchObject({ name: 'NotFoundError' });
    const badKey = await browser.request('/api/metadata/v0/table?key=nonsense');
    expect(badKey.status).toBe(400);
    expect((await badKey.json()).error.message).toMatch(/not a table key/);
    const badBody = await browser.request('/api/search/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ searchTerm: 42 }),
    });
    expect(badBody.status).toBe(400);
    expect((await badBody.json()).error.message).toMatch(/searchTerm/);
  });

  it('refuses a cross-site POST', async () => {
    const browser = new BffBrowser(base);
    await browser.logIn('liv');
    const res = await browser.request('/api/search/v1/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ searchTerm: 'x' }),
    });
    expect(res.status).toBe(403);
  });

  it('shows a readable page for a callback with an unknown state or a provider error', async () => {
    const browser = new BffBrowser(base);
    const stale = await browser.request('/auth?code=abc&state=unknown');
    expect(stale.status).toBe(400);
    expect(await stale.text()).toMatch(/<h1>Please log in again<\/h1><p>The login took too long or was already used — log in again\.<\/p><p>You were not logged in, and nothing else needs doing\.<\/p><p>Reference: request [\w-]+\.<\/p>/);
    // The provider's words only for a login this browser started (decision 027), and as text.
    const forged = await (await browser.request('/auth?error=access_denied&error_description=User%20%3Cb%3Ecancelled%3C%2Fb%3E')).text();
    expect(forged).toContain('Login was not completed');
    expect(forged).not.toContain('cancelled');
    const state = new URL((await browser.request('/login')).headers.get('location')!).searchParams.get('state')!;
    const denied = await browser.request(`/auth?error=access_denied&error_description=User%20%3Cb%3Ecancelled%3C%2Fb%3E&state=${state}`);
    const html = await denied.text();
    expect(html).toContain('User &lt;b&gt;cancelled&lt;/b&gt;');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
  });

  it('logs out at the provider too, after which the session is gone', async () => {
    const browser = new BffBrowser(base);
    await browser.logIn('borge');
    expect((await browser.request('/api/auth_user')).status).toBe(200);
    const out = await browser.request('/logout', { method: 'POST', headers: { origin: base } });
    expect(out.status).toBe(303);
    // Browsers apply CSP form-action to the redirect after the log-out form: the provider must be allowed.
    expect(out.headers.get('content-security-policy')).toContain(`form-action 'self' ${new URL(idp.issuer).origin}`);
    const target = new URL(out.headers.get('location')!);
    expect(target.origin).toBe(new URL(idp.issuer).origin);
    expect(target.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/logged-out`);
    expect(target.searchParams.get('client_id')).toBeTruthy();
    expect(target.href).not.toMatch(/id_token_hint|eyJ/);
    expect((await browser.request('/api/auth_user')).status).toBe(401);
  });

  it('answers the announcements route, which says when announcements are off', async () => {
    const browser = new BffBrowser(base);
    await browser.logIn('liv');
    const res = await browser.request('/api/announcements/v0/');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('announcements_disabled');
    expect((await browser.request('/branding/logo.svg')).status).toBe(404);
  });

  it('never writes a token to the log', () => {
    expect(logger.lines.join('\n')).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });
});
