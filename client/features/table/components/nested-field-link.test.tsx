// @vitest-environment jsdom
// A deep link to a nested field (`?column=&field=`, decision 067) opens its column and the fields above
// it and marks it; a column whose own name holds a dot is the column opened, not the part before its dot.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Column, TypeMetadata } from '../../../../contract/api-table';
import { editableTable, renderEditing, stubBff } from '../testing/edit-fixtures';
import { TablePage } from './table-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const KEY = 'hive://gold.sales/orders';
const coordinates = { database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders' };

function node(key: string, name: string, children: TypeMetadata[] = [], sort_order = 0): TypeMetadata {
  return { kind: children.length ? 'struct' : 'scalar', name, key, description: null, data_type: children.length ? 'struct<…>' : 'string', sort_order, badges: [], children };
}
/** A column with a struct type: each field a name, or [name, fields] for a struct below. */
function structColumn(name: string, sort_order: number, fields: (string | [string, string[]])[]): Column {
  const top = `${KEY}/${name}/type/${name}`;
  const children = fields.map((f, i) =>
    typeof f === 'string' ? node(`${top}/${f}`, f, [], i) : node(`${top}/${f[0]}`, f[0], f[1].map((g, j) => node(`${top}/${f[0]}/${g}`, g, [], j)), i),
  );
  return { name, key: `${KEY}/${name}`, description: null, col_type: 'struct<…>', sort_order, stats: [], badges: [], type_metadata: node(top, name, children) };
}

// The column "geo" has a field "home" with a field "city"; the column "geo.home" has its own "city".
const columns = [
  structColumn('geo', 0, [['home', ['city', 'zip']], 'country']),
  structColumn('geo.home', 1, ['city', 'street']),
];

async function openPage(targetColumn: string | null, targetField: string | null) {
  Element.prototype.scrollIntoView = vi.fn();
  stubBff({ table: editableTable({ columns }) });
  renderEditing(<TablePage coordinates={coordinates} targetColumn={targetColumn} targetField={targetField} />);
  await screen.findByRole('heading', { level: 1 });
}

const linkedField = () => document.querySelector<HTMLElement>('[aria-current="location"]');
const openColumns = () => screen.getAllByTestId('column-toggle').filter((b) => b.getAttribute('aria-expanded') === 'true').map((b) => b.textContent);

describe('a deep link to a nested field', () => {
  it('opens the column the link names, even when its name holds a dot, and marks the field', async () => {
    await openPage('geo.home', 'city');
    expect(openColumns()).toEqual(['geo.home']);
    const field = linkedField()!;
    expect(field.querySelector('.type-tree__name')?.textContent).toBe('city');
    expect(within(screen.getByRole('list', { name: 'Nested fields of geo.home' })).getAllByTestId('type-node')).toContain(field);
    expect(field.className).toContain('type-tree__node--linked');
    expect(screen.queryByTestId('missing-column')).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(field.querySelector('.type-tree__line')));
  });

  it('opens the fields above a deeper one', async () => {
    await openPage('geo', 'home.city');
    expect(openColumns()).toEqual(['geo']);
    expect(screen.getByRole('button', { name: /^home/ }).getAttribute('aria-expanded')).toBe('true');
    const field = linkedField()!;
    expect(within(screen.getByRole('list', { name: 'Fields of home' })).getAllByTestId('type-node')).toContain(field);
  });

  it('opens the field an old link names by its whole path in `column`, when no column has that name', async () => {
    await openPage('geo.home.street', null);
    expect(openColumns()).toEqual(['geo.home']);
    expect(linkedField()?.querySelector('.type-tree__name')?.textContent).toBe('street');
    cleanup();
    await openPage('geo.home.zip', null);
    expect(openColumns()).toEqual(['geo']);
    expect(linkedField()?.querySelector('.type-tree__name')?.textContent).toBe('zip');
  });

  it('says the column has no such field, and still opens the column', async () => {
    await openPage('geo.home', 'zip');
    expect(openColumns()).toEqual(['geo.home']);
    expect(linkedField()).toBeNull();
    expect(screen.getByTestId('missing-column').textContent).toContain('The column “geo.home” has no nested field “zip”.');
  });
});
