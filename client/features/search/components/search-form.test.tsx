// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { searchPath } from '../../../app/paths';
import { createQueryClient } from '../../../lib/query-client';
import { dashboard, person, renderAt, stubSearch, table, testConfig } from '../testing/search-fixtures';
import { NavSearch } from './nav-search';
import { loadSuggestions, SearchForm } from './search-form';
import { SUGGESTION_DELAY_MS } from './search-suggestions';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const answer = () => ({
  table: { total_results: 40, results: [table('orders', { highlight: { name: ['<em>ord</em>ers'] } }), table('order_items')] },
  dashboard: { total_results: 1, results: [dashboard('Orders Overview')] },
  user: { total_results: 1, results: [person('Ordway Nilsen')] },
});

function renderForm(config = testConfig(), url = '/') {
  return renderAt(url, '*', <SearchForm variant="home" label="Search for data" placeholder="Search" searchPathFor={(term) => searchPath({ term })} />, config);
}

/** The search box once the suggestions code has replaced the plain input. */
async function combobox() {
  await act(() => loadSuggestions());
  return screen.findByRole('combobox', { name: 'Search for data' });
}

describe('the search form before its suggestions load', () => {
  it('becomes the combobox in place, keeping the text, focus and caret', async () => {
    stubSearch(answer);
    renderForm();
    // The first test of the file: nothing has loaded the suggestions code yet.
    const plain = screen.getByRole('searchbox', { name: 'Search for data' }) as HTMLInputElement;
    fireEvent.change(plain, { target: { value: 'orde' } });
    act(() => {
      plain.focus();
      plain.setSelectionRange(2, 2);
    });
    const input = (await combobox()) as HTMLInputElement;
    expect(input).not.toBe(plain);
    expect(input.value).toBe('orde');
    expect(document.activeElement).toBe(input);
    expect(input.selectionStart).toBe(2);
    expect(input.name).toBe('term');
    expect(input.hasAttribute('data-search-input')).toBe(true);
    // What was typed is asked about at once: the list is open, though focus alone opens none (decision 111).
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByRole('option', { name: /order_items/ })).toBeTruthy();
  });
  it('is a real GET form to /search with the term as `term`, so it works as a plain form', () => {
    stubSearch(answer);
    renderForm();
    const form = screen.getByRole('search');
    expect(form.getAttribute('action')).toBe('/search');
    expect(form.getAttribute('method') ?? 'get').toBe('get');
    // Plain or already the combobox (the suggestions code stays loaded between tests): the same form.
    const input = screen.getByLabelText('Search for data') as HTMLInputElement;
    expect(input.name).toBe('term');
    expect(input.hasAttribute('data-search-input')).toBe(true);
  });
});

describe('search as you type', () => {
  it('asks once per pause in typing, then lists the top results per resource in groups', async () => {
    const requests = stubSearch(answer);
    renderForm();
    const input = await combobox();
    await userEvent.setup().type(input, 'ord');
    expect(requests).toHaveLength(0);
    await waitFor(() => expect(screen.getByRole('group', { name: 'Datasets' })).toBeTruthy(), { timeout: SUGGESTION_DELAY_MS + 1000 });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ searchTerm: 'ord', resources: ['table', 'dashboard'], pageIndex: 0, resultsPerPage: 3 });
    // Read as "orders, sales · Hive" (the comma is for screen readers only), not "orderssales · Hive"
    // (jsdom's name computation drops the space after the hidden comma; Chromium's keeps a pause).
    const datasets = within(screen.getByRole('group', { name: 'Datasets' }));
    expect(datasets.getAllByRole('option')).toEqual([datasets.getByRole('option', { name: /^orders,\s?sales · Hive$/ }), datasets.getByRole('option', { name: /^order_items,\s?sales · Hive$/ })]);
    expect(within(screen.getByRole('group', { name: 'Dashboards' })).getByRole('option').textContent).toContain('Orders Overview');
    expect(screen.queryByRole('group', { name: 'People' })).toBeNull();
    expect(screen.getAllByRole('option').at(-1)?.textContent).toBe('All results for “ord”');
  });

  it('lists people too when user profiles are on', async () => {
    const requests = stubSearch(answer);
    renderForm(testConfig({}, { indexUsers: true }));
    await userEvent.setup().type(await combobox(), 'ord');
    const people = await screen.findByRole('group', { name: 'People' }, { timeout: 2000 });
    expect(within(people).getByRole('option', { name: /^Ordway Nilsen,\s?ordway\.nilsen@example\.org$/ })).toBeTruthy();
    expect(requests[0]?.resources).toEqual(['table', 'dashboard', 'user']);
  });

  it('says of a person who is no longer active that they are not, before their email', async () => {
    stubSearch(() => ({ ...answer(), user: { total_results: 2, results: [person('Ordway Nilsen', { is_active: false }), person('Orda Berg')] } }));
    renderForm(testConfig({}, { indexUsers: true }));
    await userEvent.setup().type(await combobox(), 'ord');
    const people = within(await screen.findByRole('group', { name: 'People' }, { timeout: 2000 }));
    expect(people.getByRole('option', { name: /^Ordway Nilsen,\s?No longer active · ordway\.nilsen@example\.org$/ })).toBeTruthy();
    expect(people.getByRole('option', { name: /^Orda Berg,\s?orda\.berg@example\.org$/ })).toBeTruthy();
  });

  it('opens the chosen suggestion\'s page with the arrow keys and Enter', async () => {
    stubSearch(answer);
    const { last } = renderForm();
    const user = userEvent.setup();
    await user.type(await combobox(), 'ord');
    await screen.findByRole('group', { name: 'Datasets' }, { timeout: 2000 });
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(last().path).toBe('/table_detail/gold/hive/sales/order_items');
  });

  it('goes to all results on Enter with no suggestion chosen, and from "All results for …"', async () => {
    stubSearch(answer);
    const { last } = renderForm();
    const user = userEvent.setup();
    const input = await combobox();
    await user.type(input, ' orders {Enter}');
    expect(`${last().path}${last().search}`).toBe('/search?term=orders');
    await user.clear(input);
    await user.type(input, 'customers');
    await screen.findByRole('group', { name: 'Datasets' }, { timeout: 2000 });
    await user.keyboard('{ArrowUp}{Enter}');
    expect(`${last().path}${last().search}`).toBe('/search?term=customers');
  });
});

describe('suggestions for earlier text', () => {
  it('are dimmed, aria-busy and not choosable while the answer for what is typed loads: ↓ and Enter search the typed text', async () => {
    // The answer for "revenue" waits until the test lets it through.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const answers = stubSearch((request) => (request.searchTerm === 'orders' ? answer() : { table: { total_results: 1, results: [table('revenue_daily')] } }));
    const fetch = globalThis.fetch as (url: string, init: RequestInit) => Promise<Response>;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      if (String(init.body).includes('revenue')) await held;
      return fetch(url, init);
    });
    const { last, visits } = renderForm();
    const user = userEvent.setup();
    const input = await combobox();
    await user.type(input, 'orders');
    const datasets = await screen.findByRole('group', { name: 'Datasets' }, { timeout: 2000 });
    expect(within(datasets).getAllByRole('option')[0]!.getAttribute('aria-disabled')).toBeNull();
    // Select all, then type over it.
    await user.type(input, 'revenue', { initialSelectionStart: 0, initialSelectionEnd: 'orders'.length });
    expect((input as HTMLInputElement).value).toBe('revenue');
    // The kept answer (for "orders") is marked out of date, and the arrows pass it by.
    const listbox = screen.getByRole('listbox');
    expect(listbox.getAttribute('aria-busy')).toBe('true');
    const kept = within(screen.getByRole('group', { name: 'Datasets' })).getAllByRole('option');
    expect(kept[0]!.textContent).toContain('orders');
    expect(kept.every((o) => o.getAttribute('aria-disabled') === 'true')).toBe(true);
    expect(kept[0]!.closest('.combobox__stale')).not.toBeNull();
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Searching…');
    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'All results for “revenue”' }).id);
    // A click on a kept option does nothing either.
    await user.click(kept[0]!);
    expect(visits.every((v) => v.path === '/')).toBe(true);
    await user.keyboard('{Enter}');
    expect(`${last().path}${last().search}`).toBe('/search?term=revenue');
    release();
    expect(answers.map((r) => r.searchTerm)).toContain('orders');
  });

  it('become choosable again once the answer for what is typed has come', async () => {
    stubSearch((request) => (request.searchTerm === 'orders' ? answer() : { table: { total_results: 1, results: [table('revenue_daily')] } }));
    const { last } = renderForm();
    const user = userEvent.setup();
    const input = await combobox();
    await user.type(input, 'orders');
    await screen.findByRole('group', { name: 'Datasets' }, { timeout: 2000 });
    await user.clear(input);
    await user.type(input, 'revenue');
    await waitFor(() => expect(screen.getByRole('option', { name: /^revenue_daily/ }).getAttribute('aria-disabled')).toBeNull(), { timeout: 2000 });
    expect(screen.getByRole('listbox').getAttribute('aria-busy')).toBeNull();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(last().path).toBe('/table_detail/gold/hive/sales/revenue_daily');
  });
});

describe('suggestions without the server', () => {
  it('say at once, in a status line, that there are none right now; all results still open the search page', async () => {
    // The server is down: every request fails as fetch fails then. The app's query client (it tries
    // network failures again) must not keep the box at "Searching…" meanwhile.
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    vi.stubGlobal('fetch', fetch);
    const { last } = renderAt('/', '*', <SearchForm variant="home" label="Search for data" placeholder="Search" searchPathFor={(term) => searchPath({ term })} />, testConfig(), createQueryClient({ onUnauthorized: () => {} }));
    const user = userEvent.setup();
    await user.type(await combobox(), 'orders');
    const said = () => screen.getAllByRole('status').map((s) => s.textContent);
    await waitFor(() => expect(said()).toContain('Suggestions are not available right now.'), { timeout: SUGGESTION_DELAY_MS + 700 });
    expect(fetch).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('option', { name: 'All results for “orders”' }));
    expect(`${last().path}${last().search}`).toBe('/search?term=orders');
  });
});

describe('the nav bar\'s search', () => {
  it('shows the search page\'s term without asking for suggestions, and keeps the tab and filters on a new search', async () => {
    const requests = stubSearch(answer);
    const { last } = renderAt('/search?term=orders&resource=dashboard&filters=%7B%22tag%22%3A%7B%22value%22%3A%22kpi%22%7D%7D', '*', <NavSearch />);
    await act(() => loadSuggestions());
    const input = (await screen.findByRole('combobox', { name: 'Search the catalog' })) as HTMLInputElement;
    expect(input.value).toBe('orders');
    await act(() => new Promise((resolve) => setTimeout(resolve, SUGGESTION_DELAY_MS + 100)));
    expect(requests).toHaveLength(0);
    const user = userEvent.setup();
    await user.clear(input);
    await user.type(input, 'revenue{Enter}');
    expect(last().search).toBe('?term=revenue&resource=dashboard&filters={"tag":{"value":"kpi"}}');
  });
});
