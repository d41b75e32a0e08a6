import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_HEADER, authAs, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { ALICE, buildMetadataFixture, ORDERS, PAYLOAD_TYPE, REVENUE_DASHBOARD } from '../testing/metadata-fixture';
import { descriptionEtag, ifMatchAccepts } from './description-etag';

let catalog: TestCatalog;
const api = () => request(catalog.metadataApp);
const get = (path: string) => api().get(path).set(...AUTH_HEADER);
const put = (path: string, description: string | null, ifMatch?: string) => {
  const req = api().put(path).set(...AUTH_HEADER).set('Content-Type', 'text/plain');
  return (ifMatch === undefined ? req : req.set('If-Match', ifMatch)).send(JSON.stringify({ description }));
};
const edits = async (query: string) => (await get(`/edits?${query}`)).body.edits as { resource_key: string; [k: string]: unknown }[];

afterEach(() => catalog.cleanup());

/** A description of each kind the metadata API writes, by its path. */
const paths = {
  table: `/table/${ORDERS}/description`,
  column: `/table/${ORDERS}/column/order_id/description`,
  'nested type': `/type_metadata/${PAYLOAD_TYPE}/amount/description`,
  dashboard: `/dashboard/${REVENUE_DASHBOARD}/description`,
};

describe('description ETags and If-Match', () => {
  beforeEach(() => {
    catalog = openTestCatalog(buildMetadataFixture());
  });

  for (const [what, path] of Object.entries(paths)) {
    it(`serves a ${what} description with the ETag of its text and refuses a stale If-Match with 412, writing nothing`, async () => {
      const read = await get(path);
      const etag = read.headers.etag as string;
      expect(etag).toBe(descriptionEtag(read.body.description));

      const saved = await put(path, 'First edit', etag);
      expect(saved.status).toBe(200);
      expect(saved.body).toBeNull();
      expect(saved.headers.etag).toBe(descriptionEtag('First edit'));
      expect(saved.headers.etag).not.toBe(etag);

      const stale = await put(path, 'Second edit on the old text', etag);
      expect(stale.status).toBe(412);
      expect(stale.body).toEqual({ message: expect.stringMatching(/changed since it was read/) });
      expect((await get(path)).body).toEqual({ description: 'First edit' });
    });
  }

  it('says where a body that is not JSON breaks, by line and column', async () => {
    const res = await api().put(paths.table).set(...AUTH_HEADER).set('Content-Type', 'text/plain').send('{"description": "Orders\n  placed"}');
    expect({ status: res.status, body: res.body }).toEqual({
      status: 400, body: { message: 'The request body is not valid JSON at line 1, column 24: a line break inside a string (write \\n).' },
    });
  });

  it('writes without If-Match as Amundsen does, and accepts If-Match * and a list holding the current tag', async () => {
    const path = paths.table;
    expect((await put(path, 'No precondition')).status).toBe(200);
    expect((await put(path, 'Any version', '*')).status).toBe(200);
    const current = (await get(path)).headers.etag as string;
    expect((await put(path, 'From a list', `"d-old", ${current}`)).status).toBe(200);
    expect((await get(path)).body.description).toBe('From a list');
  });

  it('answers 404 before 412 for a description that does not exist', async () => {
    expect((await put(`/table/${ORDERS}/column/nope/description`, 'x', '"d-whatever"')).status).toBe(404);
  });

  it('logs a stale write nowhere: only the accepted edit is in the edit log', async () => {
    const etag = (await get(paths.table)).headers.etag as string;
    await put(paths.table, 'Accepted', etag);
    await put(paths.table, 'Refused', etag);
    const log = await edits(`resource_key=${encodeURIComponent(ORDERS)}`);
    expect(log.map((e) => e.after)).toEqual(['Accepted']);
  });
});

describe('description ETags switched off (as Amundsen services behave)', () => {
  beforeEach(() => {
    catalog = openTestCatalog({ ...buildMetadataFixture(), descriptionEtags: false });
  });

  it('sends no ETag and ignores If-Match', async () => {
    const path = `/table/${ORDERS}/description`;
    expect((await get(path)).headers.etag).toBeUndefined();
    const saved = await put(path, 'Written anyway', '"d-not-the-current-one"');
    expect(saved.status).toBe(200);
    expect(saved.headers.etag).toBeUndefined();
    expect((await get(path)).body.description).toBe('Written anyway');
  });
});

describe('description characters refused by the metadata API itself', () => {
  beforeEach(() => {
    catalog = openTestCatalog(buildMetadataFixture());
  });

  for (const [what, path] of Object.entries(paths)) {
    it(`refuses a ${what} description with a control character or bidirectional override, naming it and its position, and stores nothing`, async () => {
      const before = (await get(path)).body;
      const nul = await put(path, 'a\u0000b');
      expect({ status: nul.status, body: nul.body }).toEqual({
        status: 400,
        body: { message: '"description" holds a control character (U+0000) at character 2; remove it. Only tab, line feed and carriage return are allowed among control characters, and no bidirectional embeddings or overrides (U+202A–U+202E).' },
      });
      const override = await put(path, '😀x\u202Eevil');
      expect(override.status).toBe(400);
      expect(override.body.message).toMatch(/^"description" holds a bidirectional override \(U\+202E\) at character 3;/);
      const del = await put(path, 'end\u007F');
      expect(del.body.message).toMatch(/\(U\+007F\) at character 4;/);
      expect((await get(path)).body).toEqual(before);
    });
  }

  it('keeps tab, line feed, carriage return, isolates and marks, and a null that clears', async () => {
    const path = paths.table;
    const text = 'Line one\r\n\tindented \u2067עברית\u2069 \u200Fmark';
    expect((await put(path, text)).status).toBe(200);
    expect((await get(path)).body).toEqual({ description: text });
    expect((await put(path, null)).status).toBe(200);
  });
});

describe('GET /edits filters for edit histories', () => {
  beforeEach(() => {
    catalog = openTestCatalog(buildMetadataFixture());
  });

  it("lists a table's own edits with its columns' and nested types' under parent_key, newest first, paged", async () => {
    await api().put(`/table/${ORDERS}/tag/fresh`).set(...AUTH_HEADER);
    await put(`/table/${ORDERS}/column/order_id/description`, 'The id');
    await put(`/type_metadata/${PAYLOAD_TYPE}/amount/description`, 'Total in EUR');
    await put(`/table/hive://gold.core/customers/description`, 'Not this table');
    await api().put(`/user/${ALICE}/follow/table/${ORDERS}`).set(...AUTH_HEADER);

    const history = await edits(`parent_key=${encodeURIComponent(ORDERS)}`);
    expect(history.map((e) => [e.resource_type, e.resource_key, e.parent_key])).toEqual([
      ['type_metadata', `${PAYLOAD_TYPE}/amount`, ORDERS],
      ['column', `${ORDERS}/order_id`, ORDERS],
      ['table', ORDERS, ORDERS],
    ]);
    const page = await edits(`parent_key=${encodeURIComponent(ORDERS)}&limit=2`);
    const rest = await edits(`parent_key=${encodeURIComponent(ORDERS)}&limit=2&before=${String(page[1]!.id)}`);
    expect([...page, ...rest].map((e) => e.id)).toEqual(history.map((e) => e.id));
  });

  it("lists one person's edits under user_id, with the editor's name, and filters by resource_type", async () => {
    await api().put(`/table/${ORDERS}/tag/by_alice`).set(...authAs(ALICE));
    await api().put(`/table/${ORDERS}/tag/by_someone_else`).set(...AUTH_HEADER);
    await api().put(`/user/${ALICE}/follow/table/${ORDERS}`).set(...authAs(ALICE));

    const mine = await edits(`user_id=${encodeURIComponent(ALICE)}`);
    expect(mine.map((e) => [e.resource_type, e.field])).toEqual([['user', 'follow'], ['table', 'tag']]);
    expect(mine[1]).toMatchObject({ user_id: ALICE, user_display_name: 'Alice Anders' });
    const tablesOnly = await edits(`user_id=${encodeURIComponent(ALICE)}&resource_type=table,column,type_metadata,dashboard`);
    expect(tablesOnly.map((e) => e.field)).toEqual(['tag']);
    expect(await edits(`user_id=${encodeURIComponent(ALICE)}&field=follow`)).toHaveLength(1);
    expect(await edits(`resource_key=${encodeURIComponent(ORDERS)}&field=description`)).toEqual([]);
    expect((await get('/edits?resource_type=tables')).status).toBe(400);
  });
});

describe('ifMatchAccepts', () => {
  it('compares entity tags strongly: a weak tag of the same text does not match', () => {
    const tag = descriptionEtag('text');
    expect(ifMatchAccepts(tag, 'text')).toBe(true);
    expect(ifMatchAccepts(`W/${tag}`, 'text')).toBe(false);
    expect(ifMatchAccepts(tag, 'other text')).toBe(false);
    expect(descriptionEtag(null)).not.toBe(descriptionEtag(''));
  });
});
