// The metadata client on the wire, against a stand-in service that answers like Amundsen's (API.md §4):
// the paths it calls, the slashes they need, the lineage GET body, and the answers' quirks.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../http/logger';
import { createEditLogPresence, EDIT_LOG_RECHECK_MS } from './edit-log-presence';
import { createMetadataClient, type MetadataClient } from './metadata-client';
import { createUpstreamHttp, type UpstreamHttp } from './upstream-http';

interface Seen { method: string; url: string; contentType: string | undefined; body: string; ifMatch?: string }

const LINEAGE = { key: 'hive://gold.s/t', direction: 'both', depth: 2, upstream_entities: [], downstream_entities: [], upstream_count: null, downstream_count: null };

describe('metadata client', () => {
  let server: http.Server;
  let upstream: UpstreamHttp;
  let metadata: MetadataClient;
  const seen: Seen[] = [];
  let answers: Record<string, { status: number; body?: unknown; etag?: string }> = {};

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, contentType: req.headers['content-type'], body, ...(req.headers['if-match'] ? { ifMatch: req.headers['if-match'] } : {}) });
        const path = req.url!.split('?')[0]!;
        // Like Flask-RESTful's reqparse under Werkzeug ≥ 2.3: lineage without a JSON body is refused.
        if (path.endsWith('/lineage') && (req.headers['content-type'] !== 'application/json' || body === '')) {
          res.writeHead(415, { 'content-type': 'application/json' }).end('{"message": "Unsupported Media Type"}');
          return;
        }
        const answer = answers[path] ?? { status: 404, body: { message: `no ${path}` } };
        res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.etag ? { etag: answer.etag } : {}) }).end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    upstream = createUpstreamHttp({ name: 'metadata service', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 2000, logger: createMemoryLogger() });
    metadata = createMetadataClient(upstream);
  });
  afterAll(async () => {
    await upstream.close();
    await new Promise((r) => server.close(r));
  });

  it('sends lineage GETs with a JSON content type and an empty JSON object, the depth and direction in the query', async () => {
    answers = { '/table/hive://gold.s/t/lineage': { status: 200, body: LINEAGE }, '/table/hive://gold.s/t/column/a%20b/lineage': { status: 200, body: LINEAGE } };
    await expect(metadata.getTableLineage('t', 'hive://gold.s/t', { depth: 2, direction: 'both' })).resolves.toMatchObject({ key: 'hive://gold.s/t' });
    expect(seen.at(-1)).toEqual({ method: 'GET', url: '/table/hive://gold.s/t/lineage?depth=2&direction=both', contentType: 'application/json', body: '{}' });
    await metadata.getColumnLineage('t', 'hive://gold.s/t', 'a b', { depth: 1, direction: 'upstream' });
    expect(seen.at(-1)).toMatchObject({ url: '/table/hive://gold.s/t/column/a%20b/lineage?depth=1&direction=upstream', contentType: 'application/json', body: '{}' });
  });

  it('calls the slash routes with their trailing slash, and user ids as Amundsen\'s <path:> takes them: "/" kept, the rest escaped', async () => {
    answers = {
      '/tags/': { status: 200, body: { tag_usages: [{ tag_name: 'pii', tag_count: 3 }] } },
      '/badges/': { status: 200, body: { badges: [{ badge_name: 'beta', category: 'table_status' }] } },
      '/table/hive://gold.s/t/dashboard/': { status: 200, body: { dashboards: [] } },
      '/user/a/b%40example.org/follow/': { status: 200, body: { table: [], dashboard: [] } },
      '/user/a/b%40example.org/own/': { status: 200, body: { table: [] } },
      '/user/a/b%40example.org/read/': { status: 200, body: { table: [{ database: 'hive', cluster: 'gold', schema: 's', name: 't', description: null }] } },
    };
    await expect(metadata.getTagUsages('t')).resolves.toEqual([{ tag_name: 'pii', tag_count: 3 }]);
    await expect(metadata.getBadges('t')).resolves.toEqual([{ badge_name: 'beta', category: 'table_status' }]);
    await expect(metadata.getTableDashboards('t', 'hive://gold.s/t')).resolves.toEqual([]);
    await expect(metadata.getBookmarks('t', 'a/b@example.org')).resolves.toEqual({ table: [], dashboard: [] });
    // A service without dashboards leaves them out of the owned list.
    await expect(metadata.getOwned('t', 'a/b@example.org')).resolves.toEqual({ table: [], dashboard: [] });
    await expect(metadata.getRead('t', 'a/b@example.org')).resolves.toHaveLength(1);
    expect(seen.slice(-6).map((s) => s.url)).toEqual(Object.keys(answers));
  });

  it('reads the never-updated 204 of the last update time as null', async () => {
    answers = { '/latest_updated_ts': { status: 204 } };
    await expect(metadata.getLastIndexed('t')).resolves.toBeNull();
    answers = { '/latest_updated_ts': { status: 200, body: { neo4j_latest_timestamp: 1700000000 } } };
    await expect(metadata.getLastIndexed('t')).resolves.toBe(1700000000);
  });

  it('reads popular resources with capitalised keys and a type not asked for as {}', async () => {
    answers = { '/popular_resources/': { status: 200, body: { Table: {}, Dashboard: [{ uri: 'mode_dashboard://c.g/d', cluster: 'c', name: 'D' }] } } };
    const popular = await metadata.getPopularResources('t', 4, ['dashboard']);
    expect(seen.at(-1)!.url).toBe('/popular_resources/?limit=4&types=dashboard');
    expect(popular.Table).toEqual([]);
    expect(popular.Dashboard).toEqual([expect.objectContaining({ uri: 'mode_dashboard://c.g/d', product: null, chart_names: [], group_name: null })]);
  });

  it('reads a description with its ETag and writes it with If-Match only when there was one', async () => {
    const path = '/table/hive://gold.s/t/column/a%20b/description';
    answers = { [path]: { status: 200, body: { description: 'Old' }, etag: '"d-1"' } };
    const ref = { type: 'column', tableKey: 'hive://gold.s/t', column: 'a b' } as const;
    await expect(metadata.getDescription('t', ref)).resolves.toEqual({ description: 'Old', etag: '"d-1"' });
    await metadata.putDescription('t', ref, 'New', '"d-1"');
    expect(seen.at(-1)).toMatchObject({ method: 'PUT', url: path, body: '{"description":"New"}', ifMatch: '"d-1"' });
    await metadata.putDescription('t', ref, 'Newer', null);
    expect(seen.at(-1)!.ifMatch).toBeUndefined();
    answers = { '/type_metadata/hive://gold.s/t/c/type/c/x/description': { status: 200, body: { description: null } } };
    await expect(metadata.getDescription('t', { type: 'type_metadata', typeMetadataKey: 'hive://gold.s/t/c/type/c/x' })).resolves.toEqual({ description: null, etag: null });
  });

  it('sends tag changes as reqparse wants them (tag_type in the query, a JSON {} body), and bookmarks by user id and key', async () => {
    answers = {
      '/table/hive://gold.s/t/tag/pii': { status: 200, body: { message: 'ok' } },
      '/dashboard/mode_dashboard://c.g/d/tag/pii': { status: 200, body: { message: 'ok' } },
      '/user/a%40example.org/follow/table/hive://gold.s/t': { status: 200, body: { message: 'ok' } },
      "/user/o'brien/%C3%A4%231%3Fx%3Dy%20z/follow/dashboard/mode_dashboard://c.g/d": { status: 200, body: { message: 'ok' } },
    };
    await metadata.addTag('t', 'table', 'hive://gold.s/t', 'pii');
    expect(seen.at(-1)).toEqual({ method: 'PUT', url: '/table/hive://gold.s/t/tag/pii?tag_type=default', contentType: 'application/json', body: '{}' });
    await metadata.removeTag('t', 'dashboard', 'mode_dashboard://c.g/d', 'pii');
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', url: '/dashboard/mode_dashboard://c.g/d/tag/pii?tag_type=default', body: '{}' });
    await metadata.addBookmark('t', 'a@example.org', 'table', 'hive://gold.s/t');
    await metadata.removeBookmark('t', 'a@example.org', 'table', 'hive://gold.s/t');
    await metadata.addBookmark('t', "o'brien/ä#1?x=y z", 'dashboard', 'mode_dashboard://c.g/d');
    await metadata.removeBookmark('t', "o'brien/ä#1?x=y z", 'dashboard', 'mode_dashboard://c.g/d');
    expect(seen.slice(-4).map((s) => `${s.method} ${s.url}`)).toEqual([
      'PUT /user/a%40example.org/follow/table/hive://gold.s/t',
      'DELETE /user/a%40example.org/follow/table/hive://gold.s/t',
      "PUT /user/o'brien/%C3%A4%231%3Fx%3Dy%20z/follow/dashboard/mode_dashboard://c.g/d",
      "DELETE /user/o'brien/%C3%A4%231%3Fx%3Dy%20z/follow/dashboard/mode_dashboard://c.g/d",
    ]);
  });

  it('sends a table owner as one segment of /table/KEY/owner/, and an owner whose id holds "/" as the UID of /user/UID/own/table/KEY', async () => {
    const key = 'hive://gold.s/t';
    answers = Object.fromEntries([
      '/table/hive://gold.s/t/owner/ann%40example.org',
      '/table/hive://gold.s/t/owner/Jane%20Doe',
      '/user/team/ana%40example.org/own/table/hive://gold.s/t',
      "/user/o'brien/%C3%A4%231%3Fx%3Dy%20z/own/table/hive://gold.s/t",
    ].map((path) => [path, { status: 200, body: { message: 'ok' } }]));
    for (const owner of ['ann@example.org', 'Jane Doe', 'team/ana@example.org', "o'brien/ä#1?x=y z"]) {
      await metadata.addTableOwner('t', key, owner);
      await metadata.removeTableOwner('t', key, owner);
    }
    expect(seen.slice(-8).map((s) => `${s.method} ${s.url}`)).toEqual([
      'PUT /table/hive://gold.s/t/owner/ann%40example.org',
      'DELETE /table/hive://gold.s/t/owner/ann%40example.org',
      'PUT /table/hive://gold.s/t/owner/Jane%20Doe',
      'DELETE /table/hive://gold.s/t/owner/Jane%20Doe',
      'PUT /user/team/ana%40example.org/own/table/hive://gold.s/t',
      'DELETE /user/team/ana%40example.org/own/table/hive://gold.s/t',
      "PUT /user/o'brien/%C3%A4%231%3Fx%3Dy%20z/own/table/hive://gold.s/t",
      "DELETE /user/o'brien/%C3%A4%231%3Fx%3Dy%20z/own/table/hive://gold.s/t",
    ]);
  });

  it('refuses, without calling the service, an owner id with a dot segment or that Amundsen would cut at "/own" or "/follow"', async () => {
    const calls = seen.length;
    for (const owner of ['..', '.', 'a/../b@example.org', 'team/.', 'team/own/ana@example.org', 'team/follow/ana@example.org', 'team/own']) {
      await expect(metadata.addTableOwner('t', 'hive://gold.s/t', owner), owner).rejects.toMatchObject({ name: 'InputError', code: 'invalid_user_id', status: 400 });
      await expect(metadata.removeTableOwner('t', 'hive://gold.s/t', owner), owner).rejects.toMatchObject({ code: 'invalid_user_id' });
    }
    expect(seen.length).toBe(calls);
  });

  it('refuses, without calling the service, a user id whose "." or ".." between slashes a proxy could resolve', async () => {
    const calls = seen.length;
    for (const userId of ['a/../b@example.org', './b@example.org', 'a/.', 'a//..//b']) {
      await expect(metadata.getUser('t', userId), userId).rejects.toMatchObject({ name: 'InputError', code: 'invalid_user_id', status: 400 });
      await expect(metadata.getOwned('t', userId), userId).rejects.toMatchObject({ code: 'invalid_user_id' });
      await expect(metadata.getRead('t', userId), userId).rejects.toMatchObject({ code: 'invalid_user_id' });
      await expect(metadata.getBookmarks('t', userId), userId).rejects.toMatchObject({ code: 'invalid_user_id' });
      await expect(metadata.addBookmark('t', userId, 'table', 'hive://gold.s/t'), userId).rejects.toMatchObject({ code: 'invalid_user_id' });
      await expect(metadata.removeBookmark('t', userId, 'table', 'hive://gold.s/t'), userId).rejects.toMatchObject({ code: 'invalid_user_id' });
    }
    expect(seen.length).toBe(calls);
    // Dots inside a segment, and a lone "." or ".." (one segment: nothing to resolve it against), are ids like any other.
    answers = { '/user/a/b..c%40example.org': { status: 200, body: { user_id: 'a/b..c@example.org' } }, '/user/..': { status: 200, body: { user_id: '..' } } };
    await expect(metadata.getUser('t', 'a/b..c@example.org')).resolves.toMatchObject({ user_id: 'a/b..c@example.org' });
    await expect(metadata.getUser('t', '..')).resolves.toMatchObject({ user_id: '..' });
  });

  it("reads the catalog's edit log with its filters, and a service without one (Amundsen: 404) as null", async () => {
    const edit = { id: 7, resource_key: 'hive://gold.s/t', parent_key: 'hive://gold.s/t', resource_type: 'table', action: 'add', field: 'tag',
      before: [], after: ['pii'], user_id: 'a@example.org', user_display_name: null, edited_at: '2025-01-01T00:00:00.000Z' };
    answers = { '/edits': { status: 200, body: { edits: [edit] } } };
    const query = { parentKey: 'hive://gold.s/t', resourceTypes: ['table', 'column'] as const, limit: 26, before: 100 };
    await expect(metadata.listEdits('t', query)).resolves.toEqual([edit]);
    expect(seen.at(-1)!.url).toBe('/edits?parent_key=hive%3A%2F%2Fgold.s%2Ft&resource_type=table%2Ccolumn&limit=26&before=100');
    await metadata.listEdits('t', { resourceKey: 'hive://gold.s/t/c', userId: 'a@example.org', resourceTypes: ['column'], field: 'description', limit: 1 });
    expect(seen.at(-1)!.url).toBe('/edits?resource_key=hive%3A%2F%2Fgold.s%2Ft%2Fc&user_id=a%40example.org&resource_type=column&field=description&limit=1');
    // A client of its own: this one now remembers the 404 (the next test asks the shared one).
    answers = {};
    await expect(createMetadataClient(upstream).listEdits('t', query)).resolves.toBeNull();
  });

  it("asks the edit log for its total with_total, and reads a catalog that leaves it out (older) as no total", async () => {
    const edit = { id: 7, resource_key: 'hive://gold.s/t', parent_key: 'hive://gold.s/t', resource_type: 'table', action: 'add', field: 'tag',
      before: [], after: ['pii'], user_id: 'a@example.org', user_display_name: null, edited_at: '2025-01-01T00:00:00.000Z' };
    const query = { userId: 'a/b@example.org', resourceTypes: ['table', 'dashboard'] as const, limit: 26 };
    answers = { '/edits': { status: 200, body: { edits: [edit], total: 31 } } };
    await expect(metadata.listEditsWithTotal('t', query)).resolves.toEqual({ edits: [edit], total: 31 });
    expect(seen.at(-1)!.url).toBe('/edits?user_id=a%2Fb%40example.org&resource_type=table%2Cdashboard&limit=26&with_total=true');
    await metadata.listEdits('t', query);
    expect(seen.at(-1)!.url).toBe('/edits?user_id=a%2Fb%40example.org&resource_type=table%2Cdashboard&limit=26');
    answers = { '/edits': { status: 200, body: { edits: [edit] } } };
    await expect(metadata.listEditsWithTotal('t', query)).resolves.toEqual({ edits: [edit], total: null });
    answers = { '/edits': { status: 200, body: { edits: [edit], total: -1 } } };
    await expect(metadata.listEditsWithTotal('t', query)).rejects.toMatchObject({ code: 'upstream_bad_response' });
    answers = {};
    await expect(createMetadataClient(upstream).listEditsWithTotal('t', query)).resolves.toBeNull();
  });

  it('asks a service that answered GET /edits with 404 no more until the recheck time has passed, for the page and the one-edit read alike', async () => {
    let now = 0;
    const client = createMetadataClient(upstream, { editLog: createEditLogPresence(() => now) });
    const query = { parentKey: 'hive://gold.s/t', resourceTypes: ['table'] as const, limit: 26 };
    const editsAsked = () => seen.filter((s) => s.url.startsWith('/edits?')).length;
    answers = {};
    const before = editsAsked();
    await expect(client.listEditsWithTotal('t', query)).resolves.toBeNull();
    expect(editsAsked()).toBe(before + 1);
    await expect(client.listEditsWithTotal('t', query)).resolves.toBeNull();
    await expect(client.listEdits('t', { resourceKey: 'hive://gold.s/t', resourceTypes: ['table'], field: 'description', limit: 1 })).resolves.toBeNull();
    expect(editsAsked()).toBe(before + 1);
    // Later the service keeps a log after all (a Nansen catalog now at that URL): asked again, and read.
    now = EDIT_LOG_RECHECK_MS;
    answers = { '/edits': { status: 200, body: { edits: [], total: 0 } } };
    await expect(client.listEditsWithTotal('t', query)).resolves.toEqual({ edits: [], total: 0 });
    await expect(client.listEditsWithTotal('t', query)).resolves.toEqual({ edits: [], total: 0 });
    expect(editsAsked()).toBe(before + 3);
  });

  it('keeps asking a service whose GET /edits failed otherwise (500), as it may keep a log', async () => {
    const client = createMetadataClient(upstream, { editLog: createEditLogPresence(() => 0) });
    answers = { '/edits': { status: 500, body: { message: 'down' } } };
    const before = seen.length;
    await expect(client.listEdits('t', { resourceTypes: ['table'], limit: 1 })).rejects.toMatchObject({ code: 'upstream_failed' });
    answers = { '/edits': { status: 200, body: { edits: [] } } };
    await expect(client.listEdits('t', { resourceTypes: ['table'], limit: 1 })).resolves.toEqual([]);
    expect(seen.slice(before).filter((s) => s.url.startsWith('/edits?'))).toHaveLength(2);
  });
  it('reads a table, a dashboard and a person by their escaped keys, and records a person with a PUT', async () => {
    answers = {
      "/table/hive://gold.s/t's": { status: 200, body: { database: 'hive', cluster: 'gold', schema: 's', name: "t's" } },
      '/dashboard/mode_dashboard://c.g/d%20e': { status: 200, body: { uri: 'mode_dashboard://c.g/d e', cluster: 'c', name: 'D' } },
      '/user/a/b%40example.org': { status: 200, body: { user_id: 'a/b@example.org' } },
      '/user': { status: 200, body: '"{}"' },
    };
    await expect(metadata.getTable('t', "hive://gold.s/t's")).resolves.toMatchObject({ name: "t's", columns: [] });
    await expect(metadata.getDashboard('t', 'mode_dashboard://c.g/d e')).resolves.toMatchObject({ name: 'D', owners: [] });
    await expect(metadata.getUser('t', 'a/b@example.org')).resolves.toMatchObject({ user_id: 'a/b@example.org', email: null });
    const person = { user_id: 'a@example.org', email: 'a@example.org', display_name: 'A' };
    await metadata.putUser('t', person as Parameters<MetadataClient['putUser']>[1]);
    expect(seen.slice(-4).map((s) => `${s.method} ${s.url}`)).toEqual([
      "GET /table/hive://gold.s/t's", 'GET /dashboard/mode_dashboard://c.g/d%20e', 'GET /user/a/b%40example.org', 'PUT /user',
    ]);
    expect(seen.at(-1)).toMatchObject({ contentType: 'application/json', body: JSON.stringify(person) });
  });

  it("reads and writes a table's own description at its path", async () => {
    answers = { '/table/hive://gold.s/t/description': { status: 200, body: { description: 'Old' } } };
    await expect(metadata.getDescription('t', { type: 'table', tableKey: 'hive://gold.s/t' })).resolves.toEqual({ description: 'Old', etag: null });
    await metadata.putDescription('t', { type: 'table', tableKey: 'hive://gold.s/t' }, 'New', null);
    expect(seen.slice(-2).map((s) => `${s.method} ${s.url}`)).toEqual(['GET /table/hive://gold.s/t/description', 'PUT /table/hive://gold.s/t/description']);
  });

  it('asks for several popular types comma-separated', async () => {
    answers = { '/popular_resources/': { status: 200, body: { Table: [], Dashboard: [] } } };
    await metadata.getPopularResources('t', 12, ['table', 'dashboard']);
    expect(seen.at(-1)!.url).toBe('/popular_resources/?limit=12&types=table%2Cdashboard');
  });

  it('passes on an edit log failure other than a missing route', async () => {
    answers = { '/edits': { status: 500, body: { message: 'down' } } };
    await expect(metadata.listEdits('t', { resourceTypes: ['table'], limit: 1 })).rejects.toMatchObject({ code: 'upstream_failed' });
  });
});
