// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
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
const hrefForPage = (pageIndex: number) => `/user/liv?page=${pageIndex + 1}`;
const withPage = (params: URLSearchParams, pageIndex: number) => {
  const next = new URLSearchParams(params);
  if (pageIndex > 0) next.set('page', String(pageIndex + 1));
  else next.delete('page');
  return next;
};

describe('PagedResourceList', () => {
  it('shows the page it is given, with the configured page size, and says so as the search does', () => {
    renderWithApp(<PagedResourceList items={tables} label="Owned tables" empty="none" pageIndex={1} hrefForPage={hrefForPage} withPage={withPage} />, {
      config: testConfig({ searchPagination: { resultsPerPage: 10 } }),
    });
    expect(shownNames()[0]).toBe('core.table_11');
    expect(screen.getByText('Showing 11–20 of 23')).toBeTruthy();
    const pages = screen.getByRole('navigation', { name: 'Pages of owned tables' });
    expect(pages.textContent).toContain('Page 2 of 3');
    expect(within(pages).getAllByRole('link').map((link) => link.textContent)).toEqual(['Previous', '1', '2', '3', 'Next']);
    expect(within(pages).getByRole('link', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');
    expect(within(pages).getByRole('link', { name: 'Previous' }).getAttribute('href')).toBe('/user/liv?page=1');
    expect(within(pages).getByRole('link', { name: 'Next' }).getAttribute('href')).toBe('/user/liv?page=3');
  });

  it('shows the last page for a page past the end, with no Next', () => {
    renderWithApp(<PagedResourceList items={tables} label="Owned tables" empty="none" pageIndex={7} hrefForPage={hrefForPage} withPage={withPage} />, {
      config: testConfig({ searchPagination: { resultsPerPage: 10 } }),
    });
    expect(shownNames()).toEqual(['core.table_21', 'core.table_22', 'core.table_23']);
    const pages = screen.getByRole('navigation', { name: 'Pages of owned tables' });
    expect(pages.textContent).toContain('Page 3 of 3');
    expect(within(pages).getByRole('link', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('follows the page size of the UI config, and has no pager when one page holds everything', () => {
    renderWithApp(<PagedResourceList items={tables.slice(0, 5)} label="Owned tables" empty="none" pageIndex={0} hrefForPage={hrefForPage} withPage={withPage} />, {
      config: testConfig({ searchPagination: { resultsPerPage: 5 } }),
    });
    expect(shownNames()).toHaveLength(5);
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByText(/^Showing/)).toBeNull();
    cleanup();
    renderWithApp(<PagedResourceList items={tables} label="Owned tables" empty="none" pageIndex={0} hrefForPage={hrefForPage} withPage={withPage} />, {
      config: testConfig({ searchPagination: { resultsPerPage: 20 } }),
    });
    expect(shownNames()).toHaveLength(20);
  });

  it('says whose list is empty', () => {
    renderWithApp(<PagedResourceList items={[]} label="Owned tables" empty={emptyListText('owned', 'tables', { name: 'Liv Arnesen', isMe: false })} pageIndex={0} hrefForPage={hrefForPage} withPage={withPage} />);
    expect(screen.getByText('Liv Arnesen owns no tables.')).toBeTruthy();
    expect(emptyListText('bookmarked', 'dashboards', { name: 'Roald Amundsen', isMe: true })).toBe('You have bookmarked no dashboards.');
    expect(emptyListText('read', 'tables', { name: 'Liv Arnesen', isMe: false })).toBe('Liv Arnesen uses no tables often.');
  });
});
