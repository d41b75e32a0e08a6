// @vitest-environment jsdom
// The table page's Lineage section: a side with many tables shows the nearest ones and the rest behind "Show all".
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LineageItem, LineageResponse } from '../../../../contract/api-table';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { firstOfLevels, groupByLevel, LineageSection, SHOWN_PER_SIDE } from './lineage-lists';

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
  it(`shows the nearest ${SHOWN_PER_SIDE} tables of a big side, the rest behind "Show all", which keeps the focus and opens and closes the list`, async () => {
    // 30 direct upstream tables and 20 two steps away; 1,200 downstream.
    serve([...numbered('far', 20, 2), ...numbered('up', 30, 1)], numbered('down', 1200, 1));
    renderWithApp(<LineageSection tableKey={HUB} tableName="big.hub" />);
    const upstream = await screen.findByTestId('lineage-upstream');
    expect(names(upstream)).toEqual(numbered('up', SHOWN_PER_SIDE, 1).map((i) => `big.${i.name}`));
    expect(within(upstream).getByRole('heading', { level: 3 }).textContent).toBe('Upstream 50');
    expect(within(upstream).getByTestId('lineage-upstream-shown').textContent).toBe('The nearest 10 of 50.');
    expect(within(upstream).getByRole('link', { name: 'Open the lineage page' }).getAttribute('href')).toBe('/lineage/table/gold/hive/big/hub');
    const downstream = screen.getByTestId('lineage-downstream');
    expect(names(downstream)).toHaveLength(SHOWN_PER_SIDE);
    expect(within(downstream).getByRole('heading', { level: 3 }).textContent).toBe('Downstream 1,200');

    expect(within(downstream).getByRole('button', { name: 'Show all 1,200 downstream tables' })).toBeTruthy();

    const user = userEvent.setup();
    const more = within(upstream).getByRole('button', { name: 'Show all 50 upstream tables' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    more.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(names(upstream)).toHaveLength(50));
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(more.getAttribute('aria-controls')!)!.contains(within(upstream).getAllByTestId('lineage-item')[49]!)).toBe(true);
    expect(more.textContent).toBe('Show the nearest 10 only');
    expect(document.activeElement).toBe(more);
    expect(within(upstream).queryByTestId('lineage-upstream-shown')).toBeNull();
    // The other side stays as it was.
    expect(names(downstream)).toHaveLength(SHOWN_PER_SIDE);
    await user.keyboard(' ');
    await waitFor(() => expect(names(upstream)).toHaveLength(SHOWN_PER_SIDE));
    expect(document.activeElement).toBe(more);
    expect(more.getAttribute('aria-expanded')).toBe('false');
  });

  it(`shows a side of up to ${SHOWN_PER_SIDE} tables whole, with no button`, async () => {
    serve(numbered('up', SHOWN_PER_SIDE, 1), []);
    renderWithApp(<LineageSection tableKey={HUB} tableName="big.hub" />);
    const upstream = await screen.findByTestId('lineage-upstream');
    expect(names(upstream)).toHaveLength(SHOWN_PER_SIDE);
    expect(within(upstream).queryByRole('button')).toBeNull();
    expect(within(upstream).queryByRole('link', { name: 'Open the lineage page' })).toBeNull();
    expect(screen.getByTestId('lineage-downstream').textContent).toContain('No table is built from big.hub.');
  });
});

describe('firstOfLevels', () => {
  it('keeps the first items in level order, cutting the last level kept short', () => {
    const levels = groupByLevel([...numbered('b', 7, 2), ...numbered('a', 3, 1), ...numbered('c', 4, 3)]);
    expect(firstOfLevels(levels, 5).map(({ level, items }) => [level, items.map((i) => i.name)])).toEqual([
      [1, ['a_0000', 'a_0001', 'a_0002']],
      [2, ['b_0000', 'b_0001']],
    ]);
    expect(firstOfLevels(levels, 100).flatMap((l) => l.items)).toHaveLength(14);
    expect(firstOfLevels(levels, 3).map((l) => l.level)).toEqual([1]);
  });
});
