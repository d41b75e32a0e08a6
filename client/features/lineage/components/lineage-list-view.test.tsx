// @vitest-environment jsdom
// The lineage page's list view: a side of many tables shows the nearest 10, then 100 more at each
// press, with a count and a filter (GrowList, as the table page's Lineage section; decision 077).
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { LineageItem, LineageResponse } from '../../../../contract/api-table';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { buildLineageGraph } from '../build-lineage-graph';
import { LineageListView } from './lineage-list-view';

afterEach(cleanup);

const HUB = 'hive://gold.big/hub';

function item(name: string, level: number, parent = HUB): LineageItem {
  const key = `hive://gold.big/${name}`;
  return { key, level, parent, source: 'hive', badges: [], usage: 0, link: null, in_amundsen: true, database: 'hive', cluster: 'gold', schema: 'big', name, column: null };
}

const numbered = (prefix: string, count: number, level: number, parent = HUB) => Array.from({ length: count }, (_, i) => item(`${prefix}_${String(i).padStart(4, '0')}`, level, parent));

function renderList(upstream: LineageItem[], downstream: LineageItem[]) {
  const lineage: LineageResponse = { msg: 'ok', key: HUB, direction: 'both', depth: 5, upstream_entities: upstream, downstream_entities: downstream, upstream_count: upstream.length, downstream_count: downstream.length };
  return renderWithApp(<LineageListView graph={buildLineageGraph(lineage, { kind: 'table' })} kind="table" />);
}

const rows = (side: HTMLElement) => within(side).queryAllByTestId('lineage-list-item');

describe('LineageListView', () => {
  it('draws the nearest 10 of a side of 1,500 tables, then 100 more at each press, with a count; the focus on the first added', async () => {
    renderList([...numbered('far', 5, 2, 'hive://gold.big/up_0000'), ...numbered('up', 8, 1)], numbered('down', 1500, 1));
    const downstream = screen.getByTestId('lineage-list-downstream');
    expect(within(downstream).getByRole('heading', { level: 2 }).textContent).toBe('Downstream 1,500');
    expect(rows(downstream)).toHaveLength(10);
    expect(within(downstream).getByRole('status').textContent).toBe('Showing the nearest 10 of 1,500.');
    // Upstream: 13 tables, the 8 direct ones first.
    const upstream = screen.getByTestId('lineage-list-upstream');
    expect(rows(upstream).map((r) => r.querySelector('a')!.textContent)).toEqual([...numbered('up', 8, 1), ...numbered('far', 2, 2)].map((i) => `big.${i.name}`));
    expect(within(upstream).getByRole('status').textContent).toBe('Showing the nearest 10 of 13.');

    const user = userEvent.setup();
    await user.click(within(downstream).getByRole('button', { name: 'Show 100 more downstream tables' }));
    await waitFor(() => expect(rows(downstream)).toHaveLength(110));
    expect(within(downstream).getByRole('status').textContent).toBe('Showing 110 of 1,500.');
    expect(document.activeElement?.textContent).toBe('big.down_0010');
    await user.click(within(upstream).getByRole('button', { name: 'Show the last 3 upstream tables' }));
    await waitFor(() => expect(rows(upstream)).toHaveLength(13));
    expect(within(upstream).getByRole('status').textContent).toBe('Showing all 13.');
    expect(rows(upstream)[12].textContent).toContain('upstream, 2 steps away · feeds big.up_0000');

    // The current table names the first 5 tables it feeds, not all 1,500.
    expect(within(screen.getByTestId('lineage-list-current')).getByRole('listitem').textContent).toContain('feeds big.down_0000, big.down_0001, big.down_0002, big.down_0003, big.down_0004 and 1,495 more');
    // The filter looks through all 1,500, not only those shown.
    await user.type(within(downstream).getByRole('searchbox', { name: 'Filter downstream tables' }), 'down_149');
    await waitFor(() => expect(rows(downstream)).toHaveLength(10));
    expect(within(downstream).getByRole('status').textContent).toBe('Showing 10 of the 10 matching “down_149” (of 1,500).');
  });

  it('says columns, not tables, in the filter, the buttons and the count of a column’s lineage', async () => {
    const column = (name: string) => ({ ...item(name, 1), key: `hive://gold.big/${name}/id`, column: 'id' });
    const downstream = Array.from({ length: 150 }, (_, i) => column(`down_${String(i).padStart(4, '0')}`));
    const lineage: LineageResponse = { msg: 'ok', key: `${HUB}/id`, direction: 'both', depth: 5, upstream_entities: downstream.slice(0, 12).map((c) => ({ ...c, key: c.key.replace('down', 'up'), name: c.name.replace('down', 'up') })), downstream_entities: downstream, upstream_count: 12, downstream_count: 150 };
    renderWithApp(<LineageListView graph={buildLineageGraph(lineage, { kind: 'column' })} kind="column" />);
    const side = screen.getByTestId('lineage-list-downstream');
    expect(rows(side)[0]!.querySelector('a')!.textContent).toBe('big.down_0000.id');
    const filter = within(side).getByRole('searchbox', { name: 'Filter downstream columns' });
    expect(within(side).getByRole('button', { name: 'Show 100 more downstream columns' })).toBeTruthy();
    expect(within(screen.getByTestId('lineage-list-upstream')).getByRole('button', { name: 'Show the last 2 upstream columns' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'This column' })).toBeTruthy();
    await userEvent.setup().type(filter, 'zz');
    expect(within(side).getByRole('status').textContent).toBe('None of the 150 downstream columns has “zz” in its name.');
    expect(screen.queryByText(/tables/)).toBeNull();
  });

  it('draws a side of 10 or fewer whole, without a filter or buttons', () => {
    renderList(numbered('up', 10, 1), numbered('down', 3, 1));
    expect(rows(screen.getByTestId('lineage-list-upstream'))).toHaveLength(10);
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(within(screen.getByTestId('lineage-list')).queryByRole('status')).toBeNull();
  });
  it('lists a table of a cycle on both sides, so each heading counts what the summary counts', () => {
    const loop = item('loop', 1);
    renderList([loop, item('up', 1)], [loop, item('down', 1)]);
    const upstream = screen.getByTestId('lineage-list-upstream');
    const downstream = screen.getByTestId('lineage-list-downstream');
    expect(within(upstream).getByRole('heading', { level: 2 }).textContent).toBe('Upstream 2');
    expect(within(downstream).getByRole('heading', { level: 2 }).textContent).toBe('Downstream 2');
    for (const side of [upstream, downstream]) {
      expect(rows(side).find((r) => r.querySelector('a')!.textContent === 'big.loop')!.textContent).toContain('upstream and downstream (a cycle)');
    }
  });
});
