// @vitest-environment jsdom
import { useQuery } from '@tanstack/react-query';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LineageItem, LineageResponse } from '../../../../contract/api-table';
import type { LineageState } from '../../../app/paths';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { ApiError } from '../../../lib/api-error';
import { LineagePage } from './lineage-page';

// jsdom lays nothing out; React Flow needs these browser APIs to render its nodes.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  globalThis.DOMMatrixReadOnly ??= class {
    m22: number;
    constructor(transform?: string) {
      this.m22 = Number(/scale\(([\d.]+)\)/.exec(transform ?? '')?.[1] ?? 1);
    }
  } as unknown as typeof DOMMatrixReadOnly;
});
afterEach(cleanup);

const ORDERS = { database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders' };
const KEY = 'hive://gold.sales/orders';

function item(name: string, level: number, parent: string): LineageItem {
  const key = `hive://gold.sales/${name}`;
  return { key, level, parent, source: 'hive', badges: [], usage: 0, link: null, in_amundsen: true, database: 'hive', cluster: 'gold', schema: 'sales', name, column: null };
}

/** What the catalog answers, `depth` hops each way: raw_orders → stg_orders → orders → fct_orders → agg_orders. */
function answer(depth: number): LineageResponse {
  const upstream = [item('stg_orders', 1, KEY), item('raw_orders', 2, 'hive://gold.sales/stg_orders')].filter((i) => i.level <= depth);
  const downstream = [item('fct_orders', 1, KEY), item('agg_orders', 2, 'hive://gold.sales/fct_orders')].filter((i) => i.level <= depth);
  return { msg: 'Success', key: KEY, direction: 'both', depth, upstream_entities: upstream, downstream_entities: downstream, upstream_count: 2, downstream_count: 2 };
}

type Outcome = 'lineage' | 'none' | 'missing' | 'broken' | 'pending';

function Harness({ initial, outcome = 'lineage', changes, tableMissing }: { initial: LineageState; outcome?: Outcome; changes: LineageState[]; tableMissing?: boolean }) {
  const [state, setState] = useState(initial);
  const query = useQuery({
    queryKey: ['lineage-test', outcome, state.depth, state.column],
    queryFn: async (): Promise<LineageResponse> => {
      if (outcome === 'pending') return new Promise<LineageResponse>(() => {});
      if (outcome === 'missing') throw new ApiError(404, 'NotFoundError', 'no such table', 'not_found');
      if (outcome === 'broken') throw new ApiError(502, 'UpstreamError', 'The metadata service did not answer.', 'upstream_unavailable');
      return outcome === 'none' ? { ...answer(0), upstream_count: 0, downstream_count: 0 } : answer(state.depth);
    },
  });
  const onStateChange = (next: LineageState) => {
    changes.push(next);
    setState(next);
  };
  return <LineagePage table={ORDERS} state={state} onStateChange={onStateChange} maxDepth={10} columns={['order_id', 'amount']} tableMissing={tableMissing} query={query} />;
}

function renderPage(options: { initial?: Partial<LineageState>; outcome?: Outcome; tableMissing?: boolean } = {}) {
  const changes: LineageState[] = [];
  const ui = (
    <Routes>
      <Route path="/lineage" element={<Harness initial={{ depth: 2, column: null, view: 'graph', ...options.initial }} outcome={options.outcome} changes={changes} tableMissing={options.tableMissing} />} />
      <Route path="/table_detail/:cluster/:database/:schema/:table" element={<p>table page</p>} />
    </Routes>
  );
  return { changes, ...renderWithApp(ui, { route: '/lineage' }) };
}

const graphNodes = () => within(screen.getByTestId('lineage-graph')).getAllByTestId('lineage-node');

describe('LineagePage', () => {
  it('draws the current table highlighted among its upstream and downstream tables, each a named link', async () => {
    renderPage();
    await waitFor(() => expect(graphNodes()).toHaveLength(5));
    const graph = screen.getByRole('group', { name: 'Lineage graph of sales.orders' });
    expect(within(graph).getByRole('link', { name: 'sales.orders, current table' }).getAttribute('href')).toBe('/table_detail/gold/hive/sales/orders');
    expect(within(graph).getByRole('link', { name: 'sales.raw_orders, upstream, 2 steps away' }).getAttribute('href')).toBe('/table_detail/gold/hive/sales/raw_orders');
    expect(within(graph).getByRole('link', { name: 'sales.fct_orders, downstream, 1 step away' })).toBeTruthy();
    // Where a table lives (its source and cluster) is the link's description, not only the card's small print.
    expect(within(graph).getByRole('link', { description: 'Hive, cluster gold', name: 'sales.raw_orders, upstream, 2 steps away' })).toBeTruthy();
    expect(graphNodes().filter((n) => n.dataset.role === 'current')).toHaveLength(1);
    expect(screen.getByTestId('lineage-summary').textContent).toContain('2 upstream and 2 downstream within 2 steps.');
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('This table');
  });

  it('says it is loading from a status region that was there, empty, before the words (decision 046)', async () => {
    renderPage({ outcome: 'pending' });
    const main = screen.getByTestId('lineage-page');
    const loading = within(main).getAllByRole('status').find((region) => region.closest('.lineage-page__loading'))!;
    expect(loading.textContent).toBe('');
    expect(loading.getAttribute('aria-busy')).toBeNull();
    await waitFor(() => expect(loading.textContent).toBe('Loading lineage'));
  });

  it('keeps the status region for "Updating…" on the page, empty while nothing is updating', async () => {
    renderPage();
    await waitFor(() => expect(graphNodes()).toHaveLength(5));
    const updating = document.querySelector('.lineage-page__updating');
    expect(updating?.getAttribute('role')).toBe('status');
    expect(updating?.textContent).toBe('');
  });

  it('changes the depth from the Depth select and shows what the new answer holds', async () => {
    const user = userEvent.setup();
    const { changes } = renderPage();
    await waitFor(() => expect(graphNodes()).toHaveLength(5));
    expect((screen.getByLabelText('Depth') as HTMLSelectElement).value).toBe('2');
    expect(within(screen.getByLabelText('Depth')).getAllByRole('option')).toHaveLength(10);

    await user.selectOptions(screen.getByLabelText('Depth'), '1');
    expect(changes).toEqual([{ depth: 1, column: null, view: 'graph' }]);
    await waitFor(() => expect(graphNodes()).toHaveLength(3));
    expect(screen.getByTestId('lineage-summary').textContent).toContain('1 upstream and 1 downstream within 1 step (2 upstream and 2 downstream at any depth');
  });

  it('switches to a column’s lineage from the Column select, and back to the whole table', async () => {
    const user = userEvent.setup();
    const { changes } = renderPage();
    await waitFor(() => expect(graphNodes()).toHaveLength(5));
    expect(within(screen.getByLabelText('Column')).getAllByRole('option').map((o) => o.textContent)).toEqual(['Whole table', 'order_id', 'amount']);

    await user.selectOptions(screen.getByLabelText('Column'), 'amount');
    expect(changes.at(-1)).toEqual({ depth: 2, column: 'amount', view: 'graph' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('sales.orders.amount');
    expect(screen.getByText('Column lineage')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Column'), '');
    expect(changes.at(-1)).toEqual({ depth: 2, column: null, view: 'graph' });
  });

  it('keeps a column named in the URL choosable even when the table does not list it', () => {
    renderPage({ initial: { column: 'gone' } });
    expect((screen.getByLabelText('Column') as HTMLSelectElement).value).toBe('gone');
  });

  it('shows the same lineage as lists, with what each table feeds, and puts the choice in the page state (the URL)', async () => {
    const user = userEvent.setup();
    const { changes } = renderPage();
    await waitFor(() => expect(graphNodes()).toHaveLength(5));
    await user.click(screen.getByRole('radio', { name: 'List' }));
    expect(changes.at(-1)).toEqual({ depth: 2, column: null, view: 'list' });
    expect(screen.queryByTestId('lineage-graph')).toBeNull();
    const upstream = screen.getByRole('region', { name: /Upstream/ });
    // Nearest first, as the table page's lists (a long side shows the nearest 10 first).
    expect(within(upstream).getAllByRole('link').map((l) => l.textContent)).toEqual(['sales.stg_orders', 'sales.raw_orders']);
    expect(within(upstream).getAllByRole('listitem')[1].textContent).toContain('upstream, 2 steps away · feeds sales.stg_orders');
    expect(within(screen.getByRole('region', { name: /Downstream/ })).getAllByRole('link')).toHaveLength(2);
  });

  it('opens on the list when the state (the URL) asks for it', async () => {
    renderPage({ initial: { view: 'list' } });
    expect(await screen.findByRole('region', { name: /Upstream/ })).toBeTruthy();
    expect(screen.queryByTestId('lineage-graph')).toBeNull();
    expect((screen.getByRole('radio', { name: 'List' }) as HTMLInputElement).checked).toBe(true);
  });

  // (A mouse click is the e2e journey's: jsdom has no stylesheet to turn pointer events back on.)
  it('opens a table’s page with Enter on its link on the graph', async () => {
    const user = userEvent.setup();
    renderPage();
    await waitFor(() => expect(graphNodes()).toHaveLength(5));
    screen.getByRole('link', { name: 'sales.fct_orders, downstream, 1 step away' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('table page')).toBeTruthy();
  });

  it('has zoom buttons and a focusable graph that explains its keys', async () => {
    renderPage();
    await waitFor(() => expect(graphNodes()).toHaveLength(5));
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fit' })).toBeTruthy();
    const graph = screen.getByRole('group', { name: 'Lineage graph of sales.orders' });
    expect(graph.getAttribute('tabindex')).toBe('0');
    const hint = document.getElementById(graph.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).toMatch(/arrow keys to move.*\+ and − to zoom/);
  });

  it('says when there is no lineage, when the table is not there, and when loading failed', async () => {
    renderPage({ outcome: 'none' });
    expect(await screen.findByText('No lineage')).toBeTruthy();
    expect(screen.getByText(/The catalog knows nothing that feeds sales\.orders or is built from it\./)).toBeTruthy();
    cleanup();

    renderPage({ outcome: 'missing' });
    // Its title and heading say so (they said “Lineage of sales.orders” and “sales.orders”).
    expect(await screen.findByRole('heading', { level: 1, name: 'Table not found' })).toBeTruthy();
    await waitFor(() => expect(document.title).toMatch(/^Table not found/));
    expect(screen.getByText(/The catalog has no table/).querySelector('code')?.textContent).toBe('sales.orders');
    expect(screen.getByRole('link', { name: 'Search for “orders”' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Open the table page' })).toBeNull();
    expect(screen.queryByLabelText('Depth')).toBeNull();
    expect(screen.queryByRole('radio', { name: 'List' })).toBeNull();
    cleanup();

    renderPage({ outcome: 'broken' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Lineage could not be loaded');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('offers the table page while the table is there, and not once the catalog says it is missing', async () => {
    renderPage();
    expect(await screen.findByRole('link', { name: 'Open the table page' })).toBeTruthy();
    cleanup();
    renderPage({ initial: { column: 'amount' }, tableMissing: true });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Table not found');
    expect(screen.getByText('sales.orders', { selector: 'code' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Open the table page' })).toBeNull();
    expect(screen.queryByLabelText('Depth')).toBeNull();
  });

  it('keeps the controls for a column the catalog does not have, so the whole table can be chosen', async () => {
    renderPage({ initial: { column: 'gone' }, outcome: 'missing' });
    expect(await screen.findByText('No such column')).toBeTruthy();
    expect((screen.getByLabelText('Column') as HTMLSelectElement).value).toBe('gone');
  });
});
