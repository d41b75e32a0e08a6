// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Column, TypeMetadata } from '../../../../contract/api-table';
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

  it('shows a column\'s type on one line with the whole type in its title and in its details', async () => {
    const user = userEvent.setup();
    const type = `struct<${Array.from({ length: 22 }, (_, i) => `field_${i}:string`).join(',')}>`;
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={[{ ...column('payload', 0), col_type: type }]} targetColumn={null} joinLinkFor={joinLinkFor} />);
    const code = screen.getByRole('row', { name: /payload/ }).querySelector('.columns-table__type code')!;
    expect(code.getAttribute('title')).toBe(type);
    expect(code.querySelector('wbr')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'payload' }));
    expect(screen.getByTestId('column-type').textContent).toBe(`Type ${type}`);
  });
});

/** A wide table: `count` columns, every seventh with a type of its own, every fifth with a description. */
const wide = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    ...column(`col_${String(i + 1).padStart(3, '0')}`, i, i % 5 === 0 ? `Measured in Euro (${i + 1})` : null),
    col_type: i % 7 === 0 ? 'decimal(38,10)' : 'bigint',
  }));
const shownNames = () => screen.queryAllByTestId('column-toggle').map((button) => button.textContent);

describe('ColumnsTable of a wide table', () => {
  // Finding 1 of the table pass: 245 columns drawn whole (21,700 px) with no way to filter them and 525 Tabs past them.
  it('filters the columns by name, type or description in any case, with a polite count and an empty state', async () => {
    const user = userEvent.setup();
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={wide(24)} targetColumn={null} joinLinkFor={joinLinkFor} />);
    const count = screen.getByTestId('columns-shown');
    expect(count.getAttribute('role')).toBe('status');
    expect(count.textContent).toBe('Showing all 24 columns.');
    const filter = screen.getByRole('searchbox', { name: 'Filter columns by name, type or description' });

    await user.type(filter, 'COL_01');
    expect(shownNames()).toEqual(['col_010', 'col_011', 'col_012', 'col_013', 'col_014', 'col_015', 'col_016', 'col_017', 'col_018', 'col_019']);
    expect(count.textContent).toBe('10 of 24 columns match “COL_01”.');
    // Each column keeps its number in the table.
    expect(screen.getAllByTestId('column-row')[0]!.querySelector('td')?.textContent).toBe('10');

    await user.clear(filter);
    await user.type(filter, 'Decimal');
    expect(shownNames()).toEqual(['col_001', 'col_008', 'col_015', 'col_022']);
    await user.clear(filter);
    await user.type(filter, 'euro (21)');
    expect(shownNames()).toEqual(['col_021']);
    expect(count.textContent).toBe('1 of 24 columns matches “euro (21)”.');

    await user.clear(filter);
    await user.type(filter, 'nothing like it');
    expect(screen.queryByRole('table')).toBeNull();
    expect(count.textContent).toBe('None of the 24 columns has “nothing like it” in its name, type or description.');
  });

  it('has no filter for a table of ten columns or fewer', () => {
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={wide(10)} targetColumn={null} joinLinkFor={joinLinkFor} />);
    expect(screen.queryByRole('searchbox')).toBeNull();
    expect(screen.queryByTestId('columns-skip')).toBeNull();
    expect(shownNames()).toHaveLength(10);
  });

  it('shows the first 50 of a very wide table, then all of them, the focus on the first added', async () => {
    const user = userEvent.setup();
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={wide(60)} targetColumn={null} joinLinkFor={joinLinkFor} />);
    expect(shownNames()).toHaveLength(50);
    expect(screen.getByTestId('columns-shown').textContent).toBe('Showing the first 50 of 60 columns.');
    // A filter looks at every column, not the first 50.
    await user.type(screen.getByRole('searchbox'), 'col_05');
    expect(shownNames()).toEqual(['col_050', 'col_051', 'col_052', 'col_053', 'col_054', 'col_055', 'col_056', 'col_057', 'col_058', 'col_059']);
    await user.clear(screen.getByRole('searchbox'));
    await user.click(screen.getByRole('button', { name: 'Show all 60 columns' }));
    expect(shownNames()).toHaveLength(60);
    expect(screen.getByTestId('columns-shown').textContent).toBe('Showing all 60 columns.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'col_051' }));
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('shows a deep-linked column beyond the first 50, and clears a filter when a new deep link comes', async () => {
    const user = userEvent.setup();
    Element.prototype.scrollIntoView = vi.fn();
    const columns = wide(60);
    function LinkedTo() {
      const [target, setTarget] = useState('col_058');
      return (
        <>
          <button type="button" onClick={() => setTarget('col_052')}>Follow a link to col_052</button>
          <ColumnsTable tableKey="hive://gold.sales/orders" columns={columns} targetColumn={target} joinLinkFor={joinLinkFor} />
        </>
      );
    }
    renderWithApp(<LinkedTo />);
    expect(shownNames()).toHaveLength(51);
    expect(shownNames().at(-1)).toBe('col_058');
    expect(screen.getByRole('button', { name: 'col_058' }).getAttribute('aria-expanded')).toBe('true');
    // The link's column takes the focus once the page has settled: type only after that.
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'col_058' })));
    await user.type(screen.getByRole('searchbox'), 'col_01');
    expect(shownNames()).not.toContain('col_052');
    await user.click(screen.getByRole('button', { name: 'Follow a link to col_052' }));
    await vi.waitFor(() => expect(shownNames()).toContain('col_052'));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
  });

  // Decision 100: "Show all" could not be undone, short of reloading the page.
  it('shows the first 50 again with the same button, the focus kept on it, and keeps the choice while filtering', async () => {
    const user = userEvent.setup();
    const scrollIntoView = vi.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={wide(60)} targetColumn={null} joinLinkFor={joinLinkFor} />);
    const button = screen.getByRole('button', { name: 'Show all 60 columns' });
    await user.click(button);
    expect(shownNames()).toHaveLength(60);

    // The choice stays while a filter is typed and cleared.
    await user.type(screen.getByRole('searchbox'), 'col_00');
    expect(screen.queryByTestId('columns-show-all')).toBeNull();
    await user.clear(screen.getByRole('searchbox'));
    expect(shownNames()).toHaveLength(60);
    expect(screen.getByTestId('columns-shown').textContent).toBe('Showing all 60 columns.');

    const fewer = screen.getByRole('button', { name: 'Show the first 50 columns only' });
    expect(fewer.getAttribute('aria-controls')).toBe(screen.getByRole('table').id);
    fewer.focus();
    await user.keyboard('{Enter}');
    expect(shownNames()).toHaveLength(50);
    expect(screen.getByTestId('columns-shown').textContent).toBe('Showing the first 50 of 60 columns.');
    // The same button, now offering all again, keeps the focus (not lost to <body>) and is brought into view.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show all 60 columns' }));
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(document.activeElement);
    await user.keyboard('{Enter}');
    expect(shownNames()).toHaveLength(60);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'col_051' }));
  });

  it('skips past the columns with one button, for the keyboard', async () => {
    const user = userEvent.setup();
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={wide(24)} targetColumn={null} joinLinkFor={joinLinkFor} />);
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Skip past the columns');
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByTestId('columns-end'));
  });
});

describe('ColumnsTable filtering nested fields', () => {
  const node = (name: string, sort_order: number, children: TypeMetadata[] = [], description: string | null = null): TypeMetadata => ({
    kind: children.length ? 'struct' : 'scalar', name, key: `k/${name}/${sort_order}`, description, data_type: children.length ? 'struct<…>' : 'string', sort_order, badges: [], children,
  });
  const address: Column = {
    ...column('address', 0),
    col_type: 'struct<street:string,geo:struct<town:string>,zip:string>',
    type_metadata: node('address', 0, [node('street', 0), node('geo', 1, [node('town', 0, [], 'The city, as the post writes it')]), node('zip', 1)]),
  };
  const orders: Column = {
    ...column('orders', 1),
    col_type: 'array<struct<sku:string,ship_city:string>>',
    type_metadata: node('orders', 1, [node('_inner_', 0, [node('sku', 0), node('ship_city', 1)])]),
  };
  const columns = [address, orders, ...wide(12).slice(2)];

  // Decision 100: typing "city" showed the column whose type spells the word, but not which field of it.
  it('lists the nested fields that match under their column, by their path, each a link that opens it, and counts them', async () => {
    const user = userEvent.setup();
    renderWithApp(<ColumnsTable tableKey="hive://gold.sales/orders" columns={columns} targetColumn={null} joinLinkFor={joinLinkFor} />);
    // Its label says it looks there too.
    expect(screen.getByRole('searchbox', { name: 'Filter columns by name, type, description or nested field' })).toBeTruthy();
    await user.type(screen.getByRole('searchbox'), 'CITY');
    expect(shownNames()).toEqual(['address', 'orders']);
    expect(screen.getByTestId('columns-shown').textContent).toBe('2 of 12 columns match “CITY”, with 2 matching nested fields.');
    const byAddress = screen.getByRole('list', { name: 'Nested fields of address that match' });
    // Found by its description; its parent path shown before it.
    const town = within(byAddress).getByRole('link', { name: 'address.geo.town' });
    expect(town.getAttribute('href')).toBe('/table_detail/gold/hive/sales/orders?column=address&field=geo.town');
    // An array's element is no field of its own.
    const ship = within(screen.getByRole('list', { name: 'Nested fields of orders that match' })).getByRole('link', { name: 'orders.ship_city' });
    expect(ship.getAttribute('href')).toBe('/table_detail/gold/hive/sales/orders?column=orders&field=ship_city');

    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'sku');
    expect(screen.getByTestId('columns-shown').textContent).toBe('1 of 12 columns matches “sku”, with 1 matching nested field.');
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'nowhere');
    expect(screen.getByTestId('columns-shown').textContent).toBe('None of the 12 columns has “nowhere” in its name, type, description or nested fields.');
    await user.clear(screen.getByRole('searchbox'));
    expect(screen.queryAllByTestId('column-matching-fields')).toHaveLength(0);
  });

  it('keeps the filter when a link opens a field of a column it shows', async () => {
    const user = userEvent.setup();
    Element.prototype.scrollIntoView = vi.fn();
    function LinkedTo() {
      const [target, setTarget] = useState<string | null>(null);
      return (
        <>
          <button type="button" onClick={() => setTarget('address')}>Follow the link to address.geo.town</button>
          <ColumnsTable tableKey="hive://gold.sales/orders" columns={columns} targetColumn={target} targetFieldChain={target ? [address.type_metadata!.children[1]!, address.type_metadata!.children[1]!.children[0]!] : null} joinLinkFor={joinLinkFor} />
        </>
      );
    }
    renderWithApp(<LinkedTo />);
    await user.type(screen.getByRole('searchbox'), 'town');
    await user.click(screen.getByRole('button', { name: 'Follow the link to address.geo.town' }));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'address' }).getAttribute('aria-expanded')).toBe('true'));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('town');
    expect(shownNames()).toEqual(['address']);
  });
});
