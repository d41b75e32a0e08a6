// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TableSummary } from '../../../../contract/api-table';
import { renderWithApp, testConfig } from '../../../components/testing/render-with-app';
import { PagedResourceList } from './paged-resource-list';
import { emptyListText } from './profile-lists';

afterEach(cleanup);

const tables: TableSummary[] = Array.from({ length: 23 }, (_, i) => ({
  type: 'table',
  key: `hive://gold.core/table_${i + 1}`,
  database: 'hive',
  cluster: 'gold',
  schema: 'core',
  name: `table_${i + 1}`,
  description: null,
  schema_description: null,
}));

const shownNames = () => within(screen.getByRole('list', { name: /^Owned tables/ })).getAllByRole('link').map((a) => a.textContent);

describe('PagedResourceList', () => {
  it('pages through a list with the configured page size', async () => {
    const user = userEvent.setup();
    renderWithApp(<PagedResourceList items={tables} label="Owned tables" empty="none" />, { config: testConfig({ searchPagination: { resultsPerPage: 10 } }) });

    expect(shownNames()).toEqual(Array.from({ length: 10 }, (_, i) => `core.table_${i + 1}`));
    const pages = screen.getByRole('navigation', { name: 'Pages of owned tables' });
    expect(pages.textContent).toContain('1–10 of 23');
    expect(within(pages).getByRole('button', { name: 'Previous page' }).hasAttribute('disabled')).toBe(true);

    await user.click(within(pages).getByRole('button', { name: 'Next page' }));
    expect(shownNames()[0]).toBe('core.table_11');
    expect(pages.textContent).toContain('11–20 of 23');

    await user.click(within(pages).getByRole('button', { name: 'Next page' }));
    expect(shownNames()).toEqual(['core.table_21', 'core.table_22', 'core.table_23']);
    expect(within(pages).getByRole('button', { name: 'Next page' }).hasAttribute('disabled')).toBe(true);

    await user.click(within(pages).getByRole('button', { name: 'Previous page' }));
    expect(shownNames()[0]).toBe('core.table_11');
  });

  it('follows the page size of the UI config, and has no pager when one page holds everything', () => {
    renderWithApp(<PagedResourceList items={tables.slice(0, 5)} label="Owned tables" empty="none" />, { config: testConfig({ searchPagination: { resultsPerPage: 5 } }) });
    expect(shownNames()).toHaveLength(5);
    expect(screen.queryByRole('navigation')).toBeNull();
    cleanup();
    renderWithApp(<PagedResourceList items={tables} label="Owned tables" empty="none" />, { config: testConfig({ searchPagination: { resultsPerPage: 20 } }) });
    expect(shownNames()).toHaveLength(20);
  });

  it('says whose list is empty', () => {
    renderWithApp(<PagedResourceList items={[]} label="Owned tables" empty={emptyListText('owned', 'tables', { name: 'Liv Arnesen', isMe: false })} />);
    expect(screen.getByText('Liv Arnesen owns no tables.')).toBeTruthy();
    expect(emptyListText('bookmarked', 'dashboards', { name: 'Roald Amundsen', isMe: true })).toBe('You have bookmarked no dashboards.');
    expect(emptyListText('read', 'tables', { name: 'Liv Arnesen', isMe: false })).toBe('Liv Arnesen uses no tables often.');
  });
});
