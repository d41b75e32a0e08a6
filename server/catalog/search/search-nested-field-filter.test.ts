// The `column` search filter matches nested fields' paths as well as columns' names (decision 067):
// `payload.address.city` finds the tables with that nested field, wildcards too (`*.city`), however the
// document was written — NDJSON ingest, the bulk writer, POST /v2/document, a full rebuild — and a
// catalog from before gets its documents rebuilt on its next start.
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
import { NESTED_FIELDS_PER_TABLE } from '../store/nested-fields';

const EVENTS = 'hive://gold.shop/checkout_events';
const FLAT = 'hive://gold.shop/flattened';
const VIEWS = 'hive://gold.shop/page_views';
const PAYLOAD = 'struct<customer_email:string,address:struct<city:string,zip_code:string>,lines:array<struct<sku:string>>>';
const ndjson = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const tableRecord = (name: string, columns: unknown[]) => ({ type: 'table', database: 'hive', cluster: 'gold', schema: 'shop', name, columns });

function filterSearch(catalog: TestCatalog) {
  return async (values: string[], query_term = '', operation: 'OR' | 'AND' = 'OR'): Promise<string[]> => {
    const res = await request(catalog.searchApp).post('/v2/search').set(...AUTH_HEADER)
      .send({ query_term, resource_types: ['table'], filters: [{ name: 'column', values, operation }] });
    expect(res.status).toBe(200);
    return (res.body.results.table.results as { key: string }[]).map((h) => h.key).sort();
  };
}

describe('the column filter on nested fields loaded by NDJSON ingest', () => {
  let catalog: TestCatalog;
  let db: CatalogDatabase;
  let search: ReturnType<typeof filterSearch>;
  beforeEach(async () => {
    catalog = openTestCatalog();
    db = openCatalogDatabase(catalog.dbPath);
    search = filterSearch(catalog);
    await ingestNdjson(db, [ndjson(
      tableRecord('checkout_events', [{ name: 'event_id', col_type: 'bigint' }, { name: 'payload', col_type: PAYLOAD }]),
      // A flattened export: a column whose own name is a dotted path, and one whose field's name holds a dot.
      tableRecord('flattened', [{ name: 'payload.address', col_type: 'struct<city:string>' }, { name: 'geo', col_type: 'struct<`home.city`:string>' }]),
      tableRecord('page_views', [{ name: 'payload', col_type: 'struct<url:string>' }, { name: 'city', col_type: 'string' }]),
    )]);
  });
  afterEach(() => {
    db.close();
    catalog.cleanup();
  });

  it('finds the tables with a nested field by its path from the column, as search hits list it', async () => {
    expect(await search(['payload.customer_email'])).toEqual([EVENTS]);
    expect(await search(['PAYLOAD.Address.City'])).toEqual([EVENTS, FLAT]); // either reading of the dots
    expect(await search(['payload.lines.sku'])).toEqual([EVENTS]); // an array's element is left out, as in hits
    expect(await search(['`payload.address`.city'])).toEqual([FLAT]); // the quoted path names one column
    expect(await search(['geo.`home.city`'])).toEqual([FLAT]);
    expect(await search(['customer_email'])).toEqual([]); // a field's name alone is not its path
    expect(await search(['payload'])).toEqual([EVENTS, VIEWS]); // columns as before
  });

  it('takes wildcards, OR and AND, and a query, as for column names', async () => {
    expect(await search(['*.city'])).toEqual([EVENTS, FLAT]);
    expect(await search(['payload.*'])).toEqual([EVENTS, FLAT, VIEWS]); // FLAT by its column "payload.address"
    expect(await search(['payload.url', 'payload.lines.sku'])).toEqual([EVENTS, VIEWS]);
    expect(await search(['payload.url', 'city'], '', 'AND')).toEqual([VIEWS]);
    expect(await search(['payload.address.zip_code', 'event_id'], '', 'AND')).toEqual([EVENTS]);
    // With a query the name tiers check the filter per candidate, the text tier through its facet tokens.
    expect(await search(['payload.address.zip_code'], 'checkout')).toEqual([EVENTS]);
    expect(await search(['payload.address.zip_code'], 'page')).toEqual([]);
    expect(await search(['*.zip_code'], 'events')).toEqual([EVENTS]);
  });

  it('keeps the paths in a document rewritten through POST /v2/document and in a full rebuild', async () => {
    const res = await request(catalog.searchApp).post('/v2/document').set(...AUTH_HEADER)
      .send({ resource_key: EVENTS, resource_type: 'table', field: 'tag', value: 'checkout', operation: 'add' });
    expect(res.status).toBe(200);
    expect(await search(['payload.address.city'])).toEqual([EVENTS, FLAT]);
    createSearchIndexMaintainer(db).rebuildAll();
    expect(await search(['payload.address.city'])).toEqual([EVENTS, FLAT]);
    expect(await search(['*.sku'])).toEqual([EVENTS]);
  });
});

describe('the column filter on nested fields written by the bulk writer', () => {
  let catalog: TestCatalog | undefined;
  afterEach(() => catalog?.cleanup());

  it(`matches the paths of the first ${NESTED_FIELDS_PER_TABLE} nested fields of a table, as search does`, async () => {
    const field = (i: number) => `f${String(i).padStart(5, '0')}`;
    const col_type = `struct<${Array.from({ length: NESTED_FIELDS_PER_TABLE + 2 }, (_, i) => `${field(i)}:int`).join(',')}>`;
    catalog = openTestCatalog({ tables: [makeTable(EVENTS, { columns: [{ name: 'wide', col_type, type_metadata: buildColumnTypeTree({ name: 'wide', col_type }) }] })] });
    const search = filterSearch(catalog);
    const expectBounded = async () => {
      expect(await search([`wide.${field(0)}`])).toEqual([EVENTS]);
      expect(await search([`wide.${field(NESTED_FIELDS_PER_TABLE - 1)}`])).toEqual([EVENTS]);
      expect(await search([`wide.${field(NESTED_FIELDS_PER_TABLE)}`])).toEqual([]);
      expect(await search([`*.${field(NESTED_FIELDS_PER_TABLE)}`])).toEqual([]);
    };
    await expectBounded();
    const db = openCatalogDatabase(catalog.dbPath);
    try {
      createSearchIndexMaintainer(db).rebuildAll();
    } finally {
      db.close();
    }
    await expectBounded();
  });
});

describe('migration 11 (nested field paths as column filter values)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds the documents of a catalog with nested fields on its next start, so the filter finds them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nansen-migrate-'));
    dirs.push(dir);
    const dbPath = join(dir, 'catalog.db');
    // A catalog at schema version 10 with its documents written: what migration 11 finds.
    const db = openCatalogDatabase(dbPath);
    await ingestNdjson(db, [ndjson(tableRecord('checkout_events', [{ name: 'payload', col_type: PAYLOAD }]))]);
    db.exec(`ALTER TABLE table_search DROP COLUMN nested_paths; DELETE FROM schema_version WHERE version >= 11;
      DELETE FROM catalog_settings WHERE name = 'search_index_stale'`);
    db.close();
    const catalog = openTestCatalog({ dbPath });
    try {
      // A wildcard is checked on the documents' paths, which only a rebuild writes.
      expect(await filterSearch(catalog)(['*.city'])).toEqual([EVENTS]);
    } finally {
      catalog.cleanup();
    }
  });
});
