// dbt's catalog.json gives each column the warehouse's type; a struct, array or map type (Spark and
// Databricks `struct<…>`, BigQuery `STRUCT<…>`) becomes the column's nested fields, through the
// ingest path, on a real SQLite file. A type that cannot be read leaves its table out, reported as bad.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCatalogStore, type CatalogStore } from '../../store/create-catalog-store';
import { generateDbtProject } from './generate-dbt-project';
import { importDbtProject } from './import-dbt-project';
import { parseCatalog, parseManifest } from './read-dbt-artifacts';

let dir: string;
let store: CatalogStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nansen-dbt-nested-'));
  store = createCatalogStore(join(dir, 'catalog.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const SOURCE = 'source.polar_analytics.shop.raw_table_0';
const SOURCE_KEY = 'databricks://raw.shop/raw_table_0';

describe('dbt import of complex column types', () => {
  it('loads a struct column from catalog.json as nested fields, and reports a malformed type naming table, column and place', async () => {
    const project = generateDbtProject({ models: 10 });
    const catalog = structuredClone(project.catalog) as { nodes: Record<string, unknown>; sources: Record<string, { columns: Record<string, { type: string }> }> };
    catalog.sources[SOURCE].columns.PAYLOAD.type = 'struct<order_id:bigint,lines:array<struct<sku:string,qty:int>>>';
    const broken = Object.keys(catalog.sources).find((id) => id !== SOURCE)!;
    catalog.sources[broken].columns.PAYLOAD.type = 'map<string>';
    const { manifest, version } = parseManifest(structuredClone(project.manifest));
    const report = await importDbtProject(store.db, { manifest, version, catalog: parseCatalog(catalog) },
      { database: 'databricks', nameFrom: 'name', tagsAs: 'tag', importedBy: 'cli:test' });

    const payload = store.tables.getTableDetail(SOURCE_KEY)!.columns.find((c) => c.name === 'payload')!;
    expect(payload.col_type).toBe('struct<order_id:bigint,lines:array<struct<sku:string,qty:int>>>');
    const tree = payload.type_metadata!;
    expect(tree).toMatchObject({ kind: 'struct', name: 'payload', key: `${SOURCE_KEY}/payload/type/payload` });
    expect(tree.children.map((c) => `${c.name}:${c.kind}`)).toEqual(['order_id:scalar', 'lines:array']);
    expect(tree.children[1].children[0].children.map((c) => c.name)).toEqual(['sku', 'qty']);

    expect(report.bad).toEqual([{
      uniqueId: broken,
      reason: expect.stringMatching(/column "payload": malformed type: expected "," between the key and value types of the map, found ">" at character 11/),
    }]);
    expect(report.bad[0].reason).toContain('table "databricks://raw.shop/raw_table_');
  });
});
