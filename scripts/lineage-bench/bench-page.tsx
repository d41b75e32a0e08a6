// The page `npm run bench:lineage` opens in Chromium: renders the lineage graph of a synthetic answer
// of `?size=` entities and notes, in window.__lineageBench, how long building and laying out the
// graph took, when every node was on screen (in the DOM, measured, and a frame later, so painted), and
// the longest task that held the main thread (no input is handled meanwhile) during that render.
import * as v from 'valibot';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { toClientConfig, UiConfigFileSchema } from '../../contract/ui-config';
import { normalizeUser } from '../../contract/user';
import { AppDataProvider } from '../../client/app/app-data';
import '../../client/app/tokens.css';
import { buildLineageGraph } from '../../client/features/lineage/build-lineage-graph';
import { LineageGraphView } from '../../client/features/lineage/components/lineage-graph-view';
import { layoutLineageGraph } from '../../client/features/lineage/layout-lineage-graph';
import { buildSyntheticLineage } from './synthetic-lineage';

declare global {
  interface Window {
    __lineageBench?: { nodes: number; edges: number; layoutMs: number; renderMs?: number; drawn?: number; longestTaskMs?: number; blockingMs?: number };
  }
}

const size = Number(new URLSearchParams(location.search).get('size') ?? 500);
const lineage = buildSyntheticLineage(size);
const graph = buildLineageGraph(lineage, { kind: 'table' });
// Layout alone (the graph view lays out again as part of its render, which the render time includes).
const layoutStart = performance.now();
layoutLineageGraph(graph);
window.__lineageBench = { nodes: graph.nodes.length, edges: graph.edges.length, layoutMs: performance.now() - layoutStart };

const renderStart = performance.now();
// The main thread's long tasks (over 50 ms) from here on: while one runs, the page takes no input.
const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
// Done when the current table is on screen, every node drawn is measured and visible, and a frame
// later (painted). A big graph draws only the tables in view (LARGE_GRAPH), so not all 500.
new MutationObserver((_, observer) => {
  const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')];
  const current = document.querySelector('[data-role="current"]');
  if (!current || nodes.some((n) => getComputedStyle(n).visibility === 'hidden')) return;
  observer.disconnect();
  requestAnimationFrame(() =>
    setTimeout(() => {
      window.__lineageBench!.renderMs = performance.now() - renderStart;
      window.__lineageBench!.drawn = document.querySelectorAll('.react-flow__node').length;
      const during = longTasks.filter((t) => t.startTime >= renderStart);
      window.__lineageBench!.longestTaskMs = Math.max(0, ...during.map((t) => t.duration));
      window.__lineageBench!.blockingMs = during.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
    }),
  );
}).observe(document.body, { childList: true, subtree: true, attributes: true });

// The UI config's defaults, as the shell would provide them.
const config = toClientConfig(v.parse(UiConfigFileSchema, {}), { providerName: 'Bench', indexUsers: false, indexDashboards: false, logoUrl: null });
const user = normalizeUser({ user_id: 'bench@example.org', email: 'bench@example.org' })!;

createRoot(document.getElementById('root')!).render(
  <MemoryRouter>
    <AppDataProvider value={{ config, user }}>
      <main style={{ maxWidth: 1200, margin: '0 auto', padding: 16 }}>
        <LineageGraphView graph={graph} kind="table" label="Lineage graph of sales.orders" />
      </main>
    </AppDataProvider>
  </MemoryRouter>,
);
