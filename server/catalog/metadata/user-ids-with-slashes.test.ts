// Regression: a user whose id holds "/" had no profile, lists or follows (the /user routes matched the
// UID as one path segment after decoding). Amundsen binds the UID with `<path:…>`; the catalog tells
// the UID from the route's fixed suffix (decision 032), whether the "/" comes raw or as %2F.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_HEADER, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { buildMetadataFixture, CUSTOMERS, encodeKey, ORDERS, REVENUE_DASHBOARD } from '../testing/metadata-fixture';

const SLASHED = 'a/b@x.org';
const ODD = "o'brien/ä#1?x=y z";
/** A UID that looks like the start of a suffix route; still told apart by what follows it. */
const TRICKY = 'team/own/lead@x.org';

let catalog: TestCatalog;
const api = () => request(catalog.metadataApp);
const get = (path: string) => api().get(path).set(...AUTH_HEADER);

/** How the BFF sends a UID (slashes kept, like a key) and how a client that encodes everything does. */
const FORMS = {
  'raw slashes': (uid: string) => encodeKey(uid),
  '%2F': (uid: string) => encodeURIComponent(uid),
};

beforeAll(() => {
  const fixture = buildMetadataFixture();
  fixture.users!.push({ user_id: SLASHED, first_name: 'Ann', last_name: 'Slash' }, { user_id: ODD, full_name: "Ó Brien" }, { user_id: TRICKY, full_name: 'Tricky' });
  const orders = fixture.tables!.find((t) => `${t.database}://${t.cluster}.${t.schema}/${t.name}` === ORDERS)!;
  orders.owners = [...(orders.owners ?? []), SLASHED];
  orders.readers = [...(orders.readers ?? []), { user_id: ODD, read_count: 9 }, { user_id: TRICKY, read_count: 1 }];
  fixture.dashboards![0]!.owners = [...(fixture.dashboards![0]!.owners ?? []), ODD, TRICKY];
  catalog = openTestCatalog(fixture);
});
afterAll(() => catalog.cleanup());

describe.each(Object.entries(FORMS))('a UID with "/" sent with %s', (_form, encode) => {
  it('answers the profile of each person', async () => {
    for (const [uid, name] of [[SLASHED, 'Ann Slash'], [ODD, 'Ó Brien'], [TRICKY, 'Tricky']] as const) {
      const res = await get(`/user/${encode(uid)}`);
      expect(res.status, uid).toBe(200);
      expect(res.body, uid).toMatchObject({ user_id: uid, display_name: name });
    }
  });

  it('lists what they own, read and follow, not the detail of a longer UID', async () => {
    expect((await get(`/user/${encode(SLASHED)}/own/`)).body).toEqual({
      table: [expect.objectContaining({ name: 'orders' })], dashboard: [],
    });
    expect((await get(`/user/${encode(ODD)}/own/`)).body).toEqual({
      table: [], dashboard: [expect.objectContaining({ uri: REVENUE_DASHBOARD })],
    });
    expect((await get(`/user/${encode(ODD)}/read/`)).body).toEqual({ table: [expect.objectContaining({ name: 'orders' })] });
    expect((await get(`/user/${encode(TRICKY)}/own/`)).body.dashboard).toEqual([expect.objectContaining({ uri: REVENUE_DASHBOARD })]);
    expect((await get(`/user/${encode(TRICKY)}/read/`)).body.table).toEqual([expect.objectContaining({ name: 'orders' })]);
    expect((await get(`/user/${encode(SLASHED)}/follow/`)).body).toEqual({ table: [], dashboard: [] });
  });

  it('redirects a list without its slash to the same UID with the slash', async () => {
    const path = `/user/${encode(SLASHED)}/read`;
    const res = await get(path);
    expect(res.status).toBe(308);
    expect(res.headers.location).toBe(`${path}/`);
  });

  it('follows and unfollows a table and a dashboard whose keys hold "/" too', async () => {
    for (const uid of [SLASHED, ODD, TRICKY]) {
      const base = `/user/${encode(uid)}/follow`;
      expect((await api().put(`${base}/table/${encodeKey(CUSTOMERS)}`).set(...AUTH_HEADER)).status, uid).toBe(200);
      const put = await api().put(`${base}/dashboard/${encodeKey(REVENUE_DASHBOARD)}`).set(...AUTH_HEADER);
      expect(put.status, uid).toBe(200);
      expect(put.body.message).toBe(`The user ${uid} for id ${REVENUE_DASHBOARD} resource type dashboard is added successfully`);
      const followed = (await get(`${base}/`)).body;
      expect(followed.table.map((t: { name: string }) => t.name), uid).toEqual(['customers']);
      expect(followed.dashboard.map((d: { uri: string }) => d.uri), uid).toEqual([REVENUE_DASHBOARD]);
      expect((await api().delete(`${base}/table/${encodeKey(CUSTOMERS)}`).set(...AUTH_HEADER)).status).toBe(200);
      expect((await api().delete(`${base}/dashboard/${encodeKey(REVENUE_DASHBOARD)}`).set(...AUTH_HEADER)).status).toBe(200);
      expect((await get(`${base}/`)).body, uid).toEqual({ table: [], dashboard: [] });
    }
  });

  it('adds and removes an owner whose UID holds "/" (and "/own/")', async () => {
    for (const uid of [ODD, TRICKY]) {
      const base = `/user/${encode(uid)}/own`;
      const put = await api().put(`${base}/table/${encodeKey(CUSTOMERS)}`).set(...AUTH_HEADER);
      expect(put.body.message, uid).toBe(`The owner ${uid} for id ${CUSTOMERS} resource type table is added successfully`);
      expect((await get(`/table/${encodeKey(CUSTOMERS)}`)).body.owners.map((u: { user_id: string }) => u.user_id), uid).toEqual([uid]);
      expect((await api().delete(`${base}/table/${encodeKey(CUSTOMERS)}`).set(...AUTH_HEADER)).status, uid).toBe(200);
      expect((await get(`/table/${encodeKey(CUSTOMERS)}`)).body.owners, uid).toEqual([]);
    }
  });

  it('still names an unknown TYPE after a UID with "/" (400)', async () => {
    const res = await api().put(`/user/${encode(SLASHED)}/follow/feature/x/y/1`).set(...AUTH_HEADER);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ message: 'Unknown resource type "feature"; use table or dashboard' });
  });

  it('personalises popular resources for the UID', async () => {
    const res = await get(`/popular_resources/${encode(ODD)}?types=table`);
    expect(res.status).toBe(200);
    expect(res.body.Table.length).toBeGreaterThan(0);
  });
});

it('still answers 404 JSON for an unknown UID with "/", naming it', async () => {
  const res = await get(`/user/${encodeKey('no/one@x.org')}`);
  expect(res.status).toBe(404);
  expect(res.body).toEqual({ message: 'user_id no/one@x.org does not exist' });
});
