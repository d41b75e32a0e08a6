// The SQLite importer against real SQLite files: one written here with tables, views, primary and
// foreign keys (single and composite), then imported, re-imported, changed and pruned; and the
// errors of a missing file and a file that is not a database.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from '../../store/create-catalog-store';
import { importCrawledDatabase } from './import-crawled-database';
import { CatalogAsSourceError, readSqliteSchema } from './read-sqlite-schema';
import { DatabaseImportError } from './database-import-error';
import { createSchemaFilter } from './schema-filter';

const SHOP_SQL = `
  CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name VARCHAR(80));
  CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id), total NUMERIC(10,2), placed_at);
  CREATE TABLE order_lines (order_id INTEGER REFERENCES orders (id), line_no INTEGER, sku TEXT REFERENCES products, qty INTEGER,
    PRIMARY KEY (order_id, line_no));
  CREATE TABLE products (sku TEXT PRIMARY KEY, title TEXT);
  CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
  INSERT INTO customers (email) VALUES ('a@example.org'), ('b@example.org');
  INSERT INTO orders (customer_id, total) VALUES (1, 50), (1, 150), (2, 300);
`;

let dir: string;
let file: string;
let store: CatalogStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-sqlite-import-'));
  file = join(dir, 'Shop.sqlite');
  const source = new Database(file);
  source.exec(SHOP_SQL);
  source.close();
  store = createCatalogStore(join(dir, 'catalog.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const importFile = (options: { prune?: boolean; cluster?: string } = {}) =>
  importCrawledDatabase(store.db, readSqliteSchema(file), { engine: 'sqlite', location: file, importedBy: 'cli:test', filter: createSchemaFilter(), ...options });
const keys = () => store.db.prepare('SELECT key FROM tables ORDER BY key').pluck().all() as string[];
const badgesOf = (key: string) =>
  store.tables.getTableDetail(key)?.columns.map((c) => [c.name, c.col_type, c.badges.map((b) => b.badge_name)]);

describe('importing a SQLite file', () => {
  it('loads its tables and views as sqlite://{file name}.main/{table}, with declared types, keys, counts and view definitions', async () => {
    const report = await importFile();
    expect(report).toMatchObject({ source: 'sqlite', database: 'Shop', keyPrefix: 'sqlite://Shop.', tables: { added: 5 }, views: 1, bad: [] });
    expect(report.server).toMatch(/^SQLite 3\./);
    expect(keys()).toEqual(['big_orders', 'customers', 'order_lines', 'orders', 'products'].map((t) => `sqlite://Shop.main/${t}`));
    expect(badgesOf('sqlite://Shop.main/orders')).toEqual([
      ['id', 'INTEGER', ['primary key']], ['customer_id', 'INTEGER', ['foreign key']], ['total', 'NUMERIC(10,2)', []], ['placed_at', 'unknown', []],
    ]);
    expect(badgesOf('sqlite://Shop.main/order_lines')).toEqual([
      ['order_id', 'INTEGER', ['foreign key', 'primary key']], ['line_no', 'INTEGER', ['primary key']], ['sku', 'TEXT', ['foreign key']], ['qty', 'INTEGER', []],
    ]);
    const lines = store.tables.getTableDetail('sqlite://Shop.main/order_lines');
    expect(lines?.programmatic_descriptions).toEqual([{ source: 'foreign keys', text: 'order_id → main.orders (id)\nsku → main.products (sku)' }]);
    // Without ANALYZE, rows are counted.
    expect(store.tables.getTableDetail('sqlite://Shop.main/orders')?.columns[0].stats).toEqual([
      { stat_type: 'num_rows', stat_val: '3', start_epoch: null, end_epoch: null, is_metric: null },
    ]);
    const view = store.tables.getTableDetail('sqlite://Shop.main/big_orders');
    expect(view).toMatchObject({ is_view: true, description: null });
    expect(view?.programmatic_descriptions).toEqual([{ source: 'view definition', text: 'CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100' }]);
    expect(view?.columns[0].stats).toEqual([]);
  });

  it('takes ANALYZE\'s estimate when the file has one, and changes nothing on a re-run', async () => {
    const source = new Database(file);
    source.exec('ANALYZE');
    source.close();
    await importFile({ cluster: 'shop' });
    expect(store.tables.getTableDetail('sqlite://shop.main/customers')?.columns[0].stats[0].stat_val).toBe('2');
    const again = await importFile({ cluster: 'shop' });
    expect(again.tables).toEqual({ added: 0, changed: 0, unchanged: 5, removed: 0, disappeared: 0 });
    expect(again.searchIndex).toBe('unchanged');
  });

  it('notices a new column and a dropped table, and removes the table only with --prune', async () => {
    await importFile();
    const source = new Database(file);
    source.exec('ALTER TABLE products ADD COLUMN price REAL; DROP VIEW big_orders;');
    source.close();
    const report = await importFile();
    expect(report.tables).toEqual({ added: 0, changed: 1, unchanged: 3, removed: 0, disappeared: 1 });
    expect(keys()).toContain('sqlite://Shop.main/big_orders');
    const pruned = await importFile({ prune: true });
    expect(pruned.tables).toEqual({ added: 0, changed: 0, unchanged: 4, removed: 1, disappeared: 0 });
    expect(keys()).not.toContain('sqlite://Shop.main/big_orders');
  });

  it('imports a full-text table without its shadow tables, and names a virtual table it cannot read while loading the rest', async () => {
    const source = new Database(file);
    source.exec('CREATE VIRTUAL TABLE notes USING fts5(body)');
    // A virtual table of a module this reader lacks (written into the schema as another program would).
    source.unsafeMode(true);
    source.exec("PRAGMA writable_schema = ON; INSERT INTO sqlite_schema VALUES ('table', 'ghost', 'ghost', 0, 'CREATE VIRTUAL TABLE ghost USING nosuchmodule()'); PRAGMA writable_schema = OFF;");
    source.close();
    const report = await importFile();
    expect(report.bad).toEqual([{ uniqueId: 'main.ghost', reason: 'cannot read it: no such module: nosuchmodule' }]);
    expect(keys()).toEqual(['big_orders', 'customers', 'notes', 'order_lines', 'orders', 'products'].map((t) => `sqlite://Shop.main/${t}`));
    expect(store.tables.getTableDetail('sqlite://Shop.main/notes')?.columns.map((c) => c.name)).toEqual(['body']);
  });

  it('names --file when it is missing or not a SQLite database', () => {
    expect(() => readSqliteSchema(join(dir, 'nope.sqlite'))).toThrow(`--file ${join(dir, 'nope.sqlite')}: no such file; give the path of a SQLite database file`);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'these are not the tables you are looking for\n'.repeat(100));
    expect(() => readSqliteSchema(text)).toThrow(new RegExp(`^--file ${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not a SQLite database \\(file is not a database\\)`));
  });

  it('names --file when it is a folder, with the database files in it', () => {
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    expect(() => readSqliteSchema(folder)).toThrow(`--file ${folder} is a folder, not a SQLite database file: give the path of the database file in it (it has no .sqlite or .db file)`);
    writeFileSync(join(folder, 'shop.sqlite'), '');
    writeFileSync(join(folder, 'notes.txt'), '');
    expect(() => readSqliteSchema(folder)).toThrow(`--file ${folder} is a folder, not a SQLite database file: give the path of the database file in it, such as ${join(folder, 'shop.sqlite')}`);
  });

  it('refuses a Nansen catalog as the database to import: its tables are the catalog\'s own', () => {
    // The store's catalog file (edit_log, search shadow tables, …), open as the running server has it.
    expect(() => readSqliteSchema(join(dir, 'catalog.sqlite'))).toThrow(CatalogAsSourceError);
    expect(() => readSqliteSchema(join(dir, 'catalog.sqlite'))).toThrow(
      `--file ${join(dir, 'catalog.sqlite')} is a Nansen catalog (it has the catalog's "schema_version" and "tables" tables), not a database to import: ` +
        'give --file the SQLite file of the application whose tables you want in the catalog',
    );
  });

  it('refuses a --schema that matches no schema, naming the schemas there are, and names the unmatched of several', async () => {
    const crawled = readSqliteSchema(file);
    const options = { engine: 'sqlite' as const, location: file, importedBy: 'cli:test' };
    await expect(importCrawledDatabase(store.db, crawled, { ...options, filter: createSchemaFilter(['nosuch', 'other*']) }))
      .rejects.toThrow(new DatabaseImportError('--schema nosuch,other* matched no schema (there is: main)'));
    expect(keys()).toEqual([]);
    const some = await importCrawledDatabase(store.db, crawled, { ...options, filter: createSchemaFilter(['main', 'nosuch']) });
    expect(some.tables.added).toBe(5);
    expect(some.schemas).toEqual({ imported: ['main'], empty: [], leftOut: [], unmatched: ['nosuch'] });
  });
});
