// UPSTREAM_AUTH=flaskoidc: the BFF against stand-ins for Amundsen's metadata and search services
// launched as flaskoidc apps, whose gate checks exactly what API.md §2 says flaskoidc checks. And a
// search service that answers 200 with status_code 500 is a failed search, not "0 results".
import * as v from 'valibot';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthUserResponseSchema, SearchResponseSchema, TableDetailResponseSchema } from '../contract/bff-api';
import { openCatalog, type Catalog } from './catalog/create-catalog';
import { noAuthentication, startFlaskoidcStandIn, type FlaskoidcStandIn } from './testing/start-flaskoidc-stand-in';
import { startPresetStack, type PresetStack } from './testing/start-preset-stack';
import { sessionStoreKey } from './auth/session-store-key';

const TABLE = `/api/metadata/v0/table?key=${encodeURIComponent('hive://gold.core/customers')}`;
const searchFor = (term: string) => ({ method: 'POST', body: JSON.stringify({ searchTerm: term, pageIndex: 0, resultsPerPage: 10, resources: ['table'] }) });

let dir: string;
let catalog: Catalog;
let metadata: FlaskoidcStandIn;
let search: FlaskoidcStandIn;
let stack: PresetStack | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-flaskoidc-'));
  // Like Amundsen's services: no description ETags.
  catalog = openCatalog({ dbPath: path.join(dir, 'catalog.sqlite'), demoTables: 20, authenticate: noAuthentication, descriptionEtags: false });
  metadata = await startFlaskoidcStandIn(catalog.metadataApp);
  search = await startFlaskoidcStandIn(catalog.searchApp);
});
afterAll(async () => {
  await metadata.close();
  await search.close();
  catalog.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  metadata.setClockSkew(0);
  search.setClockSkew(0);
  await stack?.close();
  stack = undefined;
});

const flaskoidcEnv = (extra: Record<string, string> = {}) => ({ UPSTREAM_AUTH: 'flaskoidc', METADATA_URL: metadata.url, SEARCH_URL: search.url, ...extra });

async function signIn(s: PresetStack) {
  const browser = s.browser();
  expect((await browser.logIn(s.provider.people[0]!.login)).status).toBe(303);
  // The stores know a session by the hash of its cookie's id (decision 050).
  const sid = sessionStoreKey(decodeURIComponent(browser.sessionCookie.split('=')[1] ?? '').replace(/^s:/, '').split('.')[0]!);
  const request = (url: string, init: { method?: string; body?: string } = {}) =>
    browser.request(url, { ...init, headers: { 'content-type': 'application/json', origin: s.base } });
  return { browser, sid, request, tokens: async () => (await s.sessions.tokens.read(sid))!.tokens };
}

describe('UPSTREAM_AUTH=flaskoidc', () => {
  it('sends "Bearer " and a JSON token object with the access token, its type and its expiry, and nothing else', async () => {
    stack = await startPresetStack('keycloak', { env: flaskoidcEnv() });
    const { request, tokens } = await signIn(stack);
    const from = metadata.accepted.length + search.accepted.length;

    expect((await request(TABLE)).status).toBe(200);
    const found = v.parse(SearchResponseSchema, await (await request('/api/search/v1/search', searchFor('customers'))).json());
    expect(found.table?.results.map((t) => t.key)).toContain('hive://gold.core/customers');
    expect(v.parse(AuthUserResponseSchema, await (await request('/api/auth_user')).json()).user.user_id).toBe('roald.amundsen@example.org');

    const held = await tokens();
    const sent = [...metadata.accepted, ...search.accepted].slice(from);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const { authorization, token } of sent) {
      expect(token).toEqual({ access_token: held.accessToken, token_type: 'Bearer', expires_at: Math.floor(held.expiresAt / 1000) });
      expect(authorization.startsWith('Bearer {')).toBe(true);
      expect(authorization).not.toContain(held.refreshToken!);
      expect(authorization).not.toContain(held.idToken!);
    }
    // Recording the login (GET /user/…, then PUT /user when something is new) went through the gate too.
    expect(metadata.accepted.some((r) => r.method === 'GET' && r.path === '/user/roald.amundsen%40example.org')).toBe(true);
    expect(stack.logger.lines.join('\n')).not.toMatch(/access_token|eyJ/);
  });

  it('writes through the gate with the same token: a tag (and its search document, as Amundsen needs) and a description', async () => {
    stack = await startPresetStack('keycloak', { env: flaskoidcEnv() });
    const { request } = await signIn(stack);
    const put = (route: string, body: unknown) => request(`/api/metadata/v0/${route}`, { method: 'PUT', body: JSON.stringify(body) });
    const key = 'hive://gold.core/customers';

    expect((await put('update_table_tags', { key, tag: 'through_flaskoidc' })).status).toBe(200);
    expect(metadata.accepted.some((r) => r.method === 'PUT' && r.path === `/table/${key}/tag/through_flaskoidc`)).toBe(true);
    expect(search.accepted.filter((r) => r.path === '/v2/document').map((r) => r.method)).toEqual(['POST']);
    const found = v.parse(SearchResponseSchema, await (await request('/api/search/v1/search', searchFor('through_flaskoidc'))).json());
    expect(found.table?.results.map((t) => t.key)).toContain(key);

    const base = v.parse(TableDetailResponseSchema, await (await request(TABLE)).json()).tableData.description;
    expect((await put('put_table_description', { key, description: 'Written through flaskoidc', base })).status).toBe(200);
    expect(metadata.accepted.filter((r) => r.path === `/table/${key}/description`).map((r) => r.method)).toEqual(['GET', 'PUT']);
  });

  it('renews a token the service finds expired (its 302 to /logout) once, and the call succeeds', async () => {
    stack = await startPresetStack('keycloak', { env: flaskoidcEnv() });
    const { request, sid, tokens } = await signIn(stack);
    const before = await tokens();
    // Valid for Nansen a while yet, but the service's clock says it has run out.
    await stack.sessions.tokens.write(sid, { ...before, expiresAt: Date.now() + 90_000, obtainedBy: 'refresh' }, { ttlMs: 3_600_000 });
    metadata.setClockSkew(100);
    const refusedBefore = metadata.refusals.length;
    expect((await request(TABLE)).status).toBe(200);
    expect(metadata.refusals.slice(refusedBefore)).toEqual([{ path: '/table/hive://gold.core/customers', status: 302, why: 'expired' }]);
    expect((await tokens()).accessToken).not.toBe(before.accessToken);
  });

  it('ends the session when the renewed token is refused too, rather than looping', async () => {
    stack = await startPresetStack('keycloak', { env: flaskoidcEnv() });
    const { request, sid, tokens } = await signIn(stack);
    await stack.sessions.tokens.write(sid, { ...(await tokens()), obtainedBy: 'refresh' }, { ttlMs: 3_600_000 });
    metadata.setClockSkew(86_400);
    const res = await request(TABLE);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('session_expired');
    expect((await request('/api/auth_user')).status).toBe(401);
  });

  it('with the default UPSTREAM_AUTH=bearer, flaskoidc cannot read the token and the page says the service failed', async () => {
    stack = await startPresetStack('keycloak', { env: flaskoidcEnv({ UPSTREAM_AUTH: '' }) });
    const { request } = await signIn(stack);
    const res = await request(TABLE);
    expect(res.status).toBe(502);
    expect(metadata.refusals.at(-1)).toMatchObject({ status: 500, why: expect.stringMatching(/not JSON/) });
  });
});

describe('a search service that answers 200 with status_code 500', () => {
  let failing: FlaskoidcStandIn;
  let answer: Record<string, unknown>;
  beforeAll(async () => {
    const app = express();
    app.post('/v2/search', express.json(), (_req, res) => void res.json(answer));
    failing = await startFlaskoidcStandIn(app);
  });
  afterAll(() => failing.close());

  it('is an error for the user, not "0 results", with Elasticsearch\'s message in the log only', async () => {
    stack = await startPresetStack('keycloak', { env: flaskoidcEnv({ SEARCH_URL: failing.url }) });
    const { request } = await signIn(stack);

    answer = { msg: 'Success', page_index: 0, results_per_page: 10, status_code: 200, results: { table: { total_results: 0, results: [] } } };
    const none = await request('/api/search/v1/search', searchFor('nothing'));
    expect(none.status).toBe(200);
    expect(v.parse(SearchResponseSchema, await none.json()).table?.total_results).toBe(0);

    answer = { msg: 'TransportError(500, search_phase_execution_exception, [es-node-3] all shards failed)', page_index: 0, results_per_page: 10, status_code: 500, results: { table: { total_results: 0, results: [] } } };
    const failed = await request('/api/search/v1/search', searchFor('customers'));
    expect(failed.status).toBe(502);
    const body = await failed.json();
    expect(body.error).toMatchObject({ code: 'search_failed', message: expect.stringMatching(/^The search service failed to search/) });
    expect(JSON.stringify(body)).not.toContain('es-node-3');
    expect(stack.logger.lines.join('\n')).toMatch(/the search for table failed: TransportError\(500, search_phase_execution_exception/);

    // Elasticsearch unreachable: 200 with no results at all and an empty msg.
    answer = { msg: '', page_index: 0, results_per_page: 10, status_code: 200, results: {} };
    expect((await request('/api/search/v1/search', searchFor('customers'))).status).toBe(502);
  });
});
