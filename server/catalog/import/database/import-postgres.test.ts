// The PostgreSQL importer against a real PostgreSQL server (scripts/ensure-postgres.sh installs it,
// server/testing/start-postgres.ts starts it in a temp folder) and a real SQLite catalog: a generated
// schema of 45 tables and views in five schemas, imported, filtered, re-imported, changed, pruned,
// dry-run, with edits people made in Nansen, and the errors of a bad URL, an unreachable server, a
// wrong password, a missing database and a missing permission.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from '../../store/create-catalog-store';
import { getFreePort } from '../../../testing/free-port';
import { startPostgres, type PostgresServer } from '../../../testing/start-postgres';
import { generateShopSchema, shopRelationCount } from './generate-shop-schema';
import { importCrawledDatabase, type DatabaseImportOptions, type DatabaseImportReport } from './import-crawled-database';
import { readPostgresSchema } from './read-postgres-schema';
import { createSchemaFilter } from './schema-filter';

const SHOP = generateShopSchema();
const ALL = shopRelationCount(SHOP);
const EDITOR = 'liv.arnesen@example.org';

let server: PostgresServer;
let dbNumber = 0;
beforeAll(async () => {
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** A fresh database with the shop schema; returns its name. */
async function createShopDatabase(): Promise<string> {
  const name = `shop_${++dbNumber}`;
  await server.sql(`CREATE DATABASE ${name}`);
  await server.sql(SHOP.sql, name);
  return name;
}

let dir: string;
let store: CatalogStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-pg-import-'));
  store = createCatalogStore(join(dir, 'catalog.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function importShop(database: string, options: Partial<DatabaseImportOptions> & { schema?: string[]; exclude?: string[] } = {}): Promise<DatabaseImportReport> {
  const crawled = await readPostgresSchema(server.url(database));
  return importCrawledDatabase(store.db, crawled, {
    engine: 'postgres', location: `postgres://postgres@127.0.0.1/${database}`, importedBy: 'cli:test',
    filter: createSchemaFilter(options.schema, options.exclude), ...options,
  });
}

function dumpCatalog(): string {
  const names = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(names.map((name) => [name, store.db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
}

const keys = () => store.db.prepare('SELECT key FROM tables ORDER BY key').pluck().all() as string[];
const counts = (added: number, changed: number, unchanged: number, removed = 0, disappeared = 0) => ({ added, changed, unchanged, removed, disappeared });

describe('importing a PostgreSQL database', () => {
  it('loads every table and view of every schema, keyed as databuilder keys them, and indexes them for search', async () => {
    const database = await createShopDatabase();
    const report = await importShop(database);
    expect(report).toMatchObject({
      source: 'postgres', database, keyPrefix: `postgres://${database}.`, bad: [], skipped: [], searchIndex: 'refreshed',
      tables: counts(ALL, 0, 0), lineage: counts(7, 0, 0), views: 7, filter: 'all schemas',
      // public has no tables: it is not among the schemas tables came from.
      schemas: { imported: ['hr', 'inventory', 'sales', 'scratch_tmp', 'staging'], empty: ['public'], leftOut: [], unmatched: [] },
    });
    expect(report.server).toMatch(/^PostgreSQL \d+/);
    const expected = Object.entries(SHOP.relations).flatMap(([schema, names]) => names.map((n) => `postgres://${database}.${schema}/${n}`)).sort();
    expect(keys()).toEqual(expected);
    // Partitions are left out: their parent stands for them.
    expect(keys()).not.toContain(`postgres://${database}.sales/events_2026`);
    expect(store.db.prepare('SELECT count(*) FROM table_search').pluck().get()).toBe(ALL);
  });

  it('maps comments to descriptions, columns with types in order, keys to badges, view definitions and row estimates', async () => {
    const database = await createShopDatabase();
    await importShop(database);
    const t2 = store.tables.getTableDetail(`postgres://${database}.sales/sales_t2`);
    expect(t2).toMatchObject({ database: 'postgres', cluster: database, schema: 'sales', name: 'sales_t2', is_view: false, description: 'Table 2 of sales.' });
    expect(t2?.columns.map((c) => [c.name, c.col_type, c.sort_order, c.description])).toEqual([
      ['id', 'bigint', 1, null], ['name', 'character varying(64)', 2, null], ['amount', 'numeric(12,2)', 3, 'Amount in NOK.'],
      ['created_at', 'timestamp with time zone', 4, null], ['tags', 'text[]', 5, null], ['parent_id', 'bigint', 6, null],
    ]);
    const badges = (name: string) => t2?.columns.find((c) => c.name === name)?.badges.map((b) => `${b.badge_name}|${b.category}`);
    expect(badges('id')).toEqual(['primary key|column']);
    expect(badges('parent_id')).toEqual(['foreign key|column']);
    expect(badges('name')).toEqual([]);
    // ANALYZE's estimate on every column, with when it was taken.
    const rows = t2?.columns.find((c) => c.name === 'name')?.stats;
    expect(rows).toEqual([expect.objectContaining({ stat_type: 'num_rows', stat_val: '30' })]);
    expect(rows?.[0].start_epoch).toBeGreaterThan(Date.now() / 1000 - 600);
    expect(t2?.programmatic_descriptions).toEqual([{ source: 'foreign keys', text: 'parent_id → sales.sales_t1 (id)' }]);
    // A table with no comment has no description; one never analyzed has no estimate.
    expect(store.tables.getTableDetail(`postgres://${database}.sales/sales_t1`)?.description).toBeNull();
    expect(store.tables.getTableDetail(`postgres://${database}.hr/never_analyzed`)?.columns[0].stats).toEqual([]);

    // A composite key, foreign keys across schemas, a column comment.
    const lines = store.tables.getTableDetail(`postgres://${database}.sales/order_lines`);
    expect(lines?.columns.map((c) => [c.name, c.badges.map((b) => b.badge_name)])).toEqual([
      ['order_id', ['foreign key', 'primary key']], ['line_no', ['primary key']], ['item_id', ['foreign key']], ['quantity', []],
    ]);
    expect(lines?.columns[3].description).toBe('Units ordered.');
    expect(lines?.programmatic_descriptions[0].text).toBe('order_id → sales.sales_t0 (id)\nitem_id → inventory.inventory_t0 (id)');

    // Views: the definition as a programmatic description, no estimate.
    const view = store.tables.getTableDetail(`postgres://${database}.hr/hr_summary`);
    expect(view).toMatchObject({ is_view: true, description: 'Totals per name.' });
    expect(view?.columns.map((c) => [c.name, c.col_type])).toEqual([['name', 'character varying(64)'], ['total', 'numeric']]);
    expect(view?.programmatic_descriptions).toEqual([{ source: 'view definition', text: expect.stringMatching(/^SELECT hr_t0\.name,\s+sum\(hr_t0\.amount\) AS total\s+FROM hr\.hr_t0\s+GROUP BY hr_t0\.name;$/) }]);
    // What a view reads, as lineage.
    expect(store.lineage.getTableLineage(`postgres://${database}.sales/sales_summary`, 'upstream', 1)?.upstream_entities
      .map((e) => e.key)).toEqual([`postgres://${database}.sales/sales_t0`]);
    // A view that reads a partition reads its root table; PostgreSQL's own catalogs are no lineage.
    expect(store.lineage.getTableLineage(`postgres://${database}.sales/recent_events`, 'upstream', 1)?.upstream_entities
      .map((e) => e.key)).toEqual([`postgres://${database}.sales/events`]);
    const materialized = store.tables.getTableDetail(`postgres://${database}.sales/monthly_totals`);
    expect(materialized?.is_view).toBe(true);
    expect(materialized?.programmatic_descriptions[0].source).toBe('view definition');
    // The partitioned table, and a name that needs quoting, as PostgreSQL spells them.
    expect(store.tables.getTableDetail(`postgres://${database}.sales/events`)?.columns.map((c) => c.name)).toEqual(['id', 'at', 'payload']);
    expect(store.tables.getTableDetail(`postgres://${database}.sales/Odd Name`)?.columns.map((c) => c.name)).toEqual(['Mixed Case', 'plain']);
  });

  it('names a table whose schema no key can hold and loads the rest', async () => {
    const database = await createShopDatabase();
    await server.sql(`CREATE SCHEMA "odd.schema"; CREATE TABLE "odd.schema".t (id int)`, database);
    const report = await importShop(database);
    expect(report.bad).toEqual([{
      uniqueId: 'odd.schema.t', reason: 'schema "odd.schema" has a "." or "/", which a table key ({database}://{cluster}.{schema}/{table}) cannot hold',
    }]);
    expect(report.tables.added).toBe(ALL);
  });

  it('uses --cluster instead of the database name when given', async () => {
    const database = await createShopDatabase();
    const report = await importShop(database, { cluster: 'prod', schema: ['hr'] });
    expect(report.keyPrefix).toBe('postgres://prod.');
    expect(keys()).toContain('postgres://prod.hr/hr_t0');
  });

  it('imports only the schemas --schema includes and --exclude-schema does not exclude, by glob', async () => {
    const database = await createShopDatabase();
    const report = await importShop(database, { schema: ['s*', 'hr'], exclude: ['*_tmp'] });
    expect(report.filter).toBe('schemas s*, hr except *_tmp');
    expect(report.schemas).toEqual({ imported: ['hr', 'sales', 'staging'], empty: [], leftOut: ['inventory', 'public', 'scratch_tmp'], unmatched: [] });
    const schemas = new Set(keys().map((k) => k.split('.')[1].split('/')[0]));
    expect([...schemas].sort()).toEqual(['hr', 'sales', 'staging']);
    expect(report.tables.added).toBe(SHOP.relations.hr.length + SHOP.relations.sales.length + SHOP.relations.staging.length);

    // A later import of other schemas leaves these alone, even with --prune.
    const other = await importShop(database, { schema: ['inventory'], prune: true });
    expect(other.tables).toEqual(counts(SHOP.relations.inventory.length, 0, 0));
    expect(other.lineage).toEqual(counts(1, 0, 0));
    expect(keys()).toContain(`postgres://${database}.hr/hr_t0`);
  });

  it('refuses a --schema that matches no schema, naming those there are, and names the globs of several that matched none', async () => {
    const database = await createShopDatabase();
    await expect(importShop(database, { schema: ['nosuch'] })).rejects.toThrow(
      '--schema nosuch matched no schema (there are: hr, inventory, public, sales, scratch_tmp, staging)',
    );
    expect(keys()).toEqual([]);
    const some = await importShop(database, { schema: ['hr', 'nosuch', 'sales*'] });
    expect(some.schemas).toEqual({ imported: ['hr', 'sales'], empty: [], leftOut: ['inventory', 'public', 'scratch_tmp', 'staging'], unmatched: ['nosuch'] });
    expect(some.tables.added).toBe(SHOP.relations.hr.length + SHOP.relations.sales.length);
  });

  it('changes nothing on a re-run: no row of the catalog file differs and every table is unchanged', async () => {
    const database = await createShopDatabase();
    await importShop(database);
    const before = dumpCatalog();
    const again = await importShop(database);
    expect(again.tables).toEqual(counts(0, 0, ALL));
    expect(again.lineage).toEqual(counts(0, 0, 7));
    expect(again.searchIndex).toBe('unchanged');
    expect(dumpCatalog()).toBe(before);
  });

  it('reports what changed in the database, keeps what disappeared until --prune, and writes nothing in a dry run', async () => {
    const database = await createShopDatabase();
    await importShop(database);
    await server.sql(`COMMENT ON TABLE hr.hr_t1 IS 'Now described.'; ALTER TABLE hr.hr_t3 ADD COLUMN note text;
      DROP VIEW staging.staging_summary; CREATE TABLE staging.fresh (id int);`, database);

    const before = dumpCatalog();
    const dry = await importShop(database, { dryRun: true, prune: true });
    expect(dry.tables).toEqual(counts(1, 2, ALL - 3, 1, 0));
    expect(dumpCatalog()).toBe(before);

    const kept = await importShop(database);
    expect(kept.tables).toEqual(counts(1, 2, ALL - 3, 0, 1));
    expect(kept.lineage).toEqual(counts(0, 0, 6, 0, 1));
    expect(store.tables.getTableDetail(`postgres://${database}.hr/hr_t1`)?.description).toBe('Now described.');
    // In the table's history, by the import; not a person's edit, so the next comment still applies.
    const history = store.editLog.list({ limit: 50 }).filter((e) => e.resource_key === `postgres://${database}.hr/hr_t1`);
    expect(history.map((e) => [e.field, e.before, e.after, e.user_id])).toEqual([['description', null, 'Now described.', `postgres://${database}`]]);
    await server.sql(`COMMENT ON TABLE hr.hr_t1 IS 'Described again.'`, database);
    expect((await importShop(database, { schema: ['hr'] })).skipped).toEqual([]);
    expect(store.tables.getTableDetail(`postgres://${database}.hr/hr_t1`)?.description).toBe('Described again.');
    expect(store.tables.getTableDetail(`postgres://${database}.hr/hr_t3`)?.columns.at(-1)?.name).toBe('note');
    expect(keys()).toContain(`postgres://${database}.staging/staging_summary`);

    const pruned = await importShop(database, { prune: true });
    expect(pruned.tables).toEqual(counts(0, 0, ALL, 1, 0));
    expect(pruned.searchIndex).toBe('refreshed');
    expect(store.db.prepare('SELECT count(*) FROM table_search').pluck().get()).toBe(ALL);
    expect(pruned.lineage).toEqual(counts(0, 0, 6, 1, 0));
    expect(store.db.prepare('SELECT count(*) FROM table_lineage WHERE downstream_key = ?').pluck().get(`postgres://${database}.staging/staging_summary`)).toBe(0);
    expect(keys()).not.toContain(`postgres://${database}.staging/staging_summary`);
    // One edit-log entry per import that wrote, by whom.
    const entries = store.editLog.list({ limit: 10 }).filter((e) => e.resource_key === `postgres://${database}`);
    expect(entries.map((e) => e.user_id)).toEqual(['cli:test', 'cli:test', 'cli:test', 'cli:test']);
  });

  it('keeps descriptions people edited in Nansen over changed comments, and reports them as skipped', async () => {
    const database = await createShopDatabase();
    await importShop(database);
    const key = `postgres://${database}.hr/hr_t0`;
    store.resources.setDescription({ type: 'table', key }, 'Written by a person.', EDITOR);
    store.resources.setDescription({ type: 'column', key: `${key}/name` }, 'The person\'s column note.', EDITOR);
    store.resources.addTag({ type: 'table', key }, 'curated', 'default', EDITOR);
    store.resources.addOwner({ type: 'table', key }, EDITOR, EDITOR);
    const before = dumpCatalog();
    expect((await importShop(database)).tables).toEqual(counts(0, 0, ALL));
    expect(dumpCatalog()).toBe(before);

    await server.sql(`COMMENT ON TABLE hr.hr_t0 IS 'The database says otherwise.'; COMMENT ON COLUMN hr.hr_t0.id IS 'Id.'`, database);
    const report = await importShop(database);
    expect(report.tables).toEqual(counts(0, 1, ALL - 1));
    expect(report.skipped).toEqual([
      { resource_key: key, resource_type: 'table', field: 'description', edited_by: EDITOR, kept: 'Written by a person.', imported: 'The database says otherwise.' },
      { resource_key: `${key}/name`, resource_type: 'column', field: 'description', edited_by: EDITOR, kept: 'The person\'s column note.', imported: null },
    ]);
    const detail = store.tables.getTableDetail(key);
    expect(detail?.description).toBe('Written by a person.');
    expect(detail?.columns.find((c) => c.name === 'name')?.description).toBe('The person\'s column note.');
    expect(detail?.columns.find((c) => c.name === 'id')?.description).toBe('Id.');
    expect(detail?.tags.map((t) => t.tag_name)).toEqual(['curated']);
    expect(detail?.owners.map((o) => o.user_id)).toEqual([EDITOR]);
  });
});

describe('PostgreSQL errors name --url and the fix, never the password', () => {
  it('refuses a URL that is not one, not postgres, or names no database', async () => {
    await expect(readPostgresSchema('not a url')).rejects.toThrow('--url is not a URL: give postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE');
    await expect(readPostgresSchema('mysql://u:secret@h/db')).rejects.toThrow('--url must start with postgres:// or postgresql://, got mysql://…');
    await expect(readPostgresSchema('postgres://u:secret@h:5432')).rejects.toThrow(/^--url names no database \(postgres:\/\/u@h:5432\): /);
  });

  it('says the server cannot be reached when nothing listens on the port', async () => {
    const port = await getFreePort();
    const error = await readPostgresSchema(`postgres://app:s3cret-pw@127.0.0.1:${port}/shop`).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      `cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused): is the server running, and are the host and port in --url (postgres://app@127.0.0.1:${port}/shop) right?`,
    );
  });

  it('says the password was refused, without printing it', async () => {
    const error = (await readPostgresSchema(server.url('postgres', 'postgres', 'wrong-pw-123')).catch((e: Error) => e)) as Error;
    expect(error.message).toBe(`PostgreSQL refused the password of user "postgres": check the password in --url (postgres://postgres@127.0.0.1:${server.port}/postgres) or PGPASSWORD`);
    expect(`${error.message}${error.stack}`).not.toContain('wrong-pw-123');
  });

  it('takes the password from PGPASSWORD when the URL has none', async () => {
    const database = await createShopDatabase();
    const before = process.env.PGPASSWORD;
    process.env.PGPASSWORD = server.superuserPassword;
    try {
      const crawled = await readPostgresSchema(`postgres://postgres@127.0.0.1:${server.port}/${database}`);
      expect(crawled.name).toBe(database);
    } finally {
      if (before === undefined) delete process.env.PGPASSWORD;
      else process.env.PGPASSWORD = before;
    }
  });

  it('asks for the password when the server wants one and neither --url nor PGPASSWORD has it', async () => {
    await server.sql("CREATE ROLE asker LOGIN PASSWORD 'asker-pw-1'");
    const before = process.env.PGPASSWORD;
    delete process.env.PGPASSWORD;
    try {
      const error = (await readPostgresSchema(`postgres://asker@127.0.0.1:${server.port}/postgres`).catch((e: Error) => e)) as Error;
      expect(error.message).toBe(
        `PostgreSQL asks for the password of user "asker": put it in --url (postgres://asker:…@127.0.0.1:${server.port}/postgres) or PGPASSWORD`,
      );
    } finally {
      if (before !== undefined) process.env.PGPASSWORD = before;
    }
  });

  it('names a database that does not exist', async () => {
    await expect(readPostgresSchema(server.url('no_such_db'))).rejects.toThrow(
      `PostgreSQL has no database "no_such_db": check the database name at the end of --url (postgres://postgres@127.0.0.1:${server.port}/no_such_db)`,
    );
  });

  it('says which grant is missing when the user may not connect', async () => {
    const database = `locked_${++dbNumber}`;
    await server.sql(`CREATE DATABASE ${database}`);
    await server.sql(`REVOKE CONNECT ON DATABASE ${database} FROM PUBLIC; CREATE ROLE reader LOGIN PASSWORD 'reader-pw-9'`);
    const error = (await readPostgresSchema(server.url(database, 'reader', 'reader-pw-9')).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^PostgreSQL: permission denied for database "?locked_\d+"?: user "reader" may not read database "locked_\d+"; /);
    expect(error.message).toContain(`grant it (GRANT CONNECT ON DATABASE "${database}" TO "reader") or give --url a user that may`);
    expect(error.message).not.toContain('reader-pw-9');
  });
});
