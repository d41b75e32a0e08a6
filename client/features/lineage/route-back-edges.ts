// Back edges: in a lineage with a cycle, the layout must draw one edge of the cycle from right to left
// (its target stands left of its source). A plain curve from the source's right side to the target's
// left side would run straight back through every table between them and read as links that do not
// exist. Such an edge is routed around the tables instead: out of the source's right side, along a
// lane above (or below) every table it passes, and into the target's left side.
import type { LineageEdge } from './build-lineage-graph';
import { NODE_HEIGHT, NODE_WIDTH } from './layout-lineage-graph';

/** How far a back edge runs out of its source and into its target before it turns. */
export const BACK_EDGE_REACH = 24;
/** Space between the tables and the first lane, and between two lanes on the same side. */
const LANE_GAP = 24;
const LANE_STEP = 14;
const CORNER = 10;

export interface BackEdgeRoute {
  /** The y of the horizontal lane the edge runs along (in the layout's coordinates). */
  laneY: number;
  side: 'above' | 'below';
}

/**
 * The lane of each edge drawn right to left. The lane clears every table whose box lies between the
 * edge's two turns; the side is the one with the shorter way round. Lanes on one side are stacked, so
 * two back edges never share one. Forward edges are not in the answer (they keep their curve).
 */
export function routeBackEdges(
  positions: ReadonlyMap<string, { x: number; y: number }>,
  edges: readonly Pick<LineageEdge, 'id' | 'source' | 'target'>[],
): Map<string, BackEdgeRoute> {
  const routes = new Map<string, BackEdgeRoute>();
  const back = edges.filter((edge) => {
    const source = positions.get(edge.source);
    const target = positions.get(edge.target);
    return !!source && !!target && target.x < source.x;
  });
  if (back.length === 0) return routes;
  const boxes = [...positions.values()];
  const lanes = { above: 0, below: 0 };
  for (const edge of back) {
    const source = positions.get(edge.source)!;
    const target = positions.get(edge.target)!;
    const left = target.x - BACK_EDGE_REACH;
    const right = source.x + NODE_WIDTH + BACK_EDGE_REACH;
    let top = Math.min(source.y, target.y);
    let bottom = Math.max(source.y, target.y) + NODE_HEIGHT;
    for (const box of boxes) {
      if (box.x + NODE_WIDTH < left || box.x > right) continue;
      top = Math.min(top, box.y);
      bottom = Math.max(bottom, box.y + NODE_HEIGHT);
    }
    const sourceY = source.y + NODE_HEIGHT / 2;
    const targetY = target.y + NODE_HEIGHT / 2;
    const up = sourceY - top + (targetY - top);
    const down = bottom - sourceY + (bottom - targetY);
    const side = up <= down ? 'above' : 'below';
    const offset = LANE_GAP + lanes[side]++ * LANE_STEP;
    routes.set(edge.id, { side, laneY: side === 'above' ? top - offset : bottom + offset });
  }
  return routes;
}

/** An SVG path through the points, its corners rounded (each by at most half the shorter leg). */
export function roundedPath(points: readonly (readonly [number, number])[], radius = CORNER): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${first[0]},${first[1]}`;
  for (let i = 0; i < rest.length; i++) {
    const [x, y] = rest[i]!;
    const previous = i === 0 ? first : rest[i - 1]!;
    const next = rest[i + 1];
    if (!next) {
      d += ` L${x},${y}`;
      break;
    }
    const r = Math.min(radius, Math.hypot(x - previous[0], y - previous[1]) / 2, Math.hypot(next[0] - x, next[1] - y) / 2);
    const inX = x - Math.sign(x - previous[0]) * r;
    const inY = y - Math.sign(y - previous[1]) * r;
    const outX = x + Math.sign(next[0] - x) * r;
    const outY = y + Math.sign(next[1] - y) * r;
    d += ` L${inX},${inY} Q${x},${y} ${outX},${outY}`;
  }
  return d;
}

/** A back edge's path: right out of the source, along its lane, and into the target from the left. */
export function backEdgePath(source: { x: number; y: number }, target: { x: number; y: number }, laneY: number): string {
  const out = source.x + BACK_EDGE_REACH;
  const into = target.x - BACK_EDGE_REACH;
  return roundedPath([
    [source.x, source.y],
    [out, source.y],
    [out, laneY],
    [into, laneY],
    [into, target.y],
    [target.x, target.y],
  ]);
}
