import { describe, expect, it } from 'vitest';
import type { LineageItem, LineageResponse } from '../../../contract/api-table';
import { buildLineageGraph, hasCycle } from './build-lineage-graph';

const ORDERS = 'hive://gold.sales/orders';

function item(key: string, level: number, parent: string, fields: Partial<LineageItem> = {}): LineageItem {
  const match = /^(.*?):\/\/(.*)\.(.*?)\/(.*?)$/.exec(key);
  const [, database = '', cluster = '', schema = '', name = key] = match ?? [];
  return { key, level, parent, source: database, badges: [], usage: 0, link: null, in_amundsen: true, database, cluster, schema, name, column: null, ...fields };
}

function lineage(upstream: LineageItem[], downstream: LineageItem[], key = ORDERS): LineageResponse {
  return { msg: 'Success', key, direction: 'both', depth: 5, upstream_entities: upstream, downstream_entities: downstream, upstream_count: upstream.length, downstream_count: downstream.length };
}

const edgesOf = (graph: ReturnType<typeof buildLineageGraph>) => graph.edges.map((e) => `${e.source} → ${e.target}`).sort();

describe('buildLineageGraph', () => {
  it('makes the current table a node and each entity a node, with edges in the direction data flows', () => {
    const graph = buildLineageGraph(
      lineage(
        [item('hive://gold.sales/stg_orders', 1, ORDERS), item('hive://gold.sales/raw_orders', 2, 'hive://gold.sales/stg_orders')],
        [item('hive://gold.sales/fct_orders', 1, ORDERS)],
      ),
      { kind: 'table' },
    );
    expect(graph.nodes.map((n) => [n.label, n.role, n.level])).toEqual([
      ['sales.raw_orders', 'upstream', -2],
      ['sales.stg_orders', 'upstream', -1],
      ['sales.orders', 'current', 0],
      ['sales.fct_orders', 'downstream', 1],
    ]);
    expect(edgesOf(graph)).toEqual([
      'hive://gold.sales/orders → hive://gold.sales/fct_orders',
      'hive://gold.sales/raw_orders → hive://gold.sales/stg_orders',
      'hive://gold.sales/stg_orders → hive://gold.sales/orders',
    ]);
    expect(graph.nodes.find((n) => n.role === 'current')).toMatchObject({ href: '/table_detail/gold/hive/sales/orders', database: 'hive', cluster: 'gold' });
    expect(graph.nodes.find((n) => n.label === 'sales.fct_orders')!.href).toBe('/table_detail/gold/hive/sales/fct_orders');
  });

  it('keeps one node per entity listed once per path (closest level wins) and one edge per pair', () => {
    // Amundsen's Neo4j proxy lists a row per path: raw_orders reaches orders through two tables.
    const graph = buildLineageGraph(
      lineage(
        [
          item('hive://gold.sales/stg_a', 1, ORDERS),
          item('hive://gold.sales/stg_b', 1, ORDERS),
          item('hive://gold.sales/raw_orders', 2, 'hive://gold.sales/stg_a'),
          item('hive://gold.sales/raw_orders', 2, 'hive://gold.sales/stg_b'),
          item('hive://gold.sales/raw_orders', 2, 'hive://gold.sales/stg_b'),
          item('hive://gold.sales/raw_orders', 1, ORDERS),
        ],
        [],
      ),
      { kind: 'table' },
    );
    expect(graph.nodes.filter((n) => n.label === 'sales.raw_orders')).toHaveLength(1);
    expect(graph.nodes.find((n) => n.label === 'sales.raw_orders')!.level).toBe(-1);
    expect(edgesOf(graph)).toEqual([
      'hive://gold.sales/raw_orders → hive://gold.sales/orders',
      'hive://gold.sales/raw_orders → hive://gold.sales/stg_a',
      'hive://gold.sales/raw_orders → hive://gold.sales/stg_b',
      'hive://gold.sales/stg_a → hive://gold.sales/orders',
      'hive://gold.sales/stg_b → hive://gold.sales/orders',
    ]);
  });

  it('leaves out entities beyond the depth asked, and their edges', () => {
    const answer = lineage(
      [item('hive://gold.sales/stg_orders', 1, ORDERS), item('hive://gold.sales/raw_orders', 2, 'hive://gold.sales/stg_orders')],
      [item('hive://gold.sales/fct_orders', 1, ORDERS), item('hive://gold.sales/agg_orders', 3, 'hive://gold.sales/fct_orders')],
    );
    const graph = buildLineageGraph(answer, { kind: 'table', depth: 1 });
    expect(graph.nodes.map((n) => n.label)).toEqual(['sales.stg_orders', 'sales.orders', 'sales.fct_orders']);
    expect(graph.edges).toHaveLength(2);
    expect(buildLineageGraph(answer, { kind: 'table', depth: 3 }).nodes).toHaveLength(5);
  });

  it('draws a cycle: an entity both upstream and downstream is one node with both roles, and the current table in its own lineage adds only its edge', () => {
    // orders → audit → orders: audit is upstream and downstream; Neo4j may list orders itself at level 2.
    const graph = buildLineageGraph(
      lineage(
        [item('hive://gold.sales/audit', 1, ORDERS), item(ORDERS, 2, 'hive://gold.sales/audit')],
        [item('hive://gold.sales/audit', 1, ORDERS)],
      ),
      { kind: 'table' },
    );
    expect(graph.nodes.map((n) => [n.label, n.role])).toEqual([
      ['sales.audit', 'both'],
      ['sales.orders', 'current'],
    ]);
    expect(edgesOf(graph)).toEqual(['hive://gold.sales/audit → hive://gold.sales/orders', 'hive://gold.sales/orders → hive://gold.sales/audit']);
  });

  it('attaches an entity whose parent is missing from the answer to the current table', () => {
    const graph = buildLineageGraph(lineage([item('hive://gold.sales/orphan', 2, 'hive://gold.sales/not_listed')], []), { kind: 'table' });
    expect(edgesOf(graph)).toEqual(['hive://gold.sales/orphan → hive://gold.sales/orders']);
  });

  it('gives an entity outside the catalog no table page, but keeps its own link', () => {
    const file = item('s3://bucket/orders.csv', 1, ORDERS, { in_amundsen: false, database: 's3', cluster: '', schema: '', name: 'bucket/orders.csv', link: 'https://s3.example.org/bucket/orders.csv' });
    const missing = item('hive://gold.sales/dropped', 1, ORDERS, { in_amundsen: false });
    const graph = buildLineageGraph(lineage([file, missing], []), { kind: 'table' });
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('s3://bucket/orders.csv')).toMatchObject({ label: 'bucket/orders.csv', href: null, inCatalog: false, link: 'https://s3.example.org/bucket/orders.csv' });
    expect(byId.get('hive://gold.sales/dropped')).toMatchObject({ label: 'sales.dropped', href: null, inCatalog: false });
  });

  it('builds column lineage with column labels and links to the column on its table page', () => {
    const current = `${ORDERS}/customer_id`;
    const graph = buildLineageGraph(
      lineage([item('hive://gold.sales/stg_orders/cust_id', 1, current, { name: 'stg_orders', column: 'cust_id' })], [], current),
      { kind: 'column' },
    );
    expect(graph.nodes.map((n) => [n.label, n.href])).toEqual([
      ['sales.stg_orders.cust_id', '/table_detail/gold/hive/sales/stg_orders?column=cust_id'],
      ['sales.orders.customer_id', '/table_detail/gold/hive/sales/orders?column=customer_id'],
    ]);
    expect(edgesOf(graph)).toEqual([`hive://gold.sales/stg_orders/cust_id → ${current}`]);
  });

  it('passes on how many entities lie each way at any depth', () => {
    const answer = { ...lineage([], []), upstream_count: 12, downstream_count: null };
    expect(buildLineageGraph(answer, { kind: 'table' })).toMatchObject({ nodes: [{ role: 'current' }], edges: [], upstreamTotal: 12, downstreamTotal: null });
  });
});

describe('hasCycle', () => {
  const nodes = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  const edge = (source: string, target: string) => ({ id: `${source}→${target}`, source, target });

  it('finds a cycle anywhere in the graph, not only through the current table', () => {
    expect(hasCycle({ nodes, edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')] })).toBe(true);
    expect(hasCycle({ nodes, edges: [edge('d', 'a'), edge('b', 'c'), edge('c', 'b')] })).toBe(true);
  });

  it('finds none in a graph where data only flows one way, however it branches and joins', () => {
    expect(hasCycle({ nodes, edges: [edge('a', 'b'), edge('a', 'c'), edge('b', 'd'), edge('c', 'd')] })).toBe(false);
    expect(hasCycle({ nodes, edges: [] })).toBe(false);
    expect(hasCycle({ nodes, edges: [edge('a', 'elsewhere'), edge('elsewhere', 'a')] })).toBe(false);
  });
});
