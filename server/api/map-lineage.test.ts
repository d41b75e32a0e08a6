import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LineageResponseSchema } from '../../contract/bff-api';
import { AmundsenLineageSchema } from '../upstream/amundsen-schemas';
import { toLineageResponse } from './map-lineage';

const item = (key: string, more: Record<string, unknown> = {}) => ({ key, level: 1, source: key.split('://')[0], badges: [], usage: 5, parent: 'p', link: null, in_amundsen: true, ...more });

describe('toLineageResponse', () => {
  it('decorates table lineage with database, cluster, schema and name parsed from each key', () => {
    const lineage = AmundsenLineageSchema.parse({
      key: 'hive://gold.test_schema/test_table1', direction: 'both', depth: 1, upstream_count: null, downstream_count: null,
      upstream_entities: [],
      // Neo4j: badges may be null, in_amundsen null.
      downstream_entities: [item('dynamo://gold.test_schema/test_table2', { badges: null, in_amundsen: null })],
    });
    const body = v.parse(LineageResponseSchema, toLineageResponse(lineage, { direction: 'both', depth: 1 }, 'table'));
    expect(body).toEqual({
      msg: 'Success', key: 'hive://gold.test_schema/test_table1', direction: 'both', depth: 1, upstream_count: null, downstream_count: null,
      upstream_entities: [],
      downstream_entities: [{
        key: 'dynamo://gold.test_schema/test_table2', level: 1, source: 'dynamo', badges: [], usage: 5, parent: 'p', link: null,
        in_amundsen: null, database: 'dynamo', cluster: 'gold', schema: 'test_schema', name: 'test_table2', column: null,
      }],
    });
  });

  it('splits column keys into the table coordinates and the column', () => {
    const lineage = AmundsenLineageSchema.parse({
      key: 'hive://gold.sales/orders/order_id', direction: 'upstream', depth: 2, upstream_count: 1, downstream_count: 0,
      upstream_entities: [item('hive://gold.sales.v2/raw_orders/id')], downstream_entities: [],
    });
    const body = toLineageResponse(lineage, { direction: 'upstream', depth: 2 }, 'column');
    expect(body.upstream_entities[0]).toMatchObject({ database: 'hive', cluster: 'gold.sales', schema: 'v2', name: 'raw_orders', column: 'id' });
  });

  it('keeps an entity whose key is no table key, with its scheme as database and the rest as name', () => {
    const lineage = AmundsenLineageSchema.parse({
      key: 'hive://gold.sales/orders', direction: 'downstream', depth: 1, upstream_count: 0, downstream_count: 1,
      upstream_entities: [], downstream_entities: [item('s3://exports/orders'), item('orders_topic')],
    });
    const body = toLineageResponse(lineage, { direction: 'downstream', depth: 1 }, 'table');
    expect(body.downstream_entities.map(({ database, cluster, schema, name }) => ({ database, cluster, schema, name }))).toEqual([
      { database: 's3', cluster: '', schema: '', name: 'exports/orders' },
      { database: '', cluster: '', schema: '', name: 'orders_topic' },
    ]);
  });

  it('keeps a table entity with a longer path, a column entity not under a table or ending in a slash, and a key starting with :// as no column', () => {
    const lineage = (kind: 'table' | 'column', key: string) =>
      toLineageResponse(AmundsenLineageSchema.parse({ key: 'k', direction: 'both', depth: 1, upstream_entities: [item(key)] }), { direction: 'both', depth: 1 }, kind).upstream_entities[0];
    expect(lineage('table', 'hive://gold.raw/orders/v2')).toMatchObject({ column: null });
    expect(lineage('column', 'kafka://orders')).toMatchObject({ database: 'kafka', name: 'orders', column: null });
    expect(lineage('column', 'hive://gold.raw/orders/')).toMatchObject({ column: null });
    expect(lineage('table', '://orders')).toMatchObject({ database: '', name: 'orders', column: null });
  });
});
