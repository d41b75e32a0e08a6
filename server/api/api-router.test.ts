// The whole /api router (create-api-router.ts) with the real session accessor and token store and an
// in-memory metadata and search service: what every route shares (sign-in, no caching, the one error
// shape) and the index switches, which the BFF enforces on each route, not only the SPA.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { buildUserFromClaims } from '../auth/user-from-claims';
import { createErrorMiddleware } from '../http/error-middleware';
import { createMemoryLogger } from '../http/logger';
import { createOfflineSessionAuth } from '../testing/offline-session-auth';
import { AmundsenDashboardDetailSchema, AmundsenDashboardSummarySchema, AmundsenLineageSchema, AmundsenTableSchema, AmundsenUserSchema, SearchTableHitSchema, type AmundsenSearchResponse } from '../upstream/amundsen-schemas';
import type { AmundsenSearchRequest } from '../../contract/amundsen-shapes';
import { NotFoundError, UpstreamError } from '../http/errors';
import type { MetadataClient } from '../upstream/metadata-client';
import type { SearchClient } from '../upstream/search-client';
import type { PeopleResolver } from '../users/people-resolver';
import { createApiRouter } from './create-api-router';
import type { EditPolicy } from './edit-rights';

const ORDERS = 'hive://gold.sales/orders';
const REVENUE = 'mode_dashboard://gold.sales/revenue';
const SESSION_ID = 'session-of-liv';
const logger = createMemoryLogger();
// The real session accessor; its identity provider is never called.
const { tokens, auth, close } = createOfflineSessionAuth(logger);
afterAll(close);
const liv = buildUserFromClaims({ sub: 'liv', email: 'liv@example.org' }, 'email');

const dashboardSummary = AmundsenDashboardSummarySchema.parse({ uri: REVENUE, cluster: 'gold', name: 'revenue', product: 'mode' });

/** An in-memory metadata service: every read answers something small, and is recorded. */
function fakeMetadata(overrides: Record<string, (...args: unknown[]) => Promise<unknown>> = {}) {
  const calls: string[] = [];
  const record = <T>(name: string, answer: T) => async (...args: unknown[]) => {
    calls.push(`${name} ${JSON.stringify(args.slice(1))}`);
    return answer;
  };
  const metadata = {
    getPopularResources: record('getPopularResources', { Table: [], Dashboard: [dashboardSummary] }),
    getTagUsages: record('getTagUsages', [{ tag_name: 'finance', tag_count: 2 }]),
    getBadges: record('getBadges', []),
    getLastIndexed: record('getLastIndexed', 1_700_000_000),
    getDashboard: record('getDashboard', AmundsenDashboardDetailSchema.parse({ uri: REVENUE, cluster: 'gold', name: 'revenue', product: 'mode' })),
    getTableDashboards: record('getTableDashboards', [dashboardSummary]),
    getUser: record('getUser', AmundsenUserSchema.parse({ user_id: 'roald@example.org', email: 'roald@example.org', display_name: 'Roald' })),
    getBookmarks: record('getBookmarks', { table: [], dashboard: [dashboardSummary] }),
    getOwned: record('getOwned', { table: [], dashboard: [dashboardSummary] }),
    getRead: record('getRead', []),
    listEdits: record('listEdits', []),
    listEditsWithTotal: record('listEditsWithTotal', { edits: [], total: 0 }),
    addBookmark: record('addBookmark', undefined),
    removeBookmark: record('removeBookmark', undefined),
  };
  for (const [name, fn] of Object.entries(overrides)) {
    (metadata as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      calls.push(`${name} ${JSON.stringify(args.slice(1))}`);
      return fn(...args);
    };
  }
  return { metadata: metadata as unknown as MetadataClient, calls };
}

async function appWith(options: {
  signedIn?: boolean; indexUsers?: boolean; indexDashboards?: boolean; metadata?: Record<string, (...args: unknown[]) => Promise<unknown>>; search?: SearchClient;
  editPolicy?: EditPolicy; people?: PeopleResolver; updateSearchDocuments?: boolean;
} = {}) {
  await tokens.write(SESSION_ID, { accessToken: 'access-token-of-liv', expiresAt: Date.now() + 3_600_000, obtainedAt: Date.now(), obtainedBy: 'login' }, { ttlMs: 3_600_000 });
  const clientConfig = toClientConfig(v.parse(UiConfigFileSchema, {}), {
    providerName: 'IdP', indexUsers: options.indexUsers ?? true, indexDashboards: options.indexDashboards ?? true, logoUrl: null,
  });
  const { metadata, calls } = fakeMetadata(options.metadata);
  const search = options.search ?? ({ search: async () => ({ results: {} }), updateDocument: async () => null } as unknown as SearchClient);
  const app = express();
  app.use((req, _res, next) => {
    Object.assign(req, { sessionID: SESSION_ID, session: options.signedIn === false ? {} : { user: liv, groups: ['stewards'], createdAt: Date.now() } });
    next();
  });
  app.use('/api', createApiRouter({
    auth, metadata, search, clientConfig, announcements: [],
    editPolicy: options.editPolicy, people: options.people, updateSearchDocuments: options.updateSearchDocuments,
  }));
  app.use(createErrorMiddleware(logger));
  return { app, calls, clientConfig };
}

const enc = encodeURIComponent;
/** Reads of another person's profile and lists: only with indexUsers on. */
const OTHER_PERSON_READS = [
  `/api/metadata/v0/user?user_id=${enc('roald@example.org')}`,
  `/api/metadata/v0/user/bookmark?user_id=${enc('roald@example.org')}`,
  `/api/metadata/v0/user/own?user_id=${enc('roald@example.org')}`,
  `/api/metadata/v0/user/read?user_id=${enc('roald@example.org')}`,
  `/api/metadata/v0/user/edits?user_id=${enc('roald@example.org')}`,
];
/** Dashboard reads: only with indexDashboards on. */
const DASHBOARD_READS = [
  `/api/metadata/v0/dashboard?uri=${enc(REVENUE)}`,
  `/api/metadata/v0/table/${ORDERS}/dashboards`,
  `/api/metadata/v0/edits?type=dashboard&key=${enc(REVENUE)}`,
];

describe('the /api router', () => {
  it('answers 401 to a signed-out caller on every route, without calling metadata', async () => {
    const { app, calls } = await appWith({ signedIn: false });
    const reads = [
      '/api/auth_user', '/api/config', '/api/metadata/v0/popular_resources?types=table', '/api/metadata/v0/tags', '/api/metadata/v0/badges',
      '/api/metadata/v0/get_last_indexed', `/api/metadata/v0/table?key=${enc(ORDERS)}`, `/api/metadata/v0/get_table_lineage?key=${enc(ORDERS)}`,
      `/api/metadata/v0/get_column_lineage?key=${enc(ORDERS)}&column_name=id`, `/api/metadata/v0/edits?type=table&key=${enc(ORDERS)}`,
      '/api/metadata/v0/user/bookmark', '/api/announcements/v0/', ...OTHER_PERSON_READS, ...DASHBOARD_READS,
    ];
    for (const url of reads) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(401);
      expect(res.body.error.name, url).toBe('NotAuthenticatedError');
    }
    for (const [method, url, body] of [
      ['put', '/api/metadata/v0/user/bookmark', { type: 'table', key: ORDERS }],
      ['put', '/api/metadata/v0/update_dashboard_tags', { key: REVENUE, tag: 'finance' }],
      ['post', '/api/search/v1/search', { searchTerm: 'orders', resources: ['table'] }],
    ] as const) {
      expect((await request(app)[method](url).send(body)).status, url).toBe(401);
    }
    expect(calls).toEqual([]);
  });

  it('answers a wrong method on a real route with 405 and the methods it takes, and an unknown route with 404', async () => {
    const { app, calls } = await appWith();
    const table = await request(app).delete(`/api/metadata/v0/table?key=${enc(ORDERS)}`);
    expect(table.status).toBe(405);
    expect(table.headers.allow).toBe('GET, HEAD');
    expect(table.body.error).toEqual({ name: 'MethodNotAllowedError', message: 'DELETE is not allowed on /api/metadata/v0/table; it answers GET, HEAD.', code: 'method_not_allowed' });
    const bookmark = await request(app).post('/api/metadata/v0/user/bookmark');
    expect(bookmark.status).toBe(405);
    expect(bookmark.headers.allow).toBe('DELETE, GET, HEAD, PUT');
    expect((await request(app).get('/api/search/v1/search')).headers.allow).toBe('POST');
    const unknown = await request(app).delete('/api/metadata/v0/no_such_route');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('no_route');
    expect(calls).toEqual([]);
  });

  it('tells browsers and proxies not to keep any answer', async () => {
    const { app } = await appWith();
    expect((await request(app).get('/api/auth_user')).headers['cache-control']).toBe('no-store');
    expect((await request(app).get('/api/nothing-here')).headers['cache-control']).toBe('no-store');
  });

  it('answers the signed-in user and the client config', async () => {
    const { app, clientConfig } = await appWith();
    expect((await request(app).get('/api/auth_user')).body).toEqual({ msg: 'Success', user: liv });
    expect((await request(app).get('/api/config')).body).toEqual(clientConfig);
  });

  it('answers 404 in the one error shape for an unknown /api path, and 400 for a path that is not valid percent-encoding', async () => {
    const { app } = await appWith();
    const missing = await request(app).get('/api/metadata/v0/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');
    const broken = await request(app).get('/api/metadata/v0/table/%E0%A4%A/dashboards');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toMatchObject({ code: 'invalid_path', message: 'The path is not valid percent-encoding.' });
  });

  it('refuses a body over 100 kB', async () => {
    const { app } = await appWith();
    const res = await request(app).put('/api/metadata/v0/user/bookmark').set('content-type', 'application/json').send(JSON.stringify({ type: 'table', key: ORDERS, pad: 'x'.repeat(110_000) }));
    expect(res.status).toBe(413);
  });

  it('takes a description write of an imported 56,000-character text with the text it began from (over 100 kB, under 1 MB), and refuses a larger body', async () => {
    let stored: string | null = 'x'.repeat(56_000);
    const { app } = await appWith({
      metadata: {
        getTable: async () => AmundsenTableSchema.parse({ database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders', key: ORDERS, columns: [] }),
        getDescription: async () => ({ description: stored, etag: null }),
        putDescription: async (...args: unknown[]) => {
          stored = args[2] as string;
        },
      },
    });
    const fixed = `${'x'.repeat(55_999)}.`;
    const res = await request(app).put('/api/metadata/v0/put_table_description').send({ key: ORDERS, description: fixed, base: stored });
    expect(res.status).toBe(200);
    expect(stored).toBe(fixed);
    const huge = await request(app).put('/api/metadata/v0/put_table_description').send({ key: ORDERS, description: 'y'.repeat(600_000), base: 'y'.repeat(600_000) });
    expect(huge.status).toBe(413);
    expect(stored).toBe(fixed);
    // Other writes keep their 100 kB.
    const bookmark = await request(app).put('/api/metadata/v0/user/bookmark').send({ type: 'table', key: ORDERS, pad: 'x'.repeat(110_000) });
    expect(bookmark.status).toBe(413);
  });

  it("gives a column's and a nested type's description writes the same 1 MB as a table's", async () => {
    const { app } = await appWith({});
    for (const path of ['put_column_description', 'put_type_metadata_description']) {
      // Over 100 kB: read (then judged by the route, whatever it answers), not refused as too large.
      const res = await request(app).put(`/api/metadata/v0/${path}`).send({ key: ORDERS, description: 'x'.repeat(150_000) });
      expect(res.status, path).not.toBe(413);
      expect(res.body.error?.code, path).not.toBe('payload_too_large');
    }
  });

  it('reads a GET or HEAD without parsing a body it may carry', async () => {
    const { app } = await appWith();
    // Node's own client: supertest leaves out the body of a HEAD.
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      for (const method of ['GET', 'HEAD']) {
        const status = await new Promise<number | undefined>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port, method, path: '/api/auth_user', headers: { 'content-type': 'application/json', 'content-length': 9 } }, (res) => {
            res.resume();
            resolve(res.statusCode);
          });
          req.on('error', reject);
          req.end('{not json');
        });
        expect(status, method).toBe(200);
      }
    } finally {
      server.close();
    }
  });
});

describe('the index switches on every route', () => {
  it('with indexUsers off, refuses another person\'s profile and lists with 404, before calling metadata', async () => {
    const { app, calls } = await appWith({ indexUsers: false });
    for (const url of OTHER_PERSON_READS) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(404);
      expect(res.body.error.code, url).toBe('users_not_indexed');
    }
    expect(calls).toEqual([]);
  });

  it('with indexUsers off, still serves the signed-in person\'s own, by id or by email', async () => {
    const { app, calls } = await appWith({ indexUsers: false });
    for (const url of [
      `/api/metadata/v0/user?user_id=${enc(liv.user_id)}`, `/api/metadata/v0/user/bookmark`, `/api/metadata/v0/user/own?user_id=${enc('liv@example.org')}`,
      `/api/metadata/v0/user/read?user_id=${enc(liv.user_id)}`, `/api/metadata/v0/user/edits?user_id=${enc(liv.user_id)}`,
    ]) {
      expect((await request(app).get(url)).status, url).toBe(200);
    }
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['getUser', 'getBookmarks', 'getOwned', 'getRead', 'listEditsWithTotal']);
  });

  it('with indexUsers on, serves another person\'s profile and lists', async () => {
    const { app, calls } = await appWith();
    for (const url of OTHER_PERSON_READS) expect((await request(app).get(url)).status, url).toBe(200);
    expect(calls.filter((c) => !c.includes('roald@example.org'))).toEqual([]);
  });

  it('with indexDashboards off, refuses every dashboard read and dashboard bookmark or tag with 404, and leaves dashboards out of lists', async () => {
    const { app, calls } = await appWith({ indexDashboards: false });
    for (const url of DASHBOARD_READS) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(404);
      expect(res.body.error.code, url).toBe('dashboards_not_indexed');
    }
    for (const [method, url, body] of [
      ['put', '/api/metadata/v0/user/bookmark', { type: 'dashboard', key: REVENUE }],
      ['delete', '/api/metadata/v0/update_dashboard_tags', { key: REVENUE, tag: 'finance' }],
    ] as const) {
      expect((await request(app)[method](url).send(body)).body.error?.code, url).toBe('dashboards_not_indexed');
    }
    expect(calls).toEqual([]);
    // Lists that may hold dashboards hold none; popular resources does not even ask for them.
    expect((await request(app).get('/api/metadata/v0/popular_resources?types=table,dashboard')).body.results.dashboard).toEqual([]);
    expect(calls).toEqual(['getPopularResources [12,["table"]]']);
    expect((await request(app).get('/api/metadata/v0/user/bookmark')).body.bookmarks.dashboard).toEqual([]);
    expect((await request(app).get(`/api/metadata/v0/user/own?user_id=${enc(liv.user_id)}`)).body.own.dashboard).toEqual([]);
    // A table bookmark is still fine.
    expect((await request(app).put('/api/metadata/v0/user/bookmark').send({ type: 'table', key: ORDERS })).status).toBe(200);
  });

  it('with indexDashboards on, serves dashboards and lists them', async () => {
    const { app } = await appWith();
    for (const url of DASHBOARD_READS) expect((await request(app).get(url)).status, url).toBe(200);
    expect((await request(app).get('/api/metadata/v0/popular_resources?types=table,dashboard')).body.results.dashboard).toHaveLength(1);
    expect((await request(app).get('/api/metadata/v0/user/bookmark')).body.bookmarks.dashboard).toHaveLength(1);
    expect((await request(app).get(`/api/metadata/v0/user/own?user_id=${enc(liv.user_id)}`)).body.own.dashboard).toHaveLength(1);
  });
});

describe('edit histories', () => {
  const edit = (id: number) => ({
    id, resource_key: ORDERS, parent_key: ORDERS, resource_type: 'table', action: 'update', field: 'description',
    before: 'a', after: 'b', user_id: 'roald@example.org', user_display_name: null, edited_at: '2026-12-01T10:00:00Z',
  });

  it('asks for one edit more than a page, and gives the next page\'s cursor only when there is one', async () => {
    const full = await appWith({ metadata: { listEditsWithTotal: async () => ({ edits: Array.from({ length: 26 }, (_, i) => edit(100 - i)), total: 140 }) } });
    const page = await request(full.app).get(`/api/metadata/v0/edits?type=table&key=${enc(ORDERS)}&before=200`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ msg: 'Success', available: true, next_before: '76', total: 140 });
    expect(page.body.edits).toHaveLength(25);
    expect(full.calls).toEqual([`listEditsWithTotal [${JSON.stringify({ parentKey: ORDERS, resourceTypes: ['table', 'column', 'type_metadata'], before: 200, limit: 26 })}]`]);

    const last = await appWith({ metadata: { listEditsWithTotal: async () => ({ edits: Array.from({ length: 25 }, (_, i) => edit(25 - i)), total: 25 }) } });
    const lastPage = await request(last.app).get(`/api/metadata/v0/edits?type=dashboard&key=${enc(REVENUE)}`);
    expect(lastPage.body).toMatchObject({ available: true, next_before: null, total: 25 });
    expect(lastPage.body.edits).toHaveLength(25);
    expect(last.calls).toEqual([`listEditsWithTotal [${JSON.stringify({ parentKey: REVENUE, resourceTypes: ['dashboard'], limit: 26 })}]`]);
  });

  it('says so when the metadata service keeps no history (Amundsen)', async () => {
    const { app } = await appWith({ metadata: { listEditsWithTotal: async () => null } });
    expect((await request(app).get(`/api/metadata/v0/user/edits?user_id=${enc(liv.user_id)}`)).body).toEqual({
      msg: 'The metadata service keeps no edit history.', available: false, edits: [], next_before: null, total: null,
    });
  });

  it('gives a person\'s and a table\'s total, and none from a catalog older than the count', async () => {
    const counted = await appWith({ metadata: { listEditsWithTotal: async () => ({ edits: [edit(3)], total: 1 }) } });
    expect((await request(counted.app).get(`/api/metadata/v0/user/edits?user_id=${enc(liv.user_id)}`)).body).toMatchObject({ available: true, total: 1 });
    expect((await request(counted.app).get(`/api/metadata/v0/edits?type=table&key=${enc(ORDERS)}`)).body).toMatchObject({ available: true, total: 1 });
    const older = await appWith({ metadata: { listEditsWithTotal: async () => ({ edits: [edit(3)], total: null }) } });
    const res = await request(older.app).get(`/api/metadata/v0/user/edits?user_id=${enc(liv.user_id)}`);
    expect(res.body).toMatchObject({ available: true, next_before: null, total: null });
    expect(res.body.edits).toHaveLength(1);
  });

  it('refuses a type other than table or dashboard, a key of the wrong kind, and a cursor that is not a number', async () => {
    const { app, calls } = await appWith();
    for (const [url, message] of [
      [`/api/metadata/v0/edits?type=column&key=${enc(ORDERS)}`, 'The query parameter "type" must be table or dashboard, not "column".'],
      [`/api/metadata/v0/edits?type=table&key=${enc('orders')}`, /^The query parameter "key":/],
      [`/api/metadata/v0/edits?type=dashboard&key=${enc('revenue')}`, /^The query parameter "key":/],
      [`/api/metadata/v0/edits?type=table&key=${enc(ORDERS)}&before=12a`, 'The query parameter "before" must be the next_before of the previous page.'],
      [`/api/metadata/v0/user/edits?user_id=${enc(liv.user_id)}&before=${'9'.repeat(16)}`, 'The query parameter "before" must be the next_before of the previous page.'],
    ] as const) {
      const res = await request(app).get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.message, url).toMatch(message);
    }
    expect(calls).toEqual([]);
    // An empty cursor is the first page.
    expect((await request(app).get(`/api/metadata/v0/edits?type=table&key=${enc(ORDERS)}&before=`)).status).toBe(200);
    expect(calls).toEqual([`listEditsWithTotal [${JSON.stringify({ parentKey: ORDERS, resourceTypes: ['table', 'column', 'type_metadata'], limit: 26 })}]`]);
  });
});

describe('bookmarks', () => {
  it('bookmarks on PUT and removes the bookmark on DELETE, as the signed-in person', async () => {
    const { app, calls } = await appWith();
    expect((await request(app).put('/api/metadata/v0/user/bookmark').send({ type: 'table', key: ORDERS })).body).toEqual({ msg: 'Success' });
    expect((await request(app).delete('/api/metadata/v0/user/bookmark').send({ type: 'dashboard', key: REVENUE })).body).toEqual({ msg: 'Success' });
    expect(calls).toEqual([`addBookmark ["${liv.user_id}","table","${ORDERS}"]`, `removeBookmark ["${liv.user_id}","dashboard","${REVENUE}"]`]);
  });
});

describe('search', () => {
  const tableHit = SearchTableHitSchema.parse({ key: ORDERS, schema: 'sales', table: 'orders', database: 'hive', cluster: 'gold', description: 'Orders.' });
  function fakeSearch(answer: (request: AmundsenSearchRequest) => AmundsenSearchResponse) {
    const requests: AmundsenSearchRequest[] = [];
    const search = {
      async search(token: string, request: AmundsenSearchRequest) {
        expect(token).toBe('access-token-of-liv');
        requests.push(request);
        return answer(request);
      },
      updateDocument: async () => null,
    } as unknown as SearchClient;
    return { search, requests };
  }
  const post = (app: express.Express, body: object) => request(app).post('/api/search/v1/search').send(body);

  it('answers a page of each resource asked for, once each, with the service\'s correction', async () => {
    const { search, requests } = fakeSearch(() => ({ did_you_mean: 'orders', results: { table: { total_results: 31, results: [tableHit] }, user: { total_results: 0, results: [] } } }) as AmundsenSearchResponse);
    const { app } = await appWith({ search });
    const res = await post(app, { searchTerm: 'ordres', pageIndex: 3, resources: ['table', 'user', 'table'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ search_term: 'ordres', msg: 'Success', did_you_mean: 'orders', user: { page_index: 3, results: [], total_results: 0 } });
    expect(res.body.table).toMatchObject({ page_index: 3, total_results: 31 });
    expect(res.body.table.results.map((r: { key: string }) => r.key)).toEqual([ORDERS]);
    expect(res.body).not.toHaveProperty('dashboard');
    expect(requests).toHaveLength(1);
    expect(requests[0]!.resource_types).toEqual(['table', 'user']);
  });

  it('answers an empty page for a resource the service left out, and no correction when it sent none', async () => {
    const { search } = fakeSearch(() => ({ results: { table: { total_results: 0, results: [] } } }) as AmundsenSearchResponse);
    const { app } = await appWith({ search });
    const res = await post(app, { searchTerm: 'x', resources: ['table', 'dashboard'] });
    expect(res.body.dashboard).toEqual({ page_index: 0, results: [], total_results: 0 });
    expect(res.body).not.toHaveProperty('did_you_mean');
    expect(res.body).not.toHaveProperty('user');
  });

  it('refuses to search people or dashboards that are not indexed, or features, before calling the service', async () => {
    const { search, requests } = fakeSearch(() => ({ results: {} }) as AmundsenSearchResponse);
    const off = await appWith({ search, indexUsers: false, indexDashboards: false });
    for (const [resource, code] of [['user', 'users_not_indexed'], ['dashboard', 'dashboards_not_indexed'], ['feature', 'features_not_indexed']] as const) {
      const res = await post(off.app, { searchTerm: 'x', resources: ['table', resource] });
      expect(res.status, resource).toBe(404);
      expect(res.body.error.code, resource).toBe(code);
    }
    expect(requests).toEqual([]);
  });

  it('refuses a body that is not a search request with 400', async () => {
    const { app } = await appWith();
    expect((await post(app, { searchTerm: 5 })).status).toBe(400);
  });
});

describe('table and dashboard pages', () => {
  const roaldById = AmundsenUserSchema.parse({ user_id: 'roald' });
  const table = () => AmundsenTableSchema.parse({
    database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders', key: ORDERS, owners: [roaldById], table_readers: [{ user: roaldById, read_count: 4 }],
  });
  const dashboard = () => AmundsenDashboardDetailSchema.parse({ uri: REVENUE, cluster: 'gold', name: 'revenue', group_name: 'Sales', owners: [roaldById], frequent_users: [roaldById] });
  /** Grants tags only, naming the role for the rest; remembers what it was asked. */
  const policy = () => {
    const asked: unknown[] = [];
    const editPolicy: EditPolicy = {
      rightsFor: (subject, target) => {
        asked.push({ subject, target });
        return { descriptions: false, tags: true, owners: false, reason: 'Only the sales stewards may change this.' };
      },
    };
    return { editPolicy, asked };
  };
  /** The directory fills people metadata knows only by id. */
  const people: PeopleResolver = {
    getUser: async () => roaldById,
    fillUsers: async (context, users) => {
      expect(context).toMatchObject({ token: 'access-token-of-liv', accessToken: 'access-token-of-liv', signedInUser: liv });
      return users.map((u) => ({ ...u, display_name: `${u.user_id} from the directory` }));
    },
  };
  const RIGHTS = { descriptions: false, tags: true, owners: false, reason: 'Only the sales stewards may change this.' };

  it('answers a table with the rights the policy gives the signed-in person, and its people filled from the directory', async () => {
    const { editPolicy, asked } = policy();
    const { app } = await appWith({ metadata: { getTable: async () => table() }, editPolicy, people });
    const res = await request(app).get(`/api/metadata/v0/table?key=${enc(ORDERS)}`);
    expect(res.status).toBe(200);
    expect(res.body.tableData).toMatchObject({ key: ORDERS, is_editable: false, edit_rights: RIGHTS });
    expect(res.body.tableData.owners.map((o: { display_name: string }) => o.display_name)).toEqual(['roald from the directory']);
    expect(res.body.tableData.table_readers.map((r: { read_count: number; user: { display_name: string } }) => [r.read_count, r.user.display_name])).toEqual([[4, 'roald from the directory']]);
    expect(asked).toEqual([{
      subject: { user_id: liv.user_id, groups: ['stewards'] },
      target: { type: 'table', key: ORDERS, database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders', owners: ['roald'] },
    }]);
    // Without a directory the people are metadata's.
    const plain = await appWith({ metadata: { getTable: async () => table() }, editPolicy });
    expect((await request(plain.app).get(`/api/metadata/v0/table?key=${enc(ORDERS)}`)).body.tableData.owners[0].display_name).toBe('roald');
  });

  it('answers a dashboard with the rights the policy gives, and its people filled from the directory', async () => {
    const { editPolicy, asked } = policy();
    const { app } = await appWith({ metadata: { getDashboard: async () => dashboard() }, editPolicy, people });
    const res = await request(app).get(`/api/metadata/v0/dashboard?uri=${enc(REVENUE)}`);
    expect(res.status).toBe(200);
    expect(res.body.dashboard).toMatchObject({ uri: REVENUE, edit_rights: RIGHTS });
    expect(res.body.dashboard.owners.map((o: { display_name: string }) => o.display_name)).toEqual(['roald from the directory']);
    expect(res.body.dashboard.frequent_users.map((o: { display_name: string }) => o.display_name)).toEqual(['roald from the directory']);
    expect(asked).toEqual([{
      subject: { user_id: liv.user_id, groups: ['stewards'] },
      target: { type: 'dashboard', key: REVENUE, product: 'mode', cluster: 'gold', group: 'Sales', name: 'revenue', owners: ['roald'] },
    }]);
  });

  it('changes a dashboard\'s tags only with the tags right, asking the policy about the dashboard', async () => {
    const { editPolicy } = policy();
    const { app, calls } = await appWith({ metadata: { getDashboard: async () => dashboard(), addTag: async () => undefined, removeTag: async () => undefined }, editPolicy });
    expect((await request(app).put('/api/metadata/v0/update_dashboard_tags').send({ key: REVENUE, tag: 'finance' })).body).toEqual({ msg: 'Success' });
    expect((await request(app).delete('/api/metadata/v0/update_dashboard_tags').send({ key: REVENUE, tag: 'pii' })).body).toEqual({ msg: 'Success' });
    expect(calls.filter((c) => !c.startsWith('getDashboard'))).toEqual([`addTag ["dashboard","${REVENUE}","finance"]`, `removeTag ["dashboard","${REVENUE}","pii"]`]);

    const refusing: EditPolicy = { rightsFor: () => ({ descriptions: true, tags: false, owners: true, reason: null }) };
    const refused = await appWith({ metadata: { getDashboard: async () => dashboard(), addTag: async () => undefined }, editPolicy: refusing });
    const res = await request(refused.app).put('/api/metadata/v0/update_dashboard_tags').send({ key: REVENUE, tag: 'finance' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'edit_forbidden', message: `You may not change the tags of the dashboard ${REVENUE}.` });
    expect(refused.calls.filter((c) => c.startsWith('addTag'))).toEqual([]);
  });
});

describe('catalog-wide reads and lineage', () => {
  it('answers tags, badges and the last update from metadata', async () => {
    const { app } = await appWith();
    expect((await request(app).get('/api/metadata/v0/tags')).body).toEqual({ msg: 'Success', tags: [{ tag_name: 'finance', tag_count: 2 }] });
    expect((await request(app).get('/api/metadata/v0/badges')).body).toEqual({ msg: 'Success', badges: [] });
    expect((await request(app).get('/api/metadata/v0/get_last_indexed')).body).toEqual({ msg: 'Success', timestamp: 1_700_000_000 });
  });

  it('asks for popular tables only by default, and for nothing when no type remains', async () => {
    const { app, calls } = await appWith({ indexDashboards: false });
    expect((await request(app).get('/api/metadata/v0/popular_resources')).body).toEqual({ msg: 'Success', results: { table: [], dashboard: [] } });
    expect((await request(app).get('/api/metadata/v0/popular_resources?types=dashboard')).body).toEqual({ msg: 'Success', results: { table: [], dashboard: [] } });
    expect(calls).toEqual(['getPopularResources [12,["table"]]']);
  });

  it('asks for table and column lineage at the UI config\'s default depth in both directions, or as asked', async () => {
    const lineage = AmundsenLineageSchema.parse({ key: ORDERS, direction: 'both', depth: 5 });
    const { app, calls } = await appWith({ metadata: { getTableLineage: async () => lineage, getColumnLineage: async () => lineage } });
    expect((await request(app).get(`/api/metadata/v0/get_table_lineage?key=${enc(ORDERS)}`)).status).toBe(200);
    expect((await request(app).get(`/api/metadata/v0/get_column_lineage?key=${enc(ORDERS)}&column_name=id&depth=2&direction=upstream`)).status).toBe(200);
    expect(calls).toEqual([
      `getTableLineage ["${ORDERS}",{"depth":5,"direction":"both"}]`,
      `getColumnLineage ["${ORDERS}","id",{"depth":2,"direction":"upstream"}]`,
    ]);
  });
});

describe('what each read answers', () => {
  const popularTable = { database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders', description: null };

  it('answers people, their lists and pages in the Amundsen frontend\'s shape', async () => {
    const { app } = await appWith({ metadata: { getRead: async () => [popularTable], getTable: async () => AmundsenTableSchema.parse({ ...popularTable, key: ORDERS }) } });
    const profile = await request(app).get(`/api/metadata/v0/user?user_id=${enc('roald@example.org')}`);
    expect(profile.body).toMatchObject({ msg: 'Success', user: { user_id: 'roald@example.org', display_name: 'Roald' } });
    expect((await request(app).get('/api/metadata/v0/user/bookmark')).body).toMatchObject({ msg: 'Success', bookmarks: { table: [], dashboard: [{ uri: REVENUE }] } });
    expect((await request(app).get(`/api/metadata/v0/user/own?user_id=${enc(liv.user_id)}`)).body).toMatchObject({ msg: 'Success', own: { table: [], dashboard: [{ uri: REVENUE }] } });
    expect((await request(app).get(`/api/metadata/v0/user/read?user_id=${enc(liv.user_id)}`)).body).toMatchObject({ msg: 'Success', read: [{ key: ORDERS, name: 'orders' }] });
    expect((await request(app).get(`/api/metadata/v0/table?key=${enc(ORDERS)}`)).body).toMatchObject({ msg: 'Success', tableData: { key: ORDERS } });
    expect((await request(app).get(`/api/metadata/v0/dashboard?uri=${enc(REVENUE)}`)).body).toMatchObject({ msg: 'Success', dashboard: { uri: REVENUE } });
    expect((await request(app).get(`/api/metadata/v0/table/${ORDERS}/dashboards`)).body).toMatchObject({ msg: 'Success', dashboards: [{ uri: REVENUE }] });
  });

  it('answers 404 for a person metadata holds nothing usable of, and asks the directory, when there is one, as the signed-in person', async () => {
    const { app } = await appWith({ metadata: { getUser: async () => AmundsenUserSchema.parse({}) } });
    const res = await request(app).get(`/api/metadata/v0/user?user_id=${enc('nobody@example.org')}`);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', message: 'No user nobody@example.org' });

    const asked: unknown[] = [];
    const people: PeopleResolver = {
      getUser: async (context, userId) => {
        asked.push([context, userId]);
        return AmundsenUserSchema.parse({ user_id: userId, display_name: 'Roald from the directory' });
      },
      fillUsers: async (_context, users) => [...users],
    };
    const withDirectory = await appWith({ people });
    const found = await request(withDirectory.app).get(`/api/metadata/v0/user?user_id=${enc('roald@example.org')}`);
    expect(found.body.user.display_name).toBe('Roald from the directory');
    expect(asked).toEqual([[{ token: 'access-token-of-liv', accessToken: 'access-token-of-liv', signedInUser: liv }, 'roald@example.org']]);
    expect(withDirectory.calls).toEqual([]);
  });

  it('lists the popular tables metadata answers', async () => {
    const { app } = await appWith({ metadata: { getPopularResources: async () => ({ Table: [popularTable], Dashboard: [dashboardSummary] }) } });
    const res = await request(app).get('/api/metadata/v0/popular_resources?types=table,dashboard');
    expect(res.body.results.table).toMatchObject([{ key: ORDERS, name: 'orders' }]);
    expect(res.body.results.dashboard).toMatchObject([{ uri: REVENUE }]);
  });

  it('places column lineage\'s entities at their table and column, and table lineage\'s at their table', async () => {
    const entity = (key: string) => ({ key, level: 1, source: 'hive', badges: [], usage: null, parent: null, link: null });
    const answer = (key: string, upstream: string) => AmundsenLineageSchema.parse({ key, direction: 'both', depth: 5, upstream_entities: [entity(upstream)] });
    const { app } = await appWith({ metadata: {
      getTableLineage: async () => answer(ORDERS, 'hive://gold.raw/orders'),
      getColumnLineage: async () => answer(`${ORDERS}/id`, 'hive://gold.raw/orders/order_id'),
    } });
    const table = await request(app).get(`/api/metadata/v0/get_table_lineage?key=${enc(ORDERS)}`);
    expect(table.body).toMatchObject({ msg: 'Success', key: ORDERS, upstream_entities: [{ key: 'hive://gold.raw/orders', schema: 'raw', name: 'orders', column: null }] });
    const column = await request(app).get(`/api/metadata/v0/get_column_lineage?key=${enc(ORDERS)}&column_name=id`);
    expect(column.body.upstream_entities).toMatchObject([{ key: 'hive://gold.raw/orders/order_id', schema: 'raw', name: 'orders', column: 'order_id' }]);
  });

  it('leaves out a person\'s search hit with neither id nor email', async () => {
    const search = {
      search: async () => ({ results: { user: { total_results: 2, results: [{ email: 'roald@example.org', full_name: 'Roald' }, { full_name: 'Nobody' }] } } }),
      updateDocument: async () => null,
    } as unknown as SearchClient;
    const { app } = await appWith({ search });
    const res = await request(app).post('/api/search/v1/search').send({ searchTerm: 'r', resources: ['user'] });
    expect(res.body.user.results.map((u: { user_id: string }) => u.user_id)).toEqual(['roald@example.org']);
    expect(res.body.user.total_results).toBe(2);
  });
});

describe('edit histories, item by item', () => {
  const logged = (id: number, field: string) => ({
    id, resource_key: ORDERS, parent_key: ORDERS, resource_type: 'table', action: 'update', field,
    before: 'a', after: 'b', user_id: 'roald@example.org', user_display_name: 'Roald', edited_at: '2026-12-01T10:00:00Z',
  });

  it('maps each edit the page can show and leaves out the others, for a table\'s and a person\'s history', async () => {
    const { app, calls } = await appWith({ metadata: { listEditsWithTotal: async () => ({ edits: [logged(2, 'description'), logged(1, 'a field the page does not know')], total: 2 }) } });
    const table = await request(app).get(`/api/metadata/v0/edits?type=table&key=${enc(ORDERS)}`);
    expect(table.body.edits).toMatchObject([{ id: '2', field: 'description', before: 'a', after: 'b', editor: { user_id: 'roald@example.org', display_name: 'Roald' } }]);
    const person = await request(app).get(`/api/metadata/v0/user/edits?user_id=${enc('roald@example.org')}`);
    expect(person.body.edits.map((e: { id: string }) => e.id)).toEqual(['2']);
    expect(calls[1]).toBe(`listEditsWithTotal [${JSON.stringify({ userId: 'roald@example.org', resourceTypes: ['table', 'column', 'type_metadata', 'dashboard'], limit: 26 })}]`);
  });

  it('refuses with invalid_parameter and invalid_key, and checks a table history\'s key as a table key, also with dashboards off', async () => {
    const { app } = await appWith({ indexDashboards: false });
    const type = await request(app).get(`/api/metadata/v0/edits?type=column&key=${enc(ORDERS)}`);
    expect(type.body.error.code).toBe('invalid_parameter');
    const before = await request(app).get(`/api/metadata/v0/edits?type=table&key=${enc(ORDERS)}&before=x`);
    expect(before.body.error.code).toBe('invalid_parameter');
    // hive://gold would pass as a dashboard uri; it is no table key.
    const key = await request(app).get(`/api/metadata/v0/edits?type=table&key=${enc('hive://gold')}`);
    expect(key.status).toBe(400);
    expect(key.body.error).toMatchObject({ code: 'invalid_key', message: 'The query parameter "key": "hive://gold" is not a table key; expected database://cluster.schema/table' });
    expect((await request(app).get(`/api/metadata/v0/edits?type=table&key=${enc(ORDERS)}`)).status).toBe(200);
    // A repeated cursor is refused too.
    expect((await request(app).get(`/api/metadata/v0/edits?type=table&key=${enc(ORDERS)}&before=1&before=2`)).status).toBe(400);
  });
});

describe('bookmarks of a person metadata does not know yet', () => {
  const amundsenFailure = () => new UpstreamError('The metadata service failed.', 'upstream_failed', 502);

  it('records the person from the session and bookmarks again when the service failed because they were missing', async () => {
    let tries = 0;
    const { app, calls } = await appWith({ metadata: {
      addBookmark: async () => {
        if (++tries === 1) throw amundsenFailure();
      },
      getUser: async () => { throw new NotFoundError('No such user.', 'not_found'); },
      putUser: async () => undefined,
    } });
    const res = await request(app).put('/api/metadata/v0/user/bookmark').send({ type: 'table', key: ORDERS });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ msg: 'Success' });
    expect(calls.map((c) => c.split(' ')[0])).toEqual(['addBookmark', 'getUser', 'putUser', 'addBookmark']);
  });

  it('passes the failure on, without a second try, when the person was known or the failure was another', async () => {
    const known = await appWith({ metadata: { addBookmark: async () => { throw amundsenFailure(); } } });
    const res = await request(known.app).put('/api/metadata/v0/user/bookmark').send({ type: 'table', key: ORDERS });
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe('upstream_failed');
    expect(known.calls.map((c) => c.split(' ')[0])).toEqual(['addBookmark', 'getUser']);

    const other = await appWith({ metadata: { removeBookmark: async () => { throw new UpstreamError('The metadata service is down.'); } } });
    const down = await request(other.app).delete('/api/metadata/v0/user/bookmark').send({ type: 'table', key: ORDERS });
    expect(down.body.error.code).toBe('upstream_unavailable');
    expect(other.calls.map((c) => c.split(' ')[0])).toEqual(['removeBookmark']);
  });
});

describe('search documents after a tag change', () => {
  function recordingSearch() {
    const updates: string[] = [];
    const search = {
      search: async () => ({ results: {} }),
      async updateDocument(_token: string, change: string, update: { resource_type: string; resource_key: string; field: string; value: string }) {
        updates.push(`${change} ${update.field} ${update.value} of ${update.resource_type} ${update.resource_key}`);
        return null;
      },
    } as unknown as SearchClient;
    return { search, updates };
  }
  const tagWrites = { getDashboard: async () => AmundsenDashboardDetailSchema.parse({ uri: REVENUE, cluster: 'gold', name: 'revenue', product: 'mode' }), addTag: async () => undefined, removeTag: async () => undefined };

  it('updates a dashboard\'s search document when asked to (real Amundsen services)', async () => {
    const { search, updates } = recordingSearch();
    const { app } = await appWith({ search, updateSearchDocuments: true, metadata: tagWrites });
    expect((await request(app).put('/api/metadata/v0/update_dashboard_tags').send({ key: REVENUE, tag: 'finance' })).status).toBe(200);
    expect((await request(app).delete('/api/metadata/v0/update_dashboard_tags').send({ key: REVENUE, tag: 'pii' })).status).toBe(200);
    expect(updates).toEqual([`add tag finance of dashboard ${REVENUE}`, `remove tag pii of dashboard ${REVENUE}`]);
  });

  it('leaves search documents alone by default (the embedded catalog indexes its own writes)', async () => {
    const { search, updates } = recordingSearch();
    const { app } = await appWith({ search, metadata: tagWrites });
    expect((await request(app).put('/api/metadata/v0/update_dashboard_tags').send({ key: REVENUE, tag: 'finance' })).status).toBe(200);
    expect(updates).toEqual([]);
  });
});
