// Table owners whose id holds "/" or a space, added and removed from the table page's BFF route, over
// real HTTP: the development provider, the BFF with the sample edit rules (docs/edit-rules.sample.json)
// and the embedded catalog behind a gate that records what reached it. An owner with "/" (a valid user
// id since decision 032) goes through /user/<id>/own/table/KEY, any other through /table/KEY/owner/<id>;
// both are the same edit in the catalog, and the edit rules decide alike whichever is used.
import path from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBodySchema, EditHistoryResponseSchema, OwnedResponseSchema, TableDetailResponseSchema } from '../contract/bff-api';
import { ingestNdjson } from './catalog/ingest/ingest-ndjson';
import { loadEditRules } from './edit-rules/load-edit-rules';
import type { BffBrowser } from './testing/bff-browser';
import { startCurateStack, type CurateStack } from './testing/start-curate-stack';

const ROOT = path.resolve(import.meta.dirname, '..');
const ORDERS = 'hive://gold.sales/orders';
const CUSTOMERS = 'hive://gold.core/customers';
const FRIDTJOF = 'fridtjof.nansen@example.org';
const LIV = 'liv.arnesen@example.org';
/** Loaded by an ingest: an owner whose id holds "/", and one whose id has a space. */
const SLASHED = 'team/ana@example.org';
const SPACED = 'Jane Doe';
const PLAIN = 'new.hire@example.org';

interface Answer { status: number; json: unknown }

let stack: CurateStack<'main'>;
/** owner-editor by the sample rules: may change any table's owners. */
let fridtjof: BffBrowser;
/** editor by the sample rules: owners only of the tables she owns (ownersMayEdit). */
let liv: BffBrowser;

async function call(browser: BffBrowser, url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await browser.request(url, init);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}
const ownerEdit = (browser: BffBrowser, method: 'PUT' | 'DELETE', key: string, owner: string) =>
  call(browser, '/api/metadata/v0/update_table_owner', {
    method, headers: { 'content-type': 'application/json', origin: browser.base }, body: JSON.stringify({ key, owner }),
  });
const ownersOf = async (key: string) =>
  v.parse(TableDetailResponseSchema, (await call(fridtjof, `/api/metadata/v0/table?key=${encodeURIComponent(key)}`)).json).tableData.owners.map((o) => o.user_id);
const ownedBy = async (userId: string) =>
  v.parse(OwnedResponseSchema, (await call(fridtjof, `/api/metadata/v0/user/own?user_id=${encodeURIComponent(userId)}`)).json).own.table.map((t) => t.key);
/** The catalog writes (PUT/DELETE) the next `run` caused, as the gate saw them (path decoded). */
async function writesDuring(run: () => Promise<unknown>): Promise<string[]> {
  const from = stack.gate.seen.length;
  await run();
  return stack.gate.seen.slice(from).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}
const expectError = (answer: Answer, status: number, code: string) => {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  return v.parse(ApiErrorBodySchema, answer.json).error;
};

beforeAll(async () => {
  stack = await startCurateStack({
    catalog: { demoTables: 40 },
    bffs: { main: { editPolicy: loadEditRules(path.join(ROOT, 'docs', 'edit-rules.sample.json')).policy } },
  });
  const records = [
    { type: 'user', email: SLASHED, full_name: 'Ana Team' },
    { type: 'owner', resource_type: 'table', resource_key: ORDERS, user_email: SLASHED },
    { type: 'owner', resource_type: 'table', resource_key: ORDERS, user_email: SPACED },
    { type: 'owner', resource_type: 'table', resource_key: CUSTOMERS, user_email: LIV },
  ];
  const summary = await ingestNdjson(stack.store.db, records.map((r) => `${JSON.stringify(r)}\n`));
  expect(summary.rejectedCount).toBe(0);
  fridtjof = await stack.signIn('main', 'fridtjof');
  liv = await stack.signIn('main', 'liv');
}, 60_000);
afterAll(() => stack?.close());

describe('a table owner whose id holds "/"', () => {
  it('is removed and added back through /user/<id>/own/table/KEY, on the table page, the owner\'s profile and the History', async () => {
    expect(await ownersOf(ORDERS)).toContain(SLASHED);
    let answer: Answer | undefined;
    expect(await writesDuring(async () => (answer = await ownerEdit(fridtjof, 'DELETE', ORDERS, SLASHED)))).toEqual([`DELETE /user/${SLASHED}/own/table/${ORDERS}`]);
    expect(answer!.status, JSON.stringify(answer!.json)).toBe(200);
    expect(await ownersOf(ORDERS)).not.toContain(SLASHED);
    expect(await ownedBy(SLASHED)).not.toContain(ORDERS);

    expect(await writesDuring(async () => (answer = await ownerEdit(fridtjof, 'PUT', ORDERS, SLASHED)))).toEqual([`PUT /user/${SLASHED}/own/table/${ORDERS}`]);
    expect(answer!.status).toBe(200);
    expect(await ownersOf(ORDERS)).toContain(SLASHED);
    expect(await ownedBy(SLASHED)).toContain(ORDERS);

    const history = v.parse(EditHistoryResponseSchema, (await call(fridtjof, `/api/metadata/v0/edits?type=table&key=${encodeURIComponent(ORDERS)}`)).json);
    expect(history.edits.slice(0, 2).map((e) => [e.field, e.action, (e.after as string[]).includes(SLASHED), e.editor.user_id])).toEqual([
      ['owners', 'add', true, FRIDTJOF],
      ['owners', 'remove', false, FRIDTJOF],
    ]);
  });

  it('may be typed to add a new owner', async () => {
    const typed = 'data/platform@example.org';
    expect(await writesDuring(() => ownerEdit(fridtjof, 'PUT', ORDERS, ` ${typed} `))).toEqual([`PUT /user/${typed}/own/table/${ORDERS}`]);
    expect(await ownersOf(ORDERS)).toContain(typed);
    expect(await writesDuring(() => ownerEdit(fridtjof, 'DELETE', ORDERS, typed))).toEqual([`DELETE /user/${typed}/own/table/${ORDERS}`]);
    expect(await ownersOf(ORDERS)).not.toContain(typed);
  });

  it('is refused with 400 invalid_user_id, before anything reaches the catalog, when a "." or ".." segment or "/own/" is in it', async () => {
    const from = stack.gate.seen.length;
    for (const owner of ['team/../fridtjof.nansen@example.org', 'team/own/ana@example.org', '..']) {
      for (const method of ['PUT', 'DELETE'] as const) {
        const error = expectError(await ownerEdit(fridtjof, method, ORDERS, owner), 400, 'invalid_user_id');
        expect(error.message, `${method} ${owner}`).toMatch(new RegExp(`^The user id "${owner.replace(/\./g, '\\.')}" has `));
      }
    }
    expect(stack.gate.seen.slice(from)).toEqual([]);
  });
});

describe('a table owner whose id has a space', () => {
  it('is removed as shown, through /table/KEY/owner/<id>; typed to add, it is refused as no user id', async () => {
    expect(await ownersOf(ORDERS)).toContain(SPACED);
    expect(await writesDuring(() => ownerEdit(fridtjof, 'DELETE', ORDERS, SPACED))).toEqual([`DELETE /table/${ORDERS}/owner/${SPACED}`]);
    expect(await ownersOf(ORDERS)).not.toContain(SPACED);
    const error = expectError(await ownerEdit(fridtjof, 'PUT', ORDERS, SPACED), 400, 'invalid_body');
    expect(error.message).toBe('An owner must be a user id, such as an email address: at most 320 characters, with no spaces.');
  });

  it('leaves the wire form of other owners as it was', async () => {
    expect(await writesDuring(() => ownerEdit(fridtjof, 'PUT', ORDERS, PLAIN))).toEqual([`PUT /table/${ORDERS}/owner/${PLAIN}`]);
    expect(await writesDuring(() => ownerEdit(fridtjof, 'DELETE', ORDERS, PLAIN))).toEqual([`DELETE /table/${ORDERS}/owner/${PLAIN}`]);
  });
});

describe('the edit rules', () => {
  it('refuse an editor who does not own the table alike on both routes, writing nothing', async () => {
    for (const [method, owner] of [['DELETE', SLASHED], ['PUT', 'data/other@example.org'], ['PUT', PLAIN]] as const) {
      let answer: Answer | undefined;
      expect(await writesDuring(async () => (answer = await ownerEdit(liv, method, ORDERS, owner))), `${method} ${owner}`).toEqual([]);
      expect(expectError(answer!, 403, 'edit_forbidden').message).toMatch(/owner-editor/);
    }
    expect(await ownersOf(ORDERS)).toContain(SLASHED);
  });

  it('let an owner of the table change its owners alike on both routes', async () => {
    for (const owner of [SLASHED, PLAIN]) {
      const user = `/user/${owner}/own/table/${CUSTOMERS}`;
      const table = `/table/${CUSTOMERS}/owner/${owner}`;
      const wire = owner.includes('/') ? user : table;
      expect(await writesDuring(() => ownerEdit(liv, 'PUT', CUSTOMERS, owner)), owner).toEqual([`PUT ${wire}`]);
      expect(await ownersOf(CUSTOMERS)).toContain(owner);
      expect(await writesDuring(() => ownerEdit(liv, 'DELETE', CUSTOMERS, owner)), owner).toEqual([`DELETE ${wire}`]);
      expect(await ownersOf(CUSTOMERS)).not.toContain(owner);
    }
  });
});
