import { describe, expect, it } from 'vitest';
import type { CrawledRelation } from './crawled-schema';
import { mapCrawledRelations } from './map-crawled-schema';

const relation = (over: Partial<CrawledRelation> = {}): CrawledRelation => ({
  schema: 'sales', name: 'orders', kind: 'table', comment: null, viewDefinition: null,
  columns: [
    { name: 'total', type: 'numeric', position: 3, comment: '  Gross.  ' },
    { name: 'id', type: 'bigint', position: 1, comment: null },
    { name: 'blob', type: ' ', position: 2, comment: '' },
  ],
  primaryKey: ['id'], foreignKeys: [], rowEstimate: 1234.6, estimatedAt: 1_700_000_000, reads: [], ...over,
});
const OPTIONS = { engine: 'postgres', cluster: 'shop' };

describe('mapping a crawled relation to a table record', () => {
  it('keys it {engine}://{cluster}.{schema}/{table} and orders columns by position', () => {
    const { tables, bad } = mapCrawledRelations([relation({ comment: ' Orders. ' })], OPTIONS);
    expect(bad).toEqual([]);
    expect(tables[0]).toMatchObject({ uniqueId: 'sales.orders', key: 'postgres://shop.sales/orders' });
    const record = tables[0].record;
    expect(record).toMatchObject({ database: 'postgres', cluster: 'shop', schema: 'sales', name: 'orders', description: 'Orders.', is_view: false });
    // Blank types become `unknown`, blank comments no description, the estimate a whole number of rows.
    expect(record.columns.map((c) => [c.name, c.col_type, c.sort_order, c.description])).toEqual([
      ['id', 'bigint', 1, null], ['blob', 'unknown', 2, null], ['total', 'numeric', 3, 'Gross.'],
    ]);
    expect(record.columns[0].stats).toEqual([{ stat_type: 'num_rows', stat_val: '1235', start_epoch: 1_700_000_000, end_epoch: 1_700_000_000 }]);
    expect(record.programmatic_descriptions).toEqual([]);
  });

  it('gives a table without an estimate no stats, and a materialized view its definition and lineage from what it reads', () => {
    const mapped = mapCrawledRelations([relation({
      kind: 'materialized view', viewDefinition: ' SELECT 1;\n', rowEstimate: null, primaryKey: [],
      reads: [{ schema: 'raw', name: 'events' }, { schema: 'odd.one', name: 'x' }],
    })], OPTIONS);
    const [view] = mapped.tables;
    expect(mapped.lineage).toEqual([{ upstream: 'postgres://shop.raw/events', downstream: 'postgres://shop.sales/orders' }]);
    expect(view.record.is_view).toBe(true);
    expect(view.record.columns.every((c) => c.stats === undefined && c.badges === undefined)).toBe(true);
    expect(view.record.programmatic_descriptions).toEqual([{ source: 'view definition', text: 'SELECT 1;' }]);
  });

  it('names a relation whose schema or cluster a key cannot hold, and maps the others', () => {
    const { tables, bad } = mapCrawledRelations([relation({ schema: 'odd.schema' }), relation({ name: 'fine' })], OPTIONS);
    expect(tables.map((t) => t.key)).toEqual(['postgres://shop.sales/fine']);
    expect(bad).toEqual([{ uniqueId: 'odd.schema.orders', reason: 'schema "odd.schema" has a "." or "/", which a table key ({database}://{cluster}.{schema}/{table}) cannot hold' }]);
    expect(mapCrawledRelations([relation()], { engine: 'postgres', cluster: 'a/b' }).bad[0].reason)
      .toBe('the cluster "a/b" has a "/", which a table key cannot hold: give --cluster a name without one');
  });
});
