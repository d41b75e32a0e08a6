// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../components/testing/render-with-app';
import type { LineageGraph, LineageNode } from '../build-lineage-graph';
import { LAYOUT_IN_BACKGROUND, type LayoutReply, type LayoutRequest } from '../lay-out-in-background';
import { layoutLineageGraph, NODE_HEIGHT, NODE_WIDTH } from '../layout-lineage-graph';
import { LARGE_GRAPH, LineageGraphView, motion, toFlowElements } from './lineage-graph-view';

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function node(id: string, role: LineageNode['role'], level: number): LineageNode {
  return { id, label: `sales.${id}`, database: 'hive', cluster: 'gold', role, level, href: `/table_detail/gold/hive/sales/${id}`, link: null, inCatalog: true, badges: [] };
}

/** orders fed by `upstream` tables, feeding `downstream` tables, and raw → stg → orders. */
function fan(upstream: number, downstream: number): LineageGraph {
  const nodes = [node('orders', 'current', 0), node('raw', 'upstream', -2), node('stg', 'upstream', -1)];
  const edges = [
    { id: 'raw→stg', source: 'raw', target: 'stg' },
    { id: 'stg→orders', source: 'stg', target: 'orders' },
  ];
  for (let i = 0; i < upstream; i++) {
    nodes.push(node(`up${i}`, 'upstream', -1));
    edges.push({ id: `up${i}→orders`, source: `up${i}`, target: 'orders' });
  }
  for (let i = 0; i < downstream; i++) {
    nodes.push(node(`down${i}`, 'downstream', 1));
    edges.push({ id: `orders→down${i}`, source: 'orders', target: `down${i}` });
  }
  return { nodes, edges, upstreamTotal: null, downstreamTotal: null };
}

describe('toFlowElements', () => {
  it('places fixed, unfocusable nodes (their links take the focus) in reading order and marks the edges of the current table', () => {
    const { nodes, edges } = toFlowElements(fan(0, 2), 'table');
    // In reading order: column by column, top to bottom.
    expect(nodes.slice(0, 3).map((n) => n.id)).toEqual(['raw', 'stg', 'orders']);
    expect(nodes.slice(3).map((n) => n.id).sort()).toEqual(['down0', 'down1']);
    expect(nodes[3]!.position.y).toBeLessThan(nodes[4]!.position.y);
    for (const n of nodes) expect(n).toMatchObject({ type: 'lineage', draggable: false, selectable: false, focusable: false, width: NODE_WIDTH });
    const x = (id: string) => nodes.find((n) => n.id === id)!.position.x;
    expect(x('raw')).toBeLessThan(x('stg'));
    expect(x('orders')).toBeLessThan(x('down0'));
    expect(Object.fromEntries(edges.map((e) => [e.id, e.className]))).toEqual({
      'raw→stg': 'lineage-edge',
      'stg→orders': 'lineage-edge lineage-edge--current',
      'orders→down0': 'lineage-edge lineage-edge--current',
      'orders→down1': 'lineage-edge lineage-edge--current',
    });
    for (const e of edges) expect(e.markerEnd).toMatchObject({ type: 'arrowclosed' });
  });

  it('draws the edge of a cycle that goes right to left as a dashed loop round the tables, and the others as curves', () => {
    // The tester's cycle: a feeds b, b feeds c, c feeds a; a is the current table.
    const graph: LineageGraph = {
      nodes: [node('b', 'both', -2), node('c', 'both', -1), node('a', 'current', 0)],
      edges: [
        { id: 'a→b', source: 'a', target: 'b' },
        { id: 'b→c', source: 'b', target: 'c' },
        { id: 'c→a', source: 'c', target: 'a' },
      ],
      upstreamTotal: null,
      downstreamTotal: null,
    };
    const { nodes, edges } = toFlowElements(graph, 'table');
    const x = (id: string) => nodes.find((n) => n.id === id)!.position.x;
    const back = edges.filter((e) => x(e.target) < x(e.source));
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ type: 'lineageBack', className: expect.stringContaining('lineage-edge--back') });
    const lane = (back[0]!.data as { route: { laneY: number } }).route.laneY;
    expect(nodes.every((n) => lane < n.position.y) || nodes.every((n) => lane > n.position.y + NODE_HEIGHT)).toBe(true);
    for (const e of edges.filter((e) => e !== back[0])) {
      expect(e.type).toBeUndefined();
      expect(e.className).not.toContain('lineage-edge--back');
    }
  });

  it('gives React Flow the size and handles of a large graph\'s cards, so it need not draw every card once to measure it', () => {
    const large = toFlowElements(fan(LARGE_GRAPH, 0), 'table').nodes;
    for (const n of large) {
      expect(n.measured).toEqual({ width: NODE_WIDTH, height: NODE_HEIGHT });
      expect(n.handles!.map((h) => [h.type, h.position, h.x + h.width! / 2, h.y + h.height! / 2])).toEqual([
        ['target', 'left', 0, NODE_HEIGHT / 2],
        ['source', 'right', NODE_WIDTH, NODE_HEIGHT / 2],
      ]);
    }
    // A small graph draws every card anyway: React Flow measures them.
    for (const n of toFlowElements(fan(2, 2), 'table').nodes) expect(n).not.toHaveProperty('handles');
  });

  it('hides the edges from screen readers and names them in words, not by their keys', () => {
    const { edges } = toFlowElements(fan(0, 1), 'table');
    expect(edges.find((e) => e.id === 'raw→stg')).toMatchObject({ ariaLabel: 'sales.raw feeds sales.stg', domAttributes: { 'aria-hidden': true } });
  });
});

describe('motion', () => {
  const prefer = (reduce: boolean) =>
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: reduce && query === '(prefers-reduced-motion: reduce)', media: query }));

  it('animates for the given time, and not at all with prefers-reduced-motion', () => {
    prefer(false);
    expect(motion(150)).toBe(150);
    prefer(true);
    expect(motion(150)).toBe(0);
  });
});

describe('LineageGraphView', () => {
  const hint = () => document.getElementById(screen.getByRole('group', { name: 'Lineage graph of sales.orders' }).getAttribute('aria-describedby')!)!.textContent;

  it('says a big graph draws only the tables in view and points to the list', async () => {
    renderWithApp(<LineageGraphView graph={fan(LARGE_GRAPH, 10)} kind="table" label="Lineage graph of sales.orders" />);
    await screen.findByRole('group', { name: 'Lineage graph of sales.orders' });
    expect(hint()).toContain(`A graph of ${LARGE_GRAPH + 13} tables draws only those in view: “List” shows them all.`);
  });

  it('says columns, not tables, for a column’s lineage: in its keys hint and for a big graph', async () => {
    renderWithApp(<LineageGraphView graph={fan(2, 2)} kind="column" label="Lineage graph of sales.orders" />);
    expect(hint()).toContain('Tab goes from column to column; Enter opens one.');
    expect(hint()).not.toMatch(/tables?\b/);
    cleanup();
    renderWithApp(<LineageGraphView graph={fan(LARGE_GRAPH, 10)} kind="column" label="Lineage graph of sales.orders" />);
    await screen.findByRole('group', { name: 'Lineage graph of sales.orders' });
    expect(hint()).toContain(`A graph of ${LARGE_GRAPH + 13} columns draws only those in view: “List” shows them all.`);
    expect(hint()).not.toMatch(/tables?\b/);
  });

  it("credits React Flow with a link of its own after the graph and its zoom buttons, the last Tab stop, not React Flow's inside the graph (decision 101)", async () => {
    renderWithApp(<LineageGraphView graph={fan(2, 2)} kind="table" label="Lineage graph of sales.orders" />);
    const credit = await screen.findByRole('link', { name: 'React Flow' });
    expect(credit.getAttribute('href')).toBe('https://reactflow.dev');
    expect(credit.closest('p')?.textContent).toBe('Graph drawn with React Flow');
    expect(document.querySelector('.react-flow__attribution')).toBeNull();
    const canvas = screen.getByTestId('lineage-graph');
    const stops = [...canvas.querySelectorAll<HTMLElement>('a[href], button, [tabindex]')].filter((el) => el.tabIndex >= 0);
    expect(stops.at(-1)).toBe(credit);
    expect(stops.at(-2)?.textContent).toBe('Fit');
  });

  it('draws every table of a small graph at once (no worker, no "Laying out") and says nothing about the list', () => {
    const started = vi.fn();
    vi.stubGlobal('Worker', started);
    renderWithApp(<LineageGraphView graph={fan(2, 2)} kind="table" label="Lineage graph of sales.orders" />);
    expect(screen.getAllByTestId('lineage-node')).toHaveLength(7);
    expect(screen.queryByTestId('lineage-graph-laying-out')).toBeNull();
    expect(started).not.toHaveBeenCalled();
    expect(hint()).not.toContain('draws only those in view');
    expect(hint()).toContain('“List” shows the same lineage as a list.');
  });

  it('reads as a labelled group of table links: no "application" that leaves reading mode, no edge images', () => {
    renderWithApp(<LineageGraphView graph={fan(2, 2)} kind="table" label="Lineage graph of sales.orders" />);
    const group = screen.getByRole('group', { name: 'Lineage graph of sales.orders' });
    expect(group.querySelector('[role="application"]')).toBeNull();
    expect(group.querySelector('.react-flow')?.getAttribute('role')).toBe('none');
    expect(group.querySelector('.react-flow__edges')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryAllByRole('img')).toEqual([]);
  });

  describe('a graph of LAYOUT_IN_BACKGROUND tables or more', () => {
    /** A stand-in for the layout worker: it answers only when the test says so. */
    class FakeWorker {
      static made: FakeWorker[] = [];
      onmessage: ((event: MessageEvent<LayoutReply>) => void) | null = null;
      onerror: ((event: Partial<ErrorEvent>) => void) | null = null;
      request: LayoutRequest | null = null;
      terminated = false;
      constructor(
        readonly url: URL,
        readonly options: WorkerOptions,
      ) {
        FakeWorker.made.push(this);
      }
      postMessage(request: LayoutRequest) {
        this.request = request;
      }
      terminate() {
        this.terminated = true;
      }
      /** Lays the request out as the real worker does, and answers. */
      async answer() {
        const { positions, width, height } = layoutLineageGraph(this.request!);
        await act(async () => this.onmessage!({ data: { ok: true, positions: [...positions], width, height } } as MessageEvent<LayoutReply>));
      }
    }
    const big = LAYOUT_IN_BACKGROUND - 3; // fan() adds the current table and two upstream ones

    it('lays it out in a worker, saying "Laying out N tables…" meanwhile, then draws it', async () => {
      FakeWorker.made = [];
      vi.stubGlobal('Worker', FakeWorker);
      const graph = fan(big, 0);
      renderWithApp(<LineageGraphView graph={graph} kind="table" label="Lineage graph of sales.orders" />);
      expect(screen.getByTestId('lineage-graph-laying-out').textContent).toContain(`Laying out ${LAYOUT_IN_BACKGROUND} tables…`);
      expect(screen.queryByRole('group', { name: 'Lineage graph of sales.orders' })).toBeNull();
      // The worker gets only the ids and the links; its file is the layout's own module.
      expect(FakeWorker.made).toHaveLength(1);
      const worker = FakeWorker.made[0]!;
      expect(worker.url.pathname).toMatch(/layout-lineage-graph\.worker\.ts$/);
      expect(worker.options).toMatchObject({ type: 'module' });
      expect(worker.request!.nodes).toHaveLength(LAYOUT_IN_BACKGROUND);
      expect(worker.request!.nodes[0]).toEqual({ id: 'orders' });
      expect(worker.request!.edges).toContainEqual({ source: 'raw', target: 'stg' });
      // The screen reader hears it too, after a moment (a layout that ends at once says nothing).
      await vi.waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(`Laying out ${LAYOUT_IN_BACKGROUND} tables`));

      await worker.answer();
      expect(worker.terminated).toBe(true);
      expect(screen.queryByTestId('lineage-graph-laying-out')).toBeNull();
      expect(await screen.findByRole('group', { name: 'Lineage graph of sales.orders' })).toBeTruthy();
      // Laid out once: drawn again (the list and back), it needs no worker.
      cleanup();
      renderWithApp(<LineageGraphView graph={graph} kind="table" label="Lineage graph of sales.orders" />);
      expect(screen.getByRole('group', { name: 'Lineage graph of sales.orders' })).toBeTruthy();
      expect(FakeWorker.made).toHaveLength(1);
    });

    it('says "Laying out N columns…" for a column’s lineage, shown and said', async () => {
      FakeWorker.made = [];
      vi.stubGlobal('Worker', FakeWorker);
      renderWithApp(<LineageGraphView graph={fan(big, 0)} kind="column" label="Lineage graph of sales.orders" />);
      expect(screen.getByTestId('lineage-graph-laying-out').textContent).toContain(`Laying out ${LAYOUT_IN_BACKGROUND} columns…`);
      await vi.waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(`Laying out ${LAYOUT_IN_BACKGROUND} columns`));
      expect(screen.getByTestId('lineage-graph-laying-out').textContent).not.toMatch(/tables?\b/);
    });

    it('stops the worker of a graph no longer shown', () => {
      FakeWorker.made = [];
      vi.stubGlobal('Worker', FakeWorker);
      const view = renderWithApp(<LineageGraphView graph={fan(big, 1)} kind="table" label="Lineage graph of sales.orders" />);
      view.unmount();
      expect(FakeWorker.made.map((w) => w.terminated)).toEqual([true]);
    });

    it('lays it out on the page after all when the worker cannot run', async () => {
      FakeWorker.made = [];
      vi.stubGlobal('Worker', FakeWorker);
      renderWithApp(<LineageGraphView graph={fan(big, 2)} kind="table" label="Lineage graph of sales.orders" />);
      await act(async () => FakeWorker.made[0]!.onerror!({ message: 'Failed to load', preventDefault: () => undefined }));
      expect(await screen.findByRole('group', { name: 'Lineage graph of sales.orders' })).toBeTruthy();
    });
  });
});
