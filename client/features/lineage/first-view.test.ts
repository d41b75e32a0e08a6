// Where the lineage graph opens: whole when its names stay readable, else on the current table and its neighbours.
import { describe, expect, it } from 'vitest';
import { firstView, READABLE_ZOOM, zoomToFit, type PlacedNode } from './first-view';
import { NODE_WIDTH } from './layout-lineage-graph';

/** A chain from `from` to `to` levels, one card per level, 360 px apart as the layout places them. */
function chain(from: number, to: number): PlacedNode[] {
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const level = from + i;
    return { id: `n${level}`, position: { x: i * 360, y: 0 }, data: { node: { role: level === 0 ? 'current' : level < 0 ? 'upstream' : 'downstream', level } } };
  });
}

describe('firstView', () => {
  it('shows a graph whole when its names stay readable', () => {
    const nodes = chain(-1, 1);
    expect(zoomToFit(nodes, { width: 1200, height: 500 })).toBeGreaterThan(READABLE_ZOOM);
    expect(firstView(nodes, { width: 1200, height: 500 }, 150, 0.05)).toEqual({ nodes: undefined, minZoom: 0.05, maxZoom: 1, padding: 0.1 });
  });

  it('opens a chain too long for its frame on the current table and its direct neighbours, at a readable size', () => {
    // Twelve tables, two up and nine down: fitted whole into 1,200 px, names were drawn at 0.3 of their size.
    const nodes = chain(-2, 9);
    expect(zoomToFit(nodes, { width: 1200, height: 500 })).toBeLessThan(READABLE_ZOOM);
    expect(firstView(nodes, { width: 1200, height: 500 }, 150, 0.05)).toEqual({ nodes: [{ id: 'n-1' }, { id: 'n0' }, { id: 'n1' }], minZoom: READABLE_ZOOM, maxZoom: 1, padding: 0.1 });
    // At 400 px even three tables do not fit: the same first view, the current table in the middle.
    expect(firstView(chain(-1, 1), { width: 370, height: 360 }, 150, 0.05).minZoom).toBe(READABLE_ZOOM);
  });

  it('shows the whole graph until the frame is measured (no layout, as in tests and before the first paint)', () => {
    expect(firstView(chain(-2, 9), null, 150, 0.05).nodes).toBeUndefined();
    expect(firstView(chain(-2, 9), { width: 0, height: 0 }, 150, 0.05).nodes).toBeUndefined();
  });

  it('opens a graph of more than 60 tables on the neighbours, and a large one on the current table', () => {
    const wide = (count: number) => [...chain(0, 0), ...Array.from({ length: count - 1 }, (_, i) => ({ id: `d${i}`, position: { x: 360, y: i * 100 }, data: { node: { role: 'downstream' as const, level: i < 5 ? 1 : 2 } } }))];
    expect(firstView(wide(61), { width: 1200, height: 500 }, 150, 0.05).nodes).toHaveLength(6);
    expect(firstView(wide(150), { width: 1200, height: 500 }, 150, 0.05)).toEqual({ nodes: [{ id: 'n0' }], minZoom: 0.05, maxZoom: 0.8, padding: 0.1 });
    expect(NODE_WIDTH).toBeLessThan(360);
  });
});
