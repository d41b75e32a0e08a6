import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { EditSubject, EditTarget } from '../api/edit-rights';
import { compileEditRules } from './compile-edit-rules';
import { createEditPolicy } from './create-edit-policy';
import { EditRulesFileSchema } from './edit-rules-schema';

/** The policy of a rules file written as JSON would be; fails the test when the file has problems. */
function policyOf(file: unknown) {
  const compiled = compileEditRules(v.parse(EditRulesFileSchema, file));
  if ('problems' in compiled) throw new Error(compiled.problems.join('\n'));
  return createEditPolicy(compiled.rules);
}

const table = (database: string, cluster: string, schema: string, name: string, owners: string[] = []): EditTarget => ({
  type: 'table', key: `${database}://${cluster}.${schema}/${name}`, database, cluster, schema, name, owners,
});
const ORDERS = table('hive', 'gold', 'sales', 'orders', ['fridtjof@example.org']);
const REVENUE = table('snowflake', 'prod', 'finance', 'monthly_revenue');
const RAW_EVENTS = table('hive', 'gold', 'raw', 'events');
const DASHBOARD: EditTarget = { type: 'dashboard', key: 'mode_dashboard://prod.sales/weekly', product: 'mode', cluster: 'prod', group: 'sales', name: 'weekly', owners: ['liv@example.org'] };

const person = (user_id: string, ...groups: string[]): EditSubject => ({ user_id, groups });
const ALL = { descriptions: true, tags: true, owners: true, reason: null };
const ROLE_GRANTS = {
  grants: [
    { groups: ['nansen-admins'], role: 'admin' },
    { groups: ['data-stewards'], role: 'owner-editor' },
    { groups: ['data-editors'], role: 'editor' },
  ],
};

describe('roles', () => {
  const policy = policyOf(ROLE_GRANTS);

  it('a viewer (everyone signed in, by default) may change nothing, and hears which role each right needs', () => {
    expect(policy.rightsFor(person('borge@example.org', 'finance-data'), REVENUE)).toEqual({
      descriptions: false, tags: false, owners: false,
      reason: 'Editing descriptions and tags of this snowflake table needs the editor role, and its owners the owner-editor role; you have viewer and are not one of its owners.',
    });
  });

  it('an editor may change descriptions and tags, not owners', () => {
    expect(policy.rightsFor(person('liv@example.org', 'data-editors'), REVENUE)).toEqual({
      descriptions: true, tags: true, owners: false, reason: 'Editing owners of this snowflake table needs the owner-editor role; you have editor and are not one of its owners.',
    });
  });

  it('an owner-editor and an admin may change everything on a table', () => {
    expect(policy.rightsFor(person('f@example.org', 'data-stewards'), REVENUE)).toEqual(ALL);
    expect(policy.rightsFor(person('r@example.org', 'nansen-admins'), REVENUE)).toEqual(ALL);
  });

  it('the highest role among a person\'s groups counts, whatever the order of the grants', () => {
    expect(policy.rightsFor(person('x@example.org', 'data-editors', 'nansen-admins'), REVENUE)).toEqual(ALL);
    expect(policyOf({ grants: [...ROLE_GRANTS.grants].reverse() }).rightsFor(person('x@example.org', 'nansen-admins', 'data-editors'), REVENUE)).toEqual(ALL);
  });

  it('group names match exactly, letter case included', () => {
    expect(policy.rightsFor(person('x@example.org', 'Data-Editors', 'data-editors-old'), REVENUE).descriptions).toBe(false);
  });

  it('a grant may name people by user id, for providers that send no groups', () => {
    const byUser = policyOf({ grants: [{ users: ['liv@example.org'], role: 'editor' }] });
    expect(byUser.rightsFor(person('liv@example.org'), REVENUE)).toMatchObject({ descriptions: true, tags: true, owners: false });
    expect(byUser.rightsFor(person('borge@example.org'), REVENUE)).toMatchObject({ descriptions: false, tags: false });
  });

  it('signedIn gives everyone signed in a role, which grants only raise', () => {
    const everyoneEdits = policyOf({ signedIn: 'editor', grants: [{ groups: ['data-stewards'], role: 'owner-editor' }, { groups: ['demoted'], role: 'viewer' }] });
    expect(everyoneEdits.rightsFor(person('x@example.org'), REVENUE)).toMatchObject({ descriptions: true, tags: true, owners: false });
    expect(everyoneEdits.rightsFor(person('x@example.org', 'demoted'), REVENUE)).toMatchObject({ descriptions: true, tags: true, owners: false });
    expect(everyoneEdits.rightsFor(person('x@example.org', 'data-stewards'), REVENUE)).toEqual(ALL);
  });

  it('an empty rules file lets nobody edit but owners', () => {
    const empty = policyOf({});
    expect(empty.rightsFor(person('x@example.org', 'anything'), REVENUE)).toMatchObject({ descriptions: false, tags: false, owners: false });
    expect(empty.rightsFor(person('fridtjof@example.org'), ORDERS)).toEqual(ALL);
  });
});

describe('patterns: grants narrowed to databases, clusters, schemas and tables', () => {
  const policy = policyOf({
    grants: [
      { groups: ['finance-data'], role: 'editor', where: { database: 'snowflake', schema: 'finance' } },
      { groups: ['hive-team'], role: 'owner-editor', where: { database: 'hive', cluster: ['gold', 'silver'], table: 'order*' } },
      { groups: ['tmp-cleaners'], role: 'editor', where: { schema: { regex: 'tmp|raw' } } },
    ],
  });

  it('a grant holds only where every part it names matches', () => {
    const borge = person('borge@example.org', 'finance-data');
    expect(policy.rightsFor(borge, REVENUE)).toMatchObject({ descriptions: true, tags: true });
    expect(policy.rightsFor(borge, table('snowflake', 'prod', 'sales', 'monthly_revenue'))).toMatchObject({ descriptions: false, tags: false });
    expect(policy.rightsFor(borge, table('hive', 'prod', 'finance', 'monthly_revenue'))).toMatchObject({ descriptions: false, tags: false });
  });

  it('a narrowed grant tells a person their role here, not elsewhere', () => {
    expect(policy.rightsFor(person('borge@example.org', 'finance-data'), ORDERS).reason).toBe(
      'Editing descriptions and tags of this hive table needs the editor role, and its owners the owner-editor role; you have viewer and are not one of its owners.',
    );
  });

  it('a glob matches the whole name; * is any run of characters; a list matches any of its globs', () => {
    const team = person('x@example.org', 'hive-team');
    expect(policy.rightsFor(team, ORDERS)).toEqual(ALL);
    expect(policy.rightsFor(team, table('hive', 'silver', 'sales', 'orders_daily'))).toEqual(ALL);
    expect(policy.rightsFor(team, table('hive', 'bronze', 'sales', 'orders'))).toMatchObject({ owners: false });
    expect(policy.rightsFor(team, table('hive', 'gold', 'sales', 'all_orders'))).toMatchObject({ owners: false });
    expect(policy.rightsFor(team, table('hive', 'gold', 'sales', 'Orders'))).toMatchObject({ owners: false });
  });

  it('a glob\'s other characters are literal', () => {
    const dotted = policyOf({ grants: [{ groups: ['g'], role: 'editor', where: { schema: 'a.b' } }] });
    expect(dotted.rightsFor(person('x', 'g'), table('hive', 'gold', 'a.b', 't')).tags).toBe(true);
    expect(dotted.rightsFor(person('x', 'g'), table('hive', 'gold', 'axb', 't')).tags).toBe(false);
  });

  it('a regex matches from the start of the name, not necessarily to its end (Python\'s re.match)', () => {
    const cleaner = person('x@example.org', 'tmp-cleaners');
    expect(policy.rightsFor(cleaner, table('hive', 'gold', 'tmp_2024', 't')).tags).toBe(true);
    expect(policy.rightsFor(cleaner, table('hive', 'gold', 'raw', 't')).tags).toBe(true);
    expect(policy.rightsFor(cleaner, table('hive', 'gold', 'my_tmp', 't')).tags).toBe(false);
  });

  it('a grant narrowed to tables never holds for a dashboard, and one for dashboards never for a table', () => {
    const mixed = policyOf({
      grants: [
        { groups: ['g'], role: 'editor', where: { schema: 'sales' } },
        { groups: ['bi'], role: 'editor', where: { product: 'mode', group: 'sales' } },
      ],
    });
    expect(mixed.rightsFor(person('x', 'g'), DASHBOARD).tags).toBe(false);
    expect(mixed.rightsFor(person('x', 'bi'), DASHBOARD).tags).toBe(true);
    expect(mixed.rightsFor(person('x', 'bi'), ORDERS).tags).toBe(false);
  });

  it('a cluster pattern holds for tables and dashboards alike', () => {
    const prod = policyOf({ grants: [{ groups: ['g'], role: 'editor', where: { cluster: 'prod' } }] });
    expect(prod.rightsFor(person('x', 'g'), DASHBOARD).tags).toBe(true);
    expect(prod.rightsFor(person('x', 'g'), REVENUE).tags).toBe(true);
    expect(prod.rightsFor(person('x', 'g'), ORDERS).tags).toBe(false);
  });
});

describe('owners may edit their tables', () => {
  const policy = policyOf(ROLE_GRANTS);

  it('an owner who is only a viewer may change everything on what they own, owners included', () => {
    expect(policy.rightsFor(person('fridtjof@example.org'), ORDERS)).toEqual(ALL);
    expect(policy.rightsFor(person('fridtjof@example.org'), REVENUE).descriptions).toBe(false);
  });

  it('is off with ownersMayEdit: false', () => {
    const off = policyOf({ ...ROLE_GRANTS, ownersMayEdit: false });
    expect(off.rightsFor(person('fridtjof@example.org'), ORDERS)).toEqual({
      descriptions: false, tags: false, owners: false,
      reason: 'Editing descriptions and tags of this hive table needs the editor role, and its owners the owner-editor role; you have viewer.',
    });
  });

  // Finding 10 of the curate pass: borge, a viewer who owns core.customers where tags and owners are
  // locked, read "…needs the admin role (the edit rules lock them); you have viewer." while he could
  // edit its descriptions.
  it('an owner whose ownership gives more than their role hears what it gives, not only their role', () => {
    const locked = policyOf({ ...ROLE_GRANTS, locked: [{ where: { schema: 'sales' }, fields: ['tags', 'owners'] }] });
    expect(locked.rightsFor(person('fridtjof@example.org'), ORDERS)).toEqual({
      descriptions: true, tags: false, owners: false,
      reason: 'Editing tags and owners of this hive table needs the admin role (the edit rules lock them); your role is viewer, and as one of its owners you may edit its descriptions.',
    });
    const descriptionsLocked = policyOf({ ...ROLE_GRANTS, locked: [{ where: { schema: 'sales' } }] });
    expect(descriptionsLocked.rightsFor(person('fridtjof@example.org'), ORDERS).reason).toBe(
      'Editing descriptions of this hive table needs the admin role (the edit rules lock them); your role is viewer, and as one of its owners you may edit its tags and owners.',
    );
  });

  it('an owner whose role gives as much as ownership hears only their role', () => {
    const locked = policyOf({ ...ROLE_GRANTS, locked: [{ where: { schema: 'sales' }, fields: ['owners'] }] });
    expect(locked.rightsFor(person('fridtjof@example.org', 'data-editors'), ORDERS).reason).toBe('Editing owners of this hive table needs the admin role (the edit rules lock them); you have editor.');
  });

  it('a non-owner hears that they are not one of its owners only where owners could edit what they may not', () => {
    expect(policy.rightsFor(person('liv@example.org'), ORDERS).reason).toBe(
      'Editing descriptions and tags of this hive table needs the editor role, and its owners the owner-editor role; you have viewer and are not one of its owners.',
    );
    const locked = policyOf({ ...ROLE_GRANTS, locked: [{ where: {}, fields: ['owners'] }] });
    expect(locked.rightsFor(person('liv@example.org', 'data-editors'), ORDERS).reason).toBe('Editing owners of this hive table needs the admin role (the edit rules lock them); you have editor.');
  });

  it('the owner of a dashboard may change its tags', () => {
    expect(policy.rightsFor(person('liv@example.org'), DASHBOARD)).toEqual({ descriptions: false, tags: true, owners: false, reason: null });
  });
});

describe('dashboards: tags only', () => {
  const policy = policyOf(ROLE_GRANTS);

  it('an editor and an admin may change a dashboard\'s tags, never its description or owners (they come from the BI tool)', () => {
    for (const group of ['data-editors', 'data-stewards', 'nansen-admins'])
      expect(policy.rightsFor(person('x', group), DASHBOARD)).toEqual({ descriptions: false, tags: true, owners: false, reason: null });
  });

  it('a viewer hears only about the tags, the one thing on a dashboard anyone may change', () => {
    expect(policy.rightsFor(person('x'), DASHBOARD)).toEqual({ descriptions: false, tags: false, owners: false, reason: 'Editing tags of this mode dashboard needs the editor role; you have viewer and are not one of its owners.' });
  });
});

describe('locks: Amundsen\'s UNEDITABLE_SCHEMAS and match rules, and more', () => {
  it('UNEDITABLE_SCHEMAS as a lock: descriptions in those schemas, for everyone but an admin; tags and owners stay', () => {
    const policy = policyOf({ ...ROLE_GRANTS, locked: [{ where: { schema: ['raw', 'staging'] } }] });
    expect(policy.rightsFor(person('x', 'data-stewards'), RAW_EVENTS)).toEqual({
      descriptions: false, tags: true, owners: true, reason: 'Editing descriptions of this hive table needs the admin role (the edit rules lock them); you have owner-editor.',
    });
    expect(policy.rightsFor(person('x', 'nansen-admins'), RAW_EVENTS)).toEqual(ALL);
    expect(policy.rightsFor(person('x', 'data-stewards'), ORDERS)).toEqual(ALL);
  });

  it('a match rule with both regexes locks a table only when both match from the start, as Amundsen\'s does', () => {
    const policy = policyOf({ signedIn: 'owner-editor', locked: [{ where: { schema: { regex: 'tmp_' }, table: { regex: '.*_bak' } } }] });
    expect(policy.rightsFor(person('x'), table('hive', 'gold', 'tmp_x', 'orders_bak')).descriptions).toBe(false);
    expect(policy.rightsFor(person('x'), table('hive', 'gold', 'tmp_x', 'orders_bak_2')).descriptions).toBe(false);
    expect(policy.rightsFor(person('x'), table('hive', 'gold', 'tmp_x', 'orders')).descriptions).toBe(true);
    expect(policy.rightsFor(person('x'), table('hive', 'gold', 'x_tmp_', 'orders_bak')).descriptions).toBe(true);
  });

  it('Amundsen\'s default (everyone edits everything) with its locks is signedIn owner-editor', () => {
    const policy = policyOf({ signedIn: 'owner-editor', locked: [{ where: { schema: 'raw' } }] });
    expect(policy.rightsFor(person('anyone'), ORDERS)).toEqual(ALL);
    expect(policy.rightsFor(person('anyone'), RAW_EVENTS)).toMatchObject({ descriptions: false, tags: true, owners: true });
    expect(policy.rightsFor(person('anyone'), DASHBOARD)).toEqual({ descriptions: false, tags: true, owners: false, reason: null });
  });

  it('an admin who owns a locked table keeps the admin\'s rights there', () => {
    const policy = policyOf({ ...ROLE_GRANTS, locked: [{ where: { schema: 'sales' } }] });
    expect(policy.rightsFor(person('fridtjof@example.org', 'nansen-admins'), ORDERS)).toEqual(ALL);
    expect(policy.rightsFor(person('fridtjof@example.org'), ORDERS)).toMatchObject({ descriptions: false, tags: true, owners: true });
  });

  it('a grant may name groups and people at once', () => {
    const both = policyOf({ grants: [{ groups: ['g'], users: ['liv@example.org'], role: 'editor' }] });
    expect(both.rightsFor(person('liv@example.org'), REVENUE).tags).toBe(true);
    expect(both.rightsFor(person('x', 'g'), REVENUE).tags).toBe(true);
    expect(both.rightsFor(person('x', 'h'), REVENUE).tags).toBe(false);
  });

  it('a lock may close tags and owners too, and holds for owners of the table', () => {
    const policy = policyOf({ ...ROLE_GRANTS, locked: [{ where: {}, fields: ['owners'] }, { where: { database: 'hive' }, fields: ['tags', 'descriptions'] }] });
    expect(policy.rightsFor(person('fridtjof@example.org', 'data-stewards'), ORDERS)).toEqual({
      descriptions: false, tags: false, owners: false,
      reason: 'Editing descriptions, tags and owners of this hive table needs the admin role (the edit rules lock them); you have owner-editor.',
    });
    expect(policy.rightsFor(person('x', 'data-editors'), REVENUE)).toEqual({
      descriptions: true, tags: true, owners: false, reason: 'Editing owners of this snowflake table needs the admin role (the edit rules lock them); you have editor.',
    });
  });

  it('a viewer on a locked table hears the role for each right', () => {
    const policy = policyOf({ locked: [{ where: { schema: 'raw' } }] });
    expect(policy.rightsFor(person('x'), RAW_EVENTS).reason).toBe(
      'Editing tags of this hive table needs the editor role, its owners the owner-editor role, and its descriptions the admin role (the edit rules lock them); you have viewer and are not one of its owners.',
    );
  });

  it('a dashboard lock on tags', () => {
    const policy = policyOf({ ...ROLE_GRANTS, locked: [{ where: { product: 'mode' }, fields: ['tags'] }] });
    expect(policy.rightsFor(person('x', 'data-editors'), DASHBOARD)).toMatchObject({ tags: false, reason: 'Editing tags of this mode dashboard needs the admin role (the edit rules lock them); you have editor.' });
    expect(policy.rightsFor(person('x', 'nansen-admins'), DASHBOARD).tags).toBe(true);
  });
});
