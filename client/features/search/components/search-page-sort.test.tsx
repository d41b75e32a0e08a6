// @vitest-environment jsdom
// The order of table results (decision 107): a labelled select when the search service can sort, the
// order in the URL and in the request, said by the status region; nothing of it otherwise.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt, stubSearch, table, testConfig } from '../testing/search-fixtures';
import { SearchRoute } from '../testing/search-route';


afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NAMES = ['zeta_orders', 'orders', 'alpha_orders'];
const answer = (request: { sort?: string }) => {
  const names = request.sort === 'name' ? [...NAMES].sort() : NAMES;
  return { table: { total_results: 3, results: names.map((n) => table(n)) }, dashboard: { total_results: 0, results: [] } };
};
const shownNames = () => screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-search-result')).map((li) => within(li).getByRole('heading').textContent);

describe('sorting table results', () => {
  it('offers Relevance, Name and Recently updated when the search service sorts, and asks for the order chosen through the URL', async () => {
    const requests = stubSearch(answer);
    const user = userEvent.setup();
    const view = renderAt('/search?term=orders', '/search', <SearchRoute />, testConfig({}, { tableSort: true }));
    const select = await screen.findByRole('combobox', { name: 'Sort by' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Relevance', 'Name (A–Z)', 'Recently updated']);
    expect((select as HTMLSelectElement).value).toBe('relevance');
    expect(requests[0]).not.toHaveProperty('sort');
    expect(shownNames()).toEqual(['sales.zeta_orders', 'sales.orders', 'sales.alpha_orders']);

    await user.selectOptions(select, 'name');
    await waitFor(() => expect(shownNames()).toEqual(['sales.alpha_orders', 'sales.orders', 'sales.zeta_orders']));
    expect(view.last()).toMatchObject({ search: '?term=orders&sort=name', type: 'PUSH' });
    expect(requests.at(-1)).toMatchObject({ searchTerm: 'orders', sort: 'name' });
    // Said politely: the count alone would read as before.
    await waitFor(() => expect(screen.getByTestId('results-status').textContent).toBe('3 tables for “orders”. Sorted by name, A to Z.'));
    expect(screen.getByTestId('results-status').getAttribute('role')).toBe('status');
    // Focus stays on the select, so the keyboard can go on to the next order (↓ on a closed select changes it).
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Sort by' }));

    await user.click(screen.getByRole('button', { name: 'Browser back' }));
    await waitFor(() => expect(shownNames()).toEqual(['sales.zeta_orders', 'sales.orders', 'sales.alpha_orders']));
    expect((screen.getByRole('combobox', { name: 'Sort by' }) as HTMLSelectElement).value).toBe('relevance');
  });

  it('keeps the order on the pager\'s links, and says when only the first 10,000 matches were sorted', async () => {
    stubSearch(() => ({ table: { total_results: 10_000, results: NAMES.map((n) => table(n)) } }));
    renderAt('/search?term=orders&sort=last_updated', '/search', <SearchRoute />, testConfig({}, { tableSort: true }));
    expect(((await screen.findByRole('combobox', { name: 'Sort by' })) as HTMLSelectElement).value).toBe('last_updated');
    expect(screen.getByRole('link', { name: /next/i }).getAttribute('href')).toContain('sort=last_updated');
    expect(screen.getByTestId('sort-bound').textContent).toBe('Sorted among the 10,000 most relevant matches; add words or filters to sort them all.');
  });

  it('shows no sort and sends none when the search service cannot sort (Amundsen\'s), even with sort in the URL', async () => {
    const requests = stubSearch(answer);
    renderAt('/search?term=orders&sort=name', '/search', <SearchRoute />, testConfig());
    expect(await screen.findByRole('heading', { level: 2, name: '3 tables' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Sort by' })).toBeNull();
    expect(requests.every((r) => !('sort' in r))).toBe(true);
  });
});
