// The lineage graph's layout (dagre) in a Web Worker: for 1,500 tables it takes a second or more, and
// on the page's own thread the page took no click, key or scroll meanwhile (lay-out-in-background.ts).
import { layoutLineageGraph } from './layout-lineage-graph';
import type { LayoutReply, LayoutRequest } from './lay-out-in-background';

// A dedicated worker's global scope (the project's types are the window's: DOM, not WebWorker).
const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null; postMessage(message: LayoutReply): void };

scope.onmessage = ({ data }) => {
  try {
    const { positions, width, height } = layoutLineageGraph(data);
    scope.postMessage({ ok: true, positions: [...positions], width, height });
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
