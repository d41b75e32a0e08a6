import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EDIT_POLICY_WITHOUT_RULES, type EditTarget } from '../api/edit-rights';
import { problemsOf } from '../config/testing/config-problems';
import { loadEditRules } from './load-edit-rules';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ORDERS: EditTarget = { type: 'table', key: 'hive://gold.sales/orders', database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders', owners: [] };

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nansen-edit-rules-'));
  file = path.join(dir, 'edit-rules.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The problems of the file as written, each checked to start with `EDIT_RULES_FILE (<file>): ` and returned without it. */
function problemsFor(value: unknown): string[] {
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  const problems = problemsOf(() => loadEditRules(file));
  for (const problem of problems) expect(problem.startsWith(`EDIT_RULES_FILE (${file}): `), problem).toBe(true);
  return problems.map((problem) => problem.slice(`EDIT_RULES_FILE (${file}): `.length));
}

describe('loadEditRules: without a file', () => {
  it('gives Amundsen\'s behaviour when EDIT_RULES_FILE is unset: everyone signed in may edit', () => {
    const loaded = loadEditRules(undefined);
    expect(loaded.policy).toBe(EDIT_POLICY_WITHOUT_RULES);
    expect(loaded.summary).toBe('edit rules: none (EDIT_RULES_FILE is unset), so everyone signed in may edit');
  });
});

describe('loadEditRules: a good file', () => {
  it('answers by its rules and sums them up for the start-up log', () => {
    fs.writeFileSync(file, JSON.stringify({ grants: [{ groups: ['stewards'], role: 'editor' }], locked: [{ where: { schema: 'raw' } }] }));
    const { policy, summary } = loadEditRules(file);
    expect(policy.rightsFor({ user_id: 'liv', groups: ['stewards'] }, ORDERS)).toEqual({ descriptions: true, tags: true, owners: false, reason: 'Editing owners of this hive table needs the owner-editor role; you have editor and are not one of its owners.' });
    expect(policy.rightsFor({ user_id: 'borge', groups: [] }, ORDERS)).toMatchObject({ descriptions: false, tags: false, owners: false });
    expect(summary).toBe(`edit rules: ${file} (everyone signed in is viewer, 1 grant(s), 1 lock(s), owners may edit what they own)`);
  });

  it('takes a byte-order mark at the start', () => {
    fs.writeFileSync(file, `\uFEFF${JSON.stringify({ signedIn: 'editor', ownersMayEdit: false })}`);
    expect(loadEditRules(file).summary).toContain('everyone signed in is editor, 0 grant(s), 0 lock(s), owners have no extra rights');
  });

  it('loads the sample file in docs as it is', () => {
    const sample = path.join(ROOT, 'docs', 'edit-rules.sample.json');
    expect(loadEditRules(sample).summary).toMatch(/^edit rules: .*edit-rules\.sample\.json \(everyone signed in is viewer, \d+ grant\(s\), \d+ lock\(s\), owners may edit what they own\)$/);
  });
});

describe('loadEditRules: the file itself is wrong', () => {
  it('a file that does not exist: create it or unset the setting', () => {
    const missing = path.join(dir, 'missing.json');
    expect(problemsOf(() => loadEditRules(missing))).toEqual([
      `EDIT_RULES_FILE (${missing}): there is no such file; create it (docs/edit-rules.sample.json is an example; docs/edit-rules.md explains every option) or unset EDIT_RULES_FILE to let everyone signed in edit`,
    ]);
  });

  it('a folder instead of a file', () => {
    expect(problemsOf(() => loadEditRules(dir))).toEqual([`EDIT_RULES_FILE (${dir}): this is a folder; EDIT_RULES_FILE must name the JSON file itself`]);
  });

  it('an empty file', () => {
    expect(problemsFor('  \n')).toEqual(['the file is empty; write the rules as one JSON object (docs/edit-rules.sample.json is an example; docs/edit-rules.md explains every option)']);
  });

  it('broken JSON, with the line and column', () => {
    expect(problemsFor('{\n  "signedIn": "editor",\n}')).toEqual(['not valid JSON at line 2, column 23: a comma before } (JSON allows no trailing comma)']);
  });

  it('JSON that is not an object', () => {
    expect(problemsFor('["editor"]')).toEqual([
      'the file must hold one JSON object, such as { "signedIn": "editor" }; it holds an array (docs/edit-rules.sample.json is an example; docs/edit-rules.md explains every option)',
    ]);
    expect(problemsFor('null')[0]).toMatch(/^the file must hold one JSON object, such as \{ "signedIn": "editor" \}; it holds null/);
  });
});

describe('loadEditRules: each option, named by its path in the file', () => {
  it('an unknown role, with the roles there are', () => {
    expect(problemsFor({ signedIn: 'edtor' })).toEqual(['signedIn must be one of "viewer", "editor", "owner-editor", "admin" (found "edtor")']);
    expect(problemsFor({ grants: [{ groups: ['a'], role: 'editr' }] })).toEqual(['grants[0].role must be one of "viewer", "editor", "owner-editor", "admin" (found "editr")']);
  });

  it('a grant without its role', () => {
    expect(problemsFor({ grants: [{ groups: ['a'] }] })).toEqual(['grants[0].role is required and must be one of "viewer", "editor", "owner-editor", "admin"']);
  });

  it('a grant for nobody: name groups or users, or use signedIn', () => {
    expect(problemsFor({ grants: [{ groups: ['a'], role: 'admin' }, { role: 'editor' }] })).toEqual([
      'grants[1] names no groups and no users, so it grants nobody anything: add "groups": ["…"] (or "users"), or set "signedIn" to give a role to everyone signed in',
    ]);
  });

  it('groups written as one name or as an empty list', () => {
    expect(problemsFor({ grants: [{ groups: 'a', role: 'editor' }] })).toEqual(['grants[0].groups must be a list ([ … ]) (found "a")']);
    expect(problemsFor({ grants: [{ groups: [], role: 'editor' }] })).toEqual(['grants[0].groups must list at least one group']);
    expect(problemsFor({ grants: [{ users: [' '], role: 'editor' }] })).toEqual(['grants[0].users[0] must not be empty (found "")']);
  });

  it('a misspelt option, with the one meant', () => {
    expect(problemsFor({ grants: [{ group: ['a'], role: 'editor' }] })).toEqual(['grants[0].group is not an option; did you mean grants[0].groups? (grants[0] takes groups, users, role, where)']);
    expect(problemsFor({ grants: [{ groups: ['a'], role: 'editor', where: { databse: 'hive' } }] })).toEqual([
      'grants[0].where.databse is not an option; did you mean grants[0].where.database? (grants[0].where takes database, cluster, schema, table, product, group, dashboard)',
    ]);
    expect(problemsFor({ ownersMayEdti: false })).toEqual(['ownersMayEdti is not an option; did you mean ownersMayEdit? (the options are signedIn, grants, ownersMayEdit, locked)']);
  });

  it('a pattern beside "where" instead of in it', () => {
    expect(problemsFor({ locked: [{ schema: 'raw', where: {} }] })).toEqual(['locked[0].schema is not an option: a pattern belongs inside "where", as locked[0].where.schema']);
    expect(problemsFor({ grants: [{ groups: ['a'], role: 'editor', database: 'hive' }] })).toEqual(['grants[0].database is not an option: a pattern belongs inside "where", as grants[0].where.database']);
  });

  it('a pattern that is neither a name, a list nor a regex', () => {
    expect(problemsFor({ grants: [{ groups: ['a'], role: 'editor', where: { database: 3 } }] })).toEqual([
      'grants[0].where.database must be a pattern: a name or glob such as "finance_*", a list of them, or { "regex": "^tmp_" } (found 3)',
    ]);
  });

  it('a regular expression that does not compile, with the Python spelling that differs', () => {
    expect(problemsFor({ locked: [{ where: { schema: { regex: '(?P<x>tmp)' } } }] })).toEqual([
      'locked[0].where.schema.regex is not a valid regular expression (Invalid group); Python\'s (?P<name>…) is written (?<name>…) and (?P=name) is \\k<name> in JavaScript',
    ]);
    expect(problemsFor({ locked: [{ where: { table: { regex: 'tmp_(' } } }] })).toEqual(['locked[0].where.table.regex is not a valid regular expression (Unterminated group)']);
  });

  it('a where that names a table\'s parts and a dashboard\'s, which nothing can match', () => {
    expect(problemsFor({ grants: [{ groups: ['a'], role: 'editor', where: { schema: 'sales', product: 'mode' } }] })).toEqual([
      'grants[0].where names both table parts (schema) and dashboard parts (product), so nothing can match it: split it in two, one for tables and one for dashboards',
    ]);
  });

  it('a lock without where, or with a field that does not exist', () => {
    expect(problemsFor({ locked: [{ fields: ['tags'] }] })).toEqual([
      'locked[0] needs "where": the tables it locks, such as { "schema": ["raw"] } (write "where": {} to lock every table)',
    ]);
    expect(problemsFor({ locked: [{ where: { schema: 'raw' }, fields: ['description'] }] })).toEqual([
      'locked[0].fields[0] must be one of "descriptions", "tags", "owners" (found "description")',
    ]);
  });

  it('ownersMayEdit that is not true or false', () => {
    expect(problemsFor({ ownersMayEdit: 'yes' })).toEqual(['ownersMayEdit must be true or false (found "yes")']);
  });

  it('Amundsen\'s settings copied in as they are: how to write them as locks', () => {
    expect(problemsFor({ UNEDITABLE_SCHEMAS: ['raw'] })).toEqual([
      'UNEDITABLE_SCHEMAS is Amundsen\'s setting; write it as a lock: "locked": [{ "where": { "schema": ["raw", "staging"] } }], and a match rule as { "where": { "schema": { "regex": "^tmp_" }, "table": { "regex": "_bak$" } } } (docs/edit-rules.md, "Coming from Amundsen")',
    ]);
  });

  it('every problem at once', () => {
    expect(problemsFor({ signedIn: 'nobody', ownersMayEdit: 'yes' })).toHaveLength(2);
    expect(problemsFor({ grants: [{ role: 'editor' }], locked: [{ where: { schema: { regex: '(' } } }] })).toHaveLength(2);
  });

  // A regular expression that did not compile was reported only once the rest of the file had the right shape.
  it('every problem at once, also when some of the file has the wrong shape: the well-formed grants and locks are compiled too', () => {
    expect(problemsFor({
      signedIn: 'nobody',
      grants: [{ groups: ['a'], role: 'boss' }, { role: 'editor' }],
      locked: [{ where: { table: { regex: 'tmp_(' } } }, { fields: ['tags'] }, { where: { schema: 3 } }],
    })).toEqual([
      'signedIn must be one of "viewer", "editor", "owner-editor", "admin" (found "nobody")',
      'grants[0].role must be one of "viewer", "editor", "owner-editor", "admin" (found "boss")',
      'locked[2].where.schema must be a pattern: a name or glob such as "finance_*", a list of them, or { "regex": "^tmp_" } (found 3)',
      'grants[1] names no groups and no users, so it grants nobody anything: add "groups": ["…"] (or "users"), or set "signedIn" to give a role to everyone signed in',
      'locked[0].where.table.regex is not a valid regular expression (Unterminated group)',
      'locked[1] needs "where": the tables it locks, such as { "schema": ["raw"] } (write "where": {} to lock every table)',
    ]);
  });
});
