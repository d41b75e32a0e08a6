// @vitest-environment jsdom
// Focus after a move to another page: on the new page's h1 once it has rendered (after the page's
// skeleton), on `main` when no h1 comes in time, and never away from where the person put it meanwhile.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { createMemoryRouter, Link, MemoryRouter, Outlet, Route, RouterProvider, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useFocusHeadingOnNavigate } from './use-focus-heading-on-navigate';

afterEach(cleanup);

/** A page that shows a skeleton (no h1) first and its h1 after `ms`, as a page waiting for its data. */
function SlowPage({ ms }: { ms: number }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return ready ? <h1>Table sales.orders</h1> : <div role="status">Loading the page</div>;
}

function Shell({ waitMs }: { waitMs?: number }) {
  useFocusHeadingOnNavigate(waitMs);
  return (
    <>
      <nav>
        <Link to="/slow">Slow page</Link>
        <Link to="/never">Page without a heading</Link>
        <input aria-label="Search for data" />
      </nav>
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<h1>Home</h1>} />
          <Route path="/slow" element={<SlowPage ms={120} />} />
          <Route path="/never" element={<p>No heading here</p>} />
        </Routes>
      </main>
    </>
  );
}

const renderShell = (waitMs?: number) =>
  render(
    <MemoryRouter initialEntries={['/']}>
      <Shell waitMs={waitMs} />
    </MemoryRouter>,
  );

describe('focus after a move to another page', () => {
  it('leaves focus alone on the first page', () => {
    renderShell();
    expect(document.activeElement).toBe(document.body);
  });

  it('waits for the new page to render its h1 and focuses it, not main', async () => {
    renderShell();
    await userEvent.setup().click(screen.getByRole('link', { name: 'Slow page' }));
    expect(screen.getByRole('status')).toBeTruthy();
    const heading = await screen.findByRole('heading', { level: 1, name: 'Table sales.orders' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(heading.getAttribute('tabindex')).toBe('-1');
  });

  it('does not take focus back from where the person moved it while the page loaded', async () => {
    renderShell();
    const user = userEvent.setup();
    await user.click(screen.getByRole('link', { name: 'Slow page' }));
    const field = screen.getByRole('textbox', { name: 'Search for data' });
    await user.click(field);
    await screen.findByRole('heading', { level: 1, name: 'Table sales.orders' });
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(document.activeElement).toBe(field);
  });

  it('leaves focus with a person who goes on typing where focus was while the page loads', async () => {
    renderShell();
    const user = userEvent.setup();
    const field = screen.getByRole('textbox', { name: 'Search for data' });
    await user.click(field);
    fireEvent.click(screen.getByRole('link', { name: 'Slow page' })); // as a suggestion chosen with the pointer: focus stays in the field
    await user.keyboard('monthly');
    await screen.findByRole('heading', { level: 1, name: 'Table sales.orders' });
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(document.activeElement).toBe(field);
    expect((field as HTMLInputElement).value).toBe('monthly');
  });

  it('settles on main when no h1 comes within the wait', async () => {
    renderShell(100);
    await userEvent.setup().click(screen.getByRole('link', { name: 'Page without a heading' }));
    expect(document.activeElement).not.toBe(document.getElementById('main'));
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('main')));
  });
});

describe('focus after Back to a page left by a link', () => {
  function Layout() {
    useFocusHeadingOnNavigate(300);
    return (
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    );
  }
  // The home page: the same table in Popular tables and in My bookmarks, as on the real one.
  let linksShown = true;
  function Home() {
    return (
      <>
        <h1>Find the data you need</h1>
        {linksShown ? (
          <>
            <Link to="/slow">sales.orders</Link>
            <Link to="/announcements">Welcome</Link>
            <Link to="/slow">sales.orders</Link>
          </>
        ) : null}
      </>
    );
  }
  function renderRouter() {
    linksShown = true;
    const router = createMemoryRouter(
      [
        {
          element: <Layout />,
          children: [
            { path: '/', element: <Home /> },
            { path: '/slow', element: <SlowPage ms={50} /> },
          ],
        },
      ],
      { initialEntries: ['/'] },
    );
    render(<RouterProvider router={router} />);
    return router;
  }

  it('focuses the link that left the page, the same one of two to the same address, not the h1 above the window', async () => {
    const router = renderRouter();
    const user = userEvent.setup();
    const bookmarked = screen.getAllByRole('link', { name: 'sales.orders' })[1]!;
    bookmarked.focus();
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Table sales.orders' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await act(() => router.navigate(-1));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('link', { name: 'sales.orders' })[1]));
    // A new visit (not Back) to the page starts at its heading, as before.
    await user.click(screen.getAllByRole('link', { name: 'sales.orders' })[0]!);
    await screen.findByRole('heading', { level: 1, name: 'Table sales.orders' });
    await act(() => router.navigate('/'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Find the data you need' })));
  });

  it('focuses the h1 when the link is no longer on the page it returns to', async () => {
    const router = renderRouter();
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('link', { name: 'sales.orders' })[0]!);
    await screen.findByRole('heading', { level: 1, name: 'Table sales.orders' });
    // The link is gone meanwhile (say, the bookmark was removed): only the h1 is left to focus.
    linksShown = false;
    await act(() => router.navigate(-1));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Find the data you need' })), { timeout: 2000 });
  });
});
