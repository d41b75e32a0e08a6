// @vitest-environment jsdom
// A profile link opens that person's profile, whatever their id holds: react-router decodes `:userId`
// and turns a "%2F" left in it into "/", so the page reads the id from the encoded path (userIdFromPath).
import { QueryClient } from '@tanstack/react-query';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation, useNavigationType } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EditHistoryResponse } from '../../../contract/api-edits';
import { renderWithApp, testConfig, testUser } from '../../components/testing/render-with-app';
import { UNAVAILABLE_TEXT } from '../../features/edit-history/components/history-view';
import { clientConfigQueryOptions } from '../app-data';
import { userPath } from '../paths';
import { prefetch, UserRoute } from './user-route';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type History = Omit<EditHistoryResponse, 'total'> & { total?: number | null };
const HISTORY: History = { msg: 'Success', available: true, edits: [], next_before: null };

/** The user ids the page asked the BFF about, from a fetch that answers every call with `userId`'s profile (and `history` for their edits). */
function stubBff(userId: string, history: History = HISTORY): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://nansen.test');
    const id = url.searchParams.get('user_id');
    if (id !== null) asked.push(id);
    const user = testUser({ user_id: userId, email: null, first_name: 'Ann', last_name: 'Slash', display_name: 'Ann Slash', full_name: 'Ann Slash' });
    const body = url.pathname === '/api/metadata/v0/user' ? { msg: 'Success', user }
      : url.pathname.endsWith('/own') ? { msg: 'Success', own: { table: [], dashboard: [] } }
      : url.pathname.endsWith('/read') ? { msg: 'Success', read: [] }
      : url.pathname.endsWith('/bookmark') ? { msg: 'Success', bookmarks: { table: [], dashboard: [] } }
      : history;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }));
  return asked;
}

/** "/" (raw, as the tester's), the text "%2F" which react-router's params turn into "/", and both at once. */
const IDS = ['a/b@x.org', "o'brien/ä#1?x=y z", '50%2F50', 'team%2Flead/x'];

/** Where the router is, and how it got there (PUSH, REPLACE or POP), as text the test reads. */
function WhereAmI() {
  const location = useLocation();
  return <output data-testid="where">{`${useNavigationType()} ${location.pathname}${location.search}${location.hash}`}</output>;
}

describe('the profile route', () => {
  it('moves a profile opened by an email id in other case to the person\'s own id, in place, keeping the query and hash (decision 088)', async () => {
    const asked = stubBff('ann.slash@x.org');
    renderWithApp(
      <Routes><Route path="/user/:userId" element={<><UserRoute /><WhereAmI /></>} /></Routes>,
      { route: `${userPath('Ann.Slash@X.org')}?tab=read#top`, config: testConfig({}, { indexUsers: true }) },
    );
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe(`REPLACE ${userPath('ann.slash@x.org')}?tab=read#top`));
    expect(await screen.findByRole('heading', { level: 1, name: /Ann Slash/ })).toBeTruthy();
    // From then on the page asks about the person's own id.
    await waitFor(() => expect(asked.at(-1)).toBe('ann.slash@x.org'));
  });

  it('moves a profile opened by an id with whitespace around it to the person\'s own id, in place (decision 093)', async () => {
    const asked = stubBff('ann.slash@x.org');
    renderWithApp(
      <Routes><Route path="/user/:userId" element={<><UserRoute /><WhereAmI /></>} /></Routes>,
      { route: `${userPath(' Ann.Slash@x.org\n')}?tab=read`, config: testConfig({}, { indexUsers: true }) },
    );
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe(`REPLACE ${userPath('ann.slash@x.org')}?tab=read`));
    expect(await screen.findByRole('heading', { level: 1, name: /Ann Slash/ })).toBeTruthy();
    await waitFor(() => expect(asked.at(-1)).toBe('ann.slash@x.org'));
  });

  it('stays at an id the BFF answered with another person than case alone would make', async () => {
    stubBff('ann.slash@y.org');
    renderWithApp(
      <Routes><Route path="/user/:userId" element={<><UserRoute /><WhereAmI /></>} /></Routes>,
      { route: userPath('Ann.Slash@X.org'), config: testConfig({}, { indexUsers: true }) },
    );
    expect(await screen.findByRole('heading', { level: 1, name: /Ann Slash/ })).toBeTruthy();
    expect(screen.getByTestId('where').textContent).toBe(`POP ${userPath('Ann.Slash@X.org')}`);
  });

  it.each(IDS)('asks the BFF about exactly %s', async (userId) => {
    const asked = stubBff(userId);
    renderWithApp(<Routes><Route path="/user/:userId" element={<UserRoute />} /></Routes>, { route: userPath(userId), config: testConfig({}, { indexUsers: true }) });
    expect(await screen.findByRole('heading', { level: 1, name: /Ann Slash/ })).toBeTruthy();
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set([userId]));
  });

  it('shows the count of the person\'s edits on the Edits tab, formatted as the other tabs\' counts', async () => {
    stubBff('ann@x.org', { ...HISTORY, total: 1234 });
    renderWithApp(<Routes><Route path="/user/:userId" element={<UserRoute />} /></Routes>, { route: userPath('ann@x.org'), config: testConfig({}, { indexUsers: true }) });
    const tab = await screen.findByRole('tab', { name: /^Edits/ });
    await waitFor(() => expect(tab.querySelector('.count')?.textContent).toBe('1,234'));
    expect(screen.getByRole('tab', { name: /^Owned/ }).querySelector('.count')?.textContent).toBe('0');
  });

  it.each([
    ['the catalog does not count edits (older than the count)', { ...HISTORY, total: null }, 'Ann Slash has not edited any descriptions, tags or owners yet.'],
    ['the BFF sends no total (older than the count)', HISTORY, 'Ann Slash has not edited any descriptions, tags or owners yet.'],
    ['the metadata service keeps no edit history (Amundsen)', { ...HISTORY, available: false, total: null }, `${UNAVAILABLE_TEXT}.`],
  ])('shows no count on the Edits tab when %s', async (_, history, panelText) => {
    stubBff('ann@x.org', history);
    renderWithApp(<Routes><Route path="/user/:userId" element={<UserRoute />} /></Routes>, { route: userPath('ann@x.org'), config: testConfig({}, { indexUsers: true }) });
    const tab = await screen.findByRole('tab', { name: /^Edits/ });
    await userEvent.setup().click(tab);
    expect(await within(screen.getByRole('tabpanel')).findByText(panelText)).toBeTruthy();
    expect(tab.textContent).toBe('Edits');
    expect(screen.getByRole('tab', { name: /^Owned/ }).querySelector('.count')?.textContent).toBe('0');
  });

  it.each(IDS)('prefetches the profile of exactly %s', async (userId) => {
    const asked = stubBff(userId);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(clientConfigQueryOptions().queryKey, testConfig({}, { indexUsers: true }));
    const pathname = userPath(userId);
    prefetch(queryClient, { params: { userId: 'what react-router made of it' }, searchParams: new URLSearchParams(), pathname });
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(new Set(asked)).toEqual(new Set([userId]));
  });

  it('says "No such person" for an id longer than any email, without asking the BFF, and keeps the id short on the page', async () => {
    const userId = 'x'.repeat(400);
    const asked = stubBff(userId);
    renderWithApp(<Routes><Route path="/user/:userId" element={<UserRoute />} /></Routes>, { route: userPath(userId), config: testConfig({}, { indexUsers: true }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'No such person' })).toBeTruthy();
    expect(document.title).toMatch(/^No such person/);
    const code = screen.getByText(/^x+…$/);
    expect(code.textContent).toHaveLength(60);
    expect(screen.queryByText(/longer than/)).toBeNull();
    expect(asked).toEqual([]);

    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(clientConfigQueryOptions().queryKey, testConfig({}, { indexUsers: true }));
    prefetch(queryClient, { params: { userId }, searchParams: new URLSearchParams(), pathname: userPath(userId) });
    expect(queryClient.getQueryCache().getAll().filter((q) => q.queryKey[0] !== clientConfigQueryOptions().queryKey[0])).toEqual([]);
  });

  it('says "No such person" for an id with a line break in it, without asking the BFF or blaming the setup (decision 101)', async () => {
    const userId = 'ro\r\nald';
    const asked = stubBff(userId);
    renderWithApp(<Routes><Route path="/user/:userId" element={<UserRoute />} /></Routes>, { route: userPath(userId), config: testConfig({}, { indexUsers: true }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'No such person' })).toBeTruthy();
    expect(screen.getByText(/No one in the catalog can have the id/)).toBeTruthy();
    expect(screen.queryByText(/set up/)).toBeNull();
    expect(asked).toEqual([]);
    // "Search people" searches for the name without its line break.
    expect(new URL(screen.getByRole('link', { name: 'Search people' }).getAttribute('href')!, 'http://x').searchParams.get('term')).toBe('ro ald');
  });
});
