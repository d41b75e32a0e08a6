// @vitest-environment jsdom
// The table page shows imported text as it is stored: a view's SQL as code (every line, `'__init__'`
// not made bold), the foreign keys with their lines, Markdown sources as Markdown; and long
// descriptions (the table's, a column's, a nested field's, a source's) clamped with "Show more".
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelTextHeights } from '../../../components/testing/text-heights';
import { editableTable, renderEditing, stubBff } from '../testing/edit-fixtures';
import { TablePage } from './table-page';

modelTextHeights();
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const coordinates = { database: 'hive', cluster: 'gold', schema: 'sales', name: 'orders' };
const VIEW_SQL = [
  ' SELECT o.id,',
  '    o.amount,',
  "    '__init__'::text AS phase",
  '   FROM (sales.orders o',
  '     JOIN sales.customers c ON ((c.id = o.customer_id)))',
  "  WHERE (o.status = 'paid'::text);",
].join('\n');
const FOREIGN_KEYS = 'customer_id → sales.customers (id)\nwarehouse_id → sales.warehouses (id)';
const LONG = 'A very long imported description. '.repeat(1_650); // 56,100 characters

async function openPage(fields: Parameters<typeof editableTable>[0]) {
  stubBff({ table: editableTable(fields) });
  renderEditing(<TablePage coordinates={coordinates} targetColumn={null} />);
  await screen.findByRole('heading', { level: 1 });
}

const sourceSection = (name: string) => screen.getByRole('region', { name });

describe('text from other sources', () => {
  it('shows a view definition exactly as stored, as code, and copies that text; foreign keys keep their lines; Markdown sources stay Markdown', async () => {
    const user = userEvent.setup();
    await openPage({
      programmatic_descriptions: [
        { source: 'view definition', text: VIEW_SQL },
        { source: 'foreign keys', text: FOREIGN_KEYS },
        { source: 'quality_service', text: '**Checked** daily' },
      ],
    });
    const view = sourceSection('view definition');
    const code = view.querySelector('pre > code');
    expect(code?.textContent).toBe(VIEW_SQL);
    expect(view.querySelector('strong')).toBeNull();

    const keys = sourceSection('foreign keys');
    expect(keys.querySelector('.programmatic__plain')?.textContent).toBe(FOREIGN_KEYS);
    expect(keys.querySelector('pre')).toBeNull();

    const quality = sourceSection('quality service');
    await waitFor(() => expect(quality.querySelector('strong')?.textContent).toBe('Checked'));
    expect(quality.textContent).toContain('Checked daily');

    await user.click(within(view).getByRole('button', { name: 'Copy the view definition' }));
    expect(await navigator.clipboard.readText()).toBe(VIEW_SQL);
    expect(await screen.findByText('The text of the view definition is on your clipboard.')).toBeTruthy();
  });

  it('clamps a long view definition, keeping its Copy button in sight', async () => {
    await openPage({ programmatic_descriptions: [{ source: 'view definition', text: `SELECT ${'x, '.repeat(20_000)}1;` }] });
    const view = sourceSection('view definition');
    expect(within(view).getByRole('button', { name: 'Show more of the view definition' }).getAttribute('aria-expanded')).toBe('false');
    expect(within(view).getByRole('button', { name: 'Copy the view definition' }).closest('[data-testid="clamped-text"]')).toBeNull();
  });
});

describe('long descriptions on the table page', () => {
  it("clamps the table's, a column's and a nested field's long description, each with its own Show more, and leaves short ones whole", async () => {
    const user = userEvent.setup();
    const table = editableTable();
    await openPage({
      description: LONG,
      columns: [
        { ...table.columns[0]!, description: LONG },
        {
          ...table.columns[1]!,
          type_metadata: { ...table.columns[1]!.type_metadata!, children: [{ ...table.columns[1]!.type_metadata!.children[0]!, description: LONG }] },
        },
      ],
    });
    const tableMore = screen.getByRole('button', { name: 'Show more of the description of sales.orders' });
    const columnMore = screen.getByRole('button', { name: 'Show more of the description of order_id' });
    expect(tableMore.getAttribute('aria-expanded')).toBe('false');
    expect(columnMore.getAttribute('aria-expanded')).toBe('false');
    await user.click(columnMore);
    expect(columnMore.getAttribute('aria-expanded')).toBe('true');
    expect(tableMore.getAttribute('aria-expanded')).toBe('false');

    // The nested field's, once its column's details are open.
    await user.click(screen.getByRole('button', { name: 'address' }));
    expect(await screen.findByRole('button', { name: 'Show more of the description of address.city' })).toBeTruthy();
    // Only these three: nothing else on the page was long.
    expect(screen.getAllByRole('button', { name: /^Show (more|less) of/ })).toHaveLength(3);
  });
});
