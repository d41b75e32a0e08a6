// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Column } from '../../../../contract/api-table';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { ColumnsTable } from './columns-table';

afterEach(cleanup);

const column = (name: string, sort_order: number, description: string | null = null): Column => ({
  name,
  key: `hive://gold.sales/orders/${name}`,
  description,
  col_type: 'bigint',
  sort_order,
  stats: [],
  badges: [],
  type_metadata: null,
});
const columns = [column('order_id', 0, 'Unique id'), column('customer_id', 1, 'Customer who placed the order; joins core.customers'), column('ds', 2)];
const joinLinkFor = () => ({ to: '/table_detail/gold/hive/core/customers', direct: true });

describe('ColumnsTable', () => {
  it('numbers columns from 1 and links join hints where joinLinkFor says', () => {
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={columns} targetColumn={null} joinLinkFor={joinLinkFor} />);
    const rows = screen.getAllByTestId('column-row');
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual(['1', '2', '3']);
    const join = within(rows[1]!).getByRole('link', { name: 'core.customers' });
    expect(join.getAttribute('href')).toBe('/table_detail/gold/hive/core/customers');
    expect(rows[1]!.textContent).toContain('Customer who placed the order; joins core.customers');
    expect(screen.queryAllByTestId('column-details')).toHaveLength(0);
  });

  it('is a table named by the heading given', () => {
    renderWithApp(
      <section>
        <h2 id="columns-heading">Columns</h2>
        <ColumnsTable tableKey="hive://gold.sales/orders" columns={columns} targetColumn={null} joinLinkFor={joinLinkFor} labelledBy="columns-heading" />
      </section>,
    );
    expect(screen.getByRole('table', { name: 'Columns' })).toBeTruthy();
  });

  it('opens, marks and scrolls to the deep-linked column', async () => {
    const scrollIntoView = vi.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={columns} targetColumn="ds" joinLinkFor={joinLinkFor} />);
    const toggle = screen.getByRole('button', { name: 'ds' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: 'order_id' }).getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.dataset.testid).toBe('column-details');
    expect(toggle.closest('tr')?.className).toContain('columns-table__row--target');
    await vi.waitFor(() => expect(scrollIntoView).toHaveBeenCalledTimes(1));
    expect(scrollIntoView.mock.contexts[0]).toBe(toggle.closest('tr'));
    await vi.waitFor(() => expect(document.activeElement).toBe(toggle));
  });

  it('ignores a deep link to a column the table does not have, and toggles columns with a click', async () => {
    const user = userEvent.setup();
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={columns} targetColumn="nope" joinLinkFor={joinLinkFor} />);
    expect(screen.queryAllByTestId('column-details')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'order_id' }));
    expect(screen.getByTestId('column-details').textContent).toContain('No statistics or nested fields');
    await user.click(screen.getByRole('button', { name: 'order_id' }));
    expect(screen.queryAllByTestId('column-details')).toHaveLength(0);
  });

  it('heads a nested type with how many fields it has in all and at the top', async () => {
    const user = userEvent.setup();
    const leaf = (name: string, sort_order: number) => ({ kind: 'scalar', name, key: `k/${name}`, description: null, data_type: 'int', sort_order, badges: [], children: [] });
    const nested: Column = {
      ...column('address', 0),
      col_type: 'struct<street:string,geo:struct<lat:double,lon:double>,zip:string>',
      type_metadata: {
        kind: 'struct', name: 'address', key: 'k', description: null, data_type: 'struct<…>', sort_order: 0, badges: [],
        children: [leaf('street', 0), { ...leaf('geo', 1), kind: 'struct', children: [leaf('lat', 0), leaf('lon', 1)] }, leaf('zip', 2)],
      },
    };
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={[nested]} targetColumn={null} joinLinkFor={joinLinkFor} />);
    await user.click(screen.getByRole('button', { name: 'address' }));
    const details = screen.getByTestId('column-details');
    expect(details.querySelector('.column-details__heading')?.textContent).toBe('5 nested fields (3 at the top)');
    expect(within(details).getAllByTestId('type-node')).toHaveLength(3);
  });

  // Finding 5 of the curate pass: a 250-character word in a description widened the table to ~2,300 px
  // and pushed every Edit button out of view. The table's layout is fixed (table.css) and takes its
  // column widths from this colgroup, so no cell's text can widen it; the e2e journey measures it.
  it('declares its column widths up front, the description column taking what the others leave', () => {
    const long = 'x'.repeat(250);
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={[column('order_id', 0, long)]} targetColumn={null} joinLinkFor={joinLinkFor} />);
    const table = screen.getByRole('table');
    const cols = [...table.querySelectorAll('colgroup > col')];
    expect(cols.map((col) => col.className)).toEqual(['columns-table__col--number', 'columns-table__col--name', 'columns-table__col--type', '']);
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['#', 'Column', 'Type', 'Description']);
    expect(screen.getByRole('cell', { name: long }).className).toBe('columns-table__description');
  });
});
