// Nested fields in search (decision 058), on real SQLite catalog files: a table is found by the names
// (leaf or dotted path) and descriptions of its columns' nested fields, whichever way its document was
// written — NDJSON ingest, the bulk writer (demo builds), a person's edit, POST /v2/document, a full
// rebuild — and the hit says which nested field matched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_HEADER, makeTable, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import { ingestNdjson } from '../ingest/ingest-ndjson';
import { buildColumnTypeTree } from '../ingest/build-column-type-tree';
import { createSearchIndexMaintainer } from '../store/search-index';
import { MIGRATIONS } from '../store/migrations';
import { NESTED_FIELDS_PER_TABLE } from '../store/nested-fields';

const EVENTS = 'hive://gold.shop/checkout_events';
const OTHER = 'hive://gold.shop/page_views';
const PAYLOAD = 'struct<customer_email:string,address:struct<city:string,zip_code:string>,lines:array<struct<sku:string>>,attrs:map<string,string>>';
const ndjson = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const tableRecord = (name: string, columns: unknown[]) => ({ type: 'table', database: 'hive', cluster: 'gold', schema: 'shop', name, columns });
const eventsRecord = (payload: { col_type: string; nested_fields?: unknown[] }) =>
  tableRecord('checkout_events', [{ name: 'event_id', col_type: 'bigint' }, { name: 'payload', ...payload }]);
const PAYLOAD_COLUMN = {
  col_type: PAYLOAD,
  nested_fields: [
    { path: 'customer_email', description: "The buyer's email, as typed at checkout" },
    { path: 'lines.sku', description: 'Stock keeping unit of the basket line' },
    { path: 'attrs._map_value', description: 'Free-form tracking attribute' },
  ],
};

interface Hit { key: string; highlight: Record<string, string[]> }

function searcher(catalog: TestCatalog) {
  return async (query_term: string): Promise<Hit[]> => {
    const res = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER)
      .send({ query_term, resource_types: ['table'], highlight_options: { table: { enable_highlight: true } } });
    expect(res.status).toBe(200);
    return res.body.results.table.results as Hit[];
  };
}
const keys = (hits: Hit[]) => hits.map((h) => h.key);

describe('nested fields loaded by NDJSON ingest', () => {
  let catalog: TestCatalog;
  let db: CatalogDatabase;
  let search: ReturnType<typeof searcher>;
  const ingest = (...records: unknown[]) => ingestNdjson(db, [ndjson(...records)]);
  beforeEach(async () => {
    catalog = openTestCatalog();
    db = openCatalogDatabase(catalog.dbPath);
    search = searcher(catalog);
    await ingest(eventsRecord(PAYLOAD_COLUMN), tableRecord('page_views', [{ name: 'payload', col_type: 'struct<url:string>' }]));
  });
  afterEach(() => {
    db.close();
    catalog.cleanup();
  });

  it('finds the table by a nested field\'s leaf name and dotted path, and lists the path that matched', async () => {
    for (const term of ['customer_email', 'payload.customer_email', 'customer ema', 'zip_code', 'payload.address.city']) {
      expect(keys(await search(term)), term).toEqual([EVENTS]);
    }
    const [hit] = await search('customer_email');
    expect(hit.highlight.nested_fields).toEqual(['payload.<em>customer</em>_<em>email</em>']);
    // An array's element and a map's value are left out of paths, as nested_fields paths may leave them out.
    expect((await search('sku'))[0].highlight.nested_fields).toEqual(['payload.lines.<em>sku</em>']);
  });

  it('finds the table by a nested field\'s description, quoted with the column descriptions', async () => {
    const [hit, ...rest] = await search('buyer');
    expect(rest).toEqual([]);
    expect(hit.key).toBe(EVENTS);
    expect(hit.highlight.column_descriptions).toEqual(['The <em>buyer</em>&#39;s email, as typed at checkout']);
    expect(hit.highlight.nested_fields).toBeUndefined();
    // A map value has no name of its own, but its description is searched.
    expect(keys(await search('tracking attribute'))).toEqual([EVENTS]);
  });

  it('lists a field only when its own name matched, not every field of a matching column', async () => {
    const hits = await search('payload');
    expect(keys(hits).sort()).toEqual([EVENTS, OTHER].sort());
    for (const hit of hits) {
      expect(hit.highlight.columns).toEqual(['<em>payload</em>']);
      expect(hit.highlight.nested_fields).toBeUndefined();
    }
  });

  it('does not index the names of an array\'s element or a map\'s key and value', async () => {
    for (const term of ['inner', '_map_key', 'value']) expect(keys(await search(term)), term).toEqual([]);
  });

  it('finds the table by a nested description a person edits on the table page, and no longer by the old one', async () => {
    const path = `/type_metadata/${EVENTS}/payload/type/payload/address/city/description`;
    const saved = await request(catalog.metadataApp).put(path).set(...AUTH_HEADER).set('Content-Type', 'text/plain')
      .send(JSON.stringify({ description: 'Municipality of the delivery' }));
    expect(saved.status).toBe(200);
    expect(keys(await search('municipality'))).toEqual([EVENTS]);
    expect((await search('municipality'))[0].highlight.column_descriptions).toEqual(['<em>Municipality</em> of the delivery']);

    const edited = `/type_metadata/${EVENTS}/payload/type/payload/customer_email/description`;
    await request(catalog.metadataApp).put(edited).set(...AUTH_HEADER).set('Content-Type', 'text/plain').send(JSON.stringify({ description: 'Contact address' }));
    expect(keys(await search('buyer'))).toEqual([]);
    expect(keys(await search('contact'))).toEqual([EVENTS]);
  });

  it('no longer finds the table by a nested field a re-ingest removed, nor by its description', async () => {
    await ingest(eventsRecord({ col_type: 'struct<address:struct<city:string>>' }));
    for (const term of ['customer_email', 'buyer', 'sku', 'zip_code']) expect(keys(await search(term)), term).toEqual([]);
    expect(keys(await search('payload.address.city'))).toEqual([EVENTS]);
  });

  it('keeps nested words in a document rewritten through POST /v2/document and in a full rebuild', async () => {
    const res = await request(catalog.searchApp).post('/v2/document').set(...AUTH_HEADER)
      .send({ resource_key: EVENTS, resource_type: 'table', field: 'tag', value: 'checkout', operation: 'add' });
    expect(res.status).toBe(200);
    expect(keys(await search('checkout buyer'))).toEqual([EVENTS]);
    expect(keys(await search('customer_email'))).toEqual([EVENTS]);

    // Writes count a document's words up (a rewrite counts them again); a rebuild recounts: compare the words.
    const vocabulary = () => db.prepare('SELECT term FROM search_vocabulary ORDER BY term').pluck().all();
    const before = vocabulary();
    createSearchIndexMaintainer(db).rebuildAll();
    expect(vocabulary()).toEqual(before);
    expect(keys(await search('sku'))).toEqual([EVENTS]);
  });
});

describe('nested fields written by the bulk writer (demo builds, fixtures)', () => {
  let catalog: TestCatalog | undefined;
  afterEach(() => catalog?.cleanup());

  it('indexes the nested fields of the records it writes, as a rebuild from the store does', async () => {
    const type_metadata = buildColumnTypeTree({ name: 'payload', ...PAYLOAD_COLUMN });
    catalog = openTestCatalog({ tables: [makeTable(EVENTS, { columns: [{ name: 'payload', col_type: PAYLOAD, type_metadata }] }), makeTable(OTHER)] });
    const search = searcher(catalog);
    expect(keys(await search('payload.customer_email'))).toEqual([EVENTS]);
    expect(keys(await search('buyer'))).toEqual([EVENTS]);
    const db = openCatalogDatabase(catalog.dbPath);
    try {
      const vocabulary = () => db.prepare('SELECT term, docs FROM search_vocabulary ORDER BY term').all();
      const before = vocabulary();
      createSearchIndexMaintainer(db).rebuildAll();
      expect(vocabulary()).toEqual(before);
    } finally {
      db.close();
    }
  });

  it(`puts at most ${NESTED_FIELDS_PER_TABLE} nested fields of a table in its document, the first ones in order`, async () => {
    const field = (i: number) => `f${String(i).padStart(5, '0')}`;
    const fields = Array.from({ length: NESTED_FIELDS_PER_TABLE + 5 }, (_, i) => `${field(i)}:int`);
    const col_type = `struct<${fields.join(',')}>`;
    catalog = openTestCatalog({ tables: [makeTable(EVENTS, { columns: [
      { name: 'wide', col_type, type_metadata: buildColumnTypeTree({ name: 'wide', col_type }) },
      { name: 'after', col_type: 'struct<zebra:int>', type_metadata: buildColumnTypeTree({ name: 'after', col_type: 'struct<zebra:int>' }) },
    ] })] });
    const search = searcher(catalog);
    const expectBounded = async () => {
      expect(keys(await search(field(0)))).toEqual([EVENTS]);
      expect(keys(await search(field(NESTED_FIELDS_PER_TABLE - 1)))).toEqual([EVENTS]);
      expect(keys(await search(field(NESTED_FIELDS_PER_TABLE)))).toEqual([]);
      expect(keys(await search('zebra'))).toEqual([]);
      // The column itself is a column like any other.
      expect(keys(await search('after'))).toEqual([EVENTS]);
    };
    await expectBounded();
    // Read back from the store, the same fields: the columns in their order, not by name.
    const db = openCatalogDatabase(catalog.dbPath);
    try {
      createSearchIndexMaintainer(db).rebuildAll();
    } finally {
      db.close();
    }
    await expectBounded();
  });
});

describe('migration 9 (nested fields in search documents)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A catalog file at schema version 8 (no search documents) whose one table has a struct column with these fields. */
  function catalogBeforeMigration9(nested: { name: string; description: string }[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'nansen-migrate-'));
    dirs.push(dir);
    const dbPath = join(dir, 'catalog.db');
    const old = openCatalogDatabase(dbPath, MIGRATIONS.filter((m) => m.version <= 8));
    const schemaId = old.prepare("INSERT INTO schemas (key, database, cluster, name) VALUES ('hive://gold.shop', 'hive', 'gold', 'shop') RETURNING id").pluck().get();
    const tableId = old.prepare("INSERT INTO tables (key, schema_id, name) VALUES (?, ?, 'checkout_events') RETURNING id").pluck().get(EVENTS, schemaId);
    const columnId = old.prepare("INSERT INTO columns (table_id, name, col_type, sort_order) VALUES (?, 'payload', 'struct<x:int>', 0) RETURNING id").pluck().get(tableId);
    const top = old.prepare(`INSERT INTO type_metadata (column_id, key, kind, name, data_type, sort_order)
      VALUES (?, ?, 'struct', 'payload', 'struct<x:int>', 0) RETURNING id`).pluck().get(columnId, `${EVENTS}/payload/type/payload`);
    nested.forEach((f, i) => old.prepare(`INSERT INTO type_metadata (column_id, parent_id, key, kind, name, description, data_type, sort_order)
      VALUES (?, ?, ?, 'scalar', ?, ?, 'int', ?)`).run(columnId, top, `${EVENTS}/payload/type/payload/${f.name}`, f.name, f.description, i));
    old.close();
    return dbPath;
  }
  const staleFlag = (db: CatalogDatabase) => db.prepare("SELECT count(*) FROM catalog_settings WHERE name = 'search_index_stale'").pluck().get();

  it('rebuilds the search documents of a catalog with nested fields on its next start', async () => {
    const dbPath = catalogBeforeMigration9([{ name: 'customer_email', description: "The buyer's email" }]);
    const migrated = openCatalogDatabase(dbPath);
    try {
      expect(staleFlag(migrated)).toBe(1);
    } finally {
      migrated.close();
    }
    const catalog = openTestCatalog({ dbPath });
    try {
      const search = searcher(catalog);
      expect(keys(await search('customer_email'))).toEqual([EVENTS]);
      expect(keys(await search('buyer'))).toEqual([EVENTS]);
      const db = openCatalogDatabase(dbPath);
      try {
        expect(staleFlag(db)).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      catalog.cleanup();
    }
  });

  it('leaves the index of a catalog without nested fields as it is (nothing in it would change)', () => {
    const dbPath = catalogBeforeMigration9([]);
    const db = openCatalogDatabase(dbPath);
    try {
      expect(db.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
      expect(staleFlag(db)).toBe(0);
    } finally {
      db.close();
    }
  });
});
