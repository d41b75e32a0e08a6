// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardSummary } from '../../../../contract/api-dashboard';
import type { TableSummary } from '../../../../contract/api-table';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { renderWithApp, testConfig } from '../../../components/testing/render-with-app';
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

/** The BFF's bookmark list; DELETE takes one out once `release` is called. */
function stubBookmarks(lists: ResourceLists) {
  let saved = lists;
  const pending: (() => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      if (path !== '/api/metadata/v0/user/bookmark') throw new Error(`unexpected request to ${path}`);
      if ((init.method ?? 'GET') === 'GET') return Response.json({ msg: 'Success', bookmarks: saved });
      const body = JSON.parse(String(init.body)) as { type: 'table' | 'dashboard'; key: string };
      await new Promise<void>((resolve) => pending.push(resolve));
      saved = { ...saved, [body.type]: saved[body.type].filter((item) => item.key !== body.key) };
      return Response.json({ msg: 'Success' });
    }),
  );
  return { release: () => act(async () => pending.splice(0).forEach((resolve) => resolve())) };
}

function Url() {
  const location = useLocation();
  return <output aria-label="URL">{location.pathname + location.search}</output>;
}

function renderHome(lists: ResourceLists, { route = '/', dashboards = true } = {}) {
  const server = stubBookmarks(lists);
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

  it('opens the tab and page the URL names; a page past the end is the last', async () => {
    renderHome({ table: tables(32), dashboard: [] }, { route: '/?bookmarksPage=9' });
    expect(await screen.findByText('Showing 31–32 of 32')).toBeTruthy();
    expect(names(/^Bookmarked tables/)).toEqual(['sales.t31', 'sales.t32']);
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

  it('has a star per item beside its link, and removing a bookmark there hands focus to the next star', async () => {
    const user = userEvent.setup();
    const server = renderHome({ table: tables(3), dashboard: [] });
    const star = (name: string) => screen.getByRole('button', { name: `Bookmark ${name}` });
    await waitFor(() => expect(star('sales.t02').getAttribute('aria-pressed')).toBe('true'));
    expect(star('sales.t02').closest('a')).toBeNull();

    await user.click(star('sales.t02'));
    expect(names('Bookmarked tables')).toEqual(['sales.t01', 'sales.t03']);
    expect(document.activeElement).toBe(star('sales.t03'));
    await server.release();
    await user.click(star('sales.t03'));
    expect(document.activeElement).toBe(star('sales.t01'));
    await server.release();
  });
});
