import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from './create-catalog-store';
import { createDashboardWriter, type DashboardWrite, type DashboardWriter } from './write-dashboards';
import { createUserRows } from './user-rows';
import { makeTable } from '../testing/open-test-catalog';

const KEY = 'mode_dashboard://gold.finance/revenue';
const GROUP_KEY = 'mode_dashboard://gold.finance';

let dir: string;
let store: CatalogStore;
let writer: DashboardWriter;
let ids: { tables: number[]; users: number[]; tags: number[]; badges: number[] };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-dashboards-'));
  store = createCatalogStore(join(dir, 'catalog.db'));
  writer = createDashboardWriter(store.db);
  const tables = store.writer.writeTables(['hive://gold.core/a', 'hive://gold.core/b'].map((key) => makeTable(key)));
  const users = createUserRows(store.db);
  const tag = store.db.prepare('INSERT INTO tags (name) VALUES (?) RETURNING id').pluck();
  const badge = store.db.prepare("INSERT INTO badges (name, category) VALUES (?, 'dashboard') RETURNING id").pluck();
  ids = {
    tables,
    users: ['ann@example.org', 'bob@example.org'].map((u) => users.ensure(u).id),
    tags: ['finance', 'kpi'].map((t) => tag.get(t) as number),
    badges: ['beta', 'certified'].map((b) => badge.get(b) as number),
  };
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const base: DashboardWrite = { product: 'mode', cluster: 'gold', group_id: 'finance', dashboard_id: 'revenue', name: 'Revenue' };

/** Everything written for one dashboard, names instead of ids. */
function readBack(key = KEY) {
  const db = store.db;
  const id = writer.findDashboard(key)!;
  const list = (sql: string) => db.prepare(sql).pluck().all(id);
  return {
    dashboard: db.prepare(`SELECT d.name, d.description, d.total_views, g.name AS group_name, g.url AS group_url,
      g.description AS group_description FROM dashboards d JOIN dashboard_groups g ON g.id = d.group_id WHERE d.id = ?`)
      .get(id) as Record<string, unknown>,
    tables: list('SELECT t.key FROM dashboard_tables x JOIN tables t ON t.id = x.table_id WHERE x.dashboard_id = ? ORDER BY t.key'),
    owners: list('SELECT u.user_id FROM dashboard_owners x JOIN users u ON u.id = x.user_id WHERE x.dashboard_id = ? ORDER BY u.user_id'),
    tags: list('SELECT g.name FROM dashboard_tags x JOIN tags g ON g.id = x.tag_id WHERE x.dashboard_id = ? ORDER BY g.name'),
    badges: list('SELECT b.name FROM dashboard_badges x JOIN badges b ON b.id = x.badge_id WHERE x.dashboard_id = ? ORDER BY b.name'),
    queries: list('SELECT name FROM dashboard_queries WHERE dashboard_id = ? ORDER BY sort_order'),
    charts: list('SELECT name FROM dashboard_charts WHERE dashboard_id = ? ORDER BY sort_order'),
    viewers: db.prepare(`SELECT u.user_id, x.view_count FROM dashboard_viewers x JOIN users u ON u.id = x.user_id
      WHERE x.dashboard_id = ? ORDER BY u.user_id`).all(id),
  };
}

/** A dashboard with every list filled: tables a, owner ann, tag finance, badge beta, one query, one chart, ann viewed 5 times. */
function writeFull(): number {
  return writer.writeDashboard({
    ...base,
    group_name: 'Finance', group_url: 'https://mode/finance', group_description: 'Money',
    description: 'All revenue', total_views: 40,
    table_ids: [ids.tables[0]], owner_ids: [ids.users[0]], tag_ids: [ids.tags[0]], badge_ids: [ids.badges[0]],
    queries: [{ name: 'q1', url: null, query_text: 'SELECT 1' }], charts: ['Trend'],
    viewers: [{ user_row_id: ids.users[0], view_count: 5 }],
  });
}

describe('createDashboardWriter', () => {
  it('writes a new dashboard with its group and every list it is given', () => {
    const id = writeFull();
    expect(writer.findDashboard(KEY)).toBe(id);
    expect(store.db.prepare('SELECT key FROM dashboard_groups').pluck().all()).toEqual([GROUP_KEY]);
    expect(readBack()).toEqual({
      dashboard: { name: 'Revenue', description: 'All revenue', total_views: 40, group_name: 'Finance',
        group_url: 'https://mode/finance', group_description: 'Money' },
      tables: ['hive://gold.core/a'], owners: ['ann@example.org'], tags: ['finance'], badges: ['beta'],
      queries: ['q1'], charts: ['Trend'], viewers: [{ user_id: 'ann@example.org', view_count: 5 }],
    });
  });

  it('removes a dashboard by key with its links, and says when there was none', () => {
    writer.writeDashboard({ ...base, table_ids: ids.tables, owner_ids: ids.users, tag_ids: ids.tags });
    expect(writer.removeDashboard(KEY)).toBe(true);
    expect(writer.removeDashboard(KEY)).toBe(false);
    expect(writer.findDashboard(KEY)).toBeUndefined();
    for (const link of ['dashboard_tables', 'dashboard_owners', 'dashboard_tags']) {
      expect(store.db.prepare(`SELECT count(*) FROM ${link}`).pluck().get(), link).toBe(0);
    }
  });

  it('replaces a list that is given, and empties one given as []', () => {
    const id = writeFull();
    const again = writer.writeDashboard({
      ...base,
      table_ids: [ids.tables[1]], owner_ids: [ids.users[1]], tag_ids: [ids.tags[1]], badge_ids: [],
      queries: [{ name: 'q2' }, { name: 'q3' }], charts: [], viewers: [{ user_row_id: ids.users[1], view_count: 9 }],
    });
    expect(again).toBe(id);
    expect(readBack()).toMatchObject({
      tables: ['hive://gold.core/b'], owners: ['bob@example.org'], tags: ['kpi'], badges: [],
      queries: ['q2', 'q3'], charts: [], viewers: [{ user_id: 'bob@example.org', view_count: 9 }],
    });
  });

  it('keeps every list, total_views and the group fields when a write leaves them out', () => {
    writeFull();
    const before = readBack();
    writer.writeDashboard({ ...base, name: 'Revenue v2' });
    const after = readBack();
    expect(after).toEqual({ ...before, dashboard: { ...before.dashboard, name: 'Revenue v2', description: null } });
  });

  it('always replaces the dashboard\'s own fields (a left-out description becomes null)', () => {
    writeFull();
    writer.writeDashboard({ ...base, name: 'Renamed', url: 'https://mode/r' });
    expect(store.db.prepare('SELECT name, url, description FROM dashboards').all())
      .toEqual([{ name: 'Renamed', url: 'https://mode/r', description: null }]);
  });

  it('replaces group fields that are given and keeps those left out or null, for every dashboard of the group', () => {
    writeFull();
    writer.writeDashboard({ ...base, dashboard_id: 'costs', name: 'Costs', group_name: 'Finance & Ops', group_url: null });
    const group = store.db.prepare('SELECT name, url, description FROM dashboard_groups').all();
    expect(group).toEqual([{ name: 'Finance & Ops', url: 'https://mode/finance', description: 'Money' }]);
    expect(readBack().dashboard).toMatchObject({ group_name: 'Finance & Ops' });
  });

  it('starts total_views at 0 and sets it only when given', () => {
    writer.writeDashboard(base);
    expect(readBack().dashboard).toMatchObject({ total_views: 0 });
    writer.writeDashboard({ ...base, total_views: 12 });
    writer.writeDashboard(base);
    expect(readBack().dashboard).toMatchObject({ total_views: 12 });
    writer.writeDashboard({ ...base, total_views: 0 });
    expect(readBack().dashboard).toMatchObject({ total_views: 0 });
  });

  it('sets one viewer\'s count, and removes the viewer at 0', () => {
    const id = writeFull();
    writer.setViewCount(id, ids.users[1], 3);
    writer.setViewCount(id, ids.users[0], 7);
    expect(readBack().viewers).toEqual([{ user_id: 'ann@example.org', view_count: 7 }, { user_id: 'bob@example.org', view_count: 3 }]);
    writer.setViewCount(id, ids.users[0], 0);
    expect(readBack().viewers).toEqual([{ user_id: 'bob@example.org', view_count: 3 }]);
  });

  it('adds one owner or tag to those attached, once', () => {
    const id = writeFull();
    writer.addOwner(id, ids.users[1]);
    writer.addOwner(id, ids.users[1]);
    writer.addTag(id, ids.tags[1]);
    writer.addTag(id, ids.tags[0]);
    expect(readBack()).toMatchObject({ owners: ['ann@example.org', 'bob@example.org'], tags: ['finance', 'kpi'] });
  });

  it('leaves transactions and search documents to the caller', () => {
    // Its writes belong to the caller's transaction: gone with the caller's rollback.
    expect(() => store.db.transaction(() => {
      writeFull();
      throw new Error('roll back');
    })()).toThrow('roll back');
    expect(writer.findDashboard(KEY)).toBeUndefined();
    expect(store.db.prepare('SELECT count(*) FROM dashboard_groups').pluck().get()).toBe(0);
    writeFull();
    expect(store.db.prepare('SELECT count(*) FROM dashboard_search').pluck().get()).toBe(0);
  });
});
