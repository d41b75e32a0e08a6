// @vitest-environment jsdom
// Filters typed in a search box (`tag:pii`) become the search's filters: the URL, the Filters panel and
// the request show them, the box keeps the other words (the parser: contract/typed-filters.ts).
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../components/toast';
import { parseSearchState } from '../paths';
import { NavSearch } from '../../features/search/components/nav-search';
import { loadSuggestions } from '../../features/search/components/search-form';
import { renderAt, stubSearch, table } from '../../features/search/testing/search-fixtures';
import { SearchRoute } from './search-route';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const stateOf = (search: string) => parseSearchState(new URLSearchParams(search));

function renderSearchPage(url: string) {
  const requests = stubSearch(() => ({ table: { total_results: 1, results: [table('orders')] } }));
  const view = renderAt(
    url,
    '/search',
    <ToastProvider>
      <NavSearch />
      <SearchRoute />
    </ToastProvider>,
  );
  return { ...view, requests };
}

describe('filters typed in the search box', () => {
  it('become the search\'s filters, shown in the Filters panel; the box and the heading keep the other words', async () => {
    const { last, visits, requests } = renderSearchPage('/search?term=orders');
    await act(() => loadSuggestions());
    const box = (await screen.findByRole('combobox', { name: 'Search the catalog' })) as HTMLInputElement;
    const user = userEvent.setup();
    await user.clear(box);
    await user.type(box, 'schema:sales tag:"my tag" revenue{Enter}');

    await waitFor(() => expect(stateOf(last().search)).toMatchObject({ term: 'revenue', filters: { schema: { value: 'sales' }, tag: { value: 'my tag' } } }));
    // The typed URL is replaced by the one with filters: Back leads to the search before.
    expect(last().type).toBe('REPLACE');
    expect(stateOf(visits.at(-2)!.search)).toMatchObject({ term: 'schema:sales tag:"my tag" revenue', filters: {} });
    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “revenue”' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Schema' }) as HTMLInputElement).value).toBe('sales');
    expect((screen.getByRole('combobox', { name: 'Tag' }) as HTMLInputElement).value).toBe('my tag');
    await waitFor(() => expect(box.value).toBe('revenue'));
    // The words typed as filters were never searched for as words.
    await waitFor(() => expect(requests.some((r) => r.searchTerm === 'revenue' && r.filters['table']?.['schema']?.value === 'sales')).toBe(true));
    expect(requests.every((r) => !r.searchTerm.includes(':'))).toBe(true);
  });

  it('open the tab whose filters they are: group:sales typed on the tables tab (the home page\'s box) opens the dashboards tab, filtered', async () => {
    const { last, requests } = renderSearchPage('/search?term=group:sales%20kpi');
    await waitFor(() => expect(stateOf(last().search)).toMatchObject({ term: 'kpi', resource: 'dashboard', filters: { group_name: { value: 'sales' } } }));
    expect(last().type).toBe('REPLACE');
    expect((await screen.findByRole('textbox', { name: 'Group' }) as HTMLInputElement).value).toBe('sales');
    await waitFor(() => expect(requests.some((r) => r.searchTerm === 'kpi' && r.filters['dashboard']?.['group_name']?.value === 'sales')).toBe(true));
    expect(requests.every((r) => !r.searchTerm.includes(':'))).toBe(true);
  });

  it('a link with them typed in its term opens the filtered search; an unknown field stays as words', async () => {
    const { last, requests } = renderSearchPage('/search?term=tag:pii');
    await waitFor(() => expect(stateOf(last().search)).toMatchObject({ term: '', filters: { tag: { value: 'pii' } } }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Datasets matching the filters' })).toBeTruthy();
    cleanup();
    const other = renderSearchPage('/search?term=foo:bar');
    expect(await screen.findByRole('heading', { level: 1, name: 'Results for “foo:bar”' })).toBeTruthy();
    expect(other.last().search).toBe('?term=foo:bar');
    expect(requests.length + other.requests.length).toBeGreaterThan(0);
  });
});
