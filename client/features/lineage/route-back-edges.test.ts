import { describe, expect, it } from 'vitest';
import { layoutLineageGraph, NODE_HEIGHT } from './layout-lineage-graph';
import { BACK_EDGE_REACH, backEdgePath, roundedPath, routeBackEdges } from './route-back-edges';

const edge = (source: string, target: string) => ({ id: `${source}→${target}`, source, target });

/** The corner points of a path made by roundedPath (its M, L and Q end points). */
function pointsOf(path: string): [number, number][] {
  return [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('routeBackEdges', () => {
  // The tester's cycle: a feeds b, b feeds c, c feeds a. The layout puts one edge of it right to left.
  const nodes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const edges = [edge('a', 'b'), edge('b', 'c'), edge('c', 'a')];
  const { positions } = layoutLineageGraph({ nodes, edges });

  it('routes only the edge the layout draws right to left, along a lane clear of every table it passes', () => {
    const routes = routeBackEdges(positions, edges);
    const back = edges.filter((e) => positions.get(e.target)!.x < positions.get(e.source)!.x);
    expect(back).toHaveLength(1);
    expect([...routes.keys()]).toEqual([back[0]!.id]);
    const { laneY, side } = routes.get(back[0]!.id)!;
    for (const box of positions.values()) {
      if (side === 'above') expect(laneY).toBeLessThan(box.y);
      else expect(laneY).toBeGreaterThan(box.y + NODE_HEIGHT);
    }
  });

  it('routes nothing in a graph without a cycle', () => {
    const dag = [edge('a', 'b'), edge('b', 'c'), edge('a', 'c')];
    expect(routeBackEdges(layoutLineageGraph({ nodes, edges: dag }).positions, dag).size).toBe(0);
  });

  it('clears the tables between the two ends, takes the shorter way round and gives two back edges two lanes', () => {
    // Hand-placed: the back edge from `far` to `start` passes `tall` (higher up) and `low` (further down).
    const placed = new Map([
      ['start', { x: 0, y: 300 }],
      ['tall', { x: 400, y: 0 }],
      ['low', { x: 400, y: 500 }],
      ['far', { x: 800, y: 350 }],
      ['beyond', { x: 2000, y: -900 }],
    ]);
    const routes = routeBackEdges(placed, [edge('far', 'start'), edge('far', 'tall'), edge('start', 'far')]);
    // Above `tall` (top 0) is 300 + 350 = 650 px of way round; below `low` is (588 - 344) + (588 - 394) = 438: below it goes.
    expect(routes.get('far→start')).toEqual({ side: 'below', laneY: 500 + NODE_HEIGHT + 24 });
    // `beyond` is not between far and tall, so it does not push the lane up.
    expect(routes.get('far→tall')).toEqual({ side: 'above', laneY: 0 - 24 });
    expect(routes.has('start→far')).toBe(false);
    const row = new Map(['p', 'q', 'r', 's'].map((id, i) => [id, { x: i * 400, y: 0 }]));
    const twoUp = routeBackEdges(row, [edge('r', 'p'), edge('s', 'q')]);
    expect(twoUp.get('r→p')).toEqual({ side: 'above', laneY: -24 });
    expect(twoUp.get('s→q')).toEqual({ side: 'above', laneY: -38 });
  });
});

describe('backEdgePath', () => {
  it('leaves the source to the right, runs along the lane and enters the target from the left', () => {
    const source = { x: 938.5, y: 44 };
    const target = { x: -2.5, y: 44 };
    const points = pointsOf(backEdgePath(source, target, -24));
    expect(points[0]).toEqual([938.5, 44]);
    expect(points.at(-1)).toEqual([-2.5, 44]);
    // Out to the right first, and the last leg comes in from the left.
    expect(points[1]![0]).toBeGreaterThan(source.x);
    expect(points.at(-2)![0]).toBeLessThan(target.x);
    // Everything between the two short legs is on the lane or the verticals to it, never across the row.
    const middle = points.slice(1, -1);
    for (const [x, y] of middle) expect(x >= source.x || x <= target.x || y === -24).toBe(true);
    expect(Math.min(...points.map(([, y]) => y))).toBe(-24);
    expect(Math.max(...points.map(([x]) => x))).toBe(source.x + BACK_EDGE_REACH);
  });
});

describe('roundedPath', () => {
  it('rounds each corner, by at most half the shorter leg', () => {
    expect(roundedPath([[0, 0], [100, 0], [100, 100]])).toBe('M0,0 L90,0 Q100,0 100,10 L100,100');
    expect(roundedPath([[0, 0], [8, 0], [8, 100]])).toBe('M0,0 L4,0 Q8,0 8,4 L8,100');
    expect(roundedPath([])).toBe('');
  });
});
