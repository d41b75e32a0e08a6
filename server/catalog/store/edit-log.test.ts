import { describe, expect, it } from 'vitest';
import { createEditLog, type EditRecord } from './edit-log';
import type { CatalogDatabase } from './open-catalog-database';
import { tempCatalogDatabases } from '../testing/temp-catalog-databases';

const catalogs = tempCatalogDatabases('edit-log-');
let db: CatalogDatabase;
const open = () => {
  db = catalogs.open();
  return createEditLog(db);
};

const ORDERS = 'hive://gold.sales/orders';
const edit = (resource_type: EditRecord['resource_type'], user_id: string, resource_key = ORDERS): EditRecord => ({
  resource_key, parent_key: resource_type === 'user' ? null : ORDERS, resource_type, action: 'update', field: 'description', before: null, after: 'x', user_id,
});
const HISTORY_TYPES = ['table', 'column', 'type_metadata', 'dashboard'] as const;

describe('the edit log', () => {
  it('counts the edits matching the filters, whatever page was asked for', () => {
    const log = open();
    for (const e of [edit('table', 'ann'), edit('column', 'ann', `${ORDERS}/id`), edit('user', 'ann', 'bob'), edit('table', 'bob'), edit('table', 'ann')]) log.record(e);
    expect(log.count({ userId: 'ann', resourceTypes: HISTORY_TYPES })).toBe(3);
    expect(log.count({ userId: 'ann' })).toBe(4);
    expect(log.count({ parentKey: ORDERS, resourceTypes: ['table', 'column', 'type_metadata'] })).toBe(4);
    expect(log.count({ parentKey: ORDERS, resourceTypes: ['table'], field: 'tag' })).toBe(0);
    expect(log.count({})).toBe(5);
    const page = log.list({ userId: 'ann', resourceTypes: HISTORY_TYPES, limit: 1 });
    expect(log.count({ userId: 'ann', resourceTypes: HISTORY_TYPES, before: page[0]!.id } as never)).toBe(3);
  });

  it('counts a person\'s or a table\'s history from the index alone, and pages it newest first without sorting', () => {
    open();
    const plan = (sql: string, params: object) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const types = JSON.stringify(HISTORY_TYPES);
    const where = (column: string) => `WHERE e.${column} = @v AND e.resource_type IN (SELECT value FROM json_each(@types))`;
    expect(plan(`SELECT COUNT(*) FROM edit_log e ${where('user_id')}`, { v: 'ann', types })).toContain('COVERING INDEX edit_log_by_user');
    expect(plan(`SELECT COUNT(*) FROM edit_log e ${where('parent_key')}`, { v: ORDERS, types })).toContain('COVERING INDEX edit_log_by_parent');
    const page = plan(`SELECT e.* FROM edit_log e ${where('user_id')} ORDER BY e.id DESC LIMIT 26`, { v: 'ann', types });
    expect(page).toContain('INDEX edit_log_by_user');
    expect(page).not.toContain('TEMP B-TREE');
  });

  it('names a dashboard edit\'s dashboard, and an owner edit\'s people the catalog knows, in one query a page', () => {
    const log = open();
    const DASH = 'mode_dashboard://prod.sales/churn_overview_0';
    db.prepare("INSERT INTO dashboard_groups (id, key, product, cluster, name) VALUES (1, 'mode_dashboard://prod.sales', 'mode', 'prod', 'Sales')").run();
    db.prepare('INSERT INTO dashboards (key, group_id, name) VALUES (?, 1, ?)').run(DASH, 'Churn Overview');
    db.prepare("INSERT INTO users (user_id, email, full_name, is_active) VALUES ('liv@example.org', 'liv@example.org', 'Liv Arnesen', 1), ('old@example.org', 'old@example.org', NULL, 0)").run();
    log.record({ resource_key: DASH, parent_key: DASH, resource_type: 'dashboard', action: 'add', field: 'tag', before: [], after: ['churn'], user_id: 'ann' });
    log.record({ resource_key: 'mode_dashboard://prod.sales/gone', parent_key: 'mode_dashboard://prod.sales/gone', resource_type: 'dashboard', action: 'add', field: 'tag', before: [], after: ['x'], user_id: 'ann' });
    log.record({ resource_key: ORDERS, parent_key: ORDERS, resource_type: 'table', action: 'add', field: 'owner', before: ['old@example.org'], after: ['old@example.org', 'liv@example.org', 'nobody'], user_id: 'ann' });
    log.record(edit('table', 'ann'));
    const [description, owners, gone, dashboard] = log.list({ userId: 'ann', limit: 10 });
    expect(dashboard).toMatchObject({ parent_name: 'Churn Overview' });
    expect(gone).not.toHaveProperty('parent_name');
    expect(owners!.people).toEqual([
      { user_id: 'old@example.org', display_name: null, is_active: false },
      { user_id: 'liv@example.org', display_name: 'Liv Arnesen', is_active: true },
    ]);
    expect(description).not.toHaveProperty('people');
    expect(description).not.toHaveProperty('parent_name');
  });
});
