// People's edits of nested-field descriptions (a struct's field, an array's element…) against
// re-imports, on real SQLite files: the dbt importer (catalog.json gives the struct type), the
// shared import path with records that carry nested descriptions, and OpenLineage events. A person's
// text stays and is reported as skipped, as a column description's is; a nested description nobody
// edited follows the source; an unchanged source writes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from '../store/create-catalog-store';
import type { TableIngestRecord } from '../ingest/ingest-record-schemas';
import { generateDbtProject, type GeneratedProject } from './dbt/generate-dbt-project';
import { importDbtProject } from './dbt/import-dbt-project';
import { parseCatalog, parseManifest } from './dbt/read-dbt-artifacts';
import { writeImport, type ImportedSource } from './write-import';
import { importOpenLineageEvents } from './openlineage/import-openlineage-events';
import { readOpenLineageEvent, type ReadEvent } from './openlineage/read-openlineage-event';
import { datasetEvent, documentationFacet, PG, schemaFacet } from './openlineage/openlineage-test-events';

let dir: string;
let store: CatalogStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-nested-guard-'));
  store = createCatalogStore(join(dir, 'catalog.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const EDITOR = 'liv.arnesen@example.org';
const counts = (added: number, changed: number, unchanged: number) => ({ added, changed, unchanged, removed: 0, disappeared: 0 });

/** Every row of every table in the file (FTS shadow tables included), to show that nothing changed. */
function dumpCatalog(): string {
  const names = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(names.map((name) => [name, store.db.prepare(`SELECT * FROM "${name}"`).raw().all()]));
}
const nestedDescription = (key: string) =>
  store.db.prepare('SELECT description FROM type_metadata WHERE key = ?').pluck().get(key) as string | null | undefined;
const editAsPerson = (key: string, description: string | null) =>
  expect(store.resources.setDescription({ type: 'type_metadata', key }, description, EDITOR)).toBe('saved');

describe('a dbt re-import and the nested-field descriptions people edited', () => {
  const SOURCE = 'source.polar_analytics.shop.raw_table_0';
  const SOURCE_KEY = 'databricks://raw.shop/raw_table_0';
  const PAYLOAD = `${SOURCE_KEY}/payload/type/payload`;
  type Catalog = { sources: Record<string, { columns: Record<string, { type: string; index: number; name: string }> }> };

  function importProject(project: GeneratedProject) {
    const { manifest, version } = parseManifest(structuredClone(project.manifest));
    return importDbtProject(store.db, { manifest, version, catalog: parseCatalog(structuredClone(project.catalog)) },
      { database: 'databricks', nameFrom: 'name', tagsAs: 'tag', importedBy: 'cli:test' });
  }

  it('keeps the person\'s text through a re-run, a new column and a changed struct type, and reports it as skipped', async () => {
    const project = generateDbtProject({ models: 10 });
    const catalog = project.catalog as Catalog;
    catalog.sources[SOURCE].columns.PAYLOAD.type = 'struct<order_id:bigint,lines:array<struct<sku:string,qty:int>>>';
    const first = await importProject(project);
    const tableCount = first.tables.added;
    editAsPerson(`${PAYLOAD}/order_id`, 'The shop\'s order number.');
    editAsPerson(`${PAYLOAD}/lines/_inner_/sku`, 'Stock keeping unit.');

    // The same artifacts: nothing is written, the person's texts are reported as skipped.
    const before = dumpCatalog();
    const rerun = await importProject(project);
    expect(rerun.tables).toEqual(counts(0, 0, tableCount));
    expect(dumpCatalog()).toBe(before);
    expect(rerun.skipped).toEqual([
      { resource_key: `${PAYLOAD}/order_id`, resource_type: 'type_metadata', field: 'description', edited_by: EDITOR, kept: 'The shop\'s order number.', imported: null },
      { resource_key: `${PAYLOAD}/lines/_inner_/sku`, resource_type: 'type_metadata', field: 'description', edited_by: EDITOR, kept: 'Stock keeping unit.', imported: null },
    ]);

    // The table is written again for another reason (a column added): the texts stay.
    const columns = catalog.sources[SOURCE].columns;
    columns.ADDED = { type: 'string', index: Object.keys(columns).length + 1, name: 'ADDED' };
    const withColumn = await importProject(project);
    expect(withColumn.tables).toEqual(counts(0, 1, tableCount - 1));
    expect(nestedDescription(`${PAYLOAD}/order_id`)).toBe('The shop\'s order number.');
    expect(nestedDescription(`${PAYLOAD}/lines/_inner_/sku`)).toBe('Stock keeping unit.');
    expect(withColumn.skipped.map((s) => s.resource_key)).toEqual([`${PAYLOAD}/order_id`, `${PAYLOAD}/lines/_inner_/sku`]);

    // The struct gains a field and loses `lines`: the field still there keeps its text, the gone one goes.
    columns.PAYLOAD.type = 'struct<order_id:bigint,channel:string>';
    const changedType = await importProject(project);
    expect(changedType.tables).toEqual(counts(0, 1, tableCount - 1));
    expect(nestedDescription(`${PAYLOAD}/order_id`)).toBe('The shop\'s order number.');
    expect(nestedDescription(`${PAYLOAD}/channel`)).toBeNull();
    expect(nestedDescription(`${PAYLOAD}/lines/_inner_/sku`)).toBeUndefined();
    expect(changedType.skipped.map((s) => s.resource_key)).toEqual([`${PAYLOAD}/order_id`]);

    // And a re-run after that is unchanged again.
    expect((await importProject(project)).tables).toEqual(counts(0, 0, tableCount));
  });
});

describe('the shared import path with records that carry nested descriptions', () => {
  const KEY = 'hive://gold.events/page_views';
  const VISITOR = `${KEY}/visitor/type/visitor`;
  const record = (nested: { city?: string | null; country?: string | null }, extraColumn = false): TableIngestRecord => ({
    type: 'table', database: 'hive', cluster: 'gold', schema: 'events', name: 'page_views',
    columns: [
      {
        name: 'visitor', col_type: 'struct<id:string,geo:struct<country:string,city:string>>', description: 'Who looked',
        nested_fields: [
          ...(nested.city !== undefined ? [{ path: 'geo.city', description: nested.city }] : []),
          ...(nested.country !== undefined ? [{ path: ['geo', 'country'], description: nested.country }] : []),
        ],
      },
      ...(extraColumn ? [{ name: 'viewed_at', col_type: 'timestamp' }] : []),
    ],
  });
  const source = (table: TableIngestRecord): ImportedSource => ({
    scope: 'test:events', tables: [{ uniqueId: 'page_views', key: KEY, record: table }], lineage: [], dashboards: [], bad: [],
  });
  const run = (table: TableIngestRecord) =>
    writeImport(store.db, source(table), { importedBy: 'cli:test', label: 'test', log: { resource_key: 'dbt:test', field: 'test import' } });

  it('keeps the edited one and reports it, lets the source change the one nobody edited, and logs the import\'s change', async () => {
    expect((await run(record({ city: 'City from the IP address', country: 'Country code' }))).tables).toEqual(counts(1, 0, 0));
    editAsPerson(`${VISITOR}/geo/city`, 'The city the visitor said.');

    // Unchanged source: unchanged table, one skipped field.
    const before = dumpCatalog();
    const rerun = await run(record({ city: 'City from the IP address', country: 'Country code' }));
    expect(rerun.tables).toEqual(counts(0, 0, 1));
    expect(dumpCatalog()).toBe(before);
    expect(rerun.skipped).toEqual([{
      resource_key: `${VISITOR}/geo/city`, resource_type: 'type_metadata', field: 'description', edited_by: EDITOR,
      kept: 'The city the visitor said.', imported: 'City from the IP address',
    }]);

    // Only the description nobody edited changes in the source: the table is written, that one follows.
    const changed = await run(record({ city: 'City, from GeoIP', country: 'ISO 3166 country code' }));
    expect(changed.tables).toEqual(counts(0, 1, 0));
    expect(nestedDescription(`${VISITOR}/geo/city`)).toBe('The city the visitor said.');
    expect(nestedDescription(`${VISITOR}/geo/country`)).toBe('ISO 3166 country code');
    expect(changed.skipped).toMatchObject([{ resource_key: `${VISITOR}/geo/city`, kept: 'The city the visitor said.', imported: 'City, from GeoIP' }]);
    const history = store.editLog.list({ resourceKey: `${VISITOR}/geo/country`, limit: 10 });
    expect(history.map((e) => [e.user_id, e.resource_type, e.field, e.before, e.after])).toEqual([
      ['dbt:test', 'type_metadata', 'description', 'Country code', 'ISO 3166 country code'],
    ]);

    // The source drops the description nobody edited: it goes; a column added keeps the person's.
    const dropped = await run(record({ city: 'City, from GeoIP' }, true));
    expect(dropped.tables).toEqual(counts(0, 1, 0));
    expect(nestedDescription(`${VISITOR}/geo/country`)).toBeNull();
    expect(nestedDescription(`${VISITOR}/geo/city`)).toBe('The city the visitor said.');
    expect((await run(record({ city: 'City, from GeoIP' }, true))).tables).toEqual(counts(0, 0, 1));
  });

  it('follows the source again once the table the person edited was pruned and imported anew', async () => {
    await run(record({ city: 'City from the IP address' }));
    editAsPerson(`${VISITOR}/geo/city`, 'The city the visitor said.');
    const empty: ImportedSource = { scope: 'test:events', tables: [], lineage: [], dashboards: [], bad: [] };
    await writeImport(store.db, empty, { importedBy: 'cli:test', label: 'test', log: { resource_key: 'dbt:test', field: 'test import' }, prune: true, allowLargePrune: true });
    expect(nestedDescription(`${VISITOR}/geo/city`)).toBeUndefined();

    expect((await run(record({ city: 'City from the IP address' }))).tables).toEqual(counts(1, 0, 0));
    const later = await run(record({ city: 'City, from GeoIP' }));
    expect(later.skipped).toEqual([]);
    expect(nestedDescription(`${VISITOR}/geo/city`)).toBe('City, from GeoIP');
  });

  it('keeps a description a person cleared', async () => {
    await run(record({ city: 'City from the IP address' }));
    editAsPerson(`${VISITOR}/geo/city`, null);
    const rerun = await run(record({ city: 'City from the IP address' }));
    expect(rerun.tables).toEqual(counts(0, 0, 1));
    expect(rerun.skipped).toMatchObject([{ resource_key: `${VISITOR}/geo/city`, kept: null, imported: 'City from the IP address' }]);
    await run(record({ city: 'City from the IP address' }, true));
    expect(nestedDescription(`${VISITOR}/geo/city`)).toBeNull();
  });
});

describe('OpenLineage events and nested-field descriptions', () => {
  const KEY = 'postgres://shop.public/orders';
  const event = (facets: Record<string, unknown>): ReadEvent => {
    const read = readOpenLineageEvent(datasetEvent({ namespace: PG, name: 'shop.public.orders', facets }));
    if (!read.ok) throw new Error(read.reason);
    return read.event;
  };

  it('keeps them when an event rewrites the table (events give none), dropping only fields the new type lacks', async () => {
    const fields = [{ name: 'id', type: 'bigint' }, { name: 'address', type: 'struct<street:string,city:string>' }];
    await importOpenLineageEvents(store.db, [event({ schema: schemaFacet(fields) })], { importedBy: EDITOR });
    editAsPerson(`${KEY}/address/type/address/city`, 'Where the parcel goes.');

    const report = await importOpenLineageEvents(store.db, [event({ documentation: documentationFacet('Orders, one row each.') })], { importedBy: 'ol-client' });
    expect(report.tables).toEqual({ added: 0, changed: 1, unchanged: 0 });
    expect(nestedDescription(`${KEY}/address/type/address/city`)).toBe('Where the parcel goes.');

    const widened = [fields[0], { name: 'address', type: 'struct<street:string,city:string,zip:string>' }];
    await importOpenLineageEvents(store.db, [event({ schema: schemaFacet(widened) })], { importedBy: 'ol-client' });
    expect(nestedDescription(`${KEY}/address/type/address/city`)).toBe('Where the parcel goes.');

    const before = dumpCatalog();
    expect((await importOpenLineageEvents(store.db, [event({ schema: schemaFacet(widened) })], { importedBy: 'ol-client' })).tables)
      .toEqual({ added: 0, changed: 0, unchanged: 1 });
    expect(dumpCatalog()).toBe(before);

    const narrowed = [fields[0], { name: 'address', type: 'struct<street:string>' }];
    const report2 = await importOpenLineageEvents(store.db, [event({ schema: schemaFacet(narrowed) })], { importedBy: 'ol-client' });
    expect(report2.failed).toEqual([]);
    expect(nestedDescription(`${KEY}/address/type/address/city`)).toBeUndefined();
  });

  it('reads nested schema fields (Spark, spec 1-1-0) as a struct column, their descriptions filling only fields without text', async () => {
    const nested = (city: string, zip: string) => [
      { name: 'id', type: 'bigint' },
      { name: 'address', type: 'struct', fields: [{ name: 'street', type: 'string' }, { name: 'city', type: 'string', description: city }, { name: 'zip', type: 'string', description: zip }] },
      { name: 'lines', type: 'array', fields: [{ name: '_element', type: 'struct', fields: [{ name: 'sku', type: 'string', description: 'Stock keeping unit' }] }] },
    ];
    await importOpenLineageEvents(store.db, [event({ schema: schemaFacet(nested('Where the parcel goes', 'Postal code')) })], { importedBy: 'ol-client' });
    const columns = store.db.prepare("SELECT name, col_type FROM columns WHERE table_id = (SELECT id FROM tables WHERE key = ?) ORDER BY sort_order").raw().all(KEY);
    expect(columns).toEqual([['id', 'bigint'], ['address', 'struct<`street`:string,`city`:string,`zip`:string>'], ['lines', 'array<struct<`sku`:string>>']]);
    expect(nestedDescription(`${KEY}/address/type/address/city`)).toBe('Where the parcel goes');
    expect(nestedDescription(`${KEY}/lines/type/lines/_inner_/sku`)).toBe('Stock keeping unit');

    // A person's text stays; a field whose text came from an event keeps it too (events only fill).
    editAsPerson(`${KEY}/address/type/address/city`, 'The delivery city.');
    editAsPerson(`${KEY}/address/type/address/street`, 'Street and number.');
    await importOpenLineageEvents(store.db, [event({ schema: schemaFacet(nested('City', 'ZIP')) })], { importedBy: 'ol-client' });
    expect(nestedDescription(`${KEY}/address/type/address/city`)).toBe('The delivery city.');
    expect(nestedDescription(`${KEY}/address/type/address/street`)).toBe('Street and number.');
    expect(nestedDescription(`${KEY}/address/type/address/zip`)).toBe('Postal code');
  });
});
