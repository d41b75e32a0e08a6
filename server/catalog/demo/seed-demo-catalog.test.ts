import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import { seedDemoCatalog } from './seed-demo-catalog';

let dir: string;
let db: CatalogDatabase;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-seed-'));
  db = openCatalogDatabase(join(dir, 'catalog.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string) => db.prepare(sql).pluck().get() as number;

describe('seedDemoCatalog', () => {
  it('writes tables, lineage, dashboards and every search document, and reports progress', () => {
    const lines: string[] = [];
    const result = seedDemoCatalog(db, { count: 1500, batchSize: 400, onProgress: (l) => lines.push(l) });
    expect(result).toMatchObject({ tables: 1500, dashboards: 30 });
    expect(count('SELECT count(*) FROM tables')).toBe(1500);
    expect(count('SELECT count(*) FROM table_search')).toBe(1500);
    expect(count('SELECT count(*) FROM table_lineage')).toBeGreaterThan(100);
    expect(count('SELECT count(*) FROM dashboard_search')).toBe(30);
    expect(count('SELECT count(*) FROM user_search')).toBe(result.users);
    expect(count('SELECT count(*) FROM dashboard_tables')).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatch(/1500\/1500 tables written/);
  });

  it('restores the connection settings it changed for the bulk load', () => {
    seedDemoCatalog(db, { count: 50 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.prepare("SELECT v FROM table_text_fts_config WHERE k = 'automerge'").pluck().get()).toBe(4);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('locking_mode', { simple: true })).toBe('normal');
    // The secondary indexes dropped for the load are back.
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['tables_by_popularity', 'table_readers_by_user', 'table_lineage_by_downstream',
      'table_search_by_name', 'table_owners_by_user', 'table_tags_by_tag', 'tables_by_schema']));
  });
});
