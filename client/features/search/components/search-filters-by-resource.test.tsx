// @vitest-environment jsdom
// The filter panel of each tab, from the default UI config: tables get Cluster among theirs, and
// people get Name and Email, both kept in the URL and sent to the search.
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSearchParams } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSearchState } from '../../../app/paths';
import { person, renderAt, stubSearch, table, testConfig } from '../testing/search-fixtures';
import { SearchPage } from './search-page';

function SearchRoute() {
  const [params] = useSearchParams();
  return <SearchPage state={parseSearchState(params)} />;
}

const renderSearch = (url: string) => renderAt(url, '/search', <SearchRoute />, testConfig({}, { indexUsers: true }));
const stateOf = (search: string) => parseSearchState(new URLSearchParams(search));
const filterFields = async () => {
  const panel = await screen.findByRole('region', { name: /^Filters/ });
  // Text fields and the comboboxes of filters with listed values, in the panel's order.
  return [...panel.querySelectorAll<HTMLInputElement>('input:not([type=checkbox]):not([type=radio])')].map((field) => field.labels?.[0]?.textContent);
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the tables tab', () => {
  it('filters by cluster, in the URL and the search request', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 1, results: [table('orders')] } }));
    const { last } = renderSearch('/search?term=orders');
    expect(await filterFields()).toEqual(['Source', 'Cluster', 'Schema', 'Table', 'Column', 'Tag', 'Badge']);
    await userEvent.setup().type(screen.getByRole('textbox', { name: 'Cluster' }), 'gold{Enter}');
    expect(stateOf(last().search).filters).toEqual({ cluster: { value: 'gold' } });
    await waitFor(() => expect(requests.at(-1)?.filters).toEqual({ table: { cluster: { value: 'gold', filterOperation: 'OR' } } }));
  });
});

describe('the people tab', () => {
  it('filters by name and e-mail, in the URL and the search request', async () => {
    const requests = stubSearch(() => ({ user: { total_results: 1, results: [person('Roald Amundsen')] } }));
    const { last } = renderSearch('/search?term=amundsen&resource=user');
    expect(await filterFields()).toEqual(['Name', 'Email']);
    await userEvent.setup().type(screen.getByRole('textbox', { name: 'Email' }), '*@example.org{Enter}');
    expect(stateOf(last().search)).toMatchObject({ resource: 'user', filters: { email: { value: '*@example.org' } } });
    await waitFor(() => expect(requests.at(-1)).toMatchObject({ resources: ['user'], filters: { user: { email: { value: '*@example.org', filterOperation: 'OR' } } } }));
  });

  it('shows the filters of a shared link filled in', async () => {
    stubSearch(() => ({ user: { total_results: 1, results: [person('Roald Amundsen')] } }));
    renderSearch(`/search?resource=user&filters=${encodeURIComponent(JSON.stringify({ full_name: { value: 'Roald*' } }))}`);
    expect(((await screen.findByRole('textbox', { name: 'Name' })) as HTMLInputElement).value).toBe('Roald*');
  });
});
