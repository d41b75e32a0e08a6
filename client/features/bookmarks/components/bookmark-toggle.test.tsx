// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TableSummary } from '../../../../contract/api-table';
import type { ResourceLists } from '../../../../contract/api-user-lists';
import { renderWithApp, testConfig, toastsSaid } from '../../../components/testing/render-with-app';
import { ResourceList } from '../../../components/resource-list';
import { BookmarkToggle, useBookmarkToggles, WithBookmarkStars } from './bookmark-toggle';
import { MyBookmarks } from './my-bookmarks';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const table = (name: string): TableSummary => ({ type: 'table', key: `hive://gold.sales/${name}`, cluster: 'gold', database: 'hive', schema: 'sales', name, description: null, schema_description: null });
const orders = table('orders');

interface Write {
  method: string;
  body: unknown;
}

/**
 * A BFF with a bookmark list: GET answers it, PUT and DELETE change it once `release` is called
 * (so a test sees the page before the server has answered), or fail with `failWith`.
 */
function stubBookmarks(initial: TableSummary[], options: { failWith?: { status: number; message: string }; holdRereads?: boolean } = {}) {
  let saved: ResourceLists = { table: [...initial], dashboard: [] };
  const writes: Write[] = [];
  const pending: (() => void)[] = [];
  let reads = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      if (path !== '/api/metadata/v0/user/bookmark') throw new Error(`unexpected request to ${path}`);
      const method = init.method ?? 'GET';
      if (method === 'GET') {
        reads++;
        // Holding reads after a write shows what the page does on its own (no refetch to hide it).
        if (options.holdRereads && writes.length > 0) return new Promise<Response>(() => {});
        return new Response(JSON.stringify({ msg: 'Success', bookmarks: saved }), { status: 200 });
      }
      const body = JSON.parse(String(init.body)) as { type: 'table'; key: string };
      writes.push({ method, body });
      await new Promise<void>((resolve) => pending.push(resolve));
      if (options.failWith) {
        return new Response(JSON.stringify({ error: { name: 'UpstreamError', message: options.failWith.message } }), { status: options.failWith.status });
      }
      const item = table(body.key.split('/').pop()!);
      saved = { ...saved, table: method === 'PUT' ? [item, ...saved.table.filter((t) => t.key !== body.key)] : saved.table.filter((t) => t.key !== body.key) };
      return new Response(JSON.stringify({ msg: 'Success' }), { status: 200 });
    }),
  );
  return {
    writes,
    reads: () => reads,
    release: () => act(async () => pending.splice(0).forEach((resolve) => resolve())),
  };
}

const renderToggleAndHome = (config = testConfig()) =>
  renderWithApp(
    <>
      <BookmarkToggle item={orders} name="sales.orders" />
      <BookmarkToggle item={orders} name="orders" variant="compact" />
      <MyBookmarks showDashboards />
    </>,
    { config },
  );

const pageToggle = () => screen.getByRole('button', { name: 'Bookmark' });
const resultToggle = () => screen.getByRole('button', { name: 'Bookmark orders' });
const myBookmarkNames = () => within(screen.getByRole('list', { name: 'Bookmarked tables' })).getAllByRole('link').map((a) => a.textContent);
/** The rows of "My bookmarks" that say "Removed". */
const removedNames = () =>
  within(screen.getByRole('list', { name: 'Bookmarked tables' }))
    .queryAllByText('Removed')
    .map((mark) => within(mark.closest('li')!).getByRole('link').textContent);

describe('BookmarkToggle', () => {
  it('bookmarks at once on a first visit (no bookmarks yet): pressed, and in My bookmarks before the server answers', async () => {
    const user = userEvent.setup();
    const server = stubBookmarks([]);
    renderToggleAndHome();

    expect(await screen.findByText('No bookmarks yet')).toBeTruthy();
    await waitFor(() => expect(pageToggle().hasAttribute('disabled')).toBe(false));
    expect(pageToggle().getAttribute('aria-pressed')).toBe('false');

    await user.click(pageToggle());
    // Optimistic: every view of the list shows the bookmark while the PUT is still on its way.
    expect(pageToggle().getAttribute('aria-pressed')).toBe('true');
    expect(resultToggle().getAttribute('aria-pressed')).toBe('true');
    expect(myBookmarkNames()).toEqual(['sales.orders']);
    expect(server.writes).toEqual([{ method: 'PUT', body: { type: 'table', key: 'hive://gold.sales/orders' } }]);

    // Settled: the list is read again from the server and still has it.
    const readsBefore = server.reads();
    await server.release();
    await waitFor(() => expect(server.reads()).toBe(readsBefore + 1));
    expect(pageToggle().getAttribute('aria-pressed')).toBe('true');
    expect(myBookmarkNames()).toEqual(['sales.orders']);
  });

  it('removes a bookmark with the compact toggle of a search result, everywhere at once', async () => {
    const user = userEvent.setup();
    const server = stubBookmarks([table('payments'), orders]);
    renderToggleAndHome();

    await waitFor(() => expect(resultToggle().getAttribute('aria-pressed')).toBe('true'));
    expect(myBookmarkNames()).toEqual(['sales.payments', 'sales.orders']);

    await user.click(resultToggle());
    expect(resultToggle().getAttribute('aria-pressed')).toBe('false');
    expect(pageToggle().getAttribute('aria-pressed')).toBe('false');
    // "My bookmarks" on the same page keeps its row in place, removed, until it is next loaded (decision 040).
    expect(myBookmarkNames()).toEqual(['sales.payments', 'sales.orders']);
    expect(removedNames()).toEqual(['sales.orders']);
    expect(server.writes).toEqual([{ method: 'DELETE', body: { type: 'table', key: 'hive://gold.sales/orders' } }]);
    await server.release();
  });

  it('rolls back and says why in a toast when the server refuses', async () => {
    const user = userEvent.setup();
    const server = stubBookmarks([], { failWith: { status: 502, message: 'The metadata service did not answer' }, holdRereads: true });
    renderToggleAndHome();

    await waitFor(() => expect(pageToggle().hasAttribute('disabled')).toBe(false));
    await user.click(pageToggle());
    expect(pageToggle().getAttribute('aria-pressed')).toBe('true');

    await server.release();
    const toast = await screen.findByRole('alert');
    expect(within(toast).getByText('Could not bookmark sales.orders')).toBeTruthy();
    expect(within(toast).getByText('The metadata service did not answer')).toBeTruthy();
    expect(pageToggle().getAttribute('aria-pressed')).toBe('false');
    expect(resultToggle().getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('No bookmarks yet')).toBeTruthy();
  });

  it('says when removing a bookmark failed, and shows it bookmarked again', async () => {
    const user = userEvent.setup();
    const server = stubBookmarks([orders], { failWith: { status: 403, message: 'Bookmarks are read-only here' }, holdRereads: true });
    renderToggleAndHome();

    await waitFor(() => expect(pageToggle().getAttribute('aria-pressed')).toBe('true'));
    await user.click(pageToggle());
    expect(removedNames()).toEqual(['sales.orders']);
    await server.release();
    expect(within(await screen.findByRole('alert')).getByText('Could not remove the bookmark of sales.orders')).toBeTruthy();
    expect(pageToggle().getAttribute('aria-pressed')).toBe('true');
    expect(myBookmarkNames()).toEqual(['sales.orders']);
    expect(removedNames()).toEqual([]);
  });

  it('counts removing the bookmark of a table deleted since the page was opened (404) as done, and says it is gone', async () => {
    const user = userEvent.setup();
    const server = stubBookmarks([orders], { failWith: { status: 404, message: 'table_uri hive://gold.sales/orders does not exist' }, holdRereads: true });
    renderToggleAndHome();

    await waitFor(() => expect(pageToggle().getAttribute('aria-pressed')).toBe('true'));
    await user.click(pageToggle());
    await waitFor(() => expect(server.writes).toEqual([{ method: 'DELETE', body: { type: 'table', key: orders.key } }]));
    await server.release();
    await waitFor(() => expect(toastsSaid()).toBe('Bookmark of sales.orders removed: the table is no longer in the catalog'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(pageToggle().getAttribute('aria-pressed')).toBe('false');
    // My bookmarks keeps its row, marked removed, as for any bookmark removed here.
    expect(removedNames()).toEqual(['sales.orders']);
  });

  it('still says when bookmarking a table that is gone failed (a 404 on adding is not done)', async () => {
    const user = userEvent.setup();
    const server = stubBookmarks([], { failWith: { status: 404, message: 'table_uri hive://gold.sales/orders does not exist' }, holdRereads: true });
    renderToggleAndHome();
    await waitFor(() => expect(pageToggle().hasAttribute('disabled')).toBe(false));
    await user.click(pageToggle());
    await waitFor(() => expect(server.writes).toHaveLength(1));
    await server.release();
    expect(within(await screen.findByRole('alert')).getByText('Could not bookmark sales.orders')).toBeTruthy();
    expect(pageToggle().getAttribute('aria-pressed')).toBe('false');
  });

  it('waits for the bookmarks before it can be pressed', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise(() => {})));
    renderToggleAndHome();
    expect(pageToggle().hasAttribute('disabled')).toBe(true);
    expect(pageToggle().getAttribute('title')).toBe('Loading your bookmarks');
  });

  it('is not there when bookmarks are turned off in the UI config', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<BookmarkToggle item={orders} name="sales.orders" />, { config: testConfig({ bookmarks: { enabled: false } }) });
    expect(screen.queryByRole('button')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

/** A page of results' stars, as the search page makes them: one hook for all. */
function ResultStars({ items }: { items: TableSummary[] }) {
  const toggle = useBookmarkToggles();
  return toggle ? <ul>{items.map((item) => <li key={item.key}>{toggle(item, item.name)}</li>)}</ul> : <p>No stars</p>;
}

describe('useBookmarkToggles', () => {
  const payments = table('payments');

  it('reads the bookmarks once for every star, shows which are bookmarked, and agrees with the other toggles', async () => {
    const user = userEvent.setup();
    const server = stubBookmarks([payments]);
    renderWithApp(
      <>
        <ResultStars items={[orders, payments, table('customers')]} />
        <BookmarkToggle item={orders} name="sales.orders" />
      </>,
    );
    const star = (name: string) => screen.getByRole('button', { name: `Bookmark ${name}` });
    expect(star('orders').hasAttribute('disabled')).toBe(true);
    expect(star('orders').getAttribute('title')).toBe('Loading your bookmarks');

    await waitFor(() => expect(star('payments').getAttribute('aria-pressed')).toBe('true'));
    expect(star('orders').getAttribute('aria-pressed')).toBe('false');
    expect(star('customers').getAttribute('aria-pressed')).toBe('false');
    expect(server.reads()).toBe(1);

    await user.click(star('orders'));
    expect(star('orders').getAttribute('aria-pressed')).toBe('true');
    expect(pageToggle().getAttribute('aria-pressed')).toBe('true');
    expect(star('payments').getAttribute('aria-pressed')).toBe('true');
    expect(server.writes).toEqual([{ method: 'PUT', body: { type: 'table', key: 'hive://gold.sales/orders' } }]);
    await server.release();
  });

  it('makes no stars and asks for nothing when bookmarks are turned off', () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<ResultStars items={[orders]} />, { config: testConfig({ bookmarks: { enabled: false } }) });
    expect(screen.getByText('No stars')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('WithBookmarkStars', () => {
  // Finding 2 of the bookmark-lists pass: a list of tables (a profile's, a dashboard's) had no star.
  it('gives each item of a resource list inside a star that shows and changes the bookmark', async () => {
    const user = userEvent.setup();
    const server = stubBookmarks([table('payments')]);
    renderWithApp(
      <WithBookmarkStars>
        <ResourceList items={[orders, table('payments')]} label="Tables used" />
      </WithBookmarkStars>,
    );
    const star = (name: string) => within(screen.getByRole('list', { name: 'Tables used' })).getByRole('button', { name: `Bookmark ${name}` });
    await waitFor(() => expect(star('sales.payments').getAttribute('aria-pressed')).toBe('true'));
    expect(star('sales.orders').getAttribute('aria-pressed')).toBe('false');
    expect(star('sales.orders').closest('a')).toBeNull();

    await user.click(star('sales.orders'));
    expect(star('sales.orders').getAttribute('aria-pressed')).toBe('true');
    expect(server.writes).toEqual([{ method: 'PUT', body: { type: 'table', key: 'hive://gold.sales/orders' } }]);
    await server.release();
  });

  it('gives no stars when bookmarks are off', () => {
    vi.stubGlobal('fetch', vi.fn());
    renderWithApp(
      <WithBookmarkStars>
        <ResourceList items={[orders]} label="Tables used" />
      </WithBookmarkStars>,
      { config: testConfig({ bookmarks: { enabled: false } }) },
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});
