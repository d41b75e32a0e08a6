// Who may edit, end to end on the server: the real development provider sends the demo people's
// groups, the BFF (with the sample rules, docs/edit-rules.sample.json) turns them into each table's
// edit_rights and refuses a forged write with 403 naming the missing role, against the real embedded
// catalog; without a rules file everyone signed in may edit. And a bad EDIT_RULES_FILE stops Nansen
// itself (server/main.ts) before anything starts.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionData } from 'express-session';
import { ApiErrorBodySchema, DashboardResponseSchema, TableDetailResponseSchema } from '../contract/bff-api';
import { createCatalogStore } from './catalog/store/create-catalog-store';
import { DEMO_PEOPLE } from './demo/demo-people';
import { loadEditRules } from './edit-rules/load-edit-rules';
import type { BffBrowser } from './testing/bff-browser';
import { startTestStack, type TestBff, type TestStack } from './testing/start-test-stack';
import { sessionStoreKey } from './auth/session-store-key';

const ROOT = path.resolve(import.meta.dirname, '..');
const CUSTOMERS = 'hive://gold.core/customers';
const REVENUE = 'snowflake://prod.finance/monthly_revenue';
const ALL_RIGHTS = { descriptions: true, tags: true, owners: true, reason: null };

describe('edit rights from the groups of the login, with the sample rules', () => {
  let stack: TestStack;
  /** With the sample rules; and one without a rules file. */
  let ruled: TestBff;
  let unruled: TestBff;
  const browsers = new Map<string, BffBrowser>();

  beforeAll(async () => {
    stack = await startTestStack({ bffSlots: 2 });
    ruled = await stack.startBff(0, { editPolicy: loadEditRules(path.join(ROOT, 'docs', 'edit-rules.sample.json')).policy });
    unruled = await stack.startBff(1);
  });
  afterAll(() => stack?.close());

  /** A browser signed in as `login` on `bff`, once per test file. */
  async function as(login: string, bff: TestBff = ruled): Promise<BffBrowser> {
    const name = `${login}@${bff.base}`;
    const known = browsers.get(name);
    if (known) return known;
    const browser = bff.browser();
    expect((await browser.logIn(login)).status).toBe(303);
    browsers.set(name, browser);
    return browser;
  }

  async function rightsOn(browser: BffBrowser, key: string) {
    const res = await browser.request(`/api/metadata/v0/table?key=${encodeURIComponent(key)}`);
    expect(res.status).toBe(200);
    return v.parse(TableDetailResponseSchema, await res.json()).tableData;
  }

  const write = (browser: BffBrowser, method: 'PUT' | 'DELETE', route: string, body: unknown) =>
    browser.request(`/api/metadata/v0/${route}`, { method, headers: { 'content-type': 'application/json', origin: browser.base }, body: JSON.stringify(body) });

  async function expectForbidden(res: Response, message: string) {
    expect(res.status).toBe(403);
    expect(v.parse(ApiErrorBodySchema, await res.json()).error).toMatchObject({ code: 'edit_forbidden', message });
  }

  it('the development provider\'s demo people bring their groups into the session', async () => {
    for (const person of DEMO_PEOPLE) {
      const browser = await as(person.login);
      // The stores know a session by the hash of its cookie's id (decision 050).
      const sid = sessionStoreKey(decodeURIComponent(browser.sessionCookie.split('=')[1] ?? '').replace(/^s:/, '').split('.')[0]!);
      const record = await new Promise<SessionData>((resolve, reject) =>
        ruled.sessions.store.get(sid, (err, data) => (err || !data ? reject(err ?? new Error('no session')) : resolve(data))),
      );
      expect(record.groups).toEqual(person.groups);
    }
  });

  it('a viewer\'s groups give a table page with no rights and the reason, naming the roles', async () => {
    const borge = await as('borge');
    expect((await rightsOn(borge, CUSTOMERS)).edit_rights).toEqual({
      descriptions: false, tags: false, owners: false,
      reason: 'Editing descriptions and tags of this hive table needs the editor role, and its owners the owner-editor role; you have viewer and are not one of its owners.',
    });
  });

  it('the same viewer may edit where a narrowed grant and his ownership hold', async () => {
    expect((await rightsOn(await as('borge'), REVENUE)).edit_rights).toEqual(ALL_RIGHTS);
  });

  it('an editor, an owner-editor and an admin get their role\'s rights', async () => {
    expect((await rightsOn(await as('liv'), CUSTOMERS)).edit_rights).toEqual({
      descriptions: true, tags: true, owners: false, reason: 'Editing owners of this hive table needs the owner-editor role; you have editor and are not one of its owners.',
    });
    expect((await rightsOn(await as('fridtjof'), CUSTOMERS)).edit_rights).toEqual(ALL_RIGHTS);
    expect((await rightsOn(await as('roald'), CUSTOMERS)).edit_rights).toEqual(ALL_RIGHTS);
  });

  it('a viewer\'s forged writes are refused with 403 naming the missing role, and the catalog is unchanged', async () => {
    const borge = await as('borge');
    const before = await rightsOn(borge, CUSTOMERS);
    const reason = before.edit_rights.reason!;
    await expectForbidden(await write(borge, 'PUT', 'put_table_description', { key: CUSTOMERS, description: 'Forged', base: before.description }), reason);
    await expectForbidden(await write(borge, 'PUT', 'put_column_description', { key: CUSTOMERS, column_name: before.columns[0]!.name, description: 'Forged', base: before.columns[0]!.description }), reason);
    await expectForbidden(await write(borge, 'PUT', 'update_table_tags', { key: CUSTOMERS, tag: 'forged' }), reason);
    await expectForbidden(await write(borge, 'DELETE', 'update_table_tags', { key: CUSTOMERS, tag: before.tags[0]?.tag_name ?? 'core' }), reason);
    await expectForbidden(await write(borge, 'PUT', 'update_table_owner', { key: CUSTOMERS, owner: 'borge.ousland@example.org' }), reason);
    const after = await rightsOn(await as('roald'), CUSTOMERS);
    expect({ description: after.description, columns: after.columns, tags: after.tags, owners: after.owners }).toEqual({
      description: before.description, columns: before.columns, tags: before.tags, owners: before.owners,
    });
  });

  it('an editor may tag but not change owners: 403 with the owner-editor role named', async () => {
    const liv = await as('liv');
    expect((await write(liv, 'PUT', 'update_table_tags', { key: CUSTOMERS, tag: 'reviewed_by_liv' })).status).toBe(200);
    expect((await rightsOn(liv, CUSTOMERS)).tags.map((t) => t.tag_name)).toContain('reviewed_by_liv');
    await expectForbidden(
      await write(liv, 'PUT', 'update_table_owner', { key: CUSTOMERS, owner: 'liv.arnesen@example.org' }),
      'Editing owners of this hive table needs the owner-editor role; you have editor and are not one of its owners.',
    );
  });

  it('on a dashboard a viewer may not tag (a forged tag is refused) and an editor may; nobody edits its description or owners', async () => {
    const store = createCatalogStore(path.join(stack.dataDir, 'catalog.sqlite'));
    const uri = store.overview.listPopularDashboards(1)[0]!.uri;
    store.close();
    const product = uri.slice(0, uri.indexOf('_dashboard://'));
    const rightsOnDashboard = async (browser: BffBrowser) =>
      v.parse(DashboardResponseSchema, await (await browser.request(`/api/metadata/v0/dashboard?uri=${encodeURIComponent(uri)}`)).json()).dashboard.edit_rights;
    const reason = `Editing tags of this ${product} dashboard needs the editor role; you have viewer and are not one of its owners.`;
    expect(await rightsOnDashboard(await as('borge'))).toEqual({ descriptions: false, tags: false, owners: false, reason });
    await expectForbidden(await write(await as('borge'), 'PUT', 'update_dashboard_tags', { key: uri, tag: 'forged' }), reason);
    expect(await rightsOnDashboard(await as('liv'))).toEqual({ descriptions: false, tags: true, owners: false, reason: null });
    expect(await rightsOnDashboard(await as('roald'))).toEqual({ descriptions: false, tags: true, owners: false, reason: null });
  });

  it('without a rules file everyone signed in may edit, as in Amundsen', async () => {
    expect((await rightsOn(await as('borge', unruled), CUSTOMERS)).edit_rights).toEqual(ALL_RIGHTS);
  });
});

/** Runs server/main.ts with `env` until it exits; its exit code and what it wrote to stderr. */
function runNansen(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('a bad edit rules file at start-up', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-edit-rules-start-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops Nansen with exit code 78 and a message naming the file, the place in it and the fix', async () => {
    const file = path.join(dir, 'edit-rules.json');
    fs.writeFileSync(file, JSON.stringify({ grants: [{ groups: ['stewards'], role: 'edtor' }] }));
    const { code, stderr } = await runNansen({ EDIT_RULES_FILE: file, DATA_DIR: path.join(dir, 'data') });
    expect(code).toBe(78);
    // (oidc-provider may first warn about the Node.js version when it loads.)
    expect(stderr.slice(stderr.indexOf('Nansen cannot start'))).toBe(
      `Nansen cannot start; fix these settings:\n  - EDIT_RULES_FILE (${file}): grants[0].role must be one of "viewer", "editor", "owner-editor", "admin" (found "edtor")\n`,
    );
    // Nothing started: the data folder was never made.
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('stops Nansen when the file is missing, resolving a relative EDIT_RULES_FILE from where it starts', async () => {
    const { code, stderr } = await runNansen({ EDIT_RULES_FILE: 'no-such-edit-rules.json', DATA_DIR: path.join(dir, 'data') });
    expect(code).toBe(78);
    expect(stderr).toContain(`EDIT_RULES_FILE (${path.join(ROOT, 'no-such-edit-rules.json')}): there is no such file; create it`);
  });
});
