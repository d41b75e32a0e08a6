// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useSearchParams } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pagination } from './pagination';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

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

  describe('a pager inside a page (replace), when the next page is shorter and pulls it up out of the window', () => {
    // jsdom lays nothing out: where the focused link ends up after the move is given, as the browser
    // measured it on the home page at 1280 px (My bookmarks' Next 241 px above the window).
    function placeLinksAt(top: number) {
      vi.spyOn(HTMLAnchorElement.prototype, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: top, width: 80, height: 36 }));
      const scrolled: Element[] = [];
      const scrollIntoView = vi.fn(function (this: Element) {
        scrolled.push(this);
      });
      Object.defineProperty(Element.prototype, 'scrollIntoView', { configurable: true, value: scrollIntoView });
      return { scrollIntoView, scrolled };
    }

    it('scrolls the focused Next back into view, to the bottom of the window with the page of the list above it', async () => {
      const user = userEvent.setup();
      renderAt('/list?page=5', true);
      const next = within(pages()).getByRole('link', { name: 'Next' });
      next.focus();
      const { scrollIntoView, scrolled } = placeLinksAt(-241);
      await user.keyboard('{Enter}');
      expect(pages().textContent).toContain('Page 6 of 6');
      expect(document.activeElement).toBe(next);
      expect(scrollIntoView).toHaveBeenCalledWith({ block: 'end' });
      expect(scrolled).toEqual([next]);
    });

    it('leaves the scroll alone when the focused link is still in view, or focus is elsewhere, or the pager adds history entries', async () => {
      const user = userEvent.setup();
      renderAt('/list?page=4', true);
      within(pages()).getByRole('link', { name: 'Next' }).focus();
      const inView = placeLinksAt(400);
      await user.keyboard('{Enter}');
      expect(pages().textContent).toContain('Page 5 of 6');
      expect(inView.scrollIntoView).not.toHaveBeenCalled();
      cleanup();

      const router = renderAt('/list?page=4', true);
      const elsewhere = placeLinksAt(-241);
      await act(() => router.navigate('/list?page=5', { replace: true }));
      expect(pages().textContent).toContain('Page 5 of 6');
      expect(elsewhere.scrollIntoView).not.toHaveBeenCalled();
      cleanup();

      renderAt('/list?page=4');
      within(pages()).getByRole('link', { name: 'Next' }).focus();
      const pushing = placeLinksAt(-241);
      await user.keyboard('{Enter}');
      expect(pages().textContent).toContain('Page 5 of 6');
      expect(pushing.scrollIntoView).not.toHaveBeenCalled();
    });
  });
});
