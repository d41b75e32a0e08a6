// The lineage as an interactive graph (React Flow): drag or arrow keys pan, the wheel, +/− keys and
// the buttons zoom, 0 and "Fit" show the whole graph. Each table's name is a link, so Tab walks the
// tables and the graph brings the focused one into view. A column's lineage says columns where a
// table's says tables ("Laying out 1,501 columns…", "Tab goes from column to column"). For screen readers the graph is its table
// links only: the edges are hidden from them, and the "List" view says the same in reading order.
// With prefers-reduced-motion the graph jumps instead of gliding (no zoom, pan or fit animation).
import {
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type EdgeTypes,
  type NodeHandle,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button } from '../../../components/button';
import { cx } from '../../../components/class-names';
import { LoadingStatus } from '../../../components/skeleton';
import type { LineageGraph, LineageKind } from '../build-lineage-graph';
import { LAYOUT_IN_BACKGROUND, layOutInBackground } from '../lay-out-in-background';
import { layoutLineageGraph, NODE_HEIGHT, NODE_WIDTH, type LineageLayout } from '../layout-lineage-graph';
import { nodesInWords, nodeWords } from '../describe-lineage-node';
import { firstView } from '../first-view';
import { routeBackEdges } from '../route-back-edges';
import { LineageBackEdge } from './lineage-back-edge';
import { LineageNodeCard, RevealNodeContext, type LineageFlowNode } from './lineage-node-card';
import './lineage.css';

const NODE_TYPES: NodeTypes = { lineage: LineageNodeCard };
const EDGE_TYPES: EdgeTypes = { lineageBack: LineageBackEdge };
const PAN_STEP = 80;
/** From this many tables on, only those in view are drawn (the list view still shows them all). */
export const LARGE_GRAPH = 150;
const MIN_ZOOM = 0.05;
/** Where a card's handles are (as React Flow measures them: 5 px squares centred on its left and right sides). */
const HANDLE = 5;
const HANDLES: NodeHandle[] = [
  { type: 'target', position: Position.Left, x: -HANDLE / 2, y: (NODE_HEIGHT - HANDLE) / 2, width: HANDLE, height: HANDLE },
  { type: 'source', position: Position.Right, x: NODE_WIDTH - HANDLE / 2, y: (NODE_HEIGHT - HANDLE) / 2, width: HANDLE, height: HANDLE },
];
const MAX_ZOOM = 2;

/** An animation's duration: `ms`, or 0 when the person asked for reduced motion (asked at each move). */
export function motion(ms: number): number {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}

/**
 * React Flow's nodes and edges for a lineage graph, placed by the layout. An edge the layout draws
 * right to left (a cycle's) loops round the tables, dashed (route-back-edges.ts).
 */
export function toFlowElements(graph: LineageGraph, kind: LineageKind, layout: LineageLayout = layoutLineageGraph(graph)): { nodes: LineageFlowNode[]; edges: Edge[]; height: number } {
  const { positions, height } = layout;
  // In the page in reading order (by column, then top to bottom), so Tab follows the picture.
  const ordered = [...graph.nodes].sort((a, b) => positions.get(a.id)!.x - positions.get(b.id)!.x || positions.get(a.id)!.y - positions.get(b.id)!.y);
  // A graph drawing only the tables in view still draws every table once, to measure it, unless
  // React Flow knows its size and handles beforehand: for 1,500 tables that first render, its layout
  // and measuring took over a second. A drawn card is measured again (larger text may grow it).
  const known = graph.nodes.length >= LARGE_GRAPH ? { measured: { width: NODE_WIDTH, height: NODE_HEIGHT }, handles: HANDLES } : {};
  const nodes: LineageFlowNode[] = ordered.map((node) => ({
    id: node.id,
    type: 'lineage',
    position: positions.get(node.id)!,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    ...known,
    data: { node, kind },
    draggable: false,
    selectable: false,
    focusable: false,
  }));
  const current = graph.nodes.find((n) => n.role === 'current')?.id;
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const backRoutes = routeBackEdges(positions, graph.edges);
  const edges: Edge[] = graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    ...(backRoutes.has(edge.id) ? { type: 'lineageBack', data: { route: backRoutes.get(edge.id)! } } : {}),
    className: cx('lineage-edge', (edge.source === current || edge.target === current) && 'lineage-edge--current', backRoutes.has(edge.id) && 'lineage-edge--back'),
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    focusable: false,
    selectable: false,
    // Not React Flow's `img "Edge from <key> to <key>"` read for each line: hidden from screen readers
    // (the table links say which direction and how many steps away each table is, and the list view
    // reads the whole lineage), and named in words for tools that show it anyway.
    ariaLabel: `${labelOf.get(edge.source) ?? edge.source} feeds ${labelOf.get(edge.target) ?? edge.target}`,
    domAttributes: { 'aria-hidden': true },
  }));
  return { nodes, edges, height };
}

/** Laid out once per graph: switching to the list and back does not lay a big graph out again. */
const layouts = new WeakMap<LineageGraph, LineageLayout>();
const laidOut = new WeakMap<LineageGraph, ReturnType<typeof toFlowElements>>();
function cachedFlowElements(graph: LineageGraph, kind: LineageKind, layout: LineageLayout) {
  const known = laidOut.get(graph);
  if (known && known.nodes[0]?.data.kind === kind) return known;
  const elements = toFlowElements(graph, kind, layout);
  laidOut.set(graph, elements);
  return elements;
}

/**
 * The graph's layout: at once for a graph under LAYOUT_IN_BACKGROUND tables (or one laid out before),
 * else null until a worker has laid it out (the page stays responsive meanwhile).
 */
export function useLineageLayout(graph: LineageGraph): { layout: LineageLayout | null; error: Error | null } {
  const immediate = useMemo(() => {
    const known = layouts.get(graph);
    if (known || graph.nodes.length >= LAYOUT_IN_BACKGROUND) return known ?? null;
    const layout = layoutLineageGraph(graph);
    layouts.set(graph, layout);
    return layout;
  }, [graph]);
  const [done, setDone] = useState<{ graph: LineageGraph; layout: LineageLayout | null; error: Error | null } | null>(null);
  useEffect(() => {
    if (immediate) return;
    const controller = new AbortController();
    layOutInBackground(graph, controller.signal).then(
      (layout) => {
        layouts.set(graph, layout);
        setDone({ graph, layout, error: null });
      },
      (error: Error) => setDone({ graph, layout: null, error }),
    );
    return () => controller.abort(); // another graph (a depth or column chosen), or the page left: the worker stops
  }, [graph, immediate]);
  if (immediate) return { layout: immediate, error: null };
  return done?.graph === graph ? { layout: done.layout, error: done.error } : { layout: null, error: null };
}

/** In the graph's place while a worker lays it out: what is happening, shown and (after a moment) said. */
function LayingOut({ count, kind, error }: { count: number; kind: LineageKind; error: Error | null }) {
  const what = nodesInWords(count, kind);
  return (
    <div className="lineage-canvas" data-testid="lineage-graph-laying-out">
      <div className="lineage-canvas__frame lineage-canvas__frame--busy">
        {error ? (
          <p role="alert" className="lineage-canvas__progress">
            {error.message}. “List” shows the same lineage as a list.
          </p>
        ) : (
          <>
            <LoadingStatus label={`Laying out ${what}`} />
            <div className="lineage-canvas__progress" aria-hidden="true">
              <p>Laying out {what}…</p>
              <span className="lineage-canvas__progress-bar" />
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function ZoomButtons() {
  const flow = useReactFlow();
  return (
    <div className="lineage-canvas__zoom" role="group" aria-label="Zoom">
      <Button size="sm" onClick={() => void flow.zoomIn({ duration: motion(150) })} aria-label="Zoom in">
        +
      </Button>
      <Button size="sm" onClick={() => void flow.zoomOut({ duration: motion(150) })} aria-label="Zoom out">
        −
      </Button>
      <Button size="sm" onClick={() => void flow.fitView({ duration: motion(150) })}>
        Fit
      </Button>
    </div>
  );
}

function Canvas({ graph, kind, label, layout }: { graph: LineageGraph; kind: LineageKind; label: string; layout: LineageLayout }) {
  const flow = useReactFlow();
  const frame = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [one] = nodeWords(kind);
  const { nodes, edges, height } = useMemo(() => cachedFlowElements(graph, kind, layout), [graph, kind, layout]);
  // Where the graph opens (first-view.ts): whole, unless that leaves the names too small to read. The
  // frame's width is measured before the first paint, so the first fit knows it.
  const [frameSize, setFrameSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const element = frame.current;
    if (element) setFrameSize({ width: element.clientWidth, height: element.clientHeight });
  }, []);
  const fitOptions = useMemo(() => firstView(nodes, frameSize, LARGE_GRAPH, MIN_ZOOM), [nodes, frameSize]);
  // Until the person moves the graph, it keeps fitting its frame when the window is resized.
  const moved = useRef(false);
  useEffect(() => {
    const element = frame.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      if (!moved.current) void flow.fitView(fitOptions);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [flow, fitOptions]);

  /** Centre a node when its link takes the focus outside the visible part of the graph. */
  const reveal = useCallback(
    (id: string) => {
      const node = flow.getNode(id);
      const box = frame.current?.getBoundingClientRect();
      if (!node || !box) return;
      const { x, y, zoom } = flow.getViewport();
      const left = node.position.x * zoom + x;
      const top = node.position.y * zoom + y;
      const visible = left >= 0 && top >= 0 && left + NODE_WIDTH * zoom <= box.width && top + NODE_HEIGHT * zoom <= box.height;
      if (!visible || zoom < 0.5) void flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, { zoom: Math.max(zoom, 0.8), duration: motion(150) });
    },
    [flow],
  );

  // React Flow's wrapper is role="application" and takes no other (its props cannot change it): in
  // there a screen reader leaves its reading mode. The frame around it is already the labelled group,
  // so the wrapper gets no role at all; React leaves the attribute alone after that (its prop never
  // changes). Each edge is drawn in an <svg> of its own, an unnamed image to screen readers: the
  // edges' layer (always there, kept across renders) is hidden from them as a whole.
  useLayoutEffect(() => {
    frame.current?.querySelector('.react-flow[role="application"]')?.setAttribute('role', 'none');
    frame.current?.querySelector('.react-flow__edges')?.setAttribute('aria-hidden', 'true');
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { x, y, zoom } = flow.getViewport();
    const pan: Record<string, [number, number]> = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
    const step = pan[event.key];
    if (step) void flow.setViewport({ x: x + step[0], y: y + step[1], zoom }, { duration: motion(100) });
    else if (event.key === '+' || event.key === '=') void flow.zoomIn({ duration: motion(100) });
    else if (event.key === '-' || event.key === '_') void flow.zoomOut({ duration: motion(100) });
    else if (event.key === '0') void flow.fitView({ duration: motion(100) });
    else return;
    moved.current = true;
    event.preventDefault();
  };

  return (
    <RevealNodeContext value={reveal}>
      <div className="lineage-canvas" data-testid="lineage-graph">
        <div
          ref={frame}
          className="lineage-canvas__frame"
          // A small graph gets a small frame; a big one up to 70% of the window.
          style={{ height: `min(70vh, ${Math.max(360, Math.round(height) + 160)}px)` }}
          role="group"
          aria-label={label}
          aria-describedby={hintId}
          tabIndex={0}
          onKeyDown={onKeyDown}
          // Focus moving to a link outside the frame makes the browser scroll the frame; the graph moves by its viewport only.
          onScrollCapture={(event) => {
            const target = event.target as HTMLElement;
            if (target.classList.contains('react-flow')) target.scrollTo(0, 0);
          }}
        >
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            fitView
            fitViewOptions={fitOptions}
            // Nodes of known size (a large graph's) count as measured before the pane is: React Flow's
            // own first fit then comes too early, so the graph fits once the pane is ready.
            onInit={nodes.length >= LARGE_GRAPH ? (instance) => void instance.fitView(fitOptions) : undefined}
            onMoveStart={(event) => {
              if (event) moved.current = true; // a drag or the wheel, not a move of ours
            }}
            minZoom={MIN_ZOOM}
            maxZoom={MAX_ZOOM}
            zoomOnDoubleClick={false}
            onlyRenderVisibleElements={nodes.length >= LARGE_GRAPH}
            // React Flow's own attribution sits inside the graph, a Tab stop between its tables and the zoom
            // buttons; the same credit and link is drawn below the graph instead, the last Tab stop (decision 101).
            proOptions={{ hideAttribution: true }}
          />
        </div>
        <p id={hintId} className="lineage-canvas__hint">
          Drag or use the arrow keys to move, the wheel or + and − to zoom, 0 to fit. Tab goes from {one} to {one}; Enter opens one. “List” shows the
          same lineage as a list.
          {nodes.length >= LARGE_GRAPH ? ` A graph of ${nodesInWords(nodes.length, kind)} draws only those in view: “List” shows them all.` : null}
        </p>
        <ZoomButtons />
        <p className="lineage-canvas__credit">
          Graph drawn with <a href="https://reactflow.dev" rel="noopener noreferrer">React Flow</a>
        </p>
      </div>
    </RevealNodeContext>
  );
}

export function LineageGraphView(props: { graph: LineageGraph; kind: LineageKind; label: string }) {
  const { layout, error } = useLineageLayout(props.graph);
  if (!layout) return <LayingOut count={props.graph.nodes.length} kind={props.kind} error={error} />;
  return (
    <ReactFlowProvider>
      <Canvas {...props} layout={layout} />
    </ReactFlowProvider>
  );
}
