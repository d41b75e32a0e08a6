// What people wrote on a column or nested field the source no longer has, on real SQLite files: the
// dbt importer with a struct field renamed in catalog.json, a SQLite crawl with a column gone, and
// OpenLineage events with a schema facet that lacks a column. The person's text goes with the field
// (there is nowhere to keep it), but the report names it — who wrote it and what — and the table's
// History still has the person's entry. Nothing edited: nothing reported. An unchanged source writes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from '../store/create-catalog-store';
import type { BadgeRecord } from '../store/catalog-records';
import { generateDbtProject, type GeneratedProject } from './dbt/generate-dbt-project';
import { importDbtProject } from './dbt/import-dbt-project';
import { parseCatalog, parseManifest } from './dbt/read-dbt-artifacts';
import { formatDbtReport } from './dbt/dbt-import-command';
import { importCrawledDatabase } from './database/import-crawled-database';
import { readSqliteSchema } from './database/read-sqlite-schema';
import { createSchemaFilter } from './database/schema-filter';
import { formatDatabaseReport } from './database/database-import-command';
import { importOpenLineageEvents } from './openlineage/import-openlineage-events';
import { formatOpenLineageReport } from './openlineage/openlineage-import-command';
import { readOpenLineageEvent, type ReadEvent } from './openlineage/read-openlineage-event';
import { datasetEvent, PG, schemaFacet } from './openlineage/openlineage-test-events';
import { describeDroppedEdits } from './dropped-edits';

const LIV = 'liv.arnesen@example.org';
const counts = (added: number, changed: number, unchanged: number) => ({ added, changed, unchanged, removed: 0, disappeared: 0 });

let dir: string;
let store: CatalogStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-dropped-edits-'));
  store = createCatalogStore(join(dir, 'catalog.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every row of every table in the file (FTS shadow tables included), to show that nothing changed. */
function dumpCatalog(): string {
  const names = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(names.map((name) => [name, store.db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
}
const nestedDescription = (key: string) =>
  store.db.prepare('SELECT description FROM type_metadata WHERE key = ?').pluck().get(key) as string | null | undefined;
const describeAs = (type: 'column' | 'type_metadata', key: string, text: string, by = LIV) =>
  expect(store.resources.setDescription({ type, key }, text, by)).toBe('saved');
/** The table's History: its edits with those of its columns and nested fields, as [who, key, after]. */
const historyOf = (tableKey: string) =>
  store.editLog.list({ parentKey: tableKey, limit: 100 }).map((e) => [e.user_id, e.resource_key, e.after]);

describe('a dbt re-import after the source renamed a nested field a person described', () => {
  const SOURCE = 'source.polar_analytics.shop.raw_table_0';
  const TABLE = 'databricks://raw.shop/raw_table_0';
  const CREW = `${TABLE}/crew/type/crew`;
  type Catalog = { sources: Record<string, { columns: Record<string, { type: string; index: number; name: string }> }> };

  function projectWithCrew(inner: string): GeneratedProject {
    const project = generateDbtProject({ models: 3 });
    const columns = (project.catalog as Catalog).sources[SOURCE].columns;
    columns.CREW = { type: `struct<members:array<struct<${inner}>>>`, index: Object.keys(columns).length + 1, name: 'CREW' };
    return project;
  }
  function importProject(project: GeneratedProject, dryRun = false) {
    const { manifest, version } = parseManifest(structuredClone(project.manifest));
    return importDbtProject(store.db, { manifest, version, catalog: parseCatalog(structuredClone(project.catalog)) },
      { database: 'databricks', nameFrom: 'name', tagsAs: 'tag', importedBy: 'cli:test', dryRun });
  }

  it('reports the person\'s dropped text (a dry run too), keeps it in the History, and writes nothing on a re-run', async () => {
    const tableCount = (await importProject(projectWithCrew('name:string,role:string'))).tables.added;
    describeAs('type_metadata', `${CREW}/members/_inner_/role`, 'Role aboard (Liv)');
    describeAs('type_metadata', `${CREW}/members/_inner_/name`, 'Full name, as signed on.');
    const officer: BadgeRecord = { badge_name: 'officer', category: 'column' };
    expect(store.resources.addBadge({ type: 'type_metadata', key: `${CREW}/members/_inner_/role` }, officer, 'ida@example.org')).toBe(true);
    const renamed = projectWithCrew('name:string,rank:string');
    const expected = [
      { resource_key: `${CREW}/members/_inner_/role`, resource_type: 'type_metadata', table_key: TABLE, edited_by: LIV, field: 'description', text: 'Role aboard (Liv)' },
      { resource_key: `${CREW}/members/_inner_/role`, resource_type: 'type_metadata', table_key: TABLE, edited_by: 'ida@example.org', field: 'badge', badges: [officer] },
    ];

    // A dry run says what would go, and writes nothing.
    const before = dumpCatalog();
    const dry = await importProject(renamed, true);
    expect(dumpCatalog()).toBe(before);
    expect(dry.dropped).toEqual(expected);
    expect(formatDbtReport(dry, 'c.sqlite')).toContain(
      `  would drop 2 fields people edited in Nansen, no longer in the source (first: description of ${CREW}/members/_inner_/role ` +
      `by ${LIV}: "Role aboard (Liv)"); what they wrote stays in the History of ${TABLE}\n`);

    const report = await importProject(renamed);
    expect(report.tables).toEqual(counts(0, 1, tableCount - 1));
    expect(report.dropped).toEqual(expected);
    expect(formatDbtReport(report, 'c.sqlite')).toContain(
      `  dropped 2 fields people edited in Nansen, no longer in the source (first: description of ${CREW}/members/_inner_/role ` +
      `by ${LIV}: "Role aboard (Liv)"); what they wrote stays in the History of ${TABLE}\n`);
    // The field is gone, the one still there keeps its text (and is reported as kept, as before).
    expect(nestedDescription(`${CREW}/members/_inner_/role`)).toBeUndefined();
    expect(nestedDescription(`${CREW}/members/_inner_/name`)).toBe('Full name, as signed on.');
    expect(report.skipped.map((s) => s.resource_key)).toEqual([`${CREW}/members/_inner_/name`]);
    // Findable: the table's History has Liv's entry; the import's own entry lists what it dropped.
    expect(historyOf(TABLE)).toContainEqual([LIV, `${CREW}/members/_inner_/role`, 'Role aboard (Liv)']);
    expect(historyOf(TABLE)).toContainEqual(['ida@example.org', `${CREW}/members/_inner_/role`, [officer]]);
    const importEntry = store.editLog.list({ resourceKey: 'dbt:polar_analytics', limit: 1 })[0];
    expect(importEntry.after).toMatchObject({ dropped: expected, droppedCount: 2 });

    // The same artifacts again: unchanged, nothing dropped, not a byte written.
    const after = dumpCatalog();
    const rerun = await importProject(renamed);
    expect(rerun.tables).toEqual(counts(0, 0, tableCount));
    expect(rerun.dropped).toEqual([]);
    expect(dumpCatalog()).toBe(after);
  });

  it('reports nothing when nobody edited the renamed field', async () => {
    await importProject(projectWithCrew('name:string,role:string'));
    describeAs('type_metadata', `${CREW}/members/_inner_/name`, 'Full name, as signed on.');
    const report = await importProject(projectWithCrew('name:string,rank:string'));
    expect(report.tables.changed).toBe(1);
    expect(report.dropped).toEqual([]);
    expect(formatDbtReport(report, 'c.sqlite')).not.toContain('no longer in the source');
  });
});

describe('a SQLite crawl after a column a person described and badged left the database', () => {
  const ORDERS = 'sqlite://shop.main/orders';
  const sourcePath = () => join(dir, 'shop.sqlite');
  function writeSource(sql: string) {
    rmSync(sourcePath(), { force: true });
    const source = new Database(sourcePath());
    source.exec(sql);
    source.close();
  }
  const crawl = (dryRun = false) => importCrawledDatabase(store.db, readSqliteSchema(sourcePath()), {
    engine: 'sqlite', location: sourcePath(), importedBy: 'cli:test', filter: createSchemaFilter(), dryRun,
  });
  const customers = 'CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT);';
  const foreignKey: BadgeRecord = { badge_name: 'foreign key', category: 'column' };

  it('reports the column\'s description and badges with who wrote them; the History keeps them', async () => {
    writeSource(`${customers} CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC, courier TEXT);`);
    expect((await crawl()).tables).toEqual(counts(2, 0, 0));
    describeAs('column', `${ORDERS}/courier`, 'Who brought the parcel; see the courier list on the wiki.');
    expect(store.resources.addBadge({ type: 'column', key: `${ORDERS}/courier` }, foreignKey, 'ida@example.org')).toBe(true);
    describeAs('column', `${ORDERS}/total`, 'With VAT.');

    writeSource(`${customers} CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC);`);
    const before = dumpCatalog();
    const dry = await crawl(true);
    expect(dumpCatalog()).toBe(before);
    const expected = [
      { resource_key: `${ORDERS}/courier`, resource_type: 'column', table_key: ORDERS, edited_by: LIV, field: 'description',
        text: 'Who brought the parcel; see the courier list on the wiki.' },
      { resource_key: `${ORDERS}/courier`, resource_type: 'column', table_key: ORDERS, edited_by: 'ida@example.org', field: 'badge', badges: [foreignKey] },
    ];
    expect(dry.dropped).toEqual(expected);

    const report = await crawl();
    expect(report.tables).toEqual(counts(0, 1, 1));
    expect(report.dropped).toEqual(expected);
    expect(formatDatabaseReport(report, 'c.sqlite')).toContain(
      `  dropped 2 fields people edited in Nansen, no longer in the source (first: description of ${ORDERS}/courier by ${LIV}: ` +
      `"Who brought the parcel; see the courier list on the wiki."); what they wrote stays in the History of ${ORDERS}\n`);
    const history = historyOf(ORDERS);
    expect(history).toContainEqual([LIV, `${ORDERS}/courier`, 'Who brought the parcel; see the courier list on the wiki.']);
    expect(history).toContainEqual(['ida@example.org', `${ORDERS}/courier`, [foreignKey]]);

    const after = dumpCatalog();
    const rerun = await crawl();
    expect(rerun.tables).toEqual(counts(0, 0, 2));
    expect(rerun.dropped).toEqual([]);
    expect(dumpCatalog()).toBe(after);
  });

  it('reports nothing for a column nobody edited', async () => {
    writeSource(`${customers} CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC, courier TEXT);`);
    await crawl();
    describeAs('column', `${ORDERS}/total`, 'With VAT.');
    writeSource(`${customers} CREATE TABLE orders (id INTEGER PRIMARY KEY, total NUMERIC);`);
    const report = await crawl();
    expect(report.tables).toEqual(counts(0, 1, 1));
    expect(report.dropped).toEqual([]);
    expect(formatDatabaseReport(report, 'c.sqlite')).not.toContain('no longer in the source');
  });
});

describe('OpenLineage events whose schema facet no longer has a column a person described', () => {
  const KEY = 'postgres://shop.public/orders';
  const event = (fields: { name: string; type: string }[]): ReadEvent => {
    const read = readOpenLineageEvent(datasetEvent({ namespace: PG, name: 'shop.public.orders', facets: { schema: schemaFacet(fields) } }));
    if (!read.ok) throw new Error(read.reason);
    return read.event;
  };

  it('reports the column\'s and the nested field\'s text it drops, a dry run too', async () => {
    const id = { name: 'id', type: 'bigint' };
    await importOpenLineageEvents(store.db, [event([id, { name: 'note', type: 'string' }, { name: 'address', type: 'struct<street:string,city:string>' }])],
      { importedBy: 'ol-client' });
    describeAs('column', `${KEY}/note`, 'Free text from the shop.');
    describeAs('type_metadata', `${KEY}/address/type/address/city`, 'Where the parcel goes.');
    const narrowed = [event([id, { name: 'address', type: 'struct<street:string,town:string>' }])];
    const expected = [
      { resource_key: `${KEY}/note`, resource_type: 'column', table_key: KEY, edited_by: LIV, field: 'description', text: 'Free text from the shop.' },
      { resource_key: `${KEY}/address/type/address/city`, resource_type: 'type_metadata', table_key: KEY, edited_by: LIV,
        field: 'description', text: 'Where the parcel goes.' },
    ];

    const before = dumpCatalog();
    const dry = await importOpenLineageEvents(store.db, narrowed, { importedBy: 'ol-client', dryRun: true });
    expect(dumpCatalog()).toBe(before);
    expect(dry.dropped).toEqual(expected);

    const report = await importOpenLineageEvents(store.db, narrowed, { importedBy: 'ol-client' });
    expect(report.tables).toEqual({ added: 0, changed: 1, unchanged: 0 });
    expect(report.dropped).toEqual(expected);
    expect(formatOpenLineageReport({ ...report, bad: [] }, 'c.sqlite')).toContain(`  ${describeDroppedEdits(report.dropped, false)}\n`);
    expect(historyOf(KEY)).toContainEqual([LIV, `${KEY}/note`, 'Free text from the shop.']);

    const after = dumpCatalog();
    const rerun = await importOpenLineageEvents(store.db, narrowed, { importedBy: 'ol-client' });
    expect(rerun.tables).toEqual({ added: 0, changed: 0, unchanged: 1 });
    expect(rerun.dropped).toEqual([]);
    expect(dumpCatalog()).toBe(after);
  });
});
