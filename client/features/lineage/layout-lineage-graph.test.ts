import { describe, expect, it } from 'vitest';
import { layoutLineageGraph, NODE_HEIGHT, NODE_WIDTH } from './layout-lineage-graph';

const edge = (source: string, target: string) => ({ source, target });

describe('layoutLineageGraph', () => {
  it('draws data flowing left to right: each table right of what feeds it', () => {
    const { positions } = layoutLineageGraph({
      nodes: [{ id: 'raw' }, { id: 'stg' }, { id: 'orders' }, { id: 'fct' }, { id: 'agg' }],
      edges: [edge('raw', 'stg'), edge('stg', 'orders'), edge('orders', 'fct'), edge('fct', 'agg')],
    });
    const x = (id: string) => positions.get(id)!.x;
    expect(x('raw')).toBeLessThan(x('stg'));
    expect(x('stg')).toBeLessThan(x('orders'));
    expect(x('orders')).toBeLessThan(x('fct'));
    expect(x('fct')).toBeLessThan(x('agg'));
    expect(x('stg') - x('raw')).toBeGreaterThanOrEqual(NODE_WIDTH);
  });

  it('places a direct neighbour one layer away even when other branches are longer', () => {
    const { positions } = layoutLineageGraph({
      nodes: [{ id: 'orders' }, { id: 'near' }, { id: 'a' }, { id: 'b' }, { id: 'c' }],
      edges: [edge('orders', 'near'), edge('orders', 'a'), edge('a', 'b'), edge('b', 'c')],
    });
    expect(positions.get('near')!.x).toBe(positions.get('a')!.x);
  });

  it('never overlaps two nodes and reports a size that holds them all', () => {
    const nodes = [{ id: 'orders' }, ...Array.from({ length: 30 }, (_, i) => ({ id: `up${i}` })), ...Array.from({ length: 30 }, (_, i) => ({ id: `down${i}` }))];
    const edges = [...Array.from({ length: 30 }, (_, i) => edge(`up${i}`, 'orders')), ...Array.from({ length: 30 }, (_, i) => edge('orders', `down${i}`))];
    const layout = layoutLineageGraph({ nodes, edges });
    const boxes = [...layout.positions.values()];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;
        expect(overlap, `nodes ${i} and ${j} overlap`).toBe(false);
      }
      expect(boxes[i]!.x).toBeGreaterThanOrEqual(0);
      expect(boxes[i]!.x + NODE_WIDTH).toBeLessThanOrEqual(layout.width);
      expect(boxes[i]!.y + NODE_HEIGHT).toBeLessThanOrEqual(layout.height);
    }
  });

  it('lays out a graph with a cycle', () => {
    const { positions } = layoutLineageGraph({ nodes: [{ id: 'orders' }, { id: 'audit' }], edges: [edge('orders', 'audit'), edge('audit', 'orders')] });
    expect(positions.size).toBe(2);
    expect(positions.get('orders')).not.toEqual(positions.get('audit'));
  });

  it('ignores an edge to a node it was not given', () => {
    const { positions } = layoutLineageGraph({ nodes: [{ id: 'orders' }], edges: [edge('orders', 'elsewhere')] });
    expect([...positions.keys()]).toEqual(['orders']);
  });
});
