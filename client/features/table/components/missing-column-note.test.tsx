// @vitest-environment jsdom
// A deep link to a column (`?column=`) the table does not have gets a note on the table page.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editableTable, renderEditing, stubBff } from '../testing/edit-fixtures';
import { TablePage } from './table-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const coordinates = { database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders' };

async function openPage(targetColumn: string | null) {
  const table = editableTable();
  stubBff({ table });
  renderEditing(<TablePage coordinates={coordinates} targetColumn={targetColumn} />);
  await screen.findByRole('heading', { level: 1 });
  return table;
}

describe('a deep link to a column', () => {
  it('says the table has no such column when it names one the table does not have', async () => {
    await openPage('nope');
    expect(screen.getByTestId('missing-column').textContent).toContain('This table has no column “nope”.');
  });

  it('says nothing more for a column the table has, or for no column', async () => {
    const table = await openPage(null);
    expect(screen.queryByTestId('missing-column')).toBeNull();
    cleanup();
    await openPage(table.columns[0]!.name);
    expect(screen.queryByTestId('missing-column')).toBeNull();
  });
});
