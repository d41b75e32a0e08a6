// @vitest-environment jsdom
// A page rendered for roald while another tab has logged in as liv: its reads and writes name roald and
// are refused, it says so with a way to reload, it notices on focus too, typed text stays on screen, and
// roald's page never shows liv's data. A page whose session another tab ended (logged out) says so on focus,
// with a way to log in again and back, and goes nowhere by itself.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import userEvent from '@testing-library/user-event';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TableSummary } from '../../../contract/api-table';
import { normalizeUser } from '../../../contract/user';
import { EditableDescription } from '../../components/editable-description';
import { renderWithApp } from '../../components/testing/render-with-app';
import { requestJson, setPageUser } from '../../lib/api-client';
import { tellSessionEnded } from '../../lib/login-redirect';
import { createQueryClient, shouldRetry } from '../../lib/query-client';
import { WITHHELD } from '../../components/state';
import { BookmarkToggle } from '../../features/bookmarks/components/bookmark-toggle';
import { MyBookmarks } from '../../features/bookmarks/components/my-bookmarks';
import { PopularResources } from '../../features/popular-resources/components/popular-resources';
import { SessionUserNotice, useSessionCheck } from './session-user-check';

const ROALD = normalizeUser({ user_id: 'roald.amundsen@example.org', email: 'roald.amundsen@example.org', first_name: 'Roald', last_name: 'Amundsen' })!;
const LIV = normalizeUser({ user_id: 'liv.arnesen@example.org', email: 'liv.arnesen@example.org', first_name: 'Liv', last_name: 'Arnesen' })!;
const LIV_NOW = 'You are now signed in as Liv Arnesen in another tab or window; reload this page.';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refusal = () => json({ error: { name: 'ConflictError', message: LIV_NOW, code: 'session_user_changed' } }, 409);

/**
 * The BFF as the other tab left it (server/auth/page-user-guard.ts): the session is `sessionUser`'s; a request
 * naming someone else is refused, a write naming no one too; a read naming no one, and /api/auth_user, are
 * answered for the session's user (`answer`).
 */
function stubBff(sessionUser: () => typeof ROALD, answer: (user: typeof ROALD) => unknown = () => ({ msg: 'Success' })) {
  const fetchFn = vi.fn(async (path: string, init: RequestInit) => {
    if (path === '/api/auth_user') return json({ msg: 'Success', user: sessionUser() });
    const named = (init.headers as Record<string, string>)['X-Nansen-User'];
    const read = (init.method ?? 'GET') === 'GET';
    return named === encodeURIComponent(sessionUser().user_id) || (read && named === undefined) ? json(answer(sessionUser())) : refusal();
  });
  vi.stubGlobal('fetch', fetchFn);
  return fetchFn;
}

function Shell({ reload }: { reload: () => void }) {
  return <SessionUserNotice notice={useSessionCheck()} reload={reload} />;
}

beforeEach(() => setPageUser(ROALD.user_id));
afterEach(() => {
  cleanup();
  setPageUser(null);
  vi.unstubAllGlobals();
});

describe('a page whose session another tab has given to someone else', () => {
  it('names its own user, percent-encoded, on every request, reads too', async () => {
    setPageUser('signe.ødegård@example.org');
    const fetchFn = stubBff(() => ROALD);
    await requestJson('/api/auth_user', v.unknown());
    await requestJson('/api/x', v.unknown(), { method: 'PUT', body: {} }).catch(() => {});
    await requestJson('/api/x', v.unknown(), { method: 'DELETE', body: {} }).catch(() => {});
    const named = fetchFn.mock.calls.map(([, init]) => (init.headers as Record<string, string>)['X-Nansen-User']);
    expect(named).toEqual(Array(3).fill('signe.%C3%B8deg%C3%A5rd%40example.org'));
  });

  it('shows the refusal of a write with a Reload button, and the refusal is not retried', async () => {
    const fetchFn = stubBff(() => LIV);
    const reload = vi.fn();
    render(<Shell reload={reload} />);
    expect(screen.queryByRole('alert')).toBeNull();
    const error = await act(() => requestJson('/api/metadata/v0/user/bookmark', v.unknown(), { method: 'PUT', body: { type: 'table', key: 'k' } }).catch((e: unknown) => e));
    expect(error).toMatchObject({ status: 409, code: 'session_user_changed', message: LIV_NOW });
    expect(shouldRetry(0, error)).toBe(false);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect((await screen.findByRole('alert')).textContent).toContain(LIV_NOW);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload this page' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('does not take another 409 (a description conflict) for a change of user', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ error: { name: 'ConflictError', message: 'Changed meanwhile', code: 'edit_conflict' }, current: { description: 'x', edited_by: null, edited_at: null } }, 409)));
    render(<Shell reload={vi.fn()} />);
    await act(() => requestJson('/api/x', v.unknown(), { method: 'PUT', body: {} }).catch(() => {}));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says a refusal sent before the check was loaded (the shell loads it after the first page) once it is', async () => {
    stubBff(() => LIV);
    await requestJson('/api/metadata/v0/user/bookmark', v.unknown()).catch(() => {});
    render(<Shell reload={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toContain(LIV_NOW);
  });

  it('forgets such a refusal when the page names its user again (a new page)', async () => {
    stubBff(() => LIV);
    await requestJson('/api/metadata/v0/user/bookmark', v.unknown()).catch(() => {});
    setPageUser(ROALD.user_id);
    render(<Shell reload={vi.fn()} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('rolls back a refused bookmark with no toast of its own: the notice says why, once', async () => {
    let session = ROALD;
    const table = { type: 'table' as const, key: 'hive://gold.sales/orders', cluster: 'gold', database: 'hive', schema: 'sales', name: 'orders', description: null, schema_description: null };
    stubBff(() => session, () => ({ msg: 'Success', bookmarks: { table: [], dashboard: [] } }));
    const user = userEvent.setup();
    renderWithApp(
      <>
        <Shell reload={vi.fn()} />
        <BookmarkToggle item={table} name="sales.orders" />
      </>,
      { user: ROALD },
    );
    const toggle = screen.getByRole('button', { name: 'Bookmark' });
    await vi.waitFor(() => expect(toggle.hasAttribute('disabled')).toBe(false));

    session = LIV;
    await user.click(toggle);
    expect((await screen.findByRole('alert')).textContent).toContain(LIV_NOW);
    await vi.waitFor(() => expect(toggle.getAttribute('aria-pressed')).toBe('false'));
    // Let the mutation's error handler run (a toast would appear with it).
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(within(screen.getByRole('region', { name: 'Notifications' })).queryAllByRole('listitem')).toEqual([]);
    expect(screen.getAllByText(LIV_NOW)).toHaveLength(1);
    expect(screen.queryByText(/Could not bookmark/)).toBeNull();
  });

  it('asks who is signed in when the window gets focus or the tab becomes visible, and says so until it is the page user again', async () => {
    let session = ROALD;
    const fetchFn = stubBff(() => session);
    render(<Shell reload={vi.fn()} />);
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(fetchFn).toHaveBeenCalledTimes(1));
    // Let that check finish: one at a time (focus and visibilitychange often come together).
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryByRole('alert')).toBeNull();

    session = LIV;
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect((await screen.findByRole('alert')).textContent).toContain(LIV_NOW);
    expect(fetchFn.mock.calls.map(([path]) => path)).toEqual(['/api/auth_user', '/api/auth_user']);

    session = ROALD;
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('keeps the typed description on screen when its save is refused, with the reason', async () => {
    stubBff(() => LIV);
    const user = userEvent.setup();
    const save = (text: string, base: string | null) =>
      requestJson('/api/metadata/v0/put_table_description', v.unknown(), { method: 'PUT', body: { key: 'k', description: text, base } });
    renderWithApp(
      <EditableDescription value="Orders" canEdit editText="Edit description" fieldLabel="Description of orders" maxLength={750} markdown={false} save={save}>
        <p>Orders</p>
      </EditableDescription>,
      { user: ROALD },
    );
    await user.click(screen.getByRole('button', { name: 'Edit description' }));
    await user.type(screen.getByRole('textbox'), ' placed in the shop');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain(LIV_NOW);
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Orders placed in the shop');
  });

  describe("a read, as on roald's home page with its bookmarks", () => {
    const table = (name: string): TableSummary => ({ type: 'table', key: `hive://gold.sales/${name}`, cluster: 'gold', database: 'hive', schema: 'sales', name, description: null, schema_description: null });
    const BOOKMARKS: Record<string, TableSummary[]> = { [ROALD.user_id]: [table('orders')], [LIV.user_id]: [table('customers')] };
    const bookmarksOf = (user: typeof ROALD) => ({ msg: 'Success', bookmarks: { table: BOOKMARKS[user.user_id], dashboard: [] } });
    const bookmarkReads = (fetchFn: ReturnType<typeof stubBff>) => fetchFn.mock.calls.filter(([path]) => path === '/api/metadata/v0/user/bookmark').length;
    /** The home page's bookmarks under the shell's notice, with the app's own query client (its retry rule, its 401 handling). */
    const renderHome = () => {
      const queryClient = createQueryClient({ onUnauthorized: vi.fn() });
      renderWithApp(
        <>
          <Shell reload={vi.fn()} />
          <MyBookmarks showDashboards />
        </>,
        { user: ROALD, queryClient },
      );
      return queryClient;
    };
    const notifications = () => within(screen.getByRole('region', { name: 'Notifications' }));

    it("is refused when liv is signed in now: the notice says so, once, with the reload; the list a quiet placeholder; no retry, no toast, no 'Try again'", async () => {
      const fetchFn = stubBff(() => LIV, bookmarksOf);
      renderHome();
      expect(await screen.findByText(WITHHELD)).toBeTruthy();
      // The query shows its error only once its retries are spent: one request is no retry.
      expect(bookmarkReads(fetchFn)).toBe(1);
      await screen.findByRole('alert');
      // The notice is the one alert, and the one place the sentence is said.
      expect(screen.getAllByRole('alert')).toHaveLength(1);
      expect(within(screen.getByRole('alert')).getByRole('button', { name: 'Reload this page' })).toBeTruthy();
      expect(screen.getAllByText(LIV_NOW)).toHaveLength(1);
      expect(screen.queryByText('Your bookmarks could not be loaded')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
      expect(notifications().queryAllByRole('alert')).toEqual([]);
      expect(screen.queryByText('customers')).toBeNull();
    });

    it('shows every refused panel of the home page as a quiet placeholder under its title, the sentence said once, in the notice', async () => {
      stubBff(() => LIV, bookmarksOf);
      renderWithApp(
        <>
          <Shell reload={vi.fn()} />
          <MyBookmarks showDashboards />
          <PopularResources showDashboards />
        </>,
        { user: ROALD, queryClient: createQueryClient({ onUnauthorized: vi.fn() }) },
      );
      await vi.waitFor(() => expect(screen.getAllByText(WITHHELD)).toHaveLength(3));
      for (const title of ['My bookmarks', 'Popular tables', 'Popular dashboards']) expect(screen.getByText(title)).toBeTruthy();
      expect(screen.queryByText(/could not be loaded/)).toBeNull();
      expect(screen.getAllByRole('alert')).toHaveLength(1);
      expect(screen.getAllByText(LIV_NOW)).toHaveLength(1);
      expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    });

    it("keeps roald's bookmarks on screen when their refetch is refused after the switch, never liv's", async () => {
      let session = ROALD;
      const fetchFn = stubBff(() => session, bookmarksOf);
      const queryClient = renderHome();
      expect(await screen.findByRole('link', { name: /orders/ })).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();

      session = LIV;
      await act(() => queryClient.invalidateQueries());
      expect((await screen.findByRole('alert')).textContent).toContain(LIV_NOW);
      expect(bookmarkReads(fetchFn)).toBe(2);
      expect(within(screen.getByRole('list', { name: /^Bookmarked tables/ })).getAllByRole('link').map((a) => a.textContent)).toEqual([expect.stringContaining('orders')]);
      expect(screen.queryByText(/customers/)).toBeNull();
      expect(notifications().queryAllByRole('alert')).toEqual([]);
    });
  });
});

describe('a page whose session another tab has ended (logged out)', () => {
  const LOGGED_OUT = 'You are logged out — in another tab, or your session ended. Log in again to go on; unsaved text is kept.';
  const HERE = '/table_detail/gold/hive/sales/orders?tab=overview';
  /** The BFF's /api/auth_user answering `answer`; nothing else is asked. */
  const stubAuthUser = (answer: () => Response | Promise<Response>) => {
    const fetchFn = vi.fn(async (path: string) => {
      if (path !== '/api/auth_user') throw new Error(`unexpected request to ${path}`);
      return answer();
    });
    vi.stubGlobal('fetch', fetchFn);
    return fetchFn;
  };
  const notLoggedIn = () => json({ error: { name: 'NotAuthenticatedError', message: 'Your session has ended; log in again.' } }, 401);
  /** The shell's check over a page with text being written, at HERE. */
  const renderPage = () =>
    render(
      <MemoryRouter initialEntries={[HERE]}>
        <Shell reload={vi.fn()} />
        <textarea aria-label="Description of orders" defaultValue="Every order, edited in this tab" />
      </MemoryRouter>,
    );
  const focusAndSettle = async (fetchFn: ReturnType<typeof stubAuthUser>, calls = 1) => {
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(fetchFn).toHaveBeenCalledTimes(calls));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  };

  it('says so when the focus check answers 401, with a Log in again link to the login that returns here; the page stays as it is', async () => {
    const fetchFn = stubAuthUser(notLoggedIn);
    const before = window.location.href;
    renderPage();
    expect(screen.queryByRole('alert')).toBeNull();
    await focusAndSettle(fetchFn);

    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain(LOGGED_OUT);
    const logIn = within(notice).getByRole('link', { name: 'Log in again' });
    expect(logIn.getAttribute('href')).toBe('/login?returnTo=' + encodeURIComponent(HERE));
    expect(logIn.className).toContain('btn--primary');
    // A full page load (the BFF's /login), not a move within the app: the router leaves its click to the browser.
    expect(logIn.hasAttribute('data-app-link')).toBe(false);
    let leftToTheBrowser: boolean | undefined;
    const afterTheApp = (event: Event) => {
      leftToTheBrowser = !event.defaultPrevented;
      event.preventDefault(); // jsdom cannot load another document
    };
    document.addEventListener('click', afterTheApp);
    logIn.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    document.removeEventListener('click', afterTheApp);
    expect(leftToTheBrowser).toBe(true);
    expect(within(notice).queryByRole('button', { name: 'Reload this page' })).toBeNull();
    // Nothing is thrown away and nothing goes anywhere by itself.
    expect((screen.getByRole('textbox', { name: 'Description of orders' }) as HTMLTextAreaElement).value).toBe('Every order, edited in this tab');
    expect(window.location.href).toBe(before);
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('keeps saying so until a check finds the page user signed in again', async () => {
    let answer = notLoggedIn;
    const fetchFn = stubAuthUser(() => answer());
    renderPage();
    await focusAndSettle(fetchFn);
    expect((await screen.findByRole('alert')).textContent).toContain(LOGGED_OUT);

    answer = () => {
      throw new TypeError('Failed to fetch');
    };
    await focusAndSettle(fetchFn, 2);
    expect(screen.getByRole('alert').textContent).toContain(LOGGED_OUT);

    answer = () => json({ msg: 'Success', user: ROALD });
    await focusAndSettle(fetchFn, 3);
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('says nothing when the check cannot reach the server, or the server fails', async () => {
    let answer: () => Response = () => {
      throw new TypeError('Failed to fetch');
    };
    const fetchFn = stubAuthUser(() => answer());
    renderPage();
    await focusAndSettle(fetchFn);
    answer = () => json({ error: { name: 'InternalError', message: 'Something went wrong' } }, 500);
    await focusAndSettle(fetchFn, 2);
    answer = () => json({ error: { name: 'ForbiddenError', message: 'No.' } }, 403);
    await focusAndSettle(fetchFn, 3);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/logged out/)).toBeNull();
  });

  it("says so when a refresh of the page's data meets 401 (coming back to the tab later), keeping the data and going nowhere", async () => {
    let answer = () => json({ msg: 'Success', rows: ['orders'] });
    vi.stubGlobal('fetch', vi.fn(async () => answer()));
    const onUnauthorized = vi.fn();
    const queryClient = createQueryClient({ onUnauthorized, onUnauthorizedRefresh: tellSessionEnded });
    function Rows() {
      const rows = useQuery({ queryKey: ['rows'], queryFn: () => requestJson('/api/rows', v.object({ rows: v.array(v.string()) })) });
      return <p>{rows.data?.rows.join(', ') ?? 'loading'}</p>;
    }
    render(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[HERE]}>
          <Shell reload={vi.fn()} />
          <Rows />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('orders')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    answer = notLoggedIn;
    await act(() => queryClient.refetchQueries());
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain(LOGGED_OUT);
    expect(within(notice).getByRole('link', { name: 'Log in again' }).getAttribute('href')).toBe('/login?returnTo=' + encodeURIComponent(HERE));
    expect(screen.getByText('orders')).toBeTruthy();
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('says so when a refresh met 401 before the check was loaded (its event heard by no one)', async () => {
    const fetchFn = stubAuthUser(notLoggedIn);
    tellSessionEnded();
    renderPage();
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain(LOGGED_OUT);
    expect(within(notice).getByRole('link', { name: 'Log in again' }).getAttribute('href')).toBe('/login?returnTo=' + encodeURIComponent(HERE));
    expect(fetchFn).not.toHaveBeenCalled();
    // Heard now, by the mounted check: no longer missed, so the next page's check starts quiet.
    tellSessionEnded();
    cleanup();
    renderPage();
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says nothing when the check answers 200 for the page user', async () => {
    const fetchFn = stubAuthUser(() => json({ msg: 'Success', user: ROALD }));
    renderPage();
    await focusAndSettle(fetchFn);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Log in again' })).toBeNull();
  });
});
