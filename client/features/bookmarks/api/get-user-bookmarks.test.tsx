// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TableSummary } from '../../../../contract/api-table';
import { renderWithApp, testUser } from '../../../components/testing/render-with-app';
import { BookmarkToggle } from '../components/bookmark-toggle';
import { useUserBookmarks } from './get-user-bookmarks';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const orders: TableSummary = { type: 'table', key: 'hive://gold.sales/orders', cluster: 'gold', database: 'hive', schema: 'sales', name: 'orders', description: null, schema_description: null };

function BookmarkCount({ userId }: { userId: string }) {
  const query = useUserBookmarks(userId, { enabled: true });
  return <p>{query.data ? `${query.data.table.length} bookmarked` : 'loading'}</p>;
}

function stubLists() {
  const paths: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit) => {
      paths.push(`${init.method ?? 'GET'} ${path}`);
      if ((init.method ?? 'GET') !== 'GET') return new Promise<Response>(() => {});
      return new Response(JSON.stringify({ msg: 'Success', bookmarks: { table: [], dashboard: [] } }), { status: 200 });
    }),
  );
  return paths;
}

describe('useUserBookmarks', () => {
  it('gives your own profile the list your bookmark toggles change, so it shows a new bookmark at once', async () => {
    const user = userEvent.setup();
    const paths = stubLists();
    const me = testUser();
    renderWithApp(
      <>
        <BookmarkCount userId={me.user_id} />
        <BookmarkToggle item={orders} name="sales.orders" />
      </>,
      { user: me },
    );

    expect(await screen.findByText('0 bookmarked')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Bookmark' }).hasAttribute('disabled')).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Bookmark' }));
    expect(screen.getByText('1 bookmarked')).toBeTruthy();
    // One read of your list serves both.
    expect(paths.filter((p) => p.startsWith('GET'))).toEqual(['GET /api/metadata/v0/user/bookmark']);
  });

  it('reads someone else’s bookmarks by their id, apart from yours', async () => {
    const paths = stubLists();
    renderWithApp(<BookmarkCount userId="liv.arnesen@example.org" />, { user: testUser() });
    expect(await screen.findByText('0 bookmarked')).toBeTruthy();
    expect(paths).toEqual(['GET /api/metadata/v0/user/bookmark?user_id=liv.arnesen%40example.org']);
  });
});
