// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TableSummary } from '../../../../contract/api-table';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { AppDataProvider } from '../../../app/app-data';
import { testConfig, testUser } from '../../../components/testing/render-with-app';
import { ProfileLists } from './profile-lists';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const table = (name: string): TableSummary => ({ type: 'table', key: `hive://gold.core/${name}`, database: 'hive', cluster: 'gold', schema: 'core', name, description: null, schema_description: null });
const owned = Array.from({ length: 23 }, (_, i) => table(`owned_${i + 1}`));
const read = Array.from({ length: 12 }, (_, i) => table(`read_${i + 1}`));
const liv = testUser({ user_id: 'liv.arnesen@example.org', email: 'liv.arnesen@example.org', first_name: 'Liv', last_name: 'Arnesen' });

/** The catalog's answers for Liv's lists, over real `fetch` calls. */
function stubCatalog() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      if (path.startsWith('/api/metadata/v0/user/own')) return Response.json({ msg: 'Success', own: { table: owned, dashboard: [] } });
      if (path.startsWith('/api/metadata/v0/user/read')) return Response.json({ msg: 'Success', read });
      return Response.json({ error: { name: 'NotFoundError', message: 'no such route' } }, { status: 404 });
    }),
  );
}

function Profile() {
  const bookmarks = useQuery({ queryKey: ['bookmarks-test'], queryFn: async (): Promise<ResourceLists> => ({ table: [], dashboard: [] }) });
  const location = useLocation();
  return (
    <>
      <ProfileLists user={liv} isMe={false} bookmarks={bookmarks} />
      <output aria-label="URL">{location.pathname + location.search}</output>
    </>
  );
}

/** Liv's profile at `url`, under a router whose history works as a browser's (`router.navigate(-1)` is Back). */
function renderAt(url: string) {
  stubCatalog();
  const router = createMemoryRouter(
    [
      { path: '/user/:userId', element: <Profile /> },
      { path: '/table_detail/:cluster/:database/:schema/:table', element: <p>table page</p> },
      { path: '/', element: <p>start</p> },
    ],
    { initialEntries: ['/', url], initialIndex: 1 },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <AppDataProvider value={{ config: testConfig({ searchPagination: { resultsPerPage: 10 } }, { indexUsers: true, indexDashboards: false }), user: testUser() }}>
        <RouterProvider router={router} />
      </AppDataProvider>
    </QueryClientProvider>,
  );
  return router;
}

const url = () => screen.getByRole('status', { name: 'URL' }).textContent;
const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent;
const firstShown = async (list: string) => within(await screen.findByRole('list', { name: new RegExp(`^${list}`) })).getAllByRole('link')[0]!.textContent;

describe('ProfileLists', () => {
  it('puts the tab and the page in the URL, replacing it, so Back from a table opened there returns to them', async () => {
    const user = userEvent.setup();
    const router = renderAt('/user/liv.arnesen%40example.org');
    expect(await firstShown('Owned tables')).toBe('core.owned_1');

    await user.click(screen.getByRole('link', { name: 'Next' }));
    expect(url()).toBe('/user/liv.arnesen%40example.org?page=2');
    expect(await firstShown('Owned tables')).toBe('core.owned_11');
    const pages = screen.getByRole('navigation', { name: 'Pages of owned tables' });
    expect(pages.textContent).toContain('Page 2 of 3');
    expect(screen.getByText('Showing 11–20 of 23')).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: /Frequently used/ }));
    expect(url()).toBe('/user/liv.arnesen%40example.org?tab=read');
    expect(await firstShown('Frequently used tables')).toBe('core.read_1');
    await user.click(screen.getByRole('link', { name: 'Next' }));
    expect(url()).toBe('/user/liv.arnesen%40example.org?tab=read&page=2');
    expect(await firstShown('Frequently used tables')).toBe('core.read_11');

    // Tabs and pages replaced the entry: one Back from the table lands on them, the next leaves the profile.
    await user.click(screen.getByRole('link', { name: 'core.read_11' }));
    expect(await screen.findByText('table page')).toBeTruthy();
    await act(() => router.navigate(-1));
    expect(url()).toBe('/user/liv.arnesen%40example.org?tab=read&page=2');
    expect(selectedTab()).toContain('Frequently used');
    expect(await firstShown('Frequently used tables')).toBe('core.read_11');
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/');
  });

  it('opens the tab and page a URL names (a reload, a shared link)', async () => {
    renderAt('/user/liv.arnesen%40example.org?tab=read&page=2');
    expect(selectedTab()).toContain('Frequently used');
    expect(await firstShown('Frequently used tables')).toBe('core.read_11');
  });

  it('falls back to the first tab and page for ones that are not there, and to the last page past the end', async () => {
    renderAt('/user/liv.arnesen%40example.org?tab=edits&page=abc');
    expect(selectedTab()).toContain('Owned');
    expect(await firstShown('Owned tables')).toBe('core.owned_1');
    cleanup();

    renderAt('/user/liv.arnesen%40example.org?tab=nope&page=0');
    expect(selectedTab()).toContain('Owned');
    expect(await firstShown('Owned tables')).toBe('core.owned_1');
    cleanup();

    renderAt('/user/liv.arnesen%40example.org?page=99');
    expect(await firstShown('Owned tables')).toBe('core.owned_21');
    expect(screen.getByRole('navigation', { name: 'Pages of owned tables' }).textContent).toContain('Page 3 of 3');
  });

  it('replaces a page past the end in the URL by the last page, and a malformed one by the first, keeping the tab', async () => {
    for (const [from, to] of [
      ['?page=99', '?page=3'],
      ['?tab=read&page=99', '?tab=read&page=2'],
      ['?page=abc', ''],
      ['?page=1', ''],
    ]) {
      const router = renderAt(`/user/liv.arnesen%40example.org${from}`);
      await waitFor(() => expect(url(), from).toBe(`/user/liv.arnesen%40example.org${to}`));
      expect(router.state.historyAction, from).toBe('REPLACE');
      await act(() => router.navigate(-1));
      expect(router.state.location.pathname, from).toBe('/');
      cleanup();
    }
  });

  it('replaces a tab the URL names that is not there with the default one: the URL says the tab shown, Back skips the bad one', async () => {
    for (const [from, to] of [
      ['?tab=nonsense', ''],
      ['?tab=nonsense&page=2', '?page=2'],
      ['?tab=edits', ''],
      ['?tab=owned', ''],
      ['?tab=', ''],
    ]) {
      const router = renderAt(`/user/liv.arnesen%40example.org${from}`);
      expect(selectedTab(), from).toContain('Owned');
      await waitFor(() => expect(url(), from).toBe(`/user/liv.arnesen%40example.org${to}`));
      expect(router.state.historyAction, from).toBe('REPLACE');
      await act(() => router.navigate(-1));
      expect(router.state.location.pathname, from).toBe('/');
      cleanup();
    }
    // A tab that is there stays as it is.
    renderAt('/user/liv.arnesen%40example.org?tab=read');
    expect(await firstShown('Frequently used tables')).toBe('core.read_1');
    expect(url()).toBe('/user/liv.arnesen%40example.org?tab=read');
  });

  it('starts another tab on its first page', async () => {
    const user = userEvent.setup();
    renderAt('/user/liv.arnesen%40example.org?page=2');
    expect(await firstShown('Owned tables')).toBe('core.owned_11');
    await user.click(screen.getByRole('tab', { name: /Frequently used/ }));
    expect(url()).toBe('/user/liv.arnesen%40example.org?tab=read');
    expect(await firstShown('Frequently used tables')).toBe('core.read_1');
  });
});
