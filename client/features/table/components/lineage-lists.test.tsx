// @vitest-environment jsdom
// The table page's Lineage section: a side with many tables shows the nearest ones, then more a hundred at a time, with a filter.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LineageItem, LineageResponse } from '../../../../contract/api-table';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { groupByLevel, LineageSection, matchingItems, MORE_PER_PRESS, SHOWN_PER_SIDE, shownInWords } from './lineage-lists';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const HUB = 'hive://gold.big/hub';

function item(name: string, level: number, parent = HUB): LineageItem {
  const key = `hive://gold.big/${name}`;
  return { key, level, parent, source: 'hive', badges: [], usage: 0, link: null, in_amundsen: true, database: 'hive', cluster: 'gold', schema: 'big', name, column: null };
}

const numbered = (prefix: string, count: number, level: number) => Array.from({ length: count }, (_, i) => item(`${prefix}_${String(i).padStart(4, '0')}`, level));

function serve(upstream: LineageItem[], downstream: LineageItem[]) {
  const answer: LineageResponse = { msg: 'ok', key: HUB, direction: 'both', depth: 5, upstream_entities: upstream, downstream_entities: downstream, upstream_count: upstream.length, downstream_count: downstream.length };
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } })));
}

const names = (side: HTMLElement) => within(side).queryAllByTestId('lineage-item').map((li) => li.querySelector('.lineage__name')!.textContent);

describe('LineageSection', () => {
  it(`shows the nearest ${SHOWN_PER_SIDE} tables of a big side, then ${MORE_PER_PRESS} more at each press, counting them, the focus on the first added`, async () => {
    // 30 direct upstream tables and 20 two steps away; 1,200 downstream.
    serve([...numbered('far', 20, 2), ...numbered('up', 30, 1)], numbered('down', 1200, 1));
    renderWithApp(<LineageSection tableKey={HUB} tableName="big.hub" />);
    const upstream = await screen.findByTestId('lineage-upstream');
    expect(names(upstream)).toEqual(numbered('up', SHOWN_PER_SIDE, 1).map((i) => `big.${i.name}`));
    expect(within(upstream).getByRole('heading', { level: 3 }).textContent).toBe('Upstream 50');
    expect(within(upstream).getByRole('status').textContent).toBe('Showing the nearest 10 of 50.');
    const downstream = screen.getByTestId('lineage-downstream');
    expect(names(downstream)).toHaveLength(SHOWN_PER_SIDE);
    expect(within(downstream).getByRole('heading', { level: 3 }).textContent).toBe('Downstream 1,200');

    const user = userEvent.setup();
    const more = within(downstream).getByRole('button', { name: 'Show 100 more downstream tables' });
    expect(more.getAttribute('aria-controls')).toBeTruthy();
    more.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(names(downstream)).toHaveLength(SHOWN_PER_SIDE + MORE_PER_PRESS));
    expect(within(downstream).getByRole('status').textContent).toBe('Showing 110 of 1,200.');
    // The focus is on the first table added: reading on goes through the new ones.
    expect(document.activeElement?.textContent).toBe('big.down_0010');
    expect(document.getElementById(more.getAttribute('aria-controls')!)!.contains(document.activeElement)).toBe(true);
    await user.click(within(downstream).getByRole('button', { name: 'Show 100 more downstream tables' }));
    await waitFor(() => expect(names(downstream)).toHaveLength(210));
    expect(within(downstream).getByRole('status').textContent).toBe('Showing 210 of 1,200.');
    // The other side stays as it was.
    expect(names(upstream)).toHaveLength(SHOWN_PER_SIDE);

    // Back to the nearest 10: the focus goes to "Show more" (the button pressed is gone).
    await user.click(within(downstream).getByRole('button', { name: 'Show the nearest 10 only' }));
    await waitFor(() => expect(names(downstream)).toHaveLength(SHOWN_PER_SIDE));
    expect(within(downstream).queryByRole('button', { name: 'Show the nearest 10 only' })).toBeNull();
    expect(document.activeElement).toBe(within(downstream).getByRole('button', { name: 'Show 100 more downstream tables' }));
    expect(within(downstream).getByRole('status').textContent).toBe('Showing the nearest 10 of 1,200.');
  });

  it('names the last press for what it adds, and shows no "Show more" once all are there', async () => {
    serve([...numbered('far', 20, 2), ...numbered('up', 30, 1)], []);
    renderWithApp(<LineageSection tableKey={HUB} tableName="big.hub" />);
    const upstream = await screen.findByTestId('lineage-upstream');
    const user = userEvent.setup();
    await user.click(within(upstream).getByRole('button', { name: 'Show the last 40 upstream tables' }));
    await waitFor(() => expect(names(upstream)).toHaveLength(50));
    // Nearest first: the 30 direct ones, then the 20 two steps away, under their own heading.
    expect(names(upstream)[30]).toBe('big.far_0000');
    expect(within(upstream).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Direct upstream', '2 steps away upstream']);
    expect(document.activeElement?.textContent).toBe('big.up_0010');
    expect(within(upstream).queryByRole('button', { name: /more|last/ })).toBeNull();
    expect(within(upstream).getByRole('status').textContent).toBe('Showing all 50.');
  });

  it('filters a big side by name, counting the matches', async () => {
    serve([], numbered('down', 1200, 1));
    renderWithApp(<LineageSection tableKey={HUB} tableName="big.hub" />);
    const downstream = await screen.findByTestId('lineage-downstream');
    const user = userEvent.setup();
    await user.type(within(downstream).getByRole('searchbox', { name: 'Filter downstream tables' }), 'DOWN_011');
    await waitFor(() => expect(names(downstream)).toEqual(Array.from({ length: 10 }, (_, i) => `big.down_011${i}`)));
    expect(within(downstream).getByRole('status').textContent).toBe('Showing 10 of the 10 matching “DOWN_011” (of 1,200).');
    expect(within(downstream).queryByRole('button', { name: /more|last/ })).toBeNull();
    await user.clear(within(downstream).getByRole('searchbox'));
    await user.type(within(downstream).getByRole('searchbox'), 'down_01');
    await waitFor(() => expect(within(downstream).getByRole('status').textContent).toBe('Showing 10 of the 100 matching “down_01” (of 1,200).'));
    await user.click(within(downstream).getByRole('button', { name: 'Show the last 90 downstream tables' }));
    await waitFor(() => expect(names(downstream)).toHaveLength(100));
    await user.type(within(downstream).getByRole('searchbox'), 'x');
    await waitFor(() => expect(names(downstream)).toHaveLength(0));
    expect(within(downstream).getByRole('status').textContent).toBe('None of the 1,200 downstream tables has “down_01x” in its name.');
  });

  it('gives each side\'s link to the lineage page a name of its own', async () => {
    serve(numbered('up', 1200, 1), numbered('down', 45, 1));
    renderWithApp(<LineageSection tableKey={HUB} tableName="big.hub" />);
    await screen.findByTestId('lineage-upstream');
    const links = screen.getAllByRole('link', { name: /^Open the lineage page/ });
    expect(links.map((l) => l.textContent)).toEqual(['Open the lineage page for all 1,200 upstream tables', 'Open the lineage page for all 45 downstream tables']);
    for (const link of links) expect(link.getAttribute('href')).toBe('/lineage/table/gold/hive/big/hub');
  });

  it(`shows a side of up to ${SHOWN_PER_SIDE} tables whole, with no button, filter or count`, async () => {
    serve(numbered('up', SHOWN_PER_SIDE, 1), []);
    renderWithApp(<LineageSection tableKey={HUB} tableName="big.hub" />);
    const upstream = await screen.findByTestId('lineage-upstream');
    expect(names(upstream)).toHaveLength(SHOWN_PER_SIDE);
    expect(within(upstream).queryByRole('button')).toBeNull();
    expect(within(upstream).queryByRole('searchbox')).toBeNull();
    expect(within(upstream).queryByRole('status')).toBeNull();
    expect(within(upstream).queryByRole('link', { name: /Open the lineage page/ })).toBeNull();
    expect(screen.getByTestId('lineage-downstream').textContent).toContain('No table is built from big.hub.');
  });

  it('says which tables are not in the catalog, and marks a table on both sides as a cycle on both', async () => {
    const outside = { ...item('kafka_topic', 1), in_amundsen: false, link: 'https://kafka.example.org/topics/clicks' };
    serve([item('loop', 1), outside], [item('loop', 1), item('report', 1)]);
    renderWithApp(<LineageSection tableKey={HUB} tableName="big.hub" />);
    const upstream = await screen.findByTestId('lineage-upstream');
    const downstream = screen.getByTestId('lineage-downstream');
    expect(within(upstream).getByRole('link', { name: /kafka_topic/ }).textContent).toBe('big.kafka_topic (not in the catalog) (opens in a new tab)');
    expect(within(upstream).getByRole('link', { name: 'big.loop' }).closest('li')!.textContent).toContain('upstream and downstream (a cycle)');
    expect(within(downstream).getByRole('link', { name: 'big.loop' }).closest('li')!.textContent).toContain('upstream and downstream (a cycle)');
    expect(within(downstream).getByRole('link', { name: 'big.report' }).closest('li')!.textContent).not.toContain('cycle');
  });
});

describe('matchingItems', () => {

  it('keeps the items whose schema and name hold the text, in any case, in their order; an empty or blank filter keeps all', () => {
    const items = [...numbered('Orders', 2, 1), item('users', 1)];
    expect(matchingItems(items, ' big.ORDERS_0001 ').map((i) => i.name)).toEqual(['Orders_0001']);
    expect(matchingItems(items, 'rs').map((i) => i.name)).toEqual(['Orders_0000', 'Orders_0001', 'users']);
    expect(matchingItems(items, '   ')).toBe(items);
  });
});

describe('shownInWords', () => {
  it('says the shown, matching and total counts', () => {
    const tables = 'upstream tables';
    expect(shownInWords({ shown: 10, matching: 1200, total: 1200, filter: '', tables })).toBe('Showing the nearest 10 of 1,200.');
    expect(shownInWords({ shown: 1100, matching: 1200, total: 1200, filter: '', tables })).toBe('Showing 1,100 of 1,200.');
    expect(shownInWords({ shown: 1200, matching: 1200, total: 1200, filter: ' ', tables })).toBe('Showing all 1,200.');
    expect(shownInWords({ shown: 0, matching: 0, total: 12, filter: ' zz ', tables })).toBe('None of the 12 upstream tables has “zz” in its name.');
  });
});

describe('groupByLevel', () => {
  it('groups by level in level order, by schema and name within a level', () => {
    const levels = groupByLevel([...numbered('b', 2, 2), item('z', 1), item('a', 1), ...numbered('c', 1, 3)]);
    expect(levels.map(({ level, items }) => [level, items.map((i) => i.name)])).toEqual([
      [1, ['a', 'z']],
      [2, ['b_0000', 'b_0001']],
      [3, ['c_0000']],
    ]);
  });
});
