// Nested column types through NDJSON ingest, on a real SQLite catalog file, read back through the
// metadata API's GET /table (what the table page shows).
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_HEADER, openTestCatalog, type TestCatalog } from '../testing/open-test-catalog';
import { openCatalogDatabase, type CatalogDatabase } from '../store/open-catalog-database';
import type { AmundsenTypeMetadata } from '../../../contract/amundsen-shapes';
import { ingestNdjson } from './ingest-ndjson';
import { createResourceEditor } from '../store/edit-resources';
import { createEditLog } from '../store/edit-log';

let catalog: TestCatalog;
let db: CatalogDatabase;
beforeEach(() => {
  catalog = openTestCatalog();
  db = openCatalogDatabase(catalog.dbPath);
});
afterEach(() => {
  db.close();
  catalog.cleanup();
});

const ndjson = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const ingest = (...records: unknown[]) => ingestNdjson(db, [ndjson(...records)]);
const KEY = 'hive://gold.events/page_views';
const table = (columns: unknown[]) => ({ type: 'table', database: 'hive', cluster: 'gold', schema: 'events', name: 'page_views', columns });
async function columnsOf(key = KEY) {
  const res = await request(catalog.metadataApp).get(`/table/${key}`).set(...AUTH_HEADER);
  expect(res.status).toBe(200);
  return res.body.columns as { name: string; type_metadata: AmundsenTypeMetadata | null }[];
}
/** name(kind)=description for every node, depth first. */
function flatten(node: AmundsenTypeMetadata, depth = 0): string[] {
  const own = `${'  '.repeat(depth)}${node.name}(${node.kind}) ${node.data_type}${node.description ? ` — ${node.description}` : ''}${node.badges.length ? ` [${node.badges.map((b) => b.badge_name).join(',')}]` : ''}`;
  return [own, ...[...node.children].sort((a, b) => a.sort_order - b.sort_order).flatMap((c) => flatten(c, depth + 1))];
}

describe('nested column types in NDJSON ingest', () => {
  it('parses a complex col_type into type_metadata, with descriptions and badges per path', async () => {
    const summary = await ingest(table([
      { name: 'id', col_type: 'bigint' },
      {
        name: 'visitor', col_type: 'struct<id:string,geo:struct<country:string,city:string>,`odd name`:int>',
        description: 'Who looked',
        nested_fields: [
          { path: 'geo', description: 'Where from' },
          { path: 'geo.city', description: 'City from the IP address', badges: ['pii'] },
          { path: ['odd name'], description: 'A quoted field' },
        ],
      },
      { name: 'items', col_type: 'array<struct<sku:string,qty:int>>', nested_fields: [{ path: 'sku', description: 'Stock keeping unit' }] },
      { name: 'props', col_type: 'map<string,array<int>>' },
      { name: 'labels', col_type: 'ARRAY<STRING>' },
    ]));
    expect(summary).toMatchObject({ loaded: { table: 1 }, rejectedCount: 0 });

    const columns = await columnsOf();
    const byName = new Map(columns.map((c) => [c.name, c]));
    expect(byName.get('id')!.type_metadata).toBeNull();
    const visitor = byName.get('visitor')!.type_metadata!;
    expect(flatten(visitor)).toEqual([
      'visitor(struct) struct<id:string,geo:struct<country:string,city:string>,`odd name`:int>',
      '  id(scalar) string',
      '  geo(struct) struct<country:string,city:string> — Where from',
      '    country(scalar) string',
      '    city(scalar) string — City from the IP address [pii]',
      '  odd name(scalar) int — A quoted field',
    ]);
    expect(visitor.key).toBe(`${KEY}/visitor/type/visitor`);
    expect(visitor.children.find((c) => c.name === 'geo')!.key).toBe(`${KEY}/visitor/type/visitor/geo`);
    expect(flatten(byName.get('items')!.type_metadata!)).toEqual([
      'items(array) array<struct<sku:string,qty:int>>',
      '  _inner_(struct) struct<sku:string,qty:int>',
      '    sku(scalar) string — Stock keeping unit',
      '    qty(scalar) int',
    ]);
    expect(flatten(byName.get('props')!.type_metadata!)).toEqual([
      'props(map) map<string,array<int>>',
      '  _map_key(scalar) string',
      '  _map_value(array) array<int>',
    ]);
    expect(flatten(byName.get('labels')!.type_metadata!)).toEqual(['labels(array) ARRAY<STRING>']);
  });

  it("reads Trino's row(…) (dbt-trino, Athena): nested descriptions by path, fields without a name by position", async () => {
    const summary = await ingest(table([
      {
        name: 'visitor', col_type: 'row(id varchar, geo row(country varchar, city varchar))',
        nested_fields: [{ path: 'geo.city', description: 'City from the IP address' }],
      },
      { name: 'pair', col_type: 'row(bigint, varchar)', nested_fields: [{ path: '_2', description: 'The label' }] },
      { name: 'items', col_type: 'array(row(sku varchar))', nested_fields: [{ path: 'sku', description: 'Stock keeping unit' }] },
    ]));
    expect(summary).toMatchObject({ loaded: { table: 1 }, rejectedCount: 0 });
    const byName = new Map((await columnsOf()).map((c) => [c.name, c.type_metadata!]));
    expect(flatten(byName.get('visitor')!)).toEqual([
      'visitor(struct) row(id varchar, geo row(country varchar, city varchar))',
      '  id(scalar) varchar',
      '  geo(struct) row(country varchar, city varchar)',
      '    country(scalar) varchar',
      '    city(scalar) varchar — City from the IP address',
    ]);
    expect(flatten(byName.get('pair')!)).toEqual(['pair(struct) row(bigint, varchar)', '  _1(scalar) bigint', '  _2(scalar) varchar — The label']);
    expect(flatten(byName.get('items')!)).toEqual([
      'items(array) array(row(sku varchar))',
      '  _inner_(struct) row(sku varchar)',
      '    sku(scalar) varchar — Stock keeping unit',
    ]);
  });

  it('replaces the tree when the table is loaded again, and drops it when the type turns flat', async () => {
    await ingest(table([{ name: 'v', col_type: 'struct<a:int,b:int>', nested_fields: [{ path: 'a', description: 'first' }] }]));
    await ingest(table([{ name: 'v', col_type: 'struct<a:int,c:string>' }]));
    expect(flatten((await columnsOf())[0].type_metadata!)).toEqual(['v(struct) struct<a:int,c:string>', '  a(scalar) int', '  c(scalar) string']);
    await ingest(table([{ name: 'v', col_type: 'string' }]));
    expect((await columnsOf())[0].type_metadata).toBeNull();
    expect(db.prepare('SELECT count(*) FROM type_metadata').pluck().get()).toBe(0);
  });

  it('a record is the truth for nested descriptions as for column descriptions: left out, they are gone, people\'s edits too; absent tags stay', async () => {
    const VISITOR = `${KEY}/visitor/type/visitor`;
    await ingest({ ...table([{ name: 'visitor', col_type: 'struct<id:string,geo:struct<city:string>>', description: 'Who looked',
      nested_fields: [{ path: 'id', description: 'Loaded' }] }]), tags: ['web'] });
    const editor = createResourceEditor(db);
    expect(editor.setDescription({ type: 'type_metadata', key: `${VISITOR}/geo/city` }, 'Edited by a person', 'liv@example.org')).toBe('saved');
    expect(editor.setDescription({ type: 'column', key: `${KEY}/visitor` }, 'Column edited by a person', 'liv@example.org')).toBe('saved');

    await ingest(table([{ name: 'visitor', col_type: 'struct<id:string,geo:struct<city:string>>' }]));
    const [visitor] = await columnsOf();
    expect(flatten(visitor.type_metadata!)).toEqual([
      'visitor(struct) struct<id:string,geo:struct<city:string>>', '  id(scalar) string', '  geo(struct) struct<city:string>', '    city(scalar) string',
    ]);
    expect(db.prepare('SELECT description FROM columns').pluck().get()).toBeNull();
    expect(db.prepare('SELECT g.name FROM table_tags x JOIN tags g ON g.id = x.tag_id').pluck().all()).toEqual(['web']);
    // The edit log keeps what the person wrote.
    expect(createEditLog(db).list({ resourceKey: `${VISITOR}/geo/city`, limit: 5 }).map((e) => e.after)).toEqual(['Edited by a person']);
  });

  it('rejects a table whose type is malformed, naming table, column and position; the rest loads', async () => {
    const summary = await ingest(
      table([{ name: 'ok', col_type: 'int' }, { name: 'payload', col_type: 'struct<a:int,,b:string>' }]),
      { ...table([{ name: 'v', col_type: 'struct<a:int>' }]), name: 'other' },
    );
    expect(summary.loaded.table).toBe(1);
    expect(summary.rejected).toEqual([{
      line: 1,
      reason: `table "${KEY}" column "payload": malformed type: expected a field name, found "," at character 14 of the type: "struct<a:int," ⟶ ",b:string>"`,
    }]);
    const missing = await request(catalog.metadataApp).get(`/table/${KEY}`).set(...AUTH_HEADER);
    expect(missing.status).toBe(404);
  });

  it('rejects nested_fields that name no field, or a flat column, saying what is there', async () => {
    const summary = await ingest(
      table([{ name: 'v', col_type: 'struct<a:struct<b:int>>', nested_fields: [{ path: 'a.x', description: 'no' }] }]),
      table([{ name: 'n', col_type: 'bigint', nested_fields: [{ path: 'a', description: 'no' }] }]),
      table([{ name: 'v', col_type: 'struct<a:int>', nested_fields: [{ path: 'a..b' }] }]),
      table([{ name: 'v', col_type: 'struct<a:int>', nested_fields: [{ path: [] }] }]),
    );
    expect(summary.rejected.map((r) => r.reason)).toEqual([
      `table "${KEY}" column "v": nested_fields[0]: no field "x" under "a" (there: "b")`,
      `table "${KEY}" column "n": nested_fields given, but its type "bigint" has no nested fields (not a struct, an array of one or a map)`,
      `table "${KEY}" column "v": nested_fields[0].path must name at least one field, with no empty names`,
      'table record: field "columns[0].nested_fields[0].path": must name at least one field',
    ]);
  });

  it('rejects a tree whose keys collide (a "/" in a name) as a record that could not be stored; the next loads', async () => {
    const summary = await ingest(
      table([{ name: 'v', col_type: 'struct<`a/b`:int,a:struct<b:int>>' }]),
      { ...table([{ name: 'w', col_type: 'struct<a:int>' }]), name: 't2' },
    );
    expect(summary.rejected).toEqual([{ line: 1, reason: expect.stringContaining('could not be stored: UNIQUE constraint failed: type_metadata.key') }]);
    expect(summary.loaded.table).toBe(1);
    expect(flatten((await columnsOf('hive://gold.events/t2'))[0].type_metadata!)).toEqual(['w(struct) struct<a:int>', '  a(scalar) int']);
  });

  it('rejects a type nested too deep without harm to the load', async () => {
    const deep = `${'array<'.repeat(200)}int${'>'.repeat(200)}`;
    const summary = await ingest(table([{ name: 'd', col_type: deep }]), { ...table([{ name: 'x', col_type: 'int' }]), name: 't2' });
    expect(summary.loaded.table).toBe(1);
    expect(summary.rejected[0].reason).toContain('column "d": malformed type: the type is nested deeper than 64 levels at character');
  });
});
