// People's edits of badges (a column's, a nested field's, a table's) against re-imports, on real
// SQLite files: a SQLite crawl next to a running catalog whose metadata API a person adds and removes
// column badges through, the shared import path with records that carry nested and table badges, and
// OpenLineage events. A person's badges stay and are reported as skipped, as an edited description
// is; badges nobody edited follow the source; an unchanged source writes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../create-catalog';
import { createCatalogStore, type CatalogStore } from '../store/create-catalog-store';
import { createEditLog } from '../store/edit-log';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import type { BadgeRecord } from '../store/catalog-records';
import type { TableIngestRecord } from '../ingest/ingest-record-schemas';
import { ingestNdjson } from '../ingest/ingest-ndjson';
import { authAs, AUTH_HEADER, requireTestToken } from '../testing/open-test-catalog';
import { formatDatabaseReport } from './database/database-import-command';
import { importCrawledDatabase } from './database/import-crawled-database';
import { readSqliteSchema } from './database/read-sqlite-schema';
import { createSchemaFilter } from './database/schema-filter';
import { writeImport, type ImportedSource } from './write-import';
import { importOpenLineageEvents } from './openlineage/import-openlineage-events';
import { readOpenLineageEvent, type ReadEvent } from './openlineage/read-openlineage-event';
import { datasetEvent, documentationFacet, PG, schemaFacet } from './openlineage/openlineage-test-events';

const EDITOR = 'liv.arnesen@example.org';
const counts = (added: number, changed: number, unchanged: number) => ({ added, changed, unchanged, removed: 0, disappeared: 0 });
const column = (badge_name: string): BadgeRecord => ({ badge_name, category: 'column' });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-badge-guard-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table in the file (FTS shadow tables included), to show that nothing changed. */
function dumpCatalog(db: CatalogDatabase): string {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(names.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
}

describe('a SQLite crawl and the column badges a person edited through the metadata API', () => {
  const ORDERS = 'sqlite://shop.main/orders';
  const customers = 'CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT);';
  let catalog: Catalog;
  let dbPath: string;
  let sourcePath: string;
  beforeEach(() => {
    dbPath = join(dir, 'catalog.sqlite');
    sourcePath = join(dir, 'shop.sqlite');
    catalog = openCatalog({
      dbPath, demoTables: 0, authenticate: requireTestToken, log: { error() {} }, badgeWhitelist: [column('pii')],
    });
  });
  afterEach(() => catalog.close());

  /** The database the crawl reads, made anew with `sql`. */
  function writeSource(sql: string) {
    rmSync(sourcePath, { force: true });
    const source = new Database(sourcePath);
    source.exec(sql);
    source.close();
  }
  async function crawl() {
    const db = openCatalogDatabase(dbPath);
    try {
      const report = await importCrawledDatabase(db, readSqliteSchema(sourcePath), {
        engine: 'sqlite', location: sourcePath, importedBy: 'cli:test', filter: createSchemaFilter(),
      });
      return { report, dump: dumpCatalog(db) };
    } finally {
      db.close();
    }
  }
  const dump = () => {
    const db = openCatalogDatabase(dbPath);
    try {
      return dumpCatalog(db);
    } finally {
      db.close();
    }
  };
  /** PUT or DELETE a column badge as the table page does, through the catalog's metadata API. */
  async function editBadge(method: 'put' | 'delete', columnName: string, badge: string) {
    const path = `/table/${ORDERS}/column/${columnName}/badge/${encodeURIComponent(badge)}?category=column`;
    const res = await request(catalog.metadataApp)[method](path).set(...authAs(EDITOR));
    expect(res.status).toBe(200);
  }
  async function badgesOfOrders(): Promise<Record<string, string[]>> {
    const res = await request(catalog.metadataApp).get(`/table/${ORDERS}`).set(...AUTH_HEADER);
    expect(res.status).toBe(200);
    return Object.fromEntries((res.body.columns as { name: string; badges: BadgeRecord[] }[]).map((c) => [c.name, c.badges.map((b) => b.badge_name)]));
  }

  it('keeps a badge the person removed and one they added, reports both, and lets the crawl change the columns nobody edited', async () => {
    writeSource(`${customers}
      CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id), total NUMERIC(10,2), placed_by INTEGER);`);
    expect((await crawl()).report.tables).toEqual(counts(2, 0, 0));
    expect(await badgesOfOrders()).toEqual({ id: ['primary key'], customer_id: ['foreign key'], total: [], placed_by: [] });
    await editBadge('delete', 'customer_id', 'foreign key');
    await editBadge('put', 'total', 'pii');

    // The same database: nothing is written, the person's badges are reported as skipped.
    const before = dump();
    const rerun = await crawl();
    expect(rerun.report.tables).toEqual(counts(0, 0, 2));
    expect(rerun.dump).toBe(before);
    expect(rerun.report.skipped).toEqual([
      { resource_key: `${ORDERS}/customer_id`, resource_type: 'column', field: 'badge', edited_by: EDITOR, kept: [], imported: [column('foreign key')] },
      { resource_key: `${ORDERS}/total`, resource_type: 'column', field: 'badge', edited_by: EDITOR, kept: [column('pii')], imported: [] },
    ]);
    expect(formatDatabaseReport(rerun.report, dbPath)).toContain(
      `  kept 2 field(s) people edited in Nansen (first: badge of ${ORDERS}/customer_id, edited by ${EDITOR})\n`);

    // The database gives a column nobody edited a foreign key, and the one the person edited another key:
    // the table is written, the new badge lands, the person's badges stay.
    writeSource(`${customers}
      CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id), total NUMERIC(10,2) REFERENCES customers (id),
        placed_by INTEGER REFERENCES customers (id));`);
    const changed = await crawl();
    expect(changed.report.tables).toEqual(counts(0, 1, 1));
    expect(await badgesOfOrders()).toEqual({ id: ['primary key'], customer_id: [], total: ['pii'], placed_by: ['foreign key'] });
    expect(changed.report.skipped).toMatchObject([
      { resource_key: `${ORDERS}/customer_id`, kept: [], imported: [column('foreign key')] },
      { resource_key: `${ORDERS}/total`, kept: [column('pii')], imported: [column('foreign key')] },
    ]);
    // The import's change is in the column's history, under the crawl's scope; the person's are there too.
    const db = openCatalogDatabase(dbPath);
    try {
      const history = (key: string) => createEditLog(db).list({ resourceKey: key, limit: 10 }).map((e) => [e.user_id, e.action, e.field, e.before, e.after]);
      expect(history(`${ORDERS}/placed_by`)).toEqual([['sqlite://shop', 'update', 'badge', [], [column('foreign key')]]]);
      expect(history(`${ORDERS}/total`)).toEqual([[EDITOR, 'add', 'badge', [], [column('pii')]]]);
    } finally {
      db.close();
    }

    // And a re-run after that writes nothing again.
    const afterChange = dump();
    const again = await crawl();
    expect(again.report.tables).toEqual(counts(0, 0, 2));
    expect(again.dump).toBe(afterChange);
  });

  it('follows the database on a column whose badges nobody edited, while another column of the table was edited', async () => {
    writeSource(`${customers} CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id), placed_by INTEGER);`);
    await crawl();
    await editBadge('put', 'placed_by', 'pii');
    // The foreign key goes from customer_id: its badge goes too; placed_by keeps the person's.
    writeSource(`${customers} CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, placed_by INTEGER);`);
    const report = (await crawl()).report;
    expect(report.tables).toEqual(counts(0, 1, 1));
    expect(await badgesOfOrders()).toEqual({ id: ['primary key'], customer_id: [], placed_by: ['pii'] });
    expect(report.skipped.map((s) => [s.resource_key, s.field])).toEqual([[`${ORDERS}/placed_by`, 'badge']]);
  });
});

describe('the shared import path with records that carry nested and table badges', () => {
  const KEY = 'hive://gold.events/page_views';
  const VISITOR = `${KEY}/visitor/type/visitor`;
  let store: CatalogStore;
  beforeEach(() => {
    store = createCatalogStore(join(dir, 'catalog.sqlite'));
  });
  afterEach(() => store.close());

  const record = (nested: Record<string, string[]>, tableBadges: string[], extraColumn = false): TableIngestRecord => ({
    type: 'table', database: 'hive', cluster: 'gold', schema: 'events', name: 'page_views',
    badges: tableBadges.map((badge_name) => ({ badge_name, category: 'table_status' })),
    columns: [
      {
        name: 'visitor', col_type: 'struct<id:string,geo:struct<country:string,city:string>>',
        nested_fields: Object.entries(nested).map(([path, badges]) => ({ path, badges: badges.map(column) })),
      },
      ...(extraColumn ? [{ name: 'viewed_at', col_type: 'timestamp' }] : []),
    ],
  });
  const run = (table: TableIngestRecord) => writeImport(store.db,
    { scope: 'test:events', tables: [{ uniqueId: 'page_views', key: KEY, record: table }], lineage: [], dashboards: [], bad: [] } satisfies ImportedSource,
    { importedBy: 'cli:test', label: 'test', log: { resource_key: 'dbt:test', field: 'test import' } });
  const nestedBadges = (path: string) => store.db.prepare(`SELECT b.name FROM type_metadata tm JOIN type_metadata_badges x ON x.type_metadata_id = tm.id
    JOIN badges b ON b.id = x.badge_id WHERE tm.key = ? ORDER BY b.name`).pluck().all(`${VISITOR}/${path}`);
  const tableBadges = () => store.tables.getTableDetail(KEY)?.badges.map((b) => b.badge_name);

  it('keeps the nested and table badges a person changed, reports them, and lets the source change the rest', async () => {
    expect((await run(record({ 'geo.city': ['pii'] }, ['beta']))).tables).toEqual(counts(1, 0, 0));
    expect(nestedBadges('geo/city')).toEqual(['pii']);
    store.resources.removeBadge({ type: 'type_metadata', key: `${VISITOR}/geo/city` }, column('pii'), EDITOR);
    store.resources.addBadge({ type: 'type_metadata', key: `${VISITOR}/geo/country` }, column('pii'), EDITOR);
    store.resources.addBadge({ type: 'table', key: KEY }, { badge_name: 'certified', category: 'table_status' }, EDITOR);

    // Unchanged source: unchanged table, nothing written, three skipped fields.
    const before = dumpCatalog(store.db);
    const rerun = await run(record({ 'geo.city': ['pii'] }, ['beta']));
    expect(rerun.tables).toEqual(counts(0, 0, 1));
    expect(dumpCatalog(store.db)).toBe(before);
    const beta = { badge_name: 'beta', category: 'table_status' };
    const certified = { badge_name: 'certified', category: 'table_status' };
    expect(rerun.skipped).toEqual([
      { resource_key: KEY, resource_type: 'table', field: 'badge', edited_by: EDITOR, kept: [beta, certified], imported: [beta] },
      { resource_key: `${VISITOR}/geo/country`, resource_type: 'type_metadata', field: 'badge', edited_by: EDITOR, kept: [column('pii')], imported: [] },
      { resource_key: `${VISITOR}/geo/city`, resource_type: 'type_metadata', field: 'badge', edited_by: EDITOR, kept: [], imported: [column('pii')] },
    ]);

    // The source badges a field nobody edited, drops the table's badge and adds a column: the table is
    // written, the new nested badge lands, the person's nested and table badges stay.
    const changed = await run(record({ 'geo.city': ['pii'], id: ['identifier'] }, [], true));
    expect(changed.tables).toEqual(counts(0, 1, 0));
    expect([nestedBadges('id'), nestedBadges('geo/country'), nestedBadges('geo/city')]).toEqual([['identifier'], ['pii'], []]);
    expect(tableBadges()).toEqual(['beta', 'certified']);
    expect(store.editLog.list({ resourceKey: `${VISITOR}/id`, limit: 10 }).map((e) => [e.user_id, e.resource_type, e.field, e.before, e.after]))
      .toEqual([['dbt:test', 'type_metadata', 'badge', [], [column('identifier')]]]);

    // The source drops the nested badge nobody edited: it goes.
    expect((await run(record({ 'geo.city': ['pii'] }, [], true))).tables).toEqual(counts(0, 1, 0));
    expect([nestedBadges('id'), nestedBadges('geo/country')]).toEqual([[], ['pii']]);
    const settled = dumpCatalog(store.db);
    expect((await run(record({ 'geo.city': ['pii'] }, [], true))).tables).toEqual(counts(0, 0, 1));
    expect(dumpCatalog(store.db)).toBe(settled);
  });

  it('clears nested badges another loader gave once, as the source gives none, then writes nothing', async () => {
    await run(record({}, ['beta']));
    // An NDJSON ingest (no person: no edit-log entry for the field) badges a nested field.
    const loaded = { ...record({ 'geo.country': ['pii'] }, ['beta']) };
    expect((await ingestNdjson(store.db, [`${JSON.stringify(loaded)}\n`])).rejectedCount).toBe(0);
    expect(nestedBadges('geo/country')).toEqual(['pii']);

    const first = await run(record({}, ['beta']));
    expect(first.tables).toEqual(counts(0, 1, 0));
    expect(first.skipped).toEqual([]);
    expect(nestedBadges('geo/country')).toEqual([]);
    const settled = dumpCatalog(store.db);
    expect((await run(record({}, ['beta']))).tables).toEqual(counts(0, 0, 1));
    expect(dumpCatalog(store.db)).toBe(settled);
  });
});

describe('OpenLineage events and nested-field badges', () => {
  const KEY = 'postgres://shop.public/orders';
  let store: CatalogStore;
  beforeEach(() => {
    store = createCatalogStore(join(dir, 'catalog.sqlite'));
  });
  afterEach(() => store.close());
  const event = (facets: Record<string, unknown>): ReadEvent => {
    const read = readOpenLineageEvent(datasetEvent({ namespace: PG, name: 'shop.public.orders', facets }));
    if (!read.ok) throw new Error(read.reason);
    return read.event;
  };

  it('keeps them when an event rewrites the table (events give none), with the column badges', async () => {
    const fields = [{ name: 'id', type: 'bigint' }, { name: 'address', type: 'struct<street:string,city:string>' }];
    await importOpenLineageEvents(store.db, [event({ schema: schemaFacet(fields) })], { importedBy: EDITOR });
    const city = `${KEY}/address/type/address/city`;
    expect(store.resources.addBadge({ type: 'type_metadata', key: city }, column('pii'), EDITOR)).toBe(true);
    expect(store.resources.addBadge({ type: 'column', key: `${KEY}/address` }, column('pii'), EDITOR)).toBe(true);

    const report = await importOpenLineageEvents(store.db, [event({ documentation: documentationFacet('Orders, one row each.') })], { importedBy: 'ol-client' });
    expect(report.tables).toEqual({ added: 0, changed: 1, unchanged: 0 });
    const badgesOf = (type: 'type_metadata_badges' | 'column_badges', key: string) => store.db.prepare(type === 'column_badges'
      ? `SELECT b.name FROM columns c JOIN tables t ON t.id = c.table_id JOIN column_badges x ON x.column_id = c.id JOIN badges b ON b.id = x.badge_id
          WHERE t.key || '/' || c.name = ?`
      : 'SELECT b.name FROM type_metadata tm JOIN type_metadata_badges x ON x.type_metadata_id = tm.id JOIN badges b ON b.id = x.badge_id WHERE tm.key = ?')
      .pluck().all(key);
    expect(badgesOf('type_metadata_badges', city)).toEqual(['pii']);
    expect(badgesOf('column_badges', `${KEY}/address`)).toEqual(['pii']);

    // A type without the field: its badge goes with it, and the record is not refused.
    const narrowed = [fields[0], { name: 'address', type: 'struct<street:string>' }];
    const report2 = await importOpenLineageEvents(store.db, [event({ schema: schemaFacet(narrowed) })], { importedBy: 'ol-client' });
    expect(report2.failed).toEqual([]);
    expect(badgesOf('type_metadata_badges', city)).toEqual([]);
  });
});
