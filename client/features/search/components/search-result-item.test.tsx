// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../components/testing/render-with-app';
import { dashboard, person, table } from '../testing/search-fixtures';
import { SearchResultItem, type ResultAction } from './search-result-item';

afterEach(cleanup);

const action: ResultAction = (result) => <button type="button">{`Act on ${result.type} ${result.name}`}</button>;

describe('SearchResultItem', () => {
  it('shows what another feature adds (the bookmark toggle) beside the name of a table or dashboard result', () => {
    renderWithApp(
      <ol>
        <SearchResultItem result={table('orders')} action={action} />
        <SearchResultItem result={dashboard('Revenue')} action={action} />
        <SearchResultItem result={person('Liv Arnesen')} action={action} />
      </ol>,
    );
    const [orders, revenue, liv] = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-search-result'));
    expect(within(orders!).getByRole('button', { name: 'Act on table orders' })).toBeTruthy();
    expect(within(revenue!).getByRole('button', { name: 'Act on dashboard Revenue' })).toBeTruthy();
    // People cannot be bookmarked.
    expect(within(liv!).queryByRole('button')).toBeNull();
  });

  it('shows no action where none is given', () => {
    renderWithApp(
      <ol>
        <SearchResultItem result={table('orders')} />
      </ol>,
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('heading', { name: 'sales.orders' })).toBeTruthy();
  });

  // A long name broke one letter from its end beside the star at 400 px ("snap_apac_chargebacks_funne", "l").
  it('lets a long table or dashboard name wrap after each underscore, dot and slash (a <wbr> there), its matches still marked', () => {
    const { container } = renderWithApp(
      <ol>
        <SearchResultItem result={table('snap_apac_chargebacks_funnel', { schema: 'finance', highlight: { name: ['snap_apac_<em>charge</em>backs_funnel'] } })} action={action} />
        <SearchResultItem result={dashboard('sales/kpi_board')} action={action} />
      </ol>,
    );
    const [tableName, dashboardName] = [...container.querySelectorAll('h3 a')];
    expect(tableName!.innerHTML).toBe('finance.<wbr>snap_<wbr>apac_<wbr><mark>charge</mark>backs_<wbr>funnel');
    expect(dashboardName!.innerHTML).toBe('sales/<wbr>kpi_<wbr>board');
    // Named as before: the <wbr>s add nothing to what is said.
    expect(screen.getByRole('link', { name: 'finance.snap_apac_chargebacks_funnel' })).toBeTruthy();
  });

  // Finding 7 of the curate pass: results showed a description's Markdown source.
  it('shows a Markdown description as plain text, and a matching fragment of one with its matches still marked', () => {
    const description = '# Orders\n\nEvery **paid** order, see [the wiki](https://wiki.example.org/orders).\n\n| a | b |\n|---|---|';
    renderWithApp(
      <ol>
        <SearchResultItem result={table('orders', { description })} />
        <SearchResultItem result={dashboard('Revenue', { description: '## Weekly **revenue**', highlight: { description: ['## Weekly **<em>revenue</em>** by [<em>region</em>](https://x.example.org/<em>revenue</em>)'] } })} />
      </ol>,
    );
    const [orders, revenue] = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-search-result'));
    expect(orders!.querySelector('.result__description')?.textContent).toBe('Orders Every paid order, see the wiki. a · b');
    const fragment = revenue!.querySelector('.result__description')!;
    expect(fragment.textContent).toBe('Weekly revenue by region');
    expect([...fragment.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['revenue', 'region']);
  });

  it('names a table schema.table, its match marked, and says where it lives as the app\'s lists do', () => {
    renderWithApp(
      <ol>
        <SearchResultItem result={table('customers', { schema: 'core', highlight: { name: ['<em>customers</em>'] } })} />
      </ol>,
    );
    const link = screen.getByRole('link', { name: 'core.customers' });
    expect(link.querySelector('mark')?.textContent).toBe('customers');
    expect(screen.getByRole('heading', { name: 'core.customers' })).toBeTruthy();
    expect(document.querySelector('.result__meta')?.textContent).toBe('Table in Hive · gold');
  });

  it('lists the nested fields that matched by path, each leading to its column and field on the table page', () => {
    renderWithApp(
      <ol>
        <SearchResultItem result={table('checkouts', { highlight: {
          nested_fields: ['payload.<em>customer</em>_email', 'payload.lines.<em>customer</em>_note', '`a.b`.<em>customer</em>'],
          column_descriptions: ['The <em>customer</em>&#39;s email'],
        } })} />
      </ol>,
    );
    const row = screen.getByText('Nested fields').closest('div')!;
    const links = within(row).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['payload.customer_email', 'payload.lines.customer_note', '`a.b`.customer']);
    const query = (a: HTMLElement) => new URL(a.getAttribute('href')!, 'http://x').searchParams;
    // The column and the path below it are separate parts of the link: a column whose own name holds a
    // dot (quoted in the path, decision 067) is the column opened, not the part before its dot.
    expect(links.map((a) => [query(a).get('column'), query(a).get('field')])).toEqual([
      ['payload', 'customer_email'],
      ['payload', 'lines.customer_note'],
      ['a.b', 'customer'],
    ]);
    expect(links[0]!.querySelector('mark')?.textContent).toBe('customer');
    expect(screen.getByText('Column descriptions')).toBeTruthy();
  });

  it('labels a dashboard\'s date as its last successful run, which is what it is', () => {
    renderWithApp(
      <ol>
        <SearchResultItem result={dashboard('Revenue', { last_successful_run_timestamp: Date.UTC(2025, 4, 16, 12) / 1000 })} />
      </ol>,
    );
    expect(document.querySelector('.result__meta')?.textContent).toBe('Dashboard in Mode · Sales · last successful run May 16, 2025');
  });

  it('says a person\'s role and team and their email once, and whether they are no longer active', () => {
    renderWithApp(
      <ol>
        <SearchResultItem result={person('Liv Arnesen', { role_name: 'Data engineer', team_name: 'Platform', highlight: { email: ['<em>liv</em>.arnesen@example.org'] } })} />
        <SearchResultItem result={person('x@example.org', { user_id: 'x@example.org', email: 'x@example.org', role_name: 'Analyst' })} />
        <SearchResultItem result={person('Gone Person', { user_id: 'gone', email: null, is_active: false })} />
        <SearchResultItem result={person('y@example.org', { user_id: 'y@example.org', email: 'y@example.org' })} />
      </ol>,
    );
    const [liv, x, gone, y] = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-search-result'));
    const meta = (item: HTMLElement) => item.querySelector('.result__meta')?.textContent ?? null;
    expect(meta(liv!)).toBe('Data engineer · Platform · liv.arnesen@example.org');
    expect(liv!.querySelector('.result__meta mark')?.textContent).toBe('liv');
    // Known only by their email: it is the name already, not said again.
    expect(meta(x!)).toBe('Analyst');
    expect(x!.textContent!.split('x@example.org')).toHaveLength(2);
    expect(meta(gone!)).toBe('No longer active · gone');
    expect(meta(y!)).toBeNull();
  });

  it('says when a table was last updated, how long ago with the exact time beside it; nothing when the search service does not say (decision 107)', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 7, 12, 0, 0), toFake: ['Date'] });
    try {
      const updated = Date.UTC(2026, 11, 4, 9, 30, 0) / 1000;
      renderWithApp(
        <ol>
          <SearchResultItem result={table('orders', { last_updated_timestamp: updated })} />
          <SearchResultItem result={table('refunds', { last_updated_timestamp: null })} />
          <SearchResultItem result={table('payments')} />
        </ol>,
      );
      const [orders, refunds, payments] = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-search-result'));
      const time = within(orders!).getByTestId('result-updated');
      expect(time.textContent).toBe('Updated 3 days ago');
      expect(time.getAttribute('datetime')).toBe('2026-12-04T09:30:00.000Z');
      // The exact time is its title and is read after it (a title is not read out).
      expect(time.getAttribute('title')).toBe('Dec 04, 2026 9:30 am UTC');
      expect(orders!.querySelector('.result__meta')!.textContent).toContain(`Updated 3 days ago (${time.getAttribute('title')})`);
      expect(within(refunds!).queryByTestId('result-updated')).toBeNull();
      expect(within(payments!).queryByTestId('result-updated')).toBeNull();
      expect(payments!.querySelector('.result__meta')!.textContent).not.toMatch(/Updated/);
    } finally {
      vi.useRealTimers();
    }
  });
});
