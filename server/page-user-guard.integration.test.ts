// Two tabs of one browser (one cookie jar), against the real embedded catalog and the real development
// OpenID provider: tab A was rendered for roald; tab B logs out and in as liv. A write from tab A names
// roald (X-Nansen-User, as the SPA's API client sends it) and must not land on liv's account; a read from
// tab A names roald too and must not answer with liv's data.
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, BookmarksResponseSchema } from '../contract/bff-api';
import { encodePageUser, PAGE_USER_HEADER } from '../contract/page-user';
import type { BffBrowser } from './testing/bff-browser';
import { startCurateStack, type CurateStack } from './testing/start-curate-stack';

const ORDERS = 'hive://gold.sales/orders';
const CUSTOMERS = 'hive://gold.core/customers';
const ROALD = 'roald.amundsen@example.org';
const LIV = 'liv.arnesen@example.org';

interface Answer { status: number; json: unknown }

async function call(browser: BffBrowser, url: string, init: RequestInit = {}, options?: { namePageUser?: boolean }): Promise<Answer> {
  const res = await browser.request(url, init, options);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}
const json = (browser: BffBrowser, extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', origin: browser.base, ...extra });
/** A bookmark as a page rendered for `pageUser` sends it; `null` sends no X-Nansen-User header. */
const bookmark = (browser: BffBrowser, method: 'PUT' | 'DELETE', key: string, pageUser: string | null) =>
  call(
    browser,
    '/api/metadata/v0/user/bookmark',
    { method, headers: json(browser, pageUser === null ? {} : { [PAGE_USER_HEADER]: encodePageUser(pageUser) }), body: JSON.stringify({ type: 'table', key }) },
    { namePageUser: false },
  );
const bookmarkedTables = async (browser: BffBrowser) =>
  v.parse(BookmarksResponseSchema, (await call(browser, '/api/metadata/v0/user/bookmark')).json).bookmarks.table.map((t) => t.key);
const errorOf = (answer: Answer) => v.parse(ApiErrorBodySchema, answer.json).error;
/** A read as a page rendered for `pageUser` sends it; `null` sends no X-Nansen-User header (a script, curl). */
const read = (browser: BffBrowser, url: string, pageUser: string | null, init: RequestInit = {}) =>
  call(browser, url, { ...init, headers: { ...(init.headers as Record<string, string>), ...(pageUser === null ? {} : { [PAGE_USER_HEADER]: encodePageUser(pageUser) }) } });
const LIV_NOW = {
  name: 'ConflictError',
  code: 'session_user_changed',
  message: 'You are now signed in as Liv Arnesen in another tab or window; reload this page.',
};

describe('requests from a page rendered for someone other than the session user', () => {
  let stack: CurateStack<'main'>;

  beforeAll(async () => {
    stack = await startCurateStack({ catalog: { demoTables: 20 }, bffs: { main: {} } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("refuses with 409 a bookmark from roald's tab after another tab logged in as liv, writes nothing to liv's account, and liv's own tab still writes", async () => {
    const tabA = await stack.signIn('main', 'roald');
    expect((await bookmark(tabA, 'PUT', ORDERS, ROALD)).status).toBe(200);

    // Tab B, same cookies: log out, log in as liv.
    const tabB = tabA.on(tabA.base);
    expect((await tabB.request('/logout', { method: 'POST', headers: { origin: tabB.base } })).status).toBe(303);
    expect((await tabB.logIn('liv')).status).toBe(303);
    const livBefore = await bookmarkedTables(tabB);

    const refused = await bookmark(tabA, 'PUT', CUSTOMERS, ROALD);
    expect(refused.status).toBe(409);
    expect(errorOf(refused)).toEqual({
      name: 'ConflictError',
      code: 'session_user_changed',
      message: 'You are now signed in as Liv Arnesen in another tab or window; reload this page.',
    });
    expect((await bookmark(tabA, 'DELETE', ORDERS, ROALD)).status).toBe(409);
    expect(await bookmarkedTables(tabB)).toEqual(livBefore);

    // Liv's own tab names liv: her write goes through, to her account; roald's account got nothing either.
    expect(livBefore).not.toContain(CUSTOMERS);
    expect((await bookmark(tabB, 'PUT', CUSTOMERS, LIV)).status).toBe(200);
    expect(new Set(await bookmarkedTables(tabB))).toEqual(new Set([...livBefore, CUSTOMERS]));
    const roald = await stack.signIn('main', 'roald');
    const roaldTables = await bookmarkedTables(roald);
    expect(roaldTables).toContain(ORDERS);
    expect(roaldTables).not.toContain(CUSTOMERS);
  });

  it("refuses with the same 409 the reads of roald's tab after another tab logged in as liv, so it never shows liv's data as roald's; the user endpoint still answers", async () => {
    const tabA = await stack.signIn('main', 'roald');
    expect((await read(tabA, '/api/metadata/v0/user/bookmark', ROALD)).status).toBe(200);

    const tabB = tabA.on(tabA.base);
    expect((await tabB.request('/logout', { method: 'POST', headers: { origin: tabB.base } })).status).toBe(303);
    expect((await tabB.logIn('liv')).status).toBe(303);
    expect((await bookmark(tabB, 'PUT', ORDERS, LIV)).status).toBe(200);

    // Tab A's reads name roald: its bookmarks, a table page, a search. Each is refused; none carries liv's data.
    for (const refused of [
      await read(tabA, '/api/metadata/v0/user/bookmark', ROALD),
      await read(tabA, `/api/metadata/v0/table?key=${encodeURIComponent(ORDERS)}`, ROALD),
      await read(tabA, '/api/search/v1/search', ROALD, { method: 'POST', headers: json(tabA), body: JSON.stringify({ searchTerm: 'orders', resources: ['table'] }) }),
    ]) {
      expect(refused.status).toBe(409);
      expect(refused.json).toEqual({ error: LIV_NOW });
    }

    // Where the page learns who is signed in answers whatever it names: tab A can find out it is liv now.
    const me = await read(tabA, '/api/auth_user', ROALD);
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: { user_id: LIV } });

    // A read naming no one (a script, curl) is the session's: liv's. Liv's own tab reads her data.
    const plain = await read(tabA, '/api/metadata/v0/user/bookmark', null);
    expect(plain.status).toBe(200);
    expect(v.parse(BookmarksResponseSchema, plain.json).bookmarks.table.map((t) => t.key)).toContain(ORDERS);
    const livsTab = await read(tabB, '/api/metadata/v0/user/bookmark', LIV);
    expect(livsTab.status).toBe(200);
    expect(livsTab.json).toEqual(plain.json);
    await bookmark(tabB, 'DELETE', ORDERS, LIV);
  });

  it('refuses a write that names no page user with 400 and writes nothing; reads and the search POST need no header', async () => {
    const fridtjof = await stack.signIn('main', 'fridtjof');
    const before = await bookmarkedTables(fridtjof);
    const refused = await bookmark(fridtjof, 'PUT', CUSTOMERS, null);
    expect(refused.status).toBe(400);
    expect(errorOf(refused)).toMatchObject({ name: 'InputError', code: 'page_user_missing', message: expect.stringContaining('X-Nansen-User') });
    expect(await bookmarkedTables(fridtjof)).toEqual(before);

    const search = await call(
      fridtjof, '/api/search/v1/search',
      { method: 'POST', headers: json(fridtjof), body: JSON.stringify({ searchTerm: 'orders', resources: ['table'] }) },
      { namePageUser: false },
    );
    expect(search.status).toBe(200);
  });

  it('answers a signed-out write 401, not a page-user refusal', async () => {
    const tab = await stack.signIn('main', 'borge');
    expect((await tab.request('/logout', { method: 'POST', headers: { origin: tab.base } })).status).toBe(303);
    const answer = await bookmark(tab, 'PUT', ORDERS, 'borge.ousland@example.org');
    expect(answer.status).toBe(401);
    expect(errorOf(answer).code).toBe('not_authenticated');
  });
});
