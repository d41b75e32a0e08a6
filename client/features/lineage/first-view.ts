// Where the lineage graph opens. A graph of up to 60 tables is shown whole when that leaves its names
// readable; else (a long chain fitted into a narrow frame: 14 px names drawn at 6 px) it opens on the
// current table and its direct neighbours at a readable size, and "Fit" or 0 shows the whole. A bigger
// graph opens on those neighbours; from LARGE_GRAPH tables on, on the current table alone.
import type { LineageRole } from './build-lineage-graph';
import { NODE_HEIGHT, NODE_WIDTH } from './layout-lineage-graph';

/** Below this zoom a card's 14 px name is under 8.4 px: not read without zooming in. */
export const READABLE_ZOOM = 0.6;
const PADDING = 0.1;

export interface PlacedNode {
  id: string;
  position: { x: number; y: number };
  data: { node: { role: LineageRole; level: number } };
}

export interface FirstView {
  nodes: { id: string }[] | undefined;
  minZoom: number;
  maxZoom: number;
  padding: number;
}

/** The zoom React Flow's fitView gives `nodes` in a frame of this size (its getViewportForBounds, before clamping). */
export function zoomToFit(nodes: readonly PlacedNode[], frame: { width: number; height: number }): number {
  const left = Math.min(...nodes.map((n) => n.position.x));
  const top = Math.min(...nodes.map((n) => n.position.y));
  const right = Math.max(...nodes.map((n) => n.position.x + NODE_WIDTH));
  const bottom = Math.max(...nodes.map((n) => n.position.y + NODE_HEIGHT));
  return Math.min(frame.width / ((right - left) * (1 + PADDING)), frame.height / ((bottom - top) * (1 + PADDING)));
}

/** The first fit's options, for a frame of `frame`'s size (null or 0 wide: not measured yet, the whole graph). */
export function firstView(nodes: readonly PlacedNode[], frame: { width: number; height: number } | null, largeGraph: number, minZoom: number): FirstView {
  const large = nodes.length >= largeGraph;
  const near = () => nodes.filter((n) => (large ? n.data.node.role === 'current' : Math.abs(n.data.node.level) <= 1)).map((n) => ({ id: n.id }));
  if (nodes.length > 60) return { nodes: near(), maxZoom: large ? 0.8 : 1, minZoom, padding: PADDING };
  if (frame && frame.width > 0 && frame.height > 0 && nodes.length > 0 && zoomToFit(nodes, frame) < READABLE_ZOOM) {
    return { nodes: near(), maxZoom: 1, minZoom: READABLE_ZOOM, padding: PADDING };
  }
  return { nodes: undefined, maxZoom: 1, minZoom, padding: PADDING };
}
