// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation, useNavigationType } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardSummary } from '../../../../contract/api-dashboard';
import type { TableSummary } from '../../../../contract/api-table';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { renderWithApp, testConfig, toastsSaid } from '../../../components/testing/render-with-app';
import { BOOKMARKS_PER_PAGE, MyBookmarks } from './my-bookmarks';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const table = (name: string): TableSummary => ({ type: 'table', key: `hive://gold.sales/${name}`, cluster: 'gold', database: 'hive', schema: 'sales', name, description: null, schema_description: null });
const dashboard = (name: string): DashboardSummary => ({
  type: 'dashboard', key: `mode_dashboard://prod.sales/${name}`, uri: `mode_dashboard://prod.sales/${name}`, cluster: 'prod', group_name: null, group_url: null,
  product: 'mode', name, url: null, description: null, last_successful_run_timestamp: null, chart_names: [],
});
const tables = (n: number) => Array.from({ length: n }, (_, i) => table(`t${String(i + 1).padStart(2, '0')}`));

/**
 * The BFF's bookmark list: PUT adds one first (the newest), DELETE takes one out, each once `release` is
 * called. `refuse` answers every write with that status and error body instead.
 */
function stubBookmarks(lists: ResourceLists, refuse?: { status: number; error: { name: string; message: string; code?: string } }) {
  let saved = lists;
  const pending: (() => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      if (path !== '/api/metadata/v0/user/bookmark') throw new Error(`unexpected request to ${path}`);
      if ((init.method ?? 'GET') === 'GET') return Response.json({ msg: 'Success', bookmarks: saved });
      const body = JSON.parse(String(init.body)) as { type: 'table' | 'dashboard'; key: string };
      await new Promise<void>((resolve) => pending.push(resolve));
      if (refuse) return Response.json({ error: refuse.error }, { status: refuse.status });
      const all = [...lists.table, ...lists.dashboard];
      const rest = saved[body.type].filter((item) => item.key !== body.key);
      saved = { ...saved, [body.type]: init.method === 'PUT' ? [all.find((item) => item.key === body.key)!, ...rest] : rest };
      return Response.json({ msg: 'Success' });
    }),
  );
  return { release: () => act(async () => pending.splice(0).forEach((resolve) => resolve())), saved: () => saved };
}

function Url() {
  const location = useLocation();
  const type = useNavigationType();
  return (
    <>
      <output aria-label="URL">{location.pathname + location.search}</output>
      <output aria-label="Navigation">{type}</output>
    </>
  );
}

function renderHome(lists: ResourceLists, { route = '/', dashboards = true, refuse }: { route?: string; dashboards?: boolean; refuse?: Parameters<typeof stubBookmarks>[1] } = {}) {
  const server = stubBookmarks(lists, refuse);
  renderWithApp(
    <>
      <MyBookmarks showDashboards={dashboards} />
      <Url />
    </>,
    { route, config: testConfig({}, { indexDashboards: dashboards }) },
  );
  return server;
}

const url = () => screen.getByRole('status', { name: 'URL' }).textContent;
const navigation = () => screen.getByRole('status', { name: 'Navigation' }).textContent;
const names = (list: string | RegExp) => within(screen.getByRole('list', { name: list })).getAllByRole('link').map((a) => a.textContent);

describe('MyBookmarks', () => {
  it('shows a page of bookmarks at a time in a tab per type with its count, the page and tab in the URL', async () => {
    const user = userEvent.setup();
    renderHome({ table: tables(32), dashboard: [dashboard('weekly'), dashboard('churn')] });

    const tabs = await screen.findByRole('tablist', { name: 'Bookmarks by type' });
    expect(within(tabs).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Tables32', 'Dashboards2']);
    expect(screen.getByRole('tab', { name: /Tables/ }).getAttribute('aria-selected')).toBe('true');
    expect(names(/^Bookmarked tables/)).toEqual(tables(BOOKMARKS_PER_PAGE).map((t) => `sales.${t.name}`));
    expect(screen.getByText('Showing 1–10 of 32')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Pages of bookmarked tables' }).textContent).toContain('Page 1 of 4');

    await user.click(screen.getByRole('link', { name: 'Next' }));
    expect(url()).toBe('/?bookmarksPage=2');
    expect(names('Bookmarked tables, 11 to 20 of 32')[0]).toBe('sales.t11');

    await user.click(screen.getByRole('tab', { name: /Dashboards/ }));
    expect(url()).toBe('/?bookmarks=dashboard');
    expect(names('Bookmarked dashboards')).toEqual(['weekly', 'churn']);
    expect(screen.queryByRole('navigation', { name: /Pages of/ })).toBeNull();
  });

  it('opens the tab and page the URL names; a page past the end is the last, and the URL is replaced to say so', async () => {
    renderHome({ table: tables(32), dashboard: [] }, { route: '/?bookmarksPage=9' });
    expect(await screen.findByText('Showing 31–32 of 32')).toBeTruthy();
    expect(names(/^Bookmarked tables/)).toEqual(['sales.t31', 'sales.t32']);
    await waitFor(() => expect(url()).toBe('/?bookmarksPage=4'));
    expect(navigation()).toBe('REPLACE');
    cleanup();

    // Fewer bookmarks than when the link was made (the last of the last page removed, then reloaded): page 1 of 1.
    renderHome({ table: tables(10), dashboard: [dashboard('weekly')] }, { route: '/?q=x&bookmarksPage=2' });
    expect(await screen.findByRole('list', { name: 'Bookmarked tables' })).toBeTruthy();
    await waitFor(() => expect(url()).toBe('/?q=x'));
    expect(navigation()).toBe('REPLACE');
    cleanup();

    // A page of a tab with no bookmarks, or a page number written oddly, is the first page: no parameter.
    renderHome({ table: tables(3), dashboard: [] }, { route: '/?bookmarks=dashboard&bookmarksPage=3' });
    expect(await screen.findByText('No bookmarked dashboards')).toBeTruthy();
    await waitFor(() => expect(url()).toBe('/?bookmarks=dashboard'));
    cleanup();
    renderHome({ table: tables(12), dashboard: [] }, { route: '/?bookmarksPage=abc' });
    expect(await screen.findByText('Showing 1–10 of 12')).toBeTruthy();
    await waitFor(() => expect(url()).toBe('/'));
  });

  it('keeps the focus where it is when the page in the URL is corrected', async () => {
    const server = stubBookmarks({ table: tables(32), dashboard: [] });
    renderWithApp(
      <>
        <button type="button">Before</button>
        <MyBookmarks showDashboards />
        <Url />
      </>,
      { route: '/?bookmarksPage=5' },
    );
    screen.getByRole('button', { name: 'Before' }).focus();
    expect(await screen.findByText('Showing 31–32 of 32')).toBeTruthy();
    const previous = screen.getByRole('link', { name: 'Previous' });
    previous.focus();
    await waitFor(() => expect(url()).toBe('/?bookmarksPage=4'));
    // The same link, still focused: the page shown did not change, only its address.
    expect(document.activeElement).toBe(previous);
    expect(previous.isConnected).toBe(true);
    void server;
  });

  it('says a tab has nothing, and keeps the tabs', async () => {
    renderHome({ table: tables(3), dashboard: [] }, { route: '/?bookmarks=dashboard' });
    expect(await screen.findByText('No bookmarked dashboards')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Dashboards/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: /Tables/ }).textContent).toBe('Tables3');
  });

  it('has no tabs and no dashboards while dashboards are off, whatever the URL says', async () => {
    renderHome({ table: tables(2), dashboard: [dashboard('weekly')] }, { route: '/?bookmarks=dashboard', dashboards: false });
    expect(await screen.findByRole('list', { name: 'Bookmarked tables' })).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByText('weekly')).toBeNull();
  });

  it('says there are no bookmarks at all once, without tabs', async () => {
    renderHome({ table: [], dashboard: [] });
    expect(await screen.findByText('No bookmarks yet')).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  const star = (name: string) => screen.getByRole('button', { name: `Bookmark ${name}` });
  const pressed = (name: string) => star(name).getAttribute('aria-pressed');
  const rowOf = (name: string) => star(name).closest('li')!;

  it('has a star per item beside its link; removing a bookmark keeps its row in place, muted, with the focus on its star, and the star puts it back there', async () => {
    const user = userEvent.setup();
    const server = renderHome({ table: tables(3), dashboard: [dashboard('weekly')] });
    await waitFor(() => expect(pressed('sales.t02')).toBe('true'));
    expect(star('sales.t02').closest('a')).toBeNull();
    expect(screen.getByRole('tab', { name: /Tables/ }).textContent).toBe('Tables3');

    await user.click(star('sales.t02'));
    // At once: the same row, its star empty (same name, aria-pressed says it), "Removed", the focus still there.
    expect(names('Bookmarked tables')).toEqual(['sales.t01', 'sales.t02', 'sales.t03']);
    expect(pressed('sales.t02')).toBe('false');
    expect(within(rowOf('sales.t02')).getByText('Removed')).toBeTruthy();
    expect(within(rowOf('sales.t01')).queryByText('Removed')).toBeNull();
    expect(document.activeElement).toBe(star('sales.t02'));
    expect(screen.getByRole('tab', { name: /Tables/ }).textContent).toBe('Tables2');
    await server.release();
    // Said to screen readers once the server has it; still in place after the list is read again.
    await waitFor(() => expect(toastsSaid()).toBe('Bookmark of sales.t02 removed'));
    expect(server.saved().table.map((t) => t.name)).toEqual(['t01', 't03']);
    await waitFor(() => expect(names('Bookmarked tables')).toEqual(['sales.t01', 'sales.t02', 'sales.t03']));
    expect(pressed('sales.t02')).toBe('false');

    // Pressed again: bookmarked again, in its place (the server has it first now, as the newest).
    await user.click(star('sales.t02'));
    expect(pressed('sales.t02')).toBe('true');
    expect(within(rowOf('sales.t02')).queryByText('Removed')).toBeNull();
    expect(document.activeElement).toBe(star('sales.t02'));
    expect(screen.getByRole('tab', { name: /Tables/ }).textContent).toBe('Tables3');
    await server.release();
    await waitFor(() => expect(toastsSaid()).toBe('Bookmarked sales.t02'));
    expect(server.saved().table.map((t) => t.name)).toEqual(['t02', 't01', 't03']);
    expect(names('Bookmarked tables')).toEqual(['sales.t01', 'sales.t02', 'sales.t03']);
  });

  it('keeps the pages as they were: a row removed on page 1 moves no bookmark off page 2, and the range says how many are removed', async () => {
    const user = userEvent.setup();
    const server = renderHome({ table: tables(12), dashboard: [] });
    await waitFor(() => expect(pressed('sales.t03')).toBe('true'));
    await user.click(star('sales.t03'));
    await server.release();
    await waitFor(() => expect(toastsSaid()).toBe('Bookmark of sales.t03 removed'));
    expect(screen.getByText('Showing 1–10 of 12 (1 removed)')).toBeTruthy();
    expect(names(/^Bookmarked tables/)).toHaveLength(10);
    expect(screen.getByRole('tab', { name: /Tables/ }).textContent).toBe('Tables11');

    await user.click(screen.getByRole('link', { name: 'Next' }));
    expect(names('Bookmarked tables, 11 to 12 of 12')).toEqual(['sales.t11', 'sales.t12']);
  });

  it('keeps the only bookmark removed in its place, so it can be put back', async () => {
    const user = userEvent.setup();
    const server = renderHome({ table: tables(1), dashboard: [] });
    await waitFor(() => expect(pressed('sales.t01')).toBe('true'));
    await user.click(star('sales.t01'));
    await server.release();
    await waitFor(() => expect(toastsSaid()).toBe('Bookmark of sales.t01 removed'));
    expect(screen.queryByText('No bookmarks yet')).toBeNull();
    expect(screen.queryByText('No bookmarked tables')).toBeNull();
    expect(within(rowOf('sales.t01')).getByText('Removed')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Tables/ }).textContent).toBe('Tables0');
  });

  it('puts the row back as it was when the server refuses, with a toast; a refusal because another tab signed in as someone else shows none', async () => {
    const user = userEvent.setup();
    const server = renderHome({ table: tables(2), dashboard: [] }, { refuse: { status: 500, error: { name: 'Error', message: 'The catalog is down.' } } });
    await waitFor(() => expect(pressed('sales.t01')).toBe('true'));
    await user.click(star('sales.t01'));
    expect(within(rowOf('sales.t01')).getByText('Removed')).toBeTruthy();
    await server.release();
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Could not remove the bookmark of sales.t01The catalog is down.');
    expect(pressed('sales.t01')).toBe('true');
    expect(within(rowOf('sales.t01')).queryByText('Removed')).toBeNull();
    cleanup();

    const stale = renderHome(
      { table: tables(2), dashboard: [] },
      { refuse: { status: 409, error: { name: 'ConflictError', message: 'You are now signed in as Liv Arnesen in another tab or window; reload this page.', code: 'session_user_changed' } } },
    );
    await waitFor(() => expect(pressed('sales.t01')).toBe('true'));
    await user.click(star('sales.t01'));
    await stale.release();
    await waitFor(() => expect(pressed('sales.t01')).toBe('true'));
    expect(within(rowOf('sales.t01')).queryByText('Removed')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/Could not remove/)).toBeNull();
  });
});
