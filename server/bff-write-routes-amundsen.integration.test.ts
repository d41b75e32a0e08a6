// The BFF's write routes against a metadata service that behaves like Amundsen's: no ETag on
// descriptions (If-Match ignored), no edit log (GET /edits is 404), and a follow PUT of a person it
// does not know is a 500. It is the embedded catalog with ETags switched off behind a gate that does
// the rest (testing/start-curate-stack.ts); the BFF updates the search documents itself, as it does
// with real Amundsen services. A second BFF, `fresh`, has asked for no edit history before its test.
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorBodySchema, BookmarksResponseSchema, DescriptionConflictBodySchema, DescriptionSavedResponseSchema, EditHistoryResponseSchema,
  SearchResponseSchema, TableDetailResponseSchema, WriteResponseSchema,
} from '../contract/bff-api';
import { SEARCH_UPDATE_DELAYED } from './api/sync-search-documents';
import { makeTable } from './catalog/testing/open-test-catalog';
import type { BffBrowser } from './testing/bff-browser';
import { startCurateStack, type CurateStack } from './testing/start-curate-stack';

const ORDERS = 'hive://gold.sales/orders';
const BORGE = 'borge.ousland@example.org';

interface Answer { status: number; json: unknown }
async function call(browser: BffBrowser, url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await browser.request(url, init);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}
const send = (browser: BffBrowser, method: 'PUT' | 'DELETE', route: string, body: unknown) =>
  call(browser, `/api/metadata/v0/${route}`, { method, headers: { 'content-type': 'application/json', origin: browser.base }, body: JSON.stringify(body) });
const tablePage = async (browser: BffBrowser) =>
  v.parse(TableDetailResponseSchema, (await call(browser, `/api/metadata/v0/table?key=${encodeURIComponent(ORDERS)}`)).json).tableData;
const taggedTables = async (browser: BffBrowser, tag: string) => {
  const body = { searchTerm: '', resources: ['table'], filters: { table: { tag: { value: tag } } } };
  const answer = await call(browser, '/api/search/v1/search', { method: 'POST', headers: { 'content-type': 'application/json', origin: browser.base }, body: JSON.stringify(body) });
  return v.parse(SearchResponseSchema, answer.json).table!.results.map((r) => r.key);
};

describe('BFF write routes against Amundsen-like services (no ETags, no edit log)', () => {
  let stack: CurateStack<'amundsen' | 'fresh'>;
  let liv: BffBrowser;

  beforeAll(async () => {
    stack = await startCurateStack({
      catalog: {
        demoTables: 0,
        descriptionEtags: false,
        prepare(store) {
          // No users: nobody is known to metadata until they log in.
          store.writer.writeTables([makeTable(ORDERS, { description: 'All orders', columns: [{ name: 'id', col_type: 'bigint', description: 'Id' }], tags: ['sales'] })]);
        },
      },
      bffs: { amundsen: { updateSearchDocuments: true, indexDashboards: false }, fresh: { updateSearchDocuments: true } },
    });
    stack.gate.amundsen = true;
    liv = await stack.signIn('amundsen', 'liv');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('re-reads the description just before writing it and writes without If-Match when it is still the base', async () => {
    const from = stack.gate.seen.length;
    const answer = await send(liv, 'PUT', 'put_table_description', { key: ORDERS, description: 'Every order', base: 'All orders' });
    expect(v.parse(DescriptionSavedResponseSchema, answer.json)).toEqual({ msg: 'Success', description: 'Every order' });
    const calls = stack.gate.seen.slice(from).filter((r) => r.path === `/table/${ORDERS}/description`);
    expect(calls.map((r) => [r.method, r.ifMatch])).toEqual([['GET', undefined], ['PUT', undefined]]);
    expect((await tablePage(liv)).description).toBe('Every order');
    // Amundsen's metadata service leaves Elasticsearch alone: the BFF replaces the document's description.
    expect(stack.gate.seen.slice(from).filter((r) => r.path === 'search:/v2/document').map((r) => r.method)).toEqual(['POST']);
    const found = await call(liv, '/api/search/v1/search', { method: 'POST', headers: { 'content-type': 'application/json', origin: liv.base }, body: JSON.stringify({ searchTerm: 'orders', resources: ['table'] }) });
    expect(v.parse(SearchResponseSchema, found.json).table!.results.find((r) => r.key === ORDERS)?.description).toBe('Every order');
  });

  it('refuses a stale base with 409 and the newer text, without an author (Amundsen keeps none), writing nothing', async () => {
    const answer = await send(liv, 'PUT', 'put_column_description', { key: ORDERS, column_name: 'id', description: 'Mine', base: 'An older text' });
    expect(answer.status).toBe(409);
    expect(v.parse(DescriptionConflictBodySchema, answer.json).current).toEqual({ description: 'Id', edited_by: null, edited_at: null, edited_by_id: null });
    expect((await tablePage(liv)).columns[0]!.description).toBe('Id');
    expect(stack.gate.seen.some((r) => r.method === 'PUT' && r.path === `/table/${ORDERS}/column/id/description`)).toBe(false);
  });

  it("updates the search document after a tag change, as Amundsen's frontend does, so search finds the tag at once", async () => {
    const from = stack.gate.seen.length;
    const documentUpdates = () => stack.gate.seen.slice(from).filter((r) => r.path === 'search:/v2/document').map((r) => r.method);
    expect(v.parse(WriteResponseSchema, (await send(liv, 'PUT', 'update_table_tags', { key: ORDERS, tag: 'curated' })).json)).toEqual({ msg: 'Success' });
    expect(documentUpdates()).toEqual(['POST']);
    expect(await taggedTables(liv, 'curated')).toEqual([ORDERS]);

    expect((await send(liv, 'DELETE', 'update_table_tags', { key: ORDERS, tag: 'curated' })).status).toBe(200);
    expect(documentUpdates()).toEqual(['POST', 'DELETE']);
    expect(await taggedTables(liv, 'curated')).toEqual([]);
  });

  it('keeps a saved tag when the search service fails to update its document, and says search will show it later', async () => {
    stack.gate.searchDown = true;
    try {
      const answer = await send(liv, 'PUT', 'update_table_tags', { key: ORDERS, tag: 'late_to_search' });
      expect(answer.status).toBe(200);
      expect(v.parse(WriteResponseSchema, answer.json).msg).toBe(SEARCH_UPDATE_DELAYED);
    } finally {
      stack.gate.searchDown = false;
    }
    expect((await tablePage(liv)).tags.map((t) => t.tag_name)).toContain('late_to_search');
    expect(stack.logger.lines.some((line) => /could not add tag late_to_search/.test(line))).toBe(true);
  });

  it('says history is not available, for a table and for a person', async () => {
    for (const url of [`/api/metadata/v0/edits?type=table&key=${encodeURIComponent(ORDERS)}`, '/api/metadata/v0/user/edits?user_id=liv.arnesen%40example.org']) {
      const answer = await call(liv, url);
      expect(answer.status).toBe(200);
      expect(v.parse(EditHistoryResponseSchema, answer.json)).toMatchObject({ available: false, edits: [], next_before: null, total: null });
    }
  });

  it("asks the metadata service for an edit history once: later pages' histories (tables, dashboards, profiles) are not available without asking it", async () => {
    const roald = await stack.signIn('fresh', 'roald');
    const editLogAsked = () => stack.gate.seen.filter((r) => r.path === '/edits').length;
    const notAvailable = async (url: string) => {
      const answer = await call(roald, `/api/metadata/v0/${url}`);
      expect(answer.status).toBe(200);
      expect(v.parse(EditHistoryResponseSchema, answer.json)).toEqual({ msg: expect.any(String), available: false, edits: [], next_before: null, total: null });
    };
    // A table page as the SPA opens it: the table, and its history's first page for the History tab's count.
    const openTablePage = async () => {
      expect((await tablePage(roald)).key).toBe(ORDERS);
      await notAvailable(`edits?type=table&key=${encodeURIComponent(ORDERS)}`);
    };
    const from = editLogAsked();
    await openTablePage();
    expect(editLogAsked()).toBe(from + 1);
    for (let page = 0; page < 3; page += 1) {
      await openTablePage();
      await notAvailable(`edits?type=dashboard&key=${encodeURIComponent('mode_dashboard://gold.sales/revenue')}`);
      await notAvailable('user/edits?user_id=roald.amundsen%40example.org');
    }
    expect(editLogAsked()).toBe(from + 1);
    // Nor does a description write refused as stale read the log for the newer text's author (write-description.ts).
    const refused = await send(roald, 'PUT', 'put_table_description', { key: ORDERS, description: 'Mine', base: 'An older text' });
    expect(refused.status).toBe(409);
    expect(editLogAsked()).toBe(from + 1);
  });

  it('bookmarks a table on the first visit of a person whose login metadata failed to record', async () => {
    const refused = stack.gate.refuseNextUserPut(BORGE);
    const borge = await stack.signIn('amundsen', 'borge');
    await refused;
    expect(stack.store.users.getUser(BORGE)).toBeUndefined();

    const answer = await send(borge, 'PUT', 'user/bookmark', { type: 'table', key: ORDERS });
    expect(answer.status).toBe(200);
    // Refused as unknown, recorded from the session, then accepted.
    const follows = stack.gate.seen.filter((r) => r.method === 'PUT' && r.path === `/user/${BORGE}/follow/table/${ORDERS}`);
    expect(follows).toHaveLength(2);
    const bookmarks = v.parse(BookmarksResponseSchema, (await call(borge, '/api/metadata/v0/user/bookmark')).json).bookmarks;
    expect(bookmarks.table.map((t) => t.key)).toEqual([ORDERS]);
    expect(stack.store.users.getUser(BORGE)).toMatchObject({ user_id: BORGE, first_name: 'Børge' });
  });

  it('answers dashboard bookmarks, tags and histories with 404 while dashboards are not indexed', async () => {
    const uri = 'mode_dashboard://gold.sales/revenue';
    for (const answer of [
      await send(liv, 'PUT', 'user/bookmark', { type: 'dashboard', key: uri }),
      await send(liv, 'PUT', 'update_dashboard_tags', { key: uri, tag: 'x' }),
      await call(liv, `/api/metadata/v0/edits?type=dashboard&key=${encodeURIComponent(uri)}`),
    ]) {
      expect(answer.status).toBe(404);
      expect(v.parse(ApiErrorBodySchema, answer.json).error.code).toBe('dashboards_not_indexed');
    }
  });
});
