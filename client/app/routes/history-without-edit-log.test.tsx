// @vitest-environment jsdom
// Against a metadata service that keeps no edit log (Amundsen's), the app asks for one edit history and
// then no more (decision 056): the next table, dashboard and profile pages show no count on their
// History and Edits tabs, and the tabs say history is not available without asking. Against the
// embedded catalog, every page still asks for its history and shows its count (decision 048).
// Each page is rendered anew with the same query client, as the app moves between pages.
import { QueryClient } from '@tanstack/react-query';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardDetail } from '../../../contract/api-dashboard';
import type { EditHistoryResponse } from '../../../contract/api-edits';
import { parseTableKey } from '../../../contract/table-key';
import { renderWithApp, testConfig, testUser } from '../../components/testing/render-with-app';
import { isEditLogMissing } from '../../features/edit-history/api/edit-log-missing';
import { UNAVAILABLE_TEXT } from '../../features/edit-history/components/history-view';
import { edit } from '../../features/edit-history/testing/edit-fixtures';
import { editableTable } from '../../features/table/testing/edit-fixtures';
import { dashboardPath, tablePath, userPath } from '../paths';
import { DashboardRoute } from './dashboard-route';
import { TableRoute } from './table-route';
import { UserRoute } from './user-route';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ORDERS = 'hive://gold.sales/orders';
const CUSTOMERS = 'hive://gold.sales/customers';
const URI = 'mode_dashboard://prod.sales/churn';
const ANN = 'ann@x.org';

const dashboard: DashboardDetail = {
  type: 'dashboard', key: URI, uri: URI, cluster: 'prod', group_name: null, group_url: null, product: 'mode', name: 'Churn', url: null, description: null,
  last_successful_run_timestamp: null, chart_names: [], created_timestamp: null, updated_timestamp: null, last_run_timestamp: null, last_run_state: null,
  owners: [], frequent_users: [], query_names: [], queries: [], tables: [], tags: [], badges: [], recent_view_count: 0,
  edit_rights: { descriptions: false, tags: true, owners: false, reason: null },
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Stubs fetch like the BFF over a service that keeps an edit log (two edits per history) or none (Amundsen's answer); returns the history requests. */
function stubBff(editLog: 'kept' | 'none') {
  const histories: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://nansen.test');
    const path = url.pathname.replace('/api/metadata/v0', '');
    if (path === '/edits' || path === '/user/edits') {
      histories.push(`${path}?${url.searchParams}`);
      const answer: EditHistoryResponse = editLog === 'none'
        ? { msg: 'The metadata service keeps no edit history.', available: false, edits: [], next_before: null, total: null }
        : { msg: 'Success', available: true, edits: [edit(), edit()], next_before: null, total: 2 };
      return json(answer);
    }
    if (path === '/table') {
      const key = url.searchParams.get('key')!;
      const { name } = parseTableKey(key)!;
      return json({ msg: 'ok', tableData: editableTable({ key, name }) });
    }
    if (path === '/put_table_description' && init.method === 'PUT') return json({ msg: 'ok', description: (JSON.parse(String(init.body)) as { description: string }).description });
    if (path === '/dashboard') return json({ msg: 'ok', dashboard });
    if (path === '/user') return json({ msg: 'Success', user: testUser({ user_id: ANN, first_name: 'Ann', last_name: 'Slash', display_name: 'Ann Slash', full_name: 'Ann Slash' }) });
    if (path === '/user/own') return json({ msg: 'Success', own: { table: [], dashboard: [] } });
    if (path === '/user/bookmark') return json({ msg: 'Success', bookmarks: { table: [], dashboard: [] } });
    return json({ error: { name: 'NotFoundError', message: `No route ${url.pathname} in this test` } }, 404);
  }));
  return histories;
}

/** Opens a page, the one before it gone, with the app's query client (lineage off: the pages ask for their own data and history only). */
function openPage(queryClient: QueryClient, route: string) {
  cleanup();
  renderWithApp(
    <Routes>
      <Route path="/table_detail/:cluster/:database/:schema/:table" element={<TableRoute />} />
      <Route path="/dashboard/:uri" element={<DashboardRoute />} />
      <Route path="/user/:userId" element={<UserRoute />} />
    </Routes>,
    { queryClient, route, config: testConfig({ tableLineage: { inAppListEnabled: false, defaultLineageDepth: 5 } }, { indexDashboards: true, indexUsers: true }) },
  );
}

const tablePage = (key: string) => {
  const { database, cluster, schema, name } = parseTableKey(key)!;
  return tablePath({ database, cluster, schema, name });
};
const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const countOf = (tab: HTMLElement) => tab.querySelector('.count')?.textContent ?? null;

/** Opens the tab named `name` and returns it and the text its panel ends up with (unavailable, or the edits listed). */
async function openTab(name: RegExp) {
  const tab = await screen.findByRole('tab', { name });
  await userEvent.setup().click(tab);
  const panel = screen.getByRole('tabpanel');
  await waitFor(() => expect(within(panel).queryByText(`${UNAVAILABLE_TEXT}.`) ?? within(panel).queryAllByTestId('edit')[0]).toBeTruthy());
  return { tab, unavailable: within(panel).queryByText(`${UNAVAILABLE_TEXT}.`) !== null };
}

describe('edit histories against a metadata service without an edit log', () => {
  it('asks for one history, then none: the next table, dashboard and profile pages say history is not available without asking', async () => {
    const histories = stubBff('none');
    const queryClient = newQueryClient();

    openPage(queryClient, tablePage(ORDERS));
    await waitFor(() => expect(isEditLogMissing(queryClient)).toBe(true));
    expect(histories).toHaveLength(1);
    // An edit on the page refetches every history the page shows (decision 048): none now.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    const box = screen.getByRole('textbox', { name: 'Description of sales.orders' });
    await user.clear(box);
    await user.type(box, 'Every order');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Description of sales.orders' })).toBeNull());
    const orders = await openTab(/^History/);
    expect([orders.tab.textContent, orders.unavailable]).toEqual(['History', true]);

    openPage(queryClient, tablePage(CUSTOMERS));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toContain('customers');
    const customers = await openTab(/^History/);
    expect([customers.tab.textContent, customers.unavailable]).toEqual(['History', true]);

    openPage(queryClient, dashboardPath(URI));
    const dashboardTab = await openTab(/^History/);
    expect([dashboardTab.tab.textContent, dashboardTab.unavailable]).toEqual(['History', true]);

    openPage(queryClient, userPath(ANN));
    const edits = await openTab(/^Edits/);
    expect([edits.tab.textContent, edits.unavailable]).toEqual(['Edits', true]);

    expect(histories).toEqual([`/edits?type=table&key=${encodeURIComponent(ORDERS)}`]);
  });

  it('asks again after a reload (a new query client): the page learns it anew from the BFF', async () => {
    const histories = stubBff('none');
    openPage(newQueryClient(), tablePage(ORDERS));
    expect((await openTab(/^History/)).unavailable).toBe(true);
    openPage(newQueryClient(), tablePage(ORDERS));
    expect((await openTab(/^History/)).unavailable).toBe(true);
    expect(histories).toHaveLength(2);
  });
});

describe('edit histories against the embedded catalog (it keeps a log)', () => {
  it("asks for every page's history and shows each count", async () => {
    const histories = stubBff('kept');
    const queryClient = newQueryClient();
    for (const [route, tabName] of [[tablePage(ORDERS), /^History/], [tablePage(CUSTOMERS), /^History/], [dashboardPath(URI), /^History/], [userPath(ANN), /^Edits/]] as const) {
      openPage(queryClient, route);
      const tab = await screen.findByRole('tab', { name: tabName });
      await waitFor(() => expect(countOf(tab)).toBe('2'));
    }
    expect(histories.map((asked) => asked.split('?')[0])).toEqual(['/edits', '/edits', '/edits', '/user/edits']);
  });
});
