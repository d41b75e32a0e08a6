import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTH_HEADER, authAs, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { ALICE, buildMetadataFixture, CUSTOMERS, OPS_DASHBOARD, ORDERS, QUOTED, REVENUE, REVENUE_DASHBOARD, encodeKey } from '../testing/metadata-fixture';

const USER_FIELDS = [
  'user_id', 'email', 'first_name', 'last_name', 'full_name', 'display_name', 'is_active', 'github_username',
  'team_name', 'slack_id', 'employee_type', 'manager_fullname', 'manager_email', 'manager_id', 'role_name',
  'profile_url', 'other_key_values',
].sort();

let catalog: TestCatalog;
const api = () => request(catalog.metadataApp);
const get = (path: string) => api().get(path).set(...AUTH_HEADER);
const putUser = (body: string) => api().put('/user').set(...AUTH_HEADER).set('Content-Type', 'text/plain').send(body);

beforeEach(() => {
  catalog = openTestCatalog(buildMetadataFixture());
});
afterEach(() => catalog.cleanup());

describe('GET /user/UID and /user', () => {
  it('answers a complete User, and 404 JSON for an unknown user (Amundsen: 500)', async () => {
    const res = await get(`/user/${ALICE}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(USER_FIELDS);
    expect(res.body).toMatchObject({ user_id: ALICE, email: ALICE, full_name: 'Alice Anders', team_name: 'Sales', is_active: true,
      manager_id: 'bob@example.org', manager_fullname: 'Bob Berg', other_key_values: {} });
    const missing = await get('/user/nobody@example.org');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: 'user_id nobody@example.org does not exist' });
  });

  it('lists active users only', async () => {
    const res = await get('/user');
    expect(res.status).toBe(200);
    const ids = res.body.map((u: { user_id: string }) => u.user_id);
    expect(ids).toContain(ALICE);
    expect(ids).not.toContain('gone@example.org');
    expect((await get('/user/')).status).toBe(404);
  });
});

describe('PUT /user', () => {
  it('creates (201) then updates (200) a user, answering the double-encoded User', async () => {
    const body = { email: 'zoe@example.org', first_name: 'Zoe', last_name: 'Zed', team_name: 'Data', unknown_field: 1 };
    const created = await putUser(JSON.stringify(body));
    expect(created.status).toBe(201);
    expect(typeof created.body).toBe('string');
    const user = JSON.parse(created.body as string);
    expect(Object.keys(user).sort()).toEqual(USER_FIELDS);
    expect(user).toMatchObject({ user_id: 'zoe@example.org', full_name: 'Zoe Zed', display_name: 'Zoe Zed', team_name: 'Data' });

    const updated = await putUser(JSON.stringify({ ...body, team_name: 'Platform' }));
    expect(updated.status).toBe(200);
    expect(JSON.parse(updated.body as string).team_name).toBe('Platform');
    expect((await get('/user/zoe@example.org')).body.team_name).toBe('Platform');

    const log = (await get('/edits?resource_key=zoe@example.org')).body.edits;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(log[0].before.team_name).toBe('Data');
    expect(log[0].after.team_name).toBe('Platform');
  });

  it('also accepts a double-encoded request body', async () => {
    const res = await putUser(JSON.stringify(JSON.stringify({ user_id: 'yan@example.org', display_name: 'Yan' })));
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body as string)).toMatchObject({ user_id: 'yan@example.org', email: null, display_name: 'Yan' });
  });

  it('answers 400 naming what is missing when no display name can be derived (API.md §3)', async () => {
    for (const body of [{ user_id: 'x' }, { user_id: 'x', first_name: 'Only' }, { user_id: 'x', last_name: 'Name' }]) {
      const res = await putUser(JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual({
        message: 'Invalid user: "display_name", "full_name" (or "first_name" and "last_name") or "email" must be provided.',
      });
    }
    expect((await get('/user/x')).status).toBe(404); // nothing was written
    // Each source of a display name is enough on its own.
    for (const body of [{ user_id: 'x1', display_name: 'X' }, { user_id: 'x2', full_name: 'X Y' },
      { user_id: 'x3', first_name: 'X', last_name: 'Y' }, { user_id: 'x4', email: 'x4@example.org' }]) {
      expect((await putUser(JSON.stringify(body))).status, JSON.stringify(body)).toBe(201);
    }
  });

  it('keeps the manager name and email it was given when the manager is not a known user', async () => {
    const body = { email: 'newhire@example.org', full_name: 'New Hire', manager_id: 'boss@elsewhere.org',
      manager_fullname: 'Big Boss', manager_email: 'boss@elsewhere.org' };
    const created = await putUser(JSON.stringify(body));
    expect(created.status).toBe(201);
    const expected = { manager_id: 'boss@elsewhere.org', manager_fullname: 'Big Boss', manager_email: 'boss@elsewhere.org' };
    expect(JSON.parse(created.body as string)).toMatchObject(expected);
    expect((await get('/user/newhire@example.org')).body).toMatchObject(expected);
    // Only a name (no manager id at all) survives as well.
    await putUser(JSON.stringify({ email: 'newhire@example.org', full_name: 'New Hire', manager_fullname: 'Big Boss' }));
    expect((await get('/user/newhire@example.org')).body).toMatchObject({ manager_id: null, manager_fullname: 'Big Boss', manager_email: null });
  });

  it("prefers a known manager's own name and email, falling back to the given ones per field", async () => {
    // Bob is known (full name "Bob Berg", email = his id); the profile's stale name loses to his row.
    await putUser(JSON.stringify({ email: 'newhire@example.org', full_name: 'New Hire', manager_id: 'bob@example.org',
      manager_fullname: 'Robert Berg (old)', manager_email: 'robert@old.example.org' }));
    expect((await get('/user/newhire@example.org')).body).toMatchObject({
      manager_id: 'bob@example.org', manager_fullname: 'Bob Berg', manager_email: 'bob@example.org' });
    // Carol is known only by id (no name): the given name fills the gap.
    await putUser(JSON.stringify({ email: 'newhire@example.org', full_name: 'New Hire', manager_id: 'carol@example.org',
      manager_fullname: 'Carol Chen' }));
    expect((await get('/user/newhire@example.org')).body).toMatchObject({
      manager_id: 'carol@example.org', manager_fullname: 'Carol Chen', manager_email: 'carol@example.org' });
    // A bare row's email is only its id: the email the profile gave wins over it.
    await putUser(JSON.stringify({ email: 'newhire@example.org', full_name: 'New Hire', manager_id: 'carol@example.org',
      manager_fullname: 'Carol Chen', manager_email: 'carol.chen@corp.example.org' }));
    expect((await get('/user/newhire@example.org')).body).toMatchObject({
      manager_id: 'carol@example.org', manager_fullname: 'Carol Chen', manager_email: 'carol.chen@corp.example.org' });
  });

  it('answers 400 for an empty body, no id or email, wrong types and invalid JSON', async () => {
    for (const body of ['', '{}', '{"first_name":"x"}', '{"email":5}', '{"email":"a@b","is_active":"yes"}', '{nope']) {
      const res = await putUser(body);
      expect(res.status, body).toBe(400);
      expect(typeof res.body.message).toBe('string');
    }
    expect((await api().put(`/user/${ALICE}`).set(...AUTH_HEADER).send('{}')).status).toBe(405);
  });
});

describe('follow, own and read', () => {
  it('follows tables and dashboards (type case-insensitive), lists them newest first, and unfollows', async () => {
    const me = authAs('newbie@example.org');
    expect((await get('/user/newbie@example.org/follow/')).body).toEqual({ table: [], dashboard: [] });
    for (const path of [`/user/newbie@example.org/follow/table/${ORDERS}`, `/user/newbie@example.org/follow/TABLE/${encodeKey(QUOTED)}`,
      `/user/newbie@example.org/follow/dashboard/${encodeURIComponent(OPS_DASHBOARD)}`, `/user/newbie@example.org/follow/dashboard/${REVENUE_DASHBOARD}`]) {
      const res = await api().put(path).set(...me);
      expect(res.status, path).toBe(200);
      expect(res.body.message).toMatch(/added successfully/);
    }
    const res = await get('/user/newbie@example.org/follow/');
    // Newest first (decision 089), not by name as Amundsen's Neo4j proxy lists them: made one after the other, in that order.
    expect(res.body.table.map((t: { name: string }) => t.name)).toEqual(["test's table", 'orders']);
    expect(Object.keys(res.body.table[0]).sort()).toEqual(['cluster', 'database', 'description', 'name', 'schema']);
    expect(res.body.dashboard.map((d: { name: string }) => d.name)).toEqual(['Revenue', 'Ops']);
    expect((await get('/user/newbie@example.org')).status).toBe(200); // created by the follow

    expect((await api().delete(`/user/newbie@example.org/follow/table/${ORDERS}`).set(...me)).status).toBe(200);
    expect((await get('/user/newbie@example.org/follow/')).body.table.map((t: { name: string }) => t.name)).toEqual(["test's table"]);
    const log = (await get('/edits?resource_key=newbie@example.org')).body.edits;
    expect(log[0]).toMatchObject({ action: 'remove', field: 'follow', before: { resource_type: 'table', resource_key: ORDERS }, after: null, user_id: 'newbie@example.org' });
  });

  it('keeps the order bookmarks were made in within one millisecond, and with the clock set back', async () => {
    const me = authAs('newbie@example.org');
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    try {
      for (const key of [CUSTOMERS, ORDERS, REVENUE]) expect((await api().put(`/user/newbie@example.org/follow/table/${key}`).set(...me)).status).toBe(200);
      now.mockReturnValue(1_700_000_000_000);
      expect((await api().put(`/user/newbie@example.org/follow/table/${encodeKey(QUOTED)}`).set(...me)).status).toBe(200);
    } finally {
      now.mockRestore();
    }
    const res = await get('/user/newbie@example.org/follow/');
    expect(res.body.table.map((t: { name: string }) => t.name)).toEqual(["test's table", 'revenue', 'orders', 'customers']);
  });

  it('lists a bookmark made again first, as the newest', async () => {
    const me = authAs('newbie@example.org');
    const follow = (key: string) => api().put(`/user/newbie@example.org/follow/table/${key}`).set(...me);
    for (const key of [ORDERS, encodeKey(QUOTED), CUSTOMERS, REVENUE]) expect((await follow(key)).status).toBe(200);
    const names = async () => (await get('/user/newbie@example.org/follow/')).body.table.map((t: { name: string }) => t.name);
    const before = await names();
    expect(before.at(-1)).toBe('orders');
    expect((await api().delete(`/user/newbie@example.org/follow/table/${ORDERS}`).set(...me)).status).toBe(200);
    expect((await follow(ORDERS)).status).toBe(200);
    expect(await names()).toEqual(['orders', ...before.slice(0, -1)]);
  });

  it('answers 404 for a missing resource, 400 for an unknown type, 308 without the slash', async () => {
    expect((await api().put(`/user/${ALICE}/follow/table/hive://gold.core/nope`).set(...AUTH_HEADER)).status).toBe(404);
    expect((await api().put(`/user/${ALICE}/follow/feature/x/y/1`).set(...AUTH_HEADER)).status).toBe(400);
    const redirect = await get(`/user/${ALICE}/follow`);
    expect(redirect.status).toBe(308);
    expect(redirect.headers.location).toBe(`/user/${ALICE}/follow/`);
  });

  it('lists owned tables and dashboards, and changes table and dashboard ownership', async () => {
    expect((await get(`/user/${ALICE}/own/`)).body).toEqual({
      table: [{ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders', description: 'All orders' }],
      dashboard: [expect.objectContaining({ uri: REVENUE_DASHBOARD, chart_names: ['Revenue by day', 'Top customers'] })],
    });
    expect((await api().put(`/user/${ALICE}/own/table/${CUSTOMERS}`).set(...AUTH_HEADER)).status).toBe(200);
    expect((await api().delete(`/user/${ALICE}/own/dashboard/${REVENUE_DASHBOARD}`).set(...AUTH_HEADER)).status).toBe(200);
    const res = await get(`/user/${ALICE}/own/`);
    expect(res.body.table.map((t: { name: string }) => t.name)).toEqual(['customers', 'orders']);
    expect(res.body.dashboard).toEqual([]);
    expect((await get(`/table/${CUSTOMERS}`)).body.owners.map((u: { user_id: string }) => u.user_id)).toEqual([ALICE]);
    expect((await api().put(`/user/${ALICE}/own/table/hive://gold.core/nope`).set(...AUTH_HEADER)).status).toBe(404);
  });

  it('lists tables read, most read first, without a dashboard key', async () => {
    const res = await get('/user/bob@example.org/read/');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['table']);
    expect(res.body.table.map((t: { name: string }) => t.name)).toEqual(['customers', 'orders', 'revenue']);
    expect((await get('/user/nobody@example.org/read/')).body).toEqual({ table: [] });
    expect((await get(`/user/bob@example.org/read`)).status).toBe(308);
    expect(REVENUE).toBeTruthy();
  });
});
