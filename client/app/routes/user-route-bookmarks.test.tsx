// @vitest-environment jsdom
// Your own profile's Bookmarked tab, as the route puts it together (the bookmarks feature's stars and
// list, the profile's tabs): a bookmark removed with its star stays in its place until the list is
// next loaded, and the star puts it back (decision 040).
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TableSummary } from '../../../contract/api-table';
import { renderWithApp, testConfig, testUser, toastsSaid } from '../../components/testing/render-with-app';
import { userPath } from '../paths';
import { UserRoute } from './user-route';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me = testUser();
const table = (name: string): TableSummary => ({ type: 'table', key: `hive://gold.sales/${name}`, cluster: 'gold', database: 'hive', schema: 'sales', name, description: null, schema_description: null });

/** The BFF: `me`'s bookmarks (changed by PUT and DELETE once `release` is called); everything else empty. */
function stubBff(bookmarks: TableSummary[]) {
  let saved = bookmarks;
  const pending: (() => void)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://nansen.test');
      if (url.pathname === '/api/metadata/v0/user/bookmark' && init.method && init.method !== 'GET') {
        const { key } = JSON.parse(String(init.body)) as { key: string };
        await new Promise<void>((resolve) => pending.push(resolve));
        const rest = saved.filter((item) => item.key !== key);
        saved = init.method === 'PUT' ? [bookmarks.find((item) => item.key === key)!, ...rest] : rest;
        return Response.json({ msg: 'Success' });
      }
      const body =
        url.pathname === '/api/metadata/v0/user' ? { msg: 'Success', user: me }
        : url.pathname.endsWith('/own') ? { msg: 'Success', own: { table: [], dashboard: [] } }
        : url.pathname.endsWith('/read') ? { msg: 'Success', read: [] }
        : url.pathname.endsWith('/bookmark') ? { msg: 'Success', bookmarks: { table: saved, dashboard: [] } }
        : { msg: 'Success', available: true, edits: [], next_before: null };
      return Response.json(body);
    }),
  );
  return { release: () => act(async () => pending.splice(0).forEach((resolve) => resolve())) };
}

describe('your profile’s Bookmarked tab', () => {
  it('keeps a bookmark removed with its star in its place, "Removed", counted out, the focus on its star; the star puts it back', async () => {
    const user = userEvent.setup();
    const server = stubBff(Array.from({ length: 12 }, (_, i) => table(`t${String(i + 1).padStart(2, '0')}`)));
    renderWithApp(<Routes><Route path="/user/:userId" element={<UserRoute />} /></Routes>, {
      route: `${userPath(me.user_id)}?tab=bookmarked`,
      config: testConfig({ searchPagination: { resultsPerPage: 10 } }, { indexUsers: true }),
    });
    const star = (name: string) => screen.getByRole('button', { name: `Bookmark ${name}` });
    const section = () => screen.getByTestId('bookmarked-tables');
    await waitFor(() => expect(star('sales.t02').getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByRole('tab', { name: /Bookmarked/ }).textContent).toContain('12');

    await user.click(star('sales.t02'));
    expect(star('sales.t02').getAttribute('aria-pressed')).toBe('false');
    expect(within(star('sales.t02').closest('li')!).getByText('Removed')).toBeTruthy();
    expect(document.activeElement).toBe(star('sales.t02'));
    expect(screen.getByRole('tab', { name: /Bookmarked/ }).textContent).toContain('11');
    expect(within(section()).getByRole('heading').textContent).toContain('11');
    await server.release();
    await waitFor(() => expect(toastsSaid()).toBe('Bookmark of sales.t02 removed'));
    // Still there after the list is read again, and page 2 starts where it did.
    expect(within(section()).getByText('Showing 1–10 of 12 (1 removed)')).toBeTruthy();
    expect(within(star('sales.t02').closest('li')!).getByText('Removed')).toBeTruthy();
    await user.click(within(section()).getByRole('link', { name: 'Next' }));
    expect(within(section()).getAllByRole('link', { name: /^sales\./ }).map((a) => a.textContent)).toEqual(['sales.t11', 'sales.t12']);
    await user.click(within(section()).getByRole('link', { name: 'Previous' }));

    await user.click(star('sales.t02'));
    expect(star('sales.t02').getAttribute('aria-pressed')).toBe('true');
    await server.release();
    await waitFor(() => expect(toastsSaid()).toBe('Bookmarked sales.t02'));
    expect(within(section()).queryByText('Removed')).toBeNull();
    expect(within(section()).getAllByRole('link', { name: /^sales\./ }).map((a) => a.textContent).slice(0, 3)).toEqual(['sales.t01', 'sales.t02', 'sales.t03']);
  });
});
