// An edge drawn from right to left (one edge of a cycle): it loops round the tables along its lane
// (route-back-edges.ts), dashed, instead of running straight back through them.
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { backEdgePath, type BackEdgeRoute } from '../route-back-edges';

export type LineageBackFlowEdge = Edge<{ route: BackEdgeRoute }, 'lineageBack'>;

export function LineageBackEdge({ sourceX, sourceY, targetX, targetY, data, markerEnd, interactionWidth }: EdgeProps<LineageBackFlowEdge>) {
  const laneY = data?.route.laneY ?? Math.min(sourceY, targetY);
  return <BaseEdge path={backEdgePath({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, laneY)} markerEnd={markerEnd} interactionWidth={interactionWidth} />;
}
