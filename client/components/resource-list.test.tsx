// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../contract/api-dashboard';
import type { TableSummary } from '../../contract/api-table';
import { ResourceList } from './resource-list';
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

  it('shows no description line for no description, or one with no text', async () => {
    renderWithApp(<ResourceList items={[table('orders', MARKDOWN), table('empty', null), table('rule', '---')]} label="Popular" />);
    await screen.findByText(/^Orders Every/);
    expect(document.querySelectorAll('.resource-list__description')).toHaveLength(1);
  });
});
