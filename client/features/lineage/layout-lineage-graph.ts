// Where each node of a lineage graph goes: a layered left-to-right drawing (upstream on the left,
// downstream on the right) by dagre, which orders each layer to keep edges from crossing. dagre
// breaks cycles itself, so a graph with one still gets a layout. Positions are top-left corners.
import dagre from '@dagrejs/dagre';
import type { LineageEdge, LineageNode } from './build-lineage-graph';

export const NODE_WIDTH = 264;
export const NODE_HEIGHT = 88;

export interface LineageLayout {
  positions: Map<string, { x: number; y: number }>;
  width: number;
  height: number;
}

export interface LayoutOptions {
  /** Space between nodes of one layer, and between layers. */
  nodeGap?: number;
  layerGap?: number;
}

export function layoutLineageGraph(graph: { nodes: readonly Pick<LineageNode, 'id'>[]; edges: readonly Pick<LineageEdge, 'source' | 'target'>[] }, options: LayoutOptions = {}): LineageLayout {
  const g = new dagre.graphlib.Graph();
  // tight-tree puts each table at its lineage level as network-simplex (dagre's default) does, at
  // about a third of the time for 500 tables; longest-path would push every last table to the far
  // right (docs/decisions/013-lineage-graph-library.md).
  g.setGraph({ rankdir: 'LR', nodesep: options.nodeGap ?? 16, ranksep: options.layerGap ?? 72, marginx: 0, marginy: 0, ranker: 'tight-tree' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) if (g.hasNode(edge.source) && g.hasNode(edge.target)) g.setEdge(edge.source, edge.target);
  dagre.layout(g);

  const positions = new Map<string, { x: number; y: number }>();
  let width = 0;
  let height = 0;
  for (const node of graph.nodes) {
    const { x, y } = g.node(node.id);
    positions.set(node.id, { x: x - NODE_WIDTH / 2, y: y - NODE_HEIGHT / 2 });
    width = Math.max(width, x + NODE_WIDTH / 2);
    height = Math.max(height, y + NODE_HEIGHT / 2);
  }
  return { positions, width, height };
}
