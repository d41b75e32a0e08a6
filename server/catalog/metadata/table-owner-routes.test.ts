// The two routes that set a table's ownership, `/table/KEY/owner/<owner>` and
// `/user/<UID>/own/table/KEY`, are one edit to the catalog: the BFF uses the second for an owner whose
// id holds "/" (decision 032). Each records the same entry in the edit log (field `owner`, the token's
// editor, the owners before and after) and leaves the same search documents (a new owner becomes a
// person the user search finds; the table's document and popularity are rebuilt alike).
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { authAs, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { buildMetadataFixture, encodeKey, ORDERS } from '../testing/metadata-fixture';

const EDITOR = 'steward@example.org';
const NEW_OWNER = 'new.owner@example.org';

const ROUTES = {
  '/table/KEY/owner/<owner>': (owner: string) => `/table/${encodeKey(ORDERS)}/owner/${encodeURIComponent(owner)}`,
  '/user/<UID>/own/table/KEY': (owner: string) => `/user/${encodeKey(owner)}/own/table/${encodeKey(ORDERS)}`,
};

const opened: TestCatalog[] = [];
afterEach(() => {
  for (const catalog of opened.splice(0)) catalog.cleanup();
});

/** On a fresh catalog: add then remove NEW_OWNER of ORDERS through `route`; what the catalog then holds. */
async function addAndRemoveThrough(route: keyof typeof ROUTES) {
  const catalog = openTestCatalog(buildMetadataFixture());
  opened.push(catalog);
  const metadata = () => request(catalog.metadataApp);
  const search = async (body: object) => (await request(catalog.searchApp).post('/v2/search').set(...authAs(EDITOR)).send(body)).body as unknown;
  const owners = async () =>
    ((await metadata().get(`/table/${encodeKey(ORDERS)}`).set(...authAs(EDITOR))).body.owners as { user_id: string }[]).map((u) => u.user_id);
  const path = ROUTES[route](NEW_OWNER);
  const before = await owners();

  expect((await metadata().put(path).set(...authAs(EDITOR))).status).toBe(200);
  const added = {
    owners: await owners(),
    people: await search({ query_term: 'new.owner', resource_types: ['user'] }),
    tables: await search({ query_term: 'orders', resource_types: ['table'] }),
  };
  expect((await metadata().delete(path).set(...authAs(EDITOR))).status).toBe(200);
  const edits = (await metadata().get(`/edits?resource_key=${encodeURIComponent(ORDERS)}`).set(...authAs(EDITOR))).body.edits as Record<string, unknown>[];
  return {
    before,
    added,
    removed: { owners: await owners(), people: await search({ query_term: 'new.owner', resource_types: ['user'] }) },
    // The log's own id and time differ from catalog to catalog.
    edits: edits.map(({ id: _id, edited_at: _at, ...entry }) => entry),
  };
}

describe('adding and removing a table owner', () => {
  it.each(Object.keys(ROUTES) as (keyof typeof ROUTES)[])('through %s logs an owner edit by the token\'s editor', async (route) => {
    const { before, added, removed, edits } = await addAndRemoveThrough(route);
    expect(added.owners).toEqual([...before, NEW_OWNER]);
    expect(removed.owners).toEqual(before);
    expect(edits.slice(0, 2)).toEqual([
      expect.objectContaining({ resource_key: ORDERS, resource_type: 'table', field: 'owner', action: 'remove', before: [...before, NEW_OWNER], after: before, user_id: EDITOR }),
      expect.objectContaining({ resource_key: ORDERS, resource_type: 'table', field: 'owner', action: 'add', before, after: [...before, NEW_OWNER], user_id: EDITOR }),
    ]);
    const people = (added.people as { results: { user: { results: { user_id: string }[] } } }).results.user.results;
    expect(people.map((p) => p.user_id)).toContain(NEW_OWNER);
  });

  it('leaves the same log, owners and search documents whichever route was used', async () => {
    const [byTable, byUser] = [await addAndRemoveThrough('/table/KEY/owner/<owner>'), await addAndRemoveThrough('/user/<UID>/own/table/KEY')];
    expect(byUser).toEqual(byTable);
  });
});

describe('an owner added by an id that is no one', () => {
  // The exploratory tester's repro: "roald" and "ROALD" (Roald's login, not his user id) made people
  // whom People search and the owner picker ranked above Roald Amundsen himself.
  it('is an owner but not a person the user search finds, until a profile names them', async () => {
    const catalog = openTestCatalog(buildMetadataFixture());
    opened.push(catalog);
    const metadata = () => request(catalog.metadataApp);
    const people = async (term: string) =>
      ((await request(catalog.searchApp).post('/v2/search').set(...authAs(EDITOR)).send({ query_term: term, resource_types: ['user'] }))
        .body as { results: { user: { results: { user_id: string }[] } } }).results.user.results.map((p) => p.user_id);
    for (const id of ['alice', 'ALICE']) {
      expect((await metadata().put(ROUTES['/table/KEY/owner/<owner>'](id)).set(...authAs(EDITOR))).status).toBe(200);
    }
    const owners = ((await metadata().get(`/table/${encodeKey(ORDERS)}`).set(...authAs(EDITOR))).body.owners as { user_id: string }[]).map((u) => u.user_id);
    expect(owners).toEqual(expect.arrayContaining(['alice', 'ALICE']));
    expect(await people('alice')).toEqual(['alice@example.org']);

    expect((await metadata().put('/user').set(...authAs(EDITOR)).send({ user_id: 'alice', first_name: 'Other', last_name: 'Alice' })).status).toBe(200);
    expect(await people('alice')).toEqual(expect.arrayContaining(['alice@example.org', 'alice']));
  });
});
