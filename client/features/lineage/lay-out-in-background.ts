// A big lineage graph's layout off the page's thread. dagre lays out 1,500 tables in 1.5–2.5 s on
// this machine; on the main thread that froze the page (no input, no paint) for all of it. From
// LAYOUT_IN_BACKGROUND tables on, the layout runs in a Web Worker (Vite bundles it as a file of its own,
// loaded only then); a smaller graph is laid out at once, in a few milliseconds, so it shows with no
// "Laying out" step. Where no worker can start (no Worker, or one refused), the layout runs on the
// page's thread after a frame, so the progress message is painted first (decision 077).
import type { LineageEdge, LineageNode } from './build-lineage-graph';
import { layoutLineageGraph, type LineageLayout } from './layout-lineage-graph';

/**
 * From this many tables on, the layout runs in a worker: LARGE_GRAPH, where React Flow starts drawing
 * only the tables in view and the layout becomes most of the work. Below it, drawing every card takes
 * longer than dagre, and a worker's start (fetching its file, a cold dagre) only made the graph later:
 * 100 tables took 1.2 s instead of 0.6 s from answer to first view (docs/benchmarks.md).
 */
export const LAYOUT_IN_BACKGROUND = 150;

/** What the worker is sent: only the ids and the links (structured-cloned to it). */
export interface LayoutRequest {
  nodes: { id: string }[];
  edges: { source: string; target: string }[];
}

export type LayoutReply = { ok: true; positions: [string, { x: number; y: number }][]; width: number; height: number } | { ok: false; message: string };

type Graph = { nodes: readonly Pick<LineageNode, 'id'>[]; edges: readonly Pick<LineageEdge, 'source' | 'target'>[] };

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./layout-lineage-graph.worker.ts', import.meta.url), { type: 'module', name: 'lineage-layout' });
  } catch {
    return null; // refused (a content security policy without workers): laid out on this thread instead
  }
}

/** On this thread, once the page has had a frame to paint what it shows meanwhile. */
function layOutAfterAFrame(graph: Graph, signal: AbortSignal): Promise<LineageLayout> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (signal.aborted) return;
      try {
        resolve(layoutLineageGraph(graph));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 16);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });
}

/**
 * The layout of `graph`, computed in a worker (one per layout, ended when done or when `signal`
 * aborts: a layout no longer wanted stops using the CPU). Never settles once aborted.
 */
export function layOutInBackground(graph: Graph, signal: AbortSignal): Promise<LineageLayout> {
  const worker = startWorker();
  if (!worker) return layOutAfterAFrame(graph, signal);
  return new Promise((resolve, reject) => {
    const stop = () => worker.terminate();
    signal.addEventListener('abort', stop, { once: true });
    const done = () => {
      stop();
      signal.removeEventListener('abort', stop);
    };
    worker.onmessage = ({ data }: MessageEvent<LayoutReply>) => {
      done();
      if (data.ok) resolve({ positions: new Map(data.positions), width: data.width, height: data.height });
      else reject(new Error(`The lineage graph could not be laid out: ${data.message}`));
    };
    // The worker's file could not load or run (an old build's file gone after a deploy, a network
    // error): the layout runs here instead, as without workers.
    worker.onerror = (event) => {
      event.preventDefault?.();
      done();
      if (!signal.aborted) layOutAfterAFrame(graph, signal).then(resolve, reject);
    };
    const request: LayoutRequest = { nodes: graph.nodes.map(({ id }) => ({ id })), edges: graph.edges.map(({ source, target }) => ({ source, target })) };
    worker.postMessage(request);
  });
}
