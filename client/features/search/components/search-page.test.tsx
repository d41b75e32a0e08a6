// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useNavigate } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSearchState, tagSearchPath } from '../../../app/paths';
import { useAppLinkClicks } from '../../../components/app-link';
import { dashboard, person, renderAt, stubSearch, table, testConfig } from '../testing/search-fixtures';
import { FILTER_TYPING_DELAY_MS } from './filter-panel';
import { SearchRoute } from '../testing/search-route';


const renderSearch = (url: string, config = testConfig()) => renderAt(url, '/search', <SearchRoute />, config);
const filtersOf = (search: string) => parseSearchState(new URLSearchParams(search)).filters;
const pause = () => act(() => new Promise((resolve) => setTimeout(resolve, FILTER_TYPING_DELAY_MS + 100)));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('search results', () => {
  it('shows each tab with its count from one request, and why each result matched', async () => {
    const requests = stubSearch(() => ({
      table: {
        total_results: 42,
        results: [
          table('orders', { highlight: { name: ['<em>orders</em>'] }, description: 'Every order', tags: ['kpi'], badges: [{ tag_name: 'certified' }] }),
          table('payments', {
            description: 'Payments &amp; refunds',
            highlight: { columns: ['order_<em>id</em>'], column_descriptions: ['Joins sales.<em>orders</em> &amp; more'] },
          }),
        ],
      },
      dashboard: { total_results: 3, results: [] },
      user: { total_results: 1, results: [] },
    }));
    renderSearch('/search?term=orders', testConfig({}, { indexUsers: true }));

    expect(await screen.findByRole('heading', { level: 2, name: '42 tables' })).toBeTruthy();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ searchTerm: 'orders', resources: ['table', 'dashboard', 'user'], pageIndex: 0, resultsPerPage: 10, filters: {} });
    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual(['Datasets42', 'Dashboards3', 'People1']);

    const [orders, payments] = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-search-result'));
    expect(within(orders!).getByRole('link', { name: 'sales.orders' }).getAttribute('href')).toBe('/table_detail/gold/hive/sales/orders');
    expect(within(orders!).getByText('orders').tagName).toBe('MARK');
    expect(within(orders!).getByRole('link', { name: 'kpi' }).getAttribute('href')).toBe(tagSearchPath('kpi'));
    expect(within(orders!).getByRole('link', { name: 'certified' })).toBeTruthy();
    // A match in a column leads to that column; the column description is quoted with its match marked.
    expect(within(payments!).getByRole('link', { name: 'order_id' }).getAttribute('href')).toBe('/table_detail/gold/hive/sales/payments?column=order_id');
    expect(within(payments!).getByText(/Joins sales\./).closest('li')?.textContent).toBe('Joins sales.orders & more');
    // A plain description is shown as written (not read as a highlight).
    expect(within(payments!).getByText('Payments &amp; refunds')).toBeTruthy();
  });

  it('says a count at the search service\'s cap as "10,000+" in the tab, the heading and the range alike', async () => {
    stubSearch(() => ({ table: { total_results: 10_000, results: [table('a1')] }, dashboard: { total_results: 10_000, results: [] } }));
    renderSearch('/search?term=a');
    expect(await screen.findByRole('heading', { level: 2, name: '10,000+ tables' })).toBeTruthy();
    expect(screen.getByText(/^Showing 1–10 of/).textContent).toBe('Showing 1–10 of 10,000+');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Datasets10,000+', 'Dashboards10,000+']);
  });

  it('says what it searched instead when nothing matched the term as typed', async () => {
    stubSearch(() => ({ did_you_mean: 'customers', table: { total_results: 1, results: [table('customers')] } }));
    renderSearch('/search?term=custmers');
    expect((await screen.findByTestId('did-you-mean')).textContent).toBe('Nothing matched “custmers”, so these are the results for “customers”.');
  });

  it('names a source the service searched instead as the Filters panel does (Source, not database)', async () => {
    stubSearch(() => ({ did_you_mean: 'database:snowflake', table: { total_results: 1, results: [table('payments')] } }));
    renderSearch('/search?term=snowflake');
    expect((await screen.findByTestId('did-you-mean')).textContent).toBe('Nothing matched “snowflake”, so these are the results for “source:snowflake”.');
    expect(screen.getByTestId('results-status').textContent).toBe('1 table for “source:snowflake”, as nothing matched “snowflake”.');
  });

  it('lists dashboards with their matching charts and people with their email', async () => {
    stubSearch((request) =>
      request.resources.includes('user')
        ? { user: { total_results: 11, results: [person('Liv Arnesen', { highlight: { full_name: ['<em>Liv</em> Arnesen'] } })] } }
        : { dashboard: { total_results: 11, results: [dashboard('Orders Overview', { highlight: { chart_names: ['<em>Orders</em> Map'] } })] } },
    );
    const config = testConfig({}, { indexUsers: true });
    renderSearch('/search?term=liv&resource=user&page=2', config);
    expect((await screen.findByRole('link', { name: 'Liv Arnesen' })).getAttribute('href')).toBe('/user/liv.arnesen%40example.org');
    expect(screen.getByText('liv.arnesen@example.org')).toBeTruthy();
    cleanup();
    renderSearch('/search?term=orders&resource=dashboard&page=2', config);
    expect((await screen.findByRole('link', { name: 'Orders Overview' })).getAttribute('href')).toBe('/dashboard/mode_dashboard%3A%2F%2Fprod.sales%2FOrders%20Overview');
    expect(screen.getByText('Charts')).toBeTruthy();
    expect(screen.getByText('Map', { exact: false }).textContent).toBe('Orders Map');
  });

  it('says a person was found by their team or role when their name and email hold no match', async () => {
    stubSearch(() => ({
      user: {
        total_results: 2,
        results: [
          person('Liv Arnesen', { team_name: 'Polar Data', role_name: 'Skier', highlight: { team_name: ['Polar <em>Data</em>'] } }),
          person('Data Dan', { team_name: 'Core Data', highlight: { full_name: ['<em>Data</em> Dan'], team_name: ['Core <em>Data</em>'] } }),
        ],
      },
    }));
    renderSearch('/search?term=data&resource=user', testConfig({}, { indexUsers: true }));
    const liv = (await screen.findByRole('link', { name: 'Liv Arnesen' })).closest('li')!;
    expect(within(liv).getByText('Team').textContent).toBe('Matches in Team');
    expect(within(liv).getByText('Data').tagName).toBe('MARK');
    expect(within(liv).queryByText('Role')).toBeNull();
    // A name that holds the match says why by itself.
    const dan = screen.getByRole('link', { name: 'Data Dan' }).closest('li')!;
    expect(within(dan).queryByText('Team')).toBeNull();
  });

  it('switches tabs through the URL; each tab keeps its own filters for coming back, on its first page', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 25, results: [table('a')] }, dashboard: { total_results: 2, results: [dashboard('b')] } }));
    const { last } = renderSearch(`/search?term=orders&page=2&filters=${encodeURIComponent('{"schema":{"value":"sales,finance"}}')}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('tab', { name: /Dashboards/ }));
    expect(last()).toMatchObject({ search: '?term=orders&resource=dashboard&tabFilters={"table":{"schema":{"value":"sales,finance"}}}', type: 'PUSH' });
    expect(await screen.findByRole('link', { name: 'b' })).toBeTruthy();
    // The Datasets tab's count is that of its filters, not of the bare term.
    expect(requests.at(-1)).toMatchObject({ searchTerm: 'orders', resources: ['table'], filters: { table: { schema: { value: 'sales,finance', filterOperation: 'OR' } } } });
    await user.click(screen.getByRole('tab', { name: /Datasets/ }));
    expect(last()).toMatchObject({ search: '?term=orders&filters={"schema":{"value":"sales,finance"}}', type: 'PUSH' });
    expect((await screen.findByRole('textbox', { name: 'Schema' }) as HTMLInputElement).value).toBe('sales,finance');
  });

  it('counts both tabs of a search by filters alone, and the other tab keeps the filters they share', async () => {
    const requests = stubSearch((request) => ({
      ...(request.resources.includes('table') ? { table: { total_results: 4, results: [table('a')] } } : {}),
      ...(request.resources.includes('dashboard') ? { dashboard: { total_results: 6, results: [dashboard('weekly')] } } : {}),
    }));
    const { last } = renderSearch(`/search?filters=${encodeURIComponent('{"tag":{"value":"growth"},"schema":{"value":"sales"}}')}`);
    await waitFor(() => expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Datasets4', 'Dashboards6']));
    expect(requests).toContainEqual(expect.objectContaining({ searchTerm: '', resources: ['dashboard'], filters: { dashboard: { tag: { value: 'growth', filterOperation: 'OR' } } } }));
    await userEvent.setup().click(screen.getByRole('tab', { name: /Dashboards/ }));
    const state = parseSearchState(new URLSearchParams(last().search));
    expect(state).toMatchObject({ resource: 'dashboard', filters: { tag: { value: 'growth' } }, tabFilters: { table: { tag: { value: 'growth' }, schema: { value: 'sales' } } } });
    expect(await screen.findByRole('link', { name: 'weekly' })).toBeTruthy();
  });

  it('opens the dashboards of a tag only dashboards carry (resource=any), and the tables of one tables carry', async () => {
    stubSearch(() => ({ table: { total_results: 0, results: [] }, dashboard: { total_results: 6, results: [dashboard('weekly')] } }));
    const { last } = renderSearch(tagSearchPath('weekly_review', 'any'));
    expect(await screen.findByRole('link', { name: 'weekly' })).toBeTruthy();
    // The URL is replaced once the answer shows the dashboards (an effect: not always in the same render).
    await waitFor(() => expect(last()).toMatchObject({ search: '?term=&resource=dashboard&filters={"tag":{"value":"weekly_review"}}', type: 'REPLACE' }));
    await waitFor(() => expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Datasets0', 'Dashboards6']));
    expect(screen.queryByText(/No tables match/)).toBeNull();
    cleanup();
    stubSearch(() => ({ table: { total_results: 3, results: [table('a')] }, dashboard: { total_results: 6, results: [dashboard('weekly')] } }));
    const tables = renderSearch(tagSearchPath('growth', 'any'));
    expect(await screen.findByRole('link', { name: 'sales.a' })).toBeTruthy();
    await waitFor(() => expect(tables.last()).toMatchObject({ search: '?term=&filters={"tag":{"value":"growth"}}', type: 'REPLACE' }));
    await waitFor(() => expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Datasets3', 'Dashboards6']));
  });

  it('says a term of punctuation alone has nothing to search for, and searches nothing for it', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 3, results: [table('a')] } }));
    renderSearch('/search?term=%25');
    expect(screen.getByTestId('term-not-searched').textContent).toBe('“%” has no letters or digits, so there is nothing in it to search for. Type a word, a name or the start of one.');
    expect(screen.getByText('What are you looking for?')).toBeTruthy();
    expect(requests).toHaveLength(0);
    cleanup();
    renderSearch(`/search?term=_&filters=${encodeURIComponent('{"tag":{"value":"pii"}}')}`);
    expect(await screen.findByRole('heading', { level: 2, name: '3 tables' })).toBeTruthy();
    expect(screen.getByTestId('term-not-searched').textContent).toContain('these are all the tables matching the filters.');
    expect(requests[0]).toMatchObject({ searchTerm: '', resources: ['table'] });
  });

  it('names a long term in the browser tab, cut short', async () => {
    stubSearch((request) => ({ table: { total_results: request.searchTerm === '' ? 1 : 0, results: [] } }));
    renderSearch(`/search?term=${'orders'.repeat(80)}`);
    expect(await screen.findByText(/^No tables match/, { selector: '.state__title' })).toBeTruthy();
    const title = document.querySelector('title')?.textContent ?? '';
    expect(title).toMatch(/^(orders){9}order… – Search · /);
  });

  it('pages with links and moves focus to the results heading on the new page', async () => {
    stubSearch((request) => ({ table: { total_results: 25, results: [table(`t${request.pageIndex}`)] } }));
    const { last } = renderSearch('/search?term=orders');
    await userEvent.setup().click(await screen.findByRole('link', { name: 'Next' }));
    expect(last()).toMatchObject({ search: '?term=orders&page=2', type: 'PUSH' });
    await screen.findByRole('link', { name: 'sales.t1' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: '25 tables' }));
    expect(screen.getByText('Showing 11–20 of 25')).toBeTruthy();
  });

  it('leaves focus in a filter field when typing there goes back to the first page', async () => {
    stubSearch((request) => ({ table: { total_results: 25, results: [table(`t${request.pageIndex}`)] } }));
    const { last } = renderSearch('/search?term=orders&page=2');
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'sales.t1' });
    const schema = screen.getByRole('textbox', { name: 'Schema' });
    await user.type(schema, 'sal');
    await pause();
    expect(filtersOf(last().search)).toEqual({ schema: { value: 'sal' } });
    await screen.findByRole('link', { name: 'sales.t0' });
    expect(document.activeElement).toBe(schema);
    await user.type(schema, 'es');
    expect((schema as HTMLInputElement).value).toBe('sales');
  });

  it('leaves focus in the tabs when the arrow keys switch tabs from a later page', async () => {
    stubSearch((request) => ({
      table: { total_results: 25, results: [table(`t${request.pageIndex}`)] },
      dashboard: { total_results: 3, results: [dashboard(`d${request.pageIndex}`)] },
    }));
    const { last } = renderSearch('/search?term=orders&page=3', testConfig({}, { indexDashboards: true }));
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'sales.t2' });
    await user.click(screen.getByRole('tab', { name: /^Datasets/ }));
    await user.keyboard('{ArrowRight}');
    expect(last().search).toContain('resource=dashboard');
    await screen.findByRole('link', { name: 'd0' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: /^Dashboards/ }));
  });

  it('moves focus to the results heading from "Go to the last page" past the end', async () => {
    stubSearch((request) => ({ table: { total_results: 25, results: request.pageIndex > 2 ? [] : [table(`t${request.pageIndex}`)] } }));
    renderSearch('/search?term=orders&page=9');
    await userEvent.setup().click(await screen.findByRole('link', { name: 'Go to the last page' }));
    await screen.findByRole('link', { name: 'sales.t2' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: '25 tables' }));
  });

  it('moves focus to the filters heading after their "Clear all", and to the results heading when a control in the results starts a new search', async () => {
    const filtered = `/search?term=x&filters=${encodeURIComponent('{"schema":{"value":"sales"}}')}`;
    stubSearch((request) => ({
      table: Object.keys(request.filters.table ?? {}).length > 0 && request.searchTerm === 'x' ? { total_results: 0, results: [] } : { total_results: 2, results: [table('a', { tags: ['kpi'] }), table('b')] },
    }));
    const user = userEvent.setup();
    const heading = () => screen.getByRole('heading', { level: 2, name: /tables$/ });

    // The filter panel's "Clear all" removes itself: focus goes to the panel's heading (in a browser,
    // where the panel folds, to its disclosure button: find-search-narrow.spec.ts).
    renderSearch(filtered);
    await screen.findByText('No tables match “x” with these filters');
    const [panelClear] = screen.getAllByRole('button', { name: 'Clear all filters' });
    expect(panelClear!.closest('.filters')).not.toBeNull();
    await user.click(panelClear!);
    await screen.findByRole('link', { name: 'sales.a' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: /^Filters/ }));
    cleanup();

    // The empty result's "Clear all filters".
    renderSearch(filtered);
    await screen.findByText('No tables match “x” with these filters');
    await user.click(within(screen.getByRole('region', { name: /tables/ })).getByRole('button', { name: 'Clear all filters' }));
    await screen.findByRole('link', { name: 'sales.a' });
    expect(document.activeElement).toBe(heading());
    cleanup();

    // A tag chip of a result (Enter on a link clicks it; user-event's Enter does not).
    function WithAppLinks() {
      useAppLinkClicks();
      return <SearchRoute />;
    }
    const { last } = renderAt('/search?term=x', '/search', <WithAppLinks />);
    const chip = await screen.findByRole('link', { name: 'kpi' });
    await user.click(chip);
    expect(last()).toMatchObject({ type: 'PUSH' });
    expect(last().search).toContain('"tag":{"value":"kpi"}');
    await waitFor(() => expect(document.activeElement).toBe(heading()));
  });

  it('says the catalog is empty, and who can fill it and how, when there is no table at all to find', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 0, results: [] } }));
    renderSearch('/search?term=orders');
    expect(await screen.findByText('The catalog is empty')).toBeTruthy();
    const body = screen.getByText(/^No tables have been loaded/).closest('.state__body')?.textContent ?? '';
    expect(body).toContain('No tables have been loaded into the catalog yet, so there is nothing to find.');
    expect(body).toContain('Whoever runs Nansen can load them: see “Loading metadata” in Nansen’s docs (docs/ingest.md).');
    expect(body).toContain('npm run catalog:import -- dbt loads a dbt project and npm run catalog:ingest loads NDJSON records.');
    expect(screen.queryByText(/Try fewer words/)).toBeNull();
    expect(screen.queryByText(/No tables match/)).toBeNull();
    expect(screen.getByTestId('results-status').textContent).toBe('Nothing to find: the catalog has no tables yet.');
    // One more request, for every table (one on the page), made only because nothing matched.
    expect(requests.map((r) => [r.searchTerm, r.resources, r.filters, r.resultsPerPage])).toEqual([['orders', ['table', 'dashboard'], {}, 10], ['', ['table'], {}, 1]]);
  });

  it('says the catalog is empty for a filter that matched nothing too', async () => {
    stubSearch(() => ({ table: { total_results: 0, results: [] } }));
    renderSearch(`/search?term=&filters=${encodeURIComponent('{"schema":{"value":"sales"}}')}`);
    expect(await screen.findByText('The catalog is empty')).toBeTruthy();
    expect(screen.queryByText(/Remove a filter/)).toBeNull();
  });

  it('keeps its advice about the search words when the catalog has tables, and asks nothing more when something matched', async () => {
    const requests = stubSearch((request) => ({ table: { total_results: request.searchTerm === '' ? 300 : 0, results: [] } }));
    renderSearch('/search?term=zzz');
    expect(await screen.findByText('No tables match “zzz”')).toBeTruthy();
    expect(screen.getByText(/Try fewer words/)).toBeTruthy();
    expect(screen.queryByText('The catalog is empty')).toBeNull();
    expect(requests.map((r) => r.searchTerm)).toEqual(['zzz', '']);
    cleanup();
    const found = stubSearch(() => ({ table: { total_results: 3, results: [table('a')] } }));
    renderSearch('/search?term=a');
    expect(await screen.findByRole('heading', { level: 2, name: '3 tables' })).toBeTruthy();
    expect(found.map((r) => r.searchTerm)).toEqual(['a']);
  });

  it('explains an empty result and a failed search', async () => {
    stubSearch((request) => (request.searchTerm === 'zzz' ? { table: { total_results: 0, results: [] } } : { status: 400, message: 'the table search has no filter "x"' }));
    renderSearch('/search?term=zzz');
    expect(await screen.findByText('No tables match “zzz”')).toBeTruthy();
    cleanup();
    renderSearch('/search?term=bad');
    expect((await screen.findByRole('alert')).textContent).toContain('the table search has no filter "x"');
  });

  it('asks for nothing without a term or filters, and browses every match of the filters without a term', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 125, results: [table('customers')] } }));
    renderSearch('/search?term=');
    expect(screen.getByText('What are you looking for?')).toBeTruthy();
    expect(requests).toHaveLength(0);
    cleanup();
    renderSearch(`/search?filters=${encodeURIComponent('{"tag":{"value":"pii"}}')}`);
    expect(await screen.findByRole('heading', { level: 2, name: '125 tables' })).toBeTruthy();
    expect(requests[0]).toMatchObject({ searchTerm: '', resources: ['table'], filters: { table: { tag: { value: 'pii', filterOperation: 'OR' } } } });
  });
});

describe('the results status', () => {
  /** The search page, with a way to search for other words as the nav bar's box does. */
  function SearchWithBox() {
    const navigate = useNavigate();
    return (
      <>
        <SearchRoute />
        <button type="button" onClick={() => void navigate('/search?term=zzzz')}>
          Search zzzz
        </button>
      </>
    );
  }

  it('is one region for the visit, emptied while loading, that says each settled search, page and tab, and a search that found nothing', async () => {
    let hold: Promise<void> | undefined;
    const answers = stubSearch((request) =>
      request.searchTerm === 'zzzz'
        ? { table: { total_results: 0, results: [] } }
        : { table: { total_results: 198, results: [table(`customers_${request.pageIndex}`)] }, dashboard: { total_results: 3, results: [dashboard('Customer churn')] } },
    );
    const answered = globalThis.fetch as (url: string, init: RequestInit) => Promise<Response>;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      await hold;
      return answered(url, init);
    });
    renderAt('/search?term=customers', '/search', <SearchWithBox />, testConfig({}, { indexDashboards: true }));
    const user = userEvent.setup();
    const region = screen.getByTestId('results-status');
    expect(region.getAttribute('role')).toBe('status');
    await waitFor(() => expect(region.textContent).toBe('198 tables for “customers”.'));

    // Held: the next page is loading (the last one kept on screen, dimmed), and the region says nothing meanwhile.
    let release = () => {};
    hold = new Promise((resolve) => (release = resolve));
    await user.click(screen.getByRole('link', { name: 'Next' }));
    await waitFor(() => expect(region.textContent).toBe(''));
    act(() => release());
    hold = undefined;
    await waitFor(() => expect(region.textContent).toBe('198 tables for “customers”, showing 11–20.'));
    expect(screen.getByTestId('results-status')).toBe(region);

    await user.click(screen.getByRole('tab', { name: /^Dashboards/ }));
    await waitFor(() => expect(region.textContent).toBe('3 dashboards for “customers”.'));
    expect(screen.getByTestId('results-status')).toBe(region);

    await user.click(screen.getByRole('button', { name: 'Search zzzz' }));
    await waitFor(() => expect(region.textContent).toBe('No tables found for “zzzz”.'));
    expect(screen.getByTestId('results-status')).toBe(region);
    // The range line under the heading is no status region of its own any more (it is recreated).
    expect(screen.getAllByRole('status').filter((s) => s.textContent !== '')).toEqual([region]);
    expect(answers.length).toBeGreaterThan(2);
  });

  it('says the filters of a search by filters alone', async () => {
    stubSearch(() => ({ table: { total_results: 1, results: [table('orders')] } }));
    renderSearch('/search?filters=%7B%22schema%22%3A%7B%22value%22%3A%22sales%22%7D%7D');
    await waitFor(() => expect(screen.getByTestId('results-status').textContent).toBe('1 table matching the filters.'));
  });
});

describe('filters and the URL', () => {
  it('applies typed values after a pause: the first change adds a history entry, later ones replace it', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    const { visits, last } = renderSearch('/search?term=orders');
    const user = userEvent.setup();
    const schema = await screen.findByRole('textbox', { name: 'Schema' });
    await user.type(schema, 'sal');
    expect(last().search).toBe('?term=orders');
    await pause();
    expect(last()).toMatchObject({ type: 'PUSH' });
    expect(filtersOf(last().search)).toEqual({ schema: { value: 'sal' } });
    await user.type(schema, 'es, core');
    await pause();
    expect(last()).toMatchObject({ type: 'REPLACE' });
    expect(filtersOf(last().search)).toEqual({ schema: { value: 'sales, core' } });
    expect(visits.filter((v) => v.type === 'PUSH')).toHaveLength(1);
    await waitFor(() => expect(requests.at(-1)?.filters).toEqual({ table: { schema: { value: 'sales,core', filterOperation: 'OR' } } }));
    expect(requests.at(-1)?.resources).toEqual(['table']);
  });

  it('applies a value at once on Enter and on leaving the field', async () => {
    stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    const { last } = renderSearch('/search?term=orders');
    const user = userEvent.setup();
    await user.type(await screen.findByRole('combobox', { name: 'Tag' }), 'pii{Enter}');
    expect(filtersOf(last().search)).toEqual({ tag: { value: 'pii' } });
    await user.type(screen.getByRole('textbox', { name: 'Column' }), 'customer_id');
    await user.tab();
    expect(filtersOf(last().search)).toEqual({ tag: { value: 'pii' }, column: { value: 'customer_id' } });
  });

  it('follows Back while the field still has focus, and leaving it then does not re-apply the old text', async () => {
    stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    const { visits, last } = renderSearch('/search?term=orders');
    const user = userEvent.setup();
    const tag = await screen.findByRole('combobox', { name: 'Tag' });
    await user.type(tag, 'pii{Enter}');
    expect(filtersOf(last().search)).toEqual({ tag: { value: 'pii' } });
    // Back from the browser's toolbar: the field keeps its focus.
    fireEvent.click(screen.getByRole('button', { name: 'Browser back' }));
    expect(last()).toMatchObject({ search: '?term=orders', type: 'POP' });
    expect(document.activeElement).toBe(tag);
    await waitFor(() => expect((tag as HTMLInputElement).value).toBe(''));
    await user.tab();
    expect(last()).toMatchObject({ search: '?term=orders', type: 'POP' });
    expect(visits.filter((v) => v.type === 'PUSH')).toHaveLength(1);
  });

  it('offers any / all once a filter has two values, and keeps the choice in the URL', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    const { last } = renderSearch(`/search?term=x&filters=${encodeURIComponent('{"tag":{"value":"pii"}}')}`);
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'sales.a' });
    expect(screen.queryByRole('group', { name: 'Match Tag' })).toBeNull();
    const tag = screen.getByRole('combobox', { name: 'Tag' });
    await user.type(tag, ',kpi{Enter}');
    const match = screen.getByRole('group', { name: 'Match Tag' });
    expect((within(match).getByRole('radio', { name: 'Any' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(match).getByRole('radio', { name: 'All' }));
    expect(filtersOf(last().search)).toEqual({ tag: { value: 'pii,kpi', filterOperation: 'AND' } });
    await waitFor(() => expect(requests.at(-1)?.filters).toEqual({ table: { tag: { value: 'pii,kpi', filterOperation: 'AND' } } }));
  });

  it('uses the operation a category fixes, and says so instead of offering a choice', async () => {
    const requests = stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    const config = testConfig({ resourceConfig: { table: { filterCategories: [{ categoryId: 'tag', displayName: 'Tag', type: 'inputFilter', allowableOperation: 'AND' }] } } as never });
    renderSearch(`/search?term=x&filters=${encodeURIComponent('{"tag":{"value":"pii,kpi","filterOperation":"OR"}}')}`, config);
    expect(await screen.findByText('Results match all of these.')).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(requests.find((r) => r.resources.length === 1)?.filters).toEqual({ table: { tag: { value: 'pii,kpi', filterOperation: 'AND' } } });
  });

  it('filters with checkboxes from the config', async () => {
    stubSearch(() => ({ dashboard: { total_results: 1, results: [dashboard('d')] } }));
    const config = testConfig({
      resourceConfig: {
        dashboard: { filterCategories: [{ categoryId: 'product', displayName: 'Product', type: 'checkboxFilter', options: [{ value: 'mode', displayName: 'Mode' }, { value: 'tableau' }] }] },
      } as never,
    });
    const { last } = renderSearch('/search?term=x&resource=dashboard', config);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Mode' }));
    await user.click(screen.getByRole('checkbox', { name: 'tableau' }));
    expect(filtersOf(last().search)).toEqual({ product: { value: 'mode,tableau' } });
    await user.click(screen.getByRole('checkbox', { name: 'Mode' }));
    expect(filtersOf(last().search)).toEqual({ product: { value: 'tableau' } });
  });

  it('clears every filter at once, and Back brings them back into the fields', async () => {
    stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    const { last } = renderSearch(`/search?term=x&filters=${encodeURIComponent('{"schema":{"value":"sales"},"tag":{"value":"pii"}}')}`);
    const user = userEvent.setup();
    expect((await screen.findByRole('textbox', { name: 'Schema' }) as HTMLInputElement).value).toBe('sales');
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    expect(last()).toMatchObject({ search: '?term=x', type: 'PUSH' });
    expect((screen.getByRole('textbox', { name: 'Schema' }) as HTMLInputElement).value).toBe('');
    await user.click(screen.getByRole('button', { name: 'Browser back' }));
    expect(last().type).toBe('POP');
    expect((screen.getByRole('textbox', { name: 'Schema' }) as HTMLInputElement).value).toBe('sales');
    expect((screen.getByRole('combobox', { name: 'Tag' }) as HTMLInputElement).value).toBe('pii');
  });

  it('has a "Filters (n active)" disclosure button in its heading, for where the panel is folded (narrow widths)', async () => {
    stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    renderSearch(`/search?term=x&filters=${encodeURIComponent('{"schema":{"value":"sales"},"tag":{"value":"pii"}}')}`);
    const panel = await screen.findByRole('region', { name: /^Filters/ });
    const toggle = within(within(panel).getByRole('heading', { level: 2 })).getByRole('button', { name: 'Filters (2 active)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.classList.contains('filters--folded')).toBe(true);
    const body = within(panel).getByRole('textbox', { name: 'Schema' }).closest('.filters__body')!;
    await userEvent.setup().click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(body.id);
    expect(panel.classList.contains('filters--folded')).toBe(false);
  });

  it('shows a filter from the URL that the config does not list, so it can be removed', async () => {
    stubSearch(() => ({ table: { total_results: 1, results: [table('a')] } }));
    const config = testConfig({ resourceConfig: { table: { filterCategories: [] } } as never });
    renderSearch(`/search?term=x&filters=${encodeURIComponent('{"badges":{"value":"certified"}}')}`, config);
    expect((await screen.findByRole('combobox', { name: 'badges' }) as HTMLInputElement).value).toBe('certified');
  });
});
