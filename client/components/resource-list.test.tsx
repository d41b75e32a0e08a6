// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../contract/api-dashboard';
import type { TableSummary } from '../../contract/api-table';
import { ResourceItemActions, ResourceList } from './resource-list';
import { renderWithApp } from './testing/render-with-app';

afterEach(cleanup);

const MARKDOWN = '# Orders\n\nEvery **paid** order, see [the wiki](https://wiki.example.org/orders).\n\n| a | b |\n|---|---|';
const table = (name: string, description: string | null): TableSummary => ({ type: 'table', key: `hive://gold.sales/${name}`, database: 'hive', cluster: 'gold', schema: 'sales', name, description, schema_description: null });
const dashboard: DashboardSummary = {
  type: 'dashboard', key: 'mode_dashboard://prod.sales/weekly', uri: 'mode_dashboard:///prod/sales/weekly', cluster: 'prod', group_name: 'sales', group_url: null, product: 'mode',
  name: 'Weekly', url: null, description: '## Weekly _revenue_', last_successful_run_timestamp: null, chart_names: [],
};

describe('ResourceList', () => {
  // Finding 7 of the curate pass: the home page's lists showed "# Heading Some **bold** … | a | b |".
  it('shows the start of a Markdown description as plain text, a link by its text', async () => {
    renderWithApp(<ResourceList items={[table('orders', MARKDOWN), dashboard]} label="Popular" />);
    const [orders, weekly] = within(screen.getByRole('list', { name: 'Popular' })).getAllByRole('listitem');
    expect((await within(orders!).findByText(/^Orders Every/)).textContent).toBe('Orders Every paid order, see the wiki. a · b');
    expect((await within(weekly!).findByText(/revenue/)).textContent).toBe('Weekly revenue');
    expect(screen.getByRole('list', { name: 'Popular' }).textContent).not.toMatch(/[#*|]|https:/);
  });

  // The fidelity pass: search rows said "No description", lists said nothing.
  it('says "No description" (muted) for no description, or one with no text, as search results do', async () => {
    renderWithApp(<ResourceList items={[table('orders', MARKDOWN), table('empty', null), table('rule', '---')]} label="Popular" />);
    await screen.findByText(/^Orders Every/);
    const lines = [...document.querySelectorAll('.resource-list__description')];
    expect(lines.map((line) => line.textContent)).toEqual(['Orders Every paid order, see the wiki. a · b', 'No description', 'No description']);
    expect(lines.map((line) => line.classList.contains('resource-list__description--none'))).toEqual([false, true, true]);
  });

  it('names a table schema.table and says where it lives, as search results do', () => {
    renderWithApp(<ResourceList items={[table('orders', null)]} label="Popular" />);
    expect(screen.getByRole('link', { name: 'sales.orders' })).toBeTruthy();
    expect(document.querySelector('.resource-list__meta')?.textContent).toBe('Table in Hive · gold');
  });

  // Finding 3 of the bookmark-lists pass: "content.snap_returning_search_queries_by_r / egion" at 1280 and 800.
  it('lets a name wrap only after _ . or /, never inside a word', () => {
    renderWithApp(<ResourceList items={[table('snap_returning_search_queries_by_region', null), { ...dashboard, name: 'Weekly revenue/region' }]} label="Popular" />);
    const [orders, weekly] = within(screen.getByRole('list', { name: 'Popular' })).getAllByRole('link');
    expect(orders!.innerHTML).toBe('sales.<wbr>snap_<wbr>returning_<wbr>search_<wbr>queries_<wbr>by_<wbr>region');
    expect(orders!.textContent).toBe('sales.snap_returning_search_queries_by_region');
    expect(weekly!.innerHTML).toBe('Weekly revenue/<wbr>region');
  });

  it('adds what the page gives each item beside its link, never inside it, named for the item', () => {
    const action = (item: { key: string }, name: string) => <button type="button" aria-label={`Bookmark ${name}`} data-key={item.key} />;
    renderWithApp(<ResourceList items={[table('orders', null), dashboard]} label="Popular" itemAction={action} />);
    const [orders, weekly] = within(screen.getByRole('list', { name: 'Popular' })).getAllByRole('listitem');
    const star = within(orders!).getByRole('button', { name: 'Bookmark sales.orders' });
    expect(star.closest('a')).toBeNull();
    expect(star.getAttribute('data-key')).toBe('hive://gold.sales/orders');
    expect(within(weekly!).getByRole('button', { name: 'Bookmark Weekly' })).toBeTruthy();
  });

  it('takes the action from the page around it, unless the list has its own; none by default', () => {
    const action = (_item: unknown, name: string) => <button type="button">Star {name}</button>;
    renderWithApp(
      <ResourceItemActions value={action}>
        <ResourceList items={[table('orders', null)]} label="From the page" />
        <ResourceList items={[table('payments', null)]} label="Its own" itemAction={(_item, name) => <button type="button">Own {name}</button>} />
      </ResourceItemActions>,
    );
    expect(within(screen.getByRole('list', { name: 'From the page' })).getByRole('button', { name: 'Star sales.orders' })).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Its own' })).getByRole('button').textContent).toBe('Own sales.payments');
    cleanup();
    renderWithApp(<ResourceList items={[table('orders', null)]} label="Plain" />);
    expect(within(screen.getByRole('list', { name: 'Plain' })).queryByRole('button')).toBeNull();
  });

  // Decision 040: a bookmark removed from a list stays in its place until the list is next loaded.
  it('shows a removed item muted, saying "Removed" before where it lives, its link and action kept', () => {
    const action = (_item: unknown, name: string) => <button type="button">Star {name}</button>;
    renderWithApp(<ResourceList items={[table('orders', 'Paid orders'), dashboard]} label="Bookmarks" itemAction={action} isRemoved={(item) => item.type === 'table'} />);
    const [orders, weekly] = within(screen.getByRole('list', { name: 'Bookmarks' })).getAllByRole('listitem');
    expect(orders!.classList.contains('resource-list__item--removed')).toBe(true);
    expect(orders!.querySelector('.resource-list__meta')!.textContent).toBe('Removed · Table in Hive · gold');
    expect(within(orders!).getByRole('link', { name: 'sales.orders' })).toBeTruthy();
    expect(within(orders!).getByRole('button', { name: 'Star sales.orders' })).toBeTruthy();
    expect(weekly!.classList.contains('resource-list__item--removed')).toBe(false);
    expect(within(weekly!).queryByText('Removed')).toBeNull();
  });
});
