// Upgrading a catalog file written by an older Nansen: the search index is rebuilt in the new layout.
import request from 'supertest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AUTH_HEADER, openTestCatalog } from '../testing/open-test-catalog';
import { MIGRATIONS } from './migrations';
import { openCatalogDatabase } from './open-catalog-database';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migration 4 (the lighter text index)', () => {
  it('turns a catalog from before it into one whose tables are found by name, description and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nansen-migrate-'));
    dirs.push(dir);
    const dbPath = join(dir, 'catalog.db');
    const old = openCatalogDatabase(dbPath, MIGRATIONS.filter((m) => m.version <= 3));
    const schemaId = old.prepare("INSERT INTO schemas (key, database, cluster, name) VALUES ('hive://gold.sales', 'hive', 'gold', 'sales') RETURNING id")
      .pluck().get();
    const tableId = old.prepare(`INSERT INTO tables (key, schema_id, name, description)
      VALUES ('hive://gold.sales/orders', ?, 'orders', 'Every order placed in the shop') RETURNING id`).pluck().get(schemaId);
    old.prepare("INSERT INTO columns (table_id, name, col_type, sort_order) VALUES (?, 'shipping_country', 'string', 0)").run(tableId);
    old.close();

    const catalog = openTestCatalog({ dbPath });
    try {
      const keys = async (query_term: string) => {
        const res = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER).send({ query_term, resource_types: ['table'] });
        return (res.body.results.table.results as { key: string }[]).map((h) => h.key);
      };
      expect(await keys('orders')).toEqual(['hive://gold.sales/orders']);
      expect(await keys('placed shop')).toEqual(['hive://gold.sales/orders']);
      expect(await keys('shipping coun')).toEqual(['hive://gold.sales/orders']);
      const db = openCatalogDatabase(dbPath);
      try {
        expect(db.prepare("SELECT docs FROM search_vocabulary WHERE term = 'shop'").pluck().get()).toBe(1);
        expect(db.prepare("SELECT count(*) FROM catalog_settings WHERE name = 'search_index_stale'").pluck().get()).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      catalog.cleanup();
    }
  });
});

describe('migration 5 (the manager name and email a profile gave)', () => {
  it('keeps what users answered before the upgrade, and stores the given manager fields after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nansen-migrate-'));
    dirs.push(dir);
    const dbPath = join(dir, 'catalog.db');
    const old = openCatalogDatabase(dbPath, MIGRATIONS.filter((m) => m.version <= 4));
    const addUser = old.prepare('INSERT INTO users (user_id, email, full_name, manager_user_id) VALUES (?, ?, ?, ?)');
    addUser.run('boss@example.org', 'boss@example.org', 'The Boss', null);
    addUser.run('ann@example.org', 'ann@example.org', 'Ann', 'boss@example.org');
    addUser.run('ben@example.org', 'ben@example.org', 'Ben', 'stranger@example.org');
    old.close();

    const catalog = openTestCatalog({ dbPath });
    try {
      const api = () => request(catalog.metadataApp);
      const manager = async (id: string) => {
        const { manager_id, manager_fullname, manager_email } = (await api().get(`/user/${id}`).set(...AUTH_HEADER)).body;
        return { manager_id, manager_fullname, manager_email };
      };
      expect(await manager('ann@example.org'))
        .toEqual({ manager_id: 'boss@example.org', manager_fullname: 'The Boss', manager_email: 'boss@example.org' });
      expect(await manager('ben@example.org'))
        .toEqual({ manager_id: 'stranger@example.org', manager_fullname: null, manager_email: null });

      const put = await api().put('/user').set(...AUTH_HEADER).send({ email: 'ben@example.org', full_name: 'Ben',
        manager_id: 'stranger@example.org', manager_fullname: 'Sam Stranger', manager_email: 'sam@example.org' });
      expect(put.status).toBe(200);
      expect(await manager('ben@example.org'))
        .toEqual({ manager_id: 'stranger@example.org', manager_fullname: 'Sam Stranger', manager_email: 'sam@example.org' });
    } finally {
      catalog.cleanup();
    }
    const db = openCatalogDatabase(dbPath);
    try {
      expect(db.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    } finally {
      db.close();
    }
  });
});

describe('migration 7 (the table or dashboard each edit belongs to)', () => {
  it("files older edits under their table, so a table's history lists its columns' and nested types' edits", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nansen-migrate-'));
    dirs.push(dir);
    const dbPath = join(dir, 'catalog.db');
    const orders = 'hive://gold.sales/orders';
    const old = openCatalogDatabase(dbPath, MIGRATIONS.filter((m) => m.version <= 6));
    const schemaId = old.prepare("INSERT INTO schemas (key, database, cluster, name) VALUES ('hive://gold.sales', 'hive', 'gold', 'sales') RETURNING id")
      .pluck().get();
    const tableId = old.prepare(`INSERT INTO tables (key, schema_id, name) VALUES (?, ?, 'orders') RETURNING id`).pluck().get(orders, schemaId);
    const columnId = old.prepare("INSERT INTO columns (table_id, name, col_type, sort_order) VALUES (?, 'payload', 'struct<a:int>', 0) RETURNING id")
      .pluck().get(tableId);
    const typeKey = `${orders}/payload/type/payload/a`;
    old.prepare("INSERT INTO type_metadata (column_id, key, kind, name, data_type, sort_order) VALUES (?, ?, 'scalar', 'a', 'int', 0)").run(columnId, typeKey);
    const log = old.prepare(`INSERT INTO edit_log (resource_key, resource_type, action, field, before, after, user_id, edited_at)
      VALUES (?, ?, 'update', ?, NULL, '"x"', 'ann@example.org', '2025-01-01T00:00:00.000Z')`);
    log.run(orders, 'table', 'description');
    log.run(`${orders}/payload`, 'column', 'description');
    log.run(typeKey, 'type_metadata', 'description');
    log.run('mode_dashboard://gold.g/d', 'dashboard', 'tag');
    log.run('ann@example.org', 'user', 'follow');
    old.close();

    const catalog = openTestCatalog({ dbPath });
    try {
      const edits = async (query: string) =>
        ((await request(catalog.metadataApp).get(`/edits?${query}`).set(...AUTH_HEADER)).body.edits as { resource_key: string; parent_key: string | null }[]);
      expect((await edits(`parent_key=${encodeURIComponent(orders)}`)).map((e) => e.resource_key)).toEqual([typeKey, `${orders}/payload`, orders]);
      expect((await edits('parent_key=mode_dashboard%3A%2F%2Fgold.g%2Fd')).map((e) => e.resource_key)).toEqual(['mode_dashboard://gold.g/d']);
      expect((await edits('resource_type=user')).map((e) => e.parent_key)).toEqual([null]);
    } finally {
      catalog.cleanup();
    }
  });
});

describe('migration 15 (bookmark times in milliseconds)', () => {
  it('turns the seconds written before into milliseconds, so older bookmarks list after newer ones, newest first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nansen-migrate-'));
    dirs.push(dir);
    const dbPath = join(dir, 'catalog.db');
    const old = openCatalogDatabase(dbPath, MIGRATIONS.filter((m) => m.version <= 14));
    const schemaId = old.prepare("INSERT INTO schemas (key, database, cluster, name) VALUES ('hive://gold.sales', 'hive', 'gold', 'sales') RETURNING id")
      .pluck().get();
    const addTable = old.prepare('INSERT INTO tables (key, schema_id, name) VALUES (?, ?, ?)');
    for (const name of ['alpha', 'beta', 'gamma']) addTable.run(`hive://gold.sales/${name}`, schemaId, name);
    const userId = old.prepare("INSERT INTO users (user_id, email) VALUES ('ann@example.org', 'ann@example.org') RETURNING id").pluck().get();
    const addBookmark = old.prepare("INSERT INTO bookmarks (user_id, resource_type, resource_key, created_at) VALUES (?, 'table', ?, ?)");
    addBookmark.run(userId, 'hive://gold.sales/alpha', 1_700_000_100);
    addBookmark.run(userId, 'hive://gold.sales/beta', 1_700_000_000);
    old.close();

    const catalog = openTestCatalog({ dbPath });
    try {
      const api = () => request(catalog.metadataApp);
      expect((await api().put('/user/ann@example.org/follow/table/hive://gold.sales/gamma').set(...AUTH_HEADER)).status).toBe(200);
      const res = await api().get('/user/ann@example.org/follow/').set(...AUTH_HEADER);
      expect(res.body.table.map((t: { name: string }) => t.name)).toEqual(['gamma', 'alpha', 'beta']);
    } finally {
      catalog.cleanup();
    }
    const db = openCatalogDatabase(dbPath);
    try {
      const times = db.prepare('SELECT resource_key, created_at FROM bookmarks ORDER BY resource_key').all() as { resource_key: string; created_at: number }[];
      expect(times.slice(0, 2)).toEqual([
        { resource_key: 'hive://gold.sales/alpha', created_at: 1_700_000_100_000 },
        { resource_key: 'hive://gold.sales/beta', created_at: 1_700_000_000_000 },
      ]);
      expect(Math.abs(times[2]!.created_at - Date.now())).toBeLessThan(60_000);
    } finally {
      db.close();
    }
  });
});
