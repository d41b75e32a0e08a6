// The BFF's write routes and edit histories against the real embedded catalog (description ETags on,
// its edit log) and the real development OpenID provider, over real HTTP on free ports.
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorBodySchema, BookmarksResponseSchema, DashboardResponseSchema, DescriptionConflictBodySchema, DescriptionSavedResponseSchema,
  EditHistoryResponseSchema, SearchResponseSchema, TableDetailResponseSchema, WriteResponseSchema, type SearchRequest,
} from '../contract/bff-api';
import { EDIT_POLICY_WITHOUT_RULES, type EditPolicy } from './api/edit-rights';
import { EDIT_PAGE_SIZE } from './api/edit-history-routes';
import { BffBrowser } from './testing/bff-browser';
import { startCurateStack, type CurateStack } from './testing/start-curate-stack';

const ORDERS = 'hive://gold.sales/orders';
const CUSTOMERS = 'hive://gold.core/customers';
const REVENUE = 'snowflake://prod.finance/monthly_revenue';
const ROALD = 'roald.amundsen@example.org';
const FRIDTJOF = 'fridtjof.nansen@example.org';
const BORGE = 'borge.ousland@example.org';
const REFUSAL = 'Editing tables needs the editor role';

/** Børge may change nothing; everyone else what Amundsen lets them. */
const POLICY: EditPolicy = {
  rightsFor: (subject, target) =>
    subject.user_id === BORGE ? { descriptions: false, tags: false, owners: false, reason: REFUSAL } : EDIT_POLICY_WITHOUT_RULES.rightsFor(subject, target),
};

interface Answer { status: number; json: unknown }

async function call(browser: BffBrowser, url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await browser.request(url, init);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}
const get = (browser: BffBrowser, url: string) => call(browser, url);
/** A write the way the SPA sends it: JSON, from its own origin (or from `origin`). */
const send = (browser: BffBrowser, method: 'PUT' | 'DELETE', route: string, body: unknown, origin = browser.base) =>
  call(browser, `/api/metadata/v0/${route}`, { method, headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) });
const search = (browser: BffBrowser, body: SearchRequest) =>
  call(browser, '/api/search/v1/search', { method: 'POST', headers: { 'content-type': 'application/json', origin: browser.base }, body: JSON.stringify(body) });
const expectError = (answer: Answer, status: number, code: string, message?: RegExp) => {
  expect(answer.status).toBe(status);
  const { error } = v.parse(ApiErrorBodySchema, answer.json);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  return error;
};
const tablePage = async (browser: BffBrowser, key: string) =>
  v.parse(TableDetailResponseSchema, (await get(browser, `/api/metadata/v0/table?key=${encodeURIComponent(key)}`)).json).tableData;
const history = async (browser: BffBrowser, query: string) => {
  const answer = await get(browser, `/api/metadata/v0/${query}`);
  expect(answer.status).toBe(200);
  return v.parse(EditHistoryResponseSchema, answer.json);
};

describe('BFF write routes with the embedded catalog and a real OpenID provider', () => {
  let stack: CurateStack<'main' | 'down' | 'private'>;
  let roald: BffBrowser;
  let fridtjof: BffBrowser;
  let borge: BffBrowser;
  let column: string;
  let nestedType: string;
  let dashboard: string;

  beforeAll(async () => {
    stack = await startCurateStack({
      catalog: {
        demoTables: 40,
        prepare(store) {
          column = store.tables.getTableDetail(ORDERS)!.columns[0]!.name;
          store.related.writeTypeMetadata(ORDERS, column, {
            kind: 'struct', name: column, data_type: 'struct<amount:decimal>',
            children: [{ kind: 'scalar', name: 'amount', data_type: 'decimal', description: 'Amount' }],
          });
          nestedType = `${ORDERS}/${column}/type/${column}/amount`;
          dashboard = store.overview.listPopularDashboards(1)[0]!.uri;
        },
      },
      bffs: { main: { editPolicy: POLICY }, down: { catalogDown: true }, private: { indexUsers: false } },
    });
    [roald, fridtjof, borge] = await Promise.all([stack.signIn('main', 'roald'), stack.signIn('main', 'fridtjof'), stack.signIn('main', 'borge')]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  describe('descriptions', () => {
    it('saves a table description based on the text now stored, shows it on the page and in search, and lists it in History', async () => {
      const before = (await tablePage(roald, ORDERS)).description;
      const answer = await send(roald, 'PUT', 'put_table_description', { key: ORDERS, description: 'Every **order** ever placed', base: before, source: 'user' });
      expect(answer.status).toBe(200);
      expect(v.parse(DescriptionSavedResponseSchema, answer.json)).toEqual({ msg: 'Success', description: 'Every **order** ever placed' });
      expect((await tablePage(fridtjof, ORDERS)).description).toBe('Every **order** ever placed');

      const found = v.parse(SearchResponseSchema, (await search(fridtjof, { searchTerm: 'orders', resources: ['table'] })).json);
      expect(found.table!.results.find((r) => r.key === ORDERS)?.description).toBe('Every **order** ever placed');

      const { edits } = await history(fridtjof, `edits?type=table&key=${encodeURIComponent(ORDERS)}`);
      expect(edits[0]).toMatchObject({
        resource_type: 'table', resource_key: ORDERS, parent_key: ORDERS, subject: null, field: 'description', action: 'update',
        before, after: 'Every **order** ever placed', editor: { user_id: ROALD, display_name: 'Roald Amundsen' },
      });
      expect(Date.now() - edits[0]!.edited_at).toBeLessThan(60_000);
    });

    it('refuses a write based on a text someone else has since replaced with 409, naming who and when, and writes nothing', async () => {
      const base = (await tablePage(roald, ORDERS)).description;
      expect((await send(fridtjof, 'PUT', 'put_table_description', { key: ORDERS, description: "Fridtjof's text", base })).status).toBe(200);

      const answer = await send(roald, 'PUT', 'put_table_description', { key: ORDERS, description: "Roald's text", base });
      expect(answer.status).toBe(409);
      const conflict = v.parse(DescriptionConflictBodySchema, answer.json);
      expect(conflict.error).toMatchObject({ name: 'ConflictError', code: 'edit_conflict' });
      expect(conflict.current).toMatchObject({ description: "Fridtjof's text", edited_by: 'Fridtjof Nansen' });
      expect(Date.parse(conflict.current.edited_at!)).toBeGreaterThan(Date.now() - 60_000);
      expect((await tablePage(roald, ORDERS)).description).toBe("Fridtjof's text");

      // Merged and based on the newer text, the write goes through.
      const merged = await send(roald, 'PUT', 'put_table_description', { key: ORDERS, description: "Fridtjof's text, and Roald's", base: "Fridtjof's text" });
      expect(merged.status).toBe(200);
    });

    it('answers 409 when the description changes between the BFF reading it and writing it: the catalog refuses the stale If-Match', async () => {
      const base = (await tablePage(roald, CUSTOMERS)).description;
      stack.gate.beforeNextDescriptionPut = () => {
        expect(stack.store.resources.setDescription({ type: 'table', key: CUSTOMERS }, 'Written in between', FRIDTJOF)).toBe('saved');
      };
      const answer = await send(roald, 'PUT', 'put_table_description', { key: CUSTOMERS, description: 'Mine', base });
      expect(answer.status).toBe(409);
      expect(v.parse(DescriptionConflictBodySchema, answer.json).current).toMatchObject({ description: 'Written in between', edited_by: 'Fridtjof Nansen' });
      const put = stack.gate.seen.filter((r) => r.method === 'PUT' && r.path === `/table/${CUSTOMERS}/description`).at(-1);
      expect(put?.ifMatch).toMatch(/^"d-/);
      expect((await tablePage(roald, CUSTOMERS)).description).toBe('Written in between');
    });

    it('saves when the stored text is already what the person wrote, whatever their base', async () => {
      const current = (await tablePage(roald, ORDERS)).description;
      const answer = await send(fridtjof, 'PUT', 'put_table_description', { key: ORDERS, description: current, base: 'an old text' });
      expect(v.parse(DescriptionSavedResponseSchema, answer.json).description).toBe(current);
    });

    it("saves a column's and a nested type's description, and History names the column and the type's path", async () => {
      const columnBefore = (await tablePage(roald, ORDERS)).columns.find((c) => c.name === column)!.description;
      const saved = await send(roald, 'PUT', 'put_column_description', { key: ORDERS, column_name: column, description: 'The key', base: columnBefore });
      expect(saved.status).toBe(200);
      const typed = await send(roald, 'PUT', 'put_type_metadata_description', { key: ORDERS, type_metadata_key: nestedType, description: 'In EUR', base: 'Amount' });
      expect(typed.status).toBe(200);

      const page = await tablePage(fridtjof, ORDERS);
      const edited = page.columns.find((c) => c.name === column)!;
      expect(edited.description).toBe('The key');
      expect(edited.type_metadata!.children[0]!.description).toBe('In EUR');

      const { edits } = await history(fridtjof, `edits?type=table&key=${encodeURIComponent(ORDERS)}`);
      expect(edits.slice(0, 2).map((e) => [e.resource_type, e.subject, e.before, e.after])).toEqual([
        ['type_metadata', `${column}.amount`, 'Amount', 'In EUR'],
        ['column', column, columnBefore, 'The key'],
      ]);

      const stale = await send(fridtjof, 'PUT', 'put_type_metadata_description', { key: ORDERS, type_metadata_key: nestedType, description: 'In USD', base: 'Amount' });
      expect(v.parse(DescriptionConflictBodySchema, stale.json).current).toMatchObject({ description: 'In EUR', edited_by: 'Roald Amundsen' });
    });

    it('takes no description and an empty one as the same base', async () => {
      const name = (await tablePage(roald, CUSTOMERS)).columns[0]!.name;
      expect(stack.store.resources.setDescription({ type: 'column', key: `${CUSTOMERS}/${name}` }, '', ROALD)).toBe('saved');
      const answer = await send(fridtjof, 'PUT', 'put_column_description', { key: CUSTOMERS, column_name: name, description: 'Now described', base: null });
      expect(answer.status).toBe(200);
      expect((await tablePage(roald, CUSTOMERS)).columns[0]!.description).toBe('Now described');
    });

    it('answers 404 for an unknown table, column or nested type, and for a nested type of another table', async () => {
      expectError(await send(roald, 'PUT', 'put_table_description', { key: 'hive://gold.sales/nope', description: 'x', base: null }), 404, 'not_found');
      expectError(await send(roald, 'PUT', 'put_column_description', { key: ORDERS, column_name: 'nope', description: 'x', base: null }), 404, 'not_found', /no column nope/);
      const elsewhere = await send(roald, 'PUT', 'put_type_metadata_description', { key: CUSTOMERS, type_metadata_key: nestedType, description: 'x', base: 'In EUR' });
      expectError(elsewhere, 404, 'not_found', /has no nested type/);
    });

    it('answers 400 naming the field for a body without a base, a key that is no table key, or a text over the length limit', async () => {
      expectError(await send(roald, 'PUT', 'put_table_description', { key: ORDERS, description: 'x' }), 400, 'invalid_body', /"base"/);
      expectError(await send(roald, 'PUT', 'put_table_description', { key: 'orders', description: 'x', base: null }), 400, 'invalid_key', /not a table key/);
      const long = await send(roald, 'PUT', 'put_table_description', { key: ORDERS, description: 'x'.repeat(751), base: null });
      expectError(long, 400, 'invalid_body', /at most 750 .*editableText\.tableDescLength/);
      const longColumn = await send(roald, 'PUT', 'put_column_description', { key: ORDERS, column_name: column, description: 'x'.repeat(251), base: null });
      expectError(longColumn, 400, 'invalid_body', /at most 250/);
      expectError(await call(roald, '/api/metadata/v0/put_table_description', { method: 'PUT', headers: { 'content-type': 'application/json', origin: roald.base }, body: '{' }), 400, 'invalid_json');
    });
  });

  describe('who may edit', () => {
    it('shows the rights the policy gives on the table and dashboard pages', async () => {
      expect((await tablePage(roald, REVENUE)).edit_rights).toEqual({ descriptions: true, tags: true, owners: true, reason: null });
      expect((await tablePage(borge, REVENUE)).edit_rights).toEqual({ descriptions: false, tags: false, owners: false, reason: REFUSAL });
      const page = v.parse(DashboardResponseSchema, (await get(borge, `/api/metadata/v0/dashboard?uri=${encodeURIComponent(dashboard)}`)).json);
      expect(page.dashboard.edit_rights).toMatchObject({ tags: false, reason: REFUSAL });
    });

    it("refuses every write the policy does not allow with 403 edit_forbidden and the policy's reason, writing nothing", async () => {
      const before = await tablePage(roald, REVENUE);
      const refused = [
        await send(borge, 'PUT', 'put_table_description', { key: REVENUE, description: 'Forged', base: before.description }),
        await send(borge, 'PUT', 'put_column_description', { key: REVENUE, column_name: before.columns[0]!.name, description: 'Forged', base: before.columns[0]!.description }),
        await send(borge, 'PUT', 'update_table_tags', { key: REVENUE, tag: 'forged' }),
        await send(borge, 'DELETE', 'update_table_tags', { key: REVENUE, tag: before.tags[0]?.tag_name ?? 'finance' }),
        await send(borge, 'PUT', 'update_table_owner', { key: REVENUE, owner: BORGE }),
        await send(borge, 'PUT', 'update_dashboard_tags', { key: dashboard, tag: 'forged' }),
      ];
      for (const answer of refused) expectError(answer, 403, 'edit_forbidden', new RegExp(REFUSAL));
      const after = await tablePage(roald, REVENUE);
      expect({ ...after, edit_rights: null }).toEqual({ ...before, edit_rights: null });
    });
  });

  describe('tags and owners', () => {
    it('adds a table tag that search finds at once, removes it, and lists both in History', async () => {
      expect(v.parse(WriteResponseSchema, (await send(roald, 'PUT', 'update_table_tags', { key: ORDERS, tag: 'curated_today' })).json)).toEqual({ msg: 'Success' });
      expect((await tablePage(fridtjof, ORDERS)).tags.map((t) => t.tag_name)).toContain('curated_today');
      const tagged = async () =>
        v.parse(SearchResponseSchema, (await search(fridtjof, { searchTerm: '', resources: ['table'], filters: { table: { tag: { value: 'curated_today' } } } })).json)
          .table!.results.map((r) => r.key);
      expect(await tagged()).toEqual([ORDERS]);

      expect((await send(roald, 'DELETE', 'update_table_tags', { key: ORDERS, tag: 'curated_today' })).status).toBe(200);
      expect(await tagged()).toEqual([]);
      const { edits } = await history(roald, `edits?type=table&key=${encodeURIComponent(ORDERS)}`);
      expect(edits.slice(0, 2).map((e) => [e.field, e.action, (e.after as string[]).includes('curated_today')])).toEqual([
        ['tags', 'remove', false],
        ['tags', 'add', true],
      ]);
      // The embedded catalog indexes its own writes: the BFF leaves its search documents alone.
      expect(stack.gate.seen.some((r) => r.path === 'search:/v2/document')).toBe(false);
    });

    it("answers 400 invalid_tag for a tag outside Amundsen's rule", async () => {
      expectError(await send(roald, 'PUT', 'update_table_tags', { key: ORDERS, tag: 'Not A Tag' }), 400, 'invalid_tag', /lower-case letters, digits and _/);
      expectError(await send(roald, 'PUT', 'update_dashboard_tags', { key: dashboard, tag: 'x'.repeat(81) }), 400, 'invalid_tag', /at most 80/);
      expectError(await send(roald, 'PUT', 'update_table_tags', { key: ORDERS }), 400, 'invalid_body', /"tag"/);
    });

    it('adds and removes a dashboard tag, shown on its page and in its History', async () => {
      const page = async () => v.parse(DashboardResponseSchema, (await get(fridtjof, `/api/metadata/v0/dashboard?uri=${encodeURIComponent(dashboard)}`)).json).dashboard;
      expect((await send(roald, 'PUT', 'update_dashboard_tags', { key: dashboard, tag: 'board_review' })).status).toBe(200);
      expect((await page()).tags.map((t) => t.tag_name)).toContain('board_review');
      const found = v.parse(SearchResponseSchema, (await search(fridtjof, {
        searchTerm: '', resources: ['dashboard'], filters: { dashboard: { tag: { value: 'board_review' } } },
      })).json);
      expect(found.dashboard!.results.map((d) => d.key)).toEqual([dashboard]);
      expect((await send(roald, 'DELETE', 'update_dashboard_tags', { key: dashboard, tag: 'board_review' })).status).toBe(200);
      expect((await page()).tags.map((t) => t.tag_name)).not.toContain('board_review');
      const { edits } = await history(fridtjof, `edits?type=dashboard&key=${encodeURIComponent(dashboard)}`);
      expect(edits.slice(0, 2).map((e) => [e.resource_type, e.field, e.action])).toEqual([['dashboard', 'tags', 'remove'], ['dashboard', 'tags', 'add']]);
      // Named as the catalog names the dashboard, on its History and on the editor's profile alike.
      const name = (await page()).name;
      expect(edits[0]!.parent_name).toBe(name);
      const mine = await history(fridtjof, `user/edits?user_id=${encodeURIComponent(ROALD)}`);
      expect(mine.edits.find((e) => e.resource_type === 'dashboard')?.parent_name).toBe(name);
      expectError(await send(roald, 'PUT', 'update_dashboard_tags', { key: 'mode_dashboard://gold.none/nope', tag: 'x' }), 404, 'not_found');
    });

    it('adds and removes a table owner, even one metadata does not know yet', async () => {
      const owners = async () => (await tablePage(fridtjof, ORDERS)).owners.map((o) => o.user_id);
      expect((await send(roald, 'PUT', 'update_table_owner', { key: ORDERS, owner: 'new.hire@example.org' })).status).toBe(200);
      expect(await owners()).toContain('new.hire@example.org');
      expect((await send(roald, 'DELETE', 'update_table_owner', { key: ORDERS, owner: 'new.hire@example.org' })).status).toBe(200);
      expect(await owners()).not.toContain('new.hire@example.org');
      // History names the people of an owner edit the catalog knows: new.hire is a bare id (no name).
      const { edits } = await history(fridtjof, `edits?type=table&key=${encodeURIComponent(ORDERS)}`);
      const [removed, added] = edits;
      expect(added).toMatchObject({ field: 'owners', action: 'add' });
      const byId = new Map(added!.people!.map((p) => [p.user_id, p]));
      expect(byId.get('new.hire@example.org')).toEqual({ user_id: 'new.hire@example.org', display_name: null, is_active: true });
      expect(new Set(added!.people!.map((p) => p.user_id))).toEqual(new Set([...(added!.before as string[]), ...(added!.after as string[])]));
      expect(removed!.people!.map((p) => p.user_id)).toContain('new.hire@example.org');
      expectError(await send(roald, 'PUT', 'update_table_owner', { key: ORDERS, owner: 'a b' }), 400, 'invalid_body', /^An owner must be a user id, such as an email address: at most 320 characters, with no spaces\.$/);
      expectError(await send(roald, 'PUT', 'update_table_owner', { key: 'hive://gold.sales/nope', owner: ROALD }), 404, 'not_found');
    });
  });

  describe('bookmarks', () => {
    it("bookmarks and un-bookmarks a table and a dashboard on a person's first visit", async () => {
      const liv = await stack.signIn('main', 'liv');
      const bookmarks = async () => v.parse(BookmarksResponseSchema, (await get(liv, '/api/metadata/v0/user/bookmark')).json).bookmarks;
      expect((await send(liv, 'PUT', 'user/bookmark', { type: 'table', key: REVENUE })).status).toBe(200);
      expect((await send(liv, 'PUT', 'user/bookmark', { type: 'dashboard', key: dashboard })).status).toBe(200);
      expect((await bookmarks()).table.map((t) => t.key)).toContain(REVENUE);
      expect((await bookmarks()).dashboard.map((d) => d.key)).toContain(dashboard);
      expect((await send(liv, 'DELETE', 'user/bookmark', { type: 'table', key: REVENUE })).status).toBe(200);
      expect((await bookmarks()).table.map((t) => t.key)).not.toContain(REVENUE);
    });

    it('answers 404 for a bookmark of a table that does not exist and 400 for an unknown type', async () => {
      expectError(await send(roald, 'PUT', 'user/bookmark', { type: 'table', key: 'hive://gold.sales/nope' }), 404, 'not_found');
      expectError(await send(roald, 'PUT', 'user/bookmark', { type: 'feature', key: ORDERS }), 400, 'invalid_body', /"type"/);
    });
  });

  describe('edit history', () => {
    it("asks the catalog, which keeps the log, for every page's history: each table page's count includes the edits made since", async () => {
      const editLogAsked = () => stack.gate.seen.filter((r) => r.path === '/edits').length;
      const count = async () => (await history(fridtjof, `edits?type=table&key=${encodeURIComponent(CUSTOMERS)}`)).total!;
      const from = editLogAsked();
      const first = await count();
      for (let page = 1; page <= 3; page += 1) {
        expect(stack.store.resources.addTag({ type: 'table', key: CUSTOMERS }, `counted_${page}`, 'default', ROALD)).toBe(true);
        expect(await count()).toBe(first + page);
      }
      expect(editLogAsked()).toBe(from + 4);
    });

    it('pages a history newest first with the next_before cursor', async () => {
      for (let i = 0; i < EDIT_PAGE_SIZE + 2; i++) {
        expect(stack.store.resources.addTag({ type: 'table', key: REVENUE }, `bulk_${i}`, 'default', ROALD)).toBe(true);
      }
      const first = await history(fridtjof, `edits?type=table&key=${encodeURIComponent(REVENUE)}`);
      expect(first).toMatchObject({ available: true, next_before: expect.any(String) });
      expect(first.edits).toHaveLength(EDIT_PAGE_SIZE);
      expect(first.edits[0]!.after).toContain(`bulk_${EDIT_PAGE_SIZE + 1}`);
      const second = await history(fridtjof, `edits?type=table&key=${encodeURIComponent(REVENUE)}&before=${first.next_before!}`);
      expect(second.edits.map((e) => (e.after as string[]).filter((tag) => tag.startsWith('bulk_')))).toEqual([['bulk_0', 'bulk_1'], ['bulk_0']]);
      expect(second.next_before).toBeNull();
      expect(new Set([...first.edits, ...second.edits].map((e) => e.id)).size).toBe(EDIT_PAGE_SIZE + 2);
      // Every page gives the whole history's count, from the catalog's edit log.
      expect([first.total, second.total]).toEqual([EDIT_PAGE_SIZE + 2, EDIT_PAGE_SIZE + 2]);
    });

    it("lists a person's edits on their profile, page by page, leaving their bookmarks out", async () => {
      const edits = [];
      const totals = new Set<number | null | undefined>();
      let cursor: string | null = '';
      while (cursor !== null) {
        const page = await history(fridtjof, `user/edits?user_id=${encodeURIComponent(ROALD)}${cursor ? `&before=${cursor}` : ''}`);
        edits.push(...page.edits);
        totals.add(page.total);
        cursor = page.next_before;
      }
      expect(edits.length).toBeGreaterThan(EDIT_PAGE_SIZE);
      // The count the profile's Edits tab shows is the number of edits its pages list.
      expect([...totals]).toEqual([edits.length]);
      expect(edits.every((e) => e.editor.user_id === ROALD)).toBe(true);
      expect(new Set(edits.map((e) => e.resource_type))).toEqual(new Set(['table', 'column', 'type_metadata', 'dashboard']));
      const liv = await history(fridtjof, 'user/edits?user_id=liv.arnesen%40example.org');
      expect(liv.edits).toEqual([]);
      expect(liv.total).toBe(0);
    });

    it("shows only one's own edits while people are not indexed", async () => {
      const own = await stack.signIn('private', 'roald');
      expect((await history(own, `user/edits?user_id=${encodeURIComponent(ROALD)}`)).edits.length).toBeGreaterThan(0);
      expectError(await get(own, `/api/metadata/v0/user/edits?user_id=${encodeURIComponent(FRIDTJOF)}`), 404, 'users_not_indexed');
    });

    it('answers 400 for a history of an unknown type or with a bad cursor', async () => {
      expectError(await get(roald, `/api/metadata/v0/edits?type=column&key=${encodeURIComponent(ORDERS)}`), 400, 'invalid_parameter', /table or dashboard/);
      expectError(await get(roald, `/api/metadata/v0/edits?type=table&key=${encodeURIComponent(ORDERS)}&before=x`), 400, 'invalid_parameter', /before/);
      expectError(await get(roald, '/api/metadata/v0/edits?type=table'), 400, 'missing_parameter');
    });
  });

  describe('refusals before anything is written', () => {
    it('refuses every write from another site with 403, writing nothing', async () => {
      const before = await tablePage(roald, ORDERS);
      const evil = 'http://evil.example';
      const writes: [string, 'PUT' | 'DELETE', unknown][] = [
        ['put_table_description', 'PUT', { key: ORDERS, description: 'Forged', base: before.description }],
        ['put_column_description', 'PUT', { key: ORDERS, column_name: column, description: 'Forged', base: null }],
        ['put_type_metadata_description', 'PUT', { key: ORDERS, type_metadata_key: nestedType, description: 'Forged', base: null }],
        ['update_table_owner', 'PUT', { key: ORDERS, owner: 'mallory@example.org' }],
        ['update_table_tags', 'PUT', { key: ORDERS, tag: 'forged' }],
        ['update_dashboard_tags', 'PUT', { key: dashboard, tag: 'forged' }],
        ['user/bookmark', 'PUT', { type: 'table', key: ORDERS }],
        ['user/bookmark', 'DELETE', { type: 'table', key: ORDERS }],
      ];
      for (const [route, method, body] of writes) expectError(await send(roald, method, route, body, evil), 403, 'cross_site_request');
      expect({ ...(await tablePage(roald, ORDERS)), edit_rights: null }).toEqual({ ...before, edit_rights: null });
    });

    it('answers a write without a session with 401', async () => {
      const stranger = new BffBrowser(stack.bases.main);
      expectError(await send(stranger, 'PUT', 'update_table_tags', { key: ORDERS, tag: 'x' }), 401, 'not_authenticated');
    });

    it('answers 503 in the one error shape when the catalog is down', async () => {
      const cut = await stack.signIn('down', 'roald');
      expectError(await send(cut, 'PUT', 'put_table_description', { key: ORDERS, description: 'x', base: null }), 503, 'upstream_unavailable', /metadata service is unavailable/);
      expectError(await send(cut, 'PUT', 'update_table_tags', { key: ORDERS, tag: 'x' }), 503, 'upstream_unavailable');
      expectError(await send(cut, 'PUT', 'user/bookmark', { type: 'table', key: ORDERS }), 503, 'upstream_unavailable');
      expectError(await get(cut, `/api/metadata/v0/edits?type=table&key=${encodeURIComponent(ORDERS)}`), 503, 'upstream_unavailable');
    });
  });
});
