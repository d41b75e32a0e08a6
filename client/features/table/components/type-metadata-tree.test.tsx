// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TypeMetadata } from '../../../../contract/api-table';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { countNestedFields, describeNestedCount, TypeMetadataTree } from './type-metadata-tree';

afterEach(cleanup);

const node = (name: string, data_type: string, children: TypeMetadata[] = [], extra: Partial<TypeMetadata> = {}): TypeMetadata => ({
  kind: children.length ? 'struct' : 'scalar',
  name,
  key: `hive://gold.core/customers/address/type/${name}`,
  description: null,
  data_type,
  sort_order: 0,
  badges: [],
  children,
  ...extra,
});

const address = node('address', 'struct<street:string,geo:struct<lat:double,lon:double>>', [
  node('street', 'string', [], { sort_order: 0, description: 'Street and house number', badges: [{ badge_name: 'PII', category: 'column' }] }),
  node('geo', 'struct<lat:double,lon:double>', [node('lat', 'double', [], { sort_order: 0 }), node('lon', 'double', [], { sort_order: 1 })], { sort_order: 1 }),
]);

describe('TypeMetadataTree', () => {
  it('shows the first level with descriptions and badges, in sort order, deeper levels closed', () => {
    renderWithApp(<TypeMetadataTree root={address} columnName="address" />);
    const tree = screen.getByRole('list', { name: 'Nested fields of address' });
    const names = within(tree).getAllByTestId('type-node').map((li) => li.querySelector('.type-tree__name')?.textContent);
    expect(names).toEqual(['street', 'geo, 2 nested fields']);
    expect(screen.getByText('Street and house number')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Badges of street' })).getByText('PII')).toBeTruthy();
    expect(screen.getByRole('button', { name: /geo/ }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('lat')).toBeNull();
  });

  it('counts the fields of an array of structs as its own, its element wrapper (`_inner_`) no field', () => {
    const order = node('order', 'struct<items:array<struct<sku:string,qty:int>>>', [
      node('items', 'array<struct<sku:string,qty:int>>', [node('_inner_', 'struct<sku:string,qty:int>', [node('sku', 'string'), node('qty', 'int')])], { kind: 'array' }),
    ]);
    renderWithApp(<TypeMetadataTree root={order} columnName="order" />);
    expect(screen.getByRole('button', { name: /^items/ }).textContent).toBe('items, 2 nested fields');
  });

  // The table page's keyboard pass: "items, 2 nested fields" opened on one field, `_inner_`, with its own
  // Edit ("orders._inner_"), and its two fields one more press away.
  it('lists an array\'s fields in the place of its element wrapper (`_inner_`), unless the wrapper has a description', async () => {
    const user = userEvent.setup();
    const element = node('_inner_', 'struct<sku:string,qty:int>', [node('sku', 'string', [], { key: 'k/items/_inner_/sku' }), node('qty', 'int', [], { key: 'k/items/_inner_/qty', sort_order: 1 })], { key: 'k/items/_inner_' });
    const items = node('items', 'array<struct<sku:string,qty:int>>', [element], { kind: 'array', key: 'k/items' });
    renderWithApp(<TypeMetadataTree root={node('items', items.data_type, [element])} columnName="items" />);
    expect(within(screen.getByRole('list', { name: 'Nested fields of items' })).getAllByTestId('type-node').map((li) => li.querySelector('.type-tree__name')?.textContent)).toEqual(['sku', 'qty']);
    expect(screen.queryByText('_inner_')).toBeNull();
    cleanup();

    renderWithApp(<TypeMetadataTree root={node('order', 'struct<items:…>', [items])} columnName="order" />);
    await user.click(screen.getByRole('button', { name: /^items/ }));
    expect(within(screen.getByRole('list', { name: 'Fields of items' })).getAllByTestId('type-node').map((li) => li.querySelector('.type-tree__name')?.textContent)).toEqual(['sku', 'qty']);
    cleanup();

    const described = node('items', items.data_type, [{ ...element, description: 'One order line' }]);
    renderWithApp(<TypeMetadataTree root={described} columnName="items" />);
    expect(screen.getByText('One order line')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^_inner_/ })).toBeTruthy();
  });

  it('opens and closes a nested field with the keyboard', async () => {
    const user = userEvent.setup();
    renderWithApp(<TypeMetadataTree root={address} columnName="address" />);
    await user.tab();
    const geo = screen.getByRole('button', { name: /geo/ });
    expect(document.activeElement).toBe(geo);
    await user.keyboard('{Enter}');
    expect(geo.getAttribute('aria-expanded')).toBe('true');
    const fields = screen.getByRole('list', { name: 'Fields of geo' });
    expect(geo.getAttribute('aria-controls')).toBe(fields.id);
    expect(within(fields).getAllByTestId('type-node').map((li) => li.textContent)).toEqual(['latdoubleNo description', 'londoubleNo description']);
    await user.keyboard(' ');
    expect(geo.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('list', { name: 'Fields of geo' })).toBeNull();
  });

  it('says "No description" for a field without one (or with only spaces), as the columns do', () => {
    const root = node('r', 'struct<a:int,b:int>', [node('a', 'int', [], { description: '  ' }), node('b', 'int', [], { sort_order: 1, description: 'Bee' })]);
    renderWithApp(<TypeMetadataTree root={root} columnName="r" />);
    const [a, b] = screen.getAllByTestId('type-node');
    expect(within(a).getByText('No description').className).toContain('muted');
    expect(within(b).queryByText('No description')).toBeNull();
    expect(within(b).getByText('Bee')).toBeTruthy();
  });

  it('renders a field\'s description as Markdown, as a column\'s: bold, each line break, a heading as a bold line, HTML as text', async () => {
    const withMarkdown = node('address', 'struct<city:string>', [node('city', 'string', [], { description: '# City\n\nThe **billing** city\nof the address <img src=x onerror="window.__xss=1">' })]);
    renderWithApp(<TypeMetadataTree root={withMarkdown} columnName="address" />);
    const field = screen.getByTestId('type-node');
    await waitFor(() => expect(field.querySelector('.markdown--plain')).toBeNull());
    expect([...field.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(['City', 'billing']);
    expect(field.querySelector('br')).not.toBeNull();
    expect(field.querySelector('h1, h2, h3, h4, h5, h6, img')).toBeNull();
    expect(field.textContent).toContain('The billing cityof the address <img src=x onerror="window.__xss=1">');
  });

  it('shows nothing for a type without nested fields, and counts nested fields', () => {
    const { container } = renderWithApp(<TypeMetadataTree root={node('id', 'bigint')} columnName="id" />);
    expect(container.querySelector('.type-tree')).toBeNull();
    expect(countNestedFields(address)).toBe(4);
  });

  it('says how many nested fields there are in all and at the top', () => {
    expect(describeNestedCount(address)).toBe('4 nested fields (2 at the top)');
    expect(describeNestedCount(node('r', 'struct<a:int,b:int>', [node('a', 'int'), node('b', 'int')]))).toBe('2 nested fields');
    expect(describeNestedCount(node('r', 'struct<a:int>', [node('a', 'int')]))).toBe('1 nested field');
    // An array's element (`_inner_`) is no field of its own: its fields are the array's.
    expect(describeNestedCount(node('r', 'array<struct<a:int>>', [node('_inner_', 'struct<a:int>', [node('a', 'int')])]))).toBe('1 nested field');
    expect(describeNestedCount(node('r', 'array<array<struct<a:int,b:int>>>', [node('_inner_', 'array<struct<a:int,b:int>>', [node('_inner_', 'struct<a:int,b:int>', [node('a', 'int'), node('b', 'int')])])]))).toBe('2 nested fields');
  });
});
