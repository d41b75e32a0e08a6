// The BFF's read routes against the real embedded catalog and the real development OpenID provider,
// over real HTTP on free ports: two BFFs share them, one with people and dashboards indexed, one
// with both switched off.
import * as v from 'valibot';
import fs from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorBodySchema, AuthUserResponseSchema, BadgesResponseSchema, BookmarksResponseSchema, DashboardResponseSchema,
  LastIndexedResponseSchema, LineageResponseSchema, OwnedResponseSchema, PopularResourcesResponseSchema, ReadResponseSchema,
  SearchResponseSchema, TableDashboardsResponseSchema, TagsResponseSchema, type SearchRequest,
} from '../contract/bff-api';
import { parseTableKey } from '../contract/table-key';
import { toClientConfig, UiConfigFileSchema } from '../contract/ui-config';
import { createOidcClient } from './auth/oidc-client';
import { createBearerAuth } from './catalog/auth/create-bearer-auth';
import { openCatalog, type Catalog } from './catalog/create-catalog';
import { createCatalogStore } from './catalog/store/create-catalog-store';
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
const CLIENT_SECRET = 'read-routes-test-secret';
const LIV = 'liv.arnesen@example.org';
const ROALD = 'roald.amundsen@example.org';
const ORDERS = 'hive://gold.sales/orders';
const CUSTOMERS = 'hive://gold.core/customers';

describe('BFF read routes with a real OpenID provider and the embedded catalog', () => {
  let dataDir: string;
  let idp: DevIdp;
  let catalog: Catalog;
  let sessionDeps: Awaited<ReturnType<typeof createTestSessionDeps>>;
  let upstreams: UpstreamHttp[] = [];
  const servers: Server[] = [];
  const logger = createMemoryLogger();
  /** Every answer the BFFs gave in this file, to look for tokens in. */
  const answers: string[] = [];
  const bases = { indexed: '', unindexed: '' };
  /** Signed in as liv on the BFF with people and dashboards indexed, and on the one without. */
  let indexed: BffBrowser;
  let unindexed: BffBrowser;
  let bookmarkedDashboard: string;

  const listen = async (app: { listen: (port: number, host: string, cb: () => void) => Server }, port = 0) => {
    const chosen = port || (await getFreePort());
    await new Promise<void>((resolve) => servers.push(app.listen(chosen, '127.0.0.1', () => resolve())));
    return chosen;
  };

  async function call(browser: BffBrowser, url: string, init: RequestInit = {}) {
    const res = await browser.request(url, init);
    const text = await res.text();
    answers.push(`${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${text}`);
    return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as unknown) : null };
  }
  const get = (browser: BffBrowser, url: string) => call(browser, url);
  const search = (browser: BffBrowser, body: SearchRequest) =>
    call(browser, '/api/search/v1/search', { method: 'POST', headers: { 'content-type': 'application/json', origin: browser.base }, body: JSON.stringify(body) });
  /** The one error shape, with its status. */
  const expectError = (answer: { status: number; json: unknown }, status: number, message: RegExp) => {
    expect(answer.status).toBe(status);
    expect(v.parse(ApiErrorBodySchema, answer.json).error.message).toMatch(message);
    return v.parse(ApiErrorBodySchema, answer.json).error;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-read-routes-'));
    const ports = { indexed: await getFreePort(), unindexed: await getFreePort() };
    bases.indexed = `http://localhost:${ports.indexed}`;
    bases.unindexed = `http://localhost:${ports.unindexed}`;
    idp = await startDevIdp({
      mode: 'test',
      port: 0,
      client: {
        clientId: 'nansen-bff',
        clientSecret: CLIENT_SECRET,
        redirectUris: [`${bases.indexed}/auth`, `${bases.unindexed}/auth`],
        postLogoutRedirectUris: [`${bases.indexed}/logged-out`, `${bases.unindexed}/logged-out`],
      },
      accessTokenAudience: AUDIENCE,
    });
    const dbPath = path.join(dataDir, 'catalog.sqlite');
    catalog = openCatalog({ dbPath, demoTables: 300, authenticate: createBearerAuth({ issuer: idp.issuer, audience: AUDIENCE, allowInsecureHttp: true }) });

    // Data the demo does not have: column lineage and liv's bookmarks (a table and a dashboard).
    const store = createCatalogStore(dbPath);
    try {
      store.related.writeLineage({ columns: [[`${CUSTOMERS}/customer_id`, `${ORDERS}/customer_id`]] });
      bookmarkedDashboard = store.overview.listPopularDashboards(1)[0]!.uri;
      expect(store.userEdits.follow(LIV, 'table', CUSTOMERS, 'test')).toBe(true);
      expect(store.userEdits.follow(LIV, 'dashboard', bookmarkedDashboard, 'test')).toBe(true);
    } finally {
      store.close();
    }

    const metadataPort = await listen(catalog.metadataApp);
    const searchPort = await listen(catalog.searchApp);
    const metadataHttp = createUpstreamHttp({ name: 'metadata service', baseUrl: `http://127.0.0.1:${metadataPort}`, timeoutMs: 5000, logger });
    const searchHttp = createUpstreamHttp({ name: 'search service', baseUrl: `http://127.0.0.1:${searchPort}`, timeoutMs: 5000, logger });
    upstreams = [metadataHttp, searchHttp];
    sessionDeps = await createTestSessionDeps(dataDir);

    for (const [which, on] of [['indexed', true], ['unindexed', false]] as const) {
      const base = bases[which];
      const app = createBffApp({
        publicUrl: base,
        redirectUri: `${base}/auth`,
        userIdClaim: 'email',
        providerName: 'Test IdP',
        session: sessionDeps,
        oidc: createOidcClient({
          issuer: idp.issuer,
          clientId: 'nansen-bff',
          clientSecret: CLIENT_SECRET,
          redirectUri: `${base}/auth`,
          postLogoutRedirectUri: `${base}/logged-out`,
          scopes: 'openid email profile',
          idTokenSigningAlg: 'RS256',
        }),
        metadata: createMetadataClient(metadataHttp),
        search: createSearchClient(searchHttp),
        clientConfig: toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Test IdP', indexUsers: on, indexDashboards: on, logoUrl: null }),
        announcements: null,
        logo: null,
        spaDistDir: path.join(dataDir, 'no-spa-built'),
        logger,
      });
      await listen(app, ports[which]);
    }
    indexed = new BffBrowser(bases.indexed);
    unindexed = new BffBrowser(bases.unindexed);
    await indexed.logIn('liv');
    await unindexed.logIn('liv');
  });

  afterAll(async () => {
    for (const s of servers) await new Promise((r) => s.close(r));
    for (const u of upstreams) await u.close();
    catalog?.close();
    await sessionDeps?.close();
    await idp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a signed-out visitor of a read route with the JSON 401', async () => {
    const answer = await get(new BffBrowser(bases.indexed), '/api/metadata/v0/tags');
    expectError(answer, 401, /log in/i);
  });

  describe('catalog-wide reads', () => {
    it('lists popular tables and dashboards, dashboards only while they are indexed, [] for a type not asked for', async () => {
      const both = v.parse(PopularResourcesResponseSchema, (await get(indexed, '/api/metadata/v0/popular_resources?types=table,dashboard')).json);
      expect(both.results.table.map((t) => t.key)).toContain(CUSTOMERS);
      expect(both.results.table[0]).toMatchObject({ type: 'table', schema_description: expect.any(String) });
      expect(both.results.dashboard.length).toBeGreaterThan(0);
      expect(both.results.dashboard[0]).toMatchObject({ type: 'dashboard', key: both.results.dashboard[0]!.uri, product: expect.any(String) });

      const dashboardsOnly = v.parse(PopularResourcesResponseSchema, (await get(indexed, '/api/metadata/v0/popular_resources?types=dashboard')).json);
      expect(dashboardsOnly.results).toEqual({ table: [], dashboard: both.results.dashboard });

      const switchedOff = v.parse(PopularResourcesResponseSchema, (await get(unindexed, '/api/metadata/v0/popular_resources?types=table,dashboard')).json);
      expect(switchedOff.results).toEqual({ table: both.results.table, dashboard: [] });
      const nothingLeft = v.parse(PopularResourcesResponseSchema, (await get(unindexed, '/api/metadata/v0/popular_resources?types=dashboard')).json);
      expect(nothingLeft.results).toEqual({ table: [], dashboard: [] });

      expectError(await get(indexed, '/api/metadata/v0/popular_resources?types=table,feature'), 400, /"types" lists "feature"/);
    });

    it('lists the tags in use with their counts, the badges and the last update time', async () => {
      const tags = v.parse(TagsResponseSchema, (await get(indexed, '/api/metadata/v0/tags')).json);
      expect(tags.tags).toContainEqual({ tag_name: 'pii', tag_count: expect.any(Number) });
      const badges = v.parse(BadgesResponseSchema, (await get(unindexed, '/api/metadata/v0/badges')).json);
      expect(badges.badges).toContainEqual({ badge_name: 'certified', category: 'table_status' });
      const indexedAt = v.parse(LastIndexedResponseSchema, (await get(indexed, '/api/metadata/v0/get_last_indexed')).json);
      expect(indexedAt.timestamp).toBeGreaterThan(1_600_000_000);
    });
  });

  describe('dashboards', () => {
    it('shows a dashboard with its owners and tables, and finds it among the dashboards of its table, by raw or encoded key', async () => {
      const answer = await get(indexed, `/api/metadata/v0/dashboard?uri=${encodeURIComponent(bookmarkedDashboard)}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const { dashboard } = v.parse(DashboardResponseSchema, answer.json);
      expect(dashboard).toMatchObject({ type: 'dashboard', key: bookmarkedDashboard, uri: bookmarkedDashboard });
      expect(dashboard.tables.length).toBeGreaterThan(0);
      const tableKey = dashboard.tables[0]!.key;

      for (const pathKey of [tableKey, encodeURIComponent(tableKey)]) {
        const used = v.parse(TableDashboardsResponseSchema, (await get(indexed, `/api/metadata/v0/table/${pathKey}/dashboards`)).json);
        expect(used.dashboards.map((d) => d.key)).toContain(bookmarkedDashboard);
      }
      const none = v.parse(TableDashboardsResponseSchema, (await get(indexed, `/api/metadata/v0/table/${ORDERS}/dashboards`)).json);
      expect(none).toEqual({ msg: 'Success', dashboards: expect.any(Array) });
    });

    it('answers unknown dashboards and tables with 404, bad keys with 400', async () => {
      expectError(await get(indexed, `/api/metadata/v0/dashboard?uri=${encodeURIComponent('mode_dashboard://prod.x/nothing')}`), 404, /^There is no dashboard mode_dashboard:\/\/prod\.x\/nothing in the catalog\.$/);
      expectError(await get(indexed, '/api/metadata/v0/dashboard?uri=nothing'), 400, /"uri": "nothing" is not a dashboard uri/);
      expectError(await get(indexed, '/api/metadata/v0/table/hive://gold.core/no_such_table/dashboards'), 404, /^There is no table hive:\/\/gold\.core\/no_such_table in the catalog\.$/);
      expectError(await get(indexed, '/api/metadata/v0/table/customers/dashboards'), 400, /not a table key/);
      // Amundsen's "table_uri … does not exist", in words.
      expectError(await get(indexed, `/api/metadata/v0/table?key=${encodeURIComponent('hive://gold.sales/nope')}`), 404, /^There is no table hive:\/\/gold\.sales\/nope in the catalog\.$/);
      expect((await get(indexed, '/api/metadata/v0/table/%E0%A4%A/dashboards')).status).toBe(400);
    });

    it('answers 404 for every dashboard route and search while dashboards are not indexed', async () => {
      const error = expectError(await get(unindexed, `/api/metadata/v0/dashboard?uri=${encodeURIComponent(bookmarkedDashboard)}`), 404, /Dashboards are not indexed/);
      expect(error).toMatchObject({ name: 'NotFoundError', code: 'dashboards_not_indexed' });
      expectError(await get(unindexed, `/api/metadata/v0/table/${CUSTOMERS}/dashboards`), 404, /Dashboards are not indexed/);
      expectError(await search(unindexed, { searchTerm: 'orders', resources: ['table', 'dashboard'] }), 404, /Dashboards are not indexed/);
    });
  });

  describe('lineage', () => {
    it('walks table lineage to the asked depth and direction, each entity with its table coordinates', async () => {
      const both = v.parse(LineageResponseSchema, (await get(indexed, `/api/metadata/v0/get_table_lineage?key=${encodeURIComponent(ORDERS)}&depth=2&direction=both`)).json);
      expect(both).toMatchObject({ msg: 'Success', key: ORDERS, direction: 'both', depth: 2 });
      expect(both.downstream_entities.length).toBeGreaterThan(0);
      expect(Math.max(...both.downstream_entities.map((e) => e.level))).toBe(2);
      for (const entity of [...both.upstream_entities, ...both.downstream_entities]) {
        expect(entity).toMatchObject({ ...parseTableKey(entity.key), column: null });
      }
      const down = v.parse(LineageResponseSchema, (await get(indexed, `/api/metadata/v0/get_table_lineage?key=${encodeURIComponent(ORDERS)}&depth=1&direction=downstream`)).json);
      expect(down.upstream_entities).toEqual([]);
      expect(down.downstream_entities.every((e) => e.level === 1)).toBe(true);
    });

    it('walks column lineage and names each entity\'s column', async () => {
      const answer = await get(unindexed, `/api/metadata/v0/get_column_lineage?key=${encodeURIComponent(ORDERS)}&column_name=customer_id`);
      const lineage = v.parse(LineageResponseSchema, answer.json);
      expect(lineage.key).toBe(`${ORDERS}/customer_id`);
      expect(lineage.upstream_entities).toEqual([
        expect.objectContaining({ key: `${CUSTOMERS}/customer_id`, database: 'hive', cluster: 'gold', schema: 'core', name: 'customers', column: 'customer_id' }),
      ]);
    });

    it('refuses a depth outside 1 to 10, an unknown direction and a missing key', async () => {
      const lineage = `/api/metadata/v0/get_table_lineage?key=${encodeURIComponent(ORDERS)}`;
      for (const depth of ['0', '11', 'deep']) {
        expectError(await get(indexed, `${lineage}&depth=${depth}`), 400, new RegExp(`"depth" must be a whole number from 1 to 10; got "${depth}"`));
      }
      expectError(await get(indexed, `${lineage}&direction=sideways`), 400, /"direction" must be one of upstream, downstream, both/);
      expectError(await get(indexed, '/api/metadata/v0/get_table_lineage?depth=1'), 400, /"key" is required/);
      expectError(await get(indexed, `/api/metadata/v0/get_column_lineage?key=${encodeURIComponent(ORDERS)}`), 400, /"column_name" is required/);
    });
  });

  describe('people and their lists', () => {
    it('serves the signed-in user\'s own bookmarks, owned and read lists with people indexed or not', async () => {
      for (const browser of [indexed, unindexed]) {
        const mine = v.parse(BookmarksResponseSchema, (await get(browser, '/api/metadata/v0/user/bookmark')).json);
        expect(mine.bookmarks.table.map((t) => t.key)).toEqual([CUSTOMERS]);
        expect(mine.bookmarks.dashboard.map((d) => d.key)).toEqual(browser === indexed ? [bookmarkedDashboard] : []);
        const same = v.parse(BookmarksResponseSchema, (await get(browser, `/api/metadata/v0/user/bookmark?user_id=${encodeURIComponent(LIV)}`)).json);
        expect(same).toEqual(mine);
        expect(v.parse(OwnedResponseSchema, (await get(browser, `/api/metadata/v0/user/own?user_id=${encodeURIComponent(LIV)}`)).json).msg).toBe('Success');
        expect(v.parse(ReadResponseSchema, (await get(browser, `/api/metadata/v0/user/read?user_id=${encodeURIComponent(LIV)}`)).json).msg).toBe('Success');
        expect(v.parse(AuthUserResponseSchema, (await get(browser, `/api/metadata/v0/user?user_id=${encodeURIComponent(LIV)}`)).json).user.user_id).toBe(LIV);
      }
    });

    it('serves other people\'s profile and lists only while people are indexed', async () => {
      const roald = encodeURIComponent(ROALD);
      const owned = v.parse(OwnedResponseSchema, (await get(indexed, `/api/metadata/v0/user/own?user_id=${roald}`)).json);
      expect(owned.own.table.map((t) => t.key)).toContain(CUSTOMERS);
      expect(owned.own.table[0]).toMatchObject({ type: 'table', schema_description: null });
      const read = v.parse(ReadResponseSchema, (await get(indexed, `/api/metadata/v0/user/read?user_id=${roald}`)).json);
      expect(read.read.map((t) => t.key)).toContain(CUSTOMERS);
      expect(v.parse(BookmarksResponseSchema, (await get(indexed, `/api/metadata/v0/user/bookmark?user_id=${roald}`)).json).msg).toBe('Success');
      expect(v.parse(AuthUserResponseSchema, (await get(indexed, `/api/metadata/v0/user?user_id=${roald}`)).json).user.display_name).toBe('Roald Amundsen');

      for (const route of ['user', 'user/bookmark', 'user/own', 'user/read']) {
        const error = expectError(await get(unindexed, `/api/metadata/v0/${route}?user_id=${roald}`), 404, /People are not indexed/);
        expect(error).toMatchObject({ name: 'NotFoundError', code: 'users_not_indexed' });
      }
    });

    it('asks for the user_id of owned and read lists', async () => {
      expectError(await get(indexed, '/api/metadata/v0/user/own'), 400, /"user_id" is required/);
      expectError(await get(indexed, '/api/metadata/v0/user/read'), 400, /"user_id" is required/);
    });
  });

  describe('search', () => {
    it('searches tables, dashboards and people in one request, each group in its contract shape', async () => {
      const answer = await search(indexed, {
        searchTerm: 'orders', resources: ['table', 'dashboard', 'user'], highlightingOptions: { table: { enableHighlight: true } },
      });
      const results = v.parse(SearchResponseSchema, answer.json);
      expect(results.table!.results[0]).toMatchObject({ type: 'table', key: ORDERS, highlight: { name: ['<em>orders</em>'] } });
      expect(results.dashboard!.total_results).toBeGreaterThan(0);
      expect(results.dashboard!.results[0]).toMatchObject({ type: 'dashboard', product: expect.any(String), query_names: expect.any(Array) });
      expect(results.user).toEqual({ page_index: 0, results: [], total_results: 0 });

      const people = v.parse(SearchResponseSchema, (await search(indexed, { searchTerm: 'roald', resources: ['user'] })).json);
      expect(people.table).toBeUndefined();
      expect(people.user!.results[0]).toMatchObject({ type: 'user', user_id: ROALD, email: ROALD, display_name: 'Roald Amundsen' });
    });

    it('applies a table filter to tables only, not to the dashboards searched with them', async () => {
      const dashboardsAlone = v.parse(SearchResponseSchema, (await search(indexed, { searchTerm: 'orders', resources: ['dashboard'] })).json).dashboard!;
      const tablesAlone = v.parse(SearchResponseSchema, (await search(indexed, { searchTerm: 'orders', resources: ['table'] })).json).table!;
      const filtered = v.parse(SearchResponseSchema, (await search(indexed, {
        searchTerm: 'orders', resources: ['table', 'dashboard'], filters: { table: { tag: { value: 'pii' } } },
      })).json);
      expect(filtered.table!.total_results).toBeGreaterThan(0);
      expect(filtered.table!.total_results).toBeLessThan(tablesAlone.total_results);
      expect(filtered.table!.results.every((t) => t.tags.includes('pii'))).toBe(true);
      expect(filtered.dashboard).toEqual(dashboardsAlone);
      expect(dashboardsAlone.total_results).toBeGreaterThan(0);
    });

    it('refuses a filter the resource does not have, naming the filter and the resource', async () => {
      const error = expectError(
        await search(indexed, { searchTerm: 'orders', resources: ['table', 'dashboard'], filters: { dashboard: { schema: { value: 'sales' } } } }),
        400,
        /"filters\.dashboard\.schema": the dashboard search has no filter "schema"/,
      );
      expect(error).toMatchObject({ name: 'InputError', code: 'unknown_filter' });
    });

    it('answers 404 for a people search while people are not indexed, and for ML features always', async () => {
      const error = expectError(await search(unindexed, { searchTerm: 'roald', resources: ['table', 'user'] }), 404, /People are not indexed/);
      expect(error.code).toBe('users_not_indexed');
      expectError(await search(indexed, { searchTerm: 'x', resources: ['feature'] }), 404, /ML features are not indexed/);
      const tables = v.parse(SearchResponseSchema, (await search(unindexed, { searchTerm: 'orders', resources: ['table'] })).json);
      expect(tables.table!.total_results).toBeGreaterThan(0);
    });
  });

  it('never sends or logs a token', async () => {
    const sessions = new Database(path.join(dataDir, 'sessions.sqlite'), { readonly: true });
    const sessionIds = sessions.prepare('SELECT sid FROM sessions').pluck().all() as string[];
    sessions.close();
    const tokens = (await Promise.all(sessionIds.map((sid) => sessionDeps.tokens.read(sid))))
      .flatMap((stored) => (stored ? [stored.tokens.accessToken, stored.tokens.refreshToken, stored.tokens.idToken] : []))
      .filter((token): token is string => typeof token === 'string');
    // liv's two sessions, each with an access, a refresh and an ID token.
    expect(tokens).toHaveLength(6);
    expect(answers.length).toBeGreaterThan(40);
    const everything = [...answers, ...logger.lines].join('\n');
    for (const token of tokens) expect(everything).not.toContain(token);
    expect(everything).not.toMatch(/eyJ[\w-]+\.[\w-]+\.|access_token|refresh_token|id_token/);
  });
});
