// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useSearchParams } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { Pagination } from './pagination';

afterEach(cleanup);

function Pages({ replace }: { replace?: boolean }) {
  const [params] = useSearchParams();
  const pageIndex = Number(params.get('page') ?? '1') - 1;
  return <Pagination pageIndex={pageIndex} perPage={10} totalItems={54} hrefForPage={(i) => `/list?page=${i + 1}`} label="Pages of things" replace={replace} />;
}

function renderAt(url: string, replace?: boolean) {
  const router = createMemoryRouter([{ path: '/list', element: <Pages replace={replace} /> }, { path: '/', element: <p>start</p> }], { initialEntries: ['/', url], initialIndex: 1 });
  render(<RouterProvider router={router} />);
  return router;
}

const pages = () => screen.getByRole('navigation', { name: 'Pages of things' });

describe('Pagination', () => {
  it('says "Page n of m" between Previous and Next, the one leading nowhere at either end disabled, with no address', () => {
    renderAt('/list');
    expect(pages().textContent).toBe('PreviousPage 1 of 6Next');
    const previous = within(pages()).getByRole('link', { name: 'Previous' });
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    expect(previous.hasAttribute('href')).toBe(false);
    expect(within(pages()).getByRole('link', { name: 'Next' }).getAttribute('href')).toBe('/list?page=2');
    expect(within(pages()).getByRole('link', { name: 'Next' }).hasAttribute('aria-disabled')).toBe(false);
    cleanup();
    renderAt('/list?page=6');
    expect(pages().textContent).toBe('PreviousPage 6 of 6Next');
    expect(within(pages()).getByRole('link', { name: 'Previous' }).getAttribute('href')).toBe('/list?page=5');
    const next = within(pages()).getByRole('link', { name: 'Next' });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    expect(next.hasAttribute('href')).toBe(false);
  });

  it('keeps keyboard focus on Next when Enter reaches the last page, and on Previous at the first, where Enter then does nothing', async () => {
    const user = userEvent.setup();
    const router = renderAt('/list?page=5', true);
    within(pages()).getByRole('link', { name: 'Next' }).focus();
    await user.keyboard('{Enter}');
    expect(pages().textContent).toContain('Page 6 of 6');
    expect(document.activeElement).toBe(within(pages()).getByRole('link', { name: 'Next' }));
    expect(document.activeElement?.getAttribute('aria-disabled')).toBe('true');
    await user.keyboard('{Enter}');
    await user.click(within(pages()).getByRole('link', { name: 'Next' }));
    expect(router.state.location.search).toBe('?page=6');
    // Tab still moves on from it, as from any link.
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    cleanup();

    renderAt('/list?page=2', true);
    within(pages()).getByRole('link', { name: 'Previous' }).focus();
    await user.keyboard('{Enter}');
    expect(pages().textContent).toContain('Page 1 of 6');
    expect(document.activeElement).toBe(within(pages()).getByRole('link', { name: 'Previous' }));
    expect(document.activeElement?.getAttribute('aria-disabled')).toBe('true');
  });

  it('adds a history entry per page, or with `replace` changes the URL only', async () => {
    const user = userEvent.setup();
    const router = renderAt('/list');
    await user.click(screen.getByRole('link', { name: 'Next' }));
    expect(pages().textContent).toContain('Page 2 of 6');
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('');
    cleanup();

    const replacing = renderAt('/list', true);
    await user.click(screen.getByRole('link', { name: 'Next' }));
    expect(pages().textContent).toContain('Page 2 of 6');
    expect(replacing.state.location.search).toBe('?page=2');
    await act(() => replacing.navigate(-1));
    expect(replacing.state.location.pathname).toBe('/');
  });
});
